"""The schedule's rules, one row per rule and per edge, called directly (no fold, no log).

Each row's id names the rule it pins; changing that rule fails the row
(`python -m bench.mutate_rules` checks this by mutating `calendar_svc/domain/rules/`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from calendar_svc.domain.rules import (
    AFTER,
    BEFORE,
    ENGAGED,
    ENTERED,
    EVENT_END,
    EVENT_START,
    LEFT_HOME,
    PREVIOUS,
    STAYED_ON,
    TRIP_END,
    TRIP_START,
    Dated,
    LegEvidence,
    LegStatus,
    Reading,
    TripFacts,
    bounds,
    commemoration_day,
    date_basis,
    date_legs,
    disputed_readings,
    engagement_dates,
    eves,
    leg_end,
    leg_start,
    leg_status,
    leg_statuses,
    overall,
    read,
    settle,
    trip_summary,
    trip_window,
    weaker,
)
from calendar_svc.domain.values import Certainty, DateWindow

DISPUTED, INFERRED, STATED, CORROBORATED = (
    Certainty.DISPUTED,
    Certainty.INFERRED,
    Certainty.STATED,
    Certainty.CORROBORATED,
)
STATED_BY = "dates stated by {}"
ARRIVED = "the delegation arrived that day"
ARRIVED_EVE = "the delegation arrived the evening before"
EVE_OF_SUMMIT = "; it landed the evening before, and the summit it came for opened that day"
CONCLUDED = "the leg was reported concluded"


def d(day: int, month: int = 5) -> date:
    return date(2025, month, day)


def r(
    day: int,
    kind: str = "window",
    source: str = "a",
    published: date | None = None,
    label: str | None = None,
) -> Reading:
    return Reading(d(day), kind, source, published, label or f"src-{source}")


def inferred(day: int, rule: str, reason: str) -> Dated:
    return Dated(d(day), rule, reason, INFERRED)


def stated(day: int, source: str = "a", rule: str = "stated", reason: str | None = None) -> Dated:
    return Dated(d(day), rule, reason or STATED_BY.format(f"src-{source}"), STATED, (source,))


def disputed_by(day: int, other: int, sources: tuple[str, ...] = ("a",), by: str = "b") -> Dated:
    """A range's day from `sources` (the first named), set against one source `by` giving
    `other`."""
    told = f"; disputed: also {d(other).isoformat()} (1 source(s))"
    reason = STATED_BY.format(f"src-{sources[0]}") + told
    return Dated(d(day), "stated", reason, DISPUTED, sources, ((d(other), (by,)),))


def corroborated(day: int, *sources: str) -> Dated:
    """A range's day from source a and one more."""
    reason = STATED_BY.format("src-a") + ", and 1 more source(s)"
    return Dated(d(day), "stated", reason, CORROBORATED, ("a", *sources))


# -- rule 1: readings ----------------------------------------------------------------------

