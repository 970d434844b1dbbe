"""What one feed shows and how it names itself: the `FeedSpec` every feed is rendered from."""

from __future__ import annotations

from datetime import date, timedelta

import msgspec

from calendar_svc.api.feeds.wording import WORDINGS

#: The languages a feed is written in.
LANGUAGES = tuple(WORDINGS)

#: The values of `FeedSpec.engagements`.
ENGAGEMENT_MODES = ("dated", "none")


class FeedSpec(msgspec.Struct, frozen=True):
    """What one feed shows and how it names itself."""

    name: str  # NAME / X-WR-CALNAME
    description: str  # X-WR-CALDESC
    base_url: str  # e.g. "http://127.0.0.1:8000", for URL properties
    trip_id: str | None = None  # only this trip
    country: str | None = None  # only legs hosted by this country and engagements held there
    refresh: timedelta = timedelta(hours=6)
    #: "dated": each engagement whose day is known is an event, the others are listed in
    #: their leg's DESCRIPTION; "none": no engagement events, every engagement is listed.
    engagements: str = "dated"
    #: only trips whose principal's slug contains this (as `/trips?principal=` reads it)
    principal: str | None = None
    #: only items with a day in this period (inclusive; either end open)
    date_from: date | None = None
    date_to: date | None = None
    #: only these trips (a person's, as principal) and, of other trips, these legs (the
    #: legs the person hosted); None: every trip
    trip_ids: frozenset[str] | None = None
    leg_ids: frozenset[str] = frozenset()
    #: "en", or "vi": titles, countries, days and people's names in Vietnamese
    lang: str = "en"
