"""GET /schedule: date order, filters, as_of, and conditional requests."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.services.ingestion import ingest
from calendar_svc.store import EventStore


def test_schedule_is_in_date_order(client: TestClient[Litestar]) -> None:
    body = client.get("/schedule").json()
    starts = [e["start_date"] for e in body["entries"]]
    assert starts == sorted(starts)
    assert {e["kind"] for e in body["entries"]} == {"leg", "engagement"}
    assert body["sources"] and body["as_of"] is None


def test_schedule_filters_by_country_and_dates(client: TestClient[Litestar]) -> None:
    belarus = client.get("/schedule", params={"country": "BY"}).json()["entries"]
    assert [e["id"].rsplit("/", 1)[-1] for e in belarus if e["kind"] == "leg"] == ["by"]
    on_ninth = client.get("/schedule", params={"from": "2025-05-09", "to": "2025-05-09"})
    titles = [e["title"] for e in on_ninth.json()["entries"]]
    assert any("Great Patriotic War" in t for t in titles)


def test_as_of_a_position_and_a_time(client: TestClient[Litestar]) -> None:
    early = client.get("/schedule", params={"as_of": "17"}).json()
    assert early["position"] == 17
    russia = next(e for e in early["entries"] if e["id"].endswith("/ru"))
    assert russia["status"] == "announced"
    nothing = client.get("/schedule", params={"as_of": "2000-01-01T00:00:00Z"}).json()
    assert nothing["position"] == 0 and nothing["entries"] == []
    response = client.get("/schedule", params={"as_of": "yesterday"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    beyond = client.get("/schedule", params={"as_of": "999999"}).json()
    assert beyond["position"] == client.get("/health").json()["log_position"]


def test_etag_and_if_none_match(client: TestClient[Litestar]) -> None:
    first = client.get("/schedule", params={"country": "RU"})
    tag = first.headers["etag"]
    again = client.get("/schedule", params={"country": "RU"}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/schedule", params={"country": "BY"}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    for path in ("/trips", "/events", "/trips/to-lam-2025-05-05"):
        assert client.get(path).headers.get("etag"), path
    # Health is the database's state now, never a cached answer.
    health = client.get("/health")
    assert "etag" not in health.headers and health.headers["cache-control"] == "no-store"


def test_pages_walk_the_whole_schedule_at_one_position(client: TestClient[Litestar]) -> None:
    whole = client.get("/schedule", params={"limit": 1000}).json()
    assert whole["total"] == len(whole["entries"]) > 10
    assert client.get("/schedule").json()["limit"] == 100  # the default page
    walked: list[dict[str, object]] = []
    offset = 0
    while True:
        page = client.get(
            "/schedule", params={"limit": 7, "offset": offset, "as_of": whole["position"]}
        ).json()
        assert page["total"] == whole["total"] and page["limit"] == 7
        assert page["offset"] == offset and len(page["entries"]) <= 7
        cited = {s for e in page["entries"] for s in (e["leg"] or e["engagement"])["sources"]}
        assert set(page["sources"]) == cited  # only the articles this page cites
        if not page["entries"]:
            break
        walked.extend(page["entries"])
        offset += 7
    assert walked == whole["entries"]


def test_page_bounds_are_problems(client: TestClient[Litestar]) -> None:
    for params in ({"limit": 0}, {"limit": 1001}, {"offset": -1}, {"limit": "many"}):
        response = client.get("/schedule", params=params)
        assert response.status_code == 400, params
        assert response.headers["content-type"] == "application/problem+json"


def test_a_new_append_is_seen_at_once(
    client: TestClient[Litestar], seeded_store: EventStore
) -> None:
    before = client.get("/schedule", params={"country": "KZ"})
    assert before.json()["entries"][0]["status"] != "confirmed"
    text = (
        "Hanoi, 12 June 2025 (VNA) - General Secretary Tô Lâm paid an official visit to "
        "Kazakhstan from 5 to 7 May 2025, at the invitation of President Kassym-Jomart "
        "Tokayev."
    )
    ingest(seeded_store, text.encode())
    after = client.get(
        "/schedule", params={"country": "KZ"}, headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert after.json()["position"] > before.json()["position"]


def test_a_bad_parameter_is_named_as_the_client_sent_it(client: TestClient[Litestar]) -> None:
    response = client.get("/schedule", params={"from": "not-a-date"})
    assert response.status_code == 400
    assert [e["key"] for e in response.json()["errors"]] == ["from"]
    response = client.get("/trips", params={"to": "2025-13-40"})
    assert [e["key"] for e in response.json()["errors"]] == ["to"]
