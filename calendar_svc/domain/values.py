"""Value types shared by events, projections and the API. Pure data, no I/O."""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import date, time
from typing import Literal

import msgspec

#: A leg's or a trip's status (the rules: `calendar_svc.domain.rules`); a closed set, so
#: typed as one: the API's contract lists the values.
Status = Literal["announced", "in_progress", "concluded", "postponed", "cancelled"]
#: An engagement is reported until a source cancels it (or its leg or trip).
EngagementStatus = Literal["reported", "cancelled"]


class VisitType(enum.StrEnum):
    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    EVENT = "attending_event"  # attending a summit, ceremony or conference
    UNSPECIFIED = "visit"


class EngagementKind(enum.StrEnum):
    TALKS = "talks"
    MEETING = "meeting"
    CEREMONY = "ceremony"
    SPEECH = "speech"
    FORUM = "forum"
    SIGNING = "signing"
    WREATH_LAYING = "wreath_laying"
    BANQUET = "banquet"
    PRESS = "press"
    SITE_VISIT = "site_visit"
    RECEPTION = "reception"
    OTHER = "other"


class Certainty(enum.StrEnum):
    """How sure a shown date is, weakest first (see `calendar_svc.domain.rules`).

    `disputed`: sources disagree (the view shows the reading more of them give);
    `inferred`: no source states it, a rule filled it in; `stated`: one source states it;
    `corroborated`: two or more sources state it and none says otherwise. A disputed date
    is the least sure: a source contradicts it, which is worse than no source at all.
    """

    DISPUTED = "disputed"
    INFERRED = "inferred"
    STATED = "stated"
    CORROBORATED = "corroborated"

    @property
    def rank(self) -> int:
        """0 for the least sure (`disputed`) to 3 for the surest (`corroborated`)."""
        return _CERTAINTY_RANK[self]

    @property
    def confirmed(self) -> bool:
        """Whether a source states the date (what feeds call CONFIRMED)."""
        return self is Certainty.STATED or self is Certainty.CORROBORATED


_CERTAINTY_RANK = {certainty: rank for rank, certainty in enumerate(Certainty)}


class DateWindow(msgspec.Struct, frozen=True):
    """Inclusive first and last day."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


class PersonRef(msgspec.Struct, frozen=True):
    name: str
    title: str | None = None


class PlaceRef(msgspec.Struct, frozen=True):
    country_code: str
    city: str | None = None
    place: str | None = None  # a named site: "Red Square", "Nội Bài International Airport"
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class Moment(msgspec.Struct, frozen=True):
    """A day, with what is known of the time of day, in the place's own zone."""

    day: date
    day_part: str | None = None  # "morning", "noon", "afternoon", ...
    local_time: time | None = None
    timezone: str | None = None


class Provenance(msgspec.Struct, frozen=True):
    """Where a fact came from: the sentence that said it and the rule that read it."""

    article_id: str
    sentence_index: int
    span: tuple[int, int]  # character offsets into the article's text
    sentence: str
    rule: str


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated: stable readable ids ("Tô Lâm" -> "to-lam")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unknown"
