"""The ASGI entry point for servers and process managers:
`uvicorn calendar_svc.api.asgi:app --workers 4`, configured by CALENDAR_SVC_* variables.
Any number of such processes can share one PostgreSQL database: they hold no state that
the log does not."""

from __future__ import annotations

from calendar_svc.api.app import create_app

app = create_app()
