"""What the date grammar finds: a date or date range, or a stated length, with where the text
says it. Apart from the grammar and the resolution steps, which every caller of
:func:`~calendar_svc.ingest.dates.find_dates` need not read to use the results.
"""

from __future__ import annotations

from datetime import date, time
from typing import Literal

import msgspec

from calendar_svc.ingest.lexicon.dates import DayPart

#: "done" is a past told outright ("was an official visit on April 10-11", "đã thăm"):
#: a day without its year then lies before the reference, not merely near it.
Tense = Literal["past", "done", "future", "unknown"]


class DateMention(msgspec.Struct, frozen=True):
    """One date or inclusive date range found in a text, with its provenance."""

    start: date
    end: date
    span: tuple[int, int]
    text: str
    rule: str
    year_inferred: bool
    day_part: DayPart | None = None
    clock_time: time | None = None
    local_time: bool = False
    weekday_resolved: bool = False


class DurationMention(msgspec.Struct, frozen=True):
    """A stated length ("a three-day visit"), kept apart because it has no anchor date."""

    days: int
    span: tuple[int, int]
    text: str
    rule: str
