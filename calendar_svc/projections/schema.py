"""Tables of the schedule read model (created by migrations 0002, 0004, 0006 and 0010).

Each trip row holds its rendered view (what readers get: its legs and engagements whole)
and the fold's state for that trip (what catch-up continues from). Leg and engagement
rows of their own were written and never read: migration 0008 dropped them. What the
schedule's pages sort and filter on (each leg's and engagement's days and country) has
a small row of its own (`entries`, 0010), so a page is found without decoding views.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

checkpoints = Table(
    "projection_checkpoints",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("recorded_at", DateTime(timezone=True)),
    Column("rules_version", Integer),  # RULES_VERSION of the fold that wrote it (0006)
)

trips = Table(
    "schedule_trips",
    metadata,
    Column("trip_id", String(200), primary_key=True),
    Column("principal", String(200), nullable=False),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("status", String(20), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("updated_position", BigInteger, nullable=False),
    Column("view", Text, nullable=False),
    Column("state", Text, nullable=False),
    # The checkpoint of the write that last replaced this row: readers reload only these.
    Column("written_position", BigInteger, nullable=False, server_default="0"),
    Index("ix_schedule_trips_written_position", "written_position"),
)

sources = Table(
    "schedule_sources",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("view", Text, nullable=False),
)

#: Ordered as Python orders str (by code point): PostgreSQL's "C" collation; SQLite's
#: default (BINARY, on UTF-8) already is.
_ORDERED_ID = String(300).with_variant(String(300, collation="C"), "postgresql")

#: One row per leg and engagement of each stored trip: the keys the schedule's pages are
#: filtered and ordered by (`services.schedule_query.schedule_page`), written with the
#: trip's row. `sort_date` is the start day, or date.max for an entry without one.
entries = Table(
    "schedule_entries",
    metadata,
    Column("trip_id", String(200), nullable=False),
    Column("seq", Integer, nullable=False),  # legs first, then engagements, as in the view
    Column("engagement", Integer, nullable=False),  # 0: a leg, 1: an engagement
    Column("entry_id", _ORDERED_ID, nullable=False),
    Column("sort_date", Date, nullable=False),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("country_code", String(2)),
    PrimaryKeyConstraint("trip_id", "seq"),
    Index("ix_schedule_entries_order", "sort_date", "engagement", "entry_id"),
)