READ_ROWS = [
    pytest.param([], None, id="read-nothing-stated"),
    pytest.param([r(8)], stated(8), id="read-window-is-stated"),
    pytest.param([r(8, "revised")], stated(8), id="read-revised-window-is-stated-with-its-source"),
    pytest.param(
        [r(8, "arrival")], stated(8, rule="arrival", reason=ARRIVED), id="read-arrival-is-stated"
    ),
    pytest.param(
        [r(8, "concluded")],
        stated(8, rule="concluded", reason=CONCLUDED),
        id="read-conclusion-is-stated",
    ),
    pytest.param(
        [r(8), r(8, "arrival", "b")],
        Dated(
            d(8), "stated", "dates stated by src-a, and 1 more source(s)", CORROBORATED, ("a", "b")
        ),
        id="read-two-sources-agree-corroborated",
    ),
    pytest.param(
        [r(8), r(8, "arrival", "a")], stated(8), id="read-one-source-twice-is-only-stated"
    ),
    pytest.param(
        [r(8, "arrival", "b"), r(8, "window", "a")],
        Dated(
            d(8), "stated", "dates stated by src-a, and 1 more source(s)", CORROBORATED, ("b", "a")
        ),
        id="read-reason-names-the-strongest-kind",
    ),
    pytest.param(
        [r(8, source="a"), r(8, source="b"), r(9, source="c", published=d(20))],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a", "b"),
            ((d(9), ("c",)),),
        ),
        id="read-conflict-majority-of-sources-wins-disputed",
    ),
    pytest.param(
        [r(8, source="a", published=d(2)), r(9, source="b", published=d(1))],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-later-publication-wins",
    ),
    pytest.param(
        [r(9, source="b", published=d(1)), r(8, source="a", published=d(2))],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-later-publication-wins-whatever-the-order",
    ),
    pytest.param(
        [r(8, source="a", published=d(1)), r(9, source="b")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-unknown-publication-counts-as-earliest",
    ),
    pytest.param(
        [r(8, "window", "a"), r(9, "arrival", "b")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-stated-range-beats-a-movement",
    ),
    pytest.param(
        [r(9, "arrival", "b"), r(8, "window", "a")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-stated-range-beats-a-movement-reported-later",
    ),
    pytest.param(
        [r(9, "window", "b"), r(8, "revised", "a")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-revision-beats-the-range-it-revises",
    ),
    pytest.param(
        [r(8, "revised", "a"), r(9, "window", "b")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-tie-revision-beats-a-range-reported-later",
    ),
    pytest.param(
        [r(8, "arrival", "a"), r(9, "concluded", "b")],
        Dated(
            d(9),
            "concluded",
            CONCLUDED + "; disputed: also 2025-05-08 (1 source(s))",
            DISPUTED,
            ("b",),
            ((d(8), ("a",)),),
        ),
        id="read-full-tie-later-report-wins",
    ),
    pytest.param(
        [r(9, "concluded", "b"), r(8, "arrival", "a")],
        Dated(
            d(8),
            "arrival",
            ARRIVED + "; disputed: also 2025-05-09 (1 source(s))",
            DISPUTED,
            ("a",),
            ((d(9), ("b",)),),
        ),
        id="read-full-tie-arrival-and-conclusion-are-equally-strong",
    ),
    pytest.param(
        [r(8, "arrival", "a"), r(9, "arrival", "b"), r(9, "arrival", "c"), r(8, "arrival", "e")],
        Dated(
            d(8),
            "arrival",
            ARRIVED + "; disputed: also 2025-05-09 (2 source(s))",
            DISPUTED,
            ("a", "e"),
            ((d(9), ("b", "c")),),
        ),
        id="read-full-tie-the-day-reported-last-wins",
    ),
    pytest.param(
        [
            r(8, source="a", published=d(1)),
            r(9, source="c", published=d(3)),
            r(9, source="e", published=d(3)),
            r(8, source="b", published=d(5)),
        ],
        Dated(
            d(8),
            "stated",
            STATED_BY.format("src-a") + "; disputed: also 2025-05-09 (2 source(s))",
            DISPUTED,
            ("a", "b"),
            ((d(9), ("c", "e")),),
        ),
        id="read-tie-a-days-latest-publication-counts",
    ),
    pytest.param(
        [r(9, "window", "c"), r(9, "window", "e"), r(8, "arrival", "a"), r(8, "window", "b")],
        Dated(
            d(8),
            "stated",
            STATED_BY.format("src-b") + "; disputed: also 2025-05-09 (2 source(s))",
            DISPUTED,
            ("a", "b"),
            ((d(9), ("c", "e")),),
        ),
        id="read-tie-a-days-strongest-kind-counts",
    ),
    pytest.param(
        [r(8, "window", "a"), r(10, "concluded", "a")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a (the same source also gives 2025-05-10)",
            STATED,
            ("a",),
            ((d(10), ("a",)),),
        ),
        id="read-one-article-at-odds-with-itself-is-no-dispute",
    ),
    pytest.param(
        [r(8, "window", "a"), r(8, "window", "b"), r(10, "concluded", "a")],
        Dated(
            d(8),
            "stated",
            "dates stated by src-a (the same source also gives 2025-05-10), and 1 more source(s)",
            CORROBORATED,
            ("a", "b"),
            ((d(10), ("a",)),),
        ),
        id="read-corroborated-despite-one-articles-second-day",
    ),
    pytest.param(
        [r(8, source="a"), r(10, source="b"), r(9, source="c"), r(9, source="d")],
        Dated(
            d(9),
            "stated",
            "dates stated by src-c; disputed: also 2025-05-08 (1 source(s)), "
            "2025-05-10 (1 source(s))",
            DISPUTED,
            ("c", "d"),
            ((d(8), ("a",)), (d(10), ("b",))),
        ),
        id="read-disputed-lists-every-other-day-in-order",
    ),
]


@pytest.mark.parametrize(("readings", "expected"), READ_ROWS)
def test_read(readings: list[Reading], expected: Dated | None) -> None:
    assert read(readings) == expected


EVE_ROWS = [
    pytest.param(
        [r(26, "arrival_eve", "b"), r(27, "window", "a")],
        [r(27, "arrival_eve", "b"), r(27, "window", "a")],
        id="eve-evening-arrival-before-the-programme-counts-for-its-first-day",
    ),
    pytest.param(
        [r(26, "arrival_eve", "b"), r(27, "revised", "a")],
        [r(27, "arrival_eve", "b"), r(27, "revised", "a")],
        id="eve-a-revised-programme-too",
    ),
    pytest.param(
        [r(25, "arrival_eve", "b"), r(27, "window", "a")],
        [r(25, "arrival", "b"), r(27, "window", "a")],
        id="eve-two-days-before-is-its-own-arrival",
    ),
    pytest.param(
        [r(26, "arrival_eve", "b"), r(27, "arrival", "a")],
        [r(26, "arrival", "b"), r(27, "arrival", "a")],
        id="eve-only-a-stated-range-makes-a-programme",
    ),
    pytest.param(
        [r(26, "arrival", "b"), r(27, "window", "a")],
        [r(26, "arrival", "b"), r(27, "window", "a")],
        id="eve-a-daytime-arrival-keeps-its-day",
    ),
]


@pytest.mark.parametrize(("readings", "expected"), EVE_ROWS)
def test_eves(readings: list[Reading], expected: list[Reading]) -> None:
    assert eves(readings) == expected


def test_an_evening_arrival_and_the_programme_corroborate_the_start() -> None:
    leg = LegEvidence(starts=(r(27, "window", "a"), r(26, "arrival_eve", "b", d(27))))
    start = leg_start(leg, True, None, None, None)
    assert start is not None
    assert (start.day, start.certainty) == (d(27), CORROBORATED)


def test_an_evening_arrival_before_a_summit_only_infers_the_summits_first_day() -> None:
    """Landed the evening before the summit it came for, no range of the leg's own: the
    stay may be counted from the landing, so the summit's first day is only inferred."""
    leg = LegEvidence(starts=(r(5, "arrival_eve", "a"),), event=DateWindow(d(6), d(7)))
    start = leg_start(leg, True, None, None, None)
    assert start is not None
    assert (start.day, start.certainty) == (d(6), INFERRED)


def test_an_evening_arrival_with_no_programme_day_is_only_inferred() -> None:
    """Landed in the evening, the programme not dated: the day may be the eve of it."""
    leg = LegEvidence(starts=(r(15, "arrival_eve", "a"),))
    start = leg_start(leg, True, None, None, None)
    assert start is not None
    assert (start.day, start.certainty, start.rule) == (d(15), INFERRED, "arrival")
    # a day-time arrival the same day, from another source, states it
    both = LegEvidence(starts=(r(15, "arrival_eve", "a"), r(15, "arrival", "b")))
    start = leg_start(both, True, None, None, None)
    assert start is not None and start.certainty is CORROBORATED


def test_an_evening_landing_before_the_first_engagement_is_the_eve_of_the_programme() -> None:
    """Landed late on the 15th, the talks on the 16th and nothing dated that evening: the
    visit opens on the 16th (inferred, as no source says so). An engagement that evening
    keeps the landing day; another source's stated arrival keeps its own reading."""
    eve = r(15, "arrival_eve", "a")
    start = leg_start(LegEvidence(starts=(eve,), engaged=(d(17), d(16))), True, None, None, None)
    assert start is not None
    assert (start.day, start.certainty) == (d(16), INFERRED)
    assert "first dated engagement" in start.reason
    start = leg_start(LegEvidence(starts=(eve,), engaged=(d(15), d(16))), True, None, None, None)
    assert start is not None and start.day == d(15)
    both = LegEvidence(starts=(eve, r(15, "arrival", "b")), engaged=(d(16),))
    start = leg_start(both, True, None, None, None)
    assert start is not None and (start.day, start.certainty) == (d(15), CORROBORATED)


def test_the_leg_before_an_evening_landing_ends_on_the_landing_day() -> None:
    """Landed in Rio on the evening of the 5th, the summit opening on the 6th: the leg
    starts on the 6th, but the traveller left the leg before on the 5th."""
    before = LegEvidence(starts=(r(4, "arrival", "a"),))
    summit = LegEvidence(starts=(r(5, "arrival_eve", "b"),), event=DateWindow(d(6), d(7)))
    (_, end), (start, _) = date_legs([before, summit], TripFacts(), (None, None))
    assert start is not None and start.day == d(6)
    assert end == Dated(d(5), "neighbours", AFTER, INFERRED)


# -- rules 2-5: a leg's own dates ----------------------------------------------------------

CONCLUDED_ON_6 = LegEvidence(concluded_on=d(6), concluded=True)

START_ROWS = [
    pytest.param(
        LegEvidence(starts=(r(8),), entered_on=d(6)),
        True,
        CONCLUDED_ON_6,
        d(1),
        d(2),
        stated(8),
        id="start-stated-beats-every-inference",
    ),
    pytest.param(
        LegEvidence(entered_on=d(7)),
        False,
        CONCLUDED_ON_6,
        None,
        None,
        inferred(7, "previous_concluded", ENTERED),
        id="start-previous_concluded-entered-beats-previous-conclusion",
    ),
    pytest.param(
        LegEvidence(),
        False,
        CONCLUDED_ON_6,
        None,
        None,
        inferred(6, "previous_concluded", PREVIOUS),
        id="start-previous_concluded-previous-leg-concluded",
    ),
    pytest.param(
        LegEvidence(),
        True,
        LegEvidence(concluded=True),
        d(1),
        None,
        inferred(1, "departure_from_home", LEFT_HOME),
        id="start-previous-concluded-without-a-day-gives-nothing",
    ),
    pytest.param(
        LegEvidence(),
        True,
        None,
        d(1),
        d(2),
        inferred(1, "departure_from_home", LEFT_HOME),
        id="start-departure_from_home-beats-trip_start",
    ),
    pytest.param(
        LegEvidence(),
        True,
        None,
        None,
        d(2),
        inferred(2, "trip_start", TRIP_START),
        id="start-trip_start-first-leg",
    ),
    pytest.param(
        LegEvidence(), False, None, d(1), d(2), None, id="start-only-the-first-leg-leaves-home"
    ),
    pytest.param(LegEvidence(), True, None, None, None, None, id="start-nothing-known"),
    pytest.param(
        LegEvidence(engaged=(d(9), d(8))),
        False,
        None,
        None,
        None,
        inferred(8, "engagements", ENGAGED),
        id="start-engagements-first-dated-one",
    ),
    pytest.param(
        LegEvidence(engaged=(d(9),)),
        True,
        None,
        d(7),
        None,
        inferred(7, "departure_from_home", LEFT_HOME),
        id="start-departure_from_home-beats-engagements",
    ),
    pytest.param(
        LegEvidence(engaged=(d(9),), entered_on=d(8)),
        False,
        None,
        None,
        None,
        inferred(8, "previous_concluded", ENTERED),
        id="start-entered-beats-engagements",
    ),
    pytest.param(
        LegEvidence(summit=True, country="KH", event=DateWindow(d(10), d(13))),
        False,
        LegEvidence(country="KH", concluded_on=d(13), concluded=True),
        None,
        None,
        inferred(10, "stayed_on", STAYED_ON),
        id="start-a-summit-after-a-visit-in-the-same-country-opens-with-the-summit",
    ),
    pytest.param(
        LegEvidence(summit=True, country="KH", event=DateWindow(d(10), d(13))),
        False,
        LegEvidence(country="TH", concluded_on=d(9), concluded=True),
        None,
        None,
        inferred(9, "previous_concluded", PREVIOUS),
        id="start-a-summit-after-another-country-starts-when-it-ended",
    ),
    pytest.param(
        LegEvidence(summit=True, country="KH", event=DateWindow(d(10), d(13))),
        False,
        LegEvidence(summit=True, country="KH", concluded_on=d(9), concluded=True),
        None,
        None,
        inferred(9, "previous_concluded", PREVIOUS),
        id="start-only-a-visit-before-the-summit-is-stayed-on-from",
    ),
]


@pytest.mark.parametrize(
    ("leg", "first", "previous", "left_home", "trip_start", "expected"), START_ROWS
)
def test_leg_start(
    leg: LegEvidence,
    first: bool,
    previous: LegEvidence | None,
    left_home: date | None,
    trip_start: date | None,
    expected: Dated | None,
) -> None:
    assert leg_start(leg, first, previous, left_home, trip_start) == expected


END_ROWS = [
    pytest.param(
        LegEvidence(ends=(r(9, "concluded"),), duration=2),
        inferred(5, "arrival", ARRIVED),
        True,
        d(20),
        stated(9, rule="concluded", reason=CONCLUDED),
        id="end-stated-conclusion-beats-duration",
    ),
    pytest.param(
        LegEvidence(duration=3),
        inferred(5, "arrival", ARRIVED),
        True,
        d(20),
        inferred(7, "duration", "a 3-day visit"),
        id="end-duration-start-plus-days-minus-one",
    ),
    pytest.param(
        LegEvidence(duration=2, event=DateWindow(d(8), d(9))),
        inferred(6, "arrival", ARRIVED),
        False,
        None,
        inferred(9, "event", EVENT_END),
        id="end-a-duration-ending-before-its-summit-is-the-summit-s-length",
    ),
    pytest.param(
        LegEvidence(duration=4, event=DateWindow(d(8), d(9))),
        inferred(6, "arrival", ARRIVED),
        False,
        None,
        inferred(9, "duration", "a 4-day visit"),
        id="end-a-duration-reaching-the-summit-s-close-holds",
    ),
    pytest.param(
        LegEvidence(duration=1),
        inferred(5, "arrival", ARRIVED),
        False,
        None,
        inferred(5, "duration", "a 1-day visit"),
        id="end-duration-one-day-ends-the-day-it-starts",
    ),
    pytest.param(
        LegEvidence(duration=2),
        None,
        True,
        d(20),
        inferred(20, "trip_end", TRIP_END),
        id="end-duration-needs-a-start",
    ),
    pytest.param(
        LegEvidence(),
        None,
        True,
        d(20),
        inferred(20, "trip_end", TRIP_END),
        id="end-trip_end-last-leg",
    ),
    pytest.param(LegEvidence(), None, False, d(20), None, id="end-trip_end-only-the-last-leg"),
    pytest.param(LegEvidence(), None, True, None, None, id="end-nothing-known"),
]

SUMMIT_4_5 = DateWindow(d(4), d(5))

#: (leg, start, last, trip_end, trip_end_stated, expected): a leg to a summit.
EVENT_END_ROWS = [
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(3, "neighbours", BEFORE),
        False,
        None,
        False,
        inferred(5, "event", EVENT_END),
        id="end-event-summit-closes",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5, duration=3),
        inferred(3, "arrival", ARRIVED),
        False,
        None,
        False,
        inferred(5, "duration", "a 3-day visit"),
        id="end-duration-beats-event",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(3, "arrival", ARRIVED),
        True,
        d(6),
        False,
        inferred(5, "event", EVENT_END),
        id="end-event-beats-the-homecoming",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(3, "arrival", ARRIVED),
        True,
        d(8),
        True,
        # the window's days after the summit are the flight home ("in the region May
        # 21-28", the G7 closing on the 27th), unless a source says he stayed on
        inferred(5, "event", EVENT_END),
        id="end-event-beats-a-stated-trip-end-after-the-summit",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(3, "arrival", ARRIVED),
        True,
        d(3),
        True,
        inferred(5, "event", EVENT_END),
        id="end-event-beats-a-stated-trip-end-before-the-summit",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(7, "arrival", ARRIVED),
        False,
        None,
        False,
        None,
        id="end-event-before-the-start-says-nothing",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(5, "arrival", ARRIVED),
        False,
        None,
        False,
        inferred(5, "event", EVENT_END),
        id="end-event-on-the-day-it-starts",
    ),
    pytest.param(
        LegEvidence(event=SUMMIT_4_5),
        inferred(3, "arrival", ARRIVED),
        True,
        d(5),
        True,
        inferred(5, "trip_end", TRIP_END),
        id="end-stated-trip-end-on-the-summits-last-day-beats-event",
    ),
]


@pytest.mark.parametrize(("leg", "start", "last", "trip_end", "expected"), END_ROWS)
def test_leg_end(
    leg: LegEvidence, start: Dated | None, last: bool, trip_end: date | None, expected: Dated | None
) -> None:
    assert leg_end(leg, start, last, trip_end, trip_end_stated=False) == expected


@pytest.mark.parametrize(
    ("leg", "start", "last", "trip_end", "trip_end_stated", "expected"), EVENT_END_ROWS
)
def test_leg_end_of_a_summit_leg(
    leg: LegEvidence,
    start: Dated | None,
    last: bool,
    trip_end: date | None,
    trip_end_stated: bool,
    expected: Dated | None,
) -> None:
    assert leg_end(leg, start, last, trip_end, trip_end_stated) == expected


# -- rules 6-7: neighbours and the clamp ----------------------------------------------------


def _i(day: int) -> Dated:
    return inferred(day, "x", "x")


BOUNDS_ROWS = [
    pytest.param(
        [_i(1), None, _i(9)],
        [_i(3), None, _i(10)],
        [None, d(3), d(3)],
        [d(9), d(9), None],
        id="neighbours-floor-and-ceiling-from-the-legs-either-side",
    ),
    pytest.param(
        [_i(5), None, None],
        [_i(4), _i(2), None],
        [None, d(5), d(5)],
        [d(2), None, None],
        id="neighbours-floor-is-the-latest-day-before-ceiling-the-earliest-after",
    ),
    pytest.param(
        [None, _i(6), _i(4)],
        [None, _i(8), _i(7)],
        [None, None, d(8)],
        [d(4), d(4), None],
        id="neighbours-ceiling-takes-the-earliest-of-all-later-days",
    ),
    pytest.param(
        [_i(5), _i(5)],
        [_i(5), _i(5)],
        [None, d(5)],
        [d(5), None],
        id="neighbours-equal-days",
    ),
]


@pytest.mark.parametrize(("starts", "ends", "floors", "ceilings"), BOUNDS_ROWS)
def test_bounds(
    starts: list[Dated | None],
    ends: list[Dated | None],
    floors: list[date | None],
    ceilings: list[date | None],
) -> None:
    assert bounds(starts, ends) == (floors, ceilings)


SETTLE_ROWS = [
    pytest.param(
        None,
        None,
        d(3),
        d(9),
        d(1),
        d(20),
        (inferred(3, "neighbours", BEFORE), inferred(9, "neighbours", AFTER)),
        id="neighbours-fill-both-from-the-legs-not-the-trip",
    ),
    pytest.param(
        None,
        None,
        None,
        None,
        d(1),
        d(20),
        (inferred(1, "neighbours", BEFORE), inferred(20, "neighbours", AFTER)),
        id="neighbours-fall-back-to-the-trip-window",
    ),
    pytest.param(None, None, None, None, None, None, (None, None), id="neighbours-nothing-known"),
    pytest.param(
        stated(4),
        inferred(2, "duration", "a 1-day visit"),
        None,
        None,
        None,
        None,
        (stated(4), Dated(d(4), "duration", "a 1-day visit (clamped to the start)", INFERRED)),
        id="clamp-inferred-end-before-start-is-inferred",
    ),
    pytest.param(
        stated(4),
        stated(2, "b", "concluded", CONCLUDED),
        None,
        None,
        None,
        None,
        (
            stated(4),
            Dated(d(4), "concluded", CONCLUDED + " (clamped to the start)", DISPUTED, ("b",)),
        ),
        id="clamp-stated-end-before-stated-start-is-disputed",
    ),
    pytest.param(
        stated(4),
        stated(4, "b"),
        d(9),
        d(1),
        None,
        None,
        (stated(4), stated(4, "b")),
        id="clamp-not-when-the-end-is-the-start-day",
    ),
    pytest.param(
        None,
        stated(2),
        d(5),
        None,
        None,
        None,
        (
            inferred(5, "neighbours", BEFORE),
            Dated(
                d(5),
                "stated",
                STATED_BY.format("src-a") + " (clamped to the start)",
                DISPUTED,
                ("a",),
            ),
        ),
        id="clamp-after-the-neighbours-filled-the-start",
    ),
]


@pytest.mark.parametrize(
    ("start", "end", "floor", "ceiling", "trip_start", "trip_end", "expected"), SETTLE_ROWS
)
def test_settle(
    start: Dated | None,
    end: Dated | None,
    floor: date | None,
    ceiling: date | None,
    trip_start: date | None,
    trip_end: date | None,
    expected: tuple[Dated | None, Dated | None],
) -> None:
    assert settle(start, end, floor, ceiling, trip_start, trip_end) == expected


DATE_LEGS_ROWS = [
    pytest.param(
        [LegEvidence(), LegEvidence()],
        TripFacts(starts=(r(1),), ends=(r(9),)),
        [
            (inferred(1, "trip_start", TRIP_START), inferred(9, "neighbours", AFTER)),
            (inferred(1, "neighbours", BEFORE), inferred(9, "trip_end", TRIP_END)),
        ],
        id="legs-the-trip-window-dates-first-and-last-legs",
    ),
    pytest.param(
        [LegEvidence()],
        TripFacts(returned_on=d(12)),
        [(None, inferred(12, "trip_end", TRIP_END))],
        id="legs-coming-home-ends-the-last-leg",
    ),
    pytest.param(
        [LegEvidence()],
        TripFacts(starts=(r(2),), ends=(r(10),), returned_on=d(12)),
        [(inferred(2, "trip_start", TRIP_START), inferred(10, "trip_end", TRIP_END))],
        id="legs-the-stated-window-end-beats-coming-home",
    ),
    pytest.param(
        [LegEvidence(starts=(r(1),), ends=(r(2),)), LegEvidence(starts=(r(4, "arrival"),))],
        TripFacts(starts=(r(1),), ends=(r(2),), returned_on=d(6)),
        [
            (stated(1), stated(2)),
            (stated(4, rule="arrival", reason=ARRIVED), inferred(6, "trip_end", TRIP_END)),
        ],
        id="legs-a-window-ending-before-a-leg-begins-was-a-legs",
    ),
    pytest.param(
        [
            LegEvidence(starts=(r(3),), ends=(r(4),)),
            LegEvidence(),
            LegEvidence(starts=(r(8, source="b"),)),
        ],
        TripFacts(left_home=d(2)),
        [
            (stated(3), stated(4)),
            (inferred(4, "neighbours", BEFORE), inferred(8, "neighbours", AFTER)),
            (stated(8, "b"), None),
        ],
        id="legs-neighbours-bound-a-leg-between-dated-legs",
    ),
    pytest.param(
        [LegEvidence(duration=2), LegEvidence()],
        TripFacts(left_home=d(2)),
        [
            (
                inferred(2, "departure_from_home", LEFT_HOME),
                inferred(3, "duration", "a 2-day visit"),
            ),
            (inferred(3, "neighbours", BEFORE), None),
        ],
        id="legs-a-duration-counts-from-leaving-home",
    ),
    pytest.param(
        [LegEvidence(concluded_on=d(5), concluded=True, ends=(r(5, "concluded"),)), LegEvidence()],
        TripFacts(),
        [
            (None, stated(5, rule="concluded", reason=CONCLUDED)),
            (inferred(5, "previous_concluded", PREVIOUS), None),
        ],
        id="legs-the-next-leg-starts-when-the-previous-concluded",
    ),
    pytest.param(
        [LegEvidence(starts=(r(9),))],
        TripFacts(starts=(r(1),), ends=(r(3),)),
        # begun after the window's end, the leg shows that window was not the trip's
        [(stated(9), None)],
        id="legs-one-leg-begun-after-the-window-takes-no-end-from-it",
    ),
    pytest.param(
        [LegEvidence(starts=(r(3),), event=DateWindow(d(4), d(5)))],
        TripFacts(starts=(r(3),), ends=(r(8),)),
        [(stated(3), inferred(5, "event", EVENT_END))],
        id="legs-the-summits-last-day-beats-a-later-stated-trip-end",
    ),
    pytest.param(
        [LegEvidence(starts=(r(3),), event=DateWindow(d(4), d(5)))],
        TripFacts(starts=(r(3),), ends=(r(4),)),
        [(stated(3), inferred(4, "trip_end", TRIP_END))],
        id="legs-a-stated-trip-end-before-the-summit-closes-ends-its-leg",
    ),
    pytest.param(
        [
            LegEvidence(starts=(r(8),), ends=(r(9),)),
            LegEvidence(event=DateWindow(d(10), d(13))),
        ],
        TripFacts(starts=(r(8),), ends=(r(9),)),
        # the summit after the window's last day shows that window was the visit's
        [
            (stated(8), stated(9)),
            (inferred(9, "neighbours", BEFORE), inferred(13, "event", EVENT_END)),
        ],
        id="legs-a-summit-after-the-window-shows-it-was-a-legs",
    ),
    pytest.param(
        [LegEvidence(starts=(r(3),), event=DateWindow(d(4), d(5)))],
        TripFacts(returned_on=d(6)),
        [(stated(3), inferred(5, "event", EVENT_END))],
        id="legs-the-summits-last-day-beats-coming-home",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(
                country="VN",
                starts=(r(12), r(10, "arrival", "b")),
                ends=(r(13), r(12, "concluded", "b")),
                concluded_on=d(12),
                concluded=True,
            ),
        ],
        TripFacts(),
        # APEC in Da Nang from the 10th, then a state visit in Hanoi, 12-13: the landing in
        # Da Nang and the move on to Hanoi that source b files under the visit are the
        # summit's
        [
            (
                stated(10, "b", rule="arrival", reason=ARRIVED),
                stated(12, "b", rule="concluded", reason=CONCLUDED),
            ),
            (stated(12), stated(13)),
        ],
        id="legs-a-summit-then-a-visit-the-arrival-before-the-visits-days-is-the-summits",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(country="VN", starts=(r(12), r(10, "arrival", "b")), ends=(r(12),)),
        ],
        TripFacts(),
        # a visit of one day has no stay of its own to tell the summit's days from
        [
            (inferred(10, "event", EVENT_START), inferred(11, "event", EVENT_END)),
            (
                disputed_by(12, 10),
                stated(12),
            ),
        ],
        id="legs-a-summit-then-a-one-day-visit-keeps-the-visits-readings",
    ),
    pytest.param(
        [LegEvidence(starts=(r(11), r(10, "arrival")), ends=(r(13),))],
        TripFacts(),
        # the same source: landed on the 10th (not in the evening), the visit 11-13
        [(stated(10, rule="arrival", reason=ARRIVED), stated(13))],
        id="legs-an-arrival-the-day-before-the-stated-range-starts-the-leg",
    ),
    pytest.param(
        [LegEvidence(starts=(r(11), r(10, "arrival", "b")), ends=(r(13),))],
        TripFacts(),
        # another source's arrival is a dispute between sources, read as rule 1 reads them
        [
            (
                disputed_by(11, 10),
                stated(13),
            )
        ],
        id="legs-another-sources-arrival-the-day-before-is-a-dispute",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(country="LA", starts=(r(12), r(10, "arrival", "b")), ends=(r(13),)),
        ],
        TripFacts(),
        # a summit in another country: the arrival stays with the visit it was filed under
        [
            (inferred(10, "event", EVENT_START), inferred(11, "event", EVENT_END)),
            (
                disputed_by(12, 10),
                stated(13),
            ),
        ],
        id="legs-a-summit-then-a-visit-elsewhere-moves-nothing",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(
                country="VN",
                starts=(r(12), r(12, "arrival", "b")),
                ends=(r(13), r(12, "concluded", "b")),
            ),
        ],
        TripFacts(),
        # an arrival on the visit's first day is the visit's (the leaving that day, the
        # summit's: the visit starts the day the summit's stay ends)
        [
            (
                inferred(10, "event", EVENT_START),
                stated(12, "b", rule="concluded", reason=CONCLUDED),
            ),
            (
                corroborated(12, "b"),
                stated(13),
            ),
        ],
        id="legs-a-summit-then-a-visit-the-arrival-on-its-first-day-stays",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(country="VN", starts=(r(12), r(10, "arrival", "b"))),
        ],
        TripFacts(),
        # the visit's range has no last day told: no stay of its own to tell them apart
        [
            (inferred(10, "event", EVENT_START), inferred(11, "event", EVENT_END)),
            (
                disputed_by(12, 10),
                None,
            ),
        ],
        id="legs-a-summit-then-a-visit-without-its-last-day-moves-nothing",
    ),
    pytest.param(
        [
            LegEvidence(country="VN", summit=True, event=DateWindow(d(10), d(11))),
            LegEvidence(
                country="VN",
                starts=(r(12),),
                ends=(
                    r(14),
                    r(12, "concluded", "b"),
                    r(13, "concluded", "c"),
                    r(14, "concluded", "d"),
                ),
                concluded_on=d(12),
                concluded=True,
            ),
            LegEvidence(country="LA"),
        ],
        TripFacts(),
        # the move on from the summit (b) is the summit's; the visit was next reported
        # concluded on the 13th, when the leg after it begins
        [
            (
                inferred(10, "event", EVENT_START),
                stated(12, "b", rule="concluded", reason=CONCLUDED),
            ),
            (
                stated(12),
                disputed_by(14, 13, ("a", "d"), by="c"),
            ),
            (inferred(13, "previous_concluded", PREVIOUS), None),
        ],
        id="legs-a-summit-then-a-visit-the-visit-concluded-when-next-reported-so",
    ),
    pytest.param(
        [
            LegEvidence(
                country="DE",
                starts=(r(5), r(5, "arrival", "b"), r(8, "arrival", "d")),
                ends=(r(6), r(6, "concluded", "e"), r(9, "concluded", "b")),
                concluded_on=d(6),
                concluded=True,
            ),
            LegEvidence(
                country="DE",
                summit=True,
                event=DateWindow(d(7), d(8)),
                starts=(r(6, "arrival_eve", "c"),),
            ),
        ],
        TripFacts(),
        # Berlin on the 5th-6th, the G20 in Hamburg on the 7th-8th: the arrival on the 8th
        # and "left Hamburg on the 9th", filed under the visit, are the summit's; leaving
        # on the visit's last day stays the visit's
        [
            (
                corroborated(5, "b"),
                corroborated(6, "e"),
            ),
            (
                Dated(
                    d(8),
                    "arrival",
                    ARRIVED + "; disputed: also 2025-05-07 (1 source(s))",
                    DISPUTED,
                    ("d",),
                    ((d(7), ("c",)),),
                ),
                stated(9, "b", rule="concluded", reason=CONCLUDED),
            ),
        ],
        id="legs-a-visit-then-a-summit-the-leaving-after-the-visits-days-is-the-summits",
    ),
    pytest.param(
        [LegEvidence(summit=True, event=DateWindow(d(10), d(11)), ends=(r(9, "concluded"),))],
        TripFacts(),
        # left before the summit opened: no start is made up after the end
        [(None, stated(9, rule="concluded", reason=CONCLUDED))],
        id="legs-a-summit-leg-left-before-it-opened-gets-no-start",
    ),
    pytest.param(
        [LegEvidence(summit=True, event=DateWindow(d(10), d(11)), ends=(r(10, "concluded"),))],
        TripFacts(),
        [(inferred(10, "event", EVENT_START), stated(10, rule="concluded", reason=CONCLUDED))],
        id="legs-a-summit-leg-left-on-its-first-day-opens-with-it",
    ),
]


