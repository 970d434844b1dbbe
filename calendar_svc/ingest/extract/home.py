"""The principal's own country (never a leg of their trip), and the country any titled
person speaks for.

Apart because it weighs evidence from the whole article (titles, the office-holder table,
names, a return home) before any leg is read.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.extract.views import View, first_place_after
from calendar_svc.ingest.lexicon import LEXICONS
from calendar_svc.ingest.lexicon.people import PEOPLE_LEXICONS
from calendar_svc.ingest.people import Person, looks_vietnamese, same_in_article, title_forms
from calendar_svc.ingest.places import find_places
from calendar_svc.reference.countries import demonym_country
from calendar_svc.reference.identity import home_country


class Countries:
    """The gazetteer's answers to `people.Countries`."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang

    def of_person(self, person: Person) -> str | None:
        # the title's country, else the office holder's ("Pope Francis": the Holy See),
        # else a Vietnamese name's ("Chủ tịch nước Trương Tấn Sang": the title names none),
        # in the order `principal_home` weighs them
        return (
            person_country(person, self.lang)
            or home_country(person.name)
            or ("VN" if looks_vietnamese(person.name) else None)
        )

    def in_text(self, text: str) -> set[str]:
        return {m.place.country_code for m in find_places(text, self.lang)}


def person_country(person: Person, lang: str) -> str | None:
    """The country a titled person speaks for, from "of Kazakhstan", "Belarusian" or
    "South African" (demonyms of several words are tried before their last word)."""
    for text in (person.organisation_or_country, person.title_text):
        if not text:
            continue
        for mention in find_places(text, "en") + find_places(text, "vi"):
            if mention.place.kind == "country":
                return mention.place.country_code
        words = text.replace("-", " ").split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                code = demonym_country(" ".join(words[i : i + size]))
                if code:
                    return code
    return None


#: Words before a title-only reference that make it someone met or named, not the subject.
_NOT_SUBJECT = re.compile(
    r"(?i)\b(?:with|of|and|to|by|met|meet|received|welcomed|hosted|invited|told|"
    r"với|của|và|cùng|gặp|tiếp|đón|hội\s+đàm|hội\s+kiến|mời)\b"
)


def principal_home(
    principal: Person, views: list[View], lang: str, headline: str = ""
) -> tuple[str | None, str]:
    """The principal's own country, and what said so. A country never counts as a leg of
    its own people's trip: there it is the departure or the return home.

    In order: the title of any mention of them ("Russian President", "Tổng thống Hàn
    Quốc X"); the office-holder table (`identity.home_country`); a Vietnamese name; a
    title-only reference that is a sentence's subject ("the
    US President said", "Tổng thống Mỹ sẽ ..."); the place they go back to ("returned to
    Washington"). None when the article does not tell."""
    mentions = [principal] + [
        p for v in views for p in v.people if p.is_named and same_in_article(p.name, principal.name)
    ]
    for person in mentions:
        code = person_country(person, lang)
        if code is not None:
            return code, "title"
    for person in mentions:
        code = home_country(person.name)
        if code is not None:
            return code, "office holders"
    if looks_vietnamese(principal.name):
        return "VN", "name"
    code = _by_possessive(principal, [headline, *(v.sentence.text for v in views)])
    if code is not None:
        return code, "possessive"
    code = _by_headline_traveller(principal, headline, lang)
    if code is not None:
        return code, "headline"
    code = _by_title_reference(principal, views, lang)
    if code is not None:
        return code, "title reference"
    code = _by_return(views)
    if code is not None:
        return code, "return"
    return None, "unknown"


def _by_headline_traveller(principal: Person, headline: str, lang: str) -> str | None:
    """The country of the headline's traveller, named by title and country and followed
    by the journey's verb ("Sri Lanka PM leaves for Japan", "Thủ tướng Xri Lan-ca lên
    đường thăm Nhật Bản"): the one who goes is the article's principal."""
    title_re = _title_re(principal, lang)
    title = title_re.search(headline) if title_re and headline and lang in LEXICONS else None
    if title is None:
        return None
    before, after = headline[: title.start()].strip(), headline[title.end() :]
    country = _headline_country(before, after, lang)
    if country is None:
        return None
    code, rest = country
    rest = _NAMED.sub("", rest, count=1) if _is_principal(principal, rest) else rest
    tail = re.sub(r"^\s*(?:(?:to|will|sẽ|sắp)\s+)?", "", rest, count=1)
    lex = LEXICONS[lang]
    cues = (lex.travel, lex.departure, lex.arrival, lex.returned, lex.conclusion, _WRAPS_UP)
    journey = any(cue.match(tail) for cue in cues)
    return code if journey else None


#: A headline's present tense of ending ("Thai king wraps up landmark China visit"), which
#: the body's lexicon leaves out: there it tells a plan ("wraps up the visit on Tuesday").
_WRAPS_UP = re.compile(r"(?i)(?:wraps\s+up|ends|concludes)\b")


