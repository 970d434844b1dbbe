"""Articles: submit one (with the API token) and read back what was taken from it."""

from __future__ import annotations

import hmac
import threading
from datetime import date, datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, QueryParameter

from calendar_svc.api.contract import ETAG_HEADERS, ArticleBody, tagged_responses
from calendar_svc.api.dto import (
    ArticleIn,
    ArticlePage,
    ArticleResult,
    ArticleView,
    Citation,
    Fact,
    event_out,
    language_of,
)
from calendar_svc.api.observability import INGEST_SECONDS, INGESTIONS
from calendar_svc.api.pagination import cursor_links
from calendar_svc.api.params import MAX_POSITION
from calendar_svc.api.problems import ProblemError, problem_responses, unavailable
from calendar_svc.config import Settings
from calendar_svc.services.article_query import read_article
from calendar_svc.services.articles import list_articles
from calendar_svc.services.ingestion import (
    MAX_ARTICLE_BYTES,
    ArticleMeta,
    ArticleRejected,
    Limits,
    TripIndex,
    ingest,
)
from calendar_svc.store import EventStore, StoreError


def require_token(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """Bearer token, compared in constant time; with none configured, writes are off."""
    settings: Settings = connection.app.state["settings"]
    if not settings.api_token:
        raise ProblemError(403, "writes are disabled: CALENDAR_SVC_API_TOKEN is not configured")
    header = connection.headers.get("authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.api_token.encode()
    ):
        raise ProblemError(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


def require_json(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """The body must be declared JSON (415 otherwise), before a byte of it is parsed."""
    media_type = connection.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json" and not (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        raise ProblemError(
            415,
            f"the body must be application/json, not {media_type or 'undeclared'}",
            headers={"Accept-Post": "application/json"},
        )


async def strict_body(request: Request[Any, Any, Any]) -> None:
    """Read the body as an `ArticleIn` before Litestar decodes it as any JSON: msgspec
    refuses an unknown field before reading its value and a wrong type at its first
    token, so no nesting depth reaches a recursive decoder (1,000 levels would)."""
    body = await request.body()
    try:
        msgspec.json.decode(body, type=ArticleIn)
    except msgspec.ValidationError as exc:
        raise ProblemError(400, f"the body is not an article submission: {exc}") from None
    except msgspec.DecodeError as exc:
        raise ProblemError(400, f"the body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ProblemError(400, "the body's JSON is nested too deeply") from None


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ProblemError(422, f"published_at {value!r} is not an ISO date or date-time") from exc


class ArticlesController(Controller):
    path = "/articles"
    tags = ["articles"]  # noqa: RUF012 - Litestar reads this class attribute

    @post(
        guards=[require_token, require_json],
        before_request=strict_body,
        sync_to_thread=True,
        status_code=201,
        summary="Submit an article; its facts are appended to the log in one transaction",
        description="201 with the appended events; 200 with none when the same text was "
        "submitted before. Nothing is appended on any error.",
        responses={
            200: ResponseSpec(ArticleResult, description="Already known: nothing appended"),
            **problem_responses(400, 401, 403, 413, 415, 422, 503),
        },
        security=[{"bearer": []}],
    )
    def submit(
        self,
        store: NamedDependency[EventStore],
        settings: NamedDependency[Settings],
        trips: NamedDependency[TripIndex],
        shutdown: NamedDependency[threading.Event],
        data: ArticleBody,
    ) -> Response[ArticleResult]:
        raw = data.text.encode("utf-8")
        if len(raw) > MAX_ARTICLE_BYTES:
            raise ProblemError(
                413, f"article text is {len(raw)} bytes; the limit is {MAX_ARTICLE_BYTES}"
            )
        meta = ArticleMeta(
            url=data.url,
            outlet=data.outlet,
            language=data.language,
            published_on=_published(data.published_at),
        )
        outcome = "error"
        try:
            with INGEST_SECONDS.time():
                limits = Limits(cpu_seconds=settings.ingest_cpu_seconds, cancel=shutdown)
                report = ingest(store, raw, meta, trips, limits)
            outcome = "known" if report.known else "appended"
        except ArticleRejected as exc:
            outcome = "rejected"
            raise ProblemError(422, str(exc)) from exc
        except StoreError as exc:
            outcome = "unavailable"
            raise unavailable(str(exc)) from exc
        finally:
            INGESTIONS.labels(outcome=outcome).inc()
        events = []
        if report.appended:
            first = report.appended[0][0]
            rows = store.read_page(first - 1, len(report.appended))
            events = [event_out(r) for r in rows]
        result = ArticleResult(
            article_id=report.article_id, known=report.known, trip_id=report.trip_id, events=events
        )
        if report.known:
            return Response(result, status_code=200)
        # The article's own resource, where what was taken from it can be read back.
        return Response(
            result, status_code=201, headers={"Location": f"/articles/{report.article_id}"}
        )

    @get(
        sync_to_thread=True,
        summary="Articles in log order, with the trips their facts went to",
        description="`unlinked=true` lists only the articles that gave no trip fact: what "
        "the service did not understand. Pages by log position: pass `next_after` as "
        "`after`.",
        responses=tagged_responses(400, 503),
        response_headers=ETAG_HEADERS,
    )
    def list_articles(
        self,
        request: Request[Any, Any, Any],
        store: NamedDependency[EventStore],
        after: Annotated[int, QueryParameter(ge=0, le=MAX_POSITION)] = 0,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
        unlinked: Annotated[
            bool | None, QueryParameter(description="only (un)linked articles")
        ] = None,
    ) -> Response[ArticlePage]:
        items, next_after = list_articles(store, after=after, limit=limit, unlinked=unlinked)
        return Response(
            ArticlePage(items=items, next_after=next_after),
            headers=cursor_links(request, next_after),
        )

    @get(
        "/{article_id:str}",
        sync_to_thread=True,
        summary="An article's text and metadata, and each fact taken from it with its span",
        description="Every sentence with what was read from it: `unread` sentences name a "
        "person or a country yet gave no fact. 404 (a problem) for an unknown id.",
        responses=tagged_responses(400, 404),
        response_headers=ETAG_HEADERS,
    )
    def get_article(
        self,
        store: NamedDependency[EventStore],
        trips: NamedDependency[TripIndex],
        article_id: FromPath[str],
    ) -> ArticleView:
        read = read_article(store, article_id, trips.principal_names())
        if read is None:
            raise ProblemError(404, f"no article {article_id!r}")
        article, sentences = read.article, read.sentences
        facts = [
            Fact(
                position=fact.row.position,
                type=fact.row.event_type,
                trip_id=fact.data.get("trip_id"),
                citations=[
                    Citation(
                        sentence_index=p["sentence_index"],
                        span=tuple(p["span"]),
                        sentence=p["sentence"],
                        rule=p["rule"],
                    )
                    for p in fact.cited
                ],
                data=fact.data,
            )
            for fact in read.facts
        ]
        return ArticleView(
            sentences=sentences,
            unread_sentences=sum(1 for s in sentences if s.unread),
            article_id=article.article_id,
            text=article.text,
            language=language_of(article.language),
            language_detected=article.language_detected,
            url=article.url,
            outlet=article.outlet,
            title=article.title,
            published_on=article.published_on,
            published_on_inferred=article.published_on_inferred,
            published_on_basis=article.published_on_basis,
            recorded_at=read.record.recorded_at,
            position=read.record.position,
            facts=facts,
        )
