"""Ingest articles: the one place where the pure ingest layer meets the log.

One article is one append, one transaction: the `ArticleRecorded` event and every fact
derived from it land together or not at all. The article's stream is keyed by the
SHA-256 of its bytes, so the same bytes twice append nothing. Trip streams are appended
with their expected versions; if another writer got there first, the article is read
again against the new state (optimistic concurrency).
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from datetime import date, timedelta

import msgspec

from calendar_svc import __version__
from calendar_svc.domain.events import (
    EVENT_TYPES,
    ArticleRecorded,
    DomainEvent,
    TripEvent,
    decode,
    encode,
)
from calendar_svc.domain.ids import article_stream, trip_stream
from calendar_svc.domain.language import Language
from calendar_svc.domain.trip import TripState, apply
from calendar_svc.ingest.assemble import assemble
from calendar_svc.ingest.budget import BudgetExceeded, Cancelled, budget
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import ParsedArticle, parse_article
from calendar_svc.services import trip_snapshot
from calendar_svc.services.trip_states import TripStates, trips_of
from calendar_svc.store import (
    NO_STREAM,
    ConcurrencyError,
    EventStore,
    NewEvent,
    StoreError,
    StoreUnavailable,
)

_RETRIES = 5
_TRIP_TYPES = [name for name, cls in EVENT_TYPES.items() if issubclass(cls, TripEvent)]
MAX_ARTICLE_BYTES = 1024 * 1024


class ArticleRejected(ValueError):
    """The input is not an article we can read; nothing was written."""


class ArticleMeta(msgspec.Struct, frozen=True):
    url: str | None = None
    outlet: str | None = None
    language: Language | None = None
    published_on: date | None = None


class IngestReport(msgspec.Struct, frozen=True):
    article_id: str
    known: bool  # the same bytes were ingested before: nothing appended
    appended: list[tuple[int, str, str]]  # (position, event type, trip or article stream)
    trip_id: str | None = None


def decode_text(raw: bytes) -> str:
    """UTF-8 prose or a clear refusal: empty, binary and undecodable input are not articles."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleRejected(f"article is {len(raw)} bytes; the limit is {MAX_ARTICLE_BYTES}")
    if b"\x00" in raw:
        raise ArticleRejected("article contains NUL bytes: binary data, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            f"article is not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ArticleRejected("article is empty")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 200):
        raise ArticleRejected("article is mostly control characters: binary data, not text")
    if sum(ch.isalpha() for ch in text) < 20:
        raise ArticleRejected("article has too little text to read")
    return text


class TripIndex:
    """What ingestion knows of every trip, folded once and caught up from the log.

    Recognising an article's trip needs every trip's state; folding the whole log for
    each article would make ingestion slower as the log grows. A long-lived index (one
    per API process, one per CLI run) reads only the trip events appended since it last
    looked. Positions are gap-free and commit in order, so "after my position" misses
    nothing. Another process's appends are caught up on the next article; the append's
    expected versions reject a state that went stale in between, and ingestion retries.
    """

    def __init__(self, store: EventStore, *, from_snapshot: bool = True) -> None:
        self.store = store
        self.trips: MutableMapping[str, TripState] = {}
        self.position = 0
        #: trip id -> position of the last event folded into it (what a snapshot rewrites).
        self.changed_at: dict[str, int] = {}
        #: Held for a whole ingestion: the states are mutated in place by catch-up.
        self.lock = threading.RLock()
        # The first catch-up starts from the stored snapshot (see `trip_snapshot`), if any.
        self._from_snapshot = from_snapshot

    def _restore(self) -> None:
        """Start from the stored snapshot instead of position 0, once, if one is usable:
        the travellers' names only, each state decoded when first needed (`trip_states`)."""
        self._from_snapshot = False
        stored = trip_snapshot.load(self.store)
        if stored is not None and stored.position > self.position:
            self.trips = TripStates(stored.principals, self._stored_states)
            self.changed_at = stored.changed_at
            self.position = stored.position

    def _stored_states(self, trip_ids: list[str]) -> dict[str, TripState]:
        """States as of this index's position: the stored row when it is the one this index
        started from, else (another process rewrote it since) the trip's own stream."""
        rows = trip_snapshot.load_states(self.store, trip_ids)
        states: dict[str, TripState] = {}
        for trip_id in trip_ids:
            row = rows.get(trip_id)
            if row is not None and row[0] == self.changed_at.get(trip_id):
                states[trip_id] = row[1]
            else:
                states[trip_id] = self._fold_stream(trip_id)
        return states

    def _fold_stream(self, trip_id: str) -> TripState:
        state: TripState | None = None
        for stored in self.store.read_stream(trip_stream(trip_id)):
            if stored.position > self.position:
                break
            event = decode(stored.event_type, stored.schema_version, stored.data)
            assert isinstance(event, TripEvent)
            state = apply(state, event, stored.event_id)
        if state is None:
            raise StoreError(f"trip {trip_id} is indexed but its stream has no events")
        return state

    def save_snapshot(self) -> bool:
        """Store this index's fold (the trips changed since the stored one), so the next
        process starts here. True when it was written; False if the stored one is as new."""
        with self.lock:
            return trip_snapshot.save(
                self.store,
                trip_snapshot.Snapshot(self.position, self.trips, self.changed_at),
            )

    def catch_up(self) -> MutableMapping[str, TripState]:
        with self.lock:
            if self._from_snapshot:
                self._restore()
            while True:
                # Filtered in SQL on (event_type, position): article texts never fetched.
                page = self.store.read_page(self.position, 1000, event_types=_TRIP_TYPES)
                for stored in page:
                    event = decode(stored.event_type, stored.schema_version, stored.data)
                    assert isinstance(event, TripEvent)
                    known = self.trips.get(event.trip_id)
                    self.trips[event.trip_id] = apply(known, event, stored.event_id)
                    self.changed_at[event.trip_id] = stored.position
                if page:
                    self.position = page[-1].position
                if len(page) < 1000:
                    return self.trips

    def principal_names(self) -> list[str]:
        """The travellers of the trips this index has seen (as last caught up)."""
        with self.lock:
            if isinstance(self.trips, TripStates):
                return sorted(self.trips.principal_names())
            names = {t.principal.name for t in self.trips.values() if t.principal is not None}
        return sorted(names)


