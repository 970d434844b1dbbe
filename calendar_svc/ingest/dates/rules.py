"""The shape of a date grammar: a named rule (one regular expression and what its match is:
one day, a range or a weekday), a language's grammar (its rules in priority order, the
modifiers read around a match, its duration rules), and the pieces every language shares.
Kept apart from the grammars themselves (:mod:`.grammar_en`, :mod:`.grammar_vi`), so a
language is added by adding a grammar of this shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["single", "range", "weekday"]

#: How far before a mention the words around it are looked for.
WINDOW = 80


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    lang: Literal["en", "vi", "any"]
    kind: Kind
    pattern: re.Pattern[str]


def rule(name: str, lang: Literal["en", "vi", "any"], kind: Kind, pattern: str) -> Rule:
    flags = re.IGNORECASE if lang == "vi" else 0
    return Rule(name, lang, kind, re.compile(pattern, flags))


@dataclass(frozen=True, slots=True)
class DurationRule:
    """A stated length: ``unit`` days per counted item ("two-week": 2 x 7)."""

    name: str
    unit: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    """One language's date grammar."""

    #: the rules, in priority order (ties between equally long matches go to the earlier)
    rules: tuple[Rule, ...]
    #: Modifiers around a core mention: day part, clock time, local time.
    prefix: re.Pattern[str]
    suffix_day_part: re.Pattern[str]
    suffix_clock: re.Pattern[str]
    suffix_local: re.Pattern[str]
    #: stated lengths of a visit, in priority order
    durations: tuple[DurationRule, ...]


#: closes the bracket a weekday prefix opened: "Monday (May 5)", "thứ Hai (5/5)"
WD_CLOSE = r"(?(wdopen)\s*\))"

# "2025-05-04": machine dates in page headers and datelines.
ISO_RULE = rule(
    "iso.ymd",
    "any",
    "single",
    r"(?<![\d/.-])(?P<y1>[12]\d{3})-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d-])",
)
