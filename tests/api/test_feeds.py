"""The ICS feed routes: headers, conditional requests, filters, audits, and updates."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.api.feeds import serving as feeds
from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT, Settings
from calendar_svc.store import EventStore, open_store
from tests.api.conftest import AUTH

KZ_REPORT = PROJECT_ROOT / "tests/fixtures/articles/feeds_kazakhstan_leg_report_en.txt"


def _events(body: bytes) -> dict[str, dict[str, str]]:
    """UID -> the event's unfolded properties (name without parameters -> value)."""
    text = body.decode().replace("\r\n ", "")
    found: dict[str, dict[str, str]] = {}
    for block in re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S):
        props: dict[str, str] = {}
        for line in block.split("\r\n"):
            if ":" in line:
                name, _, value = line.partition(":")
                props.setdefault(name.split(";")[0], value)
        found[props["UID"]] = props
    return found


def _leg(body: bytes, code: str) -> tuple[str, dict[str, str]]:
    for uid, props in _events(body).items():
        if uid.startswith("leg.") and f".{code}@" in uid:
            return uid, props
    raise AssertionError(f"no {code} leg in the feed")


def test_the_whole_feed_with_its_headers(client: TestClient[Litestar]) -> None:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    etag = response.headers["etag"].removeprefix("W/")  # weak: the body is compressed
    assert etag.startswith('"') and response.headers["last-modified"]
    assert "max-age" in response.headers["cache-control"]
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    trip = client.get("/trips/to-lam-2025-05-05").json()
    # engagements with a day of their own; the others are listed in their legs
    dated = [e for e in trip["engagements"] if e["start_date"] and e["start_date"] == e["end_date"]]
    assert 0 < len(dated) < len(trip["engagements"])
    assert len(_events(body)) == len(trip["legs"]) + len(dated)
    _, russia = _leg(body, "ru")
    assert russia["DTSTART"] == "20250508" and russia["DTEND"] == "20250512"
    assert russia["STATUS"] == "CONFIRMED"


def test_conditional_requests_get_304(client: TestClient[Litestar]) -> None:
    first = client.get("/calendar.ics")
    tag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get("/calendar.ics", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    assert client.get("/calendar.ics", headers={"If-Modified-Since": modified}).status_code == 304
    old = format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True)
    assert client.get("/calendar.ics", headers={"If-Modified-Since": old}).status_code == 200
    stale = client.get(
        "/calendar.ics", headers={"If-None-Match": '"other"', "If-Modified-Since": modified}
    )
    assert stale.status_code == 200  # If-None-Match wins over If-Modified-Since


def test_a_304_never_touches_the_renderer(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = feeds.render_calendar

    def counting(*args: object, **kwargs: object) -> bytes:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds, "render_calendar", counting)
    tag = client.get("/countries/RU/calendar.ics").headers["etag"]
    assert len(calls) == 1
    for _ in range(3):
        assert (
            client.get("/countries/RU/calendar.ics", headers={"If-None-Match": tag}).status_code
            == 304
        )
        assert client.get("/countries/RU/calendar.ics").status_code == 200
    assert len(calls) == 1  # rendered once for this log position and filter


def test_trip_and_country_feeds(client: TestClient[Litestar]) -> None:
    trip = client.get("/trips/to-lam-2025-05-05/calendar.ics")
    assert trip.status_code == 200 and len(_events(trip.content)) > 4
    russia = _events(client.get("/countries/ru/calendar.ics").content)
    assert any(uid.endswith(".ru@calendar-svc") for uid in russia)
    assert not any(".kz@" in uid for uid in russia)
    assert _events(client.get("/countries/FR/calendar.ics").content) == {}
    for path in (
        "/trips/nope/calendar.ics",
        "/countries/XX/calendar.ics",
        "/countries/france/calendar.ics",
    ):
        missing = client.get(path)
        assert missing.status_code == 404, path
        assert missing.headers["content-type"] == "application/problem+json"


def test_as_of_serves_the_feed_as_it_stood(client: TestClient[Litestar]) -> None:
    early = client.get("/calendar.ics", params={"as_of": 17}).content
    _, russia = _leg(early, "ru")
    assert russia["STATUS"] == "TENTATIVE"
    assert client.get("/calendar.ics", params={"as_of": "soon"}).status_code == 400


