"""Fixtures shared by every test module: databases for both backends."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from calendar_svc.store import migrate
from tests.support.postgres import PostgresServer, find_bindir, running_server

_TEMPLATE = "calendar_template"
_counter = itertools.count()


def _required_bindir() -> Path:
    """PostgreSQL's binaries; a failure where CI requires them, else a skip."""
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CALENDAR_SVC_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL binaries are required here but none were found")
        pytest.skip("no PostgreSQL server binaries on this machine")
    return bindir


@pytest.fixture
def private_postgres() -> Iterator[PostgresServer]:
    """A migrated server of the test's own, which it may stop, start and freeze."""
    with running_server(_required_bindir()) as server:
        migrate.upgrade(server.url("postgres"))
        yield server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    with running_server(_required_bindir()) as server:
        admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
        admin.dispose()
        # Migrate once; every test database is a cheap copy of this template.
        migrate.upgrade(server.url(_TEMPLATE))
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    name = f"calendar_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(postgres_server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    try:
        yield postgres_server.url(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'calendar.sqlite3'}"
    migrate.upgrade(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest) -> str:
    """The same test on both backends."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url
