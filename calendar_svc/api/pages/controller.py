"""The pages people read: the timeline at `/`, and `/ui/...` for a trip, an article, a
person and the auditor's view. Server-rendered (Jinja2), readable without JavaScript.

Every page takes `lang` (`en`, `vi`; `Accept-Language` otherwise) and the pages of the
schedule take `as_of`, so an auditor sees any of them as it stood at a point of the log.
The JSON and feeds stay at their own paths; a page links to the matching feed as a
`webcal://` subscription.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

import msgspec
from litestar import Controller, Request, get
from litestar.datastructures import State
from litestar.exceptions import HTTPException
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from calendar_svc.api.controllers.feeds import public_url
from calendar_svc.api.controllers.people import Person, find_person, people_of
from calendar_svc.api.controllers.schedule import schedule_at
from calendar_svc.api.controllers.trips import _overlaps
from calendar_svc.api.pages import i18n
from calendar_svc.api.pages.language import NEGOTIATED_KEY
from calendar_svc.api.pages.static import static_url
from calendar_svc.api.pages.views import (
    CERTAINTIES,
    Evidence,
    RowOf,
    by_principal,
    date_evidence,
    evidence_for,
    leg_certainty,
    timeline,
)
from calendar_svc.api.params import as_of_param
from calendar_svc.api.problems import ProblemError
from calendar_svc.api.readside import ReadSide
from calendar_svc.domain.events import ArticleRecorded, decode
from calendar_svc.domain.values import slug
from calendar_svc.domain.views import EngagementView, LegView, Schedule, TripView
from calendar_svc.projections.replay import diff, resolve
from calendar_svc.services.articles import read_sentences, transaction_after
from calendar_svc.services.ingestion import TripIndex, article_stream
from calendar_svc.store import EventStore

HTML = "text/html"
_LANG = QueryParameter(description="the page's language: en or vi (else Accept-Language)")
_AS_OF = QueryParameter(description="a log position or an ISO 8601 date-time")
#: The longest period the timeline shows unless asked for another: a year of visits
#: would be thousands of bars no one can read.
DEFAULT_DAYS = 92
#: The most changes one diff page lists (the JSON at /diff has them all).
MAX_CHANGES = 400


class _Page:
    """What every template gets: the language, its words, and link builders that keep
    the reader's explicit choices (language, as_of) across pages."""

    def __init__(
        self, request: Request[Any, Any, Any], lang: str | None, as_of: int | None = None
    ) -> None:
        self.lang: i18n.Lang = "vi" if lang == "vi" else "en"
        negotiated = bool(request.scope.get("state", {}).get(NEGOTIATED_KEY))
        self.keep: dict[str, str] = {} if negotiated else {"lang": self.lang}
        if as_of is not None:
            self.keep["as_of"] = str(as_of)
        self.request = request
        self.path = request.url.path
        self.query = {k: v for k, v in request.query_params.items() if k != "lang"}

    def t(self, text: str) -> str:
        return i18n.translate(text, self.lang)

    def url(self, path: str, fragment: str | None = None, **params: Any) -> str:
        query = {**self.keep, **{k: str(v) for k, v in params.items() if v is not None}}
        tail = f"?{urlencode(query)}" if query else ""
        return path + tail + (f"#{fragment}" if fragment else "")

    def switch(self, lang: str) -> str:
        """This page in another language (the reader's choice from now on)."""
        return f"{self.path}?{urlencode({**self.query, 'lang': lang})}"

    def now(self) -> str:
        """This page at the log's head: the same query without `as_of`."""
        query = {k: v for k, v in self.query.items() if k != "as_of"}
        if "lang" in self.keep:
            query["lang"] = self.lang
        return self.path + (f"?{urlencode(query)}" if query else "")

    def webcal(self, path: str, **params: Any) -> str:
        """The subscription link: where the service runs, as the feeds' own links say
        (`CALENDAR_SVC_PUBLIC_URL` when set, else the address that answered)."""
        base = public_url(self.request, self.request.app.state["settings"]).rstrip("/")
        host = base.split("://", 1)[-1]
        query = {k: str(v) for k, v in params.items() if v is not None}
        return f"webcal://{host}{path}" + (f"?{urlencode(query)}" if query else "")

    def routable(self, path: str) -> bool:
        """Whether this app serves GET `path` (a feed another part may not have yet)."""
        try:
            self.request.app.asgi_router.handle_routing(path, "GET")
        except HTTPException:
            return False
        return True

    def context(self, **values: Any) -> dict[str, Any]:
        return {
            "page": self,
            "static": static_url,
            "t": self.t,
            "lang": self.lang,
            "country": lambda code: i18n.country(code, self.lang),
            "day": lambda d: i18n.day(d, self.lang),
            "span": lambda a, b: i18n.span(a, b, self.lang),
            "reported": lambda x: i18n.reported(x.status, x.status_as_of, self.lang),
            "weekday": lambda d: i18n.weekday(d, self.lang),
            "tick": lambda d: i18n.tick(d, self.lang),
            **values,
        }


