"""Feeds and HTTP: what a subscriber and a follower see, timed.

- ICS: a feed of about 10k events rendered cold (fresh app, nothing cached), warm (bytes
  cached for the log position) and answered 304; in-process, through the ASGI stack.
- HTTP: requests/s and latency of GET /schedule and GET /calendar.ics under uvicorn with
  one worker, driven by wrk on loopback, beside a hello-world Litestar route in the run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.synthetic import batched, generate

Result = dict[str, Any]

#: Events in the log behind the feed: enough for about 10k VEVENTs.
ICS_LOG_EVENTS = int(os.environ.get("BENCH_ICS_EVENTS", "40000"))
#: Events in the log the HTTP server serves (a busy year of visits).
HTTP_LOG_EVENTS = int(os.environ.get("BENCH_HTTP_EVENTS", "10000"))
HTTP_SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "8"))


def build_log(events: int, folder: Path) -> str:
    from calendar_svc.projections.schedule import ScheduleProjection
    from calendar_svc.store import migrate, open_store

    url = f"sqlite:///{folder / 'web.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    for batch in batched(generate(events), 1000):
        store.append(batch)
    ScheduleProjection(store).rebuild()
    store.close()
    return url


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def bench_ics() -> Result:
    from litestar.testing import TestClient

    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings
    from calendar_svc.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = build_log(ICS_LOG_EVENTS, Path(tmp))
        store = open_store(url)
        cold: list[float] = []
        body = b""
        for _ in range(3):
            with TestClient(app=create_app(Settings(database_url=url), store=store)) as client:
                start = time.perf_counter()
                response = client.get("/calendar.ics")
                cold.append(time.perf_counter() - start)
                body = response.content
                tag = response.headers["etag"]
                warm = []
                for _ in range(30):
                    start = time.perf_counter()
                    client.get("/calendar.ics")
                    warm.append(time.perf_counter() - start)
                not_modified = []
                for _ in range(200):
                    start = time.perf_counter()
                    answer = client.get("/calendar.ics", headers={"If-None-Match": tag})
                    not_modified.append(time.perf_counter() - start)
                assert answer.status_code == 304
        store.close()
    events = body.count(b"BEGIN:VEVENT")
    result = {
        "ics_log_events": ICS_LOG_EVENTS,
        "ics_vevents": events,
        "ics_bytes": len(body),
        "ics_10k_cold_ms": _median_ms(cold),
        "ics_10k_warm_ms": _median_ms(warm),
        "ics_304_ms": _median_ms(not_modified),
    }
    print(
        f"ics: {events} VEVENTs, cold {result['ics_10k_cold_ms']} ms, warm "
        f"{result['ics_10k_warm_ms']} ms, 304 {result['ics_304_ms']} ms",
        file=sys.stderr,
    )
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(target: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            target,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env={**os.environ, **env},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{target} did not start")


def _wrk(url: str) -> Result:
    out = subprocess.run(
        ["wrk", "-t1", "-c16", f"-d{HTTP_SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def latency(pct: str) -> float:
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert m is not None, out
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
        return round(float(m.group(1)) * scale, 3)

    return {"rps": round(rps, 1), "p50_ms": latency("50"), "p99_ms": latency("99")}


def bench_http() -> Result:
    if shutil.which("wrk") is None:
        print("http: wrk is not installed (apt-get install wrk); skipped", file=sys.stderr)
        return {
            "http_schedule_rps": None,
            "http_schedule_p99_ms": None,
            "http_schedule_vs_hello": None,
            "http_ics_rps": None,
        }
    with tempfile.TemporaryDirectory() as tmp:
        url = build_log(HTTP_LOG_EVENTS, Path(tmp))
        runs: dict[str, Result] = {}
        for name, target, path in (
            ("hello", "bench.hello:app", "/"),
            ("schedule", "calendar_svc.api.asgi:app", "/schedule"),
            ("ics", "calendar_svc.api.asgi:app", "/calendar.ics"),
        ):
            process, port = _serve(target, {"CALENDAR_SVC_DATABASE_URL": url})
            try:
                subprocess.run(
                    ["wrk", "-t1", "-c4", "-d1s", f"http://127.0.0.1:{port}{path}"],
                    capture_output=True,
                    check=True,
                )  # warm caches
                runs[name] = _wrk(f"http://127.0.0.1:{port}{path}")
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:  # a stream still open: stop it hard
                    process.kill()
                    process.wait(timeout=10)
            print(f"http {name}: {runs[name]}", file=sys.stderr)
    hello = runs["hello"]["rps"]
    return {
        "http_log_events": HTTP_LOG_EVENTS,
        "http_hello_rps": hello,
        "http_schedule_rps": runs["schedule"]["rps"],
        "http_schedule_p50_ms": runs["schedule"]["p50_ms"],
        "http_schedule_p99_ms": runs["schedule"]["p99_ms"],
        "http_schedule_vs_hello": round(runs["schedule"]["rps"] / hello, 2) if hello else None,
        "http_ics_rps": runs["ics"]["rps"],
        "http_ics_p99_ms": runs["ics"]["p99_ms"],
    }
