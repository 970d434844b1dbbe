"""An engagement's days: stated, a fixed-date commemoration its title names, or its
leg's window. The commemorations are world knowledge, not sources, so they are a table
of their own here.
"""

from __future__ import annotations

import re
from datetime import date

from calendar_svc.domain.rules.evidence import EngagementDates
from calendar_svc.domain.values import Certainty, DateWindow

_COMMEMORATIONS: list[tuple[re.Pattern[str], frozenset[str], int, int, str]] = [
    (
        re.compile(r"Great Patriotic War|Victory Day|Chiến tranh Vệ quốc", re.IGNORECASE),
        frozenset({"RU", "BY"}),
        5,
        9,
        "Victory Day in the Great Patriotic War is marked on 9 May",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"VN"}),
        9,
        2,
        "Việt Nam's National Day is 2 September",
    ),
    (
        re.compile(r"\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"CN"}),
        10,
        1,
        "China's National Day is 1 October",
    ),
    (
        re.compile(r"Bastille Day|Fête nationale|\bNational Day\b|Quốc khánh", re.IGNORECASE),
        frozenset({"FR"}),
        7,
        14,
        "France's national day is 14 July",
    ),
    (
        re.compile(r"Independence Day|Quốc khánh", re.IGNORECASE),
        frozenset({"US"}),
        7,
        4,
        "Independence Day in the United States is 4 July",
    ),
]

#: Countries with a commemoration above: only their engagements' titles are searched.
COMMEMORATED = frozenset().union(*(countries for _, countries, _, _, _ in _COMMEMORATIONS))


def commemoration_day(
    title: str, country: str | None, window: DateWindow | None
) -> tuple[date, str] | None:
    """The day of a fixed-date commemoration the title names, in that country, within
    the window (world knowledge, not a source)."""
    if window is None:
        return None
    for pattern, countries, month, day, why in _COMMEMORATIONS:
        if country in countries and pattern.search(title):
            for year in {window.start.year, window.end.year}:
                candidate = date(year, month, day)
                if window.contains(candidate):
                    return candidate, why
    return None


def engagement_dates(
    stated: date | None,
    window: DateWindow | None,
    title: str,
    country: str | None,
    leg_start_day: date | None,
    leg_end_day: date | None,
) -> EngagementDates:
    """An engagement's days: stated, a commemoration within the leg, the leg's window."""
    if stated is not None:
        return EngagementDates(stated, stated, "date stated", Certainty.STATED)
    during = window
    if (
        during is None
        and leg_start_day is not None
        and leg_end_day is not None
        and leg_start_day <= leg_end_day
    ):
        during = DateWindow(leg_start_day, leg_end_day)
    known = commemoration_day(title, country, during) if country in COMMEMORATED else None
    if known is not None:
        basis = f"inferred: {known[1]} (rule commemoration)"
        return EngagementDates(known[0], known[0], basis, Certainty.INFERRED)
    if during is not None:
        basis = "during the visit; the day is not stated (rule leg_window)"
        return EngagementDates(during.start, during.end, basis, Certainty.INFERRED)
    return EngagementDates(None, None, "no date known yet", None)
