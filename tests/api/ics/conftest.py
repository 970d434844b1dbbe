"""Fixtures of the ICS tests: the seed schedule (ingested once per session) and the
`.ics` files under fixtures/, loaded by name as the icalendar project's tests do
(`ics_files.small_schedule` is the bytes of fixtures/small_schedule.ics)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from calendar_svc.api.feeds import FeedSpec
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.views import Schedule
from calendar_svc.projections.replay import replay
from calendar_svc.services.article_files import iter_article_files
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore, migrate, open_store

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = list(iter_article_files([str(PROJECT_ROOT / "seeds")]))
#: Set to 1 to rewrite the golden files from the current renderer, deliberately.
REGENERATE = os.environ.get("CALENDAR_SVC_REGENERATE_ICS") == "1"

SPEC = FeedSpec(
    name="Việt Nam: leaders' trips abroad",
    description="Visits and engagements, from news articles; with sources, dates inferred "
    "where none is stated",
    base_url="http://127.0.0.1:8000/",
)


class IcsFiles:
    """fixtures/<name>.ics by attribute or item: `ics_files.small_schedule`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.ics"

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.ics"))

    def __getitem__(self, name: str) -> bytes:
        path = self.path(name)
        if not path.is_file():
            raise KeyError(f"no fixture {path.name}; known: {', '.join(self.names())}")
        return path.read_bytes()

    def __getattr__(self, name: str) -> bytes:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(str(exc)) from exc

    def golden(self, name: str, rendered: bytes) -> bytes:
        """The committed golden file; rewritten from `rendered` only when asked to."""
        if REGENERATE:
            self.path(name).write_bytes(rendered)
        return self[name]


@pytest.fixture(scope="session")
def ics_files() -> IcsFiles:
    return IcsFiles(FIXTURES)


@pytest.fixture(scope="session")
def _seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventStore, list[int]]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('ics-seeds') / 'calendar.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    positions = []
    for name in SEEDS:
        ingest(store, Path(name).read_bytes())
        positions.append(store.last_position())
    yield store, positions
    store.close()


@pytest.fixture(scope="session")
def seed_store(_seeded: tuple[EventStore, list[int]]) -> EventStore:
    """The five seed articles, ingested once into a fresh SQLite log."""
    return _seeded[0]


@pytest.fixture(scope="session")
def seed_positions(_seeded: tuple[EventStore, list[int]]) -> list[int]:
    """The log's position after each seed article, in order."""
    return _seeded[1]


@pytest.fixture(scope="session")
def seed_schedule(seed_store: EventStore) -> Schedule:
    return replay(seed_store, seed_store.last_position())
