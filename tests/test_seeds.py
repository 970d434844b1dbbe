"""The seeds are kept byte for byte: the manifest's hashes must still match the files."""

from __future__ import annotations

import hashlib
import json

from calendar_svc.config import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def test_manifest_lists_every_seed_with_its_hash() -> None:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    listed = {item["file"]: item for item in manifest["articles"]}
    assert set(listed) == {p.name for p in SEEDS.glob("*.txt")}
    for name, item in listed.items():
        data = (SEEDS / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"], name
        assert item["language"] in {"en", "vi"}
