"""What the service made of each article, for the people who teach it.

An article and its facts are one append, so its facts are the events that follow its
`ArticleRecorded` with the same recorded time. An article is *linked* when one of them
is a trip's fact. For one article, each sentence is listed with the facts that cite it,
the titled people and countries it names, and whether it is *unread*: it names someone
or somewhere, yet no fact came from it. Those sentences are what a reviewer looks at
first when the calendar missed something.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import msgspec

from calendar_svc.domain.events import ArticleRecorded, ArticleSource, decode, decode_for_fold
from calendar_svc.domain.ids import article_stream
from calendar_svc.ingest.people import find_people
from calendar_svc.ingest.places import find_places
from calendar_svc.ingest.text import parse_article
from calendar_svc.store import EventStore, StoredEvent

#: Facts of one article are read at most this many rows after it (one append).
_MAX_FACTS = 2000
_PAGE = 64
_TRIP_PREFIX = "trip-"


class ArticleSummary(msgspec.Struct, frozen=True):
    article_id: str
    position: int
    title: str | None
    outlet: str | None
    url: str | None
    published_on: date | None
    language: str
    facts: int  # events appended with it
    trip_ids: list[str]  # the trips its facts went to; empty: not linked to any trip
    linked: bool


class SentenceReading(msgspec.Struct, frozen=True):
    index: int
    span: tuple[int, int]  # into the article's text
    text: str
    facts: list[int]  # positions of the facts that cite this sentence
    people: list[str]  # titled people it names
    countries: list[str]  # ISO codes of the countries it names
    unread: bool  # names a person or a country, yet gave no fact


def transaction_after(store: EventStore, record: StoredEvent) -> list[StoredEvent]:
    """The events appended with an article, after its `ArticleRecorded`: read a small
    page at a time up to the first row of another append (most articles bring a few)."""
    same: list[StoredEvent] = []
    after = record.position
    while len(same) < _MAX_FACTS:
        page = store.read_page(after, _PAGE)
        for row in page:
            if row.recorded_at != record.recorded_at:
                return same
            same.append(row)
        if len(page) < _PAGE:
            return same
        after = page[-1].position
    return same


def summarise(store: EventStore, record: StoredEvent) -> ArticleSummary:
    # Its metadata only: a listing never needs the text (half the log's bytes).
    article = decode_for_fold(record.event_type, record.schema_version, record.data)
    assert isinstance(article, ArticleRecorded | ArticleSource)
    facts = transaction_after(store, record)
    streams = {r.stream_id for r in facts}
    trips = sorted(s.removeprefix(_TRIP_PREFIX) for s in streams if s.startswith(_TRIP_PREFIX))
    return ArticleSummary(
        article_id=article.article_id,
        position=record.position,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published_on=article.published_on,
        language=article.language,
        facts=len(facts),
        trip_ids=trips,
        linked=bool(trips),
    )


def list_articles(
    store: EventStore, *, after: int = 0, limit: int = 50, unlinked: bool | None = None
) -> tuple[list[ArticleSummary], int | None]:
    """Articles in log order after a position, optionally only the (un)linked ones, and
    the position to continue from (None at the end)."""
    found: list[ArticleSummary] = []
    position = after
    while True:
        page = store.read_page(position, 200, event_types=["ArticleRecorded"])
        for record in page:
            position = record.position
            summary = summarise(store, record)
            if unlinked is None or summary.linked != unlinked:
                found.append(summary)
                if len(found) == limit:
                    return found, position
        if len(page) < 200:
            return found, None


def read_sentences(
    text: str,
    language: str | None,
    citations: Iterable[tuple[int, tuple[int, int]]],
    principals: Iterable[str] = (),
) -> list[SentenceReading]:
    """Each sentence of an article with what was read from it.

    `citations` are (fact position, character span) pairs; a fact belongs to the
    sentences its span overlaps. `principals` are names of travellers already on the log:
    a sentence naming one counts as naming a person even without a title.
    """
    parsed = parse_article(text, language if language in ("en", "vi") else None)  # type: ignore[arg-type]
    spans = list(citations)
    known = [name for name in principals if name]
    readings: list[SentenceReading] = []
    for sentence in parsed.sentences:
        start, end = sentence.span
        cited = sorted({p for p, (a, b) in spans if a < end and b > start})
        people = [p.name for p in find_people(sentence.text, parsed.language) if p.name]
        people += [name for name in known if name in sentence.text and name not in people]
        countries = sorted(
            {m.place.country_code for m in find_places(sentence.text, parsed.language)}
        )
        readings.append(
            SentenceReading(
                index=sentence.index,
                span=sentence.span,
                text=sentence.text,
                facts=cited,
                people=people,
                countries=countries,
                unread=not cited and bool(people or countries),
            )
        )
    return readings


def unread_in(
    store: EventStore, article_id: str, principals: Iterable[str] = ()
) -> list[SentenceReading]:
    """The sentences of a recorded article that name someone or somewhere yet gave no
    fact (for `calendar-svc ingest` to show after each article)."""
    rows = store.read_page(0, 1, stream_id=article_stream(article_id))
    if not rows:
        return []
    record = rows[0]
    article = decode(record.event_type, record.schema_version, record.data)
    assert isinstance(article, ArticleRecorded)
    citations = [
        (row.position, tuple(p["span"]))
        for row in transaction_after(store, record)
        for p in msgspec.json.decode(row.data).get("provenance", [])
        if p.get("article_id") == article_id
    ]
    readings = read_sentences(article.text, article.language, citations, principals)
    return [r for r in readings if r.unread]
