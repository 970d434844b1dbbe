"""People: the travellers, and the hosts and counterparts they met, each with their trips
(who is who: `services.people`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, cast

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, FEED_RESPONSES, tagged_responses
from calendar_svc.api.etag import request_head
from calendar_svc.api.feeds import FeedSpec, wording
from calendar_svc.api.feeds.serving import (
    CALENDAR,
    FeedCache,
    feed_filters,
    public_url,
    serve_feed,
)
from calendar_svc.api.params import (
    AS_OF_PARAM,
    COUNTRY_PARAM,
    ENGAGEMENTS_PARAM,
    LANG_PARAM,
    PRINCIPAL_PARAM,
    Engagements,
)
from calendar_svc.api.problems import ProblemError
from calendar_svc.config import Settings
from calendar_svc.domain.language import Language
from calendar_svc.domain.views import Schedule
from calendar_svc.services.people import (
    PeoplePage,
    Person,
    PersonView,
    find_person,
    people_of,
    person_view,
)
from calendar_svc.services.readside import ReadSide


def _found(schedule: Schedule, person: str) -> Person:
    """The person this slug names; 404 when the schedule names no one so."""
    found = find_person(schedule, person)
    if found is None:
        raise ProblemError(404, f"no person {person!r} on the schedule")
    return found


class PeopleController(Controller):
    path = "/people"
    tags = ["people"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        summary="Everyone the schedule names: travellers, hosts and counterparts",
        description="Travellers first (most trips first). A person's `slug` addresses "
        "them in `/people/{slug}` and `/people/{slug}/calendar.ics`.",
        responses=tagged_responses(400),
        response_headers=ETAG_HEADERS,
    )
    async def list_people(
        self, request: Request[Any, Any, Any], readside: NamedDependency[ReadSide]
    ) -> Response[PeoplePage]:
        head = request_head(request.scope)
        if head is not None and (hit := readside.cached(("people", head))) is not None:
            return Response(cast(PeoplePage, hit))

        def build(schedule: Schedule) -> msgspec.Raw:
            return readside.encoded(
                ("people", schedule.position),
                lambda: PeoplePage(
                    items=[p.summary() for p in people_of(schedule)],
                    position=schedule.position,
                ),
            )

        return Response(
            cast(PeoplePage, await anyio.to_thread.run_sync(readside.read, head, build))
        )

    @get(
        "/{person:str}",
        summary="One person: their trips as traveller, the legs they hosted, whom they met",
        description="`from`, `to` and `country` filter all three lists as they filter `/trips`.",
        responses=tagged_responses(400, 404),
        response_headers=ETAG_HEADERS,
    )
    async def get_person(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        person: FromPath[str],
        country: Annotated[
            str | None,
            QueryParameter(
                description="ISO 3166-1 alpha-2 of a host country", pattern="^[A-Za-z]{2}$"
            ),
        ] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
    ) -> Response[PersonView]:
        head = request_head(request.scope)
        code = country.upper() if country else None
        key = (person, code, date_from, date_to)
        if head is not None and (hit := readside.cached(("person", head, *key))) is not None:
            return Response(cast(PersonView, hit))

        def build(schedule: Schedule) -> msgspec.Raw:
            found = _found(schedule, person)
            return readside.encoded(
                ("person", schedule.position, *key),
                lambda: person_view(found, schedule.position, code, date_from, date_to),
            )

        return Response(
            cast(PersonView, await anyio.to_thread.run_sync(readside.read, head, build))
        )

    @get(
        "/{person:str}/calendar.ics",
        media_type=CALENDAR,
        summary="One person's trips as principal, and the legs they hosted, as an iCalendar feed",
        description="Takes the filters of the other feeds (`principal`, `country`, `from`, "
        "`to`, `engagements`, `as_of`).",
        responses=FEED_RESPONSES,
        tags=["feeds"],
    )
    async def person_feed(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        feeds: NamedDependency[FeedCache],
        settings: NamedDependency[Settings],
        person: FromPath[str],
        as_of: Annotated[int | datetime | None, AS_OF_PARAM] = None,
        engagements: Annotated[Engagements, ENGAGEMENTS_PARAM] = "dated",
        principal: Annotated[str | None, PRINCIPAL_PARAM] = None,
        country: Annotated[str | None, COUNTRY_PARAM] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        lang: Annotated[Language, LANG_PARAM] = "en",
    ) -> Response[bytes]:
        base = public_url(request, settings)
        filters = feed_filters(principal, country, date_from, date_to, lang)

        def make_spec(schedule: Schedule) -> FeedSpec:
            found = _found(schedule, person)
            words = wording(lang)
            name, description = words.person_feed_title(words.name(found.name))
            return FeedSpec(
                name=name,
                description=description,
                base_url=base,
                engagements=engagements,
                trip_ids=frozenset(t.trip_id for t in found.trips),
                leg_ids=frozenset(h.leg_id for h in found.hosted),
                **filters,
            )

        key = ("person", person, engagements, base, *filters.values())
        return await serve_feed(request, readside, feeds, key, make_spec, as_of)
