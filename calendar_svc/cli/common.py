"""What every command shares: the user-facing error, the exit codes of the audit
commands, opening the log, and clipping a sentence to a terminal line.

Apart so the command modules and the entry point (`cli.main`) depend on it, not on each other.
"""

from __future__ import annotations

import argparse

from calendar_svc.config import load_settings
from calendar_svc.store import EventStore, open_store


class CliError(Exception):
    """A user-facing failure: the message is printed as is."""


def open_log(args: argparse.Namespace) -> EventStore:
    """The log at `--database-url`, with the configured timeouts."""
    return open_store(args.database_url, load_settings().timeouts())


#: Exit codes of the audit commands (`verify`, `import`, `checkpoint`): 2 is bad input.
EXIT_TAMPERED = 1
EXIT_UNREADABLE = 3


def clip(text: str, width: int = 120) -> str:
    """`text` on one line of at most `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