def default_period(trips: list[TripView]) -> tuple[date | None, date | None]:
    """All the trips' days when they fit in `DEFAULT_DAYS`, else the last `DEFAULT_DAYS`
    up to the latest day any trip reaches (what the news is about); (None, None) when no
    trip has a date."""
    days = [d for t in trips for d in (t.start_date, t.end_date) if d is not None]
    if not days:
        return None, None
    first, last = min(days), max(days)
    if (last - first).days < DEFAULT_DAYS:
        return None, None
    return last - timedelta(days=DEFAULT_DAYS - 1), last


def _rows_by_person(people: list[Person]) -> RowOf:
    """A timeline row per person, however each article wrote their name."""
    travellers = {
        trip.trip_id: (person.slug, person.name, person.title)
        for person in people
        for trip in person.trips
    }
    return lambda trip: travellers.get(trip.trip_id) or by_principal(trip)


def _schedule(state: State, as_of_raw: str | None, as_of: int | datetime | None) -> Schedule:
    readside: ReadSide = state["readside"]
    return schedule_at(readside, as_of_param(as_of_raw, as_of))[0]


def _trip_rows(store: EventStore, trip: TripView, position: int) -> list[Any]:
    return [r for r in store.read_stream(f"trip-{trip.trip_id}") if r.position <= position]


