"""`calendar-svc serve` as an operator runs it: SIGTERM stops it promptly, even while an
article is being read, and the article leaves nothing on the log."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from calendar_svc.store import open_store

TOKEN = "serve-token"
#: Many distinct titled names: linear to read now, but seconds of CPU per megabyte.
HOSTILE = " ".join(
    f"President Name{n} Surname{n} met Prime Minister Other{n}" for n in range(15000)
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else b""
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def test_sigterm_stops_the_server_promptly_and_cancels_a_running_ingestion(
    sqlite_url: str, tmp_path: Path
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "CALENDAR_SVC_API_TOKEN": TOKEN,
        "CALENDAR_SVC_INGEST_CPU_SECONDS": "600",  # the budget is not what stops it here
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "calendar_svc.cli",
            "--database-url",
            sqlite_url,
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(port, proc)
        answers: list[int] = []

        def submit() -> None:
            try:
                response = httpx.post(
                    f"http://127.0.0.1:{port}/articles",
                    json={"text": HOSTILE},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    timeout=120,
                )
                answers.append(response.status_code)
            except httpx.TransportError:
                answers.append(0)

        writer = threading.Thread(target=submit)
        writer.start()
        time.sleep(1.5)  # the article is being read
        assert writer.is_alive(), answers
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        proc.wait(timeout=60)
        stopped_after = time.monotonic() - started
        writer.join(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert stopped_after < 30  # not a speed target: reading the article alone takes longer
    assert answers and answers[0] in (0, 503)
    store = open_store(sqlite_url)
    try:
        assert store.last_position() == 0
    finally:
        store.close()


def test_the_server_logs_json_lines_with_request_ids(sqlite_url: str) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "calendar_svc.cli", "--database-url", sqlite_url]
    proc = subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(port, proc)
        answer = httpx.get(f"http://127.0.0.1:{port}/trips", headers={"X-Request-ID": "ops-1"})
        assert answer.headers["x-request-id"] == "ops-1"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    records = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    assert records and all({"time", "level", "logger", "message"} <= set(r) for r in records)
    (access,) = [r for r in records if r["logger"] == "uvicorn.access" and "/trips" in r["message"]]
    assert access["request_id"] == "ops-1"
