"""Countries one of a trip's several sources names in passing are no legs (rule 0), and
the trip says which they were: in its JSON and on its page. (The articles, in our own
words, are about Modi's visits to Moscow and Vienna of 8-10 July 2024.)"""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.config import PROJECT_ROOT

from .conftest import AUTH

ARTICLES = PROJECT_ROOT / "tests/fixtures/articles"


def _submit(client: TestClient[Litestar], name: str, published: str) -> str:
    body = {"text": (ARTICLES / name).read_text("utf-8"), "published_at": published}
    answer = client.post("/articles", json=body, headers=AUTH)
    assert answer.status_code == 201, answer.text
    trip_id: str = answer.json()["trip_id"]
    return trip_id


def test_a_trip_lists_what_one_source_named_in_passing(client: TestClient[Litestar]) -> None:
    trip_id = _submit(client, "passing_en_modi_moscow_arrival.txt", "2024-07-08")
    assert _submit(client, "passing_en_modi_vienna_reactions.txt", "2024-07-10") == trip_id
    trip = client.get(f"/trips/{trip_id}").json()
    assert [leg["country_code"] for leg in trip["legs"]] == ["RU", "AT"]
    assert trip["named_in_passing"] == ["UA", "US"]
    page = client.get(f"/ui/trips/{trip_id}").text
    passing = page[page.index('class="passing"') :]
    passing = passing[: passing.index("</p>")]
    assert "Ukraine" in passing and "United States" in passing
    vi = client.get(f"/ui/trips/{trip_id}", params={"lang": "vi"}).text
    assert "Chỉ một nguồn nhắc qua" in vi and "Ukraine" not in vi[vi.index('class="passing"') :]
