"""Unknown query parameters are refused (400 problem) on every route.

A misspelt filter that is silently ignored answers with everything
(`/calendar.ics?principal=x` would list every leader's trips), which looks like an answer
and is not one. The names a route accepts are read from its handler's signature, as
Litestar modelled it at start-up, so a parameter added to a handler is accepted without
any list to keep in step.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.routes import HTTPRoute

from calendar_svc.api.problems import ProblemError

_ACCEPTED_KEY = "calendar_svc.accepted_query"


def accepted_query_names(routes: list[Any]) -> dict[int, frozenset[str]]:
    """For each HTTP handler (by identity), the query parameter names it declares."""
    accepted: dict[int, frozenset[str]] = {}
    for route in routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler, model in route.route_handler_map.values():
            names = frozenset(p.field_alias for p in model.expected_query_params)
            accepted[id(handler)] = names
    return accepted


def _accepted(connection: ASGIConnection[Any, Any, Any, Any]) -> dict[int, frozenset[str]]:
    state = connection.app.state
    table: dict[int, frozenset[str]] | None = state.get(_ACCEPTED_KEY)
    if table is None:
        table = accepted_query_names(list(connection.app.routes))
        state[_ACCEPTED_KEY] = table
    return table


def refuse_unknown_query(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """A guard for every route: 400 naming each query parameter the route does not take,
    and the ones it does."""
    sent = list(dict.fromkeys(connection.query_params.keys()))
    if not sent:
        return
    # The guard is handed a copy of the handler; the scope holds the one that was routed.
    routed = connection.scope.get("route_handler", handler)
    known = _accepted(connection).get(id(routed))
    if known is None:  # a handler not modelled as an HTTP route: nothing to compare with
        return
    unknown = [name for name in sent if name not in known]
    if not unknown:
        return
    takes = ", ".join(sorted(known)) if known else "none"
    raise ProblemError(
        400,
        f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
        f"{', '.join(repr(n) for n in unknown)}; this route takes: {takes}",
    )
