"""A traveller named by country and office, as the wires refer back after the first
mention ("The Russian leader arrived in Ashgabat from Dushanbe"): in an article whose
sentences name the traveller only so when they travel, that sentence is theirs."""

from __future__ import annotations

import re
from collections.abc import Callable

from calendar_svc.domain.language import Language
from calendar_svc.ingest.people.mentions import Mention
from calendar_svc.ingest.people.roles import Countries, SentMentions, travel_after
from calendar_svc.reference.countries import demonym_country


def described_traveller(
    sents: list[SentMentions],
    sm: SentMentions,
    lang: Language,
    not_traveller: Callable[[Mention], bool],
    countries: Countries | None,
) -> list[Mention]:
    """The person a sentence names by office and country as the subject of a travel verb
    ("The Russian leader arrived in Ashgabat from Dushanbe"): the article's first named
    person of that country, as a mention elsewhere."""
    if countries is None:
        return []
    for office in _DESCRIBED.finditer(sm.text):
        if not travel_after(sm.text, office.end(), lang):
            continue
        code = demonym_country(office["country"])
        for m in (m for other in sents for m in other.mentions if m.person.is_named):
            if not not_traveller(m) and code and countries.of_person(m.person) == code:
                return [m]
    return []


#: A person named by country and office, as the wires refer back: "the Russian leader",
#: "the Indian prime minister".
_DESCRIBED = re.compile(
    r"\b[Tt]he\s+(?P<country>[A-Z][a-z]+)\s+"
    r"(?:leader|president|prime\s+minister|premier|chancellor|king|emperor)\b"
)
