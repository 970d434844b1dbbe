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


def test_a_follower_wakes_on_an_append_without_polling(any_url: str) -> None:
    """The stream sleeps on the process's notifier (NOTIFY on PostgreSQL, one shared head
    poll on SQLite). The fallback read is an hour away and a keep-alive 15 s, so an
    event that arrives in seconds was delivered by the wake-up."""
    import threading
    import time

    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings
    from calendar_svc.store import open_store
    from tests.store.log_contract import ev

    store = open_store(any_url)
    store.append([ev("first")])
    app = create_app(Settings(database_url=any_url, notify_fallback_seconds=3600), store=store)
    try:
        with TestClient(app=app) as client:
            notifier = app.state["notifier"]
            deadline = time.monotonic() + 10
            while notifier.head < 1:  # listening, and the head read once
                assert time.monotonic() < deadline
                time.sleep(0.01)
            timer = threading.Timer(1.0, lambda: store.append([ev("second")]))
            started = time.monotonic()
            timer.start()
            with client.stream("GET", "/events/stream", params={"limit": 1}) as response:
                body = "".join(response.iter_text())
            waited = time.monotonic() - started
            timer.join()
            assert "id: 2" in body
            assert waited < 10  # not a speed target: without a wake-up it takes 15 s
    finally:
        store.close()


def test_cached_answers_of_older_positions_are_dropped_on_append(
    client: TestClient[Litestar],
) -> None:
    import time

    from tests.store.log_contract import ev

    readside = client.app.state["readside"]
    store = client.app.state["store"]
    head = store.last_position()
    assert client.get("/trips").status_code == 200
    assert any(key[1] == head for key in readside._answers)
    store.append([ev("later")])
    deadline = time.monotonic() + 10
    while any(key[1] == head for key in readside._answers):
        assert time.monotonic() < deadline, "the notification never invalidated the cache"
        time.sleep(0.02)
