"""How names are spelt in the two languages: Vietnamese letters, tone-mark placement and
diacritic folding.

One home for these rules because three readers ask them about the same names: the
country tables here (which of the press's forms is an English spelling), the place index
(both tone placements of a name, its ASCII spelling) and the people reader (a family name
as English-language wires write it, "Nguyen" for "Nguyễn").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "is_vietnamese", "nfc", "run_together", "tone_variants"]


def nfc(text: str) -> str:
    """The text in NFC, the form every table and index here is written in."""
    return unicodedata.normalize("NFC", text)


# Vietnamese tone marks may sit on either vowel of open "oa", "oe", "uy" syllables
# ("hòa"/"hoà", "Thụy"/"Thuỵ"); both spellings are current, so both are indexed.
_OLD_TO_NEW: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        _old = unicodedata.normalize("NFC", _first + _mark + _second)
        _new = unicodedata.normalize("NFC", _first + _second + _mark)
        _OLD_TO_NEW[_old] = _new
_NEW_TO_OLD = {v: k for k, v in _OLD_TO_NEW.items()}
_OLD_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")(?!\w)")
_NEW_RE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")


def tone_variants(name: str) -> set[str]:
    """The name with both Vietnamese tone placements ("Cộng hòa", "Cộng hoà")."""
    return {
        name,
        _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], name),
        _NEW_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], name),
    }


def fold(name: str) -> str:
    """ASCII-fold Latin diacritics ("Bogotá" -> "Bogota", "Đà Nẵng" -> "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def is_vietnamese(name: str) -> bool:
    """True for names written with Vietnamese-only letters or hyphenated syllables."""
    return bool(re.search(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u1ea0-\u1ef9]", name)) or (
        "-" in name and any(c.islower() for c in name.split("-")[-1][:1])
    )


#: A hyphen between the syllables of one transliterated word ("Bra-xin", "Mát-xcơ-va"),
#: not one that joins two names ("Guinea-Bissau", "Ghi-nê-Bít-xao" at "-Bít").
_SYLLABLE_HYPHEN = re.compile(r"(?<=\w)-(?=[a-zà-ỹđ])")


def run_together(name: str) -> str:
    """A transliteration with its syllables run together, as much of the Vietnamese press
    writes it beside the hyphenated form ("Bra-xin"/"Braxin", "Ác-hen-ti-na"/"Áchentina",
    "Mát-xcơ-va"/"Mátxcơva")."""
    return _SYLLABLE_HYPHEN.sub("", name)
