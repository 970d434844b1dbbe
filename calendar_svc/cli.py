"""The `calendar-svc` command: set up, audit and serve the log.

Every failure prints one clear line to stderr and exits non-zero; nothing is half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import msgspec
from sqlalchemy.exc import OperationalError, ProgrammingError

from calendar_svc import __version__
from calendar_svc.audit.checkpoint import (
    Checkpoint,
    CheckpointInputError,
    CheckpointMismatch,
    check_signature,
    load_private_key,
    load_public_key,
    read_checkpoints,
)
from calendar_svc.audit.export import ExportFormatError, export_jsonl, read_jsonl
from calendar_svc.audit.verify import (
    DatabaseUnavailable,
    UnreadableRow,
    first_unreadable,
    open_readonly,
    read_errors,
    verify_log,
)
from calendar_svc.config import SettingsError, load_settings
from calendar_svc.domain.views import Schedule
from calendar_svc.store import EventStore, StoreError, open_store
from calendar_svc.store import migrate as migrations

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class CliError(Exception):
    """A user-facing failure: the message is printed as is."""


def _store(args: argparse.Namespace) -> EventStore:
    return open_store(args.database_url, load_settings().timeouts())


def cmd_migrate(args: argparse.Namespace) -> int:
    migrations.upgrade(args.database_url)
    print(f"database at revision {migrations.current_revision(args.database_url)}")
    return 0


#: Exit codes of the audit commands (`verify`, `import`, `checkpoint`): 2 is bad input.
EXIT_TAMPERED = 1
EXIT_UNREADABLE = 3


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
    store = _store(args)
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
    store = _store(args)
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


def cmd_ingest(args: argparse.Namespace) -> int:
    import hashlib
    from collections import Counter

    from calendar_svc.services.article_files import (
        ArticleFileRefused,
        FileMeta,
        file_meta,
        iter_article_files,
        read_article_file,
    )
    from calendar_svc.services.articles import unread_in
    from calendar_svc.services.ingestion import (
        ArticleMeta,
        ArticleRejected,
        TripIndex,
        decode_text,
        ingest,
    )

    follow = args.follow_symlinks
    # Read and check every input first: one refused file means nothing is written.
    # Each file's outlet, URL and day come from its sidecar or its folder's manifest.json;
    # --language and --outlet, when given, hold for every file.
    contents: list[tuple[str, bytes, ArticleMeta]] = []
    try:
        files = list(iter_article_files(args.paths, follow_symlinks=follow))
        if not files:
            raise CliError(f"no articles found in {' '.join(args.paths)}")
        for name in files:
            raw = read_article_file(name, follow_symlinks=follow)
            decode_text(raw)
            known = file_meta(name, follow_symlinks=follow) or FileMeta()
            if known.sha256 and known.sha256 != hashlib.sha256(raw).hexdigest():
                raise CliError(f"{name}: its description (sha256) is of other bytes")
            meta = ArticleMeta(
                url=known.url,
                outlet=args.outlet or known.outlet,
                language=args.language or known.language,
                published_on=known.published_on,
            )
            contents.append((name, raw, meta))
    except ArticleFileRefused as exc:
        raise CliError(str(exc)) from exc
    except ArticleRejected as exc:
        raise CliError(f"{name}: {exc}") from exc
    store = _store(args)
    try:
        if args.if_empty and store.last_position() > 0:
            print(f"the log already has {store.last_position()} events; nothing ingested")
            return 0
        index = TripIndex(store)  # the log is folded once, not once per article
        for name, raw, meta in contents:
            report = ingest(store, raw, meta, index)
            if report.known:
                print(f"{name}: already known (article {report.article_id[:12]})")
                continue
            kinds = Counter(kind for _, kind, _ in report.appended)
            summary = ", ".join(f"{k} x{n}" if n > 1 else k for k, n in kinds.items())
            trip = f" to trip {report.trip_id}" if report.trip_id else " (no trip)"
            print(f"{name}: appended {len(report.appended)} events{trip}: {summary}")
            unread = unread_in(store, report.article_id, index.principal_names())
            if unread:
                print(f"  {len(unread)} sentences name someone or somewhere but gave nothing:")
                for reading in unread[:5]:
                    print(f"    [{reading.index}] {_clip(reading.text, 100)}")
        from calendar_svc.projections.schedule import ScheduleProjection

        ScheduleProjection(store).catch_up()
    finally:
        store.close()
    return 0


class _ProgressBar:
    """A one-line progress bar on stderr (only when it is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.tty or total <= 0:
            return
        width = 30
        filled = int(width * min(done, total) / total)
        bar = "#" * filled + "-" * (width - filled)
        print(f"\r{self.label} [{bar}] {done}/{total}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def _rebuild_if_stale(args: argparse.Namespace) -> None:
    """Before serving: a schedule folded by other rules than this version's is rebuilt
    from the log, with a progress bar, instead of being served."""
    from calendar_svc.projections.schedule import ScheduleProjection

    store = _store(args)
    try:
        projection = ScheduleProjection(store)
        if projection.stale():
            print("the stored schedule was folded by other rules: rebuilding", file=sys.stderr)
            bar = _ProgressBar("rebuilding")
            projection.rebuild(progress=bar)
            bar.close()
    finally:
        store.close()


def cmd_rebuild(args: argparse.Namespace) -> int:
    from calendar_svc.projections.schedule import ScheduleProjection

    store = _store(args)
    try:
        bar = _ProgressBar("rebuilding")
        count = ScheduleProjection(store).rebuild(progress=bar)
        bar.close()
    finally:
        store.close()
    print(f"rebuilt the schedule from {count} events")
    return 0


def _point(store: EventStore, value: str) -> int:
    from calendar_svc.projections.replay import resolve

    try:
        return resolve(store, value).position
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _reported(status: str, as_of: date | None) -> str:
    """A status with the day it was last reported: it may no longer hold today."""
    return status if as_of is None else f"{status} (last reported {as_of.isoformat()})"


def _print_schedule(schedule: Schedule) -> None:
    print(f"schedule at log position {schedule.position}")
    if not schedule.trips:
        print("  (no trips)")
    for trip in schedule.trips:
        print(
            f"trip {trip.trip_id}: {trip.principal.title or ''} {trip.principal.name}, "
            f"{trip.start_date} to {trip.end_date} ({trip.certainty or 'no dates'}), "
            f"{_reported(trip.status, trip.status_as_of)}"
        )
        for leg in trip.legs:
            print(
                f"  {leg.sequence}. {leg.country_code} {leg.city or ''} "
                f"{leg.visit_type or 'visit'} {leg.start_date}..{leg.end_date} "
                f"(start {leg.start_certainty or '?'}, end {leg.end_certainty or '?'}) "
                f"{_reported(leg.status, leg.status_as_of)} r{leg.revision}"
            )
            print(f"     {leg.date_basis}")
        for engagement in trip.engagements:
            print(f"  - {engagement.start_date or '?'} {engagement.kind}: {engagement.title}")
        for dispute in trip.disputes:
            print(f"  ! disputed {dispute.fact}: {dispute.held} (held) vs {dispute.claimed}")


def cmd_replay(args: argparse.Namespace) -> int:
    import msgspec

    from calendar_svc.projections.replay import replay

    if args.until is not None and args.as_of is not None:
        raise CliError("give --until or --as-of, not both")
    store = _store(args)
    try:
        head = store.last_position()
        position = head
        if args.until is not None:
            position = min(_point(store, str(args.until)), head)
        elif args.as_of is not None:
            position = _point(store, args.as_of)
        schedule = replay(store, position)
    finally:
        store.close()
    if args.json:
        sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(schedule)) + b"\n")
    else:
        _print_schedule(schedule)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import msgspec

    from calendar_svc.projections.replay import diff

    store = _store(args)
    try:
        result = diff(store, _point(store, args.a), _point(store, args.b))
    finally:
        store.close()
    if args.json:
        sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(result)) + b"\n")
        return 0
    print(f"changes from position {result.from_position} to {result.to_position}:")
    if not result.changes:
        print("  none")
    item = None
    for change in result.changes:
        if change.item != item:
            item = change.item
            print(f"{change.change} {change.kind} {change.item}")
        if change.change == "added":
            print("    (new)")
        else:
            print(f"    {change.field}: {change.before!r} -> {change.after!r}")
        for cause in change.causes:
            article = f" (article {cause.article_id[:12]})" if cause.article_id else ""
            print(f"      because of #{cause.position} {cause.type}{article}")
            for sentence in cause.sentences:
                print(f'        "{_clip(sentence)}"')
    return 0


