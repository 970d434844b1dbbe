"""Ranges paired with legs in order: "official visits to Laos and Cambodia from July 9 to 10
and from July 11 to 12, respectively", "thăm Lào và Cam-pu-chia lần lượt từ ngày 9-10/7 và
11-12/7".

Apart from `windows` because the pairing is by position, not by what a range is next to:
the first range is the first destination's, the second the second's. Read only when the
counts agree; otherwise `windows` reads the ranges as it reads any other.
"""

from __future__ import annotations

import re

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.views import View, date_ranges
from calendar_svc.ingest.lexicon import Lexicon

#: The word that pairs two lists in order.
_RESPECTIVELY = re.compile(r"(?i)\brespectively\b|(?<!\w)lần\s+lượt(?!\w)")


def pair_ranges(facts: ArticleFacts, view: View, lex: Lexicon, destinations: set[str]) -> bool:
    """Give each destination the sentence names its range, in order, when it pairs them
    ("respectively", "lần lượt") and names as many of each; True when it did."""
    text = view.sentence.text
    if _RESPECTIVELY.search(text) is None:
        return False
    ranges = date_ranges(view)
    if len(ranges) < 2:
        return False
    named: list[str] = []
    for m in view.places:
        code = m.place.country_code
        if m.span[0] > ranges[0].span[0] or view.in_person(m.span):
            continue  # the places paired are named before the first range
        if code in destinations and code != facts.home and code not in named:
            named.append(code)
    if len(named) != len(ranges):
        return False
    for code, mention in zip(named, ranges, strict=True):
        rule = f"{lex.language}.dates.respectively"
        facts.leg_windows.append(
            Sourced(
                (code, DateWindow(mention.start, mention.end)),
                provenance(facts.article_id, view.sentence, rule, mention.span),
            )
        )
    return True
