"""The Litestar application factory: one place that wires settings, store and controllers.

What the app is made of is built apart (`app_config`: routes, middleware, OpenAPI, ...;
`dependencies`: the services routes are handed); here they are put together.
"""

from __future__ import annotations

import functools

from litestar import Litestar
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.types import (
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Message,
    Receive,
    Scope,
    Send,
)

from calendar_svc.api import app_config
from calendar_svc.api.dependencies import AppServices
from calendar_svc.api.head import head_as_get
from calendar_svc.api.observability import RequestIdMiddleware
from calendar_svc.api.query import refuse_unknown_query
from calendar_svc.config import Settings, load_settings
from calendar_svc.store import EventStore


class CalendarApp(Litestar):
    """Litestar, answering HEAD on every GET route (see `head.py`)."""

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] == ScopeType.HTTP:
            # Outside Litestar's middleware, so that even a 404 for no route has an id.
            await self._request_ids(scope, receive, send)  # type: ignore[arg-type]
            return
        await self._dispatch(scope, receive, send)

    async def _dispatch(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] == ScopeType.HTTP and scope.get("method") == "HEAD":
            await head_as_get(super().__call__, scope, receive, send)  # type: ignore[arg-type]
            return
        if scope["type"] == ScopeType.HTTP and scope.get("method") == "OPTIONS":
            await super().__call__(scope, receive, self._with_allow(scope, send))  # type: ignore[arg-type]
            return
        await super().__call__(scope, receive, send)

    @functools.cached_property
    def _request_ids(self) -> RequestIdMiddleware:
        return RequestIdMiddleware(self._dispatch)

    def _with_allow(self, scope: Scope, send: Send) -> Send:
        """Litestar 2.25's OPTIONS answer lists the methods of only one handler when a path
        has several (GET and POST on /articles): list every method the path routes."""
        path = scope.get("path", "")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 204:
                allowed = ["OPTIONS"]
                for method in ("DELETE", "GET", "PATCH", "POST", "PUT"):
                    try:
                        self.asgi_router.handle_routing(path, method)
                    except HTTPException:
                        continue
                    allowed.append(method)
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(sorted(allowed)).encode()))
                message["headers"] = headers
            await send(message)

        return sending


def create_app(settings: Settings | None = None, store: EventStore | None = None) -> Litestar:
    """The app over `store` (or over one it opens, and closes on shutdown)."""
    settings = settings or load_settings()
    services = AppServices.open(settings, store)
    return CalendarApp(
        route_handlers=app_config.route_handlers(),
        dependencies=services.dependencies(),
        state=services.state(),
        middleware=app_config.middleware(),
        template_config=app_config.template_config(),
        guards=[refuse_unknown_query],
        exception_handlers=app_config.exception_handlers(),
        request_max_body_size=app_config.MAX_BODY_BYTES,
        compression_config=app_config.compression_config(),
        cors_config=app_config.cors_config(settings),
        on_startup=[services.start],
        on_shutdown=[services.close],
        plugins=app_config.plugins(),
        openapi_config=app_config.openapi_config(),
        debug=False,
    )
