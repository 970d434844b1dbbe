"""Days planned that a sentence says no longer hold: a visit extended, cut short, brought
forward or moved ("has extended his official visit to Japan by a day", "cut short his
visit to Britain", "đã rút ngắn chuyến thăm", "ở lại Lào thêm một ngày", "has been brought
forward by a day and will now take place from June 1 to 3").

Apart from the dates themselves because the change matters even when its new days are not
read: the days an earlier report stated are then no longer the visit's, and showing them
as stated would be a wrong date shown as confirmed. What moved is "end" (the stay was made
longer or shorter) or "both" (the visit as a whole was moved).
"""

from __future__ import annotations

import re
from typing import Literal

from calendar_svc.ingest.extract.classify import anothers_plans
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.lexicon import Lexicon

Moved = Literal["end", "both"]

#: What a change is said of: a visit, a stay, a trip ("chuyến thăm", "chuyến công du").
_VISIT = r"(?:visit|stay|trip|tour|sojourn|journey)"
#: A stay made longer or shorter: its end moved, its start kept.
_END_MOVED = re.compile(
    r"(?i)\bextend(?:s|ed|ing)?\s+(?:(?:his|her|their|the|its)\s+)?(?:[\w'.-]+\s+){0,5}?"
    rf"{_VISIT}\b|\b{_VISIT}\s+(?:[\w'.-]+\s+){{0,6}}?(?:has|had|was|is|will)\s+(?:been\s+|be\s+)?"
    r"(?:extended|cut\s+short|shortened|curtailed)\b|"
    r"\bcut\s+(?:(?:his|her|their|the|its)\s+(?:[\w'.-]+\s+){0,5}?" + _VISIT + r"\s+)?short\b|"
    r"\b(?:shorten|curtail)(?:s|ed|ing)?\s+(?:(?:his|her|their|the|its)\s+)?"
    rf"(?:[\w'.-]+\s+){{0,5}}?{_VISIT}\b|"
    r"\b(?:an?|one)\s+(?:extra|additional)\s+(?:day|night)\b|"
    r"(?<!\w)(?:kéo\s+dài|ở\s+lại|lưu\s+lại)\s+(?:[^\W\d_]+\s+){0,8}?thêm\s+(?:một|hai|ba|\d+)\s+"
    r"ngày(?!\w)|"
    # "rút ngắn chuyến thăm", "rút ngắn một ngày"; not "rút ngắn thời gian vận chuyển"
    r"(?<!\w)rút\s+ngắn\s+(?:chuyến|lịch\s+trình|thời\s+gian\s+(?:chuyến|lưu\s+lại|ở\s+lại)|"
    r"(?:một|hai|\d+)\s+ngày)(?!\w)"
)
#: The visit as a whole moved to other days (a journey noun must be near: `_JOURNEY`).
_BOTH_MOVED = re.compile(
    r"(?i)\b(?:brought|moved|pulled)\s+forward\b|\b(?:pushed|put)\s+back\b|\brescheduled\b|"
    r"\bwill\s+now\s+(?:take\s+place|be\s+held|run|begin|start|open)\b|"
    # "lùi sang ngày 18/11", "dời sớm một ngày", "lùi chuyến thăm"; not "dời đi"
    r"(?<!\w)(?:dời|lùi)\s+(?:lại\s+)?(?:sang|đến|tới|vào|sớm|muộn|chuyến|thời\s+điểm|"
    r"thời\s+gian|ngày|một|hai|\d)(?!\w)|(?<!\w)đẩy\s+sớm(?!\w)|"
    r"(?<!\w)điều\s+chỉnh\s+(?:lịch|thời\s+gian)(?!\w)"
)
#: Days said against the plan: "a day earlier than planned", "sớm hơn dự kiến", "thay vì
#: ngày 8/3", "will now end on Thursday": which end moved is the verb's to tell.
_AGAINST_PLAN = re.compile(
    r"(?i)\b(?:earlier|later|sooner)\s+than\s+(?:\w+\s+){0,2}?(?:planned|scheduled|expected|"
    r"announced|intended)\b|\bahead\s+of\s+schedule\b|"
    r"\bwill\s+now\s+(?:end|conclude|return|leave|fly|head)\b|"
    r"(?<!\w)(?:sớm|muộn|trễ)\s+hơn\s+(?:\S+\s+){0,3}?(?:dự\s+kiến|kế\s+hoạch)(?!\w)"
)
#: Old days given after the new: "instead of Thursday morning", "thay vì tối 23/4";
#: not "thay vì chỉ lên án", "instead of demanding payment" (no day follows).
_INSTEAD = re.compile(r"(?i)\binstead\s+of\b|(?<!\w)thay\s+vì(?!\w)")
#: A day word right after "instead of" / "thay vì" (with a date mention, the old day).
_DAY_WORD = re.compile(
    r"(?i)\s*(?:the\s+)?(?:(?:early|late)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|tomorrow|today|(?:the\s+)?(?:morning|evening|night|afternoon)|"
    r"(?:lưu\s+lại|ở\s+lại)\s+đến|(?:sáng|chiều|tối|đêm|trưa)\b|ngày\s+\d|thứ\s+)"
)
#: Words that make an extending one of something other than the visit ("extended an
#: invitation", "extended congratulations"): checked right after "extend".
_NOT_THE_VISIT = re.compile(
    r"(?i)\s+(?:an?\s+|his\s+|her\s+)?(?:invitation|congratulations|thanks)"
)
#: Near a move of days, what says it is the journey's: not talks, a deal or an event.
_JOURNEY = re.compile(
    r"(?i)\b(?:visit|trip|tour|journey|stay|departure|arrival)s?\b|"
    r"(?<!\w)(?:chuyến|chặng|lịch\s+trình|thời\s+điểm|ngày\s+khởi\s+hành)(?!\w)"
)
#: How far before and after a move of days its journey noun may be.
_JOURNEY_BEFORE, _JOURNEY_AFTER = 60, 40
#: How long before the publication day a date in the sentence makes the change history.
_LONG_AGO = 20


