"""The five seed articles, ingested in order, give the picture a careful reader gets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.events import TripEvent, decode
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore, open_store
from tests.support.summary import summarise

GOLDEN = json.loads(
    (Path(__file__).parent.parent / "fixtures" / "golden" / "seeds.json").read_text("utf-8")
)
SEED_FILES = list(iter_article_files([str(PROJECT_ROOT / "seeds")]))


@pytest.fixture
def seeded(sqlite_url: str) -> Iterator[EventStore]:
    store = open_store(sqlite_url)
    for name in SEED_FILES:
        ingest(store, Path(name).read_bytes())
    yield store
    store.close()


def test_one_trip_of_four_legs_as_a_careful_reader_sees_it(seeded: EventStore) -> None:
    trips = summarise(seeded)
    assert set(trips) == set(GOLDEN["trips"])
    for trip_id, expected in GOLDEN["trips"].items():
        got = trips[trip_id]
        for key, value in expected.items():
            assert got[key] == value, key


def test_every_fact_cites_its_sentence_at_its_span(seeded: EventStore) -> None:
    texts = {}
    for stored in seeded.read_all():
        event = decode(stored.event_type, stored.schema_version, stored.data)
        if stored.event_type == "ArticleRecorded":
            texts[stored.stream_id.removeprefix("article-")] = event.text  # type: ignore[attr-defined]
            continue
        assert isinstance(event, TripEvent)
        assert event.provenance, stored.event_type
        for cite in event.provenance:
            text = texts[cite.article_id]
            start, end = cite.span
            assert 0 <= start < end <= len(text)
            assert cite.sentence in text
            sentence_start = text.index(cite.sentence)
            assert sentence_start <= start and end <= sentence_start + len(cite.sentence)
            assert cite.rule


def test_reingesting_the_seeds_changes_nothing(seeded: EventStore) -> None:
    before = seeded.last_position()
    for name in SEED_FILES:
        report = ingest(seeded, Path(name).read_bytes())
        assert report.known and report.appended == []
    assert seeded.last_position() == before


def test_the_same_trip_from_three_announcements_is_one_fact_with_three_sources(
    seeded: EventStore,
) -> None:
    corroborated = [
        decode(e.event_type, e.schema_version, e.data)
        for e in seeded.read_all()
        if e.event_type == "FactCorroborated"
    ]
    window_sources = {
        p.article_id
        for event in corroborated
        if event.fact == "trip.window"  # type: ignore[attr-defined]
        for p in event.provenance  # type: ignore[attr-defined]
    }
    assert len(window_sources) >= 3  # 001, 003 and 004 confirm what 000 announced


def test_page_furniture_yields_no_facts(seeded: EventStore) -> None:
    furniture = "Tin cùng chuyên mục"
    for stored in seeded.read_all():
        if stored.event_type != "ArticleRecorded":
            assert furniture not in stored.data
            assert "Bản Lầu" not in stored.data and "2026" not in stored.data


def test_the_russia_engagements_are_reported_in_the_russia_leg(seeded: EventStore) -> None:
    (trip,) = summarise(seeded).values()
    russia = [e for e in trip["engagements"] if e["leg"] == "RU"]
    kinds = {e["kind"] for e in russia}
    assert {
        "ceremony",
        "wreath_laying",
        "banquet",
        "talks",
        "meeting",
        "signing",
        "speech",
        "forum",
    } <= kinds
    met = {name for e in russia if e["kind"] == "meeting" for name in e["counterparts"]}
    assert {
        "Xi Jinping",
        "Miguel Díaz-Canel",
        "Nikol Pashinyan",
        "Mikhail Mishustin",
        "Gennady Zyuganov",
    } <= met
    talks = [e for e in russia if e["kind"] == "talks"]
    assert len(talks) == 1 and "Vladimir Putin" in talks[0]["counterparts"]
    victory = [e for e in russia if "Great Patriotic War" in e["title"]]
    assert len(victory) == 1  # told twice in 002, one engagement
    assert all(e["leg"] != "RU" for e in trip["engagements"] if "Minsk" in e["title"])
