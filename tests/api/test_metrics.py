"""GET /metrics: Prometheus text with the requests and the service's own figures."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient
from prometheus_client.parser import text_string_to_metric_families

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.store import EventStore
from tests.api.conftest import AUTH

ARTICLE = PROJECT_ROOT / "tests/fixtures/articles/ingest_en_president_latam_announce.txt"


def _samples(client: TestClient[Litestar]) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return sum(v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls))


def test_requests_are_counted_by_route_template(client: TestClient[Litestar]) -> None:
    before = _samples(client)
    client.get("/trips/to-lam-2025-05-05")
    client.get("/trips/no-such-trip")
    after = _samples(client)
    name = "calendar_svc_requests_total"
    route = "/trips/{trip_id}"
    assert _value(after, name, path=route) - _value(before, name, path=route) == 2
    assert _value(after, "calendar_svc_request_duration_seconds_count", path=route) >= 2
    # one series per route, never one per trip id
    assert not any("to-lam" in dict(ls).get("path", "") for _, ls in after)


def test_log_position_and_projection_lag_are_read_at_scrape_time(
    client: TestClient[Litestar], seeded_store: EventStore
) -> None:
    samples = _samples(client)
    assert _value(samples, "calendar_svc_log_position") == seeded_store.last_position()
    client.post("/articles", json={"text": ARTICLE.read_text("utf-8")}, headers=AUTH)
    samples = _samples(client)
    assert _value(samples, "calendar_svc_log_position") == seeded_store.last_position()
    # The projection may catch up between two reads (the warm-up thread and the append
    # notifier fold in the background): the lag can only fall from one read to the next.
    health = client.get("/health").json()
    later = _samples(client)
    lag, after = (_value(x, "calendar_svc_projection_lag_events") for x in (samples, later))
    assert lag >= health["projection_lag"] >= after >= 0


def test_ingestions_are_counted_by_outcome_and_timed(client: TestClient[Litestar]) -> None:
    before = _samples(client)
    body = {"text": ARTICLE.read_text("utf-8")}
    assert client.post("/articles", json=body, headers=AUTH).status_code == 201
    assert client.post("/articles", json=body, headers=AUTH).status_code == 200
    assert client.post("/articles", json={"text": "   "}, headers=AUTH).status_code == 422
    after = _samples(client)
    name = "calendar_svc_ingestions_total"
    for outcome in ("appended", "known", "rejected"):
        grew = _value(after, name, outcome=outcome) - _value(before, name, outcome=outcome)
        assert grew == 1, outcome
    timed = "calendar_svc_ingestion_seconds_count"
    assert _value(after, timed) - _value(before, timed) == 3


def test_cache_hits_and_misses_are_counted(client: TestClient[Litestar]) -> None:
    before = _samples(client)
    for _ in range(3):
        client.get("/schedule", params={"country": "CN"})
        client.get("/calendar.ics", params={"country": "CN"})
    after = _samples(client)
    name = "calendar_svc_cache_lookups_total"
    for cache in ("answer", "feed"):
        hits = _value(after, name, cache=cache, result="hit")
        assert hits - _value(before, name, cache=cache, result="hit") >= 2, cache
        assert _value(after, name, cache=cache, result="miss") >= 1, cache
