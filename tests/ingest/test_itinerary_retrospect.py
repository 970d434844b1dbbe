"""Legs told in retrospect (issue 12, item 3): "Before arriving in A, he visited B" and
"Trước khi tới A, ... đã thăm B" make B an earlier leg than A. Its range is B's, not the
trip's, and B goes before A in the itinerary whatever the order of the telling.
Invented articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


def _facts(body: str, lang: str, published: date = date(2024, 6, 5)) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "c" * 64)


def _windows(facts: ArticleFacts) -> dict[str, DateWindow]:
    return {w.value[0]: w.value[1] for w in facts.leg_windows}


def test_a_leg_told_in_retrospect_is_dated_and_placed_first_vi() -> None:
    facts = _facts(
        "Chiều 4/6, Thủ tướng Trần Văn Hòa đã tới Thái Lan, bắt đầu chuyến thăm chính thức. "
        "Trước khi tới Thái Lan, trong hai ngày 2-3/6, Thủ tướng đã thăm chính thức "
        "Ma-lai-xi-a.",
        "vi",
    )
    assert [s.value for s in facts.itinerary] == ["MY", "TH"]
    assert _windows(facts).get("MY") == DateWindow(date(2024, 6, 2), date(2024, 6, 3))
    assert facts.trip_window is None


def test_a_leg_told_in_retrospect_is_dated_and_placed_first_en() -> None:
    facts = _facts(
        "Prime Minister Tran Van Hoa arrived in Thailand on June 4 for an official visit. "
        "Before arriving in Thailand, he paid an official visit to Cambodia, from June 2 to 3, "
        "where he met business leaders.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["KH", "TH"]
    assert _windows(facts).get("KH") == DateWindow(date(2024, 6, 2), date(2024, 6, 3))


def test_the_place_the_traveller_flew_in_from_is_the_leg_before_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Bangkok on Sunday for a state visit "
        "to Thailand. He flew in from Jakarta, where he had attended a regional summit.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["ID", "TH"]


def test_the_place_the_traveller_flew_in_from_is_the_leg_before_vi() -> None:
    facts = _facts(
        "Chiều 3/6, Thủ tướng Trần Văn Hòa đã tới Băng Cốc, bắt đầu chuyến thăm chính thức "
        "Thái Lan. Thủ tướng tới từ Gia-các-ta, nơi ông đã dự Hội nghị cấp cao khu vực.",
        "vi",
    )
    assert [s.value for s in facts.itinerary] == ["ID", "TH"]


def test_a_place_left_behind_with_no_stay_there_is_no_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania arrived in Bangkok on Sunday for a state visit "
        "to Thailand. He flew in from Jakarta, the airline said.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["TH"]


def test_a_place_come_back_from_before_the_trip_is_no_leg() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania will leave on Tuesday for state visits to "
        "Turkmenistan, Uzbekistan and Kazakhstan. The tour comes only days after Petrov "
        "returned from Washington, where he met U.S. President Donald Trump on Thursday in an "
        "attempt to restart talks.",
        "en",
        date(2019, 4, 14),
    )
    assert [s.value for s in facts.itinerary] == ["TM", "UZ", "KZ"]
