"""Measure the log as it stands: batched and single appends, and a full streaming read.

Prints a table and writes bench/latest.json. Sizes are small enough for a 2-core machine.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import msgspec

from calendar_svc.audit.verify import verify_chain
from calendar_svc.store import NewEvent, migrate, open_store

BATCHED = 100_000
SINGLE = 500


def _events(count: int, prefix: str) -> list[NewEvent]:
    body = {"leg": "kz", "country": "KZ", "note": "x" * 300}
    return [
        NewEvent(
            event_id=f"{prefix}-{i}",
            stream_id=f"trip-{i % 500}",
            event_type="EngagementReported",
            data=msgspec.json.encode({**body, "n": i}).decode(),
            metadata='{"article":"abc","sentence":3}',
        )
        for i in range(count)
    ]


def main() -> int:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        migrate.upgrade(url)
        store = open_store(url)
        events = _events(BATCHED, "b")
        start = time.perf_counter()
        for i in range(0, BATCHED, 1000):
            store.append(events[i : i + 1000])
        results["append_batch_events_per_s"] = BATCHED / (time.perf_counter() - start)

        singles = _events(SINGLE, "s")
        start = time.perf_counter()
        for event in singles:
            store.append([event])
        results["append_single_events_per_s"] = SINGLE / (time.perf_counter() - start)

        start = time.perf_counter()
        count = sum(1 for _ in store.read_all())
        results["read_all_events_per_s"] = count / (time.perf_counter() - start)

        start = time.perf_counter()
        report = verify_chain(store.read_all())
        results["verify_events_per_s"] = report.checked / (time.perf_counter() - start)
        store.close()
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value:>12,.1f}")
    out = Path(__file__).parent / "latest.json"
    out.write_text(json.dumps({k: round(v, 1) for k, v in results.items()}, indent=2) + "\n")
    print(f"written {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
