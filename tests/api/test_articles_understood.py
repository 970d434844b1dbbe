"""What the service did not understand is visible: unlinked articles, and per sentence
what was read and what named someone or somewhere yet gave nothing."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.config import PROJECT_ROOT
from tests.api.conftest import AUTH

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "articles"


def _post(client: TestClient[Litestar], name: str) -> str:
    response = client.post(
        "/articles", json={"text": (FIXTURES / name).read_text("utf-8")}, headers=AUTH
    )
    assert response.status_code in (200, 201), response.text
    article_id: str = response.json()["article_id"]
    return article_id


def test_articles_list_the_trips_they_fed_and_unlinked_ones_apart(
    client: TestClient[Litestar],
) -> None:
    everything = client.get("/articles").json()
    assert len(everything["items"]) == 5 and everything["next_after"] is None
    assert all(a["linked"] and a["trip_ids"] == ["to-lam-2025-05-05"] for a in everything["items"])
    assert client.get("/articles", params={"unlinked": "true"}).json()["items"] == []
    domestic = _post(client, "ingest_en_domestic_meeting.txt")
    unlinked = client.get("/articles", params={"unlinked": "true"}).json()["items"]
    assert [a["article_id"] for a in unlinked] == [domestic]
    assert unlinked[0]["trip_ids"] == [] and not unlinked[0]["linked"]
    linked = client.get("/articles", params={"unlinked": "false"}).json()["items"]
    assert len(linked) == 5 and domestic not in {a["article_id"] for a in linked}
    first = client.get("/articles", params={"limit": 2}).json()
    rest = client.get("/articles", params={"after": first["next_after"]}).json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 4


def test_an_article_shows_each_sentence_with_what_was_read_from_it(
    client: TestClient[Litestar],
) -> None:
    domestic = client.get(f"/articles/{_post(client, 'ingest_en_no_dates.txt')}").json()
    sentences = domestic["sentences"]
    assert sentences and domestic["facts"] == []
    named = [s for s in sentences if s["people"] or s["countries"]]
    assert named and all(s["unread"] and s["facts"] == [] for s in named)
    assert not any(s["unread"] for s in sentences if not (s["people"] or s["countries"]))
    assert domestic["unread_sentences"] == sum(s["unread"] for s in sentences) >= 1
    text = domestic["text"]
    assert all(text[s["span"][0] : s["span"][1]] == s["text"] for s in sentences)
    # A sentence that gave facts is not unread, and names the facts that cite it.
    seed = client.get("/articles").json()["items"][0]["article_id"]
    read = client.get(f"/articles/{seed}").json()
    cited = [s for s in read["sentences"] if s["facts"]]
    assert cited and not any(s["unread"] for s in cited)
    positions = {f["position"] for f in read["facts"]}
    assert {p for s in cited for p in s["facts"]} <= positions
    assert "KZ" in {c for s in read["sentences"] for c in s["countries"]}


def test_a_bare_principal_name_counts_as_naming_a_person(client: TestClient[Litestar]) -> None:
    """'Lâm' alone has no title; the log knows Tô Lâm travels, so the name counts."""
    from calendar_svc.services.articles import read_sentences

    readings = read_sentences(
        "Tô Lâm spoke with farmers in the north. Rain fell all day.", "en", [], ["Tô Lâm"]
    )
    assert readings[0].people == ["Tô Lâm"] and readings[0].unread
    assert not readings[1].unread and readings[1].people == []


def test_cli_ingest_shows_what_it_did_not_understand(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from calendar_svc.cli import main

    assert (
        main(["--database-url", sqlite_url, "ingest", str(FIXTURES / "ingest_en_no_dates.txt")])
        == 0
    )
    out = capsys.readouterr().out
    assert "(no trip)" in out
    assert "sentences name someone or somewhere but gave nothing" in out
    assert "[0] Prime Minister Phạm Minh Chính will pay an official visit to Brazil" in out