@pytest.mark.parametrize(("legs", "trip", "expected"), DATE_LEGS_ROWS)
def test_date_legs(
    legs: list[LegEvidence], trip: TripFacts, expected: list[tuple[Dated | None, Dated | None]]
) -> None:
    assert date_legs(legs, trip, trip_window(trip)) == expected


# -- certainty ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(DISPUTED, INFERRED, DISPUTED, id="certainty-disputed-is-weaker-than-inferred"),
        pytest.param(INFERRED, STATED, INFERRED, id="certainty-inferred-is-weaker-than-stated"),
        pytest.param(
            CORROBORATED, STATED, STATED, id="certainty-stated-is-weaker-than-corroborated"
        ),
        pytest.param(STATED, STATED, STATED, id="certainty-equal"),
    ],
)
def test_weaker(a: Certainty, b: Certainty, expected: Certainty) -> None:
    assert weaker(a, b) == expected == weaker(b, a)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(None, None, None, id="certainty-leg-without-dates-has-none"),
        pytest.param(stated(1), None, INFERRED, id="certainty-a-missing-end-counts-as-inferred"),
        pytest.param(None, stated(1), INFERRED, id="certainty-a-missing-start-counts-as-inferred"),
        pytest.param(
            Dated(d(1), "s", "s", CORROBORATED), stated(2), STATED, id="certainty-leg-is-the-weaker"
        ),
        pytest.param(
            Dated(d(1), "s", "s", CORROBORATED),
            Dated(d(2), "s", "s", CORROBORATED),
            CORROBORATED,
            id="certainty-leg-both-corroborated",
        ),
        pytest.param(
            Dated(d(1), "s", "s", DISPUTED), None, DISPUTED, id="certainty-disputed-beside-missing"
        ),
    ],
)
def test_overall(start: Dated | None, end: Dated | None, expected: Certainty | None) -> None:
    assert overall(start, end) == expected


