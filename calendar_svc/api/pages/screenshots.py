"""Screenshots of the pages in headless Chromium, over the seed log, for the docs.

    python -m calendar_svc.api.pages.screenshots [--out docs/screenshots]

Builds a throw-away SQLite log from `seeds/`, serves it on a free port, and has
Chromium (Debian's `chromium`) load the timeline, the seed trip (English and
Vietnamese) and the article sentence its first stated date links to. A console message
from a page (a failed load, a script error) fails the run: the pages load nothing from
the network and run no script of their own.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from html import unescape
from pathlib import Path

from calendar_svc.config import PROJECT_ROOT

_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return str(answer.read().decode())


def _wait(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            _get(url)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def shoot(browser: str, url: str, out: Path, size: str, profile: Path) -> list[str]:
    """Save a screenshot of `url`; the page's console messages, if any."""
    done = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={size}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"{browser} failed on {url}: {done.stderr[-2000:]}")
    return [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(PROJECT_ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    browser = next((b for b in _BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("no Chromium found: apt-get install chromium", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cli = str(Path(sys.executable).with_name("calendar-svc"))
    with tempfile.TemporaryDirectory(prefix="calendar-svc-shots-") as tmp:
        env = {**os.environ, "CALENDAR_SVC_DATABASE_URL": f"sqlite:///{tmp}/log.sqlite3"}
        env.pop("CALENDAR_SVC_PUBLIC_URL", None)
        subprocess.run([cli, "migrate"], env=env, check=True, capture_output=True)
        seeds = str(PROJECT_ROOT / "seeds")
        subprocess.run([cli, "ingest", seeds], env=env, check=True, capture_output=True)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(f"{base}/health")
            trip = re.search(r'href="(/ui/trips/[^"#?]+)', _get(f"{base}/"))
            if trip is None:
                raise RuntimeError("the timeline shows no trip")
            page = _get(base + trip.group(1))
            # the dates of the first leg a source states them for, else the first linked
            rows = page.split('<tr id="')[1:]
            stated = [r for r in rows if re.search(r"badge c-(stated|corroborated)", r)]
            sentence = None
            for row in [*stated, *rows]:
                sentence = re.search(r'<a class="date" href="([^"]+)"', row.split("</tr>")[0])
                if sentence is not None:
                    break
            shots = [
                ("timeline.png", "/", "1280,760"),
                ("trip.png", trip.group(1), "1280,1100"),
                ("trip-vi.png", trip.group(1) + "?lang=vi", "1280,900"),
            ]
            if sentence is not None:
                shots.insert(2, ("article-sentence.png", unescape(sentence.group(1)), "1280,900"))
            problems: list[str] = []
            for name, path, size in shots:
                profile = Path(tmp) / f"profile-{name}"
                messages = shoot(browser, base + path, out / name, size, profile)
                problems += [f"{path}: {m}" for m in messages]
                print(f"{out / name}  <- {path}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if problems:
        print("console messages:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
