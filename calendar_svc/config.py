"""Settings from the environment, so the same code runs embedded or against PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "calendar.sqlite3"


class Settings(msgspec.Struct, frozen=True):
    database_url: str
    api_token: str | None = None
    #: Where subscribers reach the service; feeds link to items there. Part of the feed's
    #: bytes, so it comes from configuration, never from a request's Host header.
    public_url: str = "http://127.0.0.1:8000"
    #: Path of the Ed25519 private key that signs log checkpoints (`GET /log/checkpoint`);
    #: None: no checkpoints are served.
    checkpoint_key: str | None = None


def default_database_url() -> str:
    return f"sqlite:///{DEFAULT_DB_PATH}"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read `CALENDAR_SVC_*` variables; an unset URL means the embedded SQLite file."""
    source = os.environ if env is None else env
    url = source.get("CALENDAR_SVC_DATABASE_URL") or default_database_url()
    token = source.get("CALENDAR_SVC_API_TOKEN") or None
    public = (source.get("CALENDAR_SVC_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/")
    key = source.get("CALENDAR_SVC_CHECKPOINT_KEY") or None
    return Settings(database_url=url, api_token=token, public_url=public, checkpoint_key=key)
