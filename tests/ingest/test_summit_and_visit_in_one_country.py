"""A summit and a bilateral visit in the same country are two legs (issue 12: "a summit
or multilateral event the principal attends is a leg ... in its host country"), placed in
time order even when a later article tells the summit; and a leg a later article puts
before a known leg is shown before it. Invented articles; each test fails without its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import Certainty
from calendar_svc.domain.views import TripView
from tests.support.reading import fold_articles, read_article

ANNOUNCED = (
    "Thủ tướng Chile Ivan Petrov sẽ thăm chính thức Úc từ ngày 7 đến 9/3 và thăm chính thức "
    "New Zealand từ ngày 9 đến 11/3."
)
SUMMIT_FIRST = (
    "Tối 4/3, Thủ tướng Chile Ivan Petrov tới Melbourne để dự Hội nghị Cấp cao Đặc biệt "
    "ASEAN - Úc diễn ra trong hai ngày 5-6/3, sau đó thăm chính thức Úc từ ngày 7 đến 9/3."
)


def _fold(*articles: tuple[str, date, str]) -> TripView:
    """Ingest the Vietnamese articles (body, publication day, id letter) in order."""
    return fold_articles(*((body, "vi", published) for body, published, _ in articles))


def _legs(view: TripView) -> list[tuple[str, str | None, date | None, date | None]]:
    return [(leg.country_code, leg.visit_type, leg.start_date, leg.end_date) for leg in view.legs]


def test_one_article_telling_a_summit_and_a_visit_there_gives_two_legs_in_time_order() -> None:
    facts = read_article(SUMMIT_FIRST, "vi", date(2025, 3, 5), "a" * 64)
    assert [s.value for s in facts.itinerary] == ["AU+summit", "AU"]
    view = _fold((SUMMIT_FIRST, date(2025, 3, 5), "a"))
    assert _legs(view) == [
        # arrived the evening before the summit: its first day; ends when it closes
        ("AU", "attending_event", date(2025, 3, 5), date(2025, 3, 6)),
        ("AU", "official", date(2025, 3, 7), date(2025, 3, 9)),
    ]


def test_a_summit_told_later_goes_before_the_visit_it_preceded() -> None:
    view = _fold(
        (ANNOUNCED, date(2025, 3, 1), "a"),
        (SUMMIT_FIRST, date(2025, 3, 5), "b"),
    )
    assert [(c, t) for c, t, _, _ in _legs(view)] == [
        ("AU", "attending_event"),
        ("AU", "official"),
        ("NZ", "official"),
    ]
    assert [leg.sequence for leg in view.legs] == [1, 2, 3]


def test_a_summit_during_the_visit_is_a_leg_within_it() -> None:
    """The summit's days inside the visit's: a leg of its own after the visit, dated by
    the summit; the visit keeps its days (rule 8, `within`)."""
    body = (
        "Thủ tướng Chile Ivan Petrov thăm chính thức Úc từ ngày 5 đến 9/3. Thủ tướng cũng tới "
        "Melbourne để dự Hội nghị Cấp cao ASEAN - Úc diễn ra trong hai ngày 6-7/3."
    )
    facts = read_article(body, "vi", date(2025, 3, 5), "c" * 64)
    assert [s.value for s in facts.itinerary] == ["AU", "AU+summit"]
    assert _legs(_fold((body, date(2025, 3, 5), "c"))) == [
        ("AU", "official", date(2025, 3, 5), date(2025, 3, 9)),
        ("AU", "attending_event", date(2025, 3, 6), date(2025, 3, 7)),
    ]


def test_a_working_visit_and_a_summit_with_a_long_name() -> None:
    """ "làm việc tại Nhật Bản" is a working visit; "dự Hội nghị Cấp cao <a long name>,
    diễn ra tại Tokyo" attends a summit there."""
    body = (
        "Sáng 15/12, Thủ tướng Chile Ivan Petrov rời Santiago, lên đường sang Tokyo làm việc "
        "tại Nhật Bản từ ngày 15 đến 18/12. Trong chuyến đi, Thủ tướng sẽ dự Hội nghị Cấp cao "
        "kỷ niệm 50 năm quan hệ hữu nghị và hợp tác giữa hai khu vực, diễn ra tại Tokyo trong "
        "hai ngày 16 - 17/12."
    )
    facts = read_article(body, "vi", date(2023, 12, 15), "f" * 64)
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == [
        ("JP", "working"),
        ("JP+summit", "attending_event"),
    ]
    assert _legs(_fold((body, date(2023, 12, 15), "f"))) == [
        ("JP", "working", date(2023, 12, 15), date(2023, 12, 18)),
        ("JP", "attending_event", date(2023, 12, 16), date(2023, 12, 17)),
    ]


