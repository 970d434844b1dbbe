"""The command line: one parser, its sub-commands added group by group in the order
`--help` lists them (the log's, the schedule's, ingestion, running the service).

Apart from the commands so the whole command line, with every option and help text, is
read in one place.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TypeAlias

from calendar_svc import __version__
from calendar_svc.cli.ingest import cmd_ingest
from calendar_svc.cli.log import (
    cmd_checkpoint,
    cmd_checkpoint_key,
    cmd_export,
    cmd_import,
    cmd_migrate,
    cmd_verify,
)
from calendar_svc.cli.schedule import cmd_diff, cmd_rebuild, cmd_replay
from calendar_svc.cli.serve import (
    EXIT_STANDBY,
    cmd_openapi,
    cmd_serve,
    cmd_worker,
    positive_seconds,
)

if TYPE_CHECKING:
    #: What `add_subparsers` returns (a class typeshed makes generic; only named here).
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


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
    _log_commands(sub)
    _schedule_commands(sub)
    _ingest_command(sub)
    _service_commands(sub)
    return parser


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


def _log_commands(sub: Subcommands) -> None:
    """migrate, verify, export, import, checkpoint-key, checkpoint."""
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


def _schedule_commands(sub: Subcommands) -> None:
    """rebuild, replay, diff."""
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


def _ingest_command(sub: Subcommands) -> None:
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


def _service_commands(sub: Subcommands) -> None:
    """serve, worker, openapi."""
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
        type=positive_seconds,
        default=30.0,
        help="read the head this often even without a notification (default 30)",
    )
    worker.add_argument(
        "--standby-seconds",
        type=positive_seconds,
        default=2.0,
        help="how often a standby worker tries to take over (default 2)",
    )
    worker.set_defaults(func=cmd_worker)
    openapi = sub.add_parser("openapi", help="print the OpenAPI document")
    openapi.add_argument("--out", help="file to write (default: standard output)")
    openapi.set_defaults(func=cmd_openapi)
