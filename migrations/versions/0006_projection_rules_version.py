"""projection_checkpoints.rules_version: the rules a stored schedule was folded by.

Views are derived data: when the code's rules differ from those that folded the stored
schedule, it is rebuilt from the log rather than served (a cache version, as Radicale
keeps one). Rows from before this column have none, so they are rebuilt once.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projection_checkpoints") as batch:
        batch.add_column(sa.Column("rules_version", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("projection_checkpoints") as batch:
        batch.drop_column("rules_version")
