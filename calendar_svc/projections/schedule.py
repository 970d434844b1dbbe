"""The stored schedule: the fold's output in tables, kept up to date from the log.

Catch-up reads the log after the checkpoint one page at a time; each page's rows and the
new checkpoint are written in one transaction, so readers never see rows ahead of (or
behind) the checkpoint. Several processes may call catch-up: they serialise on the
store's read-model lock and re-read the checkpoint under it. Rebuild folds the whole log
in memory (memory grows with trips, not events) and swaps the tables in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import msgspec
from sqlalchemy import Connection, delete, insert, select, update

from calendar_svc.domain.events import ArticleRecorded, ArticleSource, decode_for_fold
from calendar_svc.domain.rules import RULES_VERSION
from calendar_svc.domain.views import Schedule, SourceRef
from calendar_svc.projections import schema
from calendar_svc.projections.fold import ScheduleFold
from calendar_svc.projections.replay import gc_paused
from calendar_svc.projections.stored import NAME, entry_rows, load_schedule
from calendar_svc.store import EventStore, Payload, StoredEvent

_WRITE_CHUNK = 500

Progress = Callable[[int, int], None]  # (events applied so far, log head)

_source_decoder = msgspec.json.Decoder(SourceRef)
_encoder = msgspec.json.Encoder()


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class ScheduleProjection:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    # -- reading ----------------------------------------------------------------------

    def checkpoint(self) -> int:
        with self.store.engine.connect() as conn:
            return self._checkpoint(conn)[0]

    def lag(self) -> int:
        return max(0, self.store.last_position() - self.checkpoint())

    def load(self, previous: Schedule | None = None) -> Schedule:
        """The schedule as stored (call `catch_up` first for the newest), its trips and
        sources decoded when a reader asks for them (`projections.stored`): from this
        store, so while it is open.

        Given the schedule this reader loaded before, only the rows written after its
        position are read; a rebuild that dropped trips is noticed by the count.
        """
        with self.store.engine.connect() as conn:
            _, recorded_at = self._checkpoint(conn)
            return load_schedule(self.store, conn, previous, recorded_at)

    # -- writing ----------------------------------------------------------------------

    def stale(self) -> bool:
        """True when the stored schedule was folded by other rules than this code's
        (`RULES_VERSION`): it must be rebuilt, never served or continued."""
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(schema.checkpoints.c.rules_version).where(schema.checkpoints.c.name == NAME)
            ).first()
        return row is not None and row[0] != RULES_VERSION

    def catch_up(self, *, page_size: int = 1000, progress: Progress | None = None) -> int:
        """Apply every event after the checkpoint; returns how many were applied. A
        schedule folded by other rules is rebuilt first (then all events count)."""
        if self.stale():
            return self.rebuild(progress=progress)
        applied = 0
        head = self.store.last_position()
        while True:
            with self.store.exclusive() as conn:
                position, _ = self._checkpoint(conn)
                page = self._whole_transactions(position, page_size)
                if not page:
                    return applied
                self._apply_page(conn, page)
            applied += len(page)
            if progress is not None:
                progress(page[-1].position, max(head, page[-1].position))

    def rebuild(self, *, progress: Progress | None = None) -> int:
        """Fold the whole log afresh and replace the tables in one transaction."""
        head = self.store.last_position()
        fold = ScheduleFold(retain_views=False)
        count = 0
        last: Payload | None = None
        with gc_paused():
            for row in self.store.read_payloads(until_position=head):
                event = decode_for_fold(row.event_type, row.schema_version, row.data)
                fold.apply(event, row.position, row.recorded_at)
                count += 1
                last = row
                if progress is not None and count % 1000 == 0:
                    progress(row.position, head)
            fold.flush()
        with self.store.exclusive() as conn:
            for table in (schema.trips, schema.entries, schema.sources):
                conn.execute(delete(table))
            conn.execute(delete(schema.checkpoints).where(schema.checkpoints.c.name == NAME))
            # Rows are built and inserted a few hundred trips at a time: memory holds the
            # fold's facts, never every rendered row at once.
            trip_ids = sorted(fold.trips)
            written = last.position if last else 0
            for i in range(0, len(trip_ids), _WRITE_CHUNK):
                self._write(conn, fold, trip_ids[i : i + _WRITE_CHUNK], [], written=written)
            article_ids = sorted(fold.articles)
            for i in range(0, len(article_ids), _WRITE_CHUNK):
                self._write(conn, fold, [], article_ids[i : i + _WRITE_CHUNK], written=written)
            self._set_checkpoint(
                conn, last.position if last else 0, last.recorded_at if last else None
            )
        if progress is not None:
            progress(head, head)
        return count

    # -- internals --------------------------------------------------------------------

    def _whole_transactions(self, after: int, limit: int) -> list[StoredEvent]:
        """The next page, cut back (or read on) to where an append's events end, so a
        catch-up renders the same committed states a rebuild does."""
        page = self.store.read_page(after=after, limit=limit)
        if len(page) < limit:
            return page  # up to the head: appends are atomic, so its last batch is whole
        last = page[-1].recorded_at
        cut = len(page)
        while cut and page[cut - 1].recorded_at == last:
            cut -= 1
        if cut:
            return page[:cut]
        while True:  # one append larger than a page: read on to its end
            more = self.store.read_page(after=page[-1].position, limit=limit)
            same = [e for e in more if e.recorded_at == last]
            page.extend(same)
            if len(same) < len(more) or len(more) < limit:
                return page

    def _checkpoint(self, conn: Connection) -> tuple[int, datetime | None]:
        row = conn.execute(
            select(schema.checkpoints.c.position, schema.checkpoints.c.recorded_at).where(
                schema.checkpoints.c.name == NAME
            )
        ).first()
        return (int(row[0]), _as_utc(row[1])) if row else (0, None)

    def _set_checkpoint(self, conn: Connection, position: int, at: datetime | None) -> None:
        values = {"position": position, "recorded_at": at, "rules_version": RULES_VERSION}
        done = conn.execute(
            update(schema.checkpoints).where(schema.checkpoints.c.name == NAME).values(**values)
        )
        if done.rowcount == 0:
            conn.execute(insert(schema.checkpoints).values(name=NAME, **values))

    def _apply_page(self, conn: Connection, page: list[StoredEvent]) -> None:
        """Restore the trips the page touches, load only the sources they and the page
        cite (not every article on the log), then apply the page."""
        fold = ScheduleFold()
        events = [
            (decode_for_fold(e.event_type, e.schema_version, e.data), e.position, e.recorded_at)
            for e in page
        ]
        touched: set[str] = set()
        cited: set[str] = set()
        for event, _, _ in events:
            trip_id = getattr(event, "trip_id", None)
            if isinstance(trip_id, str) and trip_id not in touched:
                touched.add(trip_id)
                state = conn.execute(
                    select(schema.trips.c.state).where(schema.trips.c.trip_id == trip_id)
                ).scalar()
                if state is not None:
                    fold.restore(state)
            cited.update(p.article_id for p in getattr(event, "provenance", ()))
            if isinstance(event, ArticleRecorded | ArticleSource):
                cited.add(event.article_id)  # already stored if recorded before
        cited.update(fold.cited_articles())
        ids = sorted(cited)
        column = schema.sources.c.article_id
        for i in range(0, len(ids), _WRITE_CHUNK):
            for row in conn.execute(
                select(column, schema.sources.c.view).where(column.in_(ids[i : i + _WRITE_CHUNK]))
            ):
                fold.articles[row[0]] = _source_decoder.decode(row[1])
        known_sources = set(fold.articles)
        for event, position, recorded_at in events:
            fold.apply(event, position, recorded_at)
        new_sources = set(fold.articles) - known_sources
        fold.flush()
        self._write(
            conn,
            fold,
            {t for t in touched if t in fold.trips},
            new_sources,
            written=page[-1].position,
            replace=True,
        )
        self._set_checkpoint(conn, page[-1].position, page[-1].recorded_at)

    def _write(
        self,
        conn: Connection,
        fold: ScheduleFold,
        trip_ids: Iterable[str],
        source_ids: Iterable[str],
        *,
        written: int,
        replace: bool = False,
    ) -> None:
        trip_rows = []
        entries: list[dict[str, Any]] = []
        ids = sorted(trip_ids)
        for trip_id in ids:
            view = fold.view(trip_id)
            entries += entry_rows(view)
            trip_rows.append(
                {
                    "trip_id": trip_id,
                    "principal": view.principal.name,
                    "start_date": view.start_date,
                    "end_date": view.end_date,
                    "status": view.status,
                    "revision": view.revision,
                    "updated_position": view.updated_position,
                    "view": _encoder.encode(view).decode(),
                    "state": fold.snapshot(trip_id).decode(),
                    "written_position": written,
                }
            )
        if replace and ids:
            conn.execute(delete(schema.trips).where(schema.trips.c.trip_id.in_(ids)))
            conn.execute(delete(schema.entries).where(schema.entries.c.trip_id.in_(ids)))
        if trip_rows:
            conn.execute(insert(schema.trips), trip_rows)
        if entries:
            conn.execute(insert(schema.entries), entries)
        source_rows = [
            {"article_id": a, "view": _encoder.encode(fold.articles[a]).decode()}
            for a in sorted(source_ids)
        ]
        if source_rows:
            conn.execute(insert(schema.sources), source_rows)
