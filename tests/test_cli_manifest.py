"""`calendar-svc ingest` takes each article's outlet, URL and day from a sidecar
``<file>.json`` or its folder's ``manifest.json``, so sources show who published them."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.views import SourceRef
from calendar_svc.projections.replay import replay
from calendar_svc.store import open_store

SEEDS = PROJECT_ROOT / "seeds"


def _sources(url: str) -> dict[str, SourceRef]:
    store = open_store(url)
    try:
        return dict(replay(store, store.last_position()).sources)
    finally:
        store.close()


def _ingest(url: str, *paths: Path) -> int:
    assert main(["--database-url", url, "migrate"]) == 0
    return main(["--database-url", url, "ingest", *map(str, paths)])


def test_the_seeds_are_ingested_with_their_outlet_and_day(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert _ingest(url, SEEDS) == 0
    manifest = json.loads((SEEDS / "manifest.json").read_text())["articles"]
    sources = _sources(url)
    for entry in manifest:
        ref = sources[entry["sha256"]]
        assert ref.outlet == entry["outlet"]
        if entry["published_on"]:
            assert ref.published_on == date.fromisoformat(entry["published_on"])


def _one(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    shutil.copy(SEEDS / "002_c73d3f9e03a28da9.txt", article)
    return article, hashlib.sha256(article.read_bytes()).hexdigest()


def test_a_sidecar_wins_over_the_manifest(tmp_path: Path) -> None:
    article, digest = _one(tmp_path)
    manifest = {"articles": [{"file": "a.txt", "outlet": "From the manifest"}]}
    (article.parent / "manifest.json").write_text(json.dumps(manifest))
    sidecar = {
        "outlet": "Nhân Dân",
        "url": "https://en.nhandan.vn/a.html",
        "published_on": "2025-05-11",
        "sha256": digest,
    }
    (article.parent / "a.txt.json").write_text(json.dumps(sidecar))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert _ingest(url, article) == 0
    ref = _sources(url)[digest]
    assert (ref.outlet, ref.url, ref.published_on) == (
        "Nhân Dân",
        "https://en.nhandan.vn/a.html",
        date(2025, 5, 11),
    )


def test_the_manifest_alone_describes_its_files(tmp_path: Path) -> None:
    article, digest = _one(tmp_path)
    manifest = {"articles": [{"file": "a.txt", "outlet": "VNS", "url": "https://vns.example/a"}]}
    (article.parent / "manifest.json").write_text(json.dumps(manifest))
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert _ingest(url, article.parent) == 0
    ref = _sources(url)[digest]
    assert (ref.outlet, ref.url) == ("VNS", "https://vns.example/a")


@pytest.mark.parametrize(
    "manifest",
    [
        '{"articles": [{"file": "a.txt", "published_on": "11 May"}]}',  # not a date
        '{"articles": [{"file": "a.txt", "sha256": "00"}]}',  # of other bytes
        "{not json",
    ],
)
def test_a_bad_description_refuses_the_ingestion(
    tmp_path: Path, manifest: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article, _ = _one(tmp_path)
    (article.parent / "manifest.json").write_text(manifest)
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert _ingest(url, article) != 0
    err = capsys.readouterr().err
    assert "manifest.json" in err or "a.txt" in err
    store = open_store(url)
    try:
        assert store.last_position() == 0  # nothing written
    finally:
        store.close()
