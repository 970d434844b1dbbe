"""The log's table, described once for SQLAlchemy Core; migrations create it, code reads it.

The columns hold exactly what the hash chain covers, so an auditor with plain SQL can
recompute every hash without this package.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

events = Table(
    "events",
    metadata,
    # Global order. Assigned as max+1 under the append lock, so it never has gaps.
    # The column order is `StoredEvent`'s field order: the store selects and inserts it.
    Column(
        "position",
        BigInteger().with_variant(Integer(), "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("event_id", String(64), nullable=False),
    Column("stream_id", String(200), nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("data", Text, nullable=False),  # msgspec JSON, stored byte-exact
    Column("metadata", Text, nullable=False),  # provenance, causation and correlation ids
    # Never falls as positions rise: `position_at` binary-searches the primary key.
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("event_id", name="uq_events_event_id"),
    UniqueConstraint("stream_id", "stream_version", name="uq_events_stream_version"),
    # Pages of one event type (the API's filter) read this range in position order.
    Index("ix_events_event_type_position", "event_type", "position"),
)

# The trip index's stored start (migration 0007): derived data, a cache of the fold of
# every trip event up to `position`, written by `services.trip_snapshot`.
trip_index_checkpoint = Table(
    "trip_index_checkpoint",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("fold_version", String(64), nullable=False),  # fingerprint of the fold that wrote it
)

trip_index_snapshot = Table(
    "trip_index_snapshot",
    metadata,
    Column("trip_id", String(200), primary_key=True),
    # The trip's rank by first event, as a full fold meets them: the index keeps that order.
    Column("seq", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),  # the last event folded into this row
    Column("state", Text, nullable=False),  # msgspec JSON of a TripState
    # The traveller's name (0009): a new process reads these, not the states, to start.
    Column("principal", String(200)),
)
