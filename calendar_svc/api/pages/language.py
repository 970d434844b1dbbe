"""Which language a page is in, decided before the ETag is.

The ETag middleware tags a response by its path and query. A page without `?lang=`
would be English for one reader and Vietnamese for another under the same tag, so this
middleware, outside it, settles the language from `Accept-Language` first and writes it
into the query (`lang=vi`): the tag, the handler and the page then agree, and the
response says it varies by that header. Pages still build their links without `lang`
when the reader did not choose one, so the browser keeps deciding.
"""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from calendar_svc.api.pages.i18n import negotiate

NEGOTIATED_KEY = "calendar_svc.lang_negotiated"


def is_page(path: str) -> bool:
    return path == "/" or path.startswith("/ui/")


def _has_lang(query: bytes) -> bool:
    return any(part.split(b"=", 1)[0] == b"lang" for part in query.split(b"&"))


class PageLanguageMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not is_page(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        if not _has_lang(query):
            accept = None
            for key, value in scope.get("headers", []):
                if key.lower() == b"accept-language":
                    accept = value.decode("latin-1")
                    break
            lang = negotiate(accept).encode()
            scope["query_string"] = (query + b"&" if query else b"") + b"lang=" + lang
            scope.setdefault("state", {})[NEGOTIATED_KEY] = True

        async def send_varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"vary", b"Accept-Language")]
            await send(message)

        await self.app(scope, receive, send_varying)
