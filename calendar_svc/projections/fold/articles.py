"""The fold's table of articles: every source it has recorded or seen cited, numbered
once. A fold holds every article of the log, so they are kept as small encoded tuples
rather than views, and what the rules read of each (its label and publication day) is
worked out once and remembered while it holds.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from datetime import date

import msgspec

from calendar_svc.domain.events import ArticleRecorded, ArticleSource
from calendar_svc.domain.views import SourceRef

_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(tuple[str | None, str | None, date | None, str | None])


class Articles(MutableMapping[str, SourceRef]):
    """`fold.articles`: article id -> `SourceRef`, as a dict, but stored compactly.

    Recorded articles are kept as small msgpack tuples and decoded when read; ids are
    numbered in one table, which the fold's sources use too (one copy of each id)."""

    __slots__ = ("_data", "_missing", "_texts", "index", "names", "version")

    def __init__(self) -> None:
        self._data: dict[str, SourceRef | bytes] = {}
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        #: article number -> (`text`, publication day in ISO or ""), while it holds
        self._texts: dict[int, tuple[str, str]] = {}
        self._missing: set[int] = set()  # numbers named by a text before being recorded
        #: rises whenever a text already worked out may have changed
        self.version = 0

    def number(self, article_id: str) -> int:
        found = self.index.get(article_id)
        if found is None:
            found = self.index[article_id] = len(self.names)
            self.names.append(article_id)
        return found

    def record(self, event: ArticleRecorded | ArticleSource) -> None:
        number = self.number(event.article_id)
        key = self.names[number]
        self._forget(key)
        outlet, url, published_on, title = event.outlet, event.url, event.published_on, event.title
        if (
            (outlet is None or type(outlet) is str)
            and (url is None or type(url) is str)
            and (title is None or type(title) is str)
            and (published_on is None or type(published_on) is date)
        ):
            self._data[key] = _encoder.encode((outlet, url, published_on, title))
        else:  # not what decoding gives: kept as it is
            self._data[key] = SourceRef(
                article_id=key, outlet=outlet, url=url, published_on=published_on, title=title
            )

    def about(self, number: int) -> tuple[str, str]:
        """How a leg's date basis names an article (`dates stated by ...`), and the day it
        was published (ISO, or "" when unknown): what the rules read of a source."""
        text = self._texts.get(number)
        if text is None:
            if len(self._texts) >= 4096:
                self._texts.clear()
            article_id = self.names[number]
            if article_id not in self._data:
                self._missing.add(number)
            published = self.published(article_id)
            text = self._texts[number] = (
                self.text(article_id),
                "" if published is None else published.isoformat(),
            )
        return text

    def published(self, article_id: str) -> date | None:
        held = self._data.get(article_id)
        if held is None:
            return None
        if isinstance(held, bytes):
            return _decoder.decode(held)[2]
        return held.published_on

    def text(self, article_id: str) -> str:
        held = self._data.get(article_id)
        if held is None:
            return f"article {article_id[:12]}"
        if isinstance(held, bytes):
            outlet, _url, published_on, title = _decoder.decode(held)
        else:
            outlet, published_on, title = held.outlet, held.published_on, held.title
        who = outlet or (title and f"“{title}”") or f"article {article_id[:12]}"
        when = f" ({published_on.isoformat()})" if published_on else ""
        return f"{who}{when}"

    def __getitem__(self, article_id: str) -> SourceRef:
        held = self._data[article_id]
        if isinstance(held, bytes):
            outlet, url, published_on, title = _decoder.decode(held)
            return SourceRef(
                article_id=article_id,
                outlet=outlet,
                url=url,
                published_on=published_on,
                title=title,
            )
        return held

    def __setitem__(self, article_id: str, ref: SourceRef) -> None:
        self._forget(article_id)
        self._data[article_id] = ref

    def __delitem__(self, article_id: str) -> None:
        self._forget(article_id)
        del self._data[article_id]

    def _forget(self, article_id: str) -> None:
        """`article_id` is about to be recorded, replaced or deleted."""
        number = self.index.get(article_id)
        if number is not None:
            self._texts.pop(number, None)
            if number in self._missing:
                self._missing.discard(number)
                self.version += 1
        if article_id in self._data:
            self.version += 1

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
