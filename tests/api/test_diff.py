"""GET /diff: the auditor's diff over HTTP, each changed field with its causes."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient


def test_diff_lists_changed_fields_with_their_causes(client: TestClient[Litestar]) -> None:
    head = client.get("/events").json()["head"]
    response = client.get("/diff", params={"from": 17, "to": head})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from_position"], body["to_position"]) == (17, head)
    changed = [c for c in body["changes"] if c["change"] == "changed"]
    assert changed and all(c["field"] != "item" for c in changed)
    for change in changed:
        assert change["causes"], change
        for cause in change["causes"]:
            assert 17 < cause["position"] <= head
            assert set(cause) >= {"position", "type", "article_id", "sentence"}
    assert client.get("/diff", params={"from": head, "to": head}).json()["changes"] == []


def test_diff_refuses_points_it_cannot_read(client: TestClient[Litestar]) -> None:
    for params in ({"from": "yesterday", "to": "3"}, {"from": "3"}, {"to": "3"}):
        response = client.get("/diff", params=params)
        assert response.status_code == 400, params
        assert response.headers["content-type"] == "application/problem+json"
