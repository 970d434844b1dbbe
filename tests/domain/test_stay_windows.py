"""Rule 10 (`stay_windows_to_summit`): a visit's range that opens by its summit's first
day, beside a range of the visit's own after the summit, is the whole stay in the country
(the G20 in Osaka from June 27, then an official visit in Tokyo on June 30 and July 1):
its first day is the summit leg's, and the visit starts with its own range. Each test
fails if the rule changes."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.rules import (
    LegEvidence,
    Reading,
    TripFacts,
    date_legs,
    stay_windows_to_summit,
    time_order,
)
from calendar_svc.domain.values import DateWindow

SUMMIT = LegEvidence(
    event=DateWindow(date(2019, 6, 28), date(2019, 6, 29)), country="JP", summit=True
)


def visit(*starts: tuple[int, int, str]) -> LegEvidence:
    """A visit to Japan with range starts (month, day, kind), ending on July 1."""
    return LegEvidence(
        starts=tuple(
            Reading(date(2019, m, day), kind, f"s{i}") for i, (m, day, kind) in enumerate(starts)
        ),
        ends=(Reading(date(2019, 7, 1), "window", "s0"),),
        country="JP",
    )


def test_the_stays_first_day_is_the_summits() -> None:
    legs = stay_windows_to_summit([visit((6, 27, "window"), (6, 30, "revised")), SUMMIT])
    assert [r.day for r in legs[0].starts] == [date(2019, 6, 30)]
    assert [r.day for r in legs[1].starts] == [date(2019, 6, 27)]
    order = time_order(legs)
    dated = date_legs([legs[i] for i in order], TripFacts(), (None, None))
    starts = [start.day if start else None for start, _ in dated]
    assert starts == [date(2019, 6, 27), date(2019, 6, 30)]  # the summit, then the visit


def test_a_visit_with_no_days_of_its_own_after_the_summit_keeps_its_range() -> None:
    """ "a working visit to Japan, June 27 to July 1, with the summit on the 28th and 29th":
    the summit lies within the visit (rule 8), and the range stays the visit's."""
    legs = [visit((6, 27, "window")), SUMMIT]
    assert stay_windows_to_summit(legs) == legs
