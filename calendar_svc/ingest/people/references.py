"""Where an article refers back to its principal: the spans of every mention of them.

Besides their titled mentions, the principal is referred to by the bare given name or
surname ("Lâm" after "Tô Lâm") and by their title alone ("the Party leader", "Tổng Bí
thư"); extraction needs all of them to tell the principal's sentences from others'.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.ingest.budget import check
from calendar_svc.ingest.people.names import same_in_article
from calendar_svc.ingest.people.person import Person
from calendar_svc.ingest.people.roles import SentMentions
from calendar_svc.ingest.people.titles import title_forms
from calendar_svc.ingest.text import ParsedArticle


def principal_mentions(
    article: ParsedArticle, sents: list[SentMentions], principal: Person | None
) -> list[tuple[int, int]]:
    """Spans that refer to the principal: titled mentions, the bare given name or surname,
    and title-only references ("the Party leader", "the General Secretary", "Tổng Bí thư")."""
    if principal is None:
        return []
    spans: set[tuple[int, int]] = set()
    # Per sentence: a span can only cover a point of its own sentence.
    mine: list[list[tuple[int, int]]] = []
    others: list[list[tuple[int, int]]] = []
    for sm in sents:
        mine.append([])
        others.append([])
        for m in sm.mentions:
            if same_in_article(m.person.name, principal.name):
                spans.add(m.person.span)
                mine[-1].append(m.person.span)
            else:
                others[-1].append(m.person.span)
    name_re, title_re = _reference_patterns(principal, article.language)
    for i, s in enumerate(article.sentences):
        check()
        named = _Cover(mine[i])
        _add_matches(name_re, s.text, s.span[0], named, spans)
        if title_re is not None:
            _add_matches(title_re, s.text, s.span[0], _Cover([*named.spans, *others[i]]), spans)
    return sorted(spans)


def _reference_patterns(
    principal: Person, lang: Language
) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The principal's name and its last word; their titles, if they have one."""
    name_toks = principal.name.split()
    short_forms = {principal.name}
    if name_toks:
        short_forms.add(name_toks[-1])
    titles: set[str] = set()
    if principal.title:
        titles.update(title_forms(principal.title, lang))
    alt_names = "|".join(re.escape(f) for f in sorted(short_forms, key=len, reverse=True))
    name_re = re.compile(r"(?<![^\W_])(?:" + alt_names + r")(?![^\W_])(?!\s+[^\W\d_a-zà-ỹ])")
    title_re = (
        re.compile(
            r"(?<![^\W_])(?:"
            + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
            + r")(?![^\W_])(?!\s+(?:of\b|[^\W\d_a-zà-ỹ]))",
            re.IGNORECASE,
        )
        if titles
        else None
    )
    return name_re, title_re


def _add_matches(
    pattern: re.Pattern[str], text: str, offset: int, cover: _Cover, spans: set[tuple[int, int]]
) -> None:
    """Matches of `pattern` in a sentence not inside a span `cover` already holds."""
    for hit in pattern.finditer(text):
        a = offset + hit.start()
        if not cover.covers(a):
            span = (a, offset + hit.end())
            spans.add(span)
            cover.add(span)


class _Cover:
    """Is a point inside one of some spans, for points asked in increasing order (a sweep,
    so many mentions in one sentence cost their number, not its square)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._next = 0
        self._reach = -1

    def covers(self, point: int) -> bool:
        while self._next < len(self.spans) and self.spans[self._next][0] <= point:
            self._reach = max(self._reach, self.spans[self._next][1])
            self._next += 1
        return point < self._reach

    def add(self, span: tuple[int, int]) -> None:
        """A span starting at the last point asked."""
        self.spans.append(span)
        self._reach = max(self._reach, span[1])
