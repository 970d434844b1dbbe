"""`make bench`: the log, the fold and the projection against the peer and the floor.

For each size (10k, 100k, 1M events; ``BENCH_SIZES=10000,100000`` overrides) a synthetic
log (`bench.synthetic`) is appended to a fresh SQLite file, copied into the peer (the
`eventsourcing` library's SQLite recorder), then replayed, rebuilt and read back; every
measurement runs in its own process (`bench.measure`) so its peak RSS is its own.
Single durable appends and PostgreSQL batched appends are measured once. The replay
path is profiled into bench/profile_replay.txt.

Prints a table and writes bench/latest.json; headline keys come from the largest size.
``BENCH_DIR`` chooses where the temporary databases go (default: the system temp dir).
See docs/benchmarks.md for what each figure means and the targets.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LATEST = BENCH / "latest.json"
PROFILE = BENCH / "profile_replay.txt"
PROFILE_APPEND_OUT = BENCH / "profile_append.txt"
SCALE = BENCH / "scale.json"

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
SINGLE_APPENDS = 2_000
POSTGRES_MAX = 100_000  # PostgreSQL batched appends are measured at min(this, largest size)
PROFILE_MAX = 100_000  # the profile runs over min(this, largest size) events
PROFILE_APPEND = 10_000  # events appended under the profiler
REPEATS_SMALL = 3  # runs per measurement at sizes up to 100k (best kept); 1 above

Result = dict[str, Any]


def sizes_from_env() -> list[int]:
    raw = os.environ.get("BENCH_SIZES", "").strip()
    if not raw:
        return list(DEFAULT_SIZES)
    return sorted({int(part.replace("_", "")) for part in raw.split(",") if part.strip()})


def run(name: str, **args: Any) -> Result:
    """One measurement in a fresh interpreter; its last stdout line is the JSON result."""
    print(f"  {name} {args}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.measure", name, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
        raise RuntimeError(f"measurement {name} failed (exit {done.returncode})")
    result: Result = msgspec.json.decode(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    return result


def machine() -> Result:
    from importlib.metadata import version

    import eventsourcing.persistence  # noqa: F401  (import check: the peer is installed)

    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "sqlalchemy": version("SQLAlchemy"),
        "msgspec": version("msgspec"),
        "eventsourcing": version("eventsourcing"),
        "load_average_at_start": _load(),
    }


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


# -- the measurements -----------------------------------------------------------------------


def repeats_for(n: int) -> int:
    """Best of several runs where that is cheap: the machine may be shared and noisy."""
    return REPEATS_SMALL if n <= 100_000 else 1


def best(runs: list[Result]) -> Result:
    """The fastest run, with every run's rate and the highest peak RSS seen."""

    def rate(result: Result) -> float:
        return float(result.get("events_per_s") or 0)

    fastest: Result = max(runs, key=rate)
    top = dict(fastest)
    top["runs_events_per_s"] = [r.get("events_per_s") for r in runs]
    peaks = [r["peak_rss_mb"] for r in runs if r.get("peak_rss_mb") is not None]
    if peaks:
        top["peak_rss_mb"] = max(peaks)
    return top


def bench_size(n: int, work: Path, profile: bool) -> Result:
    """Every per-size measurement on one synthetic log of `n` events."""
    k = repeats_for(n)
    ours = str(work / f"ours-{n}.sqlite3")
    peer = str(work / f"peer-{n}.sqlite3")
    out: Result = {"size": n, "repeats": k}
    appends: list[Result] = []
    peer_appends: list[Result] = []
    for i in range(k):
        for path in [*work.glob(f"ours-{n}.*"), *work.glob(f"peer-{n}.*")]:
            path.unlink()
        appends.append(run("append_batched", db=ours, n=n))
        peer_appends.append(run("peer_append_batched", source=ours, db=peer))
        print(f"  [{n:,}] append {i + 1}/{k} done", file=sys.stderr)
    out["append_batched"] = best(appends)
    out["peer_append_batched"] = best(peer_appends)
    # Ours and the peer alternate, so a burst of load from elsewhere hits both alike.
    pairs = [
        ("replay", ours, "peer_replay", peer),
        ("read_decode", ours, "peer_read_decode", peer),
        ("floor", ours, None, None),
        ("rebuild", ours, None, None),
    ]
    for name, db, peer_name, peer_db in pairs:
        mine: list[Result] = []
        theirs: list[Result] = []
        for _ in range(k):
            mine.append(run(name, db=db))
            if peer_name is not None:
                theirs.append(run(peer_name, db=peer_db))
        out[name] = best(mine)
        if peer_name is not None:
            out[peer_name] = best(theirs)
    out["ingest"] = run("ingest_articles", db=ours)
    # After `rebuild`: the schedule is caught up, as a running service keeps it.
    cold = run("api_ready", db=ours, fresh=True)
    ready = run("api_ready", db=ours)  # a new process, from the snapshot the first stored
    out["api_ready"] = {"cold_s": cold["seconds"], "ready_s": ready["seconds"], **ready}
    if profile:
        out["profile"] = run("profile_replay", db=ours, out=str(PROFILE))
        out["profile_append"] = run(
            "profile_append",
            db=str(work / "profile-append.sqlite3"),
            n=PROFILE_APPEND,
            out=str(PROFILE_APPEND_OUT),
        )
    if out["replay"]["digest"] != out["peer_replay"]["digest"]:
        raise RuntimeError("ours and the peer folded different schedules: not the same events")
    for path in work.glob(f"*-{n}.sqlite3*"):
        path.unlink()
    return out


