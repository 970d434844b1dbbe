"""Signed checkpoints: what they prove, what they catch, and how they are served."""

from __future__ import annotations

import base64
import json
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from litestar import Litestar
from litestar.testing import TestClient

from calendar_svc.api.app import create_app
from calendar_svc.audit.checkpoint import (
    CheckpointMismatch,
    check_signature,
    encode,
    generate_key,
    load_private_key,
    load_public_key,
    parse,
    sign,
)
from calendar_svc.audit.verify import verify_log
from calendar_svc.cli import main
from calendar_svc.config import Settings
from calendar_svc.store import open_store
from calendar_svc.store.hashing import GENESIS_HASH
from tests.audit.tamper import fill, forge_append, rechain, truncate


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "checkpoint.pem"
    path.parent.mkdir()
    generate_key(path)
    return path


@pytest.fixture(autouse=True)
def _no_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CALENDAR_SVC_CHECKPOINT_KEY", raising=False)


def _checkpoint(url: str, key: Path, out: Path) -> Path:
    """What cron does: `calendar-svc checkpoint >> out`."""
    store = open_store(url)
    statement = sign(load_private_key(key), store.head())
    store.close()
    with out.open("ab") as handle:
        handle.write(encode(statement) + b"\n")
    return out


def _verify(url: str, checkpoint: Path, pub: Path) -> int:
    return main(
        ["--database-url", url, "verify", "--checkpoint", str(checkpoint), "--public-key", str(pub)]
    )


# -- keys and statements ----------------------------------------------------------------