def add_changes(facts: ArticleFacts, view: View, lex: Lexicon, named_here: list[str]) -> None:
    """The change a sentence tells of the traveller's visit, if any: of the one leg it
    names, else of the trip (`facts.changes`). Not a change told by its dates as long past
    ("was rescheduled after being put off in March 2023"), nor another person's ("Abbas cut
    short his trip to Jordan")."""
    if view.history or not (view.travel or named_here):
        return
    reference = facts.reference
    if reference is not None and any((reference - d.start).days > _LONG_AGO for d in view.dates):
        return
    found = _what_moved(view, lex)
    if found is None or anothers_plans(view, found[1][0], facts):
        return
    moved, span = found
    code = named_here[0] if len(set(named_here)) == 1 else None
    facts.changes.append(
        Sourced(
            (code, moved),
            provenance(facts.article_id, view.sentence, f"{lex.language}.changed.{moved}", span),
        )
    )


def tells_a_change(view: View, lex: Lexicon) -> bool:
    """Whether the sentence tells days planned as changed ("has extended his visit by a
    day and will now return home on Feb. 11"): its lone day is no one-day visit."""
    return _what_moved(view, lex) is not None


def _what_moved(view: View, lex: Lexicon) -> tuple[Moved, tuple[int, int]] | None:
    """("end" or "both", the cue's span) of the change the sentence tells, if any."""
    text = view.sentence.text
    for hit in _BOTH_MOVED.finditer(text):
        if _of_the_journey(text, hit):
            return "both", hit.span()
    for hit in _END_MOVED.finditer(text):
        if not _NOT_THE_VISIT.match(text, hit.start() + len(hit.group(0).split()[0])):
            return "end", hit.span()
    hits = [*_AGAINST_PLAN.finditer(text), *_instead_of_a_day(view)]
    if hits:
        hit = min(hits, key=lambda h: h.start())
        ranged = any(d.end != d.start for d in view.dates)
        arriving = lex.arrival.search(text) or lex.began.search(text)
        leaving = any(p.search(text) for p in (lex.departure, lex.returned, lex.conclusion))
        return ("both" if ranged or (arriving and not leaving) else "end"), hit.span()
    return None


def _of_the_journey(text: str, hit: re.Match[str]) -> bool:
    """Whether a move of days is said of the journey: a journey noun near it, and no other
    thing named between that noun and the verb ("on a visit to Japan, said trade talks had
    been pushed back": the talks moved)."""
    start = max(0, hit.start() - _JOURNEY_BEFORE)
    before = [m.end() for m in _JOURNEY.finditer(text, start, hit.start())]
    others = [m.end() for m in _OTHER_THING.finditer(text, start, hit.start())]
    if before and not (others and others[-1] > before[-1]):
        return True
    return _JOURNEY.search(text, hit.end(), hit.end() + _JOURNEY_AFTER) is not None


#: What else may have been moved: talks, a deal, a vote, a meeting.
_OTHER_THING = re.compile(
    r"(?i)\b(?:talks|negotiations|deal|agreement|election|vote|meeting|summit|ceremony|"
    r"launch|signing)\b|(?<!\w)(?:hội\s+đàm|đàm\s+phán|thỏa\s+thuận|bầu\s+cử|cuộc\s+họp|"
    r"hội\s+nghị|lễ)(?!\w)"
)


def _instead_of_a_day(view: View) -> list[re.Match[str]]:
    """ "instead of" / "thay vì" followed by the day it replaces ("instead of Thursday
    morning", "thay vì tối 23/4 như dự kiến")."""
    text = view.sentence.text
    return [
        cue
        for cue in _INSTEAD.finditer(text)
        if _DAY_WORD.match(text, cue.end())
        or any(cue.end() <= d.span[0] <= cue.end() + 12 for d in view.dates)
    ]