class PagesController(Controller):
    tags = ["pages"]  # noqa: RUF012 - Litestar reads this class attribute
    include_in_schema = False

    @get("/", media_type=HTML, sync_to_thread=True)
    def timeline_page(
        self,
        request: Request[Any, Any, Any],
        state: State,
        lang: Annotated[str | None, _LANG] = None,
        principal: Annotated[str | None, QueryParameter(max_length=200)] = None,
        country: Annotated[str | None, QueryParameter(max_length=2)] = None,
        date_from: Annotated[date | None, QueryParameter(name="from")] = None,
        date_to: Annotated[date | None, QueryParameter(name="to")] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(state, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = _Page(request, lang, pinned)
        who = slug(principal) if principal else None
        code = country.upper() if country else None
        if code is not None and (len(code) != 2 or not code.isalpha()):
            raise ProblemError(400, f"country {country!r} is not an ISO 3166-1 alpha-2 code")
        people = [p for p in people_of(schedule) if p.trips]
        person = next((p for p in people if who and (p.slug == who or p.answers_to(who))), None)
        theirs = {t.trip_id for t in person.trips} if person else None
        chosen = [
            trip
            for trip in schedule.trips
            if (
                who is None
                or (trip.trip_id in theirs if theirs else who in slug(trip.principal.name))
            )
            and (code is None or any(leg.country_code == code for leg in trip.legs))
            and _overlaps(trip.start_date, trip.end_date, date_from, date_to)
        ]
        if date_from is None and date_to is None:
            date_from, date_to = default_period(chosen)
            if date_from is not None:
                chosen = [
                    t for t in chosen if _overlaps(t.start_date, t.end_date, date_from, date_to)
                ]
        chosen.sort(key=lambda t: (t.start_date or date.max, t.trip_id))
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
                head=state["readside"].head(),
                trips=chosen,
                timeline=timeline(chosen, date_from, date_to, _rows_by_person(people)),
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
        state: State,
        trip_id: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(state, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = _Page(request, lang, pinned)
        trip = next((t for t in schedule.trips if t.trip_id == trip_id), None)
        if trip is None:
            raise ProblemError(404, f"no trip {trip_id!r}")
        store: EventStore = state["store"]
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
                days=_by_day(trip),
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
        state: State,
        trip_id: FromPath[str],
        item: Annotated[str, QueryParameter(max_length=400, description="a leg's id")],
        side: Annotated[str, QueryParameter(pattern="^(start|end)$")] = "start",
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Redirect:
        """One click from a date to the sentence that stated it: a redirect to that
        sentence in its article, or to the leg on the trip's page when none did (the
        timeline links every leg's dates here, without reading every trip's events)."""
        schedule = _schedule(state, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = _Page(request, lang, pinned)
        trip = next((t for t in schedule.trips if t.trip_id == trip_id), None)
        leg = next((leg for leg in trip.legs if leg.leg_id == item), None) if trip else None
        if trip is None or leg is None:
            raise ProblemError(404, f"no leg {item!r} in trip {trip_id!r}")
        store: EventStore = state["store"]
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
        state: State,
        article_id: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        sentence: Annotated[
            int | None, QueryParameter(ge=0, description="the sentence to highlight")
        ] = None,
    ) -> Template:
        page = _Page(request, lang)
        store: EventStore = state["store"]
        rows = list(store.read_stream(article_stream(article_id)))
        if not rows:
            raise ProblemError(404, f"no article {article_id!r}")
        record = rows[0]
        article = decode(record.event_type, record.schema_version, record.data)
        assert isinstance(article, ArticleRecorded)
        facts: list[dict[str, Any]] = []
        citations: list[tuple[int, tuple[int, int]]] = []
        for row in transaction_after(store, record):
            data = msgspec.json.decode(row.data)
            cited = [p for p in data.get("provenance", []) if p.get("article_id") == article_id]
            citations += [(row.position, (p["span"][0], p["span"][1])) for p in cited]
            facts.append(
                {
                    "position": row.position,
                    "type": row.event_type,
                    "trip_id": data.get("trip_id"),
                    "sentences": sorted({p["sentence_index"] for p in cited}),
                    "rules": sorted({p["rule"] for p in cited}),
                    "summary": _fact_summary(row.event_type, data),
                }
            )
        trips: TripIndex = state["trips"]
        sentences = read_sentences(
            article.text, article.language, citations, principals=trips.principal_names()
        )
        pieces: list[tuple[str, Any]] = []  # ("gap", text) or ("sentence", reading)
        cursor = 0
        for reading in sentences:
            start, end = reading.span
            if start > cursor:
                pieces.append(("gap", article.text[cursor:start]))
            pieces.append(("sentence", reading))
            cursor = max(cursor, end)
        if cursor < len(article.text):
            pieces.append(("gap", article.text[cursor:]))
        trip_ids = sorted({f["trip_id"] for f in facts if f["trip_id"]})
        return Template(
            template_name="article.html",
            context=page.context(
                article=article,
                position=record.position,
                recorded_at=record.recorded_at,
                pieces=pieces,
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
        state: State,
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(state, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = _Page(request, lang, pinned)
        return Template(
            template_name="people.html",
            context=page.context(pinned=pinned, people=people_of(schedule)),
            media_type=HTML,
        )

    @get("/ui/people/{person:str}", media_type=HTML, sync_to_thread=True)
    def person_page(
        self,
        request: Request[Any, Any, Any],
        state: State,
        person: FromPath[str],
        lang: Annotated[str | None, _LANG] = None,
        as_of: Annotated[int | datetime | None, _AS_OF] = None,
    ) -> Template:
        schedule = _schedule(state, request.query_params.get("as_of"), as_of)
        pinned = schedule.position if as_of is not None else None
        page = _Page(request, lang, pinned)
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
        state: State,
        lang: Annotated[str | None, _LANG] = None,
        start: Annotated[
            str | None, QueryParameter(name="from", max_length=64, description="a point")
        ] = None,
        end: Annotated[
            str | None, QueryParameter(name="to", max_length=64, description="a point")
        ] = None,
    ) -> Template:
        page = _Page(request, lang)
        store: EventStore = state["store"]
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
                shown=_shown,
            ),
            media_type=HTML,
        )


def _by_day(trip: TripView) -> list[tuple[date | None, LegView | None, list[EngagementView]]]:
    """Engagements on their day, in order; those whose day is unknown last, by leg."""
    dated: dict[date, list[EngagementView]] = {}
    undated: dict[str, list[EngagementView]] = {}
    for engagement in trip.engagements:
        if engagement.start_date is not None and engagement.start_date == engagement.end_date:
            dated.setdefault(engagement.start_date, []).append(engagement)
        else:
            undated.setdefault(engagement.leg_id or "", []).append(engagement)
    ordered: list[tuple[date | None, LegView | None, list[EngagementView]]] = [
        (day, None, sorted(items, key=lambda e: (e.local_time is None, e.local_time, e.title)))
        for day, items in sorted(dated.items())
    ]
    legs = {leg.leg_id: leg for leg in trip.legs}
    for leg_id, items in undated.items():
        ordered.append((None, legs.get(leg_id), sorted(items, key=lambda e: e.title)))
    return ordered


def _fact_summary(event_type: str, data: dict[str, Any]) -> str:
    """A fact in a few words, from the fields a reader checks against the sentence."""
    parts: list[str] = []
    for key in ("country_code", "leg_id", "engagement_id", "fact", "value", "claimed"):
        value = data.get(key)
        if isinstance(value, str) and value and key != "engagement_id":
            parts.append(value)
    for key in ("window", "trip_window", "revised"):
        window = data.get(key)
        if isinstance(window, dict):
            parts.append(f"{window.get('start')} – {window.get('end')}")
    for key in ("at",):
        moment = data.get(key)
        if isinstance(moment, dict) and moment.get("day"):
            parts.append(str(moment["day"]))
    if isinstance(data.get("on"), str):
        parts.append(data["on"])
    if isinstance(data.get("title"), str):
        parts.append(data["title"])
    return " · ".join(dict.fromkeys(parts))


def _shown(value: Any) -> str:
    """A diff's before/after value, short: an added item by its few telling fields."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        keys = ("country_code", "title", "start_date", "end_date", "status")
        picked = [str(value[k]) for k in keys if value.get(k) not in (None, "")]
        return " · ".join(picked) or "…"
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value[:6]) + (" …" if len(value) > 6 else "")
    return str(value)
