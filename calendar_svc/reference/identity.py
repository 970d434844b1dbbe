"""Whether two names on two articles are one traveller: the rule that keeps one trip one.

Articles about the same trip name its traveller in different forms: the full name and
the family name ("Emmanuel Macron", "Macron"), family name first or last ("Kishida
Fumio", "Fumio Kishida"), with or without diacritics or hyphens ("Moon Jae-in", "Moon
Jae In"), or in another script's transliteration ("Xi Jinping", "Tập Cận Bình"). The
first few are rules over the words of the name; the last needs the office-holder table.

The rules, in order:
1. Both names are in the office-holder table: one person exactly when one row.
2. One is in the table: the other is compared with every form of that row by rule 3-4.
3. The same words in any order, or the same letters in the same order (diacritics,
   case, spaces and hyphens aside: "Moon Jae-in", "Moon Jae In"), are one person.
4. A name whose words all occur in the other is a short form of it, unless it is only
   a middle word of a name of three words or more, either in Vietnamese spelling ("Xuân"
   is not "Nguyễn Xuân Phúc": the press calls a Vietnamese by the last word, a Chinese by
   the first), or only the other's first word: a lone "Kim", "Lee" or "Nguyễn" is a
   family name that thousands share, while "Macron", "Lula" or "Lâm" single a person out.
   For a person in the table the family name alone is allowed ("Xi" after "Xi Jinping"):
   the press writes so only of someone already named.
5. A name the Vietnamese press spells syllable by syllable ("Giu-xtin Tru-đô") and a
   name in Latin letters are one person when, word for word and two words or more, their
   consonants sound alike (`_SOUNDS`), one consonant apart at most (a short word may
   close on t where the name ends in s: "Ha-rít", Harris): the table cannot list every
   foreign leader's Vietnamese spelling.
Two names are never one person when both are in the table under different rows.

Callers still require the dates to agree (see `trip_match.match_trip`): the name rule
alone would merge two Bidens decades apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from calendar_svc.reference.office_holders import OFFICE_HOLDERS
from calendar_svc.reference.orthography import fold, is_vietnamese


def words(name: str) -> tuple[str, ...]:
    """The name's words, ASCII and lower case, hyphens joined ("Jae-in" -> "jaein")."""
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_ = folded.encode("ascii", "ignore").decode().lower()
    ascii_ = re.sub(r"\.(?=\w)", " ", ascii_)  # "V.Pu-tin": an initial is a word
    # the Arabic article is spelt al-, el- or apart: "el-Sisi", "al-Sisi", "Al Sisi" are Sisi
    ascii_ = re.sub(r"(?:^|(?<=\s))(?:al|el)(?:[-\u2010\u2011]|\s+)(?=[a-z])", "", ascii_)
    ascii_ = re.sub(r"[-\u2010\u2011'’.]", "", ascii_)
    return tuple(w for w in re.split(r"[^a-z0-9]+", ascii_) if w)


@functools.cache
def _forms() -> dict[tuple[str, ...], str]:
    """Every form in the table (words sorted, so order does not matter) -> person id."""
    table: dict[tuple[str, ...], str] = {}
    for row in OFFICE_HOLDERS:
        for form in (row.name, *row.forms):
            table[tuple(sorted(words(form)))] = row.person_id
    return table


@functools.cache
def _row_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        row.person_id: tuple(words(form) for form in (row.name, *row.forms))
        for row in OFFICE_HOLDERS
    }


def person_id(name: str) -> str | None:
    """The office holder this name is written for, when the table knows the form."""
    return _forms().get(tuple(sorted(words(name))))


@functools.cache
def _written_forms() -> dict[str, tuple[str, ...]]:
    return {row.person_id: (row.name, *row.forms) for row in OFFICE_HOLDERS}


@functools.lru_cache(maxsize=4096)
def table_forms(name: str) -> tuple[str, ...]:
    """Every form the table writes this name's holder in (none when it has no row): an
    article may give one ("Giô-cô Uy-đô-đô (Joko Widodo)") and go on with another's end
    ("Tổng thống Uy-đô-đô")."""
    found = person_id(name)
    return _written_forms()[found] if found is not None else ()


