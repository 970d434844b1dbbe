"""GET /events pages and the /events/stream tail."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient


def test_pages_walk_the_whole_log(client: TestClient[Litestar]) -> None:
    seen: list[int] = []
    after = 0
    while True:
        page = client.get("/events", params={"after": after, "limit": 25}).json()
        seen += [item["position"] for item in page["items"]]
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert seen == list(range(1, page["head"] + 1))
    item = client.get("/events", params={"limit": 1}).json()["items"][0]
    assert set(item) >= {
        "position",
        "event_id",
        "stream_id",
        "stream_version",
        "type",
        "data",
        "metadata",
        "recorded_at",
        "hash",
    }
    assert item["type"] == "ArticleRecorded" and len(item["hash"]) == 64


def test_filter_by_stream_and_type(client: TestClient[Litestar]) -> None:
    disputes = client.get("/events", params={"type": "ClaimDisputed"}).json()["items"]
    assert [e["type"] for e in disputes] == ["ClaimDisputed"]
    trip = client.get("/events", params={"stream": "trip-to-lam-2025-05-05", "limit": 5})
    assert {e["stream_id"] for e in trip.json()["items"]} == {"trip-to-lam-2025-05-05"}
    bad = client.get("/events", params={"type": "Nonsense"})
    assert bad.status_code == 400 and bad.json()["errors"]


def test_stream_sends_events_after_a_position(client: TestClient[Litestar]) -> None:
    with client.stream("GET", "/events/stream", params={"after": 3, "limit": 2}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    ids = [line.split(": ", 1)[1] for line in body.splitlines() if line.startswith("id:")]
    assert ids == ["4", "5"]
    assert "event: VisitAnnounced" in body


def test_stream_resumes_from_last_event_id(client: TestClient[Litestar]) -> None:
    with client.stream(
        "GET", "/events/stream", params={"limit": 1}, headers={"Last-Event-ID": "10"}
    ) as response:
        body = "".join(response.iter_text())
    assert "id: 11" in body
    bad = client.get("/events/stream", headers={"Last-Event-ID": "x"})
    assert bad.status_code == 400


def test_positions_beyond_any_log_are_refused_not_crashed(client: TestClient[Litestar]) -> None:
    huge = str(2**112)
    assert client.get("/events", params={"after": huge}).status_code == 400
    assert client.get("/events/stream", headers={"Last-Event-ID": huge}).status_code == 400
    assert client.get("/events", params={"after": str(2**53 - 1)}).json()["items"] == []
