"""The date parser: every rule of the language's grammar run over the text, each match read as
days (:mod:`.resolve`), widened over the day part, clock time and "(local time)" around it,
refused when a bare Vietnamese number is no date, and the longest of overlapping matches
kept. Apart from the grammar tables so the order of these steps reads in one place.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, time, timedelta
from typing import TypeVar

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.ingest.dates import grammar_vi
from calendar_svc.ingest.dates.grammar_en import ENGLISH
from calendar_svc.ingest.dates.grammar_vi import VIETNAMESE
from calendar_svc.ingest.dates.mentions import DateMention, Tense
from calendar_svc.ingest.dates.resolve import Hit, resolve_range, resolve_single, weekday_hit
from calendar_svc.ingest.dates.rules import WINDOW, Grammar, Rule
from calendar_svc.ingest.lexicon.dates import DATE_WORDS, DayPart, word_key

_T = TypeVar("_T")

GRAMMARS: dict[str, Grammar] = {"en": ENGLISH, "vi": VIETNAMESE}

_CLOSE_PAREN = re.compile(r"\s*\)")

# Hours that a day part turns into p.m.: "3 giờ chiều" is 15:00, "2 giờ đêm" stays 02:00.
_PM_HOURS: dict[DayPart, range] = {
    DayPart.NOON: range(1, 6),
    DayPart.AFTERNOON: range(1, 12),
    DayPart.LATE_AFTERNOON: range(1, 12),
    DayPart.EVENING: range(1, 12),
    DayPart.NIGHT: range(6, 12),
}


def _in_a_name(text: str, hit: Hit) -> bool:
    """A date inside a name ("Sân vận động Ngày 1/5", the May Day Stadium): "Ngày" written
    with a capital after a word, mid-sentence, is part of the name, not a day."""
    return (
        text.startswith("Ngày", hit.start) and _WORD_BEFORE.search(text, 0, hit.start) is not None
    )


#: A word and a space right before: "động Ngày 1/5" (not "Ngày 20/6," opening a sentence).
_WORD_BEFORE = re.compile(r"\w\s+$")


def find_dates(
    text: str,
    lang: Language,
    reference: date | None,
    *,
    tense: Tense = "unknown",
) -> list[DateMention]:
    """Every date and date range in ``text``, sorted, non-overlapping, longest match first.

    Dates without a written year, and weekdays, need ``reference`` (usually the
    publication date); without one they are dropped rather than guessed.
    """
    if lang not in ("en", "vi"):
        return []
    candidates: list[tuple[int, int, int, Hit]] = []
    for priority, rule in enumerate(GRAMMARS[lang].rules):
        for m in rule.pattern.finditer(text):
            hit = _core(rule, m, lang, reference, tense, text)
            if hit is None or not _extend(hit, text, lang) or _in_a_name(text, hit):
                continue
            candidates.append((hit.start, hit.end, priority, hit))
    return definite_weekdays(
        weekday_ranges(
            [
                DateMention(
                    start=hit.first,
                    end=hit.last,
                    span=(hit.start, hit.end),
                    text=text[hit.start : hit.end],
                    rule=hit.rule,
                    year_inferred=hit.year_inferred,
                    day_part=hit.day_part,
                    clock_time=hit.clock_time,
                    local_time=hit.local_time,
                    weekday_resolved=hit.weekday_resolved,
                )
                for hit in select(candidates)
            ],
            text,
        ),
        text,
    )


#: Between two weekdays, what makes them one stay's days: "to", "through", "until", a
#: dash ("from Monday to Wednesday", "từ thứ Hai đến thứ Tư"), or "and" between days that
#: follow each other ("on Wednesday and Thursday", "thứ Tư và thứ Năm").
_WEEKDAY_TO = re.compile(r"(?i)\s*(?:to|through|until|till|[-–—]|đến|tới)\s*")
_WEEKDAY_AND = re.compile(r"(?i)\s*(?:and|và)\s*")
#: The longest stay two weekdays bound: within one week.
_WEEK = 6


def weekday_ranges(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Two weekdays joined as a stay's first and last day ("will pay a state visit to
    China on Wednesday and Thursday") are one range, not two single days."""
    out: list[DateMention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if last is not None and _joined_weekdays(last, mention, text):
            out[-1] = msgspec.structs.replace(
                last,
                end=mention.end,
                span=(last.span[0], mention.span[1]),
                text=text[last.span[0] : mention.span[1]],
                rule=f"{last.rule}.range",
                day_part=None,
                clock_time=None,
            )
            continue
        out.append(mention)
    return out


#: "on the Sunday evening", "on the Monday": a weekday of the week a date of the sentence
#: names, not the next (or last) one after the day of writing.
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")


def definite_weekdays(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A weekday told with "the" ("May will spend three days in India from Nov. 6, flying
    into New Delhi on the Sunday evening ... on the Monday") is the one within three days
    of the nearest date the sentence writes out, when it writes one: that date's week,
    whatever day the article was written on."""
    written = [m for m in mentions if not m.weekday_resolved]
    if not written:
        return mentions
    out = []
    for m in mentions:
        if m.weekday_resolved and m.start == m.end and _THE_BEFORE.search(text, 0, m.span[0]):
            near = min(written, key=lambda w: abs(w.span[0] - m.span[0]))
            days = (m.start.weekday() - near.start.weekday()) % 7
            day = near.start + timedelta(days=days if days <= 3 else days - 7)
            m = msgspec.structs.replace(m, start=day, end=day)
        out.append(m)
    return out


def _joined_weekdays(a: DateMention, b: DateMention, text: str) -> bool:
    if not (a.weekday_resolved and b.weekday_resolved and a.start == a.end and b.start == b.end):
        return False
    days = (b.start - a.end).days
    between = text[a.span[1] : b.span[0]]
    if _WEEKDAY_AND.fullmatch(between):
        return days == 1
    return _WEEKDAY_TO.fullmatch(between) is not None and 0 < days <= _WEEK


def infer_reference(text: str, lang: Language) -> date | None:
    """First date written with its year: a stand-in publication date for undated pages."""
    for mention in find_dates(text, lang, None):
        if not mention.year_inferred:
            return mention.start
    return None


def select(items: list[tuple[int, int, int, _T]]) -> list[_T]:
    """Longest match wins; ties go to the earlier start, then to the earlier rule."""
    starts: list[int] = []  # accepted spans, kept sorted; they never overlap
    ends: list[int] = []
    chosen: dict[int, _T] = {}
    for start, end, _, item in sorted(items, key=lambda t: (t[0] - t[1], t[0], t[2])):
        if end <= start:
            continue
        i = bisect.bisect_right(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue  # overlaps the accepted span that starts at or before this one
        if i < len(starts) and starts[i] < end:
            continue  # overlaps the accepted span that starts after this one
        starts.insert(i, start)
        ends.insert(i, end)
        chosen[start] = item
    return [chosen[s] for s in starts]


def _core(
    rule: Rule, m: re.Match[str], lang: Language, ref: date | None, tense: Tense, text: str
) -> Hit | None:
    groups = m.groupdict()
    start, end = m.span()
    if rule.kind == "weekday":
        hit = weekday_hit(groups, lang, ref, tense, text, start, end)
        if hit is not None:
            hit.rule = rule.name
        return hit
    hit = (
        resolve_single(groups, lang, ref, tense)
        if rule.kind == "single"
        else resolve_range(groups, lang, ref, tense)
    )
    if hit is None:
        return None
    hit.start, hit.end = start, end
    written_year = not hit.year_inferred
    hit.rule = rule.name + ("_y" if written_year and rule.name != "iso.ymd" else "")
    if rule.name.startswith("vi."):
        sure = _vi_date_is_sure(rule, m, text, written_year)
        if sure is None:
            return None
        if not sure:
            hit.context = "date"
    return hit


def _vi_date_is_sure(rule: Rule, m: re.Match[str], text: str, written_year: bool) -> bool | None:
    """A bare "26-6" or "3 tháng 10" (also "3 months 10 ...") is only a date when
    something around it says so; "/" is the press's unambiguous date mark. True: the match
    itself says it is a date; False: the words around it must (see `_extend`); None: a
    fraction or a document number ("khoảng 1/3", "số 12/5")."""
    core = m.group(0)
    start, end = m.span()
    strong = written_year or grammar_vi.DATE_WORD.search(core) is not None
    if "/" in core:
        if not strong and (
            grammar_vi.FRACTION_BEFORE.search(text, max(0, start - WINDOW), start)
            or grammar_vi.FRACTION_AFTER.match(text, end)
        ):
            return None
        return True
    if rule.kind == "range" and m.groupdict().get("pre") and grammar_vi.MONTH_WORD.search(core):
        return True  # "từ 5 đến 12 tháng 5"
    return strong


def _extend(hit: Hit, text: str, lang: Language) -> bool:
    """Widen a core mention over the modifiers around it; False if it is not a date after all."""
    grammar = GRAMMARS[lang]
    found_context = _widen_before(hit, text, lang, grammar)
    found_context = _widen_after(hit, text, lang, grammar) or found_context
    lo = max(0, hit.start - WINDOW)
    if hit.context == "date":
        return found_context or bool(grammar_vi.DATE_CONTEXT_BEFORE.search(text, lo, hit.start))
    if hit.context == "weekday":
        return (
            found_context
            or bool(grammar_vi.WEEKDAY_CONTEXT_BEFORE.search(text, lo, hit.start))
            or bool(grammar_vi.WEEKDAY_CONTEXT_AFTER.match(text, hit.end))
        )
    return True


def _widen_before(hit: Hit, text: str, lang: Language, grammar: Grammar) -> bool:
    """Take in the clock time and day part written before the mention ("at 10:30 am on",
    "on the afternoon of", "lúc 14h30", "Sáng nay ("); True if there were any."""
    pm = grammar.prefix.search(text, max(0, hit.start - WINDOW), hit.start)
    if pm is None or pm.start() >= hit.start:
        return False
    opened = pm.groupdict().get("open") is not None
    close = _CLOSE_PAREN.match(text, hit.end) if opened else None
    if opened and close is None:
        return False
    clock, part = _read_clock(pm, lang)
    late = pm.groupdict().get("dpl")
    if late is not None and (
        grammar.suffix_day_part.match(text, hit.end) is not None
        or (not pm.group(0).rstrip().endswith("on") and not hit.rule.endswith("weekday"))
    ):
        # "late on Tuesday morning": the part after says; "late May 3-5": late in the month
        # (only "late Tuesday" goes without "on")
        return False
    hit.day_part = _part(pm.group("dp") or late, lang) or part
    hit.clock_time = clock
    hit.local_time = pm.group("loc") is not None
    hit.start = pm.start()
    if close is not None:
        hit.end = close.end()
    return True


def _widen_after(hit: Hit, text: str, lang: Language, grammar: Grammar) -> bool:
    """Take in the day part, clock time and "(local time)" written after the mention;
    True if there were any."""
    found_context = False
    if hit.day_part is None and (sm := grammar.suffix_day_part.match(text, hit.end)):
        hit.day_part = _part(sm.group("dp"), lang)
        hit.end = sm.end()
        found_context = True
    if hit.clock_time is None and (sm := grammar.suffix_clock.match(text, hit.end)):
        clock, part = _read_clock(sm, lang)
        hit.clock_time = clock
        hit.day_part = hit.day_part or part
        hit.end = sm.end()
        found_context = True
    if not hit.local_time and (sm := grammar.suffix_local.match(text, hit.end)):
        hit.local_time = True
        hit.end = sm.end()
        found_context = True
    return found_context


def _clock(hh: str | None, mm: str | None, ap: str | None, part: DayPart | None) -> time | None:
    """Read a clock time, using am/pm or the Vietnamese day part for 12-hour readings."""
    if hh is None:
        return None
    hour, minute = int(hh), int(mm or 0)
    if ap:
        if not 1 <= hour <= 12:
            return None
        if ap[0] in "pP" and hour < 12:
            hour += 12
        elif ap[0] in "aA" and hour == 12:
            hour = 0
    elif part is not None and hour in _PM_HOURS.get(part, ()):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _part(raw: str | None, lang: Language) -> DayPart | None:
    return DATE_WORDS[lang].day_parts.get(word_key(raw)) if raw else None


def _read_clock(m: re.Match[str], lang: Language) -> tuple[time | None, DayPart | None]:
    g = m.groupdict()
    part = _part(g.get("dp2"), lang) or _part(g.get("dpn"), lang)
    minute = g.get("mm") or g.get("mm2")
    day_part = part or _part(g.get("dp"), lang)
    clock = _clock(g.get("hh"), minute, g.get("ap") or g.get("ap2"), day_part)
    return clock, part


#: A part of the day the article is written on: "this afternoon", "tonight", "chiều nay",
#: "sáng nay". Wires write the weekday; the Vietnamese press writes "chiều nay" beside a
#: dateline that carries the day ("Amsterdam, 10/12 - Rời Luxembourg chiều nay, ...").
_THIS_PART = {
    "en": re.compile(
        r"(?i)\b(?:(?:earlier\s+|later\s+)?this\s+(?P<dp>morning|afternoon|evening)|"
        r"(?P<night>tonight))\b"
    ),
    "vi": re.compile(
        r"(?<!\w)(?P<dp>(?i:rạng\s+sáng|sáng|trưa|chiều|tối|đêm))\s+nay(?!\w)(?!\s*\(?\s*\d)"
    ),
}


def find_days_of_writing(text: str, lang: Language, reference: date | None) -> list[DateMention]:
    """ "this afternoon", "chiều nay": the publication day (``reference``), with its part."""
    rx = _THIS_PART.get(lang)
    if rx is None or reference is None:
        return []
    words = DATE_WORDS[lang].day_parts
    out = []
    for m in rx.finditer(text):
        said = m.groupdict()
        part = DayPart.NIGHT if said.get("night") else words.get(word_key(said["dp"]))
        out.append(
            DateMention(
                start=reference,
                end=reference,
                span=m.span(),
                text=m.group(0),
                rule=f"{lang}.day_of_writing",
                year_inferred=True,
                day_part=part,
            )
        )
    return out