@functools.lru_cache(maxsize=4096)
def english_name(name: str) -> str | None:
    """The table's English name of the one office holder this name is written for, by
    any form a rule matches ("V. Pu-tin", "Giô-cô Wi-đô-đô", "Kishida Fumio"); None when no row or
    more than one answers to it. A trip is shown under one name whichever article, in
    whichever language, founded it."""
    found = person_id(name)
    if found is None and len(words(name)) < 2:
        return None  # a lone "Kim" or "Wong" may be anyone of that name
    if found is None:
        rows = [row for row in OFFICE_HOLDERS if same_person(name, row.name)]
        if len(rows) != 1:
            return None
        found = rows[0].person_id
    return next(row.name for row in OFFICE_HOLDERS if row.person_id == found)


@functools.cache
def _countries() -> dict[str, str]:
    return {row.person_id: row.country for row in OFFICE_HOLDERS}


def home_country(name: str) -> str | None:
    """The country an office holder serves, when the table knows the name in this form
    or a form the rules match ("Kishida" for Fumio Kishida)."""
    known = person_id(name)
    if known is not None:
        return _countries()[known]
    mine = words(name)
    found = {
        _countries()[pid]
        for pid, forms in _row_forms().items()
        if any(_by_words(form, mine) for form in forms)
    }
    return found.pop() if len(found) == 1 else None


