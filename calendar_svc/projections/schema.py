"""Tables of the schedule read model (created by migrations 0002, 0004 and 0006).

Each trip row holds its rendered view (what readers get: its legs and engagements whole)
and the fold's state for that trip (what catch-up continues from). Leg and engagement
rows of their own were written and never read: migration 0008 dropped them.
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
