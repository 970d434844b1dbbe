"""`pip install` gives a working service: the wheel carries its migrations, and the embedded
database lands under the working directory (or CALENDAR_SVC_DATA_DIR), not site-packages.

The wheel is built offline (`pip wheel --no-deps --no-build-isolation`, with the dev extra's
setuptools) from a copy of just what a build reads, and installed with `--no-deps` into a
fresh virtualenv whose dependencies come from this interpreter's site-packages through a
`.pth` file: fast and offline, while calendar_svc itself is imported only from the wheel
(the test checks). It then runs `calendar-svc migrate`, `ingest seeds/` and `serve` there.
Skipped only when no setuptools able to build it is importable; never in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import socket
import subprocess
import sys
import sysconfig
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import httpx
import pytest

from calendar_svc.config import PROJECT_ROOT

#: What a build reads; copied so the checkout's build/ and *.egg-info are never used or left.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "calendar_svc", "migrations")
#: A trip the seed articles report (README's subscription example).
SEED_TRIP = "to-lam-2025-05-05"


def _can_build() -> bool:
    try:
        return int(version("setuptools").split(".")[0]) >= 77
    except (PackageNotFoundError, ValueError):
        return False


def _required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("CALENDAR_SVC_REQUIRE_WHEEL") == "1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "src"
    for name in BUILD_INPUTS:
        origin = PROJECT_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(origin, source / name)
    out = tmp / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    subprocess.run(
        [*pip_wheel, "--no-build-isolation", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("calendar_svc-*.whl")
    return wheel


def _venv_with_wheel(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies (and pip) from this interpreter; a .pth adds no further .pth files,
    # so a development install of calendar_svc here stays invisible to the new venv.
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    ours.update(site.getsitepackages())
    Path(purelib, "_deps_from_test_runner.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv


def _get_when_up(url: str, server: subprocess.Popen[bytes]) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        assert server.poll() is None, server.stderr.read() if server.stderr else b""
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALENDAR_SVC_", "PYTHON"))}
    return {**env, **extra}


@pytest.mark.skipif(
    not _can_build() and not _required(), reason="no setuptools>=77 to build the wheel with"
)
def test_the_wheel_migrates_ingests_and_serves_from_a_fresh_virtualenv(tmp_path: Path) -> None:
    venv = _venv_with_wheel(tmp_path, _build_wheel(tmp_path))
    cli = str(venv / "bin" / "calendar-svc")
    work = tmp_path / "work"
    work.mkdir()
    env = _clean_env()

    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import calendar_svc; print(calendar_svc.__file__)"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert Path(where).resolve().is_relative_to(venv.resolve()), where

    def run(*args: str, environ: dict[str, str] = env) -> None:
        done = subprocess.run([cli, *args], cwd=work, env=environ, capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stdout, done.stderr)

    run("migrate")
    run("ingest", str(PROJECT_ROOT / "seeds"))
    database = work / "var" / "calendar.sqlite3"
    assert database.is_file()
    assert not list(venv.rglob("*.sqlite3")), "the database landed in the install location"

    port = _free_port()
    with subprocess.Popen(
        [cli, "serve", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as server:
        try:
            answer = _get_when_up(f"http://127.0.0.1:{port}/trips", server)
        finally:
            server.terminate()
            server.wait(timeout=15)
    assert answer.status_code == 200
    assert SEED_TRIP in {trip["trip_id"] for trip in json.loads(answer.content)["items"]}

    # CALENDAR_SVC_DATA_DIR moves the embedded database out of the working directory.
    data = tmp_path / "data"
    run("migrate", environ=_clean_env(CALENDAR_SVC_DATA_DIR=str(data)))
    assert (data / "calendar.sqlite3").is_file()
