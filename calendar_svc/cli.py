"""The `calendar-svc` command: set up, audit and serve the log.

Every failure prints one clear line to stderr and exits non-zero; nothing is half-written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError, ProgrammingError

from calendar_svc.audit.export import ExportFormatError, export_jsonl, read_jsonl
from calendar_svc.audit.verify import verify_chain
from calendar_svc.config import load_settings
from calendar_svc.domain.schedule import Schedule
from calendar_svc.store import EventStore, StoreError, open_store
from calendar_svc.store import migrate as migrations


class CliError(Exception):
    """A user-facing failure: the message is printed as is."""


def _store(args: argparse.Namespace) -> EventStore:
    return open_store(args.database_url)


def cmd_migrate(args: argparse.Namespace) -> int:
    migrations.upgrade(args.database_url)
    print(f"database at revision {migrations.current_revision(args.database_url)}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        report = verify_chain(store.read_all())
    finally:
        store.close()
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


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
    report = verify_chain(read_jsonl(path))
    if not report.ok:
        raise CliError(f"refusing {path}: its chain does not verify: {report.summary()}")
    store = _store(args)
    try:
        count = store.import_events(read_jsonl(path))
    finally:
        store.close()
    print(f"imported {count} events; head hash {report.head_hash}")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from collections import Counter

    from calendar_svc.services.ingestion import (
        ArticleMeta,
        ArticleRejected,
        TripIndex,
        decode_text,
        ingest,
        iter_article_files,
    )

    files = list(iter_article_files(args.paths))
    if not files:
        raise CliError(f"no articles found in {' '.join(args.paths)}")
    # Read and check every input first: one unreadable file means nothing is written.
    contents: list[tuple[str, bytes]] = []
    for name in files:
        try:
            raw = Path(name).read_bytes()
            decode_text(raw)
        except OSError as exc:
            raise CliError(f"cannot read {name}: {exc.strerror or exc}") from exc
        except ArticleRejected as exc:
            raise CliError(f"{name}: {exc}") from exc
        contents.append((name, raw))
    store = _store(args)
    try:
        if args.if_empty and store.last_position() > 0:
            print(f"the log already has {store.last_position()} events; nothing ingested")
            return 0
        meta = ArticleMeta(language=args.language, outlet=args.outlet)
        index = TripIndex(store)  # the log is folded once, not once per article
        for name, raw in contents:
            report = ingest(store, raw, meta, index)
            if report.known:
                print(f"{name}: already known (article {report.article_id[:12]})")
                continue
            kinds = Counter(kind for _, kind, _ in report.appended)
            summary = ", ".join(f"{k} x{n}" if n > 1 else k for k, n in kinds.items())
            trip = f" to trip {report.trip_id}" if report.trip_id else " (no trip)"
            print(f"{name}: appended {len(report.appended)} events{trip}: {summary}")
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


def _print_schedule(schedule: Schedule) -> None:
    print(f"schedule at log position {schedule.position}")
    if not schedule.trips:
        print("  (no trips)")
    for trip in schedule.trips:
        print(
            f"trip {trip.trip_id}: {trip.principal.title or ''} {trip.principal.name}, "
            f"{trip.start_date} to {trip.end_date}, {trip.status}"
        )
        for leg in trip.legs:
            confirmed = "confirmed" if leg.dates_confirmed else "not confirmed"
            print(
                f"  {leg.sequence}. {leg.country_code} {leg.city or ''} "
                f"{leg.visit_type or 'visit'} {leg.start_date}..{leg.end_date} ({confirmed}) "
                f"{leg.status} r{leg.revision}"
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
    for change in result.changes:
        print(f"{change.change} {change.kind} {change.item}")
        for name, (before, after) in change.fields.items():
            print(f"    {name}: {before!r} -> {after!r}")
        for cause in change.caused_by:
            print(f"    because of #{cause['position']} {cause['type']}")
    return 0


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
    from calendar_svc.config import Settings

    settings = load_settings()
    app = create_app(
        Settings(
            database_url=args.database_url,
            api_token=settings.api_token,
            public_url=settings.public_url,
        )
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="calendar-svc", description="Event-sourced diplomatic calendar."
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL (default: $CALENDAR_SVC_DATABASE_URL or the embedded SQLite file)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="create or upgrade the schema").set_defaults(func=cmd_migrate)
    sub.add_parser(
        "verify", help="walk the hash chain; exit 1 naming the first altered position"
    ).set_defaults(func=cmd_verify)
    export = sub.add_parser("export", help="write the log as JSON Lines")
    export.add_argument("--out", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="load a verified export into an empty log")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)
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
    ingest.set_defaults(func=cmd_ingest)
    serve = sub.add_parser("serve", help="serve the REST API under uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    openapi = sub.add_parser("openapi", help="print the OpenAPI document")
    openapi.add_argument("--out", help="file to write (default: standard output)")
    openapi.set_defaults(func=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.database_url is None:
        args.database_url = load_settings().database_url
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (CliError, StoreError, ExportFormatError) as exc:
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
