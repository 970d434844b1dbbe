"""Drop ix_events_recorded_at: one B-tree fewer on every append.

`position_at` now binary-searches the primary key (`recorded_at` never falls as
positions rise), and no other query filters or orders by `recorded_at`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_recorded_at", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_recorded_at", "events", ["recorded_at"])
