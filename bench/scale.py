"""Scale-out: 1, 2 and 4 API processes on one PostgreSQL server under the same load.

``python -m bench.scale`` (also run by `make bench`). A private PostgreSQL server (as the
test suite and the fault probe start it) holds a synthetic log of ``SCALE_EVENTS``
events (default 20,000) with its schedule projection caught up. For each process count,
that many uvicorn processes serve it, each on its own port (one address behind a proxy,
in a deployment); `wrk` spreads its connections over the ports (one thread per
connection group, threads assigned to ports in turn) and asks for `/schedule` pages
and iCalendar feeds, while a trickle of article POSTs (one every ``SCALE_POST_EVERY``
seconds, default 2) moves the log's head, so caches are re-rendered as in service.

Reports read requests/s, p50 and p99 per process count, the ratio to one process, and
the POSTs' outcomes; writes bench/scale.json. The load generator runs on the same
machine: on 2 cores it competes with the servers and the database for CPU, so the
ratio measures what this machine can do, not the code's ceiling (see docs/benchmarks.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from bench.chaos import TOKEN, ApiProcess
from bench.chaos_texts import make_texts
from bench.synthetic import batched, generate

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "scale.json"
PROCESSES = (1, 2, 4)

#: What a read mix asks for: schedule pages at the head, and feeds.
READS = [
    "/schedule?limit=100",
    "/schedule?limit=100&offset=100",
    "/schedule?limit=100&offset=1000",
    "/schedule?country=JP",
    "/calendar.ics",
    "/countries/FR/calendar.ics",
    "/trips?limit=50",
]

_LUA = r"""
local ports = {%(ports)s}
local paths = {%(paths)s}
local counter = 0
local threads = {}
function setup(thread)
  counter = counter + 1
  local port = ports[(counter - 1) %% #ports + 1]
  thread.addr = wrk.lookup("127.0.0.1", tostring(port))[1]
  thread:set("id", counter)
  table.insert(threads, thread)
end
local i = 0
function init(args)
  i = id
end
function request()
  i = i + 1
  return wrk.format("GET", paths[i %% #paths + 1])
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "p50_ms": %%f, "p99_ms": %%f, "errors": %%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
"""


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, "").replace("_", "") or default)


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(name, "") or default)


def prepare(url: str, events: int) -> None:
    from calendar_svc.projections.schedule import ScheduleProjection
    from calendar_svc.store import migrate, open_store

    migrate.upgrade(url)
    store = open_store(url)
    for chunk in batched(generate(events), 1000):
        store.append(chunk)
    ScheduleProjection(store).rebuild()
    store.close()


class Poster:
    """One article every `every` seconds to the processes in turn, until stopped: on a
    fixed clock (each POST in its own thread), so a slower server gets as many writes."""

    def __init__(self, bases: list[str], texts: list[str], every: float) -> None:
        self.bases, self.texts, self.every = bases, texts, every
        self.statuses: dict[str, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self._lock = threading.Lock()

    def _post(self, client: httpx.Client, base: str, text: str) -> None:
        try:
            status = str(client.post(f"{base}/articles", json={"text": text}).status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        with self._lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with (
            httpx.Client(timeout=60, headers=headers) as client,
            ThreadPoolExecutor(max_workers=8) as pool,
        ):
            n = 0
            while not self.stop.wait(self.every) and self.texts:
                pool.submit(self._post, client, self.bases[n % len(self.bases)], self.texts.pop())
                n += 1


def load(ports: list[int], seconds: int, connections: int, work: Path) -> dict[str, Any]:
    """wrk over the ports: its threads are assigned to the ports in turn."""
    script = work / "spread.lua"
    script.write_text(
        _LUA
        % {
            "ports": ", ".join(str(p) for p in ports),
            "paths": ", ".join(json.dumps(p) for p in READS),
        }
    )
    threads = 4  # the same load generator whatever the process count
    done = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{max(connections, threads)}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{ports[0]}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    result["requests_per_s"] = round(result["requests"] / result["seconds"], 1)
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in result.items()}


def run_count(count: int, url: str, work: Path, texts: list[str]) -> dict[str, Any]:
    seconds = _env_int("SCALE_SECONDS", 20)
    connections = _env_int("SCALE_CONNECTIONS", 32)
    procs = [ApiProcess(i, url, work) for i in range(count)]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    try:
        for proc in procs:
            if not proc.wait_ready(120):
                raise RuntimeError(f"API process {proc.index} did not start: {proc.log_tail()}")
        for proc in procs:  # caches warm before the clock runs
            for path in READS:
                httpx.get(proc.base + path, timeout=60)
        ready = time.perf_counter() - started
        poster = Poster([p.base for p in procs], texts, _env_float("SCALE_POST_EVERY", 2.0))
        poster.thread.start()
        result = load([p.port for p in procs], seconds, connections, work)
        poster.stop.set()
        poster.thread.join()
        result["posts"] = poster.statuses
        result["start_and_warm_s"] = round(ready, 1)
        return result
    finally:
        for proc in procs:
            proc.stop()


def main() -> int:
    from tests.support.postgres import find_bindir, running_server

    if shutil.which("wrk") is None:
        print("bench.scale: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    bindir = find_bindir()
    if bindir is None:
        print("bench.scale: no PostgreSQL binaries found", file=sys.stderr)
        return 2
    events = _env_int("SCALE_EVENTS", 20_000)
    counts = [int(x) for x in os.environ.get("SCALE_PROCESSES", "1,2,4").split(",")]
    work = Path(tempfile.mkdtemp(prefix="calendar-svc-scale-"))
    report: dict[str, Any] = {"events": events, "reads": READS, "cpu_count": os.cpu_count()}
    try:
        with running_server(bindir) as server:
            from sqlalchemy import create_engine, text

            by_count: dict[str, Any] = {}
            for count in counts:
                name = f"scale{count}"
                admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.execute(text(f"CREATE DATABASE {name}"))
                admin.dispose()
                url = str(server.url(name))
                print(f"scale: {count} process(es), preparing {events:,} events", file=sys.stderr)
                prepare(url, events)
                texts = make_texts(400)[::-1]
                by_count[str(count)] = run_count(count, url, work, texts)
                print(f"  {by_count[str(count)]}", file=sys.stderr)
            report["by_processes"] = by_count
    finally:
        shutil.rmtree(work, ignore_errors=True)
    one = report["by_processes"].get("1", {}).get("requests_per_s")
    print(f"{'processes':>10}{'reads/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'vs 1':>8}  posts")
    for count, r in report["by_processes"].items():
        ratio = round(r["requests_per_s"] / one, 2) if one else None
        r["vs_one_process"] = ratio
        print(
            f"{count:>10}{r['requests_per_s']:>12,.0f}{r['p50_ms']:>10.1f}{r['p99_ms']:>10.1f}"
            f"{ratio if ratio is not None else '-':>8}  {r['posts']}"
        )
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"written {OUT.relative_to(BENCH.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
