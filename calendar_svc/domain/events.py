"""The event catalogue: every fact the log can hold, as a versioned msgspec tagged union.

Each type has a `schema_version`; the log stores it beside the JSON so an old event can
be upcast when a type changes. Every event derived from an article carries provenance:
the article, the sentence, its span and the rule that read it.

Streams: `article-<sha256>` holds `ArticleRecorded`; `trip-<trip_id>` holds the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Literal

import msgspec

from calendar_svc.domain.values import (
    DateWindow,
    EngagementKind,
    Moment,
    PersonRef,
    PlaceRef,
    Provenance,
    VisitType,
)


class DomainEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    schema_version: ClassVar[int] = 1


class ArticleRecorded(DomainEvent, frozen=True, kw_only=True, tag=True):
    """The source itself, content-addressed by the SHA-256 of its bytes, immutable."""

    article_id: str
    text: str
    language: str
    language_detected: bool
    published_on: date | None = None
    published_on_inferred: bool = False
    published_on_basis: str = "unknown"  # "header", "given", "inferred: <why>", "unknown"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


class TripEvent(DomainEvent, frozen=True, kw_only=True):
    trip_id: str
    provenance: list[Provenance]


class VisitAnnounced(TripEvent, frozen=True, kw_only=True, tag=True):
    """One leg of a trip, as announced: who goes where, of what kind, at whose invitation."""

    principal: PersonRef
    leg_id: str
    country_code: str
    sequence: int
    visit_type: VisitType | None = None
    inviter: PersonRef | None = None
    city: str | None = None
    window: DateWindow | None = None  # this leg's own dates, when stated
    duration_days: int | None = None  # "a three-day state visit"
    trip_window: DateWindow | None = None  # the whole trip's stated dates
    #: the dates of the summit or meeting it attends there ("held on September 4 and 5"):
    #: not the leg's own, but what its days are inferred from when nothing else says
    event_window: DateWindow | None = None
    #: a plan's days for this leg ("will fly on to Canberra on Friday", "returning home on
    #: Saturday"): what its days are inferred from when nothing that happened says
    planned_start: date | None = None
    planned_end: date | None = None


class DelegationNamed(TripEvent, frozen=True, kw_only=True, tag=True):
    principal: PersonRef
    spouse: str | None = None
    members: list[PersonRef] = msgspec.field(default_factory=list)


class DelegationDeparted(TripEvent, frozen=True, kw_only=True, tag=True):
    """The delegation left a place: home at the start, or a host country between legs."""

    place: PlaceRef
    at: Moment
    concluded_leg_id: str | None = None  # the leg this departure ends, if any
    next_leg_id: str | None = None  # where it is heading, if said


class DelegationArrived(TripEvent, frozen=True, kw_only=True, tag=True):
    leg_id: str
    place: PlaceRef
    at: Moment


class EngagementReported(TripEvent, frozen=True, kw_only=True, tag=True):
    engagement_id: str
    leg_id: str | None
    kind: EngagementKind
    title: str
    counterparts: list[PersonRef] = msgspec.field(default_factory=list)
    place: PlaceRef | None = None
    at: Moment | None = None
    window: DateWindow | None = None  # "during the visit": the leg's window, if that is all


class LegConcluded(TripEvent, frozen=True, kw_only=True, tag=True):
    leg_id: str
    country_code: str
    on: date | None = None
    window: DateWindow | None = None  # the leg's dates as reported when it ended


class TripConcluded(TripEvent, frozen=True, kw_only=True, tag=True):
    """The trip ended: `on` the day the source gives for it. When the source tells the
    landing home ("arrived back in Tokyo on Sunday afternoon"), `landed` is when and
    `place` where (added as optional fields: events stored before decode unchanged); the
    day the delegation left its last stop is the rules' to infer from them."""

    on: date | None = None
    landed: Moment | None = None
    place: PlaceRef | None = None


class ScheduleRevised(TripEvent, frozen=True, kw_only=True, tag=True):
    leg_id: str | None
    previous: DateWindow | None
    revised: DateWindow


