"""Titles of engagement claims: "Meeting with President X", "Laying a wreath at ...", "Received
by President Putin", "Hội kiến Thủ tướng X", "Được Tổng thống Putin đón". The wording is each
language's own (English makes a noun phrase of the verb; Vietnamese keeps the verb phrase as
written), so it lives here rather than in the steps that decide what the claims are.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.engagements.reader import Item, Mention, Reader, capitalise, norm
from calendar_svc.ingest.people import Person

K = EngagementKind

_EN_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_VI_CONNECTOR = re.compile(r"^(?:với|cùng)(?!\w)\s*", re.IGNORECASE)
_GERUND = {
    "laid": "Laying",
    "lay": "Laying",
    "lays": "Laying",
    "laying": "Laying",
    "placed": "Placing",
    "places": "Placing",
    "placing": "Placing",
    "paid": "Paying",
    "pay": "Paying",
    "pays": "Paying",
    "paying": "Paying",
    "offered": "Offering",
    "offers": "Offering",
    "offer": "Offering",
    "offering": "Offering",
}
_HOST_LEAD = (
    ("receiv", "Received"),
    ("welcom", "Welcomed"),
    ("greet", "Greeted"),
    ("host", "Hosted"),
)
_MAX_TITLE = 200

#: "met" with no one after it: when, where or how ("met at 1:30 p.m. on Friday", "met
#: briefly on the sidelines with Xi"): whom is after "with" in the same clause, if anyone.
_MET_WHEN = re.compile(
    r"^(?:at|on|in|for|during|over|after|before|briefly|privately|separately|again|later|"
    r"first|twice|today|yesterday|earlier|afterwards|behind|face-to-face|one-on-one)\b",
    re.IGNORECASE,
)
_WITH_WHOM = re.compile(r"\bwith\s+(?P<whom>[^,;]+)", re.IGNORECASE)


def _person_label(p: Person, lang: Language) -> str:
    """A readable label: the mention, keeping only the last of joint titles ("Party General
    Secretary and President of China Xi Jinping" -> "President of China Xi Jinping")."""
    text = norm(p.text)
    joiner = " and " if lang == "en" else " kiêm "
    if joiner in text:
        tail = text.rsplit(joiner, 1)[1]
        if p.name and p.name in tail and tail[:1].isupper():
            text = tail
    return text


def object_text(text: str, lang: Language) -> str:
    text = norm(text)
    if lang == "en":
        text = _EN_ARTICLE.sub("", text)
    return text


def host_label(reader: Reader, m: Mention) -> str:
    if m.person is not None:
        return _person_label(m.person, reader.lang)
    text = norm(reader.s[m.start : m.end])
    if text.startswith(("The ", "Phía ", "Người ")):
        return text[:1].lower() + text[1:]  # "the Russian side", "phía Nga" mid-title
    return text


def host_lead(verb_text: str) -> str:
    """How an English title of the principal hosted begins: "Received", "Welcomed" ..."""
    low = verb_text.lower()
    return next((t for stem, t in _HOST_LEAD if low.startswith(stem)), "Received")


def item_title(reader: Reader, item: Item, kind: EngagementKind, with_people: list[Person]) -> str:
    """The title of one item of a verb's object; ``with_people`` join a talk or meeting."""
    if item.person is not None:
        return _person_title(reader, item, item.person, kind)
    if reader.lang == "vi":
        return _vietnamese_title(reader, item)
    return _english_title(reader, item, kind, with_people)


def _person_title(reader: Reader, item: Item, person: Person, kind: EngagementKind) -> str:
    s = reader.s
    label = _person_label(person, reader.lang)
    if reader.lang == "vi":
        head = norm(s[item.hit.start : item.hit.end])
        m = _VI_CONNECTOR.match(norm(s[item.hit.end : item.hit.end + 8]))
        if m:
            head += " " + m.group(0).strip()
        return capitalise(f"{head} {label}")
    lead = {K.TALKS: "Talks with", K.RECEPTION: "Receiving"}.get(kind, "Meeting with")
    return f"{lead} {label}"


def _vietnamese_title(reader: Reader, item: Item) -> str:
    s = reader.s
    obj = norm(s[item.start : item.end])
    if item.hit.verb.name == "attend":
        title = obj
    elif item.first:
        title = norm(s[item.hit.start : item.end])
    else:
        title = f"{norm(s[item.hit.start : item.hit.end])} {obj}"
    return capitalise(title)


def _english_title(
    reader: Reader, item: Item, kind: EngagementKind, with_people: list[Person]
) -> str:
    s = reader.s
    verb = item.hit.verb
    verb_text = norm(s[item.hit.start : item.hit.end])
    obj = norm(s[item.start : item.end])
    obj_np = object_text(obj, reader.lang)
    if verb.name == "lay":
        words = verb_text.split()
        gerund = _GERUND.get(words[0].lower(), capitalise(words[0]))
        title = " ".join([gerund, *words[1:], obj])
    elif verb.style == "prefix" and not (
        verb.name in ("host", "adopt") and reader.cue_kind(item.start, item.end) is not None
    ):
        rest = obj
        if verb.name == "meet":
            rest = _met_whom(rest)
        elif verb.name == "visit":
            rest = re.sub(r"^to\s+", "", rest, flags=re.IGNORECASE)
        # "met at 1:30 p.m.", no one named: a meeting (with the co-subjects, below)
        title = f"{verb.prefix} {rest}" if rest else verb.prefix.split()[0]
    else:
        title = capitalise(obj_np)
    if kind in (K.TALKS, K.MEETING) and with_people and not re.search(r"\bwith\b", title):
        title += " with " + ", ".join(_person_label(p, reader.lang) for p in with_people)
    return capitalise(title)


def _met_whom(obj: str) -> str:
    """Whom a meeting was with, from the words after "met": "with" left out, and nobody
    when they tell only when, where or how, unless "with" follows in the same clause."""
    obj = re.sub(r"^with\s+", "", obj, flags=re.IGNORECASE)
    if not _MET_WHEN.match(obj):
        return obj
    whom = _WITH_WHOM.search(obj.split(",")[0])
    return "" if whom is None else whom.group("whom").strip()


def shorten(title: str) -> str:
    title = norm(title)
    if len(title) <= _MAX_TITLE:
        return title
    cut = title.rfind(" ", 0, _MAX_TITLE - 1)
    return title[: cut if cut > 0 else _MAX_TITLE - 1].rstrip(" ,;:") + "…"