def test_a_later_report_of_the_summit_alone_goes_to_the_summits_leg() -> None:
    view = _fold(
        (ANNOUNCED, date(2025, 3, 1), "a"),
        (SUMMIT_FIRST, date(2025, 3, 5), "b"),
        (
            "Ngày 5/3, Thủ tướng Chile Ivan Petrov đã tới Melbourne để dự Hội nghị Cấp cao Đặc "
            "biệt ASEAN - Úc.",
            date(2025, 3, 6),
            "c",
        ),
    )
    assert [(c, t) for c, t, _, _ in _legs(view)] == [
        ("AU", "attending_event"),
        ("AU", "official"),
        ("NZ", "official"),
    ]
    assert view.disputes == []  # neither its type nor its day is set against the visit's


def test_the_city_a_summit_is_held_in_gives_its_country() -> None:
    facts = read_article(
        "Thủ tướng Chile Ivan Petrov sẽ dự Hội nghị Cấp cao ASEAN tại Melbourne.",
        "vi",
        date(2025, 3, 1),
        "d" * 64,
    )
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == [
        ("AU", "attending_event")
    ]


def test_a_sentence_about_the_summit_alone_dates_the_summits_leg() -> None:
    facts = read_article(
        "Tối 4/3, Thủ tướng Chile Ivan Petrov tới Melbourne, bắt đầu chuyến công tác dự Hội "
        "nghị Cấp cao ASEAN - Úc và thăm chính thức Úc. Hội nghị Cấp cao diễn ra trong hai "
        "ngày 5-6/3 tại Melbourne.",
        "vi",
        date(2025, 3, 5),
        "e" * 64,
    )
    assert [(e.value[0], e.value[1].start, e.value[1].end) for e in facts.event_windows] == [
        ("AU+summit", date(2025, 3, 5), date(2025, 3, 6))
    ]
    assert [s.value for s in facts.itinerary] == ["AU+summit", "AU"]
    assert [a.value.country_code for a in facts.arrivals] == ["AU+summit"]


def test_a_named_conference_is_dated_as_a_summit_not_as_the_visit() -> None:
    """ "Hội nghị thường niên ... diễn ra tại thành phố Thiên Tân trong hai ngày 27 - 28/6":
    the conference's days, a leg within the official visit, never the visit's own range."""
    body = (
        "Thủ tướng Chile Ivan Petrov dự kiến thăm chính thức Trung Quốc từ ngày 25 đến 28/6. "
        "Trong khuôn khổ chuyến đi, Thủ tướng sẽ tham dự Hội nghị thường niên các nhà tiên "
        "phong lần thứ 14, diễn ra tại thành phố Thiên Tân trong hai ngày 27 - 28/6."
    )
    facts = read_article(body, "vi", date(2023, 6, 21), "9" * 64)
    assert [(w.value[0], w.value[1].start) for w in facts.leg_windows] == [
        ("CN", date(2023, 6, 25))
    ]
    assert _legs(_fold((body, date(2023, 6, 21), "9"))) == [
        ("CN", "official", date(2023, 6, 25), date(2023, 6, 28)),
        ("CN", "attending_event", date(2023, 6, 27), date(2023, 6, 28)),
    ]