class ScheduleChanged(TripEvent, frozen=True, kw_only=True, tag=True):
    """A source says the days planned no longer hold, whether or not it gives new ones
    ("has extended his visit by a day", "cut short", "brought forward", "rút ngắn"):
    `moved` is "end" (a stay made longer or shorter) or "both" (the visit moved). The
    days earlier sources stated for what moved are then plans overtaken, not readings of
    the visit; `leg_id` None is the trip's."""

    leg_id: str | None = None
    moved: Literal["end", "both"] = "both"


class VisitPostponed(TripEvent, frozen=True, kw_only=True, tag=True):
    leg_id: str | None = None
    reason: str | None = None


class VisitCancelled(TripEvent, frozen=True, kw_only=True, tag=True):
    leg_id: str | None = None
    reason: str | None = None


class FactCorroborated(TripEvent, frozen=True, kw_only=True, tag=True):
    """Another source states a fact already on the log: one fact, one more source."""

    fact: str  # a `facts` key, e.g. "leg:<leg id>.visit_type", "trip.window"
    value: str
    corroborates: str  # event id of the event that first recorded the fact


class ClaimDisputed(TripEvent, frozen=True, kw_only=True, tag=True):
    """Sources disagree; the held value stays, the claim is kept beside it, never merged."""

    fact: str
    held: str
    claimed: str
    held_since: str  # event id of the event that recorded the held value


Event = (
    ArticleRecorded
    | VisitAnnounced
    | DelegationNamed
    | DelegationDeparted
    | DelegationArrived
    | EngagementReported
    | LegConcluded
    | TripConcluded
    | ScheduleRevised
    | ScheduleChanged
    | VisitPostponed
    | VisitCancelled
    | FactCorroborated
    | ClaimDisputed
)

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__name__: cls
    for cls in (
        ArticleRecorded,
        VisitAnnounced,
        DelegationNamed,
        DelegationDeparted,
        DelegationArrived,
        EngagementReported,
        LegConcluded,
        TripConcluded,
        ScheduleRevised,
        ScheduleChanged,
        VisitPostponed,
        VisitCancelled,
        FactCorroborated,
        ClaimDisputed,
    )
}

#: (type name, stored schema version) -> function lifting old JSON to the next version.
UPCASTERS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}

_encoder = msgspec.json.Encoder()
_decoders = {name: msgspec.json.Decoder(cls) for name, cls in EVENT_TYPES.items()}


class UnknownEventType(ValueError):
    pass


class ArticleSource(msgspec.Struct, frozen=True, kw_only=True):
    """An `ArticleRecorded` without its text: all a read model folds of a source.

    The text is half the log's bytes and no projection reads it, so replays and
    rebuilds (`decode_for_fold`) skip it rather than build a string per article.
    """

    article_id: str
    language: str
    language_detected: bool
    published_on: date | None = None
    published_on_inferred: bool = False
    published_on_basis: str = "unknown"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


_source_decoder = msgspec.json.Decoder(ArticleSource)


def encode(event: DomainEvent) -> tuple[str, int, str]:
    """(event_type, schema_version, JSON data) as the log stores them."""
    return type(event).__name__, type(event).schema_version, _encoder.encode(event).decode()


def decode_for_fold(
    event_type: str, schema_version: int, data: str | bytes
) -> DomainEvent | ArticleSource:
    """`decode`, except that a current-version article comes back as its `ArticleSource`."""
    if event_type == "ArticleRecorded" and schema_version == ArticleRecorded.schema_version:
        source: ArticleSource = _source_decoder.decode(data)
        return source
    return decode(event_type, schema_version, data)


def decode(event_type: str, schema_version: int, data: str | bytes) -> DomainEvent:
    cls = EVENT_TYPES.get(event_type)
    if cls is None:
        raise UnknownEventType(event_type)
    if schema_version == cls.schema_version:
        result: DomainEvent = _decoders[event_type].decode(data)
        return result
    raw: dict[str, Any] = msgspec.json.decode(data)
    version = schema_version
    while version < cls.schema_version:
        raw = UPCASTERS[(event_type, version)](raw)
        version += 1
    return msgspec.convert(raw, cls)
