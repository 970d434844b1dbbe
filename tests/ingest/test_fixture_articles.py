"""Hand-written articles nobody tuned the extractor on, and what a careful reader gets.

Each case of `tests/fixtures/golden/fixtures.json` ingests its articles, in order, into a
fresh SQLite log; every check (the set of trips, each key of each trip, event counts) is
its own test, so a known failure is marked on exactly what is wrong (`xfail` in the
golden file, strict) while everything else the case states keeps being asserted.
The CLI and property tests at the end cover what the golden cases cannot: refusing bad
files without writing anything, and never crashing on arbitrary input.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.cli import main
from calendar_svc.domain.events import (
    ArticleRecorded,
    FactCorroborated,
    ScheduleRevised,
    TripEvent,
    VisitAnnounced,
    decode,
)
from calendar_svc.domain.trip import window_text
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from calendar_svc.services.ingestion import ArticleMeta, ArticleRejected, ingest, propose
from calendar_svc.store import EventStore, migrate, open_store
from tests.support.summary import summarise

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLDEN: dict[str, Any] = json.loads((FIXTURES / "golden" / "fixtures.json").read_text("utf-8"))
CASES: dict[str, dict[str, Any]] = GOLDEN["cases"]

#: Trip keys that tests/support/summary.py does not give and this module derives.
_DERIVED = {"durations", "revisions", "corroborated"}


# --------------------------------------------------------------------------------------------
# Running a case
# --------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    trips: dict[str, dict[str, Any]]
    counts: Counter[str]


def _articles(case: dict[str, Any]) -> list[tuple[Path, ArticleMeta]]:
    items = []
    for item in case["articles"]:
        if isinstance(item, str):
            items.append((ARTICLES / item, ArticleMeta()))
        else:
            published = item.get("published_on")
            meta = ArticleMeta(published_on=date.fromisoformat(published) if published else None)
            items.append((ARTICLES / item["file"], meta))
    return items


def _derived(store: EventStore) -> dict[str, dict[str, Any]]:
    """Per trip: first stated duration per leg, schedule revisions, corroborated facts."""
    extra: dict[str, dict[str, Any]] = {}
    for stored in store.read_all():
        if not stored.stream_id.startswith("trip-"):
            continue
        event = decode(stored.event_type, stored.schema_version, stored.data)
        assert isinstance(event, TripEvent)
        trip = extra.setdefault(
            event.trip_id, {"durations": {}, "revisions": [], "corroborated": set()}
        )
        prefix = f"leg:{event.trip_id}/"
        if isinstance(event, VisitAnnounced) and event.duration_days is not None:
            trip["durations"].setdefault(event.country_code, event.duration_days)
        elif isinstance(event, ScheduleRevised):
            trip["revisions"].append(
                {
                    "leg": event.leg_id.rsplit("/", 1)[-1].upper() if event.leg_id else None,
                    "previous": window_text(event.previous) if event.previous else None,
                    "revised": window_text(event.revised),
                }
            )
        elif isinstance(event, FactCorroborated):
            trip["corroborated"].add(event.fact.removeprefix(prefix))
    return extra


def _run(case_id: str, workdir: Path) -> Outcome:
    url = f"sqlite:///{workdir / 'calendar.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    try:
        for path, meta in _articles(CASES[case_id]):
            ingest(store, path.read_bytes(), meta)
        trips = summarise(store)
        for trip_id, extra in _derived(store).items():
            trips[trip_id].update(extra)
        counts = Counter(stored.event_type for stored in store.read_all())
    finally:
        store.close()
    return Outcome(trips=trips, counts=counts)


@pytest.fixture(scope="module")
def outcome_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Outcome]:
    """Each case is ingested once, into its own fresh log, and shared by its checks."""
    done: dict[str, Outcome] = {}

    def get(case_id: str) -> Outcome:
        if case_id not in done:
            done[case_id] = _run(case_id, tmp_path_factory.mktemp("case"))
        return done[case_id]

    return get


# --------------------------------------------------------------------------------------------
# One test per check
# --------------------------------------------------------------------------------------------


def _checks() -> Iterator[Any]:
    for case_id, case in CASES.items():
        names = ["trip_ids"]
        for trip_id, expected in case["trips"].items():
            names += [f"{trip_id}.{key}" for key in expected]
        if "event_counts" in case:
            names.append("event_counts")
        if "only_event_types" in case:
            names.append("only_event_types")
        known = case.get("xfail", {})
        for name in names:
            reason = known.get(name) or known.get("*")
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case_id, name, id=f"{case_id}::{name}", marks=marks)


def _compare_legs(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """Legs in order; only the keys the golden file writes for a leg are compared."""
    seen = [{key: leg.get(key) for key in want} for leg, want in zip(got, expected, strict=False)]
    assert [leg["country"] for leg in got] == [leg["country"] for leg in expected]
    assert seen == expected


@pytest.mark.parametrize(("case_id", "check"), list(_checks()))
def test_fixture_article(case_id: str, check: str, outcome_of: Callable[[str], Outcome]) -> None:
    case = CASES[case_id]
    outcome = outcome_of(case_id)
    if check == "trip_ids":
        assert sorted(outcome.trips) == sorted(case["trips"])
        return
    if check == "event_counts":
        got = {kind: outcome.counts.get(kind, 0) for kind in case["event_counts"]}
        assert got == case["event_counts"]
        return
    if check == "only_event_types":
        assert set(outcome.counts) <= set(case["only_event_types"]), dict(outcome.counts)
        return
    trip_id, key = check.rsplit(".", 1)
    assert trip_id in outcome.trips, f"no trip {trip_id}; the log has {sorted(outcome.trips)}"
    trip = outcome.trips[trip_id]
    expected = case["trips"][trip_id][key]
    if key == "legs":
        _compare_legs(trip["legs"], expected)
    elif key == "corroborated":
        assert set(expected) <= trip.get("corroborated", set())
    elif key in _DERIVED:
        assert trip.get(key, {} if key == "durations" else []) == expected
    else:
        assert trip[key] == expected


def test_every_fixture_article_is_used_and_every_named_file_exists() -> None:
    named = {path.name for case in CASES.values() for path, _ in _articles(case)}
    on_disk = {path.name for path in ARTICLES.glob("ingest_*.txt")}
    assert named == on_disk


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("ingest_*.txt")), ids=lambda p: p.stem)
def test_fixture_articles_are_short_news_copy(path: Path) -> None:
    text = path.read_text("utf-8")
    parsed = parse_article(text)
    assert 3 <= len(parsed.sentences) <= 10, len(parsed.sentences)
    assert parsed.language == ("vi" if path.stem.startswith("ingest_vi_") else "en")


# --------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------

JAPAN = [ARTICLES / "ingest_en_pm_japan_announce.txt", ARTICLES / "ingest_en_pm_japan_arrival.txt"]
DOMESTIC = ARTICLES / "ingest_en_domestic_meeting.txt"


def _log(url: str) -> list[str]:
    store = open_store(url)
    try:
        return [stored.event_type for stored in store.read_all()]
    finally:
        store.close()


def test_cli_ingest_says_what_each_article_appended_then_that_it_is_known(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(p) for p in [*JAPAN, DOMESTIC]]
    assert main(["--database-url", sqlite_url, "ingest", *paths]) == 0
    # One line per article; indented lines under it show sentences it did not understand.
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert len(lines) == 3
    log = _log(sqlite_url)
    assert lines[0] == (
        f"{paths[0]}: appended 2 events to trip pham-minh-chinh-2025-03-25: "
        "ArticleRecorded, VisitAnnounced"
    )
    assert lines[1].startswith(f"{paths[1]}: appended ")
    assert "to trip pham-minh-chinh-2025-03-25: ArticleRecorded, " in lines[1]
    assert "DelegationArrived" in lines[1] and "FactCorroborated x" in lines[1]
    assert lines[2] == f"{paths[2]}: appended 1 events (no trip): ArticleRecorded"
    appended = sum(int(line.split(" appended ")[1].split()[0]) for line in lines)
    assert appended == len(log)

    assert main(["--database-url", sqlite_url, "ingest", *paths]) == 0
    again = capsys.readouterr().out.splitlines()
    digests = [hashlib.sha256(Path(p).read_bytes()).hexdigest()[:12] for p in paths]
    assert again == [
        f"{p}: already known (article {d})" for p, d in zip(paths, digests, strict=True)
    ]
    assert _log(sqlite_url) == log


_BAD_FILES: dict[str, tuple[bytes | None, str]] = {
    "missing": (None, "no such file"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "empty": (b"", "empty"),
    "blank": (b"  \n\t\n  ", "empty"),
    "invalid-utf8": (
        "Le Premier ministre est arrivé à Hà Nội pour une visite officielle.".encode(
            "latin-1", errors="replace"
        ),
        "not UTF-8",
    ),
}


@pytest.mark.parametrize("kind", list(_BAD_FILES))
def test_cli_ingest_refuses_a_bad_file_and_writes_nothing(
    kind: str, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, reason = _BAD_FILES[kind]
    bad = tmp_path / f"{kind}.txt"
    if content is not None:
        bad.write_bytes(content)
    args = ["--database-url", sqlite_url, "ingest", str(JAPAN[0]), str(bad), str(JAPAN[1])]
    assert main(args) != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("calendar-svc: ") and str(bad) in err and reason in err, err
    assert len(err.strip().splitlines()) == 1
    assert _log(sqlite_url) == []


def test_cli_ingest_refuses_a_folder_holding_one_bad_file(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_bytes(JAPAN[0].read_bytes())
    (folder / "b.txt").write_bytes(b"")
    assert main(["--database-url", sqlite_url, "ingest", str(folder)]) != 0
    out, err = capsys.readouterr()
    assert out == "" and str(folder / "b.txt") in err and "empty" in err
    assert _log(sqlite_url) == []


# --------------------------------------------------------------------------------------------
# Arbitrary input never crashes the pipeline
# --------------------------------------------------------------------------------------------

_PHRASES = [
    "Prime Minister Phạm Minh Chính",
    "State President Lương Cường",
    "Thủ tướng Phạm Minh Chính",
    "Chủ tịch nước Lương Cường và Phu nhân",
    "will pay a state visit to",
    "left Hà Nội",
    "arrived in Tokyo",
    "returned to Hà Nội",
    "concluding his official visit to",
    "sẽ thăm chính thức",
    "đã đến",
    "về đến Hà Nội",
    "rời Thủ đô Viêng Chăn, kết thúc chuyến thăm",
    "Japan",
    "Lào",
    "Campuchia",
    "Zembravia",
    "from May 5 to 12",
    "May 8-11",
    "from May 11-12",
    "Dec. 12 to 13",
    "Feb. 30 to 31",
    "on the afternoon of May 7",
    "on Monday noon",
    "on Sunday afternoon (local time)",
    "in the evening of Monday",
    "a three-day",
    "extended by one day",
    "từ ngày 5-12/5/2025",
    "từ ngày 28-6 đến 1-7",
    "từ ngày 31 đến 30/2",
    "Chiều tối 8/5 (theo giờ địa phương)",
    "Sáng 26-6",
    "ngày 2/9/1945",
    "at the invitation of",
    "theo lời mời của",
    "postponed",
    "đã bị hủy",
    " date 2025-05-04 ",
    " date 9999-12-31 ",
    ",",
    ".",
    "\n",
    "\n\n",
    "(",
    ")",
    "—",
]
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.one_of(st.sampled_from(_PHRASES), st.text(max_size=8)), min_size=1, max_size=40
    ).map(" ".join),
)
_PROPERTY = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _check_provenance(facts: ArticleFacts, text: str) -> None:
    """Every fact cites a span inside the sentence it quotes, and that sentence is in the text."""
    for value in vars(facts).values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            provenance = getattr(item, "provenance", None)
            if provenance is None:
                continue
            start, end = provenance.span
            assert 0 <= start <= end <= len(text)
            assert provenance.sentence in text
            assert text[start:end] in provenance.sentence


@_PROPERTY
@given(raw=st.one_of(st.binary(max_size=600), _TEXT.map(lambda s: s.encode("utf-8"))))
def test_propose_refuses_or_records_any_bytes(raw: bytes) -> None:
    try:
        article_id, events = propose(raw, ArticleMeta(), {})
    except ArticleRejected as exc:
        assert str(exc)
        return
    assert article_id == hashlib.sha256(raw).hexdigest()
    recorded = events[0][1]
    assert isinstance(recorded, ArticleRecorded)
    assert recorded.text == raw.decode("utf-8").removeprefix("\ufeff")
    assert all(isinstance(event, TripEvent) for _, event in events[1:])
    assert len({event_id for event_id, _ in events}) == len(events)


@_PROPERTY
@given(text=_TEXT)
def test_extract_reads_any_text(text: str) -> None:
    facts = extract(parse_article(text), "x" * 64)
    assert facts.article_id == "x" * 64
    assert facts.language in ("en", "vi")
    if facts.principal is None:
        assert facts.itinerary == [] and facts.departures == [] and facts.trip_window is None
    if facts.trip_window is not None:
        assert facts.trip_window.value.start <= facts.trip_window.value.end
    _check_provenance(facts, text)
