"""Commands that run the service: the REST API (`serve`), the background worker that keeps
the stored schedule caught up (`worker`), and the API's OpenAPI document (`openapi`).

Apart because they start long-running processes with their own signal handling.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from types import FrameType

import msgspec

from calendar_svc.cli.common import open_log
from calendar_svc.cli.schedule import rebuild_if_stale
from calendar_svc.config import load_settings


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
    rebuild_if_stale(args)
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

    store = open_log(args)  # a schedule folded by other rules: catch-up rebuilds it
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


def positive_seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of seconds") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{raw!r}: give seconds between 0 and 86400")
    return value
