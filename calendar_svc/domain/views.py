"""What the schedule shows: the read views of trips, legs, engagements, disputes and
sources, and the schedule as a whole. Plain frozen data, apart from how it is folded
(`calendar_svc.projections.fold`) or served (`calendar_svc.api`): the API, the feeds and
the stored read model all read these shapes, so they have one home beside the values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time

import msgspec

from calendar_svc.domain.values import (
    Certainty,
    EngagementStatus,
    PersonRef,
    PlaceRef,
    Status,
)

#: The time of a view whose last change has no recorded time (feeds need one).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SourceRef(msgspec.Struct, frozen=True):
    article_id: str
    outlet: str | None = None
    url: str | None = None
    published_on: date | None = None
    title: str | None = None


class LegView(msgspec.Struct, frozen=True):
    leg_id: str
    trip_id: str
    sequence: int
    country_code: str
    city: str | None
    visit_type: str | None
    inviter: PersonRef | None
    start_date: date | None
    end_date: date | None
    dates_confirmed: bool
    date_basis: str
    status: Status
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)
    start_certainty: Certainty | None = None  # None: no start known
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None  # the weaker of the two (see rules.overall)
    #: the publication day of the latest source behind `status` ("as last reported")
    status_as_of: date | None = None


class EngagementView(msgspec.Struct, frozen=True):
    engagement_id: str
    trip_id: str
    leg_id: str | None
    kind: str
    title: str
    counterparts: list[PersonRef]
    place: PlaceRef | None
    start_date: date | None
    end_date: date | None
    local_time: time | None
    day_part: str | None
    timezone: str | None
    date_basis: str
    status: EngagementStatus
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    sources: list[str] = msgspec.field(default_factory=list)
    start_certainty: Certainty | None = None
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None


class DisputeView(msgspec.Struct, frozen=True):
    fact: str
    held: str  # the value shown
    claimed: str  # what other sources say
    sources: list[str]  # of the claim
    held_sources: list[str] = msgspec.field(default_factory=list)  # of the value shown, if known


class TripView(msgspec.Struct, frozen=True):
    trip_id: str
    principal: PersonRef
    spouse: str | None
    members: list[PersonRef]
    start_date: date | None
    end_date: date | None
    dates_confirmed: bool
    status: Status
    legs: list[LegView]
    engagements: list[EngagementView]
    disputes: list[DisputeView]
    sources: list[str]
    revision: int = 0
    updated_at: datetime | None = None
    updated_position: int = 0
    start_certainty: Certainty | None = None
    end_certainty: Certainty | None = None
    certainty: Certainty | None = None
    status_as_of: date | None = None
    #: countries one of several sources names with nothing of their own told: mentions,
    #: not legs (rule 0, `rules.named_in_passing`), shown so a reader can see them
    named_in_passing: list[str] = msgspec.field(default_factory=list)


class Schedule(msgspec.Struct, frozen=True):
    """The schedule at a log position. A replay holds lists; the stored schedule a reader
    loads holds sequences that decode its trips and sources when asked for
    (`projections.stored`)."""

    position: int
    recorded_at: datetime | None
    trips: Sequence[TripView]
    sources: Mapping[str, SourceRef]