def test_the_key_is_private_pkcs8_and_never_overwritten(
    key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")  # PKCS8
    pub = key.with_name(key.name + ".pub")
    assert pub.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    before = key.read_bytes()
    assert main(["checkpoint-key", "--out", str(key)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert key.read_bytes() == before
    # A stray .pub alone also blocks: the pair would not match.
    lone = key.with_name("other.pem")
    lone.with_name("other.pem.pub").write_text("x")
    assert main(["checkpoint-key", "--out", str(lone)]) == 2
    assert not lone.exists()


def test_a_statement_signs_the_head_and_round_trips(sqlite_url: str, key: Path) -> None:
    fill(sqlite_url, 3)
    store = open_store(sqlite_url)
    head = store.head()
    store.close()
    assert head is not None
    private = load_private_key(key)
    statement = sign(private, head)
    assert (statement.position, statement.hash) == (3, head.hash)
    assert statement.recorded_at is not None and statement.recorded_at.endswith("Z")
    assert statement.time.endswith("Z")
    raw = base64.b64decode(statement.public_key)
    assert Ed25519PublicKey.from_public_bytes(raw) is not None and len(raw) == 32
    assert len(statement.key_id) == 16
    [again] = parse(encode(statement))
    assert again == statement
    trusted = load_public_key(key.with_name(key.name + ".pub"))
    check_signature(again, trusted)  # does not raise


def test_the_empty_log_is_position_zero_with_the_genesis_hash(sqlite_url: str, key: Path) -> None:
    store = open_store(sqlite_url)
    statement = sign(load_private_key(key), store.head())
    assert (statement.position, statement.hash, statement.recorded_at) == (0, GENESIS_HASH, None)
    assert verify_log(store.read_all(), [statement]).ok
    store.close()


def test_cli_checkpoint_needs_the_key_and_prints_one_verifiable_line(
    sqlite_url: str, key: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 2)
    assert main(["--database-url", sqlite_url, "checkpoint"]) == 2
    assert "CALENDAR_SVC_CHECKPOINT_KEY" in capsys.readouterr().err
    monkeypatch.setenv("CALENDAR_SVC_CHECKPOINT_KEY", str(key))
    assert main(["--database-url", sqlite_url, "checkpoint"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    fields = json.loads(out)
    assert set(fields) == {
        "position",
        "hash",
        "time",
        "recorded_at",
        "key_id",
        "public_key",
        "signature",
    }
    assert fields["position"] == 2
    saved = key.parent / "cp.jsonl"
    saved.write_text(out)
    # The trusted key defaults to the public half of CALENDAR_SVC_CHECKPOINT_KEY.
    assert main(["--database-url", sqlite_url, "verify", "--checkpoint", str(saved)]) == 0
    assert "checkpoint(s) hold, the latest at position 2" in capsys.readouterr().out


# -- what a checkpoint catches ----------------------------------------------------------


def test_truncation_below_the_checkpoint_is_caught(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 5)
    cp = _checkpoint(sqlite_url, key, key.parent / "cp.jsonl")
    truncate(sqlite_url, keep=3)
    assert main(["--database-url", sqlite_url, "verify"]) == 0  # the chain alone cannot tell
    capsys.readouterr()
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 1
    err = capsys.readouterr().err.strip()
    assert (
        err.count("\n") == 0 and "checkpoint at position 5" in err and "ends at position 3" in err
    )


def test_checkpoints_hold_and_catch_truncation_on_both_backends(
    any_url: str, key: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(any_url, 5)
    monkeypatch.setenv("CALENDAR_SVC_CHECKPOINT_KEY", str(key))
    assert main(["--database-url", any_url, "checkpoint"]) == 0
    cp = key.parent / "cp.jsonl"
    cp.write_text(capsys.readouterr().out)
    assert main(["--database-url", any_url, "verify", "--checkpoint", str(cp), "--projection"]) == 0
    capsys.readouterr()
    truncate(any_url, keep=2)
    assert main(["--database-url", any_url, "verify"]) == 0  # the chain alone cannot tell
    assert main(["--database-url", any_url, "verify", "--checkpoint", str(cp)]) == 1
    assert "checkpoint at position 5" in capsys.readouterr().err


def test_rechaining_the_whole_log_is_caught(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 5)
    cp = _checkpoint(sqlite_url, key, key.parent / "cp.jsonl")
    rechain(sqlite_url, 1, '{"n":"rewritten"}')
    assert main(["--database-url", sqlite_url, "verify"]) == 0  # every hash recomputed
    capsys.readouterr()
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 1
    err = capsys.readouterr().err
    assert "checkpoint at position 5" in err and "differs" in err


def test_every_checkpoint_of_a_history_is_checked(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 3)
    history = key.parent / "checkpoints.jsonl"
    _checkpoint(sqlite_url, key, history)
    fill(sqlite_url, 3, start=4)
    _checkpoint(sqlite_url, key, history)
    pub = key.with_name(key.name + ".pub")
    assert _verify(sqlite_url, history, pub) == 0
    capsys.readouterr()
    # Rewriting after the older checkpoint still contradicts the newer one, and an
    # edit before the older one contradicts it first: the lowest position is named.
    rechain(sqlite_url, 2, '{"n":"rewritten"}')
    assert _verify(sqlite_url, history, pub) == 1
    assert "checkpoint at position 3" in capsys.readouterr().err


def test_a_forged_append_is_caught_when_it_breaks_the_chain(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 4)
    cp = _checkpoint(sqlite_url, key, key.parent / "cp.jsonl")
    pub = key.with_name(key.name + ".pub")
    position = forge_append(sqlite_url, chained=False)
    assert _verify(sqlite_url, cp, pub) == 1
    assert f"BROKEN at position {position}" in capsys.readouterr().err


def test_a_log_that_grew_after_the_checkpoint_still_verifies(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A checkpoint proves the prefix up to its position, nothing after it: events
    appended later (legitimately, or forged with a valid chain) are for the next one."""
    fill(sqlite_url, 4)
    cp = _checkpoint(sqlite_url, key, key.parent / "cp.jsonl")
    fill(sqlite_url, 2, start=5)
    forge_append(sqlite_url, chained=True)
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 0
    assert "latest at position 4" in capsys.readouterr().out


def test_a_statement_by_another_key_is_refused(
    sqlite_url: str, key: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 2)
    attacker = tmp_path / "attacker.pem"
    generate_key(attacker)
    store = open_store(sqlite_url)
    statement = sign(load_private_key(attacker), store.head())
    store.close()
    cp = tmp_path / "cp.json"
    cp.write_bytes(encode(statement))
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 1
    err = capsys.readouterr().err
    assert "checkpoint at position 2" in err and "not by the trusted key" in err

    # Claiming the trusted key's id and public key does not make its signature hold.
    trusted = json.loads(_statement_json(sqlite_url, key))
    forged = {**json.loads(cp.read_text()), "key_id": trusted["key_id"]}
    forged["public_key"] = trusted["public_key"]
    cp.write_text(json.dumps(forged))
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 1
    assert "signature does not hold" in capsys.readouterr().err


def _statement_json(url: str, key: Path) -> str:
    store = open_store(url)
    statement = sign(load_private_key(key), store.head())
    store.close()
    return encode(statement).decode()


@pytest.mark.parametrize("field", ["position", "hash", "time", "recorded_at"])
def test_an_altered_statement_is_refused(
    sqlite_url: str, key: Path, field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 3)
    statement = json.loads(_statement_json(sqlite_url, key))
    statement[field] = {
        "position": 2,
        "hash": "a" * 64,
        "time": "2000-01-01T00:00:00.000000Z",
        "recorded_at": "2000-01-01T00:00:00.000000Z",
    }[field]
    cp = key.parent / "cp.json"
    cp.write_text(json.dumps(statement, indent=2))  # an indented file is read as well
    assert _verify(sqlite_url, cp, key.with_name(key.name + ".pub")) == 1
    assert "signature does not hold" in capsys.readouterr().err


def test_the_key_a_statement_shows_is_never_trusted_alone(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_url, 1)
    cp = key.parent / "cp.json"
    cp.write_text(_statement_json(sqlite_url, key))
    assert main(["--database-url", sqlite_url, "verify", "--checkpoint", str(cp)]) == 2
    assert "--public-key" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "verify", "--public-key", str(cp)]) == 2


def test_bad_checkpoint_files_are_input_errors(
    sqlite_url: str, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = key.with_name(key.name + ".pub")
    garbage = key.parent / "garbage.json"
    garbage.write_text('{"position": 1}\n')
    assert _verify(sqlite_url, garbage, pub) == 2
    assert "garbage.json:1: not a checkpoint" in capsys.readouterr().err
    assert _verify(sqlite_url, key.parent / "missing.json", pub) == 2
    cp = key.parent / "cp.json"
    cp.write_text(_statement_json(sqlite_url, key))
    assert _verify(sqlite_url, cp, garbage) == 2  # not a key
    assert "public key" in capsys.readouterr().err


# -- import -----------------------------------------------------------------------------


def test_import_refuses_an_export_that_contradicts_the_checkpoint(
    sqlite_url: str,
    key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(sqlite_url, 5)
    cp = _checkpoint(sqlite_url, key, tmp_path / "cp.jsonl")
    pub = ["--public-key", str(key.with_name(key.name + ".pub"))]
    dump = tmp_path / "log.jsonl"
    assert main(["--database-url", sqlite_url, "export", "--out", str(dump)]) == 0

    from calendar_svc.store import migrate

    def fresh(name: str) -> str:
        url = f"sqlite:///{tmp_path / name}"
        migrate.upgrade(url)
        return url

    good = fresh("good.sqlite3")
    assert main(["--database-url", good, "import", str(dump), "--checkpoint", str(cp), *pub]) == 0

    truncated = tmp_path / "truncated.jsonl"
    truncated.write_bytes(b"".join(dump.read_bytes().splitlines(keepends=True)[:3]))
    target = fresh("t.sqlite3")
    capsys.readouterr()
    args = ["--database-url", target, "import", str(truncated), "--checkpoint", str(cp), *pub]
    assert main(args) == 1
    assert "checkpoint at position 5" in capsys.readouterr().err

    rechain(sqlite_url, 1, '{"n":"rewritten"}')
    rewritten = tmp_path / "rewritten.jsonl"
    assert main(["--database-url", sqlite_url, "export", "--out", str(rewritten)]) == 0
    args = ["--database-url", target, "import", str(rewritten), "--checkpoint", str(cp), *pub]
    assert main(args) == 1
    assert "checkpoint at position 5" in capsys.readouterr().err
    store = open_store(target)
    assert store.last_position() == 0  # nothing imported
    store.close()


# -- the service ------------------------------------------------------------------------


MakeClient = Callable[[Path | None], TestClient[Litestar]]


@pytest.fixture
def client_with(sqlite_url: str) -> Iterator[MakeClient]:
    clients: list[TestClient[Litestar]] = []

    def make(key: Path | None) -> TestClient[Litestar]:
        settings = Settings(database_url=sqlite_url, checkpoint_key=str(key) if key else None)
        client = TestClient(app=create_app(settings))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_the_service_serves_the_signed_head(
    sqlite_url: str, key: Path, client_with: MakeClient
) -> None:
    fill(sqlite_url, 3)
    client = client_with(key)
    first = client.get("/log/checkpoint")
    assert first.status_code == 200
    statement = parse(first.content)[0]
    assert statement.position == 3
    check_signature(statement, load_public_key(key.with_name(key.name + ".pub")))
    assert client.get("/log/checkpoint").json() == first.json()  # one signature per head
    fill(sqlite_url, 1, start=4)
    assert client.get("/log/checkpoint").json()["position"] == 4


def test_without_a_key_the_route_is_a_404_problem(client_with: MakeClient) -> None:
    client = client_with(None)
    response = client.get("/log/checkpoint")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"] == "no checkpoint key configured"


def test_the_route_is_documented(client_with: MakeClient) -> None:
    client = client_with(None)
    schema = client.get("/schema/openapi.json").json()
    operation = schema["paths"]["/log/checkpoint"]["get"]
    assert {"200", "404"} <= set(operation["responses"])
    assert "signature" in schema["components"]["schemas"]["LogCheckpoint"]["properties"]


def test_verify_reports_mismatch_positions(sqlite_url: str, key: Path) -> None:
    fill(sqlite_url, 2)
    store = open_store(sqlite_url)
    statement = sign(load_private_key(key), store.head())
    truncate(sqlite_url, keep=1)
    with pytest.raises(CheckpointMismatch) as caught:
        verify_log(store.read_all(), [statement])
    store.close()
    assert caught.value.position == 2