@pytest.mark.parametrize(
    ("certainty", "confirmed"),
    [
        pytest.param(DISPUTED, False, id="confirmed-not-disputed"),
        pytest.param(INFERRED, False, id="confirmed-not-inferred"),
        pytest.param(STATED, True, id="confirmed-stated"),
        pytest.param(CORROBORATED, True, id="confirmed-corroborated"),
    ],
)
def test_only_stated_dates_are_confirmed(certainty: Certainty, confirmed: bool) -> None:
    assert certainty.confirmed is confirmed


# -- wording ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(
            stated(8),
            inferred(9, "neighbours", AFTER),
            "starts 2025-05-08: dates stated by src-a (rule stated); "
            f"ends 2025-05-09: {AFTER} (rule neighbours)",
            id="basis-both",
        ),
        pytest.param(
            None,
            inferred(9, "trip_end", TRIP_END),
            f"ends 2025-05-09: {TRIP_END} (rule trip_end)",
            id="basis-end-only",
        ),
        pytest.param(
            inferred(9, "trip_start", TRIP_START),
            None,
            f"starts 2025-05-09: {TRIP_START} (rule trip_start)",
            id="basis-start-only",
        ),
        pytest.param(None, None, "no dates known yet", id="basis-none"),
    ],
)
def test_date_basis(start: Dated | None, end: Dated | None, expected: str) -> None:
    assert date_basis(start, end) == expected


