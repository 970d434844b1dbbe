"""Stays a summary names before the verb that ends them, or counts from a day on
(issue 12, item 3: legs told in retrospect).

Invented Vietnamese sentences in the press's summary style: "Trước khi sang A, từ ngày 5/9,
... có mặt tại B" is a leg of this trip running up to A; "Chương trình tại B kết thúc ...,
trước khi ông lên đường sang A" is the departure from B, not from home.
"""

from __future__ import annotations

from datetime import date

import msgspec

from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


def _read(body: str) -> ArticleFacts:
    parsed = parse_article(f"Tổng kết chuyến công du\n\n{body}", "vi")
    # published days after the trip, as summaries are: the past stays are weighed by it
    parsed = msgspec.structs.replace(parsed, published_on=date(2031, 9, 12))
    return extract(parsed, "b" * 64)


_LANDED = "Thủ tướng Xri Lan-ca Ivan Petrov tới thủ đô Ấn Độ tối 8/9 dự Hội nghị G20. "
_WAS_IN_JAKARTA = (
    "Trước khi sang Ấn Độ, từ ngày 5/9, Thủ tướng Petrov có mặt tại Gia-các-ta, dự Hội nghị "
    "Cấp cao Đông Á. "
)
_ENDED_THERE = (
    "Chương trình tại In-đô-nê-xi-a kết thúc bằng cuộc hội đàm sáng 8/9, trước khi ông lên "
    "đường sang Niu Đê-li ngay trong ngày."
)


def _legs(facts: ArticleFacts) -> list[str]:
    return [s.value for s in facts.itinerary]


def test_a_stay_counted_from_a_day_is_a_leg_of_this_trip() -> None:
    facts = _read(_LANDED + _WAS_IN_JAKARTA)
    # present at a capital from a day on, before the leg reported: the earlier leg
    assert _legs(facts) == ["ID", "IN"]


def test_a_stay_ended_before_its_verb_is_where_the_traveller_left() -> None:
    facts = _read(_LANDED + _WAS_IN_JAKARTA + _ENDED_THERE)
    departures = [
        (d.value.place.country_code, d.value.next_country, d.value.at.day) for d in facts.departures
    ]
    assert departures == [("ID", "IN", date(2031, 9, 8))]


def test_a_stay_with_its_last_day_well_before_is_another_journey() -> None:
    # the same sentence with a last day three days before the leg reported: another trip
    facts = _read(
        _LANDED + "Trước đó, từ ngày 1 đến 4/9, Thủ tướng Petrov đã thăm chính thức Nhật Bản."
    )
    assert _legs(facts) == ["IN"]
