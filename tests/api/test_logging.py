"""Log lines are JSON objects, each with the id of the request it was written for."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.observability import JsonFormatter
from tests.api.conftest import AUTH


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("calendar_svc")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def _records(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_lines_in_a_request_carry_its_id_even_from_a_worker_thread(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch, lines: io.StringIO
) -> None:
    from calendar_svc.api.controllers import articles

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        logging.getLogger("calendar_svc.services").warning("reading the article")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(articles, "ingest", fail)
    response = client.post(
        "/articles", json={"text": "x"}, headers={**AUTH, "X-Request-ID": "req-503"}
    )
    assert response.status_code == 503 and response.json()["request_id"] == "req-503"
    records = _records(lines)
    assert records[0]["message"] == "reading the article"  # logged in the worker thread
    assert any("database unavailable" in r["message"] for r in records)
    for record in records:
        assert record["request_id"] == "req-503"
        assert {"time", "level", "logger", "message"} <= set(record)


def test_a_traceback_is_one_json_line(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch, lines: io.StringIO
) -> None:
    from calendar_svc.api.controllers import articles

    def crash(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(articles, "ingest", crash)
    response = client.post("/articles", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 500
    request_id = response.headers["x-request-id"]
    assert response.json()["request_id"] == request_id
    assert "a bug" not in response.text  # no internals to the client
    (record,) = _records(lines)
    assert record["level"] == "error" and record["request_id"] == request_id
    assert "RuntimeError: a bug" in record["exception"]


def test_lines_outside_a_request_have_no_id(lines: io.StringIO) -> None:
    logging.getLogger("calendar_svc.cli").warning("starting")
    (record,) = _records(lines)
    assert record["message"] == "starting" and "request_id" not in record
