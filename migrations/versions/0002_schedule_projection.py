"""Read models for the schedule, with their checkpoint.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "projection_checkpoints",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "schedule_trips",
        sa.Column("trip_id", sa.String(200), primary_key=True),
        sa.Column("principal", sa.String(200), nullable=False),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_position", sa.BigInteger, nullable=False),
        sa.Column("view", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
    )
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
    op.create_table(
        "schedule_sources",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("view", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "schedule_sources",
        "schedule_engagements",
        "schedule_legs",
        "schedule_trips",
        "projection_checkpoints",
    ):
        op.drop_table(table)
