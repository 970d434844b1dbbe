"""Bring a database to the newest schema with Alembic: the only way tables get created."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.store import store_class

MIGRATIONS_DIR = PROJECT_ROOT / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    engine = store_class(url).create_engine(url)
    try:
        with engine.begin() as conn:
            config = _config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    engine = store_class(url).create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()
