"""The committed OpenAPI document is the contract: it must match the app exactly."""

from __future__ import annotations

import json

from calendar_svc.cli import openapi_document
from calendar_svc.config import PROJECT_ROOT


def test_committed_openapi_matches_the_app() -> None:
    committed = (PROJECT_ROOT / "openapi" / "openapi.json").read_bytes()
    assert json.loads(committed) == json.loads(openapi_document()), (
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    )