def test_a_report_of_exact_dates_confirms_the_leg_and_raises_its_sequence(
    client: TestClient[Litestar],
) -> None:
    before = client.get("/calendar.ics").content
    uid, kazakhstan = _leg(before, "kz")
    assert kazakhstan["STATUS"] == "TENTATIVE"  # inferred days: bounded by 5 and 8 May
    posted = client.post("/articles", json={"text": KZ_REPORT.read_text("utf-8")}, headers=AUTH)
    assert posted.status_code == 201
    after = client.get("/calendar.ics").content
    same_uid, updated = _leg(after, "kz")
    assert same_uid == uid
    assert updated["STATUS"] == "CONFIRMED"
    assert int(updated["SEQUENCE"]) > int(kazakhstan["SEQUENCE"])
    assert (updated["DTSTART"], updated["DTEND"]) == ("20250505", "20250508")
    # LAST-MODIFIED has one-second resolution: in a fast test the two may tie.
    assert updated["LAST-MODIFIED"] >= kazakhstan["LAST-MODIFIED"]


def test_the_same_log_in_a_fresh_database_gives_the_same_bytes(
    client: TestClient[Litestar], seeded_store: EventStore, sqlite_url: str, tmp_path: Path
) -> None:
    original = client.get("/calendar.ics").content
    dump = tmp_path / "log.jsonl"
    assert main(["--database-url", sqlite_url, "export", "--out", str(dump)]) == 0
    fresh_url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert main(["--database-url", fresh_url, "migrate"]) == 0
    assert main(["--database-url", fresh_url, "import", str(dump)]) == 0
    fresh = open_store(fresh_url)
    app = create_app(Settings(database_url=fresh_url), store=fresh)
    with TestClient(app=app) as other:
        assert other.get("/calendar.ics").content == original
    fresh.close()


