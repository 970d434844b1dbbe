"""RFC 8288 `Link` headers for every list route, so a client walks any list the same
way (follow rel="next" until there is none) whatever the body's paging fields are.

Offset pages (`/trips`, `/schedule`) link to the neighbouring offsets; cursor pages
(`/articles`) link forward to the next cursor. Links are relative references, resolved
against the request's own URL (RFC 3986 §5), so they hold behind any proxy.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import msgspec
from litestar import Request


class _Offsets(msgspec.Struct):
    """The paging fields of an offset page (the rest of the body is skipped unread)."""

    total: int
    limit: int
    offset: int
    position: int


def _link(request: Request[Any, Any, Any], rel: str, **changes: int) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items()]
    return f'<{request.url.path}?{urlencode(params)}>; rel="{rel}"'


def offset_links(
    request: Request[Any, Any, Any], body: bytes, *, pin: bool = False
) -> dict[str, str]:
    """Links to the next and previous pages of an offset page; with `pin`, they carry
    `as_of` = this page's position, so every page shows the same point of the log."""
    page = msgspec.json.decode(body, type=_Offsets)
    extra = {"as_of": page.position} if pin and "as_of" not in request.query_params else {}
    links = []
    if page.offset + page.limit < page.total:
        links.append(_link(request, "next", offset=page.offset + page.limit, **extra))
    if page.offset > 0:
        links.append(_link(request, "prev", offset=max(0, page.offset - page.limit), **extra))
    return {"Link": ", ".join(links)} if links else {}


def cursor_links(request: Request[Any, Any, Any], next_after: int | None) -> dict[str, str]:
    """The next page of a cursor page, while there is one."""
    if next_after is None:
        return {}
    return {"Link": _link(request, "next", after=next_after)}


__all__ = ["cursor_links", "offset_links"]