def load_trips(store: EventStore) -> dict[str, TripState]:
    """Fold every trip event on the log into what ingestion needs to recognise facts."""
    return dict(TripIndex(store, from_snapshot=False).catch_up())


def _published(
    parsed: ParsedArticle, meta: ArticleMeta, facts: ArticleFacts
) -> tuple[date | None, bool, str]:
    """The publication day, where it comes from, and whether it was inferred."""
    if meta.published_on is not None:
        return meta.published_on, False, "given"
    if parsed.published_on is not None:
        return parsed.published_on, False, "header"
    days = facts.known_days()
    if not days:
        return None, False, "unknown"
    reported = facts.departures or facts.arrivals or facts.conclusions or facts.returns
    if reported:
        last = max(days)
        return last, True, f"inferred: reports movements up to {last.isoformat()}"
    first = min(days)
    return (
        first - timedelta(days=1),
        True,
        f"inferred: announces the trip starting {first.isoformat()} as upcoming",
    )


def _metadata(article_id: str, meta: ArticleMeta, causation: str | None) -> str:
    return msgspec.json.encode(
        {
            "source": {"article_id": article_id, "url": meta.url, "outlet": meta.outlet},
            "correlation_id": article_id,
            "causation_id": causation,
            "producer": f"calendar-svc {__version__}",
        }
    ).decode()


def propose(
    raw: bytes, meta: ArticleMeta, trips: MutableMapping[str, TripState]
) -> tuple[str, list[tuple[str, DomainEvent]]]:
    """The events one article would append, given what the log knows. Pure (a lazy
    `TripStates` decodes the traveller's trips, which is no change to what it holds)."""
    article_id = hashlib.sha256(raw).hexdigest()
    text = decode_text(raw)
    parsed = parse_article(text, meta.language)
    if meta.published_on is not None:
        # The caller's date beats anything read from the text, for resolving weekdays too.
        parsed = msgspec.structs.replace(parsed, published_on=meta.published_on)
    facts = extract(parsed, article_id)
    # Only the traveller's own trips can be this article's (matching filters on the
    # person first), so only theirs are looked at, and decoded if they were not yet.
    mine = trips_of(trips, facts.principal.value.name) if facts.principal is not None else {}
    if facts.reference is None and facts.principal is not None:
        # No year anywhere: a report on a trip already on the log dates itself by it.
        spans = [span for trip in mine.values() if (span := trip.span()) is not None]
        if spans:
            latest = max(spans, key=lambda w: w.start)
            before = facts.principal.value.name
            facts = extract(parsed, article_id, reference=latest.start)
            if facts.principal is not None and facts.principal.value.name != before:
                mine = trips_of(trips, facts.principal.value.name)
    published_on, inferred, basis = _published(parsed, meta, facts)
    recorded = ArticleRecorded(
        article_id=article_id,
        text=text,
        language=parsed.language,
        language_detected=parsed.language_detected,
        published_on=published_on,
        published_on_inferred=inferred,
        published_on_basis=basis,
        url=meta.url,
        outlet=meta.outlet,
        title=parsed.title,
    )
    record_id = hashlib.sha256(f"{article_id}:article".encode()).hexdigest()[:32]
    events: list[tuple[str, DomainEvent]] = [(record_id, recorded)]
    events += assemble(facts, mine)
    return article_id, events