def bench_single(work: Path) -> Result:
    """Single durable appends, ours and the peer's, on fresh files."""
    ours = run("append_single", db=str(work / "single-ours.sqlite3"), n=SINGLE_APPENDS)
    peer = run(
        "peer_append_single",
        source=str(work / "single-ours.sqlite3"),
        db=str(work / "single-peer.sqlite3"),
        n=SINGLE_APPENDS,
    )
    return {"ours": ours, "peer": peer}


def bench_postgres(n: int) -> Result:
    try:
        return run("append_postgres", n=n)
    except RuntimeError as exc:  # no server could be started: report, do not fail the run
        return {"events_per_s": None, "skipped": str(exc)}


def bench_scale() -> Result:
    """`bench.scale` in its own process (1, 2 and 4 API processes on PostgreSQL);
    ``BENCH_SCALE=0`` skips it."""
    if os.environ.get("BENCH_SCALE", "1") == "0":
        return {"skipped": "BENCH_SCALE=0"}
    print("  scale (bench.scale)", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, "-m", "bench.scale"], cwd=ROOT, check=False)
    if done.returncode != 0 or not SCALE.exists():
        return {"skipped": f"bench.scale exited {done.returncode}"}
    result: Result = json.loads(SCALE.read_text())
    return result


def bench_ics() -> Result:
    from bench.web import bench_ics as measure

    return measure()


def bench_http() -> Result:
    from bench.web import bench_http as measure

    return measure()


# -- the report -----------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def _scale(scale: Result) -> Result:
    by = scale.get("by_processes") or {}

    def reads(n: int) -> float | None:
        return by.get(str(n), {}).get("requests_per_s")

    def p99(n: int) -> float | None:
        return by.get(str(n), {}).get("p99_ms")

    return {
        "scale_reads_per_s_1_2_4": [reads(1), reads(2), reads(4)],
        "scale_p99_ms_1_2_4": [p99(1), p99(2), p99(4)],
        "scale_4_vs_1_process": _ratio(reads(4), reads(1)),
    }


def headline(
    by_size: dict[int, Result], single: Result, postgres: Result, scale: Result | None = None
) -> Result:
    largest = max(by_size)
    top = by_size[largest]
    million = by_size.get(1_000_000)
    replay = top["replay"]["events_per_s"]
    append = top["append_batched"]["events_per_s"]
    return {
        "headline_size": largest,
        "replay_events_per_s": replay,
        "replay_vs_eventsourcing": _ratio(replay, top["peer_replay"]["events_per_s"]),
        "replay_vs_floor": _ratio(replay, top["floor"]["events_per_s"]),
        "read_decode_vs_eventsourcing": _ratio(
            top["read_decode"]["events_per_s"], top["peer_read_decode"]["events_per_s"]
        ),
        "append_batch_events_per_s": append,
        "append_vs_eventsourcing": _ratio(append, top["peer_append_batched"]["events_per_s"]),
        "append_single_events_per_s": single["ours"]["events_per_s"],
        "append_single_vs_eventsourcing": _ratio(
            single["ours"]["events_per_s"], single["peer"]["events_per_s"]
        ),
        "append_postgres_batch_events_per_s": postgres.get("events_per_s"),
        "append_postgres_size": postgres.get("events"),
        "rebuild_events_per_s": top["rebuild"]["events_per_s"],
        "replay_peak_rss_mb": top["replay"]["peak_rss_mb"],
        "rebuild_peak_rss_mb": top["rebuild"]["peak_rss_mb"],
        "replay_1m_peak_rss_mb": million["replay"]["peak_rss_mb"] if million else None,
        "ingest_first_article_ms": top["ingest"]["first_article_ms"],
        "ingest_next_article_ms": top["ingest"]["next_article_ms"],
        "api_ready_s": top["api_ready"]["ready_s"],
        "api_ready_cold_s": top["api_ready"]["cold_s"],
        "api_ready_1m_s": million["api_ready"]["ready_s"] if million else None,
        **_scale(scale or {}),
    }


