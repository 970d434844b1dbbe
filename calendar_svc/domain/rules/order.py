"""Legs in time order. The fold keeps legs in the order sources told them, and an
article may tell a later stop before an earlier one ("Bolsonaro, who flies on to
Beijing on Thursday after the enthronement in Tokyo, will also visit the Gulf"): a leg
whose start sources state before that of a leg told ahead of it goes first. A leg with
no stated start or end goes by the day a plan or its summit gives, else after every leg
told before it. The rules that bound a leg by its neighbours and that conclude a leg
when a later one has begun need the order of the journey, not of the telling.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from calendar_svc.domain.rules.dates import eves, read
from calendar_svc.domain.rules.evidence import LegEvidence


def time_order(legs: Sequence[LegEvidence]) -> list[int]:
    """The legs' indexes in time order: by the start sources state for each (else the end:
    it was there by then; else a plan's or its summit's first day), a leg with none after
    the legs told before it; legs called off keep their place too."""
    keys: list[tuple[date, int]] = []
    last = (date.min, 0)
    for leg in legs:
        start = end = None
        planned = None
        if not (leg.postponed or leg.cancelled):
            start = read(eves(leg.starts, leg.event, leg.planned_start))
            end = None if start is not None else read(leg.ends)
            # no start or end stated: the day a plan or its summit gives ("then heads to
            # Dushanbe on Thursday for a conference"), before the place it was told in
            planned = leg.planned_start or (leg.event.start if leg.event else None)
        # a leg that ends on a day comes before one that starts on it (left Yerevan on
        # the 5th; in Tashkent from the 5th)
        if start is not None:
            last = (start.day, 1)
        elif end is not None:
            last = (end.day, 0)
        elif planned is not None:
            last = (planned, 1)
        else:
            # undated: after every leg told before it ("left Iran on Tuesday for
            # Azerbaijan", Iran told first, from the 26th, and Turkey after it, from the 25th)
            last = max(keys, default=last)
        keys.append(last)
    return sorted(range(len(legs)), key=lambda i: keys[i])
