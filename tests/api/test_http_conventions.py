"""HTTP as clients expect it: compression with honest tags, CORS when configured,
Location on 201, immutable historical answers, request ids, and Link headers on pages."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from urllib.parse import parse_qsl

import brotli
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.store import EventStore
from tests.api.conftest import AUTH, TOKEN

ARTICLE = PROJECT_ROOT / "tests/fixtures/articles/ingest_en_president_latam_announce.txt"


def _submit(client: TestClient[Litestar]) -> object:
    return client.post("/articles", json={"text": ARTICLE.read_text("utf-8")}, headers=AUTH)


# -- compression --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"), [("/schedule", "application/json"), ("/calendar.ics", "text/calendar")]
)
def test_json_and_feeds_are_compressed_and_say_so(
    client: TestClient[Litestar], path: str, kind: str
) -> None:
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["vary"]  # caches must key on it even so
    assert not plain.headers["etag"].startswith("W/")
    for coding, decompress in (("gzip", gzip.decompress), ("br", brotli.decompress)):
        # httpx decodes transparently; read the raw bytes to see what travelled
        with client.stream("GET", path, headers={"Accept-Encoding": coding}) as raw:
            wire = b"".join(raw.iter_raw())
            headers = raw.headers
        assert headers["content-encoding"] == coding
        assert headers["content-type"].startswith(kind)
        assert "Accept-Encoding" in headers["vary"]
        assert len(wire) < len(plain.content) / 2
        assert decompress(wire) == plain.content
        # another representation: the same tag, weak (RFC 9110 §8.8.3)
        assert headers["etag"] == "W/" + plain.headers["etag"]


@pytest.mark.parametrize("path", ["/schedule", "/trips", "/calendar.ics"])
def test_compressed_answers_still_revalidate_to_304(
    client: TestClient[Litestar], path: str
) -> None:
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    tag = first.headers["etag"]
    assert tag.startswith("W/")
    again = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": tag})
    assert again.status_code == 304 and again.headers["etag"] == tag
    assert "Accept-Encoding" in again.headers["vary"]


def test_the_live_tail_is_not_compressed(client: TestClient[Litestar]) -> None:
    with client.stream(
        "GET",
        "/events/stream",
        params={"after": 0, "limit": 1},
        headers={"Accept-Encoding": "gzip"},
    ) as response:
        assert "content-encoding" not in response.headers


# -- CORS -----------------------------------------------------------------------------


@pytest.fixture
def cors_client(seeded_store: EventStore, sqlite_url: str) -> Iterator[TestClient[Litestar]]:
    settings = Settings(
        database_url=sqlite_url, api_token=TOKEN, cors_origins=("https://app.example.org",)
    )
    with TestClient(app=create_app(settings, store=seeded_store)) as client:
        yield client


def test_cors_is_off_unless_configured(client: TestClient[Litestar]) -> None:
    response = client.get("/trips", headers={"Origin": "https://app.example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_configured_origins_may_read_feeds_and_gets(cors_client: TestClient[Litestar]) -> None:
    origin = {"Origin": "https://app.example.org"}
    for path in ("/trips", "/calendar.ics"):
        response = cors_client.get(path, headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://app.example.org"
        exposed = response.headers["access-control-expose-headers"].lower()
        assert "etag" in exposed and "link" in exposed and "x-request-id" in exposed
    other = cors_client.get("/trips", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in other.headers
    preflight = cors_client.options(
        "/schedule",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert "GET" in preflight.headers["access-control-allow-methods"]
    # writes stay same-origin: a page must not hold the token
    refused = cors_client.options(
        "/articles", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    assert refused.status_code == 400


# -- Location, historical answers -------------------------------------------------------


def test_a_201_names_the_new_article(client: TestClient[Litestar]) -> None:
    created = _submit(client)
    assert created.status_code == 201  # type: ignore[attr-defined]
    location = created.headers["location"]  # type: ignore[attr-defined]
    assert location == f"/articles/{created.json()['article_id']}"  # type: ignore[attr-defined]
    assert client.get(location).status_code == 200
    again = _submit(client)
    assert again.status_code == 200 and "location" not in again.headers  # type: ignore[attr-defined]


def test_an_answer_at_a_past_position_is_immutable_with_a_tag_of_its_own(
    client: TestClient[Litestar],
) -> None:
    plain = {"Accept-Encoding": "identity"}
    past = client.get("/schedule", params={"as_of": 17}, headers=plain)
    assert past.headers["cache-control"] == "public, max-age=31536000, immutable"
    tag = past.headers["etag"]
    now = client.get("/schedule", headers=plain)
    assert now.headers["cache-control"] == "no-cache" and now.headers["etag"] != tag
    _submit(client)  # the log grows: the past answer and its tag do not change
    later = client.get("/schedule", params={"as_of": 17}, headers=plain)
    assert later.headers["etag"] == tag and later.content == past.content
    assert client.get("/schedule", headers={"If-None-Match": tag, **plain}).status_code == 200
    assert (
        client.get("/schedule", params={"as_of": 17}, headers={"If-None-Match": tag}).status_code
        == 304
    )
    # a position the log has not reached yet answers the head: not immutable
    ahead = client.get("/schedule", params={"as_of": 10**9})
    assert ahead.headers["cache-control"] == "no-cache"


# -- request ids ------------------------------------------------------------------------


def test_every_answer_has_a_request_id_and_a_sane_one_is_kept(
    client: TestClient[Litestar],
) -> None:
    mine = client.get("/trips", headers={"X-Request-ID": "client-42.a"})
    assert mine.headers["x-request-id"] == "client-42.a"
    made = client.get("/trips").headers["x-request-id"]
    assert len(made) == 32 and made != client.get("/trips").headers["x-request-id"]
    for insane in ("a" * 200, "two words", "<script>", "-leading-dash"):
        got = client.get("/trips", headers={"X-Request-ID": insane}).headers["x-request-id"]
        assert got != insane and len(got) == 32


def test_problems_carry_the_request_id(client: TestClient[Litestar]) -> None:
    for path in ("/no-such-route", "/trips?limit=0", "/articles/nope"):
        response = client.get(path, headers={"X-Request-ID": "trace-7"})
        assert response.status_code in (400, 404)
        assert response.headers["x-request-id"] == "trace-7"
        assert response.json()["request_id"] == "trace-7"


# -- pages ---------------------------------------------------------------------------


def _links(header: str) -> dict[str, str]:
    links = {}
    for part in header.split(", <"):
        target, _, rel = part.partition(">; rel=")
        links[rel.strip('"')] = target.lstrip("<")
    return links


def test_offset_pages_link_to_their_neighbours(client: TestClient[Litestar]) -> None:
    first = client.get("/schedule", params={"limit": 5, "country": "RU"})
    body = first.json()
    assert body["total"] > 10
    links = _links(first.headers["link"])
    assert set(links) == {"next"}
    # pinned at this page's position: every page shows the same point of the log
    path, _, query = links["next"].partition("?")
    assert path == "/schedule"
    assert dict(parse_qsl(query)) == {
        "limit": "5",
        "country": "RU",
        "offset": "5",
        "as_of": str(body["position"]),
    }
    second = client.get(links["next"])
    assert second.json()["entries"][0] != body["entries"][0]
    around = _links(second.headers["link"])
    assert set(around) == {"next", "prev"} and "offset=0" in around["prev"]
    assert client.get(around["prev"]).json()["entries"] == body["entries"]
    last = client.get("/schedule", params={"limit": 5, "offset": body["total"] - 1})
    assert set(_links(last.headers["link"])) == {"prev"}
    trips = client.get("/trips", params={"limit": 1, "offset": 1})
    assert _links(trips.headers["link"])["prev"] == "/trips?limit=1&offset=0"
    assert "link" not in client.get("/trips").headers  # one page holds them all


@pytest.mark.parametrize(
    ("start", "key", "count"),
    [("/articles?limit=2", "article_id", 5), ("/events?limit=7&after=0", "position", None)],
)
def test_cursor_pages_link_forward(
    client: TestClient[Litestar], seeded_store: EventStore, start: str, key: str, count: int | None
) -> None:
    seen = []
    url: str | None = start
    while url:
        response = client.get(url)
        seen += [item[key] for item in response.json()["items"]]
        url = _links(response.headers["link"]).get("next") if "link" in response.headers else None
    # every item once: the five seed articles, the whole log
    assert len(seen) == len(set(seen)) == (count or seeded_store.last_position())