def test_disputed_readings_name_both_sides() -> None:
    dated = read([r(8, source="a"), r(8, source="b"), r(9, source="c")])
    assert disputed_readings("RU start", dated) == [("RU start", "2025-05-08", "2025-05-09", ["c"])]
    assert disputed_readings("RU start", None) == []
    assert disputed_readings("RU start", read([r(8)])) == []


# -- status ----------------------------------------------------------------------------------

TOLD = d(11)  # the publication day of trip-level news
SAID = d(10)  # of the leg's own sources
LATER = d(12)  # of a later leg's sources


def leg(**fields: object) -> LegEvidence:
    return LegEvidence(reported=(d(3), SAID), **fields)  # type: ignore[arg-type]


def trip(**fields: object) -> TripFacts:
    return TripFacts(status_reported=(TOLD,), **fields)  # type: ignore[arg-type]


BEGUN_LATER = LegEvidence(started=True, reported=(LATER,))

STATUS_ROWS = [
    pytest.param(
        leg(cancelled=True, concluded=True),
        True,
        None,
        [],
        trip(),
        LegStatus("cancelled", "cancelled", TOLD),
        id="status-cancelled-leg-beats-everything",
    ),
    pytest.param(
        leg(),
        True,
        None,
        [],
        trip(cancelled=True, postponed=True),
        LegStatus("cancelled", "cancelled", TOLD),
        id="status-cancelled-trip",
    ),
    pytest.param(
        leg(postponed=True, concluded=True),
        True,
        None,
        [],
        trip(),
        LegStatus("postponed", "postponed", TOLD),
        id="status-postponed-leg-beats-concluded",
    ),
    pytest.param(
        leg(),
        True,
        None,
        [],
        trip(postponed=True),
        LegStatus("postponed", "postponed", TOLD),
        id="status-postponed-trip",
    ),
    pytest.param(
        leg(concluded=True, started=True),
        True,
        None,
        [],
        trip(),
        LegStatus("concluded", "concluded", TOLD),
        id="status-concluded-reported",
    ),
    pytest.param(
        leg(started=True),
        True,
        None,
        [],
        trip(returned=True),
        LegStatus("concluded", "trip_concluded", TOLD),
        id="status-concluded-trip-over",
    ),
    pytest.param(
        leg(started=True),
        False,
        None,
        [LegEvidence(), BEGUN_LATER],
        TripFacts(status_reported=(d(1),)),
        LegStatus("concluded", "later_leg_begun", LATER),
        id="status-concluded-a-later-leg-begun-as-of-its-news",
    ),
    pytest.param(
        leg(),
        False,
        None,
        [LegEvidence()],
        trip(),
        LegStatus("announced", "announced", TOLD),
        id="status-later-leg-not-begun-changes-nothing",
    ),
    pytest.param(
        leg(started=True),
        False,
        None,
        [],
        trip(),
        LegStatus("in_progress", "begun", TOLD),
        id="status-in_progress-begun",
    ),
    pytest.param(
        leg(),
        True,
        None,
        [],
        trip(left_home=d(1)),
        LegStatus("in_progress", "departure_from_home", TOLD),
        id="status-in_progress-first-leg-once-left-home",
    ),
    pytest.param(
        leg(),
        False,
        None,
        [],
        trip(left_home=d(1)),
        LegStatus("announced", "announced", TOLD),
        id="status-leaving-home-starts-only-the-first-leg",
    ),
    pytest.param(
        leg(),
        False,
        LegEvidence(concluded=True, reported=(LATER,)),
        [],
        TripFacts(),
        LegStatus("in_progress", "previous_concluded", LATER),
        id="status-in_progress-previous-concluded-as-of-its-news",
    ),
    pytest.param(
        leg(),
        False,
        LegEvidence(started=True),
        [],
        trip(),
        LegStatus("announced", "announced", TOLD),
        id="status-previous-under-way-is-not-concluded",
    ),
    pytest.param(
        leg(),
        True,
        None,
        [],
        TripFacts(),
        LegStatus("announced", "announced", SAID),
        id="status-announced-as-of-its-latest-source",
    ),
    pytest.param(
        LegEvidence(),
        True,
        None,
        [],
        TripFacts(),
        LegStatus("announced", "announced", None),
        id="status-as-of-unknown-without-dated-sources",
    ),
]


