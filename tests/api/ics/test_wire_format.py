"""The feed on the wire: CRLF, folding at 75 octets without splitting a character, escaping,
unique UIDs, a VTIMEZONE for every TZID, and the same bytes for the same schedule."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.api.feeds import FeedSpec, render_calendar
from calendar_svc.domain.views import Schedule
from calendar_svc.projections.replay import replay
from calendar_svc.store import EventStore, migrate, open_store
from tests.api.ics.conftest import SPEC
from tests.api.ics.schedules import PMC, engagement, small_schedule, trip
from tests.api.ics.wire import assert_wire_format, components, properties, unescape

FEEDS = {
    "all": SPEC,
    "trip": msgspec.structs.replace(SPEC, trip_id=PMC),
    "country": msgspec.structs.replace(SPEC, country="fr"),
}


def _feeds(seed_schedule: Schedule) -> list[bytes]:
    out = [render_calendar(small_schedule(), spec) for spec in FEEDS.values()]
    return [*out, render_calendar(seed_schedule, SPEC)]


def test_crlf_folding_and_utf8_on_every_feed(seed_schedule: Schedule) -> None:
    for data in _feeds(seed_schedule):
        logical = assert_wire_format(data)
        assert any(len(line.encode()) > 75 for line in logical), "folding was exercised"
        folded = [line for line in data.split(b"\r\n") if line.startswith(b" ")]
        assert folded, "some lines are folded"
        # Vietnamese survives folding: the names read back whole after unfolding.
        assert any("Tô Lâm" in line or "Phạm Minh Chính" in line for line in logical)


def test_uids_are_unique_and_readable(seed_schedule: Schedule) -> None:
    for data in _feeds(seed_schedule):
        uids = properties(assert_wire_format(data), "UID")
        assert uids and len(uids) == len(set(uids))
        for uid in uids:
            assert re.fullmatch(r"(leg|engagement)\.[A-Za-z0-9_~%.-]+@calendar-svc", uid), uid


def test_every_tzid_has_exactly_one_vtimezone_and_none_is_unused(
    seed_schedule: Schedule,
) -> None:
    for feed in _feeds(seed_schedule):
        logical = assert_wire_format(feed)
        used = set(re.findall(r";TZID=([^;:]+)", "\n".join(logical)))
        defined = [
            properties(lines, "TZID")[0]
            for name, lines in components(logical)
            if name == "VTIMEZONE"
        ]
        assert sorted(defined) == sorted(used)
    data = render_calendar(small_schedule(), SPEC)
    logical = assert_wire_format(data)
    used = set(re.findall(r";TZID=([^;:]+)", "\n".join(logical)))
    assert used == {"Europe/Paris", "America/New_York"}
    defined = [
        properties(lines, "TZID")[0] for name, lines in components(logical) if name == "VTIMEZONE"
    ]
    assert sorted(defined) == sorted(used)
    # The country feed for Germany has no timed engagement, so no VTIMEZONE at all.
    german_feed = msgspec.structs.replace(SPEC, country="DE")
    german = assert_wire_format(render_calendar(small_schedule(), german_feed))
    assert not [n for n, _ in components(german) if n == "VTIMEZONE"]
    assert not any(";TZID=" in line for line in german)


def test_vtimezones_come_before_the_events_that_use_them() -> None:
    names = [
        name for name, _ in components(assert_wire_format(render_calendar(small_schedule(), SPEC)))
    ]
    assert names == sorted(names, key=lambda n: n != "VTIMEZONE")


def test_text_is_escaped_per_rfc_5545() -> None:
    data = render_calendar(small_schedule(), SPEC)
    logical = assert_wire_format(data)
    title = 'State banquet at the Élysée; toasts, music \\ "Hà Nội – Paris"'
    escaped = 'State banquet at the Élysée\\; toasts\\, music \\\\ "Hà Nội – Paris"'
    assert escaped in properties(logical, "SUMMARY")
    assert title in [unescape(v) for v in properties(logical, "SUMMARY")]
    # newlines in DESCRIPTION are written as \n, never as a line break
    description = properties(logical, "DESCRIPTION")[-1]
    assert "\\n" in description and "\n" not in description
    # the calendar's own texts too, X-WR-* included (icalendar would leave them raw)
    spec = FeedSpec(name="a, b; c\\d", description="line one\nline two, three", base_url="x")
    top = assert_wire_format(render_calendar(small_schedule(), spec))
    assert properties(top, "NAME") == ["a\\, b\\; c\\\\d"]
    assert properties(top, "X-WR-CALNAME") == ["a\\, b\\; c\\\\d"]
    assert properties(top, "X-WR-CALDESC") == ["line one\\nline two\\, three"]


def _one_engagement(title: str) -> Schedule:
    item = engagement(
        PMC,
        "FR",
        "talks",
        title=title,
        start_date=date(2025, 3, 31),
        end_date=date(2025, 3, 31),
        local_time=time(10),
        timezone="Europe/Paris",
        date_basis="date stated",
    )
    base = small_schedule()  # one engagement, no leg: one SUMMARY in the feed
    return msgspec.structs.replace(
        base, trips=[trip(PMC, base.trips[0].principal, [], engagements=[item])]
    )


@pytest.mark.parametrize("shift", range(4))
@pytest.mark.parametrize("char", ["ệ", "ẫ", "🇻🇳", "é", "中"])
def test_folds_never_split_a_multibyte_character(shift: int, char: str) -> None:
    # Every alignment of 2-, 3- and 4-octet characters against the 75-octet limit.
    title = "x" * shift + char * 80
    data = render_calendar(_one_engagement(title), SPEC)
    logical = assert_wire_format(data)
    (summary,) = properties(logical, "SUMMARY")
    assert summary == title
    continuation = [line for line in data.split(b"\r\n") if line.startswith(b" ")]
    assert len(continuation) >= 2


def _expected_text(text: str) -> str:
    text = re.sub(r"\r\n|[\r\x85\u2028\u2029]", "\n", text)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)
    # Last, as the writer escapes a value: a literal "\N" is read as a line break, as
    # icalendar's vText does (contentlines.escape, pinned against icalendar in test_writer.py).
    text = unicodedata.normalize("NFC", text).strip().removeprefix("\ufeff")
    return text.replace("\\N", "\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("ạảãàáâậầấẩẫăắằặẳẵêếềệểễđĐ ,;:\\\"'\n\r\t")),
            st.sampled_from(["\u0301", "\u0323", "\U0001f1fb", "\x00", "\x1b", "\u2028"]),
            st.characters(codec="utf-8"),
        ),
        max_size=300,
    )
)
def test_any_title_survives_the_wire(title: str) -> None:
    data = render_calendar(_one_engagement(title), SPEC)
    logical = assert_wire_format(data)
    (summary,) = properties(logical, "SUMMARY")
    assert unescape(summary) == _expected_text(title)


def test_the_same_schedule_renders_the_same_bytes(seed_schedule: Schedule) -> None:
    for schedule in (seed_schedule, small_schedule()):
        first = render_calendar(schedule, SPEC)
        again = msgspec.json.decode(msgspec.json.encode(schedule), type=Schedule)
        assert render_calendar(again, SPEC) == first
        assert render_calendar(schedule, SPEC) == first


def test_replayed_into_a_fresh_database_the_feed_is_byte_identical(
    seed_store: EventStore, seed_schedule: Schedule, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    migrate.upgrade(url)
    copy = open_store(url)
    try:
        copied = copy.import_events(seed_store.read_all())
        assert copied == seed_store.last_position() > 0
        replayed = replay(copy, copy.last_position())
    finally:
        copy.close()
    assert render_calendar(replayed, SPEC) == render_calendar(seed_schedule, SPEC)
    for spec in FEEDS.values():
        assert render_calendar(replayed, spec) == render_calendar(seed_schedule, spec)
