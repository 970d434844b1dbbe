"""The pages in a real browser: headless Chromium (Debian's `chromium`) loads them from
the app served over HTTP, and what it rendered is checked, with its console.

Chromium's command line gives the DOM after load (`--dump-dom`) and the console
(`--enable-logging=stderr`); a link is followed by loading its address, as a click
would. Skipped without Chromium, except in CI (`CALENDAR_SVC_REQUIRE_CHROMIUM=1`).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
import uvicorn
from litestar import Litestar

TRIP = "to-lam-2025-05-05"


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CALENDAR_SVC_REQUIRE_CHROMIUM") == "1":
        pytest.fail("Chromium is required here (CI) but not installed")
    pytest.skip("Chromium is not installed (apt-get install chromium; CI has it)")


@pytest.fixture
def served(app: Litestar) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def _load(url: str, tmp_path: Path, shot: str | None = None) -> tuple[str, list[str]]:
    """The DOM Chromium built for `url`, and its console messages."""
    browser = _browser()
    profile = tmp_path / "profile"
    args = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--enable-logging=stderr",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
    ]
    if shot is not None:
        subprocess.run(
            [*args, f"--screenshot={tmp_path / shot}", url],
            capture_output=True,
            timeout=120,
            check=True,
        )
        assert (tmp_path / shot).stat().st_size > 10_000
    done = subprocess.run(
        [*args, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    )
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_the_timeline_in_chromium_shows_the_trip_and_a_date_opens_its_sentence(
    served: str, tmp_path: Path
) -> None:
    dom, console = _load(f"{served}/", tmp_path, shot="timeline.png")
    assert console == []
    assert "Tô Lâm" in dom
    legs = re.findall(r'<a class="bar c-\w+"[^>]*>([^<]+)</a>', dom)
    assert sorted(legs) == sorted(["Kazakhstan", "Azerbaijan", "Russia", "Belarus"])
    summary = dom[dom.index('id="trips-h"') :]
    at = [summary.index(name) for name in ("Kazakhstan", "Azerbaijan", "Russia", "Belarus")]
    assert at == sorted(at)
    # the Russia leg's first date, followed as a click would
    russia = summary[summary.index("Russia") :]
    link = re.search(r'<a href="(/ui/trips/[^"]+/source\?[^"]+)"', russia)
    assert link is not None
    article, console = _load(served + unescape(link.group(1)), tmp_path, shot="sentence.png")
    assert console == []
    chosen = re.search(r'class="sentence[^"]*chosen[^"]*"[^>]*>([^<]+)<', article)
    assert chosen is not None and "May 8-11" in chosen.group(1)


def test_every_page_loads_without_console_messages(served: str, tmp_path: Path) -> None:
    for path, expected in (
        (f"/ui/trips/{TRIP}?lang=vi", "Các chặng"),
        ("/ui/audit?from=17&to=40", "VisitAnnounced"),
        ("/ui/people/to-lam", "Tô Lâm"),
        ("/schema", "/people/{person}"),
    ):
        dom, console = _load(served + path, tmp_path)
        assert console == [], path
        assert expected in dom, path
