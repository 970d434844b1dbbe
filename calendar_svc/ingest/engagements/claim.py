"""The claim the engagement reader makes: one engagement of the principal, as one sentence
states it. In a module of its own because every stage that makes claims (:mod:`.items`,
:mod:`.hosted`) and every reader of them (extraction) needs the type and nothing else.
"""

from __future__ import annotations

import msgspec

from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.people import Person
from calendar_svc.ingest.places import PlaceMention


class EngagementClaim(msgspec.Struct, frozen=True):
    """One engagement of the principal, as one sentence states it.

    ``span`` indexes into the sentence given to :func:`find_engagements`; the spans of
    ``counterparts`` and ``places`` do too.
    """

    kind: EngagementKind
    title: str
    span: tuple[int, int]
    counterparts: list[Person]
    places: list[PlaceMention]
    planned: bool
    rule: str
