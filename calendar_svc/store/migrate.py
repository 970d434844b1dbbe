"""Bring a database to the newest schema with Alembic: the only way tables get created."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from calendar_svc.store import store_class


def migrations_dir() -> Path:
    """The Alembic scripts: the copy a wheel carries (`calendar_svc/_migrations`, mapped from
    the top-level `migrations/` at build time), else the checkout's `migrations/`."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_migrations"
    return packaged if (packaged / "env.py").is_file() else package.parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
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
