"""Feeds and HTTP: what a subscriber and a follower see, timed.

- ICS: a feed of about 10k events (VEVENTs) rendered cold (fresh app, nothing cached), warm
  (bytes cached for the log position) and answered 304; in-process, each request a direct
  call of the ASGI app (middleware, routing, handler, response), no HTTP client in between.
  A fourth figure is the feed after one more append: what a subscriber waits for after
  each new article.
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
import urllib.request
from pathlib import Path
from typing import Any

from bench.synthetic import batched, generate

Result = dict[str, Any]

#: Events in the log behind the feed: about 10k VEVENTs (the synthetic mix gives 0.4 a
#: log event).
ICS_LOG_EVENTS = int(os.environ.get("BENCH_ICS_EVENTS", "25000"))
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


class _Asgi:
    """Calls an ASGI app directly: the app's own time per request, with no client."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def get(
        self, path: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[bytes, bytes], bytes]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"bench")]
            + [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        status = 0
        answer: dict[bytes, bytes] = {}
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                answer.update(dict(message.get("headers", [])))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, answer, b"".join(chunks)


async def _timed(call: Any, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - start)
    return samples


def bench_ics() -> Result:
    import anyio

    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings
    from calendar_svc.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = build_log(ICS_LOG_EVENTS, Path(tmp))
        store = open_store(url)
        cold: list[float] = []
        warm: list[float] = []
        not_modified: list[float] = []
        body = b""

        async def measure() -> None:
            nonlocal body
            for _ in range(3):
                client = _Asgi(create_app(Settings(database_url=url), store=store))
                start = time.perf_counter()
                status, headers, body = await client.get("/calendar.ics")
                cold.append(time.perf_counter() - start)
                assert status == 200, status
                tag = headers[b"etag"].decode()
                warm.extend(await _timed(lambda c=client: c.get("/calendar.ics"), 30))
                not_modified.extend(
                    await _timed(
                        lambda c=client, t=tag: c.get("/calendar.ics", {"If-None-Match": t}), 200
                    )
                )
                status, _, empty = await client.get("/calendar.ics", {"If-None-Match": tag})
                assert status == 304 and empty == b"", status

        anyio.run(measure)

        # One more article's worth of events: the next poll re-renders what it changed.
        after: list[float] = []

        async def after_append() -> None:
            client = _Asgi(create_app(Settings(database_url=url), store=store))
            await client.get("/calendar.ics")
            for i in range(3):
                store.append(next(iter(batched(generate(12, seed=7_000 + i), 12))))
                start = time.perf_counter()
                status, _, _ = await client.get("/calendar.ics")
                after.append(time.perf_counter() - start)
                assert status == 200, status

        anyio.run(after_append)
        store.close()
    events = body.count(b"BEGIN:VEVENT")
    result = {
        "ics_log_events": ICS_LOG_EVENTS,
        "ics_vevents": events,
        "ics_bytes": len(body),
        "ics_10k_cold_ms": _median_ms(cold),
        "ics_10k_warm_ms": _median_ms(warm),
        "ics_304_ms": _median_ms(not_modified),
        "ics_after_append_ms": _median_ms(after),
    }
    print(
        f"ics: {events} VEVENTs, cold {result['ics_10k_cold_ms']} ms, warm "
        f"{result['ics_10k_warm_ms']} ms, 304 {result['ics_304_ms']} ms, after an append "
        f"{result['ics_after_append_ms']} ms",
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
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as answer:
                    runs[name]["bytes"] = len(answer.read())
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
        "http_hello_bytes": runs["hello"]["bytes"],
        "http_schedule_bytes": runs["schedule"]["bytes"],
        "http_schedule_rps": runs["schedule"]["rps"],
        "http_schedule_p50_ms": runs["schedule"]["p50_ms"],
        "http_schedule_p99_ms": runs["schedule"]["p99_ms"],
        "http_schedule_vs_hello": round(runs["schedule"]["rps"] / hello, 2) if hello else None,
        "http_ics_rps": runs["ics"]["rps"],
        "http_ics_p99_ms": runs["ics"]["p99_ms"],
        "http_ics_bytes": runs["ics"]["bytes"],
    }
