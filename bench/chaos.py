"""`make chaos`: issue 11's fault probe as a script (never part of `make test`).

Per backend and run, on a fresh database: several API processes (uvicorn, one worker
each) serve one log; writer threads POST articles round-robin across them, every text
2-4 times at the same moment to different processes; meanwhile one process is killed
with SIGKILL every few seconds and restarted, and once per run the database goes away
(PostgreSQL: `pg_ctl stop -m fast`, started again a few seconds later; SQLite: another
connection holds `BEGIN EXCLUSIVE`). Then the log is read back directly and judged
(`bench.chaos_checks`): positions gap-free, no article appended twice, no orphan facts,
every acknowledged article on the log, `calendar-svc verify` passes, and all processes
serve the same bytes. A 5xx other than 503, a 503 without Retry-After, a request with no
answer within the client timeout, or no recovery after the outage are defects too.

Prints a table, writes bench/chaos.json, exits 1 when anything failed, 2 when the probe
could not run (bad CHAOS_* value, no PostgreSQL). Traffic goes to 127.0.0.1 only.
Environment: CHAOS_SHORT=1 (about a minute), CHAOS_RUNS (default 3, short 1),
CHAOS_BACKENDS (default "sqlite,postgres"), CHAOS_WRITERS, CHAOS_SECONDS.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import random
import shlex
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import httpx

from bench.chaos_checks import (
    Sent,
    check_log,
    converged,
    double_acks,
    outage_figures,
    server_errors,
    tally,
)
from bench.chaos_texts import make_texts

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "chaos.json"
TOKEN = "chaos-probe-token"
#: The read paths whose bytes every process must agree on after catch-up.
CONVERGE_PATHS = ("/schedule?limit=1000", "/calendar.ics")
#: Seconds before the outage with no kill: a restarting process would blur its figures.
KILL_QUIET_BEFORE_OUTAGE = 3.0


#: The one address the API processes are reached at (a load balancer, in production).
PUBLIC_URL = "https://calendar.example.org"


class ChaosError(Exception):
    """The probe cannot run here (configuration, a server that will not start)."""


@dataclass(frozen=True)
class Plan:
    """One run's shape. Times in seconds."""

    processes: int = 3
    writers: int = 16
    texts: int = 900  # distinct texts offered; the write phase also ends at `seconds`
    seconds: float = 45.0
    kill_every: float = 4.0  # 0: no kills
    max_kills: int = 1_000
    outage_at: float = 15.0  # into the write phase; negative: no outage
    outage_seconds: float = 6.0
    request_timeout: float = 20.0  # no answer by then is a hang
    recovery_timeout: float = 30.0
    converge_timeout: float = 60.0
    seed: int = 11


FULL = Plan()
SHORT = Plan(texts=150, seconds=12.0, kill_every=3.0, outage_at=4.0, outage_seconds=3.0)


# -- the databases --------------------------------------------------------------------------


class Database(Protocol):
    backend: str
    url: str

    def outage(self, seconds: float) -> tuple[float, float]:
        """Take the database away for `seconds`; (went away, came back) in monotonic time."""
        ...


class SQLiteDatabase:
    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"

    def outage(self, seconds: float) -> tuple[float, float]:
        """Another connection holds the write lock, as a long batch job or a backup would."""
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            down = time.monotonic()
            time.sleep(seconds)
            conn.execute("ROLLBACK")
            return down, time.monotonic()
        finally:
            conn.close()


