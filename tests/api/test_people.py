"""GET /people and /people/{slug}: travellers, hosts and counterparts, one person under
the several forms articles write their name in."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.domain.values import PersonRef
from calendar_svc.domain.views import EngagementView, LegView, Schedule, TripView
from calendar_svc.services.people import find_person, people_of

TRIP = "to-lam-2025-05-05"


def test_people_lists_the_traveller_first_with_hosts_and_counterparts(
    client: TestClient[Litestar],
) -> None:
    answer = client.get("/people")
    assert answer.status_code == 200
    people = answer.json()["items"]
    assert people[0]["slug"] == "to-lam" and people[0]["trips"] == 1
    by_slug = {p["slug"]: p for p in people}
    assert by_slug["ilham-aliyev"]["hosted"] == 1 and by_slug["ilham-aliyev"]["trips"] == 0
    # "Putin" and "Vladimir Putin" are one person, under the longer form.
    putin = by_slug["vladimir-putin"]
    assert set(putin["names"]) >= {"Vladimir Putin", "Putin"}
    assert "putin" not in by_slug
    assert putin["hosted"] == 1 and putin["met"] >= 2


def test_a_person_has_their_trips_and_what_they_hosted(client: TestClient[Litestar]) -> None:
    lam = client.get("/people/to-lam").json()
    assert lam["name"] == "Tô Lâm" and [t["trip_id"] for t in lam["trips"]] == [TRIP]
    assert [leg["country_code"] for leg in lam["trips"][0]["legs"]] == ["KZ", "AZ", "RU", "BY"]
    assert lam["hosted"] == [] and lam["met"] == []
    putin = client.get("/people/putin").json()  # a short form's slug finds the person
    assert putin["slug"] == "vladimir-putin"
    assert [h["country_code"] for h in putin["hosted"]] == ["RU"]
    assert {m["trip_id"] for m in putin["met"]} == {TRIP}
    assert all(m["country_code"] == "RU" for m in putin["met"])


def test_filters_and_errors(client: TestClient[Litestar]) -> None:
    assert client.get("/people/to-lam", params={"country": "ru"}).json()["trips"]
    assert client.get("/people/to-lam", params={"country": "FR"}).json()["trips"] == []
    assert client.get("/people/to-lam", params={"from": "2025-06-01"}).json()["trips"] == []
    putin = client.get("/people/putin", params={"country": "KZ"}).json()
    assert putin["hosted"] == [] and putin["met"] == []
    missing = client.get("/people/nobody-at-all")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert client.get("/people/to-lam", params={"country": "RUS"}).status_code == 400


def _trip(trip_id: str, principal: str, inviter: str, counterpart: str) -> TripView:
    leg = LegView(
        leg_id=f"{trip_id}/fr",
        trip_id=trip_id,
        sequence=1,
        country_code="FR",
        city=None,
        visit_type="state",
        inviter=PersonRef(inviter),
        start_date=None,
        end_date=None,
        dates_confirmed=False,
        date_basis="",
        status="announced",
    )
    talks = EngagementView(
        engagement_id=f"{trip_id}/fr/talks",
        trip_id=trip_id,
        leg_id=leg.leg_id,
        kind="talks",
        title="Talks",
        counterparts=[PersonRef(counterpart)],
        place=None,
        start_date=None,
        end_date=None,
        local_time=None,
        day_part=None,
        timezone=None,
        date_basis="",
        status="reported",
    )
    return TripView(
        trip_id=trip_id,
        principal=PersonRef(principal),
        spouse=None,
        members=[],
        start_date=None,
        end_date=None,
        dates_confirmed=False,
        status="announced",
        legs=[leg],
        engagements=[talks],
        disputes=[],
        sources=[],
    )


def test_forms_of_one_name_are_one_person_and_others_are_not() -> None:
    schedule = Schedule(
        position=1,
        recorded_at=None,
        trips=[
            _trip("a", "Xi Jinping", "Emmanuel Macron", "Macron"),
            _trip("b", "Tập Cận Bình", "Kim Jong Un", "Kim Yo Jong"),
        ],
        sources={},
    )
    people = {p.slug: p for p in people_of(schedule)}
    assert len(people["xi-jinping"].trips) == 2  # a transliteration is the same person
    assert set(people["emmanuel-macron"].names) == {"Emmanuel Macron", "Macron"}
    # a shared family name alone does not make two people one
    assert "kim-jong-un" in people and "kim-yo-jong" in people
    found = find_person(schedule, "tap-can-binh")
    assert found is not None and found.slug == "xi-jinping"
