"""Errors as RFC 9457 problem details (`application/problem+json`), for every route.

One exception handler turns any HTTP error (ours, Litestar's validation and routing
errors) into a problem document; anything unexpected becomes a 500 problem without
internals. `problem_responses` documents them in the OpenAPI contract.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable
from http import HTTPStatus
from typing import Any, get_type_hints

import msgspec
import psycopg
from litestar import Request, Response
from litestar.exceptions import HTTPException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import ParameterKwarg
from sqlalchemy.exc import DataError, IntegrityError

from calendar_svc.api.observability import request_id_of
from calendar_svc.store import StoreError

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("calendar_svc.api")


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details."""

    title: str
    status: int
    type: str = "about:blank"
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None
    #: An extension member (RFC 9457 §3.2): the id this request is logged under, as sent
    #: in X-Request-ID, so a client's report leads to the server's log lines.
    request_id: str | None = None


class ProblemError(HTTPException):
    """Raise with a status and a human detail; rendered as a problem document."""

    def __init__(self, status: int, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail=detail, status_code=status, headers=headers)


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    detail: str | None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Problem]:
    return Response(
        Problem(
            title=_title(status),
            status=status,
            detail=detail,
            instance=str(request.url.path),
            errors=errors,
            request_id=request_id_of(request.scope),
        ),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


@functools.cache
def _public_names(fn: Callable[..., Any]) -> dict[str, str]:
    """Python parameter name -> the name a client sends (`date_from` -> `from`)."""
    try:
        hints = get_type_hints(fn, include_extras=True)
    except (NameError, TypeError):  # pragma: no cover - unresolvable annotations
        return {}
    return {
        name: meta.name
        for name, hint in hints.items()
        for meta in getattr(hint, "__metadata__", ())
        if isinstance(meta, ParameterKwarg) and meta.name
    }


def _as_sent(request: Request[Any, Any, Any], error: dict[str, Any]) -> dict[str, Any]:
    """Validation errors name the handler's Python parameter; clients know the wire name."""
    handler = request.scope.get("route_handler")
    fn = getattr(handler, "fn", None)
    key = error.get("key")
    if fn is None or not isinstance(key, str):
        return error
    public = _public_names(fn).get(key)
    return {**error, "key": public} if public else error


def http_exception_handler(
    request: Request[Any, Any, Any], exc: HTTPException
) -> Response[Problem]:
    errors = None
    if isinstance(exc.extra, list):
        errors = [
            _as_sent(request, e) if isinstance(e, dict) else {"detail": str(e)} for e in exc.extra
        ]
    elif isinstance(exc.extra, dict):
        errors = [_as_sent(request, exc.extra)]
    status = exc.status_code
    detail = exc.detail
    if status == 400 and errors:
        detail = "the request's parameters or body are not valid: see errors"
    return problem_response(request, status, detail, errors, dict(exc.headers or {}) or None)


#: What a 503 tells clients to wait before trying again, in seconds.
RETRY_AFTER_SECONDS = 5


def unavailable(detail: str) -> ProblemError:
    """A 503 with Retry-After: nothing was written, the same request may succeed later."""
    return ProblemError(503, detail, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def database_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """The database could not serve the request (down, frozen, locked, full, read-only,
    not migrated): a 503 within the store's timeouts, never a 500 or a hang."""
    if isinstance(
        exc, IntegrityError | DataError | sqlite3.IntegrityError | psycopg.IntegrityError
    ):
        # a bug of ours, not the database's state
        return internal_error_handler(request, exc)
    reason = exc.detail if isinstance(exc, HTTPException) else database_reason(exc)
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, reason)
    return problem_response(
        request,
        503,
        f"the database cannot serve this request now ({reason}); nothing was written",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def database_reason(exc: Exception) -> str:
    """One line on what failed, without SQL or parameters."""
    if isinstance(exc, StoreError):
        return str(exc)
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return first[:200]


def internal_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, "an internal error occurred; it has been logged")


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    return {
        status: ResponseSpec(
            data_container=Problem,
            description=_title(status),
            media_type=PROBLEM_JSON,
            generate_examples=False,
        )
        for status in statuses
    }
