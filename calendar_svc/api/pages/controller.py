"""The pages people read: the timeline at `/`, and `/ui/...` for a trip, an article, a
person and the auditor's view. Server-rendered (Jinja2), readable without JavaScript.

Every page takes `lang` (`en`, `vi`; `Accept-Language` otherwise) and the pages of the
schedule take `as_of`, so an auditor sees any of them as it stood at a point of the log.
The JSON and feeds stay at their own paths; a page links to the matching feed as a
`webcal://` subscription.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from calendar_svc.api.pages.page import Page
from calendar_svc.api.pages.views import (
    CERTAINTIES,
    Evidence,
    article_pieces,
    by_day,
    date_evidence,
    evidence_for,
    fact_summary,
    leg_certainty,
    rows_by_person,
    shown,
    timeline,
    timeline_trips,
)
from calendar_svc.api.params import as_of_param
from calendar_svc.api.problems import ProblemError
from calendar_svc.config import Settings
from calendar_svc.domain.ids import trip_stream
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import Schedule, TripView
from calendar_svc.projections.replay import diff, resolve
from calendar_svc.services.article_query import read_article
from calendar_svc.services.ingestion import TripIndex
from calendar_svc.services.people import find_person, people_of
from calendar_svc.services.readside import ReadSide
from calendar_svc.services.schedule_query import find_trip, schedule_at
from calendar_svc.store import EventStore

HTML = "text/html"
_LANG = QueryParameter(description="the page's language: en or vi (else Accept-Language)")
_AS_OF = QueryParameter(description="a log position or an ISO 8601 date-time")
#: The most changes one diff page lists (the JSON at /diff has them all).
MAX_CHANGES = 400


def _schedule(readside: ReadSide, as_of_raw: str | None, as_of: int | datetime | None) -> Schedule:
    return schedule_at(readside, as_of_param(as_of_raw, as_of))[0]


def _trip_rows(store: EventStore, trip: TripView, position: int) -> list[Any]:
    return [r for r in store.read_stream(trip_stream(trip.trip_id)) if r.position <= position]


class PagesController(Controller):
    tags = ["pages"]  # noqa: RUF012 - Litestar reads this class attribute
    include_in_schema = False

    @get("/", media_type=HTML, sync_to_thread=True)
    def timeline_page(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        settings: NamedDependency[Settings],
        lang: Annotated[str | None, _LANG] = None,
        principal: Annotated[str | None, QueryParameter(max_length=200)] = None,
        country: Annotated[str | None, QueryParameter(max_length=2)] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(readside, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = Page(request, settings, lang, pinned)
        who = slug(principal) if principal else None
        code = country.upper() if country else None
        if code is not None and (len(code) != 2 or not code.isalpha()):
            raise ProblemError(400, f"country {country!r} is not an ISO 3166-1 alpha-2 code")
        people = [p for p in people_of(schedule) if p.trips]
        person = next((p for p in people if who and (p.slug == who or p.answers_to(who))), None)
        chosen, date_from, date_to = timeline_trips(schedule, person, who, code, date_from, date_to)
        leaders = sorted(((p.slug, p.name) for p in people), key=lambda sn: sn[0])
        countries = sorted({leg.country_code for t in schedule.trips for leg in t.legs})
        person_feed = None
        if person is not None and page.routable(f"/people/{person.slug}/calendar.ics"):
            person_feed = f"/people/{person.slug}/calendar.ics"
        feed = person_feed or (f"/countries/{code}/calendar.ics" if code else "/calendar.ics")
        return Template(
            template_name="timeline.html",
            context=page.context(
                schedule=schedule,
                pinned=pinned,
                head=readside.head(),
                trips=chosen,
                timeline=timeline(chosen, date_from, date_to, rows_by_person(people)),
                leaders=leaders,
                countries=countries,
                filters={
                    "principal": principal or "",
                    "country": code or "",
                    "from": date_from.isoformat() if date_from else "",
                    "to": date_to.isoformat() if date_to else "",
                },
                certainty=leg_certainty,
                certainties=CERTAINTIES,
                feed=page.webcal(feed, as_of=None),
                slug=slug,
            ),
            media_type=HTML,
        )

    @get("/ui/trips/{trip_id:str}", media_type=HTML, sync_to_thread=True)
    def trip_page(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        store: NamedDependency[EventStore],
        settings: NamedDependency[Settings],
        trip_id: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(readside, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = Page(request, settings, lang, pinned)
        trip = find_trip(schedule, trip_id)
        if trip is None:
            raise ProblemError(404, f"no trip {trip_id!r}")
        found = date_evidence(_trip_rows(store, trip, schedule.position), trip)

        def evidence(item: str, side: str, day: date | None) -> list[Evidence]:
            return evidence_for(found, trip, item, side, day)

        return Template(
            template_name="trip.html",
            context=page.context(
                schedule=schedule,
                pinned=pinned,
                trip=trip,
                legs=sorted(trip.legs, key=lambda leg: leg.sequence),
                days=by_day(trip),
                evidence=evidence,
                certainty=leg_certainty,
                sources=schedule.sources,
                feed=page.webcal(f"/trips/{trip.trip_id}/calendar.ics"),
                slug=slug,
            ),
            media_type=HTML,
        )

    @get("/ui/trips/{trip_id:str}/source", sync_to_thread=True, status_code=303)
    def date_source(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        store: NamedDependency[EventStore],
        settings: NamedDependency[Settings],
        trip_id: FromPath[str],
        item: Annotated[str, QueryParameter(max_length=400, description="a leg's id")],
        side: Annotated[str, QueryParameter(pattern="^(start|end)$")] = "start",
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Redirect:
        """One click from a date to the sentence that stated it: a redirect to that
        sentence in its article, or to the leg on the trip's page when none did (the
        timeline links every leg's dates here, without reading every trip's events)."""
        schedule = _schedule(readside, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = Page(request, settings, lang, pinned)
        trip = find_trip(schedule, trip_id)
        leg = next((leg for leg in trip.legs if leg.leg_id == item), None) if trip else None
        if trip is None or leg is None:
            raise ProblemError(404, f"no leg {item!r} in trip {trip_id!r}")
        found = date_evidence(_trip_rows(store, trip, schedule.position), trip)
        day = leg.start_date if side == "start" else leg.end_date
        evidence = evidence_for(found, trip, leg.leg_id, side, day)
        if evidence:
            first = evidence[0]
            keep = {k: v for k, v in page.keep.items() if k != "as_of"}
            query = urlencode({**keep, "sentence": first.sentence_index})
            target = f"/ui/articles/{first.article_id}?{query}#s{first.sentence_index}"
        else:
            target = page.url(f"/ui/trips/{trip_id}", fragment=leg.leg_id)
        return Redirect(path=target, status_code=303)

    @get("/ui/articles/{article_id:str}", media_type=HTML, sync_to_thread=True)
    def article_page(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        trips: NamedDependency[TripIndex],
        settings: NamedDependency[Settings],
        article_id: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        sentence: Annotated[
            int | None, QueryParameter(ge=0, description="the sentence to highlight")
        ] = None,
    ) -> Template:
        page = Page(request, settings, lang)
        read = read_article(store, article_id, trips.principal_names())
        if read is None:
            raise ProblemError(404, f"no article {article_id!r}")
        article, sentences = read.article, read.sentences
        facts = [
            {
                "position": fact.row.position,
                "type": fact.row.event_type,
                "trip_id": fact.data.get("trip_id"),
                "sentences": sorted({p["sentence_index"] for p in fact.cited}),
                "rules": sorted({p["rule"] for p in fact.cited}),
                "summary": fact_summary(fact.row.event_type, fact.data),
            }
            for fact in read.facts
        ]
        trip_ids = sorted({f["trip_id"] for f in facts if f["trip_id"]})
        return Template(
            template_name="article.html",
            context=page.context(
                article=article,
                position=read.record.position,
                recorded_at=read.record.recorded_at,
                pieces=article_pieces(article.text, sentences),
                facts=facts,
                unread=[s for s in sentences if s.unread],
                chosen=sentence,
                trip_ids=trip_ids,
            ),
            media_type=HTML,
        )

    @get("/ui/people", media_type=HTML, sync_to_thread=True)
    def people_page(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        settings: NamedDependency[Settings],
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(readside, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = Page(request, settings, lang, pinned)
        return Template(
            template_name="people.html",
            context=page.context(pinned=pinned, people=people_of(schedule)),
            media_type=HTML,
        )

    @get("/ui/people/{person:str}", media_type=HTML, sync_to_thread=True)
    def person_page(
        self,
        request: Request[Any, Any, Any],
        readside: NamedDependency[ReadSide],
        settings: NamedDependency[Settings],
        person: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(readside, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = Page(request, settings, lang, pinned)
        found = find_person(schedule, person)
        if found is None:
            raise ProblemError(404, f"no person {person!r} on the schedule")
        feed_path = f"/people/{found.slug}/calendar.ics"
        return Template(
            template_name="person.html",
            context=page.context(
                person=found,
                pinned=pinned,
                timeline=timeline(found.trips, None, None),
                certainty=leg_certainty,
                certainties=CERTAINTIES,
                feed=page.webcal(feed_path) if found.trips and page.routable(feed_path) else None,
            ),
            media_type=HTML,
        )

    @get("/ui/audit", media_type=HTML, sync_to_thread=True)
    def audit_page(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        settings: NamedDependency[Settings],
        lang: Annotated[str | None, _LANG] = None,
        start: Annotated[
            str | None, QueryParameter(name="from", max_length=64, description="a point")
        ] = None,
        end: Annotated[
            str | None, QueryParameter(name="to", max_length=64, description="a point")
        ] = None,
    ) -> Template:
        page = Page(request, settings, lang)
        head = store.last_position()
        result = None
        if start or end:
            try:
                first = resolve(store, start or "0").position
                last = resolve(store, end or str(head)).position
            except ValueError as exc:
                raise ProblemError(400, str(exc)) from None
            result = diff(store, max(0, min(first, head)), max(0, min(last, head)))
        return Template(
            template_name="audit.html",
            context=page.context(
                head=head,
                start=start or "",
                end=end or "",
                diff=result,
                changes=result.changes[:MAX_CHANGES] if result else [],
                hidden=max(0, len(result.changes) - MAX_CHANGES) if result else 0,
                shown=shown,
            ),
            media_type=HTML,
        )