def targets(head: Result) -> Result:
    def met(value: float | None, ok: bool) -> bool | None:
        return None if value is None else ok

    r_peer, r_floor = head["replay_vs_eventsourcing"], head["replay_vs_floor"]
    a_peer, rss = head["append_vs_eventsourcing"], head["replay_1m_peak_rss_mb"]
    warm, not_modified = head.get("ics_10k_warm_ms"), head.get("ics_304_ms")
    vs_hello = head.get("http_schedule_vs_hello")
    ready, scale = head.get("api_ready_1m_s"), head.get("scale_4_vs_1_process")
    return {
        "replay >= 2x peer": met(r_peer, (r_peer or 0) >= 2),
        "replay >= 0.5x floor": met(r_floor, (r_floor or 0) >= 0.5),
        "batched append >= 2x peer": met(a_peer, (a_peer or 0) >= 2),
        "1M replay < 300 MB peak RSS": met(rss, (rss or 1e9) < 300),
        "ICS 10k warm <= 20 ms": met(warm, (warm or 1e9) <= 20),
        "ICS 304 <= 2 ms": met(not_modified, (not_modified or 1e9) <= 2),
        "GET /schedule >= 0.5x hello": met(vs_hello, (vs_hello or 0) >= 0.5),
        "API ready on 1M log <= 2 s": met(ready, (ready or 1e9) <= 2),
        "4 API processes >= 3x one on reads": met(scale, (scale or 0) >= 3),
    }


_ROWS: list[tuple[str, str, str]] = [
    # (label, section, field)
    ("append batched, ours (ev/s)", "append_batched", "events_per_s"),
    ("append batched, peer (ev/s)", "peer_append_batched", "events_per_s"),
    ("replay ours (ev/s)", "replay", "events_per_s"),
    ("replay peer, same fold (ev/s)", "peer_replay", "events_per_s"),
    ("read+decode ours (ev/s)", "read_decode", "events_per_s"),
    ("read+decode peer (ev/s)", "peer_read_decode", "events_per_s"),
    ("floor: sqlite3+msgspec (ev/s)", "floor", "events_per_s"),
    ("rebuild projection (ev/s)", "rebuild", "events_per_s"),
    ("replay peak RSS (MB)", "replay", "peak_rss_mb"),
    ("peer replay peak RSS (MB)", "peer_replay", "peak_rss_mb"),
    ("rebuild peak RSS (MB)", "rebuild", "peak_rss_mb"),
    ("trips folded", "replay", "trips"),
    ("ingest 1st article, cold index (ms)", "ingest", "first_article_ms"),
    ("ingest next article, warm (ms)", "ingest", "next_article_ms"),
    ("API start, full fold (s)", "api_ready", "cold_s"),
    ("API start, from snapshot (s)", "api_ready", "ready_s"),
    ("our log on disk (MB)", "append_batched", "db_mb"),
    ("peer log on disk (MB)", "peer_append_batched", "db_mb"),
]


def _fmt(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "met" if value else "NOT met"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return " / ".join(_fmt(v) for v in value)
    return str(value)


def table(by_size: dict[int, Result], head: Result, goals: Result) -> str:
    sizes = sorted(by_size)
    width = max(len(label) for label, _, _ in _ROWS) + 2
    lines = [f"{'per size':<{width}}" + "".join(f"{n:>14,}" for n in sizes)]
    for label, section, key in _ROWS:
        cells = "".join(f"{_fmt(by_size[n][section].get(key)):>14}" for n in sizes)
        lines.append(f"{label:<{width}}{cells}")
    lines.append("")
    lines.append(f"headline (at {head['headline_size']:,} events unless named)")
    for key, value in head.items():
        if key != "headline_size":
            lines.append(f"  {key:<40}{_fmt(value):>14}")
    lines.append("")
    lines.append("targets")
    for key, value in goals.items():
        lines.append(f"  {key:<40}{_fmt(value):>14}")
    return "\n".join(lines)


def main() -> int:
    sizes = sizes_from_env()
    started = time.perf_counter()
    info = machine()
    base = os.environ.get("BENCH_DIR") or None
    work = Path(tempfile.mkdtemp(prefix="calendar-svc-bench-", dir=base))
    print(f"bench: sizes {sizes}, databases in {work}", file=sys.stderr)
    try:
        profile_size = max([n for n in sizes if n <= PROFILE_MAX] or [min(sizes)])
        by_size = {n: bench_size(n, work, profile=n == profile_size) for n in sizes}
        single = bench_single(work)
        postgres = bench_postgres(min(POSTGRES_MAX, max(sizes)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ics, http, scale = bench_ics(), bench_http(), bench_scale()
    head = {**headline(by_size, single, postgres, scale), **ics, **http}
    goals = targets(head)
    report: Result = {
        **head,
        "targets": goals,
        "machine": info,
        "sizes": sizes,
        "by_size": {str(n): r for n, r in by_size.items()},
        "append_single": single,
        "append_postgres": postgres,
        "scale": scale,
        "profile": str(PROFILE.relative_to(ROOT)),
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    info["load_average_at_end"] = _load()
    print(table(by_size, head, goals))
    print(
        f"\nmachine: {info['cpu_count']} CPUs ({info['cpu_model']}), Python {info['python']}, "
        f"SQLite {info['sqlite']}; load average {info['load_average_at_start']} at start, "
        f"{info['load_average_at_end']} at end; total {report['total_seconds']:,.0f} s"
    )
    LATEST.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written {LATEST.relative_to(ROOT)} and {PROFILE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