@pytest.mark.parametrize(
    ("evidence", "first", "previous", "later", "facts", "expected"), STATUS_ROWS
)
def test_leg_status(
    evidence: LegEvidence,
    first: bool,
    previous: LegEvidence | None,
    later: Sequence[LegEvidence],
    facts: TripFacts,
    expected: LegStatus,
) -> None:
    assert leg_status(evidence, first, previous, later, facts) == expected


DAYS_OVER_ROWS = [
    pytest.param(
        leg(started=True),
        None,
        (d(1), d(9)),
        LegStatus("in_progress", "begun", SAID),
        id="days-over-needs-a-last-day",
    ),
    pytest.param(
        leg(started=True),
        inferred(8, "duration", "a 3-day visit"),
        (d(1), d(9)),
        LegStatus("concluded", "days_over", d(9)),
        id="days-over-when-later-news-follows-its-last-day",
    ),
    pytest.param(
        leg(started=True),
        stated(9),
        (d(1), d(9)),
        LegStatus("in_progress", "begun", SAID),
        id="days-over-not-on-its-last-day",
    ),
    pytest.param(
        leg(),
        stated(5),
        (d(1), d(9)),
        LegStatus("announced", "announced", SAID),
        id="days-over-never-for-a-leg-not-begun",
    ),
]


