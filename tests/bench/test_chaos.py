"""`make chaos` must not rot, and its judgements must be able to fail.

The checks are run on crafted logs and answers that break each promise once; a short
probe (SQLite, two processes, one kill -9, one held lock) then runs end to end and must
find the log intact. No timing is asserted: speed and outage figures live in the report.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from bench import chaos
from bench.chaos_checks import (
    Sent,
    check_log,
    converged,
    double_acks,
    outage_figures,
    server_errors,
    tally,
)
from bench.chaos_texts import make_texts, seed_texts
from calendar_svc.services.ingestion import ingest
from calendar_svc.store import NewEvent, StoredEvent, open_store


def _read(url: str) -> list[StoredEvent]:
    store = open_store(url)
    try:
        return list(store.read_all())
    finally:
        store.close()


def _ingested(url: str) -> str:
    store = open_store(url)
    try:
        report = ingest(store, seed_texts()[0].encode())
    finally:
        store.close()
    assert len(report.appended) > 1
    return report.article_id


def _append(url: str, event: NewEvent) -> None:
    store = open_store(url)
    try:
        assert store.append([event]).appended
    finally:
        store.close()


def test_a_clean_log_passes(sqlite_url: str) -> None:
    article = _ingested(sqlite_url)
    report = check_log(_read(sqlite_url), [article])
    assert report["articles"] == 1 and report["events"] > 1
    assert report["gaps"] == report["duplicates_appended"] == 0
    assert report["orphan_transactions"] == report["acked_missing"] == 0


def test_facts_appended_again_without_their_article_are_a_duplicate_and_an_orphan(
    sqlite_url: str,
) -> None:
    """Issue 11's double append: a second transaction of the same article's facts."""
    article = _ingested(sqlite_url)
    fact = next(e for e in _read(sqlite_url) if e.event_type != "ArticleRecorded")
    _append(
        sqlite_url,
        NewEvent(
            event_id="f" * 32,
            stream_id=fact.stream_id,
            event_type=fact.event_type,
            data=fact.data,
            metadata=fact.metadata,
        ),
    )
    report = check_log(_read(sqlite_url), [article])
    assert report["duplicates_appended"] == 1 and report["articles_appended_twice"] == 1
    assert report["orphan_transactions"] == 1
    assert report["examples"]["orphans"][0].startswith(article[:16])


def test_an_article_recorded_twice_is_a_duplicate(sqlite_url: str) -> None:
    article = _ingested(sqlite_url)
    record = next(e for e in _read(sqlite_url) if e.event_type == "ArticleRecorded")
    _append(
        sqlite_url,
        NewEvent(
            event_id="e" * 32,
            stream_id=record.stream_id,
            event_type=record.event_type,
            data=record.data,
            metadata=record.metadata,
        ),
    )
    report = check_log(_read(sqlite_url), [article])
    assert report["duplicates_appended"] == 1
    assert report["orphan_transactions"] == 0  # the copy carries its record


def test_an_event_without_a_correlation_is_an_orphan(sqlite_url: str) -> None:
    _ingested(sqlite_url)
    _append(
        sqlite_url,
        NewEvent(event_id="d" * 32, stream_id="trip-x", event_type="Stray", data="{}"),
    )
    assert check_log(_read(sqlite_url), [])["orphan_transactions"] == 1


def test_an_acknowledged_article_missing_from_the_log_is_reported(sqlite_url: str) -> None:
    article = _ingested(sqlite_url)
    report = check_log(_read(sqlite_url), [article, "0" * 64])
    assert report["acked"] == 2 and report["acked_missing"] == 1


def test_missing_positions_are_counted(sqlite_url: str) -> None:
    _ingested(sqlite_url)
    events = _read(sqlite_url)
    assert len(events) >= 3
    holed = [events[0], *(msgspec.structs.replace(e, position=e.position + 2) for e in events[1:])]
    report = check_log(holed, [])
    assert report["gaps"] == 2 and report["first_gap"] == 2
    late = [msgspec.structs.replace(e, position=e.position + 1) for e in events]
    assert check_log(late, [])["first_gap"] == 1  # the log must start at 1


def _sent(status: int | None, **kw: object) -> Sent:
    fields: dict[str, object] = {"kind": "write", "proc": 0, "text": 0, "started": 1.0}
    fields.update({"ended": 2.0, "status": status, **kw})
    return Sent(**fields)  # type: ignore[arg-type]


def test_answers_are_tallied_by_what_a_client_saw() -> None:
    counts = tally(
        [
            _sent(201),
            _sent(200),
            _sent(422),
            _sent(503, retry_after=True),
            _sent(503),
            _sent(500),
            _sent(None, error="refused"),
            _sent(None, error="hang"),
        ]
    )
    assert counts["requests"] == 8 and counts["201"] == counts["200"] == counts["4xx"] == 1
    assert counts["503"] == 2 and counts["503_without_retry_after"] == 1
    assert counts["5xx"] == 1 and counts["conn_errors"] == 1 and counts["hang"] == 1


def test_server_errors_are_kept_with_their_detail_once_each() -> None:
    sent = [
        _sent(500, detail="boom", started=3.0),
        _sent(500, detail="boom", started=2.0),
        _sent(502, detail="gateway", started=4.0),
        _sent(503, detail=None),
        _sent(201),
    ]
    errors = server_errors(sent)
    assert [(e["status"], e["detail"], e["count"]) for e in errors] == [
        (500, "boom", 2),
        (502, "gateway", 1),
    ]
    assert errors[0]["at_s"] == 2.0  # the first time it was seen


def test_two_201s_for_one_text_are_a_double_ack() -> None:
    assert double_acks([_sent(201), _sent(200)]) == 0
    assert double_acks([_sent(201), _sent(201), _sent(201, text=1)]) == 1


def test_outage_figures_cover_only_requests_that_overlapped_it() -> None:
    sent = [
        _sent(201, started=0.0, ended=0.5),  # before
        _sent(503, started=1.0, ended=1.4, retry_after=True),
        _sent(500, started=2.5, ended=3.5),
        _sent(None, started=2.0, ended=30.0, error="hang"),
        _sent(200, kind="health", started=6.0, ended=6.1),  # after
    ]
    figures = outage_figures(sent, down=1.0, back=5.0, recovered_at=6.0)
    assert figures["requests"] == 3 and figures["first_503_after_s"] == 0.4
    assert figures["5xx_not_503"] == 1 and figures["hangs"] == 1
    assert figures["recovered"] and figures["recovery_s"] == 1.0
    assert not outage_figures(sent, 1.0, 5.0, None)["recovered"]


def test_processes_that_serve_different_bytes_have_not_converged() -> None:
    same = {p: {"/a": (200, '"t"', b"x")} for p in range(3)}
    assert converged(same) == []
    assert converged({**same, 2: {"/a": (200, '"t"', b"y")}}) == ["/a: bodies differ"]
    assert converged({**same, 2: {"/a": (200, '"u"', b"x")}}) == ["/a: ETags differ"]
    assert converged({**same, 1: {"/a": (500, None, b"x")}})[0].startswith("/a: statuses")


def test_the_texts_are_distinct_and_deterministic() -> None:
    texts = make_texts(300, seed=4)
    assert len(set(texts)) == 300 and texts == make_texts(300, seed=4)
    assert texts[: len(seed_texts())] == seed_texts()


@pytest.fixture(scope="module")
def short_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    plan = chaos.Plan(
        processes=2,
        writers=4,
        texts=40,
        seconds=6.0,
        kill_every=1.0,
        max_kills=1,
        outage_at=4.5,
        outage_seconds=1.5,
        recovery_timeout=30.0,
    )
    work: Path = tmp_path_factory.mktemp("chaos")
    db = chaos.SQLiteDatabase(work / "chaos.sqlite3")
    return chaos.Run(plan, db, work, "sqlite#test").execute()


def test_a_short_probe_finds_the_log_intact(short_run: dict[str, object]) -> None:
    result = short_run
    log, writes = result["log"], result["writes"]
    assert isinstance(log, dict) and isinstance(writes, dict)
    assert result["failures"] == [], result["failures"]
    assert writes["201"] > 0 and writes["200"] > 0  # duplicates were sent and recognised
    assert log["gaps"] == log["duplicates_appended"] == log["orphan_transactions"] == 0
    assert log["acked"] > 0 and log["acked_missing"] == 0
    assert result["double_201"] == 0 and writes["5xx"] == 0
    assert log["verify_exit"] == 0 and result["converged"]


def test_the_short_probe_made_its_faults(short_run: dict[str, object]) -> None:
    kills, outage = short_run["kills"], short_run["outage"]
    assert isinstance(kills, list) and len(kills) == 1
    assert isinstance(outage, dict) and outage["recovered"] and outage["requests"] > 0


def test_each_broken_promise_fails_the_run(short_run: dict[str, object]) -> None:
    """The exit code follows `failures`: every figure that breaks a rule must land there."""
    clean = msgspec.json.decode(msgspec.json.encode(short_run))
    assert chaos.failures(clean) == []
    breaks = [
        ("log", "gaps", 1),
        ("log", "duplicates_appended", 1),
        ("log", "orphan_transactions", 1),
        ("log", "acked_missing", 1),
        ("log", "verify_exit", 1),
        ("writes", "5xx", 1),
        ("writes", "503_without_retry_after", 1),
        ("writes", "hang", 1),
        ("outage", "5xx_not_503", 1),
        ("outage", "503_without_retry_after", 1),
        ("outage", "hangs", 1),
        ("outage", "recovered", False),
    ]
    for section, key, value in breaks:
        broken = msgspec.json.decode(msgspec.json.encode(clean))
        broken[section][key] = value
        assert len(chaos.failures(broken)) == 1, (section, key)
    whole: list[tuple[str, object]] = [
        ("double_201", 1),
        ("converged", False),
        ("outage", None),
        ("kills", []),
        ("kills", [{"proc": 0, "at_s": 1.0, "ready_after_s": None}]),
    ]
    for name, setting in whole:
        result: dict[str, object] = msgspec.json.decode(msgspec.json.encode(clean))
        result[name] = setting
        assert len(chaos.failures(result)) == 1, name


def test_a_bad_setting_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHAOS_RUNS", "many")
    assert chaos.main() == 2
    err = capsys.readouterr().err.strip()
    assert err == "chaos: CHAOS_RUNS must be a positive integer, not 'many'"
    monkeypatch.setenv("CHAOS_RUNS", "1")
    monkeypatch.setenv("CHAOS_BACKENDS", "oracle")
    assert chaos.main() == 2
    assert "CHAOS_BACKENDS" in capsys.readouterr().err
