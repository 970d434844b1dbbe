"""Words of plans, per language: where a planned itinerary's clauses part ("and",
"before", "then", "rồi", "trước khi") and the verbs of a planned move (leaving, going on
to, arriving, coming home). One table per language with the same fields, like
:mod:`calendar_svc.ingest.lexicon`; kept apart because only the plan reader
(:mod:`calendar_svc.ingest.extract.plans`) uses them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from calendar_svc.domain.language import Language

__all__ = ["PLAN_WORDS", "PlanWords"]


@dataclass(frozen=True)
class PlanWords:
    language: Language
    #: where one planned move's clause ends and the next begins
    clause: re.Pattern[str]
    #: coming home ("before returning home", "will fly home", "về nước")
    back: re.Pattern[str]
    #: leaving a place or setting off for one ("leaves for", "will fly on to", "rời")
    leave: re.Pattern[str]
    #: being somewhere ("will arrive in", "is due in", "tới", "có mặt tại")
    arrive: re.Pattern[str]
    #: a clause that follows its day's move ("... on Sunday morning before flying home")
    before: re.Pattern[str]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


ENGLISH = PlanWords(
    language="en",
    clause=_rx(r"[;,]|\b(?:and|before|then|after\s+which|ahead\s+of|while)\b"),
    back=_rx(
        r"\b(?:return(?:s|ing)?(?:\s+home)?|(?:fly|flies|flying|head|heads|heading|go|goes|"
        r"going)\s+(?:back\s+)?home|be\s+back\s+(?:home|in))\b"
    ),
    leave=_rx(
        r"\b(?:leave|leaves|leaving|depart|departs|departing|set(?:s|ting)?\s+off|"
        r"jet(?:s|ting)?\s+off|(?:fly|flies|flying|travel(?:s|ling)?|head(?:s|ing)?|"
        r"move(?:s|ing)?|go(?:es|ing)?)(?:\s+on)?|take(?:s)?\s+(?:him|her|them))\b"
        r"(?!\s+in(?:to)?\b)"  # "flying into New Delhi": an arrival
    ),
    arrive=_rx(
        r"\b(?:arriv(?:e|es|ing)|land(?:s|ing)?|reach(?:es|ing)?|be\s+in|"
        r"(?:fly|flies|flying)\s+in(?:to)?|"
        r"(?:is|are)\s+(?:due|expected)\s+(?:in|at)|stop(?:s|ping)?\s+(?:over\s+)?in)\b"
    ),
    before=_rx(r"\s*before\b"),
)

VIETNAMESE = PlanWords(
    language="vi",
    clause=_rx(r"[;,]|(?<!\w)(?:và|rồi|sau\s+đó|trước\s+khi|tiếp\s+đó)(?!\w)"),
    back=_rx(r"(?<!\w)(?:về\s+nước|trở\s+về(?:\s+nước)?|về\s+tới|về\s+đến)(?!\w)"),
    leave=_rx(r"(?<!\w)(?:rời|lên\s+đường|khởi\s+hành|sang|đi)(?!\w)"),
    arrive=_rx(r"(?<!\w)(?:tới|đến|có\s+mặt\s+(?:tại|ở)|hạ\s+cánh(?:\s+xuống)?)(?!\w)"),
    before=_rx(r"\s*trước\s+khi(?!\w)"),
)

PLAN_WORDS: Mapping[str, PlanWords] = {"en": ENGLISH, "vi": VIETNAMESE}