@pytest.mark.parametrize(("evidence", "end", "reported", "expected"), DAYS_OVER_ROWS)
def test_a_leg_under_way_whose_days_passed_is_over(
    evidence: LegEvidence, end: Dated | None, reported: tuple[date, ...], expected: LegStatus
) -> None:
    """A leg under way that no source reports ended is over once a source was published
    after its shown last day ("a state visit from May 3 to 5", then a summary on the 9th)."""
    facts = TripFacts(reported=reported)
    assert leg_status(evidence, False, None, [], facts, end) == expected


def test_leg_statuses_pass_each_leg_its_last_day() -> None:
    legs = [leg(started=True), leg(started=True)]
    facts = TripFacts(reported=(d(1), d(9)))
    dates = [(None, stated(4)), (None, stated(6))]
    statuses = leg_statuses(legs, facts, (None, None), dates)
    assert [(s.status, s.rule) for s in statuses] == [
        ("concluded", "later_leg_begun"),
        ("concluded", "days_over"),
    ]


# -- engagements -----------------------------------------------------------------------------

MAY = DateWindow(d(8), d(11))
LEG_WINDOW = "during the visit; the day is not stated (rule leg_window)"
VICTORY = "inferred: Victory Day in the Great Patriotic War is marked on 9 May (rule commemoration)"

ENGAGEMENT_ROWS = [
    pytest.param(
        d(9),
        MAY,
        "Talks",
        "RU",
        d(8),
        d(11),
        (d(9), d(9), "date stated", STATED),
        id="engagement-stated-day",
    ),
    pytest.param(
        None,
        None,
        "Victory Day parade",
        "RU",
        d(8),
        d(11),
        (d(9), d(9), VICTORY, INFERRED),
        id="engagement-commemoration-within-the-leg",
    ),
    pytest.param(
        None,
        None,
        "Victory Day parade",
        "KZ",
        d(8),
        d(11),
        (d(8), d(11), LEG_WINDOW, INFERRED),
        id="engagement-commemoration-only-in-its-country",
    ),
    pytest.param(
        None,
        DateWindow(d(1), d(3)),
        "Victory Day parade",
        "RU",
        d(8),
        d(11),
        (d(1), d(3), LEG_WINDOW, INFERRED),
        id="engagement-own-window-beats-the-legs",
    ),
    pytest.param(
        None,
        None,
        "Talks",
        "RU",
        d(8),
        d(8),
        (d(8), d(8), LEG_WINDOW, INFERRED),
        id="engagement-leg_window-one-day",
    ),
    pytest.param(
        None,
        None,
        "Talks",
        "RU",
        d(9),
        d(8),
        (None, None, "no date known yet", None),
        id="engagement-no-window-from-an-inverted-leg",
    ),
    pytest.param(
        None,
        None,
        "Talks",
        "RU",
        None,
        d(8),
        (None, None, "no date known yet", None),
        id="engagement-no-window-without-a-leg-start",
    ),
    pytest.param(
        None,
        None,
        "Talks",
        "RU",
        d(8),
        None,
        (None, None, "no date known yet", None),
        id="engagement-no-window-without-a-leg-end",
    ),
]


@pytest.mark.parametrize(
    ("stated_day", "window", "title", "country", "first", "last", "expected"), ENGAGEMENT_ROWS
)
def test_engagement_dates(
    stated_day: date | None,
    window: DateWindow | None,
    title: str,
    country: str,
    first: date | None,
    last: date | None,
    expected: tuple[date | None, date | None, str, Certainty | None],
) -> None:
    found = engagement_dates(stated_day, window, title, country, first, last)
    assert (found.first, found.final, found.basis, found.certainty) == expected


COMMEMORATION_ROWS = [
    pytest.param("Victory Day parade", "RU", MAY, d(9), id="commemoration-victory-day-ru"),
    pytest.param(
        "Lễ kỷ niệm Chiến tranh Vệ quốc", "BY", MAY, d(9), id="commemoration-victory-day-by"
    ),
    pytest.param(
        "Quốc khánh",
        "VN",
        DateWindow(date(2026, 9, 1), date(2026, 9, 3)),
        date(2026, 9, 2),
        id="commemoration-vn-national-day",
    ),
    pytest.param(
        "National Day reception",
        "CN",
        DateWindow(date(2025, 9, 30), date(2025, 10, 2)),
        date(2025, 10, 1),
        id="commemoration-cn-national-day",
    ),
    pytest.param(
        "Bastille Day parade",
        "FR",
        DateWindow(date(2025, 7, 13), date(2025, 7, 15)),
        date(2025, 7, 14),
        id="commemoration-fr-national-day",
    ),
    pytest.param(
        "Independence Day",
        "US",
        DateWindow(date(2025, 7, 3), date(2025, 7, 5)),
        date(2025, 7, 4),
        id="commemoration-us-independence-day",
    ),
    pytest.param(
        "Victory Day parade",
        "RU",
        DateWindow(d(1), d(8)),
        None,
        id="commemoration-not-outside-the-window",
    ),
    pytest.param(
        "Victory Day parade", "RU", DateWindow(d(9), d(9)), d(9), id="commemoration-window-edge"
    ),
    pytest.param(
        "Victory Day parade",
        "RU",
        DateWindow(date(2024, 12, 30), d(9)),
        d(9),
        id="commemoration-window-across-years",
    ),
    pytest.param("Victory Day parade", "RU", None, None, id="commemoration-needs-a-window"),
    pytest.param("Talks", "RU", MAY, None, id="commemoration-title-must-name-it"),
]


