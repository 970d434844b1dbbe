"""What every page's template gets: the language and its words, the reader's choices
kept across links (language, `as_of`), and the links to the feeds as subscriptions.

Apart from the routes (`controller`), which only choose what a page shows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Request
from litestar.exceptions import HTTPException

from calendar_svc.api.feeds.serving import public_url
from calendar_svc.api.pages import i18n
from calendar_svc.api.pages.language import NEGOTIATED_KEY
from calendar_svc.api.pages.static import static_url
from calendar_svc.config import Settings
from calendar_svc.domain.language import Language


class Page:
    """What every template gets: the language, its words, and link builders that keep
    the reader's explicit choices (language, as_of) across pages."""

    def __init__(
        self,
        request: Request[Any, Any, Any],
        settings: Settings,
        lang: str | None,
        as_of: int | None = None,
    ) -> None:
        self.lang: Language = "vi" if lang == "vi" else "en"
        negotiated = bool(request.scope.get("state", {}).get(NEGOTIATED_KEY))
        self.keep: dict[str, str] = {} if negotiated else {"lang": self.lang}
        if as_of is not None:
            self.keep["as_of"] = str(as_of)
        self.request = request
        self.settings = settings
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
        base = public_url(self.request, self.settings).rstrip("/")
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
