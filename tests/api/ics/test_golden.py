"""Golden files: the feeds of the hand-built schedule, byte for byte.

A change to the renderer that changes a feed fails here, so that it is made on purpose.
To accept one, regenerate and review the diff of tests/api/ics/fixtures/:

    CALENDAR_SVC_REGENERATE_ICS=1 .venv/bin/pytest tests/api/ics/test_golden.py
"""

from __future__ import annotations

import difflib

import icalendar
import msgspec
import pytest

from calendar_svc.api.feeds import FeedSpec, render_calendar
from tests.api.ics.conftest import SPEC, IcsFiles
from tests.api.ics.schedules import LC, small_schedule
from tests.api.ics.wire import assert_wire_format

GOLDEN: dict[str, FeedSpec] = {
    "small_schedule": SPEC,
    "small_schedule_country_fr": msgspec.structs.replace(
        SPEC, name="Việt Nam ↔ France", description="Visits to France", country="FR"
    ),
    "small_schedule_trip_luong_cuong": msgspec.structs.replace(
        SPEC, name="Lương Cường at the UN", description="One trip", trip_id=LC
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_feed_matches_its_golden_file(name: str, ics_files: IcsFiles) -> None:
    rendered = render_calendar(small_schedule(), GOLDEN[name])
    golden = ics_files.golden(name, rendered)
    if rendered != golden:
        diff = difflib.unified_diff(
            golden.decode().splitlines(), rendered.decode().splitlines(), "golden", "rendered"
        )
        pytest.fail(f"{name}.ics differs from the rendered feed:\n" + "\n".join(diff))


def test_golden_files_are_well_formed_and_all_in_use(ics_files: IcsFiles) -> None:
    assert ics_files.names() == sorted(GOLDEN)
    for name in ics_files.names():
        data = ics_files[name]
        assert_wire_format(data)
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.walk("VEVENT")
        assert not calendar.get_missing_tzids()


def test_golden_files_are_loaded_by_name(ics_files: IcsFiles) -> None:
    assert ics_files.small_schedule == ics_files["small_schedule"]
    with pytest.raises(AttributeError, match="no fixture"):
        _ = ics_files.no_such_calendar