def test_concurrent_cold_requests_render_once(
    client: TestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    calls: list[int] = []
    real = feeds.render_calendar

    def slow(*args: object, **kwargs: object) -> bytes:
        calls.append(1)
        time.sleep(0.2)  # long enough for the other requests to arrive meanwhile
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds, "render_calendar", slow)
    codes: list[int] = []
    threads = [
        threading.Thread(target=lambda: codes.append(client.get("/calendar.ics").status_code))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [200] * 4 and len(calls) == 1


def _all_day_per_day(body: bytes) -> dict[str, int]:
    """How many all-day events a week view stacks on each day (DTEND exclusive)."""
    from datetime import date, timedelta

    stacked: dict[str, int] = {}
    for props in _events(body).values():
        if len(props["DTSTART"]) != 8:
            continue
        day = date.fromisoformat(props["DTSTART"])
        end = date.fromisoformat(props["DTEND"])
        while day < end:
            stacked[day.isoformat()] = stacked.get(day.isoformat(), 0) + 1
            day += timedelta(days=1)
    return stacked


def test_no_day_of_the_seed_feed_stacks_more_than_three_all_day_events(
    client: TestClient[Litestar],
) -> None:
    body = client.get("/calendar.ics").content
    assert max(_all_day_per_day(body).values()) <= 3
    _, russia = _leg(body, "ru")  # the engagements of unknown day are listed there
    assert "Engagements on days not reported:" in russia["DESCRIPTION"]


def test_engagements_none_gives_only_legs_with_its_own_etag(client: TestClient[Litestar]) -> None:
    dated = client.get("/calendar.ics")
    legs_only = client.get("/calendar.ics", params={"engagements": "none"})
    assert legs_only.status_code == 200
    assert all(uid.startswith("leg.") for uid in _events(legs_only.content))
    assert len(_events(legs_only.content)) < len(_events(dated.content))
    assert legs_only.headers["etag"] != dated.headers["etag"]
    again = client.get(
        "/trips/to-lam-2025-05-05/calendar.ics",
        params={"engagements": "none"},
        headers={"If-None-Match": dated.headers["etag"]},
    )
    assert again.status_code == 200  # another feed's tag does not match
    explicit = client.get("/calendar.ics", params={"engagements": "dated"})
    assert explicit.headers["etag"] == dated.headers["etag"]
    for path in (
        "/calendar.ics",
        "/trips/to-lam-2025-05-05/calendar.ics",
        "/countries/ru/calendar.ics",
    ):
        bad = client.get(path, params={"engagements": "all"})
        assert bad.status_code == 400, path


def test_a_position_of_any_length_is_clamped_to_the_log(client: TestClient[Litestar]) -> None:
    empty = client.get("/calendar.ics", params={"as_of": "-6843686930914171236397701622923264"})
    assert empty.status_code == 200 and not _events(empty.content)
    head = client.get("/calendar.ics", params={"as_of": "9" * 30})
    assert head.status_code == 200 and head.content == client.get("/calendar.ics").content


def _urls(body: bytes) -> set[str]:
    return {props["URL"] for props in _events(body).values()}


def test_links_point_where_the_server_answers_never_at_the_host_header(
    seeded_store: EventStore, sqlite_url: str
) -> None:
    app = create_app(Settings(database_url=sqlite_url), store=seeded_store)
    with TestClient(app=app, base_url="http://127.0.0.1:8123") as other:
        served = other.get("/calendar.ics", headers={"Host": "evil.example"})
        urls = _urls(served.content)
        # the ASGI scope's server (here the TestClient's base URL) is where the server
        # answered; the Host header a client writes never reaches the cached bytes
        base = "http://127.0.0.1:8123"
        assert urls and all(u.startswith(f"{base}/ui/trips/") for u in urls)
        assert not any("evil.example" in u or ":8000" in u for u in urls)
        # each URL opens the human page of the trip, with the item's row
        path, _, fragment = sorted(urls)[0].removeprefix(base).partition("#")
        page = other.get(path, headers={"Accept": "text/html"})
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert f'id="{fragment.replace("%2F", "/")}"' in page.text


def test_the_public_url_setting_wins(seeded_store: EventStore, sqlite_url: str) -> None:
    settings = Settings(database_url=sqlite_url, public_url="https://cal.example.org/v")
    with TestClient(app=create_app(settings, store=seeded_store)) as other:
        urls = _urls(other.get("/countries/ru/calendar.ics").content)
    assert urls and all(u.startswith("https://cal.example.org/v/ui/trips/") for u in urls)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ({"scheme": "http", "server": ("10.0.0.5", 8765)}, "http://10.0.0.5:8765"),
        ({"scheme": "http", "server": ("example.org", 80)}, "http://example.org"),
        ({"scheme": "https", "server": ("example.org", 443)}, "https://example.org"),
        ({"scheme": "https", "server": ("example.org", 8443)}, "https://example.org:8443"),
        ({"scheme": "http", "server": ("::1", 9000)}, "http://[::1]:9000"),
        ({"scheme": "http", "server": None}, "http://localhost"),
    ],
)
def test_public_url_from_the_serving_address(scope: dict[str, object], expected: str) -> None:
    from litestar import Request

    request: Request[object, object, object] = Request(
        {"type": "http", "method": "GET", "path": "/", "headers": [], **scope}  # type: ignore[typeddict-item]
    )
    assert feeds.public_url(request, Settings(database_url="x")) == expected
    with_setting = Settings(database_url="x", public_url="https://a.example")
    assert feeds.public_url(request, with_setting) == "https://a.example"


def test_the_public_url_comes_from_the_environment_or_nowhere() -> None:
    from calendar_svc.config import load_settings

    assert load_settings({}).public_url is None  # then: where the server answers
    given = {"CALENDAR_SVC_PUBLIC_URL": "https://cal.example.org/"}
    assert load_settings(given).public_url == "https://cal.example.org"


def _trips_in(body: bytes) -> set[str]:
    return {uid.split(".")[1] for uid in _events(body)}