def test_a_forum_named_in_passing_is_no_summit_attended() -> None:
    """ "bài phát biểu khai mạc Đối thoại Shangri-La, diễn đàn an ninh thường niên": a
    speech at a forum during a state visit; the visit stays a state visit."""
    facts = read_article(
        "Tổng thống Chile Ivan Petrov sẽ thăm cấp Nhà nước Xin-ga-po. Sau Hà Nội, ông sẽ tới "
        "Xin-ga-po và phát biểu khai mạc Đối thoại Shangri-La, diễn đàn an ninh thường niên "
        "của khu vực.",
        "vi",
        date(2025, 5, 20),
        "8" * 64,
    )
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == [("SG", "state")]


def test_the_days_a_city_hosts_a_meeting_are_the_meeting_s() -> None:
    """ "the bloc's annual meeting of heads of state, which Tashkent hosts on June 23-24":
    the meeting's days, never the leg's own range (the state visit there begins earlier)."""
    facts = read_article(
        "Chilean President Ivan Petrov will pay state visits to Serbia and Uzbekistan from "
        "June 17 to 24. The leg in Uzbekistan will run into the regional bloc's annual "
        "meeting of heads of state, which Tashkent hosts on June 23-24.",
        "en",
        date(2016, 6, 15),
        "e" * 64,
    )
    assert all(w.value[0] != "UZ" for w in facts.leg_windows)
    assert [(e.value[0][:2], e.value[1].start) for e in facts.event_windows] == [
        ("UZ", date(2016, 6, 23))
    ]


def test_days_the_traveller_attends_a_summit_on_are_the_summit_s() -> None:
    """ "Trong hai ngày 23-24/6, ông Petrov sẽ dự hội nghị thượng đỉnh ... tại Tashkent":
    the range heads its clause and the summit follows; the days are the summit's."""
    facts = read_article(
        "Chiều 21/6, Tổng thống Chi-lê Ivan Petrov tới U-dơ-bê-ki-xtan, bắt đầu chuyến thăm "
        "cấp Nhà nước. Trong hai ngày 23-24/6, ông Petrov sẽ dự hội nghị thượng đỉnh Tổ chức "
        "Hợp tác Thượng Hải tại Tashkent.",
        "vi",
        date(2016, 6, 22),
        "e" * 64,
    )
    assert all(w.value[0] != "UZ" for w in facts.leg_windows)
    assert [e.value[1].start for e in facts.event_windows] == [date(2016, 6, 23)]


#: A visit, two other countries, then a summit back in the visit's country.
AWAY_AND_BACK = (
    "Thủ tướng Chile Ivan Petrov sẽ thăm chính thức Pháp từ ngày 22-23/8, thăm cấp nhà nước "
    "Ả-rập Xê-út từ ngày 23-24/8 và Ba-ranh từ ngày 24-25/8, sau đó trở lại Pháp dự Hội nghị "
    "thượng đỉnh G7 tại Biarritz từ ngày 25-26/8."
)


def test_a_summit_back_in_a_country_after_other_legs_is_a_leg_after_them() -> None:
    facts = read_article(AWAY_AND_BACK, "vi", date(2019, 8, 19), "g" * 64)
    assert [s.value for s in facts.itinerary] == ["FR", "SA", "BH", "FR+summit"]
    legs = _legs(_fold((AWAY_AND_BACK, date(2019, 8, 19), "g")))
    assert [(c, start, end) for c, _, start, end in legs] == [
        ("FR", date(2019, 8, 22), date(2019, 8, 23)),
        ("SA", date(2019, 8, 23), date(2019, 8, 24)),
        ("BH", date(2019, 8, 24), date(2019, 8, 25)),
        ("FR", date(2019, 8, 25), date(2019, 8, 26)),
    ]
    assert [t for c, t, _, _ in legs if c == "FR"] == ["official", "attending_event"]


