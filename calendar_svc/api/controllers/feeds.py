"""iCalendar feeds people subscribe to: everything, one trip, or one host country.

Each route names its feed (`FeedSpec`) and its cache key; `feeds.serving` answers it,
from the feeds rendered for the log position or by rendering one (see there).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.contract import FEED_CACHING, FEED_RESPONSES
from calendar_svc.api.feeds import FeedSpec, wording
from calendar_svc.api.feeds.serving import (
    CALENDAR,
    FeedCache,
    feed_filters,
    known_countries,
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
from calendar_svc.reference.countries import name as country_name
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import has_trip


class FeedsController(Controller):
    """A feed already rendered for the log position is answered on the event loop (one
    read of the head, a lookup); only rendering one, or resolving an `as_of` time, takes
    a worker thread."""

    tags = ["feeds"]  # noqa: RUF012 - Litestar reads this class attribute

    @get(
        "/calendar.ics",
        media_type=CALENDAR,
        summary="Every trip leg and dated engagement, as an iCalendar feed",
        description="RFC 5545, filtered by principal, country and dates. " + FEED_CACHING,
        responses=FEED_RESPONSES,
    )
    async def everything(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        feeds: NamedDependency[FeedCache],
        settings: NamedDependency[Settings],
        as_of: Annotated[int | datetime | None, AS_OF_PARAM] = None,
        engagements: Annotated[Engagements, ENGAGEMENTS_PARAM] = "dated",
        principal: Annotated[str | None, PRINCIPAL_PARAM] = None,
        country: Annotated[str | None, COUNTRY_PARAM] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        lang: Annotated[Language, LANG_PARAM] = "en",
    ) -> Response[bytes]:
        filters = feed_filters(principal, country, date_from, date_to, lang)
        base = public_url(request, settings)

        def make_spec(_: Schedule) -> FeedSpec:
            name, description = wording(lang).feed_title()
            return FeedSpec(
                name=name,
                description=description,
                base_url=base,
                engagements=engagements,
                **filters,
            )

        key = ("all", "", engagements, base, *filters.values())
        return await serve_feed(request, readside, feeds, key, make_spec, as_of)

    @get(
        "/trips/{trip_id:str}/calendar.ics",
        media_type=CALENDAR,
        summary="One trip's legs and engagements, as an iCalendar feed",
        description="RFC 5545, one subscribable calendar per trip. " + FEED_CACHING,
        responses=FEED_RESPONSES,
    )
    async def trip(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        feeds: NamedDependency[FeedCache],
        settings: NamedDependency[Settings],
        trip_id: FromPath[str],
        as_of: Annotated[int | datetime | None, AS_OF_PARAM] = None,
        engagements: Annotated[Engagements, ENGAGEMENTS_PARAM] = "dated",
        principal: Annotated[str | None, PRINCIPAL_PARAM] = None,
        country: Annotated[str | None, COUNTRY_PARAM] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        lang: Annotated[Language, LANG_PARAM] = "en",
    ) -> Response[bytes]:
        filters = feed_filters(principal, country, date_from, date_to, lang)
        base = public_url(request, settings)

        def make_spec(_: Schedule) -> FeedSpec:
            name, description = wording(lang).trip_feed_title(trip_id)
            return FeedSpec(
                name=name,
                description=description,
                base_url=base,
                engagements=engagements,
                trip_id=trip_id,
                **filters,
            )

        def exists(schedule: Schedule) -> bool:
            return has_trip(schedule, trip_id)

        key = ("trip", trip_id, engagements, base, *filters.values())
        return await serve_feed(request, readside, feeds, key, make_spec, as_of, exists)

    @get(
        "/countries/{code:str}/calendar.ics",
        media_type=CALENDAR,
        summary="Legs hosted by a country and engagements held there, as an iCalendar feed",
        description="RFC 5545, for one ISO 3166-1 alpha-2 host country. " + FEED_CACHING,
        responses=FEED_RESPONSES,
    )
    async def country(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        feeds: NamedDependency[FeedCache],
        settings: NamedDependency[Settings],
        code: FromPath[str],
        as_of: Annotated[int | datetime | None, AS_OF_PARAM] = None,
        engagements: Annotated[Engagements, ENGAGEMENTS_PARAM] = "dated",
        principal: Annotated[str | None, PRINCIPAL_PARAM] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        lang: Annotated[Language, LANG_PARAM] = "en",
    ) -> Response[bytes]:
        filters = feed_filters(principal, None, date_from, date_to, lang)
        del filters["country"]  # the path names the country
        base = public_url(request, settings)
        upper = code.upper()

        def make_spec(_: Schedule) -> FeedSpec:
            # Here, in the rendering thread: the first call loads CLDR's names. A code
            # with a feed in the cache was checked when it was rendered.
            if upper not in known_countries():
                raise ProblemError(404, f"{code!r} is not an ISO 3166-1 alpha-2 country code")
            name, description = wording(lang).country_feed_title(country_name(upper, lang))
            return FeedSpec(
                name=name,
                description=description,
                base_url=base,
                engagements=engagements,
                country=upper,
                **filters,
            )

        key = ("country", upper, engagements, base, *filters.values())
        return await serve_feed(request, readside, feeds, key, make_spec, as_of)
