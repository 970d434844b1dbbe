"""The Litestar application factory: one place that wires settings, store and controllers."""

from __future__ import annotations

from litestar import Litestar
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig

from calendar_svc import __version__
from calendar_svc.api.controllers.health import HealthController
from calendar_svc.config import Settings, load_settings
from calendar_svc.store import EventStore, open_store


def create_app(settings: Settings | None = None, store: EventStore | None = None) -> Litestar:
    settings = settings or load_settings()
    owned = store is None
    the_store = store or open_store(settings.database_url)

    def _close() -> None:
        if owned:
            the_store.close()

    return Litestar(
        route_handlers=[HealthController],
        state=State({"settings": settings, "store": the_store}),
        on_shutdown=[_close],
        openapi_config=OpenAPIConfig(
            title="calendar-svc",
            version=__version__,
            description="Event-sourced diplomatic calendar: the schedule, the log, the feeds.",
        ),
        debug=False,
    )
