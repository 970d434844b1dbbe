"""Every person mention in one sentence: titled mentions (see `mentions`), and the forms
that name a person without a title in front.

Those forms are a name first with its titles after it ("đồng chí Phan Văn Giang, Ủy viên
Bộ Chính trị, Bộ trưởng Bộ Quốc phòng") and the Vietnamese press's "ông"/"bà" before a
name already met in full ("ông Biden"). Spans returned by :func:`find_people` index into
the sentence it was given; `find_mentions` may shift them to the article's text.
"""

from __future__ import annotations

import functools
import re

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.people.mentions import Mention, lookback, parse_mention
from calendar_svc.ingest.people.names import Tok, tokens
from calendar_svc.ingest.people.person import Person
from calendar_svc.ingest.people.titles import TITLE_RE, normalise_title
from calendar_svc.reference.identity import holder_names
from calendar_svc.reference.orthography import is_vietnamese

_APPOSITIVE_STOP = re.compile(r"[;.]|,\s*(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s|\s(?:và|and)\s")
_APPOSITIVE_RE = re.compile(
    r"(?<![^\W_])(?P<hon>[Đđ]ồng chí|[Ôô]ng|[Bb]à|Ngài|Mr\.?|Mrs\.?|Ms\.?|Madam)\s+"
    r"(?P<name>(?:[^\W\d_a-zà-ỹ][^\W\d_]*(?:-[^\W\d_]+)*\s+){1,4}[^\W\d_a-zà-ỹ][^\W\d_]*)"
    r"\s*,\s*"
)


def _appositives(s: str, lang: Language, taken: list[tuple[int, int]]) -> list[Mention]:
    """'đồng chí Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng' (name first)."""
    out: list[Mention] = []
    for m in _APPOSITIVE_RE.finditer(s):
        a, b = m.span("name")
        if any(a < e and s0 < b for s0, e in taken):
            continue
        pos = m.end()
        tm = TITLE_RE[lang].match(s, pos) or TITLE_RE["en"].match(s, pos)
        if tm is None:
            continue
        stop = _APPOSITIVE_STOP.search(s, pos)
        end = stop.start() if stop else len(s)
        title_text = s[pos:end].strip(" ,")
        parts = [p.strip() for p in re.split(r",", title_text) if p.strip()]
        main = parts[-1] if parts else title_text
        mm = TITLE_RE[lang].match(main) or TITLE_RE["en"].match(main)
        first = mm.group(0) if mm else tm.group(0)
        org = main[mm.end() :].strip() if mm else None
        title_norm, org_norm = normalise_title(first, lang, org or None)
        out.append(
            Mention(
                Person(
                    name=re.sub(r"\s+", " ", m.group("name")),
                    title=title_norm,
                    title_text=title_text,
                    organisation_or_country=org_norm,
                    span=(m.start(), end),
                    text=s[m.start() : end],
                ),
                (a, b),
            )
        )
    return out


#: A title told first, then the name set off by commas: "The chairwoman of Vietnam's
#: National Assembly, Nguyen Thi Kim Ngan, touched down ...".
_TITLE_FIRST_RE = re.compile(
    r"\b[Tt]he\s+(?P<title>[a-z]+(?:\s+[a-z]+)?\s+of\s+[^,;.]{2,60}?)\s*,\s+"
    r"(?P<name>(?:[^\W\d_a-z][^\W\d_]*(?:-[^\W\d_]+)*\s+){1,4}[^\W\d_a-z][^\W\d_]*)"
    r"\s*,"
)
#: A name, then its title set off by a comma, in lower case: "Ngan, chairwoman of
#: Vietnam's National Assembly and a member of the Politburo, is ...".
_TITLE_AFTER_RE = re.compile(
    r"(?<![^\W_])(?P<name>(?:[^\W\d_a-z][^\W\d_]*(?:-[^\W\d_]+)*\s+){0,4}"
    r"[^\W\d_a-z][^\W\d_]*),\s+(?:the\s+)?(?P<title>[a-z]+(?:\s+[a-z]+)?\s+of\s+[^,;.]{2,60}?)"
    r"(?=\s*[,;.]|\s+and\s)"
)


