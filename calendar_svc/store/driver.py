"""The store's access to its database driver: statements straight to the driver's
cursor, rows streamed in chunks, driver errors raised as SQLAlchemy's, and the hooks by
which a backend binds and reads its values.

Apart because the append transaction (`append.py`) and the reads (`reads.py`) both stand
on it, and it is where the backends differ in how values travel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError

from calendar_svc.store.records import as_utc
from calendar_svc.store.timeouts import Timeouts

#: Rows fetched and turned into events at a time while streaming a page.
_CHUNK = 128
Row = TypeVar("Row")


class Driver:
    """A database engine and the driver beneath it.

    Statements go straight to the driver's cursor with SQL written once per backend:
    SQLAlchemy's per-row parameter and result processing cost more than the database
    work on the append and replay paths. Driver errors are still raised as SQLAlchemy's.
    """

    #: The driver's placeholder for one positional parameter.
    placeholder: ClassVar[str] = "?"

    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        self.engine = engine
        self.timeouts = timeouts or Timeouts()
        self._dbapi_error: type[Exception] = engine.dialect.loaded_dbapi.Error
        self._integrity_error: type[Exception] = engine.dialect.loaded_dbapi.IntegrityError

    def _db_time(self, value: datetime) -> Any:
        """A UTC-aware time as the driver should bind it (SQLite overrides: text)."""
        return value

    def _py_time(self, value: Any) -> datetime:
        """A stored time as the driver returns it, back to a UTC-aware datetime."""
        return as_utc(value)

    def _in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``column IN (...)`` and its parameters (PostgreSQL overrides: ``= ANY``)."""
        return f"{column} IN ({', '.join([self.placeholder] * len(values))})", list(values)

    def close(self) -> None:
        self.engine.dispose()

    def _driver(self, conn: Connection) -> DBAPIConnection:
        """The driver connection under `conn`, in the same transaction."""
        return conn.connection.dbapi_connection  # type: ignore[return-value]

    def _fetch(
        self, dbapi_conn: DBAPIConnection, sql: str, params: Sequence[Any] = ()
    ) -> Sequence[Any]:
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        except self._dbapi_error as exc:
            raise self._wrap(exc, sql, params) from exc
        finally:
            cursor.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any]:
        """One statement on a pooled connection, outside any transaction of ours."""
        with closing(self.engine.raw_connection()) as dbapi_conn:
            return self._fetch(dbapi_conn.dbapi_connection, sql, params)  # type: ignore[arg-type]

    def _stream(
        self,
        sql: str,
        params: Sequence[Any],
        build: Callable[[Sequence[Sequence[Any]]], list[Row]],
    ) -> Iterator[list[Row]]:
        """One query's rows in small chunks, each built (by `build`) just before it is used.

        Rows then are still in the CPU cache when the caller reads them (a page of 1,000
        is megabytes of text). The connection goes back to the pool after the query.
        """
        with closing(self.engine.raw_connection()) as raw:
            cursor: Any = raw.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(sql, params)
                while rows := cursor.fetchmany(_CHUNK):
                    yield build(rows)
            except self._dbapi_error as exc:
                raise self._wrap(exc, sql, params) from exc
            finally:
                cursor.close()

    def _wrap(self, exc: Exception, sql: str, params: Any, *, many: bool = False) -> Exception:
        """The driver's error as SQLAlchemy would have raised it (OperationalError, ...)."""
        wrapped = DBAPIError.instance(
            sql, params, exc, self._dbapi_error, dialect=self.engine.dialect, ismulti=many
        )
        return wrapped if isinstance(wrapped, Exception) else exc