@pytest.mark.parametrize(("title", "country", "window", "expected"), COMMEMORATION_ROWS)
def test_commemoration_day(
    title: str, country: str, window: DateWindow | None, expected: date | None
) -> None:
    found = commemoration_day(title, country, window)
    assert (found[0] if found else None) == expected


# -- the trip --------------------------------------------------------------------------------


def c(day: int, certainty: Certainty) -> Dated:
    return Dated(d(day), "x", "x", certainty)


EARLIEST = "the earliest leg start or departure"
LATEST = "the latest leg end or return home"

TRIP_ROWS = [
    pytest.param(
        [(c(5, STATED), c(7, STATED)), (c(3, INFERRED), c(9, INFERRED))],
        ["announced", "announced"],
        TripFacts(starts=(r(1),), ends=(r(20),)),
        (Dated(d(3), "legs", EARLIEST, INFERRED), Dated(d(9), "legs", LATEST, INFERRED)),
        id="trip-spans-its-legs-not-its-window",
    ),
    pytest.param(
        [(c(5, STATED), c(7, STATED))],
        ["in_progress"],
        TripFacts(left_home=d(4), returned_on=d(8)),
        (Dated(d(4), "legs", EARLIEST, STATED), Dated(d(8), "legs", LATEST, STATED)),
        id="trip-leaving-and-coming-home-are-stated-and-widen-it",
    ),
    pytest.param(
        [(c(5, STATED), c(9, STATED))],
        ["in_progress"],
        TripFacts(left_home=d(6), returned_on=d(8)),
        (Dated(d(5), "legs", EARLIEST, STATED), Dated(d(9), "legs", LATEST, STATED)),
        id="trip-a-later-departure-does-not-move-the-start",
    ),
    pytest.param(
        [(c(5, INFERRED), c(9, DISPUTED))],
        ["announced"],
        TripFacts(starts=(r(5), r(5, source="b")), ends=(r(9),)),
        (Dated(d(5), "legs", EARLIEST, CORROBORATED), Dated(d(9), "legs", LATEST, STATED)),
        id="trip-the-stated-window-on-the-same-day-makes-it-sure",
    ),
    pytest.param(
        [(c(5, INFERRED), c(9, INFERRED))],
        ["announced"],
        TripFacts(starts=(r(4),), ends=(r(10),)),
        (Dated(d(5), "legs", EARLIEST, INFERRED), Dated(d(9), "legs", LATEST, INFERRED)),
        id="trip-a-window-on-another-day-confirms-nothing",
    ),
    pytest.param(
        [(c(5, INFERRED), c(9, INFERRED)), (c(5, CORROBORATED), c(9, DISPUTED))],
        ["announced", "announced"],
        TripFacts(),
        (Dated(d(5), "legs", EARLIEST, CORROBORATED), Dated(d(9), "legs", LATEST, INFERRED)),
        id="trip-as-sure-as-the-surest-leg-on-that-day",
    ),
    pytest.param(
        [(None, None)],
        ["announced"],
        TripFacts(starts=(r(4),), ends=(r(10, source="b"),)),
        (stated(4), stated(10, "b")),
        id="trip-undated-legs-take-the-stated-window",
    ),
    pytest.param([], [], TripFacts(), (None, None), id="trip-nothing-known"),
]


@pytest.mark.parametrize(("dates", "statuses", "facts", "expected"), TRIP_ROWS)
def test_trip_dates(
    dates: list[tuple[Dated | None, Dated | None]],
    statuses: list[str],
    facts: TripFacts,
    expected: tuple[Dated | None, Dated | None],
) -> None:
    summary = trip_summary(dates, statuses, facts, trip_window(facts))
    assert (summary.start, summary.end) == expected


TRIP_STATUS_ROWS = [
    pytest.param(
        ["concluded"],
        TripFacts(cancelled=True, postponed=True, returned=True),
        "cancelled",
        id="trip-status-cancelled",
    ),
    pytest.param(
        ["concluded"],
        TripFacts(postponed=True, returned=True),
        "postponed",
        id="trip-status-postponed",
    ),
    pytest.param(
        ["announced"], TripFacts(returned=True), "concluded", id="trip-status-concluded-came-home"
    ),
    pytest.param(
        ["in_progress", "concluded"], TripFacts(), "concluded", id="trip-status-concluded-last-leg"
    ),
    pytest.param(
        ["concluded", "announced"],
        TripFacts(),
        "in_progress",
        id="trip-status-in_progress-a-leg-concluded",
    ),
    pytest.param(
        ["announced", "in_progress"],
        TripFacts(),
        "in_progress",
        id="trip-status-in_progress-a-leg-under-way",
    ),
    pytest.param(
        ["announced"],
        TripFacts(left_home=d(1)),
        "in_progress",
        id="trip-status-in_progress-left-home",
    ),
    pytest.param(["announced", "postponed"], TripFacts(), "announced", id="trip-status-announced"),
    pytest.param(["postponed"], TripFacts(), "postponed", id="trip-status-its-legs-postponed"),
    pytest.param(
        ["cancelled", "postponed"], TripFacts(), "postponed", id="trip-status-legs-called-off"
    ),
    pytest.param(
        ["cancelled", "cancelled"], TripFacts(), "cancelled", id="trip-status-its-legs-cancelled"
    ),
    pytest.param([], TripFacts(), "announced", id="trip-status-no-legs"),
]


@pytest.mark.parametrize(("statuses", "facts", "expected"), TRIP_STATUS_ROWS)
def test_trip_status(statuses: list[str], facts: TripFacts, expected: str) -> None:
    dates: list[tuple[Dated | None, Dated | None]] = [(None, None)] * len(statuses)
    assert trip_summary(dates, statuses, facts, trip_window(facts)).status == expected


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        pytest.param((d(3), d(11), d(7)), d(11), id="trip-status_as_of-latest-source"),
        pytest.param((), None, id="trip-status_as_of-unknown"),
    ],
)
def test_trip_status_as_of(reported: tuple[date, ...], expected: date | None) -> None:
    facts = TripFacts(reported=reported, status_reported=(d(30),))
    assert trip_summary([], [], facts, trip_window(facts)).as_of == expected


def test_a_landing_late_at_night_starts_the_leg_the_next_day() -> None:
    """Landed near midnight on the 15th, no programme day known: the stay begins on the
    16th, inferred; a stated range from the 15th stands; so does a leg said to have ended
    on the landing day (a one-day stop, the night its flight)."""
    leg = LegEvidence(starts=(r(15, "arrival_night", "a"),))
    start = leg_start(leg, True, None, None, None)
    assert start is not None
    assert (start.day, start.certainty) == (d(16), INFERRED)
    stated = LegEvidence(starts=(r(15, "arrival_night", "a"), r(15, "window", "b")))
    start = leg_start(stated, True, None, None, None)
    assert start is not None and (start.day, start.certainty) == (d(15), CORROBORATED)
    ended = LegEvidence(starts=(r(15, "arrival_night", "a"),), ends=(r(15, "concluded", "a"),))
    start = leg_start(ended, True, None, None, None)
    assert start is not None and start.day == d(15)
