"""Read an invented article the way ingestion does, for tests of the extraction rules."""

from __future__ import annotations

from datetime import date

import msgspec

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
