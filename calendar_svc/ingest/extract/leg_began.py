"""A leg told as the subject of a verb of beginning ("Chặng Hàn Quốc bắt đầu từ ngày
29/10", "The Korean leg began on Wednesday", "began his Korea stay on Wednesday"): the leg
starts that day, read as an arrival there, as `movements._began` reads "began a state
visit to A on Tuesday".

Summaries written after a trip tell its legs this way, with no verb of arriving.
"""

from __future__ import annotations

import re

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import PlaceRef
from calendar_svc.ingest.dates import DateMention
from calendar_svc.ingest.extract.facts import Arrival, ArticleFacts, Sourced, moment, provenance
from calendar_svc.ingest.extract.views import View
from calendar_svc.ingest.lexicon import Lexicon
from calendar_svc.reference.countries import demonym_country

#: The leg, then the verb: the place is the words named `place`.
_LEG_BEGAN: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<place>(?:[A-Z][\w.-]*\s+){1,3})(?:leg|stage)\s+"
        r"(?:of\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:trip|tour|journey)\s+)?"
        r"(?:began|started|opened|kicked\s+off)\b"
        r"|\b(?:began|started|opened)\s+(?:his|her|their)\s+(?P<stay>(?:[A-Z][\w.-]*\s+){1,3})"
        r"(?:stay|leg|stop)\b"
    ),
    "vi": re.compile(
        r"(?i)(?<!\w)chặng\s+(?:(?:thăm|dừng\s+chân)\s+)?(?:(?:tại|ở)\s+)?"
        r"(?P<place>[^,.;:]{2,40}?)\s+(?:đã\s+)?(?:bắt\s+đầu|khởi\s+đầu|mở\s+đầu)(?!\w)"
    ),
}


def add_leg_began(
    facts: ArticleFacts,
    view: View,
    lex: Lexicon,
    article_id: str,
    home: str | None,
    destinations: set[str],
    days: list[DateMention],
) -> None:
    """The one leg the sentence says began, on the one day told after the verb."""
    text = view.sentence.text
    began = _LEG_BEGAN[lex.language].search(text)
    if began is None:
        return
    group = "place" if began.group("place") is not None else "stay"
    low, high = began.span(group)
    codes = {
        m.place.country_code
        for m in view.places
        if low <= m.span[0] and m.span[1] <= high and not view.in_person(m.span)
    } or {c for w in began.group(group).split() if (c := demonym_country(w)) is not None}
    after = [d for d in days if d.span[0] >= began.end()]
    if len(codes) != 1 or len(after) != 1:
        return
    (code,) = codes
    if code == home or code not in destinations:
        return
    place = PlaceRef(country_code=code)
    prov = provenance(article_id, view.sentence, f"{lex.language}.leg_began", began.span())
    facts.arrivals.append(Sourced(Arrival(code, place, moment(after[0], place)), prov))