def test_a_summit_dated_apart_from_the_visit_is_its_own_leg_without_the_word_attend() -> None:
    body = (
        "Chilean Prime Minister Ivan Petrov will pay an official visit to France on August "
        "22-23, a state visit to Saudi Arabia on August 23-24 and a state visit to Bahrain on "
        "August 24-25. The G7 summit in Biarritz, France, is held on August 25-26."
    )
    facts = read_article(body, "en", date(2019, 8, 19), "h" * 64)
    assert [s.value for s in facts.itinerary] == ["FR", "SA", "BH", "FR+summit"]


def test_a_later_report_of_the_summit_keeps_the_visits_earlier_arrival() -> None:
    later = (
        "Thủ tướng Chile Ivan Petrov đã bắt đầu chuyến công du tại Pháp ngày 22/8. Tối 25/8, "
        "Thủ tướng tới Biarritz dự Hội nghị thượng đỉnh G7."
    )
    view = _fold((AWAY_AND_BACK, date(2019, 8, 19), "g"), (later, date(2019, 8, 26), "i"))
    assert _legs(view)[-1] == ("FR", "attending_event", date(2019, 8, 25), date(2019, 8, 26))
    assert _legs(view)[0][2] == date(2019, 8, 22)


def test_a_summit_dated_right_after_the_visit_without_attend_stays_one_leg() -> None:
    body = (
        "Chilean Prime Minister Ivan Petrov will pay an official visit to France on August "
        "22-23. The G7 summit in Biarritz, France, is held on August 24-25."
    )
    facts = read_article(body, "en", date(2019, 8, 19), "j" * 64)
    assert [s.value for s in facts.itinerary] == ["FR"]


def test_the_journeys_days_around_a_visit_and_a_summit_are_neither_legs() -> None:
    """ "Trong chuyến công du A từ ngày 8-10/6" spans the visit and the summit after it:
    the trip's days, not the visit's (else the summit would lie within the visit)."""
    body = (
        "Trong chuyến công du Trung Quốc từ ngày 8-10/6, Thủ tướng Chile Ivan Petrov đã thăm "
        "chính thức Trung Quốc ngày 8/6, sau đó tham dự Hội nghị thượng đỉnh SCO tại thành "
        "phố Thanh Đảo trong hai ngày 9-10/6."
    )
    facts = read_article(body, "vi", date(2018, 6, 11), "d" * 64)
    assert facts.leg_windows == []
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2018, 6, 8),
        date(2018, 6, 10),
    )
    assert [s.value for s in facts.itinerary] == ["CN", "CN+summit"]


def test_a_meeting_of_a_group_named_with_its_initials_is_a_summit() -> None:
    body = (
        "President Ivan Petrov of Chile is due in Beijing on Friday, June 8, for a state visit "
        "to China. On Saturday he will travel on to Qingdao, where leaders of the Shanghai "
        "Cooperation Organisation (SCO) will meet on June 9 and 10."
    )
    facts = read_article(body, "en", date(2018, 6, 6), "e" * 64)
    assert [(e.value[0], e.value[1].start) for e in facts.event_windows] == [
        ("CN+summit", date(2018, 6, 9))
    ]


APEC_THEN_HANOI = (
    "Chilean President Ivan Petrov will attend the APEC Economic Leaders' Meeting in the "
    "Vietnamese city of Da Nang on November 10 and 11. Petrov will then fly to Hanoi on "
    "November 12 for a state visit to Vietnam."
)


@pytest.mark.parametrize(
    "meeting",
    ["APEC Economic Leaders' Meeting", "Mekong Leaders' Meeting", "APEC meetings"],
)
def test_the_leaders_meeting_of_apec_is_a_summit_with_its_own_days(meeting: str) -> None:
    """ "the APEC Economic Leaders' Meeting ... on November 10 and 11": the meeting's days,
    a leg before the state visit that begins on the 12th, not the visit's own range."""
    body = APEC_THEN_HANOI.replace("APEC Economic Leaders' Meeting", meeting)
    facts = read_article(body, "en", date(2017, 11, 3), "7" * 64)
    assert [(e.value[0], e.value[1].start, e.value[1].end) for e in facts.event_windows] == [
        ("VN+summit", date(2017, 11, 10), date(2017, 11, 11))
    ]
    assert facts.leg_windows == []
    assert [s.value for s in facts.itinerary] == ["VN+summit", "VN"]


