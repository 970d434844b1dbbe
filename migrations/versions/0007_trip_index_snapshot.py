"""trip_index_snapshot and trip_index_checkpoint: a stored start for the trip index.

A new process folded every trip event from position 0 before it could ingest (about
23 s on a 1M-event log). These tables hold the index's fold at one position, with the
fingerprint of the fold that wrote it; a process loads them and reads only the tail.
They are a cache: dropping their rows only makes the next start slower.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trip_index_checkpoint",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("fold_version", sa.String(64), nullable=False),
    )
    op.create_table(
        "trip_index_snapshot",
        sa.Column("trip_id", sa.String(200), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trip_index_snapshot")
    op.drop_table("trip_index_checkpoint")
