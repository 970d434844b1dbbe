"""schedule_trips.written_position: the checkpoint at which each trip row was last written.

Readers that hold the schedule of an earlier position reload only the trips written
since, instead of decoding every trip after each append.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("schedule_trips") as batch:
        batch.add_column(
            sa.Column("written_position", sa.BigInteger, nullable=False, server_default="0")
        )
    # Rows written before this column existed: their checkpoint is the best bound known.
    op.execute(
        "UPDATE schedule_trips SET written_position = COALESCE("
        "(SELECT position FROM projection_checkpoints WHERE name = 'schedule'), 0)"
    )
    op.create_index("ix_schedule_trips_written_position", "schedule_trips", ["written_position"])


def downgrade() -> None:
    op.drop_index("ix_schedule_trips_written_position", table_name="schedule_trips")
    with op.batch_alter_table("schedule_trips") as batch:
        batch.drop_column("written_position")
