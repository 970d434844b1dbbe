"""Stated lengths of stay ("a three-day state visit", "chuyến thăm hai ngày"), each with
the leg it measures, or none when it measures the whole journey ("a week-long tour").

Apart from `windows`, which reads the ranges: a length says nothing of which days.
"""

from __future__ import annotations

import re
from datetime import timedelta

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.dates import find_durations
from calendar_svc.ingest.dates.mentions import DurationMention
from calendar_svc.ingest.extract.classify import others_journeys
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.views import CAME_FROM, FROM_DAY, View
from calendar_svc.ingest.extract.windows import dated
from calendar_svc.ingest.lexicon import Lexicon


def _whole_trip(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether a duration measures the whole journey ("a week-long tour", "a four-day
    working trip", "chuyến công du 4 ngày") rather than one visit."""
    return bool(lex.whole_trip.search(text[span[1] :]) or lex.whole_trip.search(text[: span[0]]))


#: Between a count of days and the range right after it that it counts ("hai ngày
#: (26-27/11)", "three days, May 2-4", "ba ngày từ 2-4/11").
_COUNTED_RANGE = re.compile(r"(?i)\s*[(,:]?\s*(?:(?:từ|from)\s+)?(?:ngày\s+)?")


def _counts_a_range(view: View, span: tuple[int, int]) -> bool:
    """Whether a count of days is the length of a range told right after it ("trong ba
    ngày 2-4/11, Thủ tướng đã dự 11 hội nghị"): the range's days are the summit's or the
    leg's and say themselves; counted from an arrival the evening before, they would end
    a day early."""
    text = view.sentence.text
    return any(
        d.start != d.end
        and span[0] <= d.span[0]
        and (
            d.span[0] <= span[1]  # "ba ngày 2-4/11": "ngày" is both the count's and the range's
            or _COUNTED_RANGE.fullmatch(text, span[1], d.span[0]) is not None
        )
        for d in view.dates
    )


#: How far after a length of stay the day it counts from may be told, with at most the
#: visit's words and country between ("a three-day state visit to Cambodia from Thursday").
_REACH = 50


def _named_around(
    view: View, home: str | None, start: int, end: int
) -> tuple[set[str], str | None]:
    """The countries named from `start` to `end`, and the last one named before `start`
    within its clause."""
    text = view.sentence.text
    named = [
        (m.span[0], m.place.country_code)
        for m in view.places
        if m.place.country_code != home
        and not view.in_person(m.span)
        and m.span not in view.not_destinations
    ]
    before = [c for pos, c in named if pos < start and not re.search(r"[;,]", text[pos:start])]
    return {c for pos, c in named if start <= pos < end}, (before[-1] if before else None)


def _counted_from(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    duration: DurationMention,
    code: str | None,
) -> None:
    """A length counted from a day, told of a stay under way or over ("kết thúc chuyến
    thăm ... kéo dài 4 ngày, từ 31/10"), states the leg's days as a range would. Told of
    a plan ("will make a three-day visit starting on Oct. 25") it stays a plan: the
    days are the hosts' and may still move, and the visit may be another journey's."""
    text = view.sentence.text
    after = duration.span[1]
    day = next((d for d in view.dates if d.span[0] >= after), None)
    if code is None or view.future or day is None or day.start != day.end:
        return
    between, before = _named_around(view, facts.home, after, day.span[0])
    if (
        day.span[0] - after > _REACH
        or not FROM_DAY.search(text, after, day.span[0])
        or ";" in text[duration.span[0] : day.span[0]]
        or between - {code}
        # the country it counts is named beside it ("chuyến thăm cấp Nhà nước Kenya kéo dài
        # 4 ngày", "a four-day state visit to Kenya starting"), not only guessed
        or code not in between | {before}
        or any(
            w.value[0] == code and w.provenance.sentence_index == view.sentence.index
            for w in facts.leg_windows
        )
    ):
        return
    window = DateWindow(day.start, day.start + timedelta(days=duration.days - 1))
    facts.leg_windows.append(
        Sourced(
            (code, window),
            provenance(
                facts.article_id,
                view.sentence,
                f"{lex.language}.dates.counted_from",
                (duration.span[0], day.span[1]),
            ),
        )
    )


#: Right before a country: the days counted there ("three days in France", "hai ngày ở
#: Pháp"), its own length, not that of a stay named before it.
_OWN_COUNT = re.compile(
    r"(?i)(?:\b\w+\s+(?:days?|nights?|weeks?)\s+(?:in|at)|(?<!\w)\w+\s+(?:ngày|tuần)\s+(?:ở|tại))"
    r"\s+(?:the\s+)?$"
)


def add_durations(
    facts: ArticleFacts, views: list[View], lex: Lexicon, destinations: set[str]
) -> None:
    """Stated lengths of stay ("a three-day state visit"), each with the leg it measures,
    or none when it measures the whole journey."""
    home = facts.home
    for view, theirs in zip(views, others_journeys(views, lex, facts), strict=True):
        check()
        text = view.sentence.text
        named_here = [c for _, c in view.countries(home) if c in destinations]
        if theirs or view.history or not dated(view, lex, named_here):
            continue  # "Modi cũng tới UAE ngày 13/2 trong chuyến thăm hai ngày": his stay
        for duration in find_durations(text, lex.language):
            if _counts_a_range(view, duration.span):
                continue  # "trong ba ngày 2-4/11": the range says the days itself
            # "a three-day state visit to Chile and ... Peru": the country it qualifies.
            # "to A for a three-day state visit, then on to B": A's, named before it
            # "for a three-day official visit, after stopping in Malaysia": not Malaysia's
            stopped = lex.after_leg.search(text, duration.span[1])
            moving_on = lex.onward.search(text, duration.span[1]) or stopped
            following = [
                c
                for pos, c in view.countries(home, after=duration.span[1])
                if c in destinations
                and pos - duration.span[1] <= 60
                and (moving_on is None or pos < moving_on.start())
                # "for a four-day official visit, flying in from Tokyo": where it came from
                and not CAME_FROM.search(text, max(0, pos - 12), pos)
                # "a one-day programme that followed three days in France": France's own
                and not _OWN_COUNT.search(text, max(0, pos - 30), pos)
            ]
            preceding = [
                c for pos, c in view.countries(home) if c in destinations and pos < duration.span[0]
            ]
            gone_to = [
                c
                for pos, c in view.countries(home)
                if c in destinations and not CAME_FROM.search(text, max(0, pos - 12), pos)
            ]
            dur_code = (
                following[0]
                if following
                else preceding[-1]
                if moving_on is not None and preceding
                else (gone_to[0] if len(gone_to) == 1 else None)
            )
            if stopped is not None and dur_code is not None and not following:
                told = [pos for pos, c in view.countries(home) if c == dur_code]
                if told and min(told) > stopped.start():
                    dur_code = None  # the one country named is the stop before
            if _whole_trip(text, duration.span, lex):
                dur_code = None  # "a week-long tour of A, B and C": not A's length
            facts.leg_durations.append(
                Sourced(
                    (dur_code, duration.days),
                    provenance(
                        facts.article_id, view.sentence, f"{lex.language}.duration", duration.span
                    ),
                )
            )
            _counted_from(facts, view, lex, duration, dur_code)
