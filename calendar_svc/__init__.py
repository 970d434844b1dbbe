"""calendar-svc: an event-sourced diplomatic calendar."""

__version__ = "0.1.0"
