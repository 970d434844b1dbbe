"""calendar-svc: an event-sourced diplomatic calendar."""
