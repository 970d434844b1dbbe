"""schedule_entries: each stored leg's and engagement's days and country, in a row.

A new API process decoded every stored trip view (375 MB of JSON on a 1M-event log)
before it could answer, because a page of /schedule is found by sorting every leg and
engagement. With these keys in rows of their own (and an index in the schedule's order)
a page is found in SQL and only its trips' views are decoded.

The rows are filled here from the stored views (the projection writes them from then
on), so the stored schedule is not rebuilt.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_CHUNK = 500
_MAX_DAY = date.max


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _rows(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries of one trip view, as `projections.stored.entry_rows` writes them."""
    trip_id = view["trip_id"]
    rows = []
    countries = {leg["leg_id"]: leg["country_code"] for leg in view["legs"]}
    items = [(0, leg["leg_id"], leg, leg["country_code"]) for leg in view["legs"]]
    for held in view["engagements"]:
        place = held.get("place")
        where = (place or {}).get("country_code") or countries.get(held.get("leg_id") or "")
        items.append((1, held["engagement_id"], held, where))
    for seq, (kind, entry_id, item, where) in enumerate(items):
        start, end = _day(item.get("start_date")), _day(item.get("end_date"))
        rows.append(
            {
                "trip_id": trip_id,
                "seq": seq,
                "engagement": kind,
                "entry_id": entry_id,
                "sort_date": start or _MAX_DAY,
                "start_date": start,
                "end_date": end,
                "country_code": where,
            }
        )
    return rows


def upgrade() -> None:
    entry_id = sa.String(300).with_variant(sa.String(300, collation="C"), "postgresql")
    entries = op.create_table(
        "schedule_entries",
        sa.Column("trip_id", sa.String(200), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("engagement", sa.Integer, nullable=False),
        sa.Column("entry_id", entry_id, nullable=False),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("country_code", sa.String(2)),
        sa.PrimaryKeyConstraint("trip_id", "seq"),
    )
    conn = op.get_bind()
    trips = sa.table("schedule_trips", sa.column("trip_id"), sa.column("view"))
    last = ""
    while True:  # a few hundred views at a time: memory holds a chunk, not every view
        chunk = conn.execute(
            sa.select(trips.c.trip_id, trips.c.view)
            .where(trips.c.trip_id > last)
            .order_by(trips.c.trip_id)
            .limit(_CHUNK)
        ).all()
        if not chunk:
            break
        last = chunk[-1][0]
        rows = [r for row in chunk for r in _rows(json.loads(row[1]))]
        if rows:
            conn.execute(sa.insert(entries), rows)
    op.create_index(
        "ix_schedule_entries_order", "schedule_entries", ["sort_date", "engagement", "entry_id"]
    )


def downgrade() -> None:
    op.drop_table("schedule_entries")
