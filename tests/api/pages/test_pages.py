"""The server-rendered pages over the seed log: the timeline, a trip, an article, a
person and the auditor's view, in English and Vietnamese."""

from __future__ import annotations

import re
from html import unescape

from litestar import Litestar
from litestar.testing import TestClient

TRIP = "to-lam-2025-05-05"
LEGS = ["Kazakhstan", "Azerbaijan", "Russia", "Belarus"]


def _html(client: TestClient[Litestar], path: str, **kwargs: object) -> str:
    answer = client.get(path, **kwargs)  # type: ignore[arg-type]
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    return answer.text


def _in_order(text: str, words: list[str]) -> bool:
    at = [text.find(w) for w in words]
    return all(i >= 0 for i in at) and at == sorted(at)


def test_the_timeline_shows_the_seed_trip_with_its_four_legs_in_order(
    client: TestClient[Litestar],
) -> None:
    page = _html(client, "/")
    assert "<main" in page and "<nav" in page and 'lang="en"' in page
    assert "Tô Lâm" in page
    bars = re.findall(r'<a class="bar c-(\w+)"[^>]*>([^<]+)</a>', page)
    assert sorted(name for _c, name in bars) == sorted(LEGS)
    colours = dict((name, c) for c, name in bars)
    assert colours["Russia"] == "stated" and colours["Azerbaijan"] == "inferred"
    summary = page[page.index("trips-h") :]
    assert _in_order(summary, LEGS)
    assert "webcal://testserver.local/calendar.ics" in page
    assert re.search(r'href="/static/[0-9a-f]{12}/style.css"', page)


def test_filters_narrow_the_timeline(client: TestClient[Litestar]) -> None:
    assert "No trips match." in _html(client, "/", params={"country": "FR"})
    assert "No trips match." in _html(client, "/", params={"principal": "macron"})
    page = _html(client, "/", params={"country": "ru", "from": "2025-05-09"})
    assert "Tô Lâm" in page and "/countries/RU/calendar.ics" in page
    assert "No trips match." in _html(client, "/", params={"from": "2025-06-01"})
    assert client.get("/", params={"country": "Russia"}).status_code == 400


