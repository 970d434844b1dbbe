"""GET /trips and /trips/{id}: filters, pagination, errors."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

TRIP = "to-lam-2025-05-05"


def test_list_and_filter_trips(client: TestClient[Litestar]) -> None:
    page = client.get("/trips").json()
    assert page["total"] == 1 and page["items"][0]["trip_id"] == TRIP
    assert client.get("/trips", params={"principal": "to lam"}).json()["total"] == 1
    assert client.get("/trips", params={"principal": "Macron"}).json()["total"] == 0
    assert client.get("/trips", params={"country": "by"}).json()["total"] == 1
    assert client.get("/trips", params={"country": "FR"}).json()["total"] == 0
    assert (
        client.get("/trips", params={"from": "2025-05-10", "to": "2025-05-20"}).json()["total"] == 1
    )
    assert client.get("/trips", params={"from": "2025-06-01"}).json()["total"] == 0
    assert client.get("/trips", params={"limit": 1, "offset": 1}).json()["items"] == []
    inverted = client.get("/trips", params={"from": "2025-05-10", "to": "2025-05-01"})
    assert inverted.status_code == 200 and inverted.json()["total"] == 0


def test_one_trip_has_legs_engagements_delegation_sources_disputes(
    client: TestClient[Litestar],
) -> None:
    trip = client.get(f"/trips/{TRIP}").json()
    assert [leg["country_code"] for leg in trip["legs"]] == ["KZ", "AZ", "RU", "BY"]
    russia = trip["legs"][2]
    for field in (
        "leg_id",
        "sequence",
        "visit_type",
        "inviter",
        "start_date",
        "end_date",
        "dates_confirmed",
        "date_basis",
        "status",
        "revision",
        "sources",
    ):
        assert field in russia
    assert russia["start_date"] == "2025-05-08" and russia["status"] == "concluded"
    # certainty as the enum's values, decided by the rules; the status with its date
    assert russia["start_certainty"] == russia["end_certainty"] == russia["certainty"] == "stated"
    assert russia["dates_confirmed"] is True and russia["status_as_of"] == "2025-05-11"
    kazakhstan = trip["legs"][0]
    assert kazakhstan["certainty"] == "inferred" and kazakhstan["dates_confirmed"] is False
    assert trip["status"] == "in_progress" and trip["status_as_of"] == "2025-05-11"
    assert trip["certainty"] in ("stated", "corroborated") and trip["dates_confirmed"] is True
    assert all(e["certainty"] in ("stated", "inferred") for e in trip["engagements"])
    assert len(trip["engagements"]) > 10 and trip["members"] and trip["sources"]
    assert trip["disputes"][0]["claimed"] == "state"


def test_errors_are_problem_documents(client: TestClient[Litestar]) -> None:
    missing = client.get("/trips/nope")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["status"] == 404 and "nope" in missing.json()["detail"]
    for params in ({"from": "not-a-date"}, {"limit": 0}, {"country": "FRA"}):
        bad = client.get("/trips", params=params)
        assert bad.status_code == 400, params
        assert bad.headers["content-type"] == "application/problem+json"
