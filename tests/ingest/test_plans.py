"""Plans (issue 12, the itinerary model: "On Friday he will fly on to Canberra before
returning home on Saturday"): a future-tense sentence's moves, clause by clause, give the
days legs are planned to start and end; the schedule shows them as inferred, never
confirmed, and what happened overrides them. Invented articles; each test fails without
its rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from calendar_svc.domain.values import Certainty
from calendar_svc.ingest.extract import ArticleFacts
from calendar_svc.projections.replay import replay
from calendar_svc.services.ingestion import ArticleMeta, ingest
from calendar_svc.store import migrate, open_store
from tests.support.reading import read_article

WEDNESDAY = date(2023, 5, 17)


def _plans(body: str, lang: str = "en", published: date = WEDNESDAY) -> list[tuple[str, str, date]]:
    facts: ArticleFacts = read_article(body, lang, published, "9" * 64)
    return [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans]


def test_onward_leg_and_return_by_weekday() -> None:
    plans = _plans(
        "JAKARTA -- Chilean President Ivan Petrov arrived in Jakarta on Wednesday for a state "
        "visit to Indonesia. On Friday he will fly on to Canberra before returning home on "
        "Saturday."
    )
    assert plans == [("AU", "start", date(2023, 5, 19)), ("AU", "end", date(2023, 5, 20))]


def test_a_later_weekday_in_the_same_plan_is_after_the_earlier_move() -> None:
    """Written on a Wednesday: "leave on Monday ... return on Saturday" is the Saturday
    after that Monday, not the one before it."""
    plans = _plans(
        "SANTIAGO -- Chilean President Ivan Petrov will leave for France on Monday for a "
        "state visit, and will return on Saturday."
    )
    assert plans == [("FR", "start", date(2023, 5, 22)), ("FR", "end", date(2023, 5, 27))]


def test_leaving_a_leg_for_the_next_ends_one_and_starts_the_other() -> None:
    plans = _plans(
        "SANTIAGO -- Chilean President Ivan Petrov will pay a state visit to Vietnam and Japan. "
        "He will leave Vietnam for Japan on May 25."
    )
    assert plans == [("VN", "end", date(2023, 5, 25)), ("JP", "start", date(2023, 5, 25))]


def test_vietnamese_plans() -> None:
    plans = _plans(
        "SANTIAGO (TTXVN) - Chủ tịch Chile Ivan Petrov sẽ thăm Nhật Bản và Hàn Quốc. Ông sẽ "
        "rời Nhật Bản sang Hàn Quốc ngày 23/5 và dự kiến về nước ngày 26/5.",
        "vi",
    )
    assert plans == [
        ("JP", "end", date(2023, 5, 23)),
        ("KR", "start", date(2023, 5, 23)),
        ("KR", "end", date(2023, 5, 26)),
    ]


def test_a_plan_told_in_the_past_and_a_clause_that_follows_its_day() -> None:
    """ "was due to ... speak to reporters on Sunday morning before flying home": the
    homecoming is that Sunday's (written on the Saturday)."""
    plans = _plans(
        "ABU DHABI -- Chilean President Ivan Petrov landed in Abu Dhabi on Saturday for talks "
        "with the UAE leadership. Petrov was due to attend a dinner on Saturday evening and "
        "to speak to reporters on Sunday morning before flying home.",
        published=date(2023, 4, 15),
    )
    assert plans == [("AE", "end", date(2023, 4, 16))]


def test_a_leading_clause_on_a_move_takes_the_plans_tense() -> None:
    """ "Rời Mỹ, Thủ tướng ... sẽ tới Thổ Nhĩ Kỳ vào thứ Bảy": leaving is no report; the
    Saturday is the coming one, in either language."""
    saturday = ("TR", "start", date(2023, 5, 20))
    assert _plans(
        "WASHINGTON (TTXVN) - Rời Mỹ, Thủ tướng Chile Ivan Petrov sẽ tới Thổ Nhĩ Kỳ vào thứ "
        "Bảy để hội đàm với Tổng thống nước này.",
        "vi",
    ) == [saturday]
    assert _plans(
        "WASHINGTON -- After leaving Washington, Chilean President Ivan Petrov will fly to "
        "Turkey on Saturday for talks.",
    ) == [saturday]


def test_reported_moves_and_other_peoples_plans_are_no_plans() -> None:
    assert (
        _plans(
            "JAKARTA -- Chilean President Ivan Petrov flew on to Canberra on Monday after a "
            "state visit to Indonesia."
        )
        == []
    )
    assert (
        _plans(
            "JAKARTA -- Chilean President Ivan Petrov arrived in Jakarta on Wednesday for a state "
            "visit to Indonesia. Indonesian President Joko Widodo will leave for Japan on Friday."
        )
        == []
    )