def _spelt_out(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """`a` with each initial read as the word of `b` it begins ("V. Pu-tin" against
    "Vladimir Putin", as the Vietnamese party press writes leaders)."""
    return tuple(
        next((w for w in b if len(w) > 1 and w[0] == x), x) if len(x) == 1 else x for x in a
    )


def _by_words(a: tuple[str, ...], b: tuple[str, ...], *, notable: bool = False) -> bool:
    if not a or not b:
        return False
    if not set(a) & set(b) and "".join(a) != "".join(b):
        # no word in common but by an initial read out: "J.Biden" is not "Jokowi"
        return False
    a, b = _spelt_out(a, b), _spelt_out(b, a)
    if set(a) == set(b) or "".join(a) == "".join(b):
        return True
    short, full = (a, b) if len(set(a)) < len(set(b)) else (b, a)
    if not set(short) < set(full):
        return False
    return notable or not (len(short) == 1 and short[0] == full[0])


def same_person(a: str, b: str) -> bool:
    """Whether names `a` and `b`, from two articles, can be the same traveller."""
    if _same_person(a, b):
        return True
    # a spelt name may close its syllables where the name does not (`_unclosed`)
    spelt = [_unclosed(n) if _spelt_in_syllables(n) else n for n in (a, b)]
    return spelt != [a, b] and _same_person(*spelt)


def _a_middle_name(a: str, b: str) -> bool:
    """One name a lone word that is only a middle word of the other's (or of its table
    row's) names, one of them in Vietnamese spelling: "Xuân" is not "Nguyễn Xuân Phúc".
    The Vietnamese press calls a Vietnamese by the given name, the last ("ông Phúc", "bà
    Xuân"), a Chinese by the family name, the first ("ông Tập"); never by a middle one."""
    if len(words(a)) != 1:
        a, b = b, a
    if len(words(a)) != 1 or len(words(b)) < 3 or not (is_vietnamese(a) or is_vietnamese(b)):
        return False
    (lone,), known = words(a), person_id(b)
    forms = _row_forms()[known] if known is not None else (words(b),)
    middle = any(lone in form[1:-1] for form in forms)
    return middle and not any(lone in (form[0], form[-1]) for form in forms)


def _same_person(a: str, b: str) -> bool:
    if _a_middle_name(a, b):
        return False
    ida, idb = person_id(a), person_id(b)
    if ida is not None and idb is not None:
        return ida == idb
    wa, wb = words(a), words(b)
    spelt = _spelt_in_syllables(a) != _spelt_in_syllables(b)
    if ida is None and idb is None:
        return _by_words(wa, wb) or (spelt and _by_sound(wa, wb))
    known, other = (ida, wb) if ida is not None else (idb, wa)
    assert known is not None
    # a one-word form ("Salman", "Lula") is the holder when written alone, not a name of
    # several words the table does not know ("Salman bin Hamad Al Khalifa")
    forms = [f for f in _row_forms()[known] if len(f) > 1 or len(other) == 1]
    return any(_by_words(form, other, notable=True) for form in forms) or (
        spelt and any(_by_sound(form, other) for form in forms)
    )


def _unclosed(name: str) -> str:
    """A spelt name with each syllable's closing t, c or p dropped: the press closes a
    syllable so where the name has a sound Vietnamese does not end on ("Hát-xan" is
    Hassan, "Ác-đơn" Ardern, "Đu-téc-tê" Duterte)."""
    return re.sub(r"(?i)(?<=[^\W\d_])[tcp](?=-)", "", name)


# -- rule 5: a name spelt out in Vietnamese syllables ------------------------------------

#: Sounds the Vietnamese press spells otherwise: "Giu-xtin" is Justin, "Xi-ri-n" Cyril
#: (a soft c), "Ra-ma-pô-da" Ramaphosa (f, b and p are one, h is silent: "Y-a-cốp" is
#: Yacob); c, k and q are one; the press ends a syllable in c where the name has an r
#: before a consonant ("Đu-téc-tê", Duterte): one consonant may differ.
_SOUNDS = (
    # the press writes a Spanish j as "kh" ("Ra-khôi" is Rajoy); a kh is one sound either side
    ("kh", "j"),
    ("gi", "j"),
    ("f", "p"),
    ("b", "p"),
    ("x", "s"),
    # the press writes a z as d, the Hanoi sound of d ("Na-da-bai-ép" is Nazarbayev,
    # "Dim-ba-bu-ê" Zimbabwe)
    ("z", "d"),
    ("q", "k"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("c", "k"),
)


def _spelt_in_syllables(name: str) -> bool:
    """A name the Vietnamese press spells syllable by syllable ("Giu-xtin Tru-đô")."""
    return "-" in name and is_vietnamese(name)


def _skeleton(word: str) -> str:
    """A word's consonants as they sound, doubled ones once ("trudeau" -> "trd")."""
    for written, sound in _SOUNDS:
        word = word.replace(written, sound)
    # an r before a consonant or at the end is not heard ("Ardern", "Erdogan"); a closing l
    # is spelt n ("Ma-nu-en" is Manuel), in a word of some length ("Giôn" is John, not Joel)
    word = re.sub(r"r(?=[^aeiouy]|$)", "", word)
    if len(word) > 4:
        word = re.sub(r"l$", "n", word)
    word = re.sub(r"[aeiouyhw]", "", word)
    return re.sub(r"(.)\1+", r"\1", word)


def _sounds_alike(a: str, b: str) -> bool:
    """Two words whose skeletons differ in at most one consonant, the first alike (short
    skeletons exactly)."""
    x, y = _skeleton(a), _skeleton(b)
    if not x or not y or x[0] != y[0]:
        return False
    if min(len(x), len(y)) < 3:
        # the press closes a last syllable with t where the name ends in s ("Ha-rít" is
        # Harris)
        return x == y or (len(x) == len(y) == 2 and _OPEN_END.sub("", x) == _OPEN_END.sub("", y))
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) <= 1
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


#: A skeleton's closing s, t or d (a z), which the Vietnamese spelling may swap ("Lu-i-xơ"
#: is Luiz).
_OPEN_END = re.compile(r"(?<=.)[std]$")


def _by_sound(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of two words or more, word for word alike by sound, in order."""
    return len(a) == len(b) >= 2 and all(_sounds_alike(x, y) for x, y in zip(a, b, strict=True))


@functools.cache
def holder_names() -> tuple[tuple[str, str, str], ...]:
    """(form as written, the holder's first office, country) for every name of two words
    or more in the table, longest first: how a leader the press names without a title
    ("Barack Obama became the first sitting U.S. president to visit Laos") is found."""
    out = {
        (written, re.split(r"\s*[(;]", row.offices)[0].strip(), row.country)
        for row in OFFICE_HOLDERS
        for form in (row.name, *row.forms)
        if len(form.split()) > 1
        # the English press drops the diacritics: "Nguyen Phu Trong"
        for written in {form, fold(form)}
    }
    return tuple(sorted(out, key=lambda f: (-len(f[0]), f)))