def _clip(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def openapi_document() -> bytes:
    """The app's OpenAPI document, canonical (sorted keys, 2-space indent) for diffing."""
    import json

    from calendar_svc.api.app import create_app
    from calendar_svc.config import Settings

    app = create_app(Settings(database_url="sqlite://"))
    schema = app.openapi_schema.to_schema()
    return (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def cmd_openapi(args: argparse.Namespace) -> int:
    document = openapi_document()
    if args.out:
        Path(args.out).write_bytes(document)
    else:
        sys.stdout.buffer.write(document)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from calendar_svc.api.app import create_app

    settings = msgspec.structs.replace(load_settings(), database_url=args.database_url)
    _rebuild_if_stale(args)
    app = create_app(settings)
    shutdown: threading.Event = app.state["shutdown"]

    class PromptServer(uvicorn.Server):
        """On SIGTERM / SIGINT, cancel a running ingestion first (nothing of it is
        committed), so the server stops promptly instead of finishing the article."""

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            shutdown.set()
            super().handle_exit(sig, frame)

    from calendar_svc.api.observability import log_config

    # JSON lines, each with its request's id: what a log shipper parses without patterns.
    config = uvicorn.Config(
        app, host=args.host, port=args.port, log_level="info", log_config=log_config("info")
    )
    PromptServer(config).run()
    return 0


#: `worker --once` found another worker holding the role (nothing was done).
EXIT_STANDBY = 4


def cmd_worker(args: argparse.Namespace) -> int:
    import logging
    import signal

    from calendar_svc.services.worker import Worker

    store = _store(args)  # a schedule folded by other rules: catch-up rebuilds it
    try:
        worker = Worker(
            store,
            fallback_seconds=args.fallback_seconds,
            standby_seconds=args.standby_seconds,
            on_state=lambda state: print(f"calendar-svc worker: {state}", flush=True),
        )
        if args.once:
            if not worker.once():
                print("calendar-svc: another worker is active; nothing done", file=sys.stderr)
                return EXIT_STANDBY
            print(f"caught up: {worker.applied} events applied", flush=True)
            return 0
        logging.basicConfig(level=logging.WARNING)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda _sig, _frame: worker.request_stop())
        worker.run()
        print("calendar-svc worker: stopped", flush=True)
        return 0
    finally:
        store.close()


def _positive_seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of seconds") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{raw!r}: give seconds between 0 and 86400")
    return value


