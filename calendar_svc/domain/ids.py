"""Identifiers: of trips, legs and engagements, and the names of the log's streams.

Every id is built here and nowhere else, so a reader of an id (a feed's UID, a page's
address, a stream read back) and its writer can never drift apart. Ids are stable: a
trip is its traveller's slug and first day, a leg its trip and its key (a country code,
or a summit leg's `<code>+summit`), an engagement the item it belongs to and its key.
"""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.values import slug

#: The key of a summit leg in a country the trip also visits ("dự Hội nghị APEC tại Lima
#: và thăm chính thức Peru"): two legs there, the country's code plus this suffix for the
#: summit's (`leg_id` lower-cases it).
SUMMIT_LEG = "+summit"


def trip_id(principal_name: str, start: date) -> str:
    """A trip: whose it is and the first day known when it was founded."""
    return f"{slug(principal_name)}-{start.isoformat()}"


def leg_id(trip: str, key: str) -> str:
    """A leg of `trip`, from its key: a country code, or a summit leg's."""
    return f"{trip}/{key.lower()}"


def is_summit_leg(leg: str) -> bool:
    """Whether a leg id (or key) is a summit leg's (see `SUMMIT_LEG`)."""
    return leg.lower().endswith(SUMMIT_LEG)


def engagement_id(held_in: str, key: str) -> str:
    """An engagement of the leg (or, held nowhere known, the trip) `held_in`."""
    return f"{held_in}/{key}"


def trip_stream(trip: str) -> str:
    """The log stream of one trip's events."""
    return f"trip-{trip}"


def article_stream(article_id: str) -> str:
    """The log stream of one article: its record and nothing else."""
    return f"article-{article_id}"
