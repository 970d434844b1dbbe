"""The `calendar-svc` command: set up, audit and serve the log.

Every failure prints one clear line to stderr and exits non-zero; nothing is half-written.
`main` (the console entry point) maps each kind of failure to its exit code; the commands
live by concern: the log's (`log`), the schedule's (`schedule`), `ingest`, and running the
service (`serve`); `parser` holds the command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import OperationalError, ProgrammingError

from calendar_svc.audit.checkpoint import CheckpointInputError, CheckpointMismatch
from calendar_svc.audit.export import ExportFormatError
from calendar_svc.audit.verify import DatabaseUnavailable, UnreadableRow
from calendar_svc.cli.common import EXIT_TAMPERED, EXIT_UNREADABLE, CliError
from calendar_svc.cli.parser import build_parser
from calendar_svc.config import SettingsError, load_settings
from calendar_svc.store import StoreError

__all__ = ["main"]


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