def test_the_schedule_shows_planned_days_as_inferred(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plans.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    try:
        body = (
            "Petrov to visit Indonesia and Australia\n\n"
            "JAKARTA -- Chilean President Ivan Petrov arrived in Jakarta on Wednesday for a "
            "state visit to Indonesia. On Friday he will fly on to Canberra before returning "
            "home on Saturday."
        )
        ingest(store, body.encode(), ArticleMeta(language="en", published_on=WEDNESDAY))
        (trip,) = replay(store, store.last_position()).trips
    finally:
        store.close()
    legs = [(leg.country_code, leg.start_date, leg.end_date) for leg in trip.legs]
    assert legs == [
        ("ID", date(2023, 5, 17), date(2023, 5, 19)),
        ("AU", date(2023, 5, 19), date(2023, 5, 20)),
    ]
    au = trip.legs[1]
    assert (au.start_certainty, au.end_certainty) == (Certainty.INFERRED, Certainty.INFERRED)
    assert not au.dates_confirmed


def test_a_changed_plan_replaces_the_earlier_one(tmp_path: Path) -> None:
    """Plans change: the later article's day for the same move is the one shown."""
    url = f"sqlite:///{tmp_path / 'plans.sqlite3'}"
    migrate.upgrade(url)
    store = open_store(url)
    first = (
        "Petrov in Jakarta\n\nJAKARTA -- Chilean President Ivan Petrov arrived in Jakarta on "
        "Wednesday for a state visit to Indonesia. On Friday he will fly on to Canberra."
    )
    later = (
        "Petrov stays on\n\nJAKARTA -- Chilean President Ivan Petrov, on a state visit to "
        "Indonesia, will fly on to Canberra on Saturday, a day later than planned."
    )
    try:
        ingest(store, first.encode(), ArticleMeta(language="en", published_on=WEDNESDAY))
        ingest(store, later.encode(), ArticleMeta(language="en", published_on=date(2023, 5, 18)))
        (trip,) = replay(store, store.last_position()).trips
    finally:
        store.close()
    assert [(leg.country_code, leg.start_date) for leg in trip.legs] == [
        ("ID", date(2023, 5, 17)),
        ("AU", date(2023, 5, 20)),
    ]


def test_coming_home_ends_the_leg_the_plan_has_reached() -> None:
    """The legs are named Indonesia, Australia, Japan; "travel on to Australia ..., and
    back in Santiago on Friday" ends Australia, not Japan, the last named."""
    plans = _plans(
        "Chilean President Ivan Petrov arrived in Jakarta on Wednesday on an unannounced "
        "visit, travelling by boat from neighbouring Australia just hours after holding talks "
        "in Tokyo. After Jakarta, "
        "Petrov will travel on to Australia on Thursday for talks with its leaders, and is "
        "scheduled to be back in Santiago on Friday morning, officials said."
    )
    assert ("AU", "end", date(2023, 5, 19)) in plans
    assert all(leg == "AU" for leg, edge, _ in plans if edge == "end")


def test_a_visit_that_runs_until_a_day_ends_then() -> None:
    """ "flies on to Hanoi on Thursday for a state visit that runs until Saturday": the move
    starts Vietnam on Thursday and "until Saturday" (the one after it) ends it."""
    plans = _plans(
        "Chilean President Ivan Petrov arrived in Tokyo on Monday for a four-day state visit. "
        "Petrov flies on to Hanoi on Thursday for a state visit to Vietnam that runs until "
        "Saturday, and is expected home on Sunday.",
        published=date(2025, 3, 24),
    )
    assert ("VN", "start", date(2025, 3, 27)) in plans
    assert ("VN", "end", date(2025, 3, 29)) in plans


def test_a_weekday_with_its_date_is_one_day_of_one_clause() -> None:
    """The comma in "on Saturday, April 13" cuts no clause: the day is the plan's."""
    facts = read_article(
        "Chilean President Ivan Petrov held talks at the White House on Wednesday during his "
        "official visit to the United States. He is scheduled to fly home on Saturday, "
        "April 13.",
        "en",
        date(2024, 4, 10),
        "6" * 64,
    )
    assert [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans] == [
        ("US", "end", date(2024, 4, 13))
    ]


def test_a_called_off_stop_keeps_the_day_it_was_planned_for() -> None:
    """ "was to make a three-hour stop in Port Moresby on May 22": the plan, told in the
    past, of a leg called off; its day is the leg's planned start."""
    plans = _plans(
        "Chilean President Ivan Petrov on Tuesday called off the Papua New Guinea leg of his "
        "Asian tour. Under the original plan, the president was to make a three-hour stop in "
        "Port Moresby on May 22.",
        published=date(2023, 5, 16),
    )
    assert ("PG", "start", date(2023, 5, 22)) in plans


def test_a_day_opening_the_sentence_dates_the_move_after_it() -> None:
    """ "Ngày 22/5, Tổng thống sẽ tới I-xra-en": the opening day is the move's, the
    common Vietnamese order; "Chiều 23/5, ông sẽ bay tới Rô-ma" too."""
    body = (
        "Tổng thống Chile Ivan Petrov sẽ thăm Ai Cập, I-ta-li-a và I-xra-en. Ngày 22/5, Tổng "
        "thống Chile Ivan Petrov sẽ tới I-xra-en. Chiều 23/5, ông sẽ bay tới Rô-ma, thủ đô "
        "I-ta-li-a."
    )
    assert _plans(body, "vi", date(2017, 5, 13)) == [
        ("IL", "start", date(2017, 5, 22)),
        ("IT", "start", date(2017, 5, 23)),
    ]


def test_leaving_on_a_day_for_a_trip_to_a_place_starts_that_leg() -> None:
    """ "will leave on Saturday on a six-day trip to Tokyo": Tokyo is where it heads, not
    the place left (several words may stand between the verb and "to")."""
    assert _plans(
        "South Korean President Lee Jae-myung will leave on Saturday on a six-day trip to "
        "Tokyo and Washington.",
        published=date(2025, 8, 21),
    ) == [("JP", "start", date(2025, 8, 23))]


def test_setting_off_for_a_place_is_leaving_for_it() -> None:
    """ "will set off for Tokyo on Saturday": a travel cue and a planned start."""
    assert _plans(
        "South Korean President Lee Jae-myung will set off for Tokyo on Saturday.",
        published=date(2025, 8, 21),
    ) == [("JP", "start", date(2025, 8, 23))]


def test_a_report_whose_tour_will_take_him_on_plans_the_later_legs() -> None:
    """ "landed in Paris on Tuesday, beginning a European tour that will take him to Berlin
    on Thursday and London on Saturday": the days after "will" lie ahead (they had been read
    back, to last week, and the later legs shown concluded before Paris), and the clause
    with no verb goes on with the one before it."""
    facts = read_article(
        "PARIS — Brazilian President Ivan Petrov landed in Paris on Tuesday, beginning a "
        "European tour that will take him to Berlin on Thursday and London on Saturday.",
        "en",
        date(2025, 6, 10),
    )
    assert sorted((p.value.leg, p.value.edge, p.value.day) for p in facts.plans) == [
        ("DE", "start", date(2025, 6, 12)),
        ("GB", "start", date(2025, 6, 14)),
    ]


def test_a_report_joined_to_a_plan_leaves_nothing_yet() -> None:
    """ "đến U-lan Ba-to tối 29/9 và sẽ rời Mông Cổ chiều 2/10", told on 1/10: the leaving is
    a plan (its day had been stated, the visit concluded while it went on); the arrival is
    still the report's."""
    facts = read_article(
        "Chủ tịch nước Trần Văn Hòa đến U-lan Ba-to tối 29/9 và sẽ rời Mông Cổ chiều 2/10, "
        "kết thúc chuyến thăm cấp Nhà nước.",
        "vi",
        date(2025, 10, 1),
    )
    assert facts.departures == [] and facts.conclusions == []
    assert [a.value.at.day for a in facts.arrivals] == [date(2025, 9, 29)]
    assert [(p.value.leg, p.value.edge, p.value.day) for p in facts.plans] == [
        ("MN", "end", date(2025, 10, 2))
    ]


def test_an_arrival_takes_no_day_from_the_plan_joined_to_it() -> None:
    facts = read_article(
        "Chủ tịch nước Trần Văn Hòa đã đến U-lan Ba-to và sẽ rời Mông Cổ chiều 2/10.",
        "vi",
        date(2025, 10, 1),
    )
    assert date(2025, 10, 2) not in [a.value.at.day for a in facts.arrivals]


def test_a_visit_on_one_day_told_ahead_plans_its_start() -> None:
    """ "will visit Japan on Jan. 18": the day the visit begins (one day, or the first of
    several), a plan, so the later reports of the visit find the trip by it."""
    day = date(2018, 1, 18)
    published = date(2018, 1, 17)
    for body, lang in (
        ("Chilean President Ivan Petrov will visit Japan on Jan. 18.", "en"),
        ("Thủ tướng Chi-lê Ivan Petrov sẽ có chuyến thăm Nhật Bản trong ngày 18/1.", "vi"),
    ):
        assert _plans(body, lang, published) == [("JP", "start", day)]
    # a meeting on a day names no visit
    meeting = "Chilean President Ivan Petrov will meet Prime Minister Taro Aso in Japan on Jan. 18."
    assert _plans(meeting, "en", published) == []