def test_a_person_feed_has_their_trips_and_the_legs_they_hosted(
    client: TestClient[Litestar],
) -> None:
    response = client.get("/people/to-lam/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert _trips_in(response.content) == {"to-lam-2025-05-05"}
    assert "X-WR-CALNAME:Diplomatic visits: Tô Lâm" in response.text
    # Putin hosted the Russia leg of Tô Lâm's trip: that leg alone is in his feed
    putin = _events(client.get("/people/putin/calendar.ics").content)
    assert set(putin) == {"leg.to-lam-2025-05-05.ru@calendar-svc"}
    assert client.get("/people/nobody-at-all/calendar.ics").status_code == 404
    tag = response.headers["etag"]
    again = client.get("/people/to-lam/calendar.ics", headers={"If-None-Match": tag})
    assert again.status_code == 304


def test_every_feed_takes_the_filters_of_the_json_lists(client: TestClient[Litestar]) -> None:
    whole = client.get("/calendar.ics").content
    for path in ("/calendar.ics", "/people/to-lam/calendar.ics"):
        assert client.get(path, params={"principal": "nobody"}).text.count("BEGIN:VEVENT") == 0
        assert client.get(path, params={"principal": "lam"}).content == client.get(path).content
    russia = _events(client.get("/calendar.ics", params={"country": "ru"}).content)
    assert russia and set(russia) == set(_events(client.get("/countries/RU/calendar.ics").content))
    may_9 = _events(
        client.get("/calendar.ics", params={"from": "2025-05-09", "to": "2025-05-09"}).content
    )
    assert "leg.to-lam-2025-05-05.ru@calendar-svc" in may_9  # 8-11 May overlaps the 9th
    assert "leg.to-lam-2025-05-05.kz@calendar-svc" not in may_9  # 5-8 May does not
    assert len(may_9) < len(_events(whole))
    trip = client.get(
        "/trips/to-lam-2025-05-05/calendar.ics", params={"country": "BY", "engagements": "none"}
    )
    assert set(_events(trip.content)) == {"leg.to-lam-2025-05-05.by@calendar-svc"}
    assert (
        client.get("/countries/ru/calendar.ics", params={"to": "2025-05-01"}).text.count(
            "BEGIN:VEVENT"
        )
        == 0
    )
    for path, params in [
        ("/calendar.ics", {"country": "RUS"}),
        ("/calendar.ics", {"from": "May"}),
        ("/countries/ru/calendar.ics", {"country": "ru"}),  # the path names the country
        ("/people/to-lam/calendar.ics", {"lang": "xx", "nonsense": "1"}),
    ]:
        assert client.get(path, params=params).status_code == 400, (path, params)


def test_a_vietnamese_feed_of_one_leader(client: TestClient[Litestar]) -> None:
    response = client.get("/people/to-lam/calendar.ics", params={"lang": "vi"})
    assert response.status_code == 200
    assert _trips_in(response.content) == {"to-lam-2025-05-05"}
    assert "X-WR-CALNAME:Các chuyến thăm ngoại giao: Tô Lâm" in response.text
    _, russia = _leg(response.content, "ru")
    assert russia["SUMMARY"] == "Tô Lâm: thăm chính thức Nga"  # country from CLDR
    assert russia["LOCATION"].endswith("Nga")
    description = russia["DESCRIPTION"]
    assert "Theo lời mời của Tổng thống Vla-đi-mia Pu-tin." in description  # as VN papers write
    assert "Thời gian: 8\u2009–\u200911 thg 5\\, 2025 (đã xác nhận)." in description  # Babel
    assert "Hoạt động chưa rõ ngày:" in description
    assert "\\nCả hai ngày: ngày do " in description  # both dates, one reason, in words
    _, kazakhstan = _leg(response.content, "kz")
    assert "\\nBắt đầu (suy ra): đoàn lên đường ngày hôm đó." in kazakhstan["DESCRIPTION"]
    assert "?lang=vi#" in russia["URL"]  # the page opens in Vietnamese too
    english = client.get("/people/to-lam/calendar.ics")
    assert english.headers["etag"] != response.headers["etag"]
    assert _leg(english.content, "ru")[1]["SUMMARY"] == "Tô Lâm: official visit to Russia"
    assert set(_events(english.content)) == set(_events(response.content))  # same UIDs
    for path in ("/calendar.ics", "/people/to-lam/calendar.ics", "/countries/ru/calendar.ics"):
        assert client.get(path, params={"lang": "fr"}).status_code == 400
    kz = client.get("/countries/kz/calendar.ics", params={"lang": "vi"}).text
    assert "X-WR-CALNAME:Các chuyến thăm ngoại giao: Kazakhstan" in kz
