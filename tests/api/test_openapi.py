"""The committed OpenAPI document is the contract: it must match the app exactly."""

from __future__ import annotations

import json
import re
from typing import Any

from calendar_svc.cli.serve import openapi_document
from calendar_svc.config import PROJECT_ROOT


def test_committed_openapi_matches_the_app() -> None:
    committed = (PROJECT_ROOT / "openapi" / "openapi.json").read_bytes()
    assert json.loads(committed) == json.loads(openapi_document()), (
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    )


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(openapi_document())
    return document


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in _document()["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    ]


def test_operation_ids_are_readable_method_names() -> None:
    ids = {(method, path): op["operationId"] for method, path, op in _operations()}
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"(get|list|submit|stream)[A-Z][A-Za-z]+", i) for i in ids.values())
    assert ids["get", "/trips"] == "listTrips"
    assert ids["get", "/trips/{trip_id}"] == "getTrip"
    assert ids["get", "/trips/{trip_id}/calendar.ics"] == "getTripCalendar"


def test_every_tagged_json_get_documents_its_etag_and_304() -> None:
    """ETagMiddleware tags every GET but the feeds (which tag themselves), health and the
    live tail; the contract says so, so that clients know to revalidate."""
    untagged = ("/health", "/health/live", "/health/ready", "/events/stream")
    for method, path, op in _operations():
        if method != "get" or path.endswith(".ics") or path in untagged:
            continue
        assert "304" in op["responses"], path
        assert {"ETag", "Cache-Control"} <= set(op["responses"]["200"]["headers"]), path


def test_closed_sets_are_enums_and_a_time_of_day_is_a_time() -> None:
    schemas = _document()["components"]["schemas"]
    assert set(schemas["TripView"]["properties"]["status"]["enum"]) == {
        "announced",
        "in_progress",
        "concluded",
        "postponed",
        "cancelled",
    }
    assert schemas["EngagementView"]["properties"]["status"]["enum"] == ["reported", "cancelled"]
    assert schemas["Health"]["properties"]["status"]["enum"] == ["ok", "degraded"]
    assert schemas["ArticleView"]["properties"]["language"]["enum"] == ["en", "vi"]
    local_time = schemas["EngagementView"]["properties"]["local_time"]["oneOf"][0]
    assert local_time == {"type": "string", "format": "time"}
    span = schemas["Citation"]["properties"]["span"]
    assert span == {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}


def test_writes_need_the_bearer_token_and_reads_do_not() -> None:
    document = _document()
    assert document["security"] == [{}]
    assert document["info"]["license"]["identifier"] == "MIT"
    for method, path, op in _operations():
        if method == "post":
            assert op["security"] == [{"bearer": []}], path
            assert "401" in op["responses"], path
        else:
            assert "security" not in op, path
