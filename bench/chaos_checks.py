"""The fault probe's judgements, as pure functions over what it recorded and read back.

Kept apart from the orchestration so each rule can be tested on a crafted log: a probe
whose checks cannot fail would report a healthy service whatever happened.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from calendar_svc.store import StoredEvent

#: Offending ids kept in a report, so the JSON shows where to look without growing huge.
EXAMPLES = 5


@dataclass
class Sent:
    """One request the probe made and what came of it (times in seconds since the start)."""

    kind: str  # "write" (a writer's POST), "probe" (the recovery POST) or "health"
    proc: int
    text: int  # index of the text posted; -1 for health checks
    started: float
    ended: float
    status: int | None  # None: no HTTP answer, see `error`
    error: str | None = None  # "refused", "dropped" or "hang"
    retry_after: bool = False
    article_id: str | None = None
    detail: str | None = None  # the start of the body of a 5xx other than 503

    @property
    def latency(self) -> float:
        return self.ended - self.started


def check_log(events: Iterable[StoredEvent], acked: Iterable[str]) -> dict[str, Any]:
    """The log's promises, read back: gap-free positions, each article appended once in
    one transaction with its facts (none orphaned), and every acknowledged article there.

    A transaction is the set of events sharing `recorded_at` (the store makes it strictly
    increasing per append); an event belongs to the article named by its metadata's
    `correlation_id`.
    """
    expected = 1
    gaps = 0
    first_gap: int | None = None
    recorded: Counter[str] = Counter()  # article id -> ArticleRecorded events
    transactions: dict[str, set[datetime]] = defaultdict(set)  # article id -> its appends
    with_record: set[tuple[str, datetime]] = set()  # (article, transaction) holding its record
    uncorrelated = 0
    count = 0
    for event in events:
        count += 1
        if event.position != expected:
            gaps += abs(event.position - expected)
            first_gap = expected if first_gap is None else first_gap
        expected = event.position + 1
        meta = msgspec.json.decode(event.metadata)
        correlation = meta.get("correlation_id") if isinstance(meta, dict) else None
        if event.event_type == "ArticleRecorded":
            data = msgspec.json.decode(event.data)
            article = data.get("article_id") if isinstance(data, dict) else None
            article = article or event.stream_id.removeprefix("article-")
            recorded[article] += 1
            with_record.add((article, event.recorded_at))
            correlation = correlation or article
        if not isinstance(correlation, str):
            uncorrelated += 1
            continue
        transactions[correlation].add(event.recorded_at)
    twice = sorted(
        a for a in set(recorded) | set(transactions) if max(recorded[a], len(transactions[a])) > 1
    )
    # An article's transaction without its ArticleRecorded: facts nobody can trace.
    orphans = sorted(
        (a, at) for a, ats in transactions.items() for at in ats if (a, at) not in with_record
    )
    missing = sorted(set(acked) - set(recorded))
    return {
        "events": count,
        "articles": len(recorded),
        "gaps": gaps,
        "first_gap": first_gap,
        "duplicates_appended": sum(max(recorded[a], len(transactions[a])) - 1 for a in twice),
        "articles_appended_twice": len(twice),
        "orphan_transactions": len(orphans) + uncorrelated,
        "acked": len(set(acked)),
        "acked_missing": len(missing),
        "examples": {
            "appended_twice": [a[:16] for a in twice[:EXAMPLES]],
            "orphans": [f"{a[:16]}@{at.isoformat()}" for a, at in orphans[:EXAMPLES]],
            "acked_missing": [a[:16] for a in missing[:EXAMPLES]],
        },
    }


def double_acks(sent: Sequence[Sent]) -> int:
    """Texts acknowledged with 201 more than once: each was claimed appended twice."""
    created = Counter(s.text for s in sent if s.kind != "health" and s.status == 201)
    return sum(1 for n in created.values() if n > 1)


def tally(sent: Iterable[Sent]) -> dict[str, int]:
    """Answers by class: what a client saw."""
    out: Counter[str] = Counter()
    for s in sent:
        out["requests"] += 1
        if s.status is None:
            out["hang" if s.error == "hang" else "conn_errors"] += 1
        elif s.status in (200, 201):
            out[str(s.status)] += 1
        elif s.status == 503:
            out["503"] += 1
            out["503_without_retry_after"] += 0 if s.retry_after else 1
        elif s.status >= 500:
            out["5xx"] += 1
        elif s.status >= 400:
            out["4xx"] += 1
        else:
            out["other"] += 1
    keys = ("requests", "201", "200", "4xx", "503", "503_without_retry_after", "5xx")
    return {k: out[k] for k in (*keys, "conn_errors", "hang", "other")}


def server_errors(sent: Iterable[Sent]) -> list[dict[str, Any]]:
    """The distinct 5xx answers other than 503, each with its first time: where to look."""
    seen: dict[tuple[str, int, str | None], dict[str, Any]] = {}
    for s in sorted(sent, key=lambda s: s.started):
        if s.status is not None and s.status >= 500 and s.status != 503:
            key = (s.kind, s.status, s.detail)
            if key not in seen:
                seen[key] = {"kind": s.kind, "status": s.status, "at_s": round(s.started, 2)}
                seen[key].update(detail=s.detail, count=0)
            seen[key]["count"] += 1
    return list(seen.values())[:EXAMPLES]


def outage_figures(
    sent: Sequence[Sent], down: float, back: float, recovered_at: float | None
) -> dict[str, Any]:
    """What clients saw while the database was away (from `down` to `back`), and how long
    the service took to answer writes again by itself after it came back."""
    during = [s for s in sent if s.started <= back and s.ended >= down]
    answers = Counter(
        str(s.status) if s.status is not None else (s.error or "error") for s in during
    )
    health = Counter(
        str(s.status) if s.status is not None else (s.error or "error")
        for s in during
        if s.kind == "health"
    )
    unavailable = [s for s in during if s.status == 503]
    first = min((s.ended for s in unavailable), default=None)
    return {
        "down_s": round(back - down, 2),
        "requests": len(during),
        "answers": dict(sorted(answers.items())),
        "health_answers": dict(sorted(health.items())),
        "first_503_after_s": None if first is None else round(first - down, 2),
        "slowest_503_s": round(max((s.latency for s in unavailable), default=0.0), 2) or None,
        "slowest_answer_s": round(max((s.latency for s in during), default=0.0), 2),
        "5xx_not_503": sum(1 for s in during if s.status and s.status >= 500 and s.status != 503),
        "503_without_retry_after": sum(1 for s in unavailable if not s.retry_after),
        "hangs": sum(1 for s in during if s.error == "hang"),
        "recovered": recovered_at is not None,
        "recovery_s": None if recovered_at is None else round(recovered_at - back, 2),
    }


def converged(answers: Mapping[int, Mapping[str, tuple[int, str | None, bytes]]]) -> list[str]:
    """Where processes disagree: per path, their (status, ETag, body) must be one."""
    problems: list[str] = []
    paths = sorted({path for by_path in answers.values() for path in by_path})
    for path in paths:
        seen = {proc: by_path.get(path) for proc, by_path in answers.items()}
        statuses = {proc: a[0] if a else None for proc, a in seen.items()}
        if any(status != 200 for status in statuses.values()):
            problems.append(f"{path}: statuses {statuses}")
            continue
        if len({a[1] for a in seen.values() if a}) > 1:
            problems.append(f"{path}: ETags differ")
        if len({a[2] for a in seen.values() if a}) > 1:
            problems.append(f"{path}: bodies differ")
    return problems