def _title_re(principal: Person, lang: str) -> re.Pattern[str] | None:
    """Any form of the principal's title, as a whole word ("Prime Minister", "PM")."""
    forms = title_forms(principal.title, "vi" if lang == "vi" else "en") if principal.title else []
    if not forms:
        return None
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len)[::-1])
    return re.compile(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", re.IGNORECASE)


#: A name right after a title ("Sri Lanka PM Wickremesinghe leaves"): up to three words.
_NAMED = re.compile(r"^\s*(?:(?-i:[A-ZĐ])[\w'’.-]*\s+){0,2}(?-i:[A-ZĐ])[\w'’.-]*")


def _is_principal(principal: Person, text: str) -> bool:
    """Whether `text` opens with a word of the principal's name."""
    m = _NAMED.match(text)
    return m is not None and any(w in principal.name.split() for w in m.group().split())


def _headline_country(before: str, after: str, lang: str) -> tuple[str, str] | None:
    """The country beside a headline's opening title, and what follows the pair: before
    an English one ("Sri Lanka PM", "Indian President"), after a Vietnamese one
    ("Tổng thống Hàn Quốc")."""
    if lang == "vi":
        if before:
            return None
        places = [p for p in find_places(after, "vi") if p.place.kind == "country"]
        if not places or after[: places[0].span[0]].strip():
            return None
        return places[0].place.country_code, after[places[0].span[1] :]
    if not before or len(before.split()) > 3:
        return None
    places = [p for p in find_places(before, "en") if p.place.kind == "country"]
    if places and places[0].span[0] == 0 and not before[places[0].span[1] :].strip():
        return places[0].place.country_code, after
    code = demonym_country(before)
    return (code, after) if code else None


def _by_title_reference(principal: Person, views: list[View], lang: str) -> str | None:
    """The country beside a title-only reference that is a sentence's subject ("the US
    President said", "Tổng thống Mỹ sẽ ...")."""
    title_re = _title_re(principal, lang)
    if title_re is None:
        return None
    for view in views:
        text = view.sentence.text
        for tm in title_re.finditer(text):
            if view.in_person(tm.span()):
                continue  # someone named: their country is their own
            clause = re.split(r"[,;:.]", text[: tm.start()])[-1]
            if _NOT_SUBJECT.search(clause):
                continue
            code = _adjacent_country(view, tm.start(), tm.end(), lang)
            if code is not None:
                return code
    return None


#: Words of a title written in lower case between a possessive and a name ("Bangladesh's
#: interim leader Muhammad Yunus", "India's prime minister Narendra Modi"): the words of
#: the titles table, and what qualifies a holder's term.
_TITLED = {w.lower() for form, _ in PEOPLE_LEXICONS["en"].titles for w in form.split()}
_TITLE_WORDS = (
    "(?:interim|acting|caretaker|new|"
    + "|".join(re.escape(word) for word in sorted(_TITLED) if len(word) > 2)
    + ")"
)


def _by_possessive(principal: Person, texts: list[str]) -> str | None:
    """The country whose possessive names the principal ("Pakistan's Khan returns from
    Washington", "Vietnam's To Lam"): the press's way of saying whose leader it is."""
    words = [w for w in principal.name.split() if len(w) > 2]
    if not words:
        return None
    name = "|".join(re.escape(w) for w in words)
    owned = re.compile(
        r"(?P<country>(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w-]+)?)['’]s\s+"
        r"(?:(?:(?-i:[A-Z])[\w-]+|" + _TITLE_WORDS + r")\s+){0,3}?(?:" + name + r")(?![^\W_])"
    )
    for text in texts:
        for m in owned.finditer(text):
            places = [p for p in find_places(m["country"], "en") if p.place.kind == "country"]
            if places:
                return places[0].place.country_code
    return None


def _by_return(views: list[View]) -> str | None:
    """The place the traveller goes back to ("returned to Washington")."""
    for view in views:
        for back in _GOING_HOME.finditer(view.sentence.text):
            place = first_place_after(view, back.end())
            if place is not None and place.span[0] - back.end() <= 4:
                return place.place.country_code
    return None


#: Going back to a place: where the traveller lives ("will return to Washington", "trở
#: về Hà Nội"), whatever the tense.
_GOING_HOME = re.compile(
    r"(?i)\b(?:return(?:ed|s|ing)?\s+(?:home\s+)?to|(?:flew|flies|fly|headed|heads)\s+"
    r"(?:back|home)\s+to|back\s+to)\s+(?:the\s+)?|(?<!\w)(?:trở\s+về|về\s+(?:đến|tới|lại))\s+"
)


def _adjacent_country(view: View, start: int, end: int, lang: str) -> str | None:
    """The country written right after a Vietnamese title ("Tổng thống Mỹ") or right
    before an English one ("the US President", "the Chinese President")."""
    text = view.sentence.text
    for mention in view.places:
        if mention.place.kind != "country":
            continue
        if lang == "vi" and mention.span[0] >= end and not text[end : mention.span[0]].strip():
            return mention.place.country_code
        if lang != "vi" and mention.span[1] <= start and not text[mention.span[1] : start].strip():
            return mention.place.country_code
    if lang != "vi":
        words = text[:start].split()
        for size in (2, 1):
            if len(words) >= size and words[-size][:1].isupper():
                code = demonym_country(" ".join(words[-size:]))
                if code is not None:
                    return code
    return None