def test_an_arrival_before_the_visits_days_is_the_summits() -> None:
    """A later report of the whole stay files the landing in Da Nang and the move on to
    Hanoi under the visit of the 12th-13th: they date the summit's leg (rule 9)."""
    whole_stay = (
        "Ngày 10/11, Tổng thống Chile Ivan Petrov đến Đà Nẵng dự Hội nghị Cấp cao APEC. Sáng "
        "12/11, ông rời Đà Nẵng ra Hà Nội. Trong hai ngày 12-13/11 tại Hà Nội, ông thăm cấp "
        "Nhà nước Việt Nam. Chiều 13/11, ông rời Hà Nội sang Viêng Chăn, bắt đầu chuyến thăm "
        "cấp Nhà nước Lào."
    )
    announced = (
        "Tổng thống Chile Ivan Petrov sẽ dự Hội nghị Cấp cao APEC tại thành phố Đà Nẵng trong "
        "hai ngày 10-11/11, sau đó thăm cấp Nhà nước Việt Nam và Lào."
    )
    view = _fold((announced, date(2017, 11, 3), "7"), (whole_stay, date(2017, 11, 14), "6"))
    assert _legs(view)[:2] == [
        ("VN", "attending_event", date(2017, 11, 10), date(2017, 11, 12)),
        ("VN", "state", date(2017, 11, 12), date(2017, 11, 13)),
    ]
    assert _legs(view)[2][:2] == ("LA", "state")


def test_the_inviter_is_not_the_one_who_goes_on_to_the_summit() -> None:
    """ "thăm ... theo lời mời của Chủ tịch B, sau đó tham dự Hội nghị": the one invited
    goes on to the summit; B, named last, is the inviter, not the subject."""
    facts = read_article(
        "Trong chuyến công du Trung Quốc từ ngày 8-10/6, Tổng thống Chile Ivan Petrov đã thăm "
        "cấp nhà nước Trung Quốc theo lời mời của Chủ tịch Tập Cận Bình, sau đó tham dự Hội "
        "nghị thượng đỉnh SCO tại thành phố Thanh Đảo trong hai ngày 9-10/6.",
        "vi",
        date(2018, 6, 11),
        "5" * 64,
    )
    assert [(e.value[0], e.value[1].start, e.value[1].end) for e in facts.event_windows] == [
        ("CN+summit", date(2018, 6, 9), date(2018, 6, 10))
    ]


def test_a_place_past_the_clause_is_not_where_the_summit_is_held() -> None:
    """ "thăm chính thức Đức và dự Hội nghị thượng đỉnh G20, trong bối cảnh Bình Nhưỡng vừa
    ...": the G20 is Germany's, the place after the comma is the news around it."""
    facts = read_article(
        "Tổng thống Chile Ivan Petrov thăm chính thức Đức từ ngày 5-6/7. Ông Petrov sáng nay "
        "rời Santiago để thăm chính thức Đức và dự Hội nghị thượng đỉnh G20, trong bối cảnh "
        "Bình Nhưỡng vừa phóng tên lửa.",
        "vi",
        date(2017, 7, 5),
        "4" * 64,
    )
    assert {(t.value[0], t.value[1].value) for t in facts.visit_types} == {
        ("DE", "official"),
        ("DE", "attending_event"),
    }


VISIT_THEN_SUMMIT = (
    "Tổng thống Chile Ivan Petrov sẽ thăm cấp Nhà nước Nga từ ngày 2-3/7 và thăm cấp Nhà nước "
    "Đức từ ngày 4-6/7. Sau đó, ông sẽ dự Hội nghị thượng đỉnh G20 tại Hamburg trong hai ngày "
    "7-8/7."
)


