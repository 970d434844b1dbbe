"""A real, throw-away PostgreSQL server for the test session.

initdb and pg_ctl into a temporary directory, on a free loopback port, torn down at
the end. Never mocked: the PostgreSQL half of the log suite runs against this.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    """Where initdb, pg_ctl and postgres live, or None when PostgreSQL is not installed."""
    candidates: list[str] = []
    if env := os.environ.get("CALENDAR_SVC_PG_BINDIR"):
        candidates.append(env)
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    if which := shutil.which("initdb"):
        candidates.append(str(Path(which).resolve().parent))
    for candidate in candidates:
        path = Path(candidate)
        if all((path / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return path
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    #: How to control the server, for fault tests (stop, start, freeze).
    bindir: Path | None = None
    data: Path | None = None
    pg_ctl_args: tuple[str, ...] = ()
    run_as: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def _pg_ctl(self, *args: str) -> None:
        assert self.bindir is not None and self.data is not None
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            capture_output=True,
            env=dict(self.env),
        )

    def stop(self) -> None:
        """Stop the server now (clients see connections refused)."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl(*self.pg_ctl_args, "-w", "-t", "60", "start")

    def pids(self) -> list[int]:
        """The postmaster and every process it started (for SIGSTOP / SIGCONT)."""
        assert self.data is not None
        main = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(
            ["pgrep", "-P", str(main)], capture_output=True, text=True
        ).stdout.split()
        return [main, *(int(pid) for pid in children)]


@contextlib.contextmanager
def running_server(bindir: Path) -> Iterator[PostgresServer]:
    """Start a private cluster; as root, run it as the `postgres` system user."""
    base = Path(tempfile.mkdtemp(prefix="calendar-svc-pg-"))
    data, log = base / "data", base / "server.log"
    run_as: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError(
                "running as root and there is no 'postgres' user to run the server; "
                "install the postgresql package (as .ci/run does)"
            ) from exc
        os.chown(base, account.pw_uid, account.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    user = "calendar"
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            user,
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
    )
    server = PostgresServer(
        host="127.0.0.1",
        port=port,
        user=user,
        bindir=bindir,
        data=data,
        pg_ctl_args=("-l", str(log), "-o", options),
        run_as=tuple(run_as),
        env=tuple(env.items()),
    )
    server.start()
    try:
        yield server
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            env=env,
        )
        shutil.rmtree(base, ignore_errors=True)
