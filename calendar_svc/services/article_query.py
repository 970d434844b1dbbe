"""One article as its route (`/articles/{id}`) and its page (`/ui/articles/{id}`) show
it: its record, each fact appended with it and what of the article that fact cites, and
every sentence with what was read from it (`articles.read_sentences`).

Read once here, so the JSON and the page cannot disagree about what came of an article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import msgspec

from calendar_svc.domain.events import ArticleRecorded, decode
from calendar_svc.domain.ids import article_stream
from calendar_svc.services.articles import SentenceReading, read_sentences, transaction_after
from calendar_svc.store import EventStore, StoredEvent


class CitedFact(NamedTuple):
    """A fact appended with the article, and its provenance entries that cite it."""

    row: StoredEvent
    data: dict[str, Any]
    cited: list[dict[str, Any]]


class ArticleRead(NamedTuple):
    record: StoredEvent  # the article's ArticleRecorded row
    article: ArticleRecorded
    facts: list[CitedFact]
    sentences: list[SentenceReading]


def read_article(
    store: EventStore, article_id: str, principals: Iterable[str] = ()
) -> ArticleRead | None:
    """The article, its facts and its sentences; None for an article not on the log.
    `principals`: travellers' names already on the log (see `read_sentences`)."""
    rows = list(store.read_stream(article_stream(article_id)))
    if not rows:
        return None
    record = rows[0]
    article = decode(record.event_type, record.schema_version, record.data)
    assert isinstance(article, ArticleRecorded)
    facts: list[CitedFact] = []
    for row in transaction_after(store, record):
        data = msgspec.json.decode(row.data)
        cited = [p for p in data.get("provenance", []) if p.get("article_id") == article_id]
        facts.append(CitedFact(row, data, cited))
    citations = [
        (fact.row.position, (p["span"][0], p["span"][1])) for fact in facts for p in fact.cited
    ]
    sentences = read_sentences(article.text, article.language, citations, principals=principals)
    return ArticleRead(record, article, facts, sentences)
