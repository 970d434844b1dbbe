"""Read an invented article the way ingestion does, for tests of the extraction rules."""

from __future__ import annotations

from datetime import date

import msgspec

from bench import accuracy
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


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


def legs_of(body: str, lang: str, published: date = TOKYO_DAY) -> list[str]:
    """The itinerary an invented article gives, in order."""
    return [s.value for s in read_article(body, lang, published).itinerary]


def corpus_body(trip: str, name: str) -> str:
    """The body of a corpus article (its headline dropped), by trip folder and file name."""
    text = (accuracy.CORPUS / trip / name).read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]
