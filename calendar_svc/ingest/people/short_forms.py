"""A person named in full once, then by one word of the name.

News names a leader in full with their title where they first appear ("Japanese Prime
Minister Kenji Sato welcomed Chilean President Ivan Petrov") and by a bare surname or
given name after that ("Petrov is in Japan on an official visit", "Lâm, who is on a state
visit to China", "ông Petrov"). Those later words are the same person: they carry the
title, so the sentence that gives the visit can make them its traveller, and a traveller
found by one word is named as the full mention before it (`in_full`).

A word stands for someone only when it is the first or last word (any word, in a name of
three or more: "Lula") of exactly one full name met before (`names.same_in_article`'s short
forms: "Putin", "Xi", "Lâm"), and stands alone: a capitalised neighbour makes it part of
another name ("Petrov Street", "Lâm Đồng").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.ingest.people.find import NICKNAME, find_mentions
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.names import Tok, same_in_article, tokens
from calendar_svc.ingest.people.person import Person

_POSSESSIVE = ("'s", "’s")
#: The Arabic article before a family name: "al-Sisi", "el-Sisi", "Al-Thani".
_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l)[-\u2010\u2011]")


def is_full(person: Person) -> bool:
    """A titled mention with a name of two words or more: what later short forms mean."""
    return person.is_named and person.title is not None and len(person.name.split()) > 1


def short_forms(people: list[Person]) -> dict[str, Person]:
    """Each word that stands for exactly one of `people`: the first or last of a full name,
    or any of a longer one ("Lula" of "Luiz Inácio Lula da Silva", "Erdogan" of "Recep
    Tayyip Erdogan")."""
    forms: dict[str, Person | None] = {}
    for person in people:
        words = person.name.split()
        # a nickname the mention gives in quotes ('Joko "Jokowi" Widodo') stands for them too
        nicknames = set(NICKNAME.findall(person.text))
        picked = set(words) if len(words) > 2 else {words[0], words[-1]}
        # the Arabic article falls away on its own: "al-Sisi" is then "Sisi"
        picked |= {_ARTICLE.sub("", w) for w in picked if _ARTICLE.match(w)}
        for word in picked | nicknames:
            if len(word) < 2 or not word[0].isupper():
                continue
            seen = forms.get(word, person)
            forms[word] = (
                person if seen is not None and same_in_article(seen.name, person.name) else None
            )
    return {word: person for word, person in forms.items() if person is not None}


def in_full(mention: Mention, sents: list[list[Mention]]) -> Mention:
    """The full, titled mention met before that `mention` (one word of a name: "ông
    Petrov", "Secretary Lâm", a bare "Petrov") stands for; `mention` itself if none. The
    traveller is named as the article first named them, so every article about them files
    under one name."""
    if len(mention.person.name.split()) != 1:
        return mention
    for ms in sents:
        if any(m is mention for m in ms):
            break  # only names met before the mention's sentence
        forms = short_forms([m.person for m in ms if is_full(m.person)])
        full = forms.get(mention.person.name)
        if full is not None:
            return next(m for m in ms if m.person is full)
    return mention


def bare_mentions(
    sentence: str, offset: int, forms: dict[str, Person], taken: list[tuple[int, int]]
) -> list[Mention]:
    """The words of `sentence` that stand alone for a person met before ("Petrov is in
    Japan ..."); spans into the article's text (`offset` is the sentence's start)."""
    if not forms:
        return []
    toks = tokens(sentence)
    out: list[Mention] = []
    for i, tok in enumerate(toks):
        word = _without_possessive(tok.text)
        full = forms.get(word)
        if full is None or not _alone(toks, i, sentence):
            continue
        a, b = tok.start + offset, tok.start + len(word) + offset
        if any(x < b and a < y for x, y in taken):
            continue
        person = msgspec.structs.replace(full, name=word, span=(a, b), text=word)
        out.append(Mention(person, (a, b), bare=True))
    return out


def _without_possessive(word: str) -> str:
    for mark in _POSSESSIVE:
        if word.endswith(mark) and len(word) > len(mark):
            return word[: -len(mark)]
    return word


def _alone(toks: list[Tok], i: int, sentence: str) -> bool:
    """No capitalised word right before or after (one space apart): not part of a name."""
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if before is not None and before.cap and sentence[before.end : toks[i].start] == " ":
        return False
    if _without_possessive(toks[i].text) != toks[i].text:
        return True  # "Trump's Air Force One": what follows a possessive is its thing
    return not (after is not None and after.cap and sentence[toks[i].end : after.start] == " ")


def mentions_per_sentence(
    sentences: Sequence[tuple[str, int]], lang: Language
) -> list[list[Mention]]:
    """Every sentence's mentions, in order, for sentences given with where each starts
    (the mentions' spans are offset by it). The syllables of full names met so far may
    stand alone after a title in later sentences ("Tô Lâm" ... "Secretary Lâm", "ông
    Biden"), and in English one word of a full name stands for that person ("Petrov is
    in Japan", "Trump left the G7 early"). Vietnamese names are common words ("Chính
    phủ", "Minh"): there a bare name is only a mention with "ông"/"bà" before it."""
    out: list[list[Mention]] = []
    known: set[str] = set()
    full: list[Person] = []  # titled full names met so far: what one of their words means
    for text, offset in sentences:
        found = find_mentions(text, lang, offset, frozenset(known))
        if lang == "en":
            taken = [m.person.span for m in found]
            found += bare_mentions(text, offset, short_forms(full), taken)
        found.sort(key=lambda m: m.person.span)
        ms = _without_overlaps(found)
        known.update(w for m in ms if len(m.person.name.split()) > 1 for w in m.person.name.split())
        full += [m.person for m in ms if is_full(m.person)]
        out.append(ms)
    return out


def people_per_sentence(sentences: list[str], lang: Language) -> list[list[Person]]:
    """Each sentence's people (`mentions_per_sentence`), spans into the sentence: what a
    reader needs to tell that a movement is someone else's."""
    return [
        [m.person for m in ms] for ms in mentions_per_sentence([(t, 0) for t in sentences], lang)
    ]


def _without_overlaps(ms: list[Mention]) -> list[Mention]:
    """The mentions without those starting inside the one before."""
    out: list[Mention] = []
    for m in ms:
        if out and m.person.span[0] < out[-1].person.span[1]:
            continue
        out.append(m)
    return out
