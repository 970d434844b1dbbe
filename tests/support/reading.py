"""Read an invented article the way ingestion does, for tests of the extraction rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import msgspec

from bench import accuracy
from calendar_svc.domain.events import ArticleRecorded, TripEvent
from calendar_svc.domain.trip import TripState, apply
from calendar_svc.domain.views import TripView
from calendar_svc.ingest.assemble import assemble
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from calendar_svc.projections.fold import ScheduleFold


def read_article(
    body: str,
    lang: str,
    published: date,
    article_id: str = "f" * 64,
    headline: str = "Headline",
) -> ArticleFacts:
    """The facts of a one-paragraph article under a headline, published on `published`."""
    parsed = parse_article(f"{headline}\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, article_id)


#: The lead of the invented state visit to Japan (published `TOKYO_DAY`) that tests of what
#: a further sentence adds to the itinerary put first.
TOKYO_LEAD_EN = (
    "President Ivan Petrov of Ruritania arrived in Tokyo on June 10 for a state visit to Japan. "
)
TOKYO_LEAD_VI = (
    "Chiều 10/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Thủ đô Tokyo, bắt đầu chuyến "
    "thăm cấp Nhà nước Nhật Bản. "
)
TOKYO_DAY = date(2024, 6, 10)


#: The lead of the invented state visit to Russia (published `MOSCOW_DAY`, a Monday) that
#: tests of what a further sentence must not add put first.
MOSCOW_LEAD_EN = (
    "Chilean President Ivan Petrov arrived in Moscow on Monday for a state visit to Russia. "
)
MOSCOW_LEAD_VI = (
    "Chiều 20/3, Tổng thống Chi-lê Ivan Petrov đã tới Mát-xcơ-va, bắt đầu chuyến thăm cấp Nhà "
    "nước Liên bang Nga. "
)
MOSCOW_DAY = date(2023, 3, 20)


def moscow_legs(body: str, lang: str) -> list[str]:
    """The itinerary an invented article published on `MOSCOW_DAY` gives, in order."""
    return [s.value for s in read_article(body, lang, MOSCOW_DAY, "6" * 64).itinerary]


def legs_of(body: str, lang: str, published: date = TOKYO_DAY) -> list[str]:
    """The itinerary an invented article gives, in order."""
    return [s.value for s in read_article(body, lang, published).itinerary]


def corpus_body(trip: str, name: str) -> str:
    """The body of a corpus article (its headline dropped), by trip folder and file name."""
    text = (accuracy.CORPUS / trip / name).read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def fold_articles(*articles: tuple[str, str, date]) -> TripView:
    """Ingest invented articles (body, language, publication day) in order, each assembled
    on the trips so far, and fold the events: the last trip's schedule."""
    trips: dict[str, TripState] = {}
    folding = ScheduleFold()
    at = datetime(2020, 1, 1, tzinfo=UTC)
    position, trip_id = 0, ""
    for number, (body, lang, published) in enumerate(articles):
        article_id = f"{number:x}" * 64
        facts = read_article(body, lang, published, article_id[:64])
        position += 1
        recorded = ArticleRecorded(
            article_id=article_id[:64],
            text=body,
            language="vi" if lang == "vi" else "en",
            language_detected=False,
            published_on=published,
        )
        folding.apply(recorded, position, at + timedelta(seconds=position))
        for event_id, event in assemble(facts, trips):
            assert isinstance(event, TripEvent)
            trip_id = event.trip_id
            trips[trip_id] = apply(trips.get(trip_id), event, event_id)
            position += 1
            folding.apply(event, position, at + timedelta(seconds=position))
    return folding.view(trip_id)