def _lower_case_titled(s: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """English mentions with a lower-case title set off by commas, before the name ("The
    president of the European Commission, A, arrived") or after it ("A, chairwoman of
    the National Assembly, is ..."); the words before "of" must be a title."""
    out: list[Mention] = []
    for m in (*_TITLE_FIRST_RE.finditer(s), *_TITLE_AFTER_RE.finditer(s)):
        a, b = m.span("name")
        if any(a < e and s0 < b for s0, e in taken):
            continue
        title_text = m["title"]
        head = TITLE_RE["en"].match(title_text[:1].upper() + title_text[1:])
        if head is None:
            continue
        org = title_text[head.end() :].strip() or None
        title, organisation = normalise_title(head.group(0), "en", org)
        start, end = min(a, m.start("title")), max(b, m.end("title"))
        out.append(
            Mention(
                Person(
                    name=re.sub(r"\s+", " ", m["name"]),
                    title=title,
                    title_text=title_text,
                    organisation_or_country=organisation,
                    span=(start, end),
                    text=s[start:end],
                ),
                (a, b),
            )
        )
        taken = [*taken, (start, end)]
    return out


_COUNTERPART_OWNER = re.compile(r"\b(?:his|her|their)\s+(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)

#: Right before a Vietnamese title, the seat of the office: "tại Dinh Tổng thống Merdeka",
#: "Phủ Tổng thống", "Văn phòng Thủ tướng" name a building, not its holder.
_SEAT_OF = re.compile(r"(?i)(?<!\w)(?:dinh|phủ|cung|văn\s+phòng)\s+$")


def _without_possessive(m: Mention) -> Mention:
    """ "Prime Minister Shigeru Ishiba's plane": the name is "Shigeru Ishiba"."""
    name = m.person.name
    for mark in ("'s", "’s"):
        if name.endswith(mark) and len(name) > len(mark):
            cut = len(mark)
            person = msgspec.structs.replace(
                m.person, name=name[:-cut], span=(m.person.span[0], m.person.span[1] - cut)
            )
            person = msgspec.structs.replace(person, text=person.text[:-cut])
            return Mention(person, (m.name_span[0], m.name_span[1] - cut))
    return m


def _with_nickname(sentence: str, m: Mention) -> Mention:
    """'President Joko "Jokowi" Widodo': the name is "Joko Widodo"; the nickname in
    quotes between its words is no part of it, and the words after it are."""
    if m.person.span[1] != m.name_span[1]:
        return m
    rest = _NICKNAME_THEN.match(sentence, m.name_span[1])
    if rest is None:
        return m
    end = rest.end()
    person = msgspec.structs.replace(
        m.person,
        name=f"{m.person.name} {rest['rest']}",
        span=(m.person.span[0], end),
        text=sentence[m.person.span[0] : end],
    )
    return Mention(person, (m.name_span[0], end), m.bare)


#: A nickname in quotes within a mention ('President Joko "Jokowi" Widodo'): no part of
#: the name, and later a short form of it (`short_forms`).
NICKNAME = re.compile(r"[\"“‘']([^\W\d_][\w-]{1,20})[\"”’']")
#: After a name: a nickname in quotes, then the rest of the name (family name, with
#: its particle): ' "Jokowi" Widodo', ' "Lula" da Silva'.
_NICKNAME_THEN = re.compile(
    rf"\s+{NICKNAME.pattern}\s+"
    r"(?P<rest>(?:(?:da|de|dos|van|von|bin|al|el)\s+)?[^\W\d_a-z][\w-]+(?:\s+[^\W\d_a-z][\w-]+)?)"
    r"(?!\w)"
)


#: "ông"/"bà" before a name: the Vietnamese press's second reference to a foreign leader
#: ("ông Biden sẽ ...") once the article has named them in full with their title.
_HONORIFIC_VI = re.compile(r"(?<!\w)(?:[ÔôBb]ng|[Bb]à)\s+(?=[A-ZÀ-Ỹ])")


def _honorific(sentence: str, known: frozenset[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Mentions "ông X" where every word of X is part of a full name met earlier."""
    out: list[Mention] = []
    for hm in _HONORIFIC_VI.finditer(sentence):
        words: list[Tok] = []
        for tok in tokens(sentence, hm.end(), min(len(sentence), hm.end() + 60)):
            if not tok.cap or tok.text not in known or (words and tok.start - words[-1].end > 1):
                break
            words.append(tok)
        if not words:
            continue
        a, b = hm.start(), words[-1].end
        if any(x < b and a < y for x, y in taken):
            continue
        name = " ".join(t.text for t in words)
        out.append(
            Mention(
                Person(
                    name=name,
                    title=None,
                    title_text=sentence[hm.start() : hm.end()].strip(),
                    organisation_or_country=None,
                    span=(a, b),
                    text=sentence[a:b],
                ),
                (words[0].start, b),
            )
        )
    return out


@functools.cache
def _holders_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form, _, _ in holder_names())
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])")


@functools.cache
def _holder_titles() -> dict[str, tuple[str, str]]:
    return {form: (office, country) for form, office, country in holder_names()}


def _untitled_holders(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Office holders named in full with no title ("Barack Obama became the first sitting
    U.S. president to visit Laos"): the table of office holders gives who they are."""
    out: list[Mention] = []
    for hit in _holders_re().finditer(sentence):
        a, b = hit.span()
        if any(a < y and x < b for x, y in taken):
            continue
        office, _country = _holder_titles()[hit.group(0)]
        person = Person(
            name=hit.group(0),
            title=office or None,
            title_text=None,
            organisation_or_country=None,
            span=(a, b),
            text=hit.group(0),
        )
        out.append(Mention(person, (a, b)))
    return out


_OPENS_GLOSS = re.compile(r"\s*\(\s*$")


def _without_glosses(sentence: str, titled: list[Mention], holders: list[Mention]) -> list[Mention]:
    """Titled mentions, with an office holder's name bracketed right after one taken as
    that person's name spelt another way, not as a second person: "Tổng thống Pháp
    Emmanuel Macron (Ê-ma-nu-en Ma-crông)" is Emmanuel Macron, and so is "Tổng thống Pháp
    Ê-ma-nu-en Ma-crông (Emmanuel Macron)" (the name as written at home wins, as in
    `mentions`); other holders are kept as they are."""
    out = list(titled)
    for h in holders:
        a, b = h.name_span
        i = next(
            (
                i
                for i, m in enumerate(out)
                if m.name_span[1] <= a
                and _OPENS_GLOSS.fullmatch(sentence, m.name_span[1], a)
                and sentence[b:].lstrip().startswith(")")
            ),
            None,
        )
        if i is None:
            out.append(h)
        elif not is_vietnamese(h.person.name) and is_vietnamese(out[i].person.name):
            out[i] = Mention(msgspec.structs.replace(out[i].person, name=h.person.name), (a, b))
    return out


def find_mentions(
    sentence: str, lang: Language, offset: int = 0, known: frozenset[str] = frozenset()
) -> list[Mention]:
    """Mentions in one sentence; ``known`` are syllables of full names met earlier, which
    may stand alone after a title."""
    out: list[Mention] = []
    pos = 0
    regex = TITLE_RE[lang]
    dead: set[tuple[int, int]] = set()  # titles known to start no mention
    while True:
        tm = regex.search(sentence, pos)
        if tm is None:
            break
        if tm.span() in dead or (
            lang == "vi" and _SEAT_OF.search(sentence, max(0, tm.start() - 12), tm.start())
        ):
            pos = tm.end()
            continue
        check()
        chained: list[tuple[int, int]] = []
        mention = parse_mention(sentence, tm, lang, 0, chained, known)
        if mention is None:
            dead.update(chained)
        if (
            mention is not None
            and mention.person.title == "Counterpart"
            and lang == "en"
            and not _COUNTERPART_OWNER.search(sentence, lookback(sentence, tm.start()), tm.start())
        ):
            mention = None  # "its counterpart Aeroflot": a company's, not a leader's
        if mention is None:
            pos = tm.end()
            continue
        out.append(mention)
        pos = mention.person.span[1]
    out = [_with_nickname(sentence, _without_possessive(m)) for m in out]
    out = _without_glosses(sentence, out, _untitled_holders(sentence, [m.person.span for m in out]))
    if lang == "vi" and known:
        out.extend(_honorific(sentence, known, [m.person.span for m in out]))
    if lang == "en":
        out.extend(_lower_case_titled(sentence, [m.person.span for m in out]))
    taken = [m.name_span for m in out]
    appositives = _appositives(sentence, lang, taken)
    if appositives:
        spans = [m.person.span for m in appositives]
        out = [
            m
            for m in out
            if not any(a < m.person.span[1] and m.person.span[0] < b for a, b in spans)
        ]
        out.extend(appositives)
    out.sort(key=lambda m: m.person.span)
    if offset:
        out = [_shift(m, offset) for m in out]
    return out


def _shift(m: Mention, offset: int) -> Mention:
    p = m.person
    return Mention(
        Person(
            name=p.name,
            title=p.title,
            title_text=p.title_text,
            organisation_or_country=p.organisation_or_country,
            span=(p.span[0] + offset, p.span[1] + offset),
            text=p.text,
        ),
        (m.name_span[0] + offset, m.name_span[1] + offset),
    )


def find_people(sentence: str, lang: Language) -> list[Person]:
    """Titled people mentioned in one sentence, in order; spans index into ``sentence``."""
    return [m.person for m in find_mentions(sentence, lang)]
