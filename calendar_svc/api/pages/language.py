"""What a page's ETag must also say, settled outside the ETag middleware.

The ETag middleware tags a response by the log position, its path and query. For a
page that is not enough:

- Language. A page without `?lang=` would be English for one reader and Vietnamese for
  another under the same tag, so the language is settled from `Accept-Language` first
  and written into the query (`lang=vi`): the tag, the handler and the page then agree,
  and the response says it varies by that header. Pages still build their links
  without `lang` when the reader did not choose one, so the browser keeps deciding.
- The page code. A deploy that changes a template at the same log position would have
  a browser's cached page revalidated as unchanged, so page tags carry a digest of the
  templates and this package (`PAGES_VERSION`): a tag from other page code never
  matches, and the page is sent again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from calendar_svc.api.pages.i18n import negotiate
from calendar_svc.api.pages.static import STATIC_VERSION

NEGOTIATED_KEY = "calendar_svc.lang_negotiated"

_PAGES = Path(__file__).resolve().parent


def _digest() -> str:
    h = hashlib.sha256(STATIC_VERSION.encode())
    for directory in (_PAGES, _PAGES.parent / "templates"):
        for path in sorted(directory.glob("*.*")):
            if path.suffix in (".py", ".html"):
                h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:8]


PAGES_VERSION = _digest()
_SUFFIX = f"-v{PAGES_VERSION}"


def is_page(path: str) -> bool:
    return path == "/" or path.startswith("/ui/")


def _has_lang(query: bytes) -> bool:
    return any(part.split(b"=", 1)[0] == b"lang" for part in query.split(b"&"))


def _versioned(tag: bytes) -> bytes:
    """`"p79-abc"` -> `"p79-abc-v<PAGES_VERSION>"` (weak tags keep their `W/`)."""
    text = tag.decode("latin-1").strip()
    if text.endswith('"'):
        return (text[:-1] + _SUFFIX + '"').encode("latin-1")
    return tag


def _for_middleware(if_none_match: bytes) -> bytes:
    """The reader's tags as the ETag middleware gave them: only tags of this page code,
    without their version; the rest can never match."""
    kept: list[str] = []
    for tag in if_none_match.decode("latin-1").split(","):
        tag = tag.strip()
        if tag == "*":
            kept.append(tag)
        elif tag.endswith(_SUFFIX + '"'):
            kept.append(tag[: -len(_SUFFIX) - 1] + '"')
    return ", ".join(kept).encode("latin-1")


class PageLanguageMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not is_page(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        headers = list(scope.get("headers", []))
        if not _has_lang(query):
            accept = next(
                (v.decode("latin-1") for k, v in headers if k.lower() == b"accept-language"),
                None,
            )
            lang = negotiate(accept).encode()
            scope["query_string"] = (query + b"&" if query else b"") + b"lang=" + lang
            scope.setdefault("state", {})[NEGOTIATED_KEY] = True
        scope["headers"] = [
            (k, _for_middleware(v) if k.lower() == b"if-none-match" else v) for k, v in headers
        ]

        async def send_varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *(
                        (k, _versioned(v) if k.lower() == b"etag" else v)
                        for k, v in message.get("headers", [])
                    ),
                    (b"vary", b"Accept-Language"),
                ]
            await send(message)

        await self.app(scope, receive, send_varying)
