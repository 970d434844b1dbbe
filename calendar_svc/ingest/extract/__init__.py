"""From one parsed article to the trip facts it states, each with the sentence that said it.

Pure: text in, `ArticleFacts` out; no log, no clock. Which trip the facts belong to, and
whether they are new, corroborating or contradicting, is decided later (`assemble.py`).
Language differences live in the `lexicon` package; this package is written once for both.

The steps (`article.extract`) each have a module: the sentences as read (`views`) and
which of them tell of this trip (`classify`); the principal's home (`home`); the legs and
their order (`itinerary`, `summit_legs`, `summit_cities`); what each leg is
(`visit_types`, `windows`, `durations`); what happened (`movements`, `leg_began`,
`conclusions`, `status`, `engagement_legs`) and what is planned (`plans`); who went
(`delegation`). The facts themselves are in `facts`.
"""

from __future__ import annotations

from calendar_svc.domain.ids import SUMMIT_LEG
from calendar_svc.ingest.extract.article import extract
from calendar_svc.ingest.extract.facts import (
    Arrival,
    ArticleFacts,
    Conclusion,
    Departure,
    Engagement,
    Plan,
    Sourced,
    engagement_key,
)
from calendar_svc.ingest.extract.summit_cities import (
    event_ends_to_summit_legs,
    to_known_summit_cities,
)
from calendar_svc.ingest.extract.summit_legs import leg_country, move_to_summit_leg

__all__ = [
    "SUMMIT_LEG",
    "Arrival",
    "ArticleFacts",
    "Conclusion",
    "Departure",
    "Engagement",
    "Plan",
    "Sourced",
    "engagement_key",
    "event_ends_to_summit_legs",
    "extract",
    "leg_country",
    "move_to_summit_leg",
    "to_known_summit_cities",
]
