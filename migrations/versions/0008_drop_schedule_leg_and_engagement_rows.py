"""Drop schedule_legs and schedule_engagements: written on every catch-up, never read.

Readers are served the trip rows' views (`schedule_trips.view`), which hold the legs and
engagements whole; every filter runs on those views. These two tables were only ever
written (and compared with a fresh fold by `verify --projection`), costing two deletes
and two inserts per trip on every catch-up.

Downgrade recreates them empty and marks the stored schedule as folded by other rules,
so the code that writes them rebuilds it (and them) from the log on its first catch-up.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("schedule_engagements")
    op.drop_table("schedule_legs")


def downgrade() -> None:
    op.create_table(
        "schedule_legs",
        sa.Column("leg_id", sa.String(220), primary_key=True),
        sa.Column("trip_id", sa.String(200), nullable=False, index=True),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False, index=True),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_position", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "schedule_engagements",
        sa.Column("engagement_id", sa.String(300), primary_key=True),
        sa.Column("trip_id", sa.String(200), nullable=False, index=True),
        sa.Column("leg_id", sa.String(220)),
        sa.Column("country_code", sa.String(2), index=True),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_position", sa.BigInteger, nullable=False),
    )
    # Empty tables beside full trip rows: a stale rules version makes the next catch-up
    # rebuild the schedule, and these with it (`ScheduleProjection.stale`).
    op.execute("UPDATE projection_checkpoints SET rules_version = NULL WHERE name = 'schedule'")
