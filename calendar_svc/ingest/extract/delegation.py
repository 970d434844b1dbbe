"""Who travels and who invited them: the principal's own sentence, the inviters (only
those speaking for a destination), the spouse and the delegation's members.

Apart because these facts come from `people.extract_people`, read once for the article,
not sentence by sentence.
"""

from __future__ import annotations

from calendar_svc.domain.values import PersonRef
from calendar_svc.ingest.extract.facts import ArticleFacts, Sourced, provenance
from calendar_svc.ingest.extract.home import person_country
from calendar_svc.ingest.people import PeopleFacts, Person
from calendar_svc.ingest.places import find_places
from calendar_svc.ingest.text import ParsedArticle, Sentence


def _countries_in(text: str, lang: str) -> list[str]:
    return [
        m.place.country_code
        for m in find_places(text, "vi" if lang == "vi" else "en")
        if m.place.kind == "country"
    ]


def sentence_at(article: ParsedArticle, offset: int) -> Sentence | None:
    """The sentence of the article that holds `offset`."""
    for s in article.sentences:
        if s.span[0] <= offset < s.span[1]:
            return s
    return None


def principal_fact(
    article: ParsedArticle, article_id: str, principal: Person
) -> Sourced[PersonRef] | None:
    """The traveller, cited where the article names them (None if outside any sentence)."""
    said = sentence_at(article, principal.span[0])
    if said is None:
        return None
    return Sourced(
        PersonRef(name=principal.name, title=principal.title),
        provenance(
            article_id,
            said,
            f"{article.language}.people.principal",
            (principal.span[0] - said.span[0], principal.span[1] - said.span[0]),
        ),
    )


def add_inviters(
    facts: ArticleFacts, article: ParsedArticle, people: PeopleFacts, destinations: set[str]
) -> None:
    """Inviters: each speaks for a country; only destinations count."""
    lang = article.language
    for inviter in people.inviters:
        inviter_code = person_country(inviter, lang)
        said = sentence_at(article, inviter.span[0])
        if said is None or not inviter.is_named:
            continue
        if inviter_code is None:
            here = [c for c in _countries_in(said.text, lang) if c in destinations]
            inviter_code = here[0] if len(set(here)) == 1 else None
        if inviter_code is not None and inviter_code in destinations:
            local = (inviter.span[0] - said.span[0], inviter.span[1] - said.span[0])
            facts.inviters.append(
                Sourced(
                    (inviter_code, PersonRef(name=inviter.name, title=inviter.title)),
                    provenance(facts.article_id, said, f"{lang}.people.inviter", local),
                )
            )


def add_delegation(facts: ArticleFacts, article: ParsedArticle, people: PeopleFacts) -> None:
    """The delegation: the spouse and the members named."""
    lang = article.language
    if people.spouse is not None and people.spouse.is_named:
        said = sentence_at(article, people.spouse.span[0])
        if said is not None:
            facts.spouse = Sourced(
                people.spouse.name, provenance(facts.article_id, said, f"{lang}.people.spouse")
            )
    for member in people.delegation:
        said = sentence_at(article, member.span[0])
        if said is not None and member.is_named:
            facts.members.append(
                Sourced(
                    PersonRef(name=member.name, title=member.title),
                    provenance(facts.article_id, said, f"{lang}.people.delegation"),
                )
            )
