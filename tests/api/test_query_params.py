"""Unknown query parameters are a 400 problem on every route, never silently ignored."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

TRIP = "to-lam-2025-05-05"


@pytest.mark.parametrize(
    "path",
    [
        "/trips",
        f"/trips/{TRIP}",
        "/schedule",
        "/events",
        "/events/stream",
        "/articles",
        "/calendar.ics",
        f"/trips/{TRIP}/calendar.ics",
        "/countries/RU/calendar.ics",
        "/people",
        "/people/to-lam",
        "/health",
        "/",
        f"/ui/trips/{TRIP}",
        "/ui/audit",
        "/ui/people/to-lam",
    ],
)
def test_an_unknown_parameter_is_a_problem(client: TestClient[Litestar], path: str) -> None:
    answer = client.get(path, params={"bogus": "x"})
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["status"] == 400 and "'bogus'" in problem["detail"]


def test_a_misspelt_filter_names_what_the_route_takes(client: TestClient[Litestar]) -> None:
    answer = client.get("/trips", params={"principle": "to lam"})
    assert answer.status_code == 400
    detail = answer.json()["detail"]
    assert "'principle'" in detail and "principal" in detail and "country" in detail


def test_declared_parameters_still_work(client: TestClient[Litestar]) -> None:
    assert client.get("/trips", params={"principal": "to lam", "limit": 5}).status_code == 200
    assert client.get("/calendar.ics", params={"as_of": 3}).status_code == 200
    assert client.get("/events", params={"after": 0, "type": "VisitAnnounced"}).status_code == 200
    assert client.get("/calendar.ics").status_code == 200


def test_head_is_checked_like_get(client: TestClient[Litestar]) -> None:
    # (`principal` is a filter of every feed now: issue 14)
    assert client.head("/calendar.ics", params={"principle": "x"}).status_code in (400,)
    assert client.head("/calendar.ics", params={"principal": "x"}).status_code == 200