class PostgresCluster:
    """The private server from tests/support/postgres.py, stopped and started in place."""

    def __init__(self, server: Any, bindir: Path) -> None:
        from sqlalchemy import create_engine, text

        self.server = server
        self.pg_ctl = str(bindir / "pg_ctl")
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            self.data = Path(str(conn.execute(text("SHOW data_directory")).scalar_one()))
        admin.dispose()
        # The server's own command line, so a restart listens exactly where it did.
        argv = shlex.split((self.data / "postmaster.opts").read_text().strip())[1:]
        if "-D" in argv:
            at = argv.index("-D")
            del argv[at : at + 2]
        self.options = shlex.join(argv)
        self.log = self.data.parent / "server.log"

    def create_database(self, name: str) -> str:
        from sqlalchemy import create_engine, text

        admin = create_engine(self.server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {name}"))
        admin.dispose()
        return str(self.server.url(name))

    def _pg_ctl(self, *args: str) -> None:
        done = subprocess.run(
            [*self.run_as, self.pg_ctl, "-D", str(self.data), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            raise ChaosError(f"pg_ctl {args[-1]} failed: {done.stderr.strip() or done.stdout}")

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "-t", "60", "stop")

    def start(self) -> None:
        self._pg_ctl("-l", str(self.log), "-o", self.options, "-w", "-t", "60", "start")


class PostgresDatabase:
    backend = "postgres"

    def __init__(self, cluster: PostgresCluster, name: str) -> None:
        self.cluster = cluster
        self.url = cluster.create_database(name)

    def outage(self, seconds: float) -> tuple[float, float]:
        down = time.monotonic()
        self.cluster.stop()
        try:
            time.sleep(seconds)
        finally:
            self.cluster.start()
        return down, time.monotonic()


# -- the API processes ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _uvicorn() -> list[str]:
    script = Path(sys.executable).parent / "uvicorn"
    return [str(script)] if script.exists() else [sys.executable, "-m", "uvicorn"]


class ApiProcess:
    """One uvicorn process on a fixed loopback port; kill -9 and start again at will."""

    def __init__(self, index: int, url: str, logs: Path) -> None:
        self.index = index
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "CALENDAR_SVC_DATABASE_URL": url,
            "CALENDAR_SVC_API_TOKEN": TOKEN,
            # Several API processes behind one address, as deployed: the feeds' links name
            # that address, so every process serves the same bytes.
            "CALENDAR_SVC_PUBLIC_URL": PUBLIC_URL,
        }
        self.log_path = logs / f"api-{index}.log"
        self.popen: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.popen = subprocess.Popen(
                [
                    *_uvicorn(),
                    "calendar_svc.api.asgi:app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill9(self) -> None:
        if self.popen is not None:
            self.popen.kill()  # SIGKILL: no shutdown hook, no rollback but the database's
            self.popen.wait()

    def wait_ready(self, timeout: float) -> bool:
        """Until it answers HTTP at all (a 503 from /health counts: it is up)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return False
            try:
                httpx.get(f"{self.base}/health", timeout=2.0)
                return True
            except httpx.HTTPError:
                time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.popen is None:
            return
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:  # SIGTERM ignored: a defect, but stop it
                self.popen.kill()
                self.popen.wait()

    def log_tail(self, lines: int = 5) -> list[str]:
        try:
            return self.log_path.read_text(errors="replace").splitlines()[-lines:]
        except OSError:
            return []

    def log_errors(self, lines: int = 10) -> list[str]:
        """The distinct ERROR and exception lines the process logged (timestamps cut):
        where a 500 came from."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return []
        found: dict[str, None] = {}
        for line in text.splitlines():
            if line.startswith("ERROR"):
                found[" - ".join(part for i, part in enumerate(line.split(" - ")) if i != 1)] = None
            elif line[:1].isalpha() and ("Error:" in line or "Exception:" in line):
                found[line[:300]] = None
        return list(found)[:lines]


# -- one run --------------------------------------------------------------------------------


def _call(
    client: httpx.Client, method: str, url: str, **kwargs: Any
) -> tuple[int | None, str | None, httpx.Response | None]:
    """(status, error kind, response): connection failures are data, not exceptions."""
    try:
        response = client.request(method, url, **kwargs)
    except (httpx.ConnectError, httpx.ConnectTimeout):
        return None, "refused", None
    except httpx.TimeoutException:
        return None, "hang", None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
        return None, "dropped", None
    return response.status_code, None, response


def _detail(response: httpx.Response | None) -> str | None:
    if response is None or response.status_code < 500 or response.status_code == 503:
        return None
    return response.text[:300]


class Run:
    """One backend, one fresh database, one burst of writes with faults, one judgement."""

    def __init__(self, plan: Plan, db: Database, work: Path, label: str) -> None:
        self.plan = plan
        self.db = db
        self.label = label
        self.work = work
        self.sent: list[Sent] = []
        self.clients: list[httpx.Client] = []
        self.local = threading.local()
        self.stop = threading.Event()
        self.outage_active = threading.Event()
        self.kills: list[dict[str, Any]] = []
        self.outage: dict[str, Any] | None = None
        self.errors: list[str] = []
        self.t0 = time.monotonic()
        self.texts_offered = 0
        self.write_seconds = 0.0
        all_texts = make_texts(plan.texts + 1, seed=plan.seed)
        self.texts, self.probe_text = all_texts[:-1], all_texts[-1]
        self.procs = [ApiProcess(i, db.url, work) for i in range(plan.processes)]

    @property
    def stuck_after(self) -> float:
        """A writer holds its permit at most one request (plus its start barrier)."""
        return self.plan.request_timeout + 15.0

    def now(self) -> float:
        return time.monotonic() - self.t0

    def client(self) -> httpx.Client:
        client: httpx.Client | None = getattr(self.local, "client", None)
        if client is None:
            client = httpx.Client(timeout=httpx.Timeout(self.plan.request_timeout, connect=3.0))
            self.local.client = client
            self.clients.append(client)
        return client

    def post(self, kind: str, index: int, text: str, proc: int) -> Sent:
        started = self.now()
        status, error, response = _call(
            self.client(),
            "POST",
            f"{self.procs[proc].base}/articles",
            json={"text": text},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        article: str | None = None
        if response is not None and status in (200, 201):
            article = str(response.json().get("article_id"))
        record = Sent(
            kind=kind,
            proc=proc,
            text=index,
            started=started,
            ended=self.now(),
            status=status,
            error=error,
            retry_after=response is not None and "retry-after" in response.headers,
            article_id=article,
            detail=_detail(response),
        )
        self.sent.append(record)
        return record

    def health(self, proc: int) -> Sent:
        started = self.now()
        status, error, response = _call(self.client(), "GET", f"{self.procs[proc].base}/health")
        record = Sent(
            kind="health",
            proc=proc,
            text=-1,
            started=started,
            ended=self.now(),
            status=status,
            error=error,
            retry_after=response is not None and "retry-after" in response.headers,
            detail=_detail(response),
        )
        self.sent.append(record)
        return record

    # -- the threads ------------------------------------------------------------------------

    def _guard(self, name: str, target: Callable[[], None]) -> Callable[[], None]:
        """A thread's failure is a finding of the run, never an unhandled exception."""

        def run() -> None:
            try:
                target()
            except Exception as exc:
                self.errors.append(f"{name}: {type(exc).__name__}: {exc}")
                self.stop.set()

        return run

    def _writer(
        self, index: int, text: str, proc: int, start: threading.Barrier, permits: Any
    ) -> None:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=10)  # the copies leave together: duplicates race
            self.post("write", index, text, proc)
        finally:
            permits.release()

    def _killer(self) -> None:
        turn = 0
        while not self.stop.wait(self.plan.kill_every):
            if len(self.kills) >= self.plan.max_kills or self._near_outage():
                continue
            proc = self.procs[turn % len(self.procs)]
            turn += 1
            with proc.lock:
                at = self.now()
                proc.kill9()
                proc.start()
            ready = proc.wait_ready(30)
            self.kills.append(
                {
                    "proc": proc.index,
                    "at_s": round(at, 2),
                    "ready_after_s": round(self.now() - at, 2) if ready else None,
                }
            )

    def _near_outage(self) -> bool:
        """No kill just before or during the outage: its figures are the database's alone."""
        if self.outage_active.is_set():
            return True
        soon = self.plan.outage_at - KILL_QUIET_BEFORE_OUTAGE
        return self.plan.outage_at >= 0 and self.outage is None and self.now() >= soon

    def _outage(self) -> None:
        if self.plan.outage_at < 0 or self.stop.wait(self.plan.outage_at):
            return
        self.outage_active.set()
        sweeping = threading.Event()

        def sweep() -> None:
            while not sweeping.wait(0.25):
                for proc in range(len(self.procs)):
                    self.health(proc)

        sweeper = threading.Thread(target=self._guard("health sweep", sweep), daemon=True)
        sweeper.start()
        try:
            down, back = self.db.outage(self.plan.outage_seconds)
            down, back = down - self.t0, back - self.t0
            recovered = self._await_recovery(back)
        finally:
            sweeping.set()
            sweeper.join()
            self.outage_active.clear()
        self.outage = {"kind": self._outage_kind(), "down_at_s": round(down, 2)}
        self.outage.update(outage_figures(self.sent, down, back, recovered))

    def _outage_kind(self) -> str:
        if self.db.backend == "postgres":
            return "pg_ctl stop -m fast"
        return "BEGIN EXCLUSIVE held"

    def _await_recovery(self, back: float) -> float | None:
        """When every process answers /health 200 and takes a write again, by itself."""
        deadline = back + self.plan.recovery_timeout
        while self.now() < deadline:
            if all(self.health(p).status == 200 for p in range(len(self.procs))):
                writes = [
                    self.post("probe", len(self.texts), self.probe_text, p)
                    for p in range(len(self.procs))
                ]
                if all(w.status in (200, 201) for w in writes):
                    return max(w.ended for w in writes)
            time.sleep(0.2)
        return None

    # -- the phases -------------------------------------------------------------------------

    def migrate(self) -> None:
        done = subprocess.run(
            [_cli(), "--database-url", self.db.url, "migrate"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            raise ChaosError(f"{self.label}: migrate failed: {done.stderr.strip()}")

    def start(self) -> None:
        for proc in self.procs:
            proc.start()
        for proc in self.procs:
            if not proc.wait_ready(60):
                tail = " / ".join(proc.log_tail(3))
                raise ChaosError(f"{self.label}: API process {proc.index} did not start: {tail}")

    def write(self) -> None:
        plan = self.plan
        rng = random.Random(plan.seed)
        pace = plan.seconds / max(1, len(self.texts))
        permits = threading.BoundedSemaphore(plan.writers)
        helpers = [
            threading.Thread(target=self._guard("killer", self._killer), daemon=True),
            threading.Thread(target=self._guard("outage", self._outage), daemon=True),
        ]
        self.t0 = time.monotonic()
        if plan.kill_every > 0 and plan.max_kills > 0:
            helpers[0].start()
        helpers[1].start()
        turn = 0
        self.texts_offered = 0
        with ThreadPoolExecutor(max_workers=plan.writers, thread_name_prefix="writer") as pool:
            for index, text in enumerate(self.texts):
                if self.stop.is_set() or self.now() >= plan.seconds:
                    break
                time.sleep(max(0.0, index * pace - self.now()))
                copies = min(rng.randint(2, 4), plan.writers)
                if not all(permits.acquire(timeout=self.stuck_after) for _ in range(copies)):
                    self.errors.append("writers: no writer came free; the dispatch stopped")
                    break
                barrier = threading.Barrier(copies)
                for copy in range(copies):
                    proc = (turn + copy) % len(self.procs)
                    pool.submit(self._writer, index, text, proc, barrier, permits)
                turn += 1
                self.texts_offered += 1
            # Let an outage that began finish while writers still run into it.
            while self.outage_active.is_set():
                time.sleep(0.1)
        self.write_seconds = self.now()
        self.stop.set()
        for helper in helpers:
            if helper.is_alive() or helper.ident is not None:
                helper.join()

    def settle(self) -> dict[str, Any]:
        """Every process up, then the same bytes from each once they caught up."""
        for proc in self.procs:
            with proc.lock:
                if not proc.alive():
                    proc.start()
            proc.wait_ready(60)
        started = time.monotonic()
        problems: list[str] = ["not checked"]
        while time.monotonic() - started < self.plan.converge_timeout:
            answers: dict[int, dict[str, tuple[int, str | None, bytes]]] = {}
            for proc in self.procs:
                answers[proc.index] = {}
                for path in CONVERGE_PATHS:
                    _, error, response = _call(self.client(), "GET", proc.base + path)
                    if response is None:
                        answers[proc.index][path] = (0, error, b"")
                    else:
                        answers[proc.index][path] = (
                            response.status_code,
                            response.headers.get("etag"),
                            response.content,
                        )
            problems = converged(answers)
            if not problems:
                break
            time.sleep(0.5)
        return {
            "converged": not problems,
            "convergence_s": round(time.monotonic() - started, 2),
            "divergence": problems,
        }

    def judge(self) -> dict[str, Any]:
        from calendar_svc.store import open_store

        acked = {
            s.article_id or hashlib.sha256(self._text(s.text).encode()).hexdigest()
            for s in self.sent
            if s.kind != "health" and s.status in (200, 201)
        }
        store = open_store(self.db.url)
        try:
            report = check_log(store.read_all(), acked)
        finally:
            store.close()
        done = subprocess.run(
            [_cli(), "--database-url", self.db.url, "verify"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        lines = (done.stdout + done.stderr).strip().splitlines()
        report["verify_exit"] = done.returncode
        report["verify"] = lines[-1] if lines else ""
        return report

    def _text(self, index: int) -> str:
        return self.probe_text if index >= len(self.texts) else self.texts[index]

    def execute(self) -> dict[str, Any]:
        self.migrate()
        try:
            self.start()
            self.write()
            settled = self.settle()
        finally:
            for proc in self.procs:
                proc.stop()
            for client in self.clients:
                client.close()
        log = self.judge()
        writes = [s for s in self.sent if s.kind == "write"]
        result: dict[str, Any] = {
            "label": self.label,
            "backend": self.db.backend,
            "plan": asdict(self.plan),
            "texts_offered": self.texts_offered,
            "write_seconds": round(self.write_seconds, 1),
            "writes": tally(writes),
            "writes_per_s": round(len(writes) / max(0.1, self.write_seconds), 1),
            "double_201": double_acks(self.sent),
            "server_errors": server_errors(self.sent),
            "kills": self.kills,
            "outage": self.outage,
            "log": log,
            **settled,
            "probe_errors": self.errors,
        }
        result["failures"] = failures(result)
        if result["failures"]:
            result["api_log_errors"] = {p.index: p.log_errors() for p in self.procs}
        return result


def _cli() -> str:
    script = Path(sys.executable).parent / "calendar-svc"
    return str(script) if script.exists() else "calendar-svc"


def failures(result: dict[str, Any]) -> list[str]:
    """Every broken promise of one run, one line each; empty when the run is clean."""
    out: list[str] = []
    log, writes, outage = result["log"], result["writes"], result["outage"]
    checks = [
        (log["gaps"], "positions missing (first at {})".format(log["first_gap"])),
        (log["duplicates_appended"], "duplicate appends"),
        (result["double_201"], "texts acknowledged 201 twice"),
        (log["orphan_transactions"], "orphan transactions"),
        (log["acked_missing"], "acknowledged articles missing from the log"),
        (writes["5xx"], "5xx answers other than 503"),
        (writes["503_without_retry_after"], "503 answers without Retry-After"),
        (writes["hang"], "writes with no answer within the client timeout"),
    ]
    out += [f"{n} {what}" for n, what in checks if n]
    if log["verify_exit"] != 0:
        out.append(f"calendar-svc verify exited {log['verify_exit']}: {log['verify']}")
    if not result["converged"]:
        out.append("processes did not converge: " + "; ".join(result["divergence"]))
    if outage is not None:
        if outage["5xx_not_503"]:
            out.append(f"{outage['5xx_not_503']} 5xx answers other than 503 during the outage")
        if outage["503_without_retry_after"]:
            out.append(f"{outage['503_without_retry_after']} outage 503s without Retry-After")
        if outage["hangs"]:
            out.append(f"{outage['hangs']} requests hung during the outage")
        if not outage["recovered"]:
            out.append("the service did not recover by itself after the outage")
    elif result["plan"]["outage_at"] >= 0:
        out.append("the planned outage did not happen")
    if result["plan"]["kill_every"] > 0 and result["plan"]["max_kills"] > 0:
        if not result["kills"]:
            out.append("no API process was killed: the write phase was too short")
        elif any(k["ready_after_s"] is None for k in result["kills"]):
            out.append("a killed API process did not come back within 30 s")
    out += [f"probe error: {e}" for e in result["probe_errors"]]
    return out


# -- the whole probe ------------------------------------------------------------------------


def run_sqlite(plan: Plan, label: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="calendar-svc-chaos-") as tmp:
        work = Path(tmp)
        db = SQLiteDatabase(work / "chaos.sqlite3")
        return Run(plan, db, work, label).execute()


def run_postgres(plan: Plan, cluster: PostgresCluster, label: str, name: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="calendar-svc-chaos-") as tmp:
        db = PostgresDatabase(cluster, name)
        return Run(plan, db, Path(tmp), label).execute()


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    from tests.support.postgres import find_bindir, running_server

    bindir = find_bindir()
    if bindir is None:
        raise ChaosError(
            "no PostgreSQL server binaries (initdb, pg_ctl): install postgresql, set "
            "CALENDAR_SVC_PG_BINDIR, or run CHAOS_BACKENDS=sqlite"
        )
    try:
        server_cm = running_server(bindir)
        server = server_cm.__enter__()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        raise ChaosError(f"could not start PostgreSQL: {exc}") from exc
    try:
        yield PostgresCluster(server, bindir)
    finally:
        server_cm.__exit__(None, None, None)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ChaosError(f"{name} must be a positive integer, not {raw!r}") from None
    if value < 1:
        raise ChaosError(f"{name} must be a positive integer, not {raw!r}")
    return value


def configure() -> tuple[list[str], int, dict[str, Plan], bool]:
    short = os.environ.get("CHAOS_SHORT", "").strip() not in ("", "0")
    runs = _env_int("CHAOS_RUNS", 1 if short else 3)
    backends = [b.strip() for b in os.environ.get("CHAOS_BACKENDS", "sqlite,postgres").split(",")]
    backends = [b for b in backends if b]
    unknown = sorted(set(backends) - {"sqlite", "postgres"})
    if unknown or not backends:
        raise ChaosError(f"CHAOS_BACKENDS must list sqlite and/or postgres, not {unknown}")
    base = SHORT if short else FULL
    base = replace(base, writers=_env_int("CHAOS_WRITERS", base.writers))
    seconds = _env_int("CHAOS_SECONDS", int(base.seconds))
    base = replace(base, seconds=float(seconds), outage_at=min(base.outage_at, seconds / 3))
    plans = {
        "sqlite": replace(base, processes=2 if short else 3),
        "postgres": replace(base, processes=3),
    }
    return backends, runs, plans, short


_ROWS: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
    ("processes / writers", lambda r: f"{r['plan']['processes']} / {r['plan']['writers']}"),
    ("texts offered (x2-4 copies)", lambda r: r["texts_offered"]),
    ("write requests", lambda r: r["writes"]["requests"]),
    ("  201 / 200", lambda r: f"{r['writes']['201']} / {r['writes']['200']}"),
    ("  4xx", lambda r: r["writes"]["4xx"]),
    ("  503 (w/o Retry-After)", lambda r: _pair(r["writes"], "503", "503_without_retry_after")),
    ("  5xx other than 503", lambda r: r["writes"]["5xx"]),
    ("  connection errors", lambda r: r["writes"]["conn_errors"]),
    ("  no answer (hang)", lambda r: r["writes"]["hang"]),
    ("writes/s", lambda r: r["writes_per_s"]),
    ("kill -9 (restart to ready, s)", lambda r: _kills(r["kills"])),
    ("events / articles on the log", lambda r: f"{r['log']['events']} / {r['log']['articles']}"),
    ("duplicates appended", lambda r: r["log"]["duplicates_appended"]),
    ("texts given 201 twice", lambda r: r["double_201"]),
    ("orphan transactions", lambda r: r["log"]["orphan_transactions"]),
    ("position gaps", lambda r: r["log"]["gaps"]),
    ("acked, missing from log", lambda r: f"{r['log']['acked']}, {r['log']['acked_missing']}"),
    (
        "verify",
        lambda r: "ok" if r["log"]["verify_exit"] == 0 else f"exit {r['log']['verify_exit']}",
    ),
    ("converged (s)", lambda r: f"{'yes' if r['converged'] else 'NO'} ({r['convergence_s']})"),
    ("outage (s down)", lambda r: _o(r, lambda o: f"{_short(o['kind'])} {o['down_s']}")),
    ("  answers during it", lambda r: _o(r, lambda o: _counts(o["answers"]))),
    ("  /health during it", lambda r: _o(r, lambda o: _counts(o["health_answers"]))),
    ("  first 503 after (s)", lambda r: _o(r, lambda o: o["first_503_after_s"])),
    ("  slowest answer (s)", lambda r: _o(r, lambda o: o["slowest_answer_s"])),
    ("  5xx not 503 / hangs", lambda r: _o(r, lambda o: f"{o['5xx_not_503']} / {o['hangs']}")),
    ("  recovered by itself (s)", lambda r: _o(r, _recovery)),
    ("result", lambda r: "ok" if not r["failures"] else f"{len(r['failures'])} FAILED"),
]


def _short(kind: str) -> str:
    return "pg stop" if kind.startswith("pg_ctl") else "lock"


def _pair(d: dict[str, Any], a: str, b: str) -> str:
    return f"{d[a]} ({d[b]})"


def _kills(kills: list[dict[str, Any]]) -> str:
    ready = [k["ready_after_s"] for k in kills if k["ready_after_s"] is not None]
    mean = f"{sum(ready) / len(ready):.1f}" if ready else "-"
    return f"{len(kills)} ({mean})"


def _o(result: dict[str, Any], show: Callable[[dict[str, Any]], Any]) -> Any:
    return "none" if result["outage"] is None else show(result["outage"])


def _recovery(outage: dict[str, Any]) -> str:
    return f"yes ({outage['recovery_s']})" if outage["recovered"] else "NO"


def _counts(counts: dict[str, int]) -> str:
    return " ".join(f"{k}:{v}" for k, v in counts.items()) or "-"


def table(results: list[dict[str, Any]]) -> str:
    width = max(len(label) for label, _ in _ROWS) + 2
    cols = [max(14, *(len(str(show(r))) + 2 for _, show in _ROWS)) for r in results]
    lines = [
        f"{'':<{width}}" + "".join(f"{r['label']:>{c}}" for r, c in zip(results, cols, strict=True))
    ]
    for label, show in _ROWS:
        lines.append(
            f"{label:<{width}}"
            + "".join(f"{show(r)!s:>{c}}" for r, c in zip(results, cols, strict=True))
        )
    return "\n".join(lines)


def main() -> int:
    started = time.monotonic()
    try:
        backends, runs, plans, short = configure()
        results: list[dict[str, Any]] = []
        with contextlib.ExitStack() as stack:
            cluster = stack.enter_context(postgres_cluster()) if "postgres" in backends else None
            for backend in backends:
                for n in range(1, runs + 1):
                    label = f"{backend}#{n}"
                    print(f"chaos: {label} ...", file=sys.stderr, flush=True)
                    plan = replace(plans[backend], seed=plans[backend].seed + n)
                    if backend == "postgres":
                        assert cluster is not None
                        results.append(run_postgres(plan, cluster, label, f"chaos_run_{n}"))
                    else:
                        results.append(run_sqlite(plan, label))
                    for failure in results[-1]["failures"]:
                        print(f"  {label}: {failure}", file=sys.stderr)
    except ChaosError as exc:
        print(f"chaos: {exc}", file=sys.stderr)
        return 2
    failed = [f"{r['label']}: {f}" for r in results for f in r["failures"]]
    report = {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "short": short,
        "ok": not failed,
        "failures": failed,
        "total_seconds": round(time.monotonic() - started, 1),
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "runs": results,
    }
    print(table(results))
    print(
        f"\ntotal {report['total_seconds']} s; "
        + ("all invariants held" if not failed else f"{len(failed)} failures:")
    )
    for line in failed:
        print(f"  {line}")
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"written {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