def test_pages_are_in_vietnamese_by_choice_or_by_the_browser(
    client: TestClient[Litestar],
) -> None:
    chosen = _html(client, "/", params={"lang": "vi"})
    assert 'lang="vi"' in chosen and "Dòng thời gian" in chosen and ">Nga<" in chosen
    asked = client.get("/", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert "Dòng thời gian" in asked.text and "Accept-Language" in asked.headers["vary"]
    english = client.get("/", headers={"Accept-Language": "fr, en;q=0.8, vi;q=0.5"})
    assert "Timeline" in english.text and "Dòng thời gian" not in english.text
    # one URL, two languages: never one tag
    assert asked.headers["etag"] != english.headers["etag"]
    again = client.get(
        "/", headers={"Accept-Language": "vi", "If-None-Match": asked.headers["etag"]}
    )
    assert again.status_code == 304
    other = client.get(
        "/", headers={"Accept-Language": "en", "If-None-Match": asked.headers["etag"]}
    )
    assert other.status_code == 200
    trip = _html(client, f"/ui/trips/{TRIP}", params={"lang": "vi"})
    assert "Các chặng" in trip and "thăm chính thức" in trip and "8 thg 5, 2025" in trip


def test_a_trip_page_links_each_stated_date_to_its_sentence(
    client: TestClient[Litestar],
) -> None:
    page = _html(client, f"/ui/trips/{TRIP}")
    assert _in_order(page[page.index("legs-h") :], LEGS)
    for section in ("Engagements by day", "Delegation", "Disputes", "Sources"):
        assert section in page
    assert "Ngô Phương Ly" in page and "Friday 9 May 2025" in page
    russia = page[page.index(f'id="{TRIP}/ru"') :]
    russia = russia[: russia.index("</tr>")]
    link = re.search(r'<a class="date" href="([^"]+)"[^>]*>8 May 2025</a>', russia)
    assert link is not None, russia
    article = _html(client, unescape(link.group(1)))
    chosen = re.search(r'class="sentence[^"]*chosen[^"]*"[^>]*>([^<]+)<', article)
    assert chosen is not None and "May 8-11" in chosen.group(1)
    # Azerbaijan's dates were inferred: no sentence states them, so nothing links them
    azerbaijan = page[page.index(f'id="{TRIP}/az"') :]
    azerbaijan = azerbaijan[: azerbaijan.index("</tr>")]
    assert 'class="date"' not in azerbaijan and "date inferred" in azerbaijan
    assert "webcal://testserver.local/trips/to-lam-2025-05-05/calendar.ics" in page


def test_an_article_page_marks_its_facts_and_what_was_not_understood(
    client: TestClient[Litestar],
) -> None:
    first = client.get("/articles", params={"limit": 5}).json()["items"]
    linked = next(a for a in first if a["linked"])
    page = _html(client, f"/ui/articles/{linked['article_id']}")
    assert 'class="sentence cited' in page
    assert "Facts taken from it" in page and "VisitAnnounced" in page
    assert "Not understood" in page
    missing = client.get("/ui/articles/nope")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_the_auditor_sees_the_past_and_what_changed(client: TestClient[Litestar]) -> None:
    then = _html(client, "/", params={"as_of": 5})
    assert "Shown as of log position" in then and "<strong>5</strong>" in then
    assert "as_of=5" in then  # links keep the reader at that point
    assert "Belarus" in then and "Minsk" not in _html(client, f"/ui/trips/{TRIP}?as_of=5")
    audit = _html(client, "/ui/audit", params={"from": 17, "to": 27})
    assert "17 → 27" in audit and "#19 VisitAnnounced" in audit and "/ui/articles/" in audit
    assert client.get("/ui/audit", params={"from": "yesterday"}).status_code == 400
    assert "Compare" in _html(client, "/ui/audit")


def test_a_person_page_lists_their_trips_and_who_they_met(client: TestClient[Litestar]) -> None:
    page = _html(client, "/ui/people/putin")
    assert "Vladimir Putin" in page and "Tô Lâm" in page and "Hosted" in page
    assert client.get("/ui/people/nobody").status_code == 404


def test_pages_answer_head_and_conditional_requests(client: TestClient[Litestar]) -> None:
    first = client.get(f"/ui/trips/{TRIP}")
    tag = first.headers["etag"]
    assert client.get(f"/ui/trips/{TRIP}", headers={"If-None-Match": tag}).status_code == 304
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    sheet = re.search(r'href="(/static/[^"]+)"', client.get("/").text)
    assert sheet is not None
    css = client.get(sheet.group(1))
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert len(css.headers.get_list("etag")) == 1


def test_unknown_parameters_on_pages_are_problems(client: TestClient[Litestar]) -> None:
    for path in ("/", f"/ui/trips/{TRIP}", "/ui/audit", "/schema"):
        answer = client.get(path, params={"bogus": "1"})
        assert answer.status_code == 400, path
        assert answer.headers["content-type"] == "application/problem+json"


def test_the_api_reference_needs_nothing_from_the_network(client: TestClient[Litestar]) -> None:
    page = _html(client, "/schema")
    assert not re.search(r'(src|href)="https?://', page)  # no CDN, no web font
    assert "<script" not in page
    assert "/people/{person}" in page and "TripView" in page and "as_of" in page
    assert client.get("/schema/openapi.json").json()["info"]["title"] == "calendar-svc"


def test_the_stylesheet_url_names_its_bytes() -> None:
    from calendar_svc.api.pages.static import STATIC_DIR, STATIC_VERSION, digest

    assert digest(STATIC_DIR) == STATIC_VERSION
    assert (STATIC_DIR / "style.css").is_file()


def test_one_click_from_a_timeline_date_to_its_sentence(client: TestClient[Litestar]) -> None:
    page = _html(client, "/")
    russia = page[page.index(f"item={TRIP.replace('-', '-')}%2Fru") - 200 :]
    link = re.search(r'<a href="(/ui/trips/[^"]+/source\?[^"]+side=start[^"]*)"', russia)
    assert link is not None
    hop = client.get(unescape(link.group(1)), follow_redirects=False)
    assert hop.status_code == 303
    article = _html(client, hop.headers["location"])
    chosen = re.search(r'class="sentence[^"]*chosen[^"]*"[^>]*>([^<]+)<', article)
    assert chosen is not None and "May 8-11" in chosen.group(1)
    # an inferred date has no sentence: the leg on the trip's page instead
    hop = client.get(
        f"/ui/trips/{TRIP}/source",
        params={"item": f"{TRIP}/az", "side": "start", "lang": "vi"},
        follow_redirects=False,
    )
    assert hop.status_code == 303
    assert hop.headers["location"] == f"/ui/trips/{TRIP}?lang=vi#{TRIP}/az"
    missing = client.get(f"/ui/trips/{TRIP}/source", params={"item": "nope"})
    assert missing.status_code == 404


def test_a_page_tag_names_the_page_code(client: TestClient[Litestar]) -> None:
    from calendar_svc.api.pages.language import PAGES_VERSION

    tag = client.get("/").headers["etag"]
    assert tag.endswith(f'-v{PAGES_VERSION}"')
    assert client.get("/", headers={"If-None-Match": tag}).status_code == 304
    strong = tag.removeprefix("W/")  # sent weak when the page was compressed
    assert client.get("/", headers={"If-None-Match": strong}).status_code == 304
    assert client.get("/", headers={"If-None-Match": f"W/{strong}"}).status_code == 304
    # the same log position and URL, tagged by other page code: sent again
    old = tag.replace(f"-v{PAGES_VERSION}", "-v00000000")
    assert client.get("/", headers={"If-None-Match": old}).status_code == 200
    bare = tag.replace(f"-v{PAGES_VERSION}", "")
    assert client.get("/", headers={"If-None-Match": bare}).status_code == 200
    assert client.get("/", headers={"If-None-Match": "*"}).status_code == 304


def test_a_browser_opening_a_resource_is_sent_to_its_page(client: TestClient[Litestar]) -> None:
    from calendar_svc.api.pages.negotiate import prefers_html

    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    hop = client.get(f"/trips/{TRIP}", headers={"Accept": browser}, follow_redirects=False)
    assert hop.status_code == 303 and hop.headers["location"] == f"/ui/trips/{TRIP}"
    assert hop.headers["vary"] == "Accept"
    for accept in ("application/json", "*/*", "application/json, text/html;q=0.5"):
        answer = client.get(f"/trips/{TRIP}", headers={"Accept": accept})
        assert answer.status_code == 200 and answer.json()["trip_id"] == TRIP
    assert client.get("/trips", headers={"Accept": browser}).status_code == 200  # a list
    article = client.get("/articles", params={"limit": 1}).json()["items"][0]["article_id"]
    hop = client.get(f"/articles/{article}", headers={"Accept": browser}, follow_redirects=False)
    assert hop.headers["location"] == f"/ui/articles/{article}"
    assert prefers_html("text/*, application/json;q=0.9")
    assert not prefers_html("text/html;q=0.5, application/*")
    assert not prefers_html(None)


def test_the_people_page_lists_travellers_first(client: TestClient[Litestar]) -> None:
    page = _html(client, "/ui/people")
    assert page.index("Tô Lâm") < page.index("Vladimir Putin")
    assert 'href="/ui/people/vladimir-putin"' in page
    assert "Nhân vật" in _html(client, "/ui/people", params={"lang": "vi"})


def test_statuses_on_the_pages_say_when_they_were_last_reported(
    client: TestClient[Litestar],
) -> None:
    """The seed trip's Belarus leg is still reported in progress: the page says since when
    rather than implying it is in progress today (issue 13, item 4)."""
    page = unescape(_html(client, f"/ui/trips/{TRIP}"))
    assert re.search(r"(?:in progress|announced) \(last reported \d{1,2} \w+ 2025\)", page)
    assert re.search(r"\(last reported \d{1,2} \w+ 2025\)", unescape(_html(client, "/")))


def test_subscribe_links_point_where_the_service_runs(
    seeded_store: object, sqlite_url: str
) -> None:
    """With CALENDAR_SVC_PUBLIC_URL set, the pages' webcal links use it, as the feeds'
    own links do; a subscriber behind a proxy gets an address that works."""
    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings
    from calendar_svc.store import EventStore

    assert isinstance(seeded_store, EventStore)
    settings = Settings(database_url=sqlite_url, public_url="https://cal.example.org/v")
    with TestClient(app=create_app(settings, store=seeded_store)) as other:
        page = _html(other, "/")
    assert "webcal://cal.example.org/v/calendar.ics" in page
