"""What a feed says, in each of its languages: one `Wording` per language, the same
questions answered in English (`english`) or Vietnamese (`vietnamese`).

The VEVENT writer (`feeds.events`) asks its `Wording` for every word it writes, so a
language is one module of functions and one `Wording` here, never a branch in the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from calendar_svc.api.feeds.wording import english, vietnamese
from calendar_svc.domain.views import EngagementView, LegView, Schedule, TripView

LegText = Callable[[Schedule, TripView, LegView, date, date, list[EngagementView]], list[str]]
EngagementText = Callable[[Schedule, TripView, EngagementView, str], list[str]]
Title = Callable[[str], tuple[str, str]]


@dataclass(frozen=True)
class Wording:
    """The words of a feed in one language."""

    country: Callable[[str | None], str | None]  # a country's name from its code
    name: Callable[[str], str]  # a person's name
    visit_phrase: Callable[[str | None, str], str]  # "state visit to Kazakhstan"
    visit_category: Callable[[str | None], str | None]  # "State visit"
    kind: Callable[[str], str]  # an engagement's kind, as a category
    flagged: Callable[[str, str], str]  # a SUMMARY, marked cancelled or postponed
    when: Callable[[EngagementView, date, date, bool], str]  # an engagement's day (and time)
    leg_text: LegText  # a leg's DESCRIPTION, line by line
    engagement_text: EngagementText  # an engagement's DESCRIPTION, line by line
    visits: str  # the CATEGORIES every leg has
    engagements: str  # the CATEGORIES every engagement has
    feed_title: Callable[[], tuple[str, str]]  # the feed of everything: name, description
    trip_feed_title: Title  # from the trip's id
    country_feed_title: Title  # from the country's name
    person_feed_title: Title  # from the person's name


ENGLISH = Wording(
    country=english.country,
    name=english.name,
    visit_phrase=english.visit_phrase,
    visit_category=english.visit_category,
    kind=english.kind,
    flagged=english.flagged,
    when=english.when,
    leg_text=english.leg_text,
    engagement_text=english.engagement_text,
    visits="Diplomatic visit",
    engagements="Diplomatic engagement",
    feed_title=english.feed_title,
    trip_feed_title=english.trip_feed_title,
    country_feed_title=english.country_feed_title,
    person_feed_title=english.person_feed_title,
)

VIETNAMESE = Wording(
    country=vietnamese.country,
    name=vietnamese.name,
    visit_phrase=vietnamese.visit_phrase,
    visit_category=vietnamese.visit_category,
    kind=vietnamese.kind,
    flagged=vietnamese.flagged,
    when=vietnamese.when,
    leg_text=vietnamese.leg_text,
    engagement_text=vietnamese.engagement_text,
    visits="Chuyến thăm ngoại giao",
    engagements="Hoạt động ngoại giao",
    feed_title=vietnamese.feed_title,
    trip_feed_title=english.trip_feed_title,
    country_feed_title=vietnamese.country_feed_title,
    person_feed_title=vietnamese.person_feed_title,
)

#: The languages a feed is written in, and their words.
WORDINGS: dict[str, Wording] = {"en": ENGLISH, "vi": VIETNAMESE}


def wording(lang: str) -> Wording:
    """The words of a feed in `lang` (English for a language it is not written in)."""
    return WORDINGS.get(lang, ENGLISH)


__all__ = [
    "ENGLISH",
    "VIETNAMESE",
    "WORDINGS",
    "Wording",
    "english",
    "vietnamese",
    "wording",
]
