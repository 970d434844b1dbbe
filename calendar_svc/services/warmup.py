"""What a process does before its first request: fold the trips ingestion matches
articles against, and load the schedule readers are served.

Best effort, in a thread of its own (`api.dependencies` starts it): a failure here only
means the first request does the work (and reports errors).
"""

from __future__ import annotations

import gc
import logging

from calendar_svc.projections.replay import gc_paused
from calendar_svc.services.ingestion import TripIndex
from calendar_svc.services.readside import ReadSide

#: The API's logger: this runs as an API process starts.
log = logging.getLogger("calendar_svc.api")


def warm(index: TripIndex, readside: ReadSide) -> None:
    """Fold the trips for ingestion before the first article arrives (from the stored
    snapshot, then the tail), store the snapshot for the next process, and rebuild the
    stored schedule if other rules folded it. Best effort: a failure here only means the
    first request does the work (and reports errors)."""
    # Everything loaded here lives on (states, views): collecting cycles meanwhile would
    # rescan a growing heap for nothing, and took most of the start on a large log.
    with gc_paused():
        try:
            index.catch_up()  # from the stored snapshot, if one is usable: the tail only
        except Exception:  # logged: the request path folds it again and reports errors
            log.warning(
                "warming the trip index failed; the first article will fold it", exc_info=True
            )
        else:
            try:  # the next process starts from here (only trips changed since are written)
                index.save_snapshot()
            except Exception:  # a cache: the next start folds a longer tail
                log.warning("storing the trip index snapshot failed", exc_info=True)
        try:
            if readside.projection.stale():
                log.info("the stored schedule was folded by other rules: rebuilding it")
            readside.current()
        except Exception:
            log.warning(
                "loading the schedule at startup failed; the first read will", exc_info=True
            )
        # What was just loaded lives as long as the process: moved out of the collector's
        # generations, the first collection after the pause does not rescan it (1.2 s on
        # a 1M-event log). Refcounting still frees what a later head replaces.
        gc.freeze()