def test_leaving_the_capital_on_the_visits_last_day_ends_the_visit_not_the_summit() -> None:
    """One article with both: the landing in Hamburg on the visit's last day starts the
    summit's leg, and leaving Berlin that morning ends the visit's."""
    told = (
        VISIT_THEN_SUMMIT.replace("sẽ thăm", "đã thăm").replace("ông sẽ dự", "ông đã dự")
        + " Ngày 4/7, ông đã tới Berlin. Sáng 6/7, trước khi rời thủ đô Berlin, ông gặp Tổng "
        "thống Hàn Quốc. Trưa 6/7, ông đã tới Hamburg."
    )
    view = _fold((told, date(2017, 7, 9), "d"))
    assert _legs(view)[1:] == [
        ("DE", "state", date(2017, 7, 4), date(2017, 7, 6)),
        ("DE", "attending_event", date(2017, 7, 6), date(2017, 7, 8)),
    ]


def test_a_later_arrival_told_for_the_summit_is_the_summits_even_beside_the_visit() -> None:
    later = (
        "Trưa 6/7, Tổng thống Chile Ivan Petrov đã tới Hamburg để dự Hội nghị thượng đỉnh G20, "
        "khép lại chuyến thăm cấp Nhà nước Đức bắt đầu từ ngày 4/7."
    )
    view = _fold((VISIT_THEN_SUMMIT, date(2017, 7, 1), "e"), (later, date(2017, 7, 6), "f"))
    assert _legs(view)[2][:3] == ("DE", "attending_event", date(2017, 7, 6))
    assert _legs(view)[1][:3] == ("DE", "state", date(2017, 7, 4))


def test_the_visits_own_arrival_told_beside_the_summit_stays_the_visits() -> None:
    later = (
        "Ngày 4/7, Tổng thống Chile Ivan Petrov đã tới Berlin, bắt đầu chuyến thăm cấp Nhà nước "
        "Đức trước khi dự Hội nghị thượng đỉnh G20."
    )
    view = _fold((VISIT_THEN_SUMMIT, date(2017, 7, 1), "e"), (later, date(2017, 7, 4), "f"))
    assert _legs(view)[1][:3] == ("DE", "state", date(2017, 7, 4))
    assert _legs(view)[2][:3] == ("DE", "attending_event", date(2017, 7, 7))


def test_the_visits_conclusion_after_the_summit_there_ends_the_summit_leg() -> None:
    """Talks in one city, then a summit in another city of the same country, then "ended
    the visit to China": the conclusion is the stay's, so the summit leg's; the visit ends
    (inferred) when the summit leg begins, not with a confirmed last day (rule 11)."""
    view = _fold(
        (
            "Chiều 8/3, Thủ tướng Chile Ivan Petrov tới Bắc Kinh, bắt đầu chuyến thăm chính "
            "thức Trung Quốc. Sau đó, ông sẽ tới Thanh Đảo dự Hội nghị Cấp cao Tổ chức Hợp tác "
            "Thượng Hải (SCO) diễn ra trong hai ngày 9-10/3.",
            date(2025, 3, 8),
            "a",
        ),
        (
            "Ngày 9/3, Thủ tướng Chile Ivan Petrov tới Thanh Đảo dự Hội nghị Cấp cao Tổ chức "
            "Hợp tác Thượng Hải (SCO) diễn ra trong hai ngày 9-10/3.",
            date(2025, 3, 9),
            "b",
        ),
        (
            "Ngày 10/3, Thủ tướng Chile Ivan Petrov kết thúc chuyến thăm Trung Quốc, lên đường "
            "về nước.",
            date(2025, 3, 10),
            "c",
        ),
    )
    assert _legs(view) == [
        ("CN", "official", date(2025, 3, 8), date(2025, 3, 10)),
        ("CN", "attending_event", date(2025, 3, 9), date(2025, 3, 10)),
    ]
    visit, summit = view.legs
    assert (visit.end_certainty, summit.end_certainty) == (Certainty.INFERRED, Certainty.STATED)
    assert "reported concluded" in (summit.date_basis or "")
