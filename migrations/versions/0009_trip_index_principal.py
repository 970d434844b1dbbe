"""trip_index_snapshot.principal: who travels, readable without decoding the state.

A new process decoded every stored TripState (300 MB of JSON on a 1M-event log) before
it was ready. With the traveller's name beside each row, it reads the names only and
decodes a trip's state when an article about that traveller needs it. Rows written
before this column are ignored (the fold's fingerprint changed with it) and rewritten.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trip_index_snapshot") as batch:
        batch.add_column(sa.Column("principal", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("trip_index_snapshot") as batch:
        batch.drop_column("principal")
