"""What the place reader returns: a resolved place and where a text names it.

Apart from the tables and the matching so that callers (extraction, engagements, the
article service) depend on these two structs only.
"""

from __future__ import annotations

from typing import Literal

import msgspec

Kind = Literal["country", "city", "airport", "landmark"]


class Place(msgspec.Struct, frozen=True):
    """A resolved place; ``country_code`` is ISO 3166-1 alpha-2 (plus XK)."""

    kind: Kind
    country_code: str
    name: str
    name_vi: str | None = None
    city: str | None = None
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class PlaceMention(msgspec.Struct, frozen=True):
    """One place named in a text; ``text == source[span[0]:span[1]]``."""

    place: Place
    span: tuple[int, int]
    text: str
