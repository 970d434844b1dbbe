"""The public entry point: one sentence in, the principal's engagements out. Walks the action
verbs in order, carrying who acts from verb to verb (:mod:`.actor`), and asks the hosted
claims (:mod:`.hosted`) or the item lists (:mod:`.items`) for each; apart from them so the
order of the steps reads in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from calendar_svc.domain.language import Language
from calendar_svc.ingest.engagements.actor import Subject, next_subject
from calendar_svc.ingest.engagements.claim import EngagementClaim
from calendar_svc.ingest.engagements.hosted import (
    hosted_claim,
    joint_claim,
    passive_claims,
    told_in_passive,
    vi_passive_claim,
)
from calendar_svc.ingest.engagements.items import claims_for_verb, named_hosts
from calendar_svc.ingest.engagements.reader import Reader, VerbHit
from calendar_svc.ingest.engagements.verbs import planned, verb_hits
from calendar_svc.ingest.lexicon.engagements import ENGAGEMENT_LEXICONS
from calendar_svc.ingest.places import PlaceMention


def find_engagements(
    sentence: str,
    lang: Language,
    principal_names: Sequence[str] = (),
    principal_country: str | None = None,
) -> list[EngagementClaim]:
    """The principal's engagements stated by one sentence, one claim per list item.

    ``principal_names`` are the principal's full names; short forms (the last word, e.g.
    "Lâm" or "Putin") are derived. Without names, only pronouns and role phrases ("He",
    "the Party chief", "Tổng Bí thư") make the principal the actor. ``principal_country``
    (ISO code) tells whose side a role phrase naming a country is ("the Russian leader",
    "phía Nga", "Tổng thống Nga"); without it such phrases are never taken for a host, and
    an English one is taken for the principal as before. Returns ``[]`` for a sentence in
    which the principal does nothing, for recaps and commentary, and for any input that is
    not a string in a supported language.
    """
    if not isinstance(sentence, str) or not isinstance(lang, str):
        return []
    if lang not in ENGAGEMENT_LEXICONS or not sentence.strip():
        return []
    names, country = _principal(principal_names, principal_country)
    reader = Reader(sentence, lang, names, country)
    hits = verb_hits(reader)
    if not hits and not told_in_passive(reader):
        return []
    places = [pm for pm in reader.places if pm.place.kind in ("city", "landmark", "airport")]
    claims = passive_claims(reader, hits, places)
    subject = Subject()
    for i in range(len(hits)):
        next_subject(reader, hits, i, subject)
        claims.extend(_claims_at(reader, hits, i, subject, places))
    claims.sort(key=lambda c: c.span[0])
    return claims


def _principal(names: Sequence[str], country: str | None) -> tuple[Sequence[str], str | None]:
    """The principal's names and country as the reader takes them: one name alone is a list
    of one; anything else that is not a list of names, or a blank country, is none."""
    if isinstance(names, str):
        names = (names,)
    elif not isinstance(names, Sequence):
        names = ()
    if not isinstance(country, str) or not country.strip():
        country = None
    return names, country


def _claims_at(
    reader: Reader, hits: list[VerbHit], i: int, subject: Subject, places: list[PlaceMention]
) -> list[EngagementClaim]:
    """The claims of the verb ``hits[i]``, whose subject is ``subject``."""
    hit = hits[i]
    next_start = hits[i + 1].start if i + 1 < len(hits) else len(reader.s)
    if reader.lang == "vi" and hit.verb.name in reader.cues.host_direct:
        passive = vi_passive_claim(reader, hit, next_start, places)
        if passive is not None:
            # the principal is the subject of what follows
            subject.principal, subject.hosts = True, []
            return [passive]
    if subject.hosts:
        args = (reader, hit, next_start, subject.hosts, subject.own, places)
        claim = hosted_claim(*args) or joint_claim(*args)
        return [] if claim is None else [claim]
    if not subject.principal:
        return []
    obj_end, tail_end = reader.region_end(hit.end, next_start)
    return claims_for_verb(
        reader,
        hit,
        obj_end,
        planned(reader, 0, hit.start),
        subject.co_subjects,
        named_hosts(reader, obj_end, tail_end),
        places,
    )
