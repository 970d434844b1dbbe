"""POST /articles and GET /articles/{id}: every outcome, and nothing appended on error."""

from __future__ import annotations

import json

import msgspec
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.store import EventStore
from tests.api.conftest import AUTH

ARTICLE = PROJECT_ROOT / "tests/fixtures/articles/ingest_en_president_latam_announce.txt"


def test_submit_appends_then_knows(client: TestClient[Litestar], seeded_store: EventStore) -> None:
    before = seeded_store.last_position()
    body = {
        "text": ARTICLE.read_text("utf-8"),
        "outlet": "Test Wire",
        "url": "https://example.org/a",
        "published_at": "2025-11-07",
    }
    created = client.post("/articles", json=body, headers=AUTH)
    assert created.status_code == 201
    result = created.json()
    assert result["known"] is False and result["trip_id"] == "luong-cuong-2025-11-10"
    assert result["events"][0]["type"] == "ArticleRecorded"
    assert [e["position"] for e in result["events"]] == list(
        range(before + 1, seeded_store.last_position() + 1)
    )
    again = client.post("/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["events"] == []
    trips = client.get("/trips", params={"principal": "Lương Cường"}).json()
    assert trips["total"] == 1  # the schedule changed with the new article


def test_read_back_an_article_with_its_facts(client: TestClient[Litestar]) -> None:
    created = client.post(
        "/articles", json={"text": ARTICLE.read_text("utf-8")}, headers=AUTH
    ).json()
    article = client.get(f"/articles/{created['article_id']}").json()
    assert article["text"] == ARTICLE.read_text("utf-8")
    assert article["language"] == "en" and article["published_on"] == "2025-11-07"
    assert len(article["facts"]) == len(created["events"]) - 1
    for fact in article["facts"]:
        for cite in fact["citations"]:
            start, end = cite["span"]
            assert article["text"][start:end] in cite["sentence"]
    assert client.get("/articles/" + "0" * 64).status_code == 404


def test_refusals_append_nothing(client: TestClient[Litestar], seeded_store: EventStore) -> None:
    head = seeded_store.last_position()
    text = ARTICLE.read_text("utf-8")
    cases = [
        ({}, {"text": text}, 401),
        ({"Authorization": "Bearer wrong"}, {"text": text}, 401),
        ({"Authorization": "Basic abc"}, {"text": text}, 401),
        (AUTH, {"text": ""}, 422),
        (AUTH, {"text": "   \n  "}, 422),
        (AUTH, {"text": "\x00\x01binary\x02" * 10}, 422),
        (AUTH, {"text": "x" * (1024 * 1024 + 10)}, 413),
        (AUTH, {"text": text, "published_at": "05/04/2025"}, 422),
        (AUTH, {"words": "no text field"}, 400),
        (AUTH, {"text": text, "language": "fr"}, 400),
    ]
    for headers, body, status in cases:
        response = client.post("/articles", json=body, headers=headers)
        assert response.status_code == status, (body.keys(), response.text)
        assert response.headers["content-type"] == "application/problem+json"
    oversized = client.post(
        "/articles",
        content=b"x" * (7 * 1024 * 1024),
        headers={**AUTH, "content-type": "application/json"},
    )
    assert oversized.status_code == 413
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        headers = {**AUTH, "content-type": content_type} if content_type else AUTH
        declared = client.post(
            "/articles", content=msgspec.json.encode({"text": text}), headers=headers
        )
        assert declared.status_code == 415, content_type
        assert declared.headers["content-type"] == "application/problem+json"
    assert seeded_store.last_position() == head


def test_the_text_is_limited_once_decoded_not_as_escaped_json(
    client: TestClient[Litestar], seeded_store: EventStore
) -> None:
    """Just under 1 MiB of Vietnamese, every character escaped by the client as \\uXXXX:
    about twice the bytes on the wire, still an article the service must read."""
    text = ARTICLE.read_text("utf-8")
    filler = "Trời mưa nhẹ ở Hà Nội. " * 30_000
    body = filler[: (1000 * 1024 - len(text.encode())) // 2] + text
    assert len(body.encode()) < 1024 * 1024
    escaped = json.dumps({"text": body}, ensure_ascii=True).encode()
    assert len(escaped) > 1024 * 1024 + 4096
    response = client.post(
        "/articles", content=escaped, headers={**AUTH, "content-type": "application/json"}
    )
    assert response.status_code == 201, response.text


def test_writes_are_refused_without_a_configured_token(
    seeded_store: EventStore, sqlite_url: str
) -> None:
    app = create_app(Settings(database_url=sqlite_url, api_token=None), store=seeded_store)
    with TestClient(app=app) as client:
        response = client.post("/articles", json={"text": "anything at all"}, headers=AUTH)
    assert response.status_code == 403
    assert "not configured" in response.json()["detail"]


def test_the_trip_index_is_warmed_when_the_app_starts(app: Litestar) -> None:
    """The first submission should not fold the whole log: startup does it in the back."""
    import threading

    with TestClient(app=app):
        for thread in threading.enumerate():
            if thread.name == "warm-up":
                thread.join(timeout=30)
        index = app.state["trips"]
        assert index.trips and index.position > 0


def test_an_article_over_its_cpu_budget_is_a_422_naming_the_cause(
    seeded_store: EventStore, sqlite_url: str
) -> None:
    settings = Settings(database_url=sqlite_url, api_token="secret", ingest_cpu_seconds=0.001)
    app = create_app(settings, store=seeded_store)
    head = seeded_store.last_position()
    text = "\n\n".join([ARTICLE.read_text("utf-8")] * 40)
    with TestClient(app=app) as client:
        response = client.post(
            "/articles", json={"text": text}, headers={"Authorization": "Bearer secret"}
        )
    assert response.status_code == 422, response.text
    assert "CPU" in response.json()["detail"]
    assert seeded_store.last_position() == head


def test_an_app_started_again_after_a_stop_still_reads_articles(app: Litestar) -> None:
    """A stop cancels running ingestions; a later start (a new test client, a new ASGI
    lifespan) must not leave every submission cancelled."""
    with TestClient(app=app):
        pass
    with TestClient(app=app) as client:
        body = {"text": ARTICLE.read_text("utf-8"), "published_at": "2025-11-07"}
        created = client.post("/articles", json=body, headers=AUTH)
    assert created.status_code == 201, created.text
