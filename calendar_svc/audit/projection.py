"""Check the stored schedule against a fresh fold of the log.

The schedule tables are what readers are served, but nothing chains them: an edited
`schedule_trips` row would be served while the log verifies. Here the log is folded
afresh up to the projection's checkpoint, its rows are rendered by the projection's own
writer into an in-memory database, and every stored row is compared with its twin.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec
from sqlalchemy import Connection, Table, create_engine, select

from calendar_svc.projections import schema
from calendar_svc.projections.replay import fold_until
from calendar_svc.projections.schedule import ScheduleProjection
from calendar_svc.store import EventStore

_CHUNK = 500
_ATTEMPTS = 3
#: Columns that say when a row was written, not what it holds (rebuild and catch-up
#: write the same row at different checkpoints).
_IGNORED = {"written_position"}
#: Text columns holding JSON: compared as values, so key order cannot matter.
_JSON = {"view"}
#: What each table's rows are named by in a report.
_TABLES: list[tuple[Table, str, str]] = [
    (schema.trips, "trip_id", "trip"),
    (schema.sources, "article_id", "article"),
]


class ProjectionBusy(Exception):
    """The projection advanced during every attempt to compare it."""


class ProjectionReport(msgspec.Struct, frozen=True):
    ok: bool
    position: int  # the projection checkpoint checked
    rows: int  # stored rows compared
    first_difference: str | None = None

    def summary(self) -> str:
        if self.ok:
            return (
                f"projection matches a fresh fold of the log up to position {self.position} "
                f"({self.rows} rows)"
            )
        return (
            f"PROJECTION DIFFERS at position {self.position}: {self.first_difference}; "
            "run `calendar-svc rebuild` after finding out why"
        )


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    key = next(iter(table.primary_key.columns))
    for row in conn.execute(select(table).order_by(key)):
        yield {
            name: (msgspec.json.decode(value) if name in _JSON and value is not None else value)
            for name, value in row._mapping.items()
            if name not in _IGNORED
        }


def _first_difference(stored: Connection, fresh: Connection) -> tuple[int, str | None]:
    compared = 0
    for table, owner, noun in _TABLES:
        key = next(iter(table.primary_key.columns)).name
        mine, theirs = _rows(stored, table), _rows(fresh, table)
        while True:
            a, b = next(mine, None), next(theirs, None)
            if a is None and b is None:
                break
            compared += a is not None
            if a is None:
                assert b is not None
                return compared, (
                    f"{noun} {b[owner]}: {table.name} row {b[key]} is missing from the store"
                )
            if b is None or a[key] != b[key]:
                return compared, (
                    f"{noun} {a[owner]}: {table.name} row {a[key]} "
                    "is stored but the log does not produce it"
                )
            if a != b:
                columns = sorted(name for name in a if a[name] != b.get(name))
                return compared, (
                    f"{noun} {a[owner]}: {table.name} row {a[key]} differs in {', '.join(columns)}"
                )
    return compared, None


def check_projection(store: EventStore) -> ProjectionReport:
    """Fold the log up to the stored checkpoint and compare every row of the schedule."""
    projection = ScheduleProjection(store)
    for _ in range(_ATTEMPTS):
        position = projection.checkpoint()
        compared, difference = _compare(store, projection, position)
        if projection.checkpoint() == position:
            return ProjectionReport(
                ok=difference is None,
                position=position,
                rows=compared,
                first_difference=difference,
            )
    # A live service kept catching up while we compared: the rows read were mixed.
    raise ProjectionBusy(f"the projection kept moving during {_ATTEMPTS} checks; try again")


def _compare(
    store: EventStore, projection: ScheduleProjection, position: int
) -> tuple[int, str | None]:
    fold = fold_until(store, position)
    engine = create_engine("sqlite://")
    try:
        schema.metadata.create_all(engine)
        with engine.begin() as fresh:
            trip_ids = sorted(fold.trips)
            for i in range(0, len(trip_ids), _CHUNK):
                projection._write(fresh, fold, trip_ids[i : i + _CHUNK], [], written=position)
            article_ids = sorted(fold.articles)
            for i in range(0, len(article_ids), _CHUNK):
                projection._write(fresh, fold, [], article_ids[i : i + _CHUNK], written=position)
        with store.engine.connect() as stored, engine.connect() as fresh:
            compared, difference = _first_difference(stored, fresh)
    finally:
        engine.dispose()
    return compared, difference
