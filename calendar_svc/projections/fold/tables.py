"""What the fold numbers once for all its trips: articles, people and places, and the
times revisions were raised at. A trip's state holds numbers into these tables, which is
what keeps it small; gathering, rendering and snapshots all read them, so they are one
object the fold hands to each rather than the fold itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from calendar_svc.domain.values import PersonRef, PlaceRef
from calendar_svc.projections.fold.articles import Articles
from calendar_svc.projections.fold.state import FoldedTrip

_key_encoder = msgspec.msgpack.Encoder()


class Tables:
    """The fold's numbered values: `articles` (ids and what the rules read of each),
    `values` (people, places and lists of people), `times` (revision times)."""

    __slots__ = ("_value_index", "articles", "times", "values")

    def __init__(self) -> None:
        self.articles = Articles()
        self.values: list[Any] = []  # people and places, by number
        self._value_index: dict[bytes, int] = {}
        self.times: list[datetime | None] = []  # the times revisions were raised at

    def value(self, value: PersonRef | PlaceRef | tuple[PersonRef, ...]) -> int:
        """The number of a person, a place or a list of people; equal values (to the bit:
        encoded alike) share one."""
        key = _key_encoder.encode(value)
        found = self._value_index.get(key)
        if found is None:
            found = self._value_index[key] = len(self.values)
            self.values.append(value)
        return found

    def time_number(self, at: datetime | None) -> int:
        times = self.times
        if not times or times[-1] is not at:
            times.append(at)
        return len(times) - 1

    def texts(self, trip: FoldedTrip) -> list[str]:
        """What the rules read of the trip's sources, two strings each: how a date basis
        names it, and its publication day (ISO, or "")."""
        about = self.articles.about
        texts: list[str] = []
        for article in trip.sources:
            texts.extend(about(article))
        return texts
