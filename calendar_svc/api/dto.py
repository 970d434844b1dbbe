"""What the REST API accepts and returns: msgspec Structs, documented in OpenAPI as is.

The schedule's own views (`TripView`, `LegView`, `EngagementView`) are served unchanged;
these wrap them in pages and add the log and article resources.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast, get_args

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.services.articles import ArticleSummary, SentenceReading
from calendar_svc.store import StoredEvent

#: Closed sets, so the contract lists their values (an enum) instead of any string.
HealthStatus = Literal["ok", "degraded"]
_LANGUAGES = frozenset(get_args(Language))


def language_of(value: str) -> Language:
    """A stored article's language as the contract's enum; outside it is a bug (500)."""
    if value not in _LANGUAGES:
        raise ValueError(f"language {value!r} is not in the contract's enum")
    return cast("Language", value)


class EventOut(msgspec.Struct, frozen=True):
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    recorded_at: datetime
    prev_hash: str
    hash: str


def event_out(row: StoredEvent) -> EventOut:
    """A row of the log as the API shows it (its data and metadata as JSON objects)."""
    return EventOut(
        position=row.position,
        event_id=row.event_id,
        stream_id=row.stream_id,
        stream_version=row.stream_version,
        type=row.event_type,
        schema_version=row.schema_version,
        data=msgspec.json.decode(row.data),
        metadata=msgspec.json.decode(row.metadata),
        recorded_at=row.recorded_at,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class EventPage(msgspec.Struct, frozen=True):
    items: list[EventOut]
    head: int
    next_after: int | None  # pass as `after` for the next page; null when at the head


class ArticleIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An article submission; unknown fields are refused (400), never silently dropped."""

    text: str
    url: str | None = None
    outlet: str | None = None
    language: Language | None = None
    published_at: str | None = None  # ISO date or date-time


class ArticleResult(msgspec.Struct, frozen=True):
    article_id: str
    known: bool
    trip_id: str | None
    events: list[EventOut]


class Citation(msgspec.Struct, frozen=True):
    sentence_index: int
    span: tuple[int, int]
    sentence: str
    rule: str


class Fact(msgspec.Struct, frozen=True):
    position: int
    type: str
    trip_id: str | None
    citations: list[Citation]
    data: dict[str, Any]


class ArticleView(msgspec.Struct, frozen=True):
    article_id: str
    text: str
    language: Language
    language_detected: bool
    url: str | None
    outlet: str | None
    title: str | None
    published_on: date | None
    published_on_inferred: bool
    published_on_basis: str
    recorded_at: datetime
    position: int
    facts: list[Fact]
    #: Every sentence with what was read from it; `unread` ones name a person or a
    #: country yet gave no fact: where to look when the calendar missed something.
    sentences: list[SentenceReading] = msgspec.field(default_factory=list)
    unread_sentences: int = 0


class ArticlePage(msgspec.Struct, frozen=True):
    items: list[ArticleSummary]
    next_after: int | None  # pass as `after` for the next page; null at the end


class Health(msgspec.Struct, frozen=True):
    status: HealthStatus  # "ok", or "degraded" when the log can be read but not written
    database: str
    log_position: int
    projection_position: int
    projection_lag: int
    writable: bool = True
    detail: str | None = None  # why appends fail, when they do


class LogCheckpoint(msgspec.Struct, frozen=True):
    """A signed statement of the log's head. Keep it off this machine: with it an auditor
    proves the log up to `position` unchanged (`calendar-svc verify --checkpoint`). The
    Ed25519 signature (base64) covers the UTF-8 JSON array ``["calendar-svc/checkpoint/v1",
    position, hash, time, recorded_at, key_id, public_key]``; check it with a key obtained
    elsewhere, never with `public_key` alone."""

    position: int  # 0 for the empty log
    hash: str  # the head row's hash (the genesis hash for the empty log)
    time: str  # when it was signed (UTC, microseconds), exactly as signed
    recorded_at: str | None  # the head row's recorded_at, exactly as signed
    key_id: str  # first 16 hex digits of SHA-256 of the raw public key
    public_key: str  # base64 of the raw 32-byte Ed25519 public key
    signature: str  # base64 of the 64-byte signature
