"""Commands on the schedule folded from the log: rebuild it, replay it as it stood at a
point of the log, and diff two points.

Apart because they read the log through the projections, not as the auditor's commands do.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from calendar_svc.cli.common import CliError, clip, open_log
from calendar_svc.domain.views import Schedule
from calendar_svc.store import EventStore


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


def rebuild_if_stale(args: argparse.Namespace) -> None:
    """Before serving: a schedule folded by other rules than this version's is rebuilt
    from the log, with a progress bar, instead of being served."""
    from calendar_svc.projections.schedule import ScheduleProjection

    store = open_log(args)
    try:
        projection = ScheduleProjection(store)
        if projection.stale():
            print("the stored schedule was folded by other rules: rebuilding", file=sys.stderr)
            bar = _ProgressBar("rebuilding")
            projection.rebuild(progress=bar)
            bar.close()
    finally:
        store.close()


def cmd_rebuild(args: argparse.Namespace) -> int:
    from calendar_svc.projections.schedule import ScheduleProjection

    store = open_log(args)
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


def _reported(status: str, as_of: date | None) -> str:
    """A status with the day it was last reported: it may no longer hold today."""
    return status if as_of is None else f"{status} (last reported {as_of.isoformat()})"


def _print_schedule(schedule: Schedule) -> None:
    print(f"schedule at log position {schedule.position}")
    if not schedule.trips:
        print("  (no trips)")
    for trip in schedule.trips:
        print(
            f"trip {trip.trip_id}: {trip.principal.title or ''} {trip.principal.name}, "
            f"{trip.start_date} to {trip.end_date} ({trip.certainty or 'no dates'}), "
            f"{_reported(trip.status, trip.status_as_of)}"
        )
        for leg in trip.legs:
            print(
                f"  {leg.sequence}. {leg.country_code} {leg.city or ''} "
                f"{leg.visit_type or 'visit'} {leg.start_date}..{leg.end_date} "
                f"(start {leg.start_certainty or '?'}, end {leg.end_certainty or '?'}) "
                f"{_reported(leg.status, leg.status_as_of)} r{leg.revision}"
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
    store = open_log(args)
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

    store = open_log(args)
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
    item = None
    for change in result.changes:
        if change.item != item:
            item = change.item
            print(f"{change.change} {change.kind} {change.item}")
        if change.change == "added":
            print("    (new)")
        else:
            print(f"    {change.field}: {change.before!r} -> {change.after!r}")
        for cause in change.causes:
            article = f" (article {cause.article_id[:12]})" if cause.article_id else ""
            print(f"      because of #{cause.position} {cause.type}{article}")
            for sentence in cause.sentences:
                print(f'        "{clip(sentence)}"')
    return 0