class IngestCancelled(StoreError):
    """The service is shutting down: the article was not read to the end, nothing written."""


#: The CPU time one article may take to read, by default (see `Limits`).
CPU_SECONDS = 10.0


class Limits(msgspec.Struct, frozen=True):
    """What one article may cost: CPU seconds to read it, and a flag that, once set (at
    shutdown), stops a reading in progress."""

    cpu_seconds: float = CPU_SECONDS
    cancel: threading.Event | None = None


def ingest(
    store: EventStore,
    raw: bytes,
    meta: ArticleMeta | None = None,
    index: TripIndex | None = None,
    limits: Limits | None = None,
) -> IngestReport:
    """Record one article and its facts in one transaction; idempotent on the bytes.

    Pass a long-lived `index` (over the same store) when ingesting more than one article.
    Reading stops after `limits.cpu_seconds` of CPU (`ArticleRejected`) or when
    `limits.cancel` is set (`IngestCancelled`); either way nothing is written. The budget
    is the reading's: bringing the trip index up to the log's head (a whole fold, for a
    cold index on a large log) is the service's own work, not the article's.
    """
    limits = limits or Limits()
    try:
        return _ingest(store, raw, meta, index, limits)
    except Cancelled as exc:
        raise IngestCancelled(f"not ingested: {exc.reason}") from None
    except BudgetExceeded as exc:
        raise ArticleRejected(exc.reason) from None


def _ingest(
    store: EventStore,
    raw: bytes,
    meta: ArticleMeta | None,
    index: TripIndex | None,
    limits: Limits,
) -> IngestReport:
    meta = meta or ArticleMeta()
    article_id = hashlib.sha256(raw).hexdigest()
    known = IngestReport(article_id=article_id, known=True, appended=[])
    if store.stream_version(article_stream(article_id)) > 0:
        return known
    index = index or TripIndex(store)
    # Queue behind other submissions (this process's, then every process's) instead of
    # reading against state that another writer is about to change.
    with _locked(index.lock, store.timeouts.queue_seconds), store.ingestion_lock():
        # Another submission of the same text may have committed while this one waited.
        if store.stream_version(article_stream(article_id)) > 0:
            return known
        return _ingest_locked(store, raw, meta, article_id, index, limits)


@contextmanager
def _locked(lock: threading.RLock, seconds: float) -> Iterator[None]:
    if not lock.acquire(timeout=seconds):
        raise StoreUnavailable(f"ingestion is busy: waited {seconds:g} s; try again later")
    try:
        yield
    finally:
        lock.release()


def _ingest_locked(
    store: EventStore,
    raw: bytes,
    meta: ArticleMeta,
    article_id: str,
    index: TripIndex,
    limits: Limits,
) -> IngestReport:
    for _attempt in range(_RETRIES):
        trips = index.catch_up()
        with budget(limits.cpu_seconds, limits.cancel):
            article_id, proposed = propose(raw, meta, trips)
        record_id = proposed[0][0]
        batch: list[NewEvent] = []
        expected: dict[str, int] = {article_stream(article_id): NO_STREAM}
        trip_id: str | None = None
        for event_id, event in proposed:
            if isinstance(event, TripEvent):
                trip_id = event.trip_id
                stream = trip_stream(event.trip_id)
                known = trips.get(event.trip_id)
                expected.setdefault(stream, known.version if known else NO_STREAM)
            else:
                stream = article_stream(article_id)
            event_type, version, data = encode(event)
            batch.append(
                NewEvent(
                    event_id=event_id,
                    stream_id=stream,
                    event_type=event_type,
                    schema_version=version,
                    data=data,
                    metadata=_metadata(
                        article_id, meta, None if event_id == record_id else record_id
                    ),
                )
            )
        try:
            result = store.append(batch, expected)
        except ConcurrencyError as exc:
            if exc.stream_id == article_stream(article_id):
                return IngestReport(article_id=article_id, known=True, appended=[])
            continue
        return IngestReport(
            article_id=article_id,
            known=not result.appended,
            appended=[(e.position, e.event_type, e.stream_id) for e in result.appended],
            trip_id=trip_id,
        )
    raise StoreError(
        f"article {article_id[:12]}: its trip kept changing under concurrent writers; "
        f"gave up after {_RETRIES} attempts, nothing written"
    )
