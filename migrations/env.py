"""Alembic environment: runs on a connection handed over by `calendar_svc.store.migrate`,
or on `CALENDAR_SVC_DATABASE_URL` when invoked with the plain `alembic` command."""

from __future__ import annotations

from alembic import context

from calendar_svc.config import load_settings
from calendar_svc.store import store_class
from calendar_svc.store.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or load_settings().database_url
    engine = store_class(url).create_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