def _checkpoint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--checkpoint",
        metavar="FILE",
        help="signed checkpoint(s), one a line: the log must hold each position with its hash",
    )
    parser.add_argument(
        "--public-key",
        metavar="PUB",
        help="the trusted key (default: the public half of $CALENDAR_SVC_CHECKPOINT_KEY)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="calendar-svc", description="Event-sourced diplomatic calendar."
    )
    parser.add_argument("--version", action="version", version=f"calendar-svc {__version__}")
    parser.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL (default: $CALENDAR_SVC_DATABASE_URL or the embedded SQLite file)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="create or upgrade the schema").set_defaults(func=cmd_migrate)
    verify = sub.add_parser(
        "verify",
        help="walk the hash chain; exit 0 intact, 1 tampered (position named), "
        "3 the database cannot be read",
    )
    _checkpoint_options(verify)
    verify.add_argument(
        "--projection",
        action="store_true",
        help="also check the stored schedule against a fresh fold of the log",
    )
    verify.set_defaults(func=cmd_verify)
    export = sub.add_parser("export", help="write the log as JSON Lines")
    export.add_argument("--out", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="load a verified export into an empty log")
    imp.add_argument("file")
    _checkpoint_options(imp)
    imp.set_defaults(func=cmd_import)
    key = sub.add_parser("checkpoint-key", help="make an Ed25519 key to sign checkpoints")
    key.add_argument("--out", required=True, metavar="PATH", help="private key; PATH.pub too")
    key.set_defaults(func=cmd_checkpoint_key)
    sub.add_parser(
        "checkpoint",
        help="print a signed statement of the log's head (key: $CALENDAR_SVC_CHECKPOINT_KEY)",
    ).set_defaults(func=cmd_checkpoint)
    sub.add_parser("rebuild", help="drop and replay the schedule read model").set_defaults(
        func=cmd_rebuild
    )
    rep = sub.add_parser("replay", help="the schedule as it stood at a point of the log")
    rep.add_argument("--until", type=int, metavar="POSITION")
    rep.add_argument("--as-of", metavar="ISO-TIME")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(func=cmd_replay)
    dif = sub.add_parser("diff", help="what changed between two points (positions or times)")
    dif.add_argument("a")
    dif.add_argument("b")
    dif.add_argument("--json", action="store_true")
    dif.set_defaults(func=cmd_diff)
    ingest = sub.add_parser("ingest", help="ingest article files or folders of .txt files")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--language", choices=["en", "vi"], help="skip detection")
    ingest.add_argument("--outlet", help="the outlet that published these articles")
    ingest.add_argument(
        "--if-empty", action="store_true", help="do nothing when the log has events already"
    )
    ingest.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="accept symbolic links (by default only regular files are read)",
    )
    ingest.set_defaults(func=cmd_ingest)
    serve = sub.add_parser("serve", help="serve the REST API under uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    worker = sub.add_parser(
        "worker",
        help="keep the stored schedule caught up in the background; one active at a time, "
        f"others stand by (exit 0 stopped, {EXIT_STANDBY} --once while another is active)",
    )
    worker.add_argument("--once", action="store_true", help="catch up once and exit")
    worker.add_argument(
        "--fallback-seconds",
        type=_positive_seconds,
        default=30.0,
        help="read the head this often even without a notification (default 30)",
    )
    worker.add_argument(
        "--standby-seconds",
        type=_positive_seconds,
        default=2.0,
        help="how often a standby worker tries to take over (default 2)",
    )
    worker.set_defaults(func=cmd_worker)
    openapi = sub.add_parser("openapi", help="print the OpenAPI document")
    openapi.add_argument("--out", help="file to write (default: standard output)")
    openapi.set_defaults(func=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        code = _run(func, args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
        return code
    except BrokenPipeError:
        # `calendar-svc replay | head`: the reader has what it wanted; no traceback, and
        # no second error when Python flushes the closed pipe at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        if args.database_url is None:
            args.database_url = load_settings().database_url
        return func(args)
    except (CheckpointMismatch, UnreadableRow) as exc:
        print(f"calendar-svc: {exc}", file=sys.stderr)
        return EXIT_TAMPERED
    except DatabaseUnavailable as exc:
        print(f"calendar-svc: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except (CliError, StoreError, ExportFormatError, CheckpointInputError, SettingsError) as exc:
        print(f"calendar-svc: {exc}", file=sys.stderr)
        return 2
    except (OperationalError, ProgrammingError) as exc:
        print(
            f"calendar-svc: database error ({exc.orig}); is the database migrated? "
            "run `calendar-svc migrate`",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
