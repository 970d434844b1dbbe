"""Commands on the log itself: set it up (`migrate`), verify its chain and checkpoints
(`verify`), move it (`export`, `import`) and sign its head (`checkpoint-key`, `checkpoint`).

Apart because these are the operator's and the auditor's commands: they work on the log's
rows and hashes, not on what the schedule makes of them.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_svc.audit.checkpoint import (
    Checkpoint,
    check_signature,
    load_private_key,
    load_public_key,
    read_checkpoints,
)
from calendar_svc.audit.export import export_jsonl, read_jsonl
from calendar_svc.audit.verify import (
    DatabaseUnavailable,
    first_unreadable,
    open_readonly,
    read_errors,
    verify_log,
)
from calendar_svc.cli.common import EXIT_TAMPERED, CliError, open_log
from calendar_svc.config import load_settings
from calendar_svc.store import migrate as migrations

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def cmd_migrate(args: argparse.Namespace) -> int:
    migrations.upgrade(args.database_url)
    print(f"database at revision {migrations.current_revision(args.database_url)}")
    return 0


def _trusted_key(args: argparse.Namespace) -> Ed25519PublicKey:
    """The key checkpoints must be signed with: never the one a statement shows."""
    if args.public_key:
        return load_public_key(Path(args.public_key))
    private = load_settings().checkpoint_key
    if private:
        return load_private_key(Path(private)).public_key()
    raise CliError(
        "--checkpoint needs the trusted public key: give --public-key PUB "
        "or set CALENDAR_SVC_CHECKPOINT_KEY"
    )


def _checkpoints(args: argparse.Namespace) -> list[Checkpoint]:
    """The statements of `--checkpoint`, each signed by the trusted key, else []."""
    if args.checkpoint is None:
        if args.public_key:
            raise CliError("--public-key is only used with --checkpoint")
        return []
    trusted = _trusted_key(args)
    statements = read_checkpoints(Path(args.checkpoint))
    for statement in statements:
        check_signature(statement, trusted)
    return statements


def _unreadable(exc: Exception) -> DatabaseUnavailable:
    reason = str(getattr(exc, "orig", None) or exc).strip() or type(exc).__name__
    return DatabaseUnavailable(f"cannot read the database: {reason.splitlines()[0]}")


def cmd_verify(args: argparse.Namespace) -> int:
    from calendar_svc.audit.projection import check_projection

    statements = _checkpoints(args)
    store = open_readonly(args.database_url)  # never creates a file, never writes
    try:
        locate = partial(first_unreadable, store)
        report = verify_log(store.read_all(), statements, locate)
        projection = check_projection(store) if args.projection and report.ok else None
    except read_errors(store) as exc:
        raise _unreadable(exc) from exc
    finally:
        store.close()
    if not report.ok:
        print(report.summary(), file=sys.stderr)
        return EXIT_TAMPERED
    if projection is not None and not projection.ok:
        print(projection.summary(), file=sys.stderr)
        return EXIT_TAMPERED
    line = report.summary()
    if statements:
        held = max(s.position for s in statements)
        line += f"; {len(statements)} checkpoint(s) hold, the latest at position {held}"
    if projection is not None:
        line += f"; {projection.summary()}"
    print(line)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = open_log(args)
    try:
        if args.out is None:
            count = export_jsonl(store.read_all(), sys.stdout.buffer)
            sys.stdout.flush()
        else:
            out_path = Path(args.out)
            tmp = out_path.with_name(out_path.name + ".partial")
            with tmp.open("wb") as handle:
                count = export_jsonl(store.read_all(), handle)
            tmp.replace(out_path)  # readers never see half an export
    finally:
        store.close()
    print(f"exported {count} events", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"cannot read {path}: no such file")
    statements = _checkpoints(args)
    report = verify_log(read_jsonl(path), statements)  # CheckpointMismatch: exit 1
    if not report.ok:
        raise CliError(f"refusing {path}: its chain does not verify: {report.summary()}")
    store = open_log(args)
    try:
        count = store.import_events(read_jsonl(path))
    finally:
        store.close()
    print(f"imported {count} events; head hash {report.head_hash}")
    return 0


def cmd_checkpoint_key(args: argparse.Namespace) -> int:
    from calendar_svc.audit.checkpoint import generate_key

    out = Path(args.out)
    pub = generate_key(out)
    print(
        f"wrote the private key {out} (mode 0600: set CALENDAR_SVC_CHECKPOINT_KEY to it) "
        f"and the public key {pub} (give it to auditors)"
    )
    return 0


def cmd_checkpoint(args: argparse.Namespace) -> int:
    from calendar_svc.audit.checkpoint import encode, sign

    key_path = load_settings().checkpoint_key
    if not key_path:
        raise CliError(
            "CALENDAR_SVC_CHECKPOINT_KEY is not set: point it at a private key made by "
            "`calendar-svc checkpoint-key --out PATH`"
        )
    key = load_private_key(Path(key_path))
    store = open_readonly(args.database_url)
    try:
        head = store.head()
    except read_errors(store) as exc:
        raise _unreadable(exc) from exc
    finally:
        store.close()
    sys.stdout.buffer.write(encode(sign(key, head)) + b"\n")
    sys.stdout.flush()
    return 0
