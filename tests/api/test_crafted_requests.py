"""Property-based: whatever headers, query values and bodies a client crafts, the answer
is never a 5xx, and every error is a problem document. Complements the schemathesis
run, which stays inside the documented contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import TestClient

from tests.api.conftest import AUTH

FAST = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
#: Header values as bytes: anything a client can put on the wire (no CR/LF).
header_bytes = st.binary(max_size=40).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))
#: JSON of any shape, nesting included (the depths an attacker would try, and some).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def crafted_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient[Litestar]]:
    from pathlib import Path

    from calendar_svc.api.app import create_app
    from calendar_svc.config import PROJECT_ROOT, Settings
    from calendar_svc.services.article_files import iter_article_files
    from calendar_svc.services.ingestion import ingest
    from calendar_svc.store import migrate, open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('crafted') / 'api.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    for name in iter_article_files([str(PROJECT_ROOT / "seeds")]):
        ingest(store, Path(name).read_bytes())
    app = create_app(Settings(database_url=url, api_token=AUTH["Authorization"][7:]), store)
    with TestClient(app=app, raise_server_exceptions=False) as client:
        yield client
    store.close()


def _no_5xx(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert json.loads(response.text)["status"] == response.status_code


@FAST
@given(
    path=st.sampled_from(["/schedule", "/trips", "/calendar.ics", "/events", "/health"]),
    name=st.sampled_from(
        ["if-none-match", "if-modified-since", "last-event-id", "accept", "authorization"]
    ),
    value=header_bytes,
)
def test_any_header_value(
    crafted_client: TestClient[Litestar], path: str, name: str, value: bytes
) -> None:
    _no_5xx(crafted_client.get(path, headers={name: value}))


@FAST
@given(value=header_bytes)
def test_any_last_event_id(crafted_client: TestClient[Litestar], value: bytes) -> None:
    response = crafted_client.get(
        "/events/stream", params={"limit": 1, "after": 0}, headers={"last-event-id": value}
    )
    _no_5xx(response)


@FAST
@given(
    path=st.sampled_from(["/schedule", "/calendar.ics", "/countries/RU/calendar.ics"]),
    value=st.text(max_size=40)
    | st.datetimes().map(lambda d: d.isoformat() + "-01:00")
    | st.datetimes().map(lambda d: d.isoformat() + "+14:00")
    | st.integers(),
)
def test_any_as_of(crafted_client: TestClient[Litestar], path: str, value: object) -> None:
    _no_5xx(crafted_client.get(path, params={"as_of": str(value)}))


@FAST
@given(body=json_values, depth=st.integers(min_value=0, max_value=3000))
def test_any_json_body(crafted_client: TestClient[Litestar], body: Any, depth: int) -> None:
    wrapped = {"text": "short", "x": body} if depth % 2 else body
    raw = b"[" * depth + json.dumps(wrapped).encode() + b"]" * depth
    response = crafted_client.post(
        "/articles", content=raw, headers={**AUTH, "content-type": "application/json"}
    )
    _no_5xx(response)
    assert response.status_code in (400, 413, 422)


@FAST
@given(content_type=header_bytes, body=st.binary(max_size=200))
def test_any_content_type_and_bytes(
    crafted_client: TestClient[Litestar], content_type: bytes, body: bytes
) -> None:
    response = crafted_client.post(
        "/articles", content=body, headers={**AUTH, "content-type": content_type}
    )
    _no_5xx(response)


def test_a_position_of_any_length_reads_as_the_log_head(
    crafted_client: TestClient[Litestar],
) -> None:
    """The contract bounds no `as_of` integer: 25 digits is past the head, not a 400."""
    huge = "9" * 25
    for path in ("/schedule", "/calendar.ics"):
        answer = crafted_client.get(path, params={"as_of": huge})
        assert answer.status_code == 200, (path, answer.text)
