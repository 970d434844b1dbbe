"""`ingest`: article files (or folders of them) read, checked, and appended to the log.

Apart because it is the one command that writes facts, with its own all-or-nothing rule:
every file is read and checked before anything is written. The ingestion services are
imported when the command runs, so the rest of the command line starts without them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from calendar_svc.cli.common import CliError, clip, open_log
from calendar_svc.store import EventStore

if TYPE_CHECKING:
    from calendar_svc.services.ingestion import ArticleMeta


def cmd_ingest(args: argparse.Namespace) -> int:
    contents = _read_inputs(args)
    store = open_log(args)
    try:
        if args.if_empty and store.last_position() > 0:
            print(f"the log already has {store.last_position()} events; nothing ingested")
            return 0
        _append_all(store, contents)
        from calendar_svc.projections.schedule import ScheduleProjection

        ScheduleProjection(store).catch_up()
    finally:
        store.close()
    return 0


def _read_inputs(args: argparse.Namespace) -> list[tuple[str, bytes, ArticleMeta]]:
    """Every input file with what is known of it, all read and checked first: one refused
    file means nothing is written."""
    import hashlib

    from calendar_svc.services.article_files import (
        ArticleFileRefused,
        FileMeta,
        file_meta,
        iter_article_files,
        read_article_file,
    )
    from calendar_svc.services.ingestion import ArticleMeta, ArticleRejected, decode_text

    follow = args.follow_symlinks
    # Each file's outlet, URL and day come from its sidecar or its folder's manifest.json;
    # --language and --outlet, when given, hold for every file.
    contents: list[tuple[str, bytes, ArticleMeta]] = []
    try:
        files = list(iter_article_files(args.paths, follow_symlinks=follow))
        if not files:
            raise CliError(f"no articles found in {' '.join(args.paths)}")
        for name in files:
            raw = read_article_file(name, follow_symlinks=follow)
            decode_text(raw)
            known = file_meta(name, follow_symlinks=follow) or FileMeta()
            if known.sha256 and known.sha256 != hashlib.sha256(raw).hexdigest():
                raise CliError(f"{name}: its description (sha256) is of other bytes")
            meta = ArticleMeta(
                url=known.url,
                outlet=args.outlet or known.outlet,
                language=args.language or known.language,
                published_on=known.published_on,
            )
            contents.append((name, raw, meta))
    except ArticleFileRefused as exc:
        raise CliError(str(exc)) from exc
    except ArticleRejected as exc:
        raise CliError(f"{name}: {exc}") from exc
    return contents


def _append_all(store: EventStore, contents: list[tuple[str, bytes, ArticleMeta]]) -> None:
    """Ingest each file in turn, printing what it added and what it left unread."""
    from collections import Counter

    from calendar_svc.services.articles import unread_in
    from calendar_svc.services.ingestion import TripIndex, ingest

    index = TripIndex(store)  # the log is folded once, not once per article
    for name, raw, meta in contents:
        report = ingest(store, raw, meta, index)
        if report.known:
            print(f"{name}: already known (article {report.article_id[:12]})")
            continue
        kinds = Counter(kind for _, kind, _ in report.appended)
        summary = ", ".join(f"{k} x{n}" if n > 1 else k for k, n in kinds.items())
        trip = f" to trip {report.trip_id}" if report.trip_id else " (no trip)"
        print(f"{name}: appended {len(report.appended)} events{trip}: {summary}")
        unread = unread_in(store, report.article_id, index.principal_names())
        if unread:
            print(f"  {len(unread)} sentences name someone or somewhere but gave nothing:")
            for reading in unread[:5]:
                print(f"    [{reading.index}] {clip(reading.text, 100)}")
