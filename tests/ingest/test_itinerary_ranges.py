"""Which leg a stated range dates (issue 12, item 3: per-leg ranges in one sentence).

A range written right after a country dates that leg, not the trip; a range after a
list of countries is the trip's; when a sentence holds several ranges and one cannot be
tied to its leg, it dates nothing (a wrong confirmed date is worse than none).
Invented articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.domain.values import DateWindow
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.extract.views import date_ranges, read_sentences
from calendar_svc.ingest.extract.windows import after_another_place
from calendar_svc.ingest.lexicon import LEXICONS
from calendar_svc.ingest.text import parse_article


def _facts(body: str, lang: str, published: date) -> ArticleFacts:
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    parsed = msgspec.structs.replace(parsed, published_on=published)
    return extract(parsed, "a" * 64)


def _windows(facts: ArticleFacts) -> dict[str, DateWindow]:
    found: dict[str, DateWindow] = {}
    for item in facts.leg_windows:
        found.setdefault(item.value[0], item.value[1])
    return found


def test_each_range_in_one_sentence_dates_the_leg_it_follows_en() -> None:
    facts = _facts(
        "President Tran Van Hoa will pay a state visit to Brazil from October 30 to "
        "November 1, and then an official visit to Argentina from November 1 to 3.",
        "en",
        date(2024, 10, 20),
    )
    assert _windows(facts) == {
        "BR": DateWindow(date(2024, 10, 30), date(2024, 11, 1)),
        "AR": DateWindow(date(2024, 11, 1), date(2024, 11, 3)),
    }
    assert facts.trip_window is None


def test_each_range_in_one_sentence_dates_the_leg_it_follows_vi() -> None:
    facts = _facts(
        "Chủ tịch nước Trần Văn Hòa sẽ thăm cấp Nhà nước Bra-xin từ ngày 30/10 đến 1/11, "
        "sau đó thăm chính thức Ác-hen-ti-na từ 1-3/11.",
        "vi",
        date(2024, 10, 20),
    )
    assert _windows(facts) == {
        "BR": DateWindow(date(2024, 10, 30), date(2024, 11, 1)),
        "AR": DateWindow(date(2024, 11, 1), date(2024, 11, 3)),
    }


def test_a_name_in_brackets_may_stand_between_the_country_and_its_range() -> None:
    facts = _facts(
        "Theo lịch trình, Thủ tướng Trần Văn Hòa thăm Ai-len (Ireland) từ ngày 1 đến 3/10 "
        "và thăm Pháp từ ngày 4 đến 6/10.",
        "vi",
        date(2024, 9, 20),
    )
    assert _windows(facts) == {
        "IE": DateWindow(date(2024, 10, 1), date(2024, 10, 3)),
        "FR": DateWindow(date(2024, 10, 4), date(2024, 10, 6)),
    }


def test_a_range_after_a_list_of_countries_is_the_trips() -> None:
    facts = _facts(
        "President Tran Van Hoa will travel to Brazil and Argentina from October 30 to November 3.",
        "en",
        date(2024, 10, 20),
    )
    assert _windows(facts) == {}
    assert facts.trip_window is not None
    assert facts.trip_window.value == DateWindow(date(2024, 10, 30), date(2024, 11, 3))


def test_a_range_among_several_that_cannot_be_tied_to_its_leg_dates_nothing() -> None:
    # "Ruritania" is no country the service knows: the first range has no leg, and is not
    # Cuba's just because Cuba is the only country that sentence names.
    facts = _facts(
        "Thủ tướng Trần Văn Hòa đã lên đường thăm Bra-xin và Cu-ba ngày 12/5. "
        "Theo lịch trình, Thủ tướng Trần Văn Hòa ở Ruritania từ ngày 13-14/5 "
        "và Cu-ba từ ngày 15-16/5.",
        "vi",
        date(2024, 5, 1),
    )
    assert _windows(facts) == {"CU": DateWindow(date(2024, 5, 15), date(2024, 5, 16))}


def test_a_legs_range_inside_a_departure_sentence_is_that_legs_not_the_trips() -> None:
    facts = _facts(
        "Chiều 12/3, sau khi kết thúc tốt đẹp chuyến thăm chính thức Xin-ga-po từ ngày "
        "10-12/3, Thủ tướng Trần Văn Hòa đã rời Xin-ga-po, lên đường thăm Ma-lai-xi-a.",
        "vi",
        date(2024, 3, 12),
    )
    assert _windows(facts) == {"SG": DateWindow(date(2024, 3, 10), date(2024, 3, 12))}
    assert facts.trip_window is None
    assert [(c.value.country_code, c.value.on) for c in facts.conclusions] == [
        ("SG", date(2024, 3, 12))
    ]
    assert facts.returns == []


def test_a_range_after_the_next_stop_is_not_the_current_legs() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov khép lại ba ngày ở Pa-pua Niu Ghi-nê sáng 9/9 và "
        "bay tới Dili, thủ đô Đông Timor. Ông sẽ ở Dili đến ngày 11/9, sau đó đi Singapore, "
        "chặng cuối của hành trình, từ ngày 11 đến 13/9.",
        "vi",
        date(2024, 9, 9),
    )
    assert "TL" not in _windows(facts)
    assert [s.value for s in facts.itinerary] == ["PG", "TL", "SG"]


def test_a_range_after_a_place_of_another_country_is_not_the_one_legs() -> None:
    """The unit rule: the place named last before the range is another country's."""
    parsed = parse_article(
        "Headline\n\nÔng sẽ ở Dili đến ngày 11/9, sau đó đi Singapore từ ngày 11 đến 13/9.", "vi"
    )
    view = read_sentences(parsed, LEXICONS["vi"], date(2024, 9, 9))[-1]
    (mention,) = date_ranges(view)
    assert after_another_place(view, mention, ["TL"])
    assert not after_another_place(view, mention, ["SG"])


def test_a_range_of_the_one_country_a_visit_sentence_names_is_that_legs() -> None:
    """ "Senegal's presidency has described the stay as an official visit ..., running on
    Aug. 29 and 30": Senegal's days, named only as its government's, not the tour's."""
    facts = _facts(
        "German Chancellor Angela Merkel will spend three days in West Africa next week, "
        "visiting Senegal, Ghana and Nigeria. Senegal's presidency has described the stay as "
        "an official visit at Sall's invitation, running on Aug. 29 and 30.",
        "en",
        date(2018, 8, 24),
    )
    assert _windows(facts) == {"SN": DateWindow(date(2018, 8, 29), date(2018, 8, 30))}
    assert facts.trip_window is None


def test_a_journeys_range_in_a_sentence_naming_its_last_country_is_the_journeys() -> None:
    """ "tại Van-pa-rai-xô ..., điểm kết thúc chuyến công du Mỹ Latinh kéo dài sáu ngày từ
    16-21/11": the six days are the tour's, not Chile's, which the next sentence dates."""
    facts = _facts(
        "Tổng thống Pháp Jean Dupont phát biểu tại Van-pa-rai-xô, Chi-lê ngày 21/11, điểm kết "
        "thúc chuyến công du Mỹ Latinh kéo dài sáu ngày từ 16-21/11. Chuyến đi được mở đầu "
        "bằng chuyến thăm làm việc Ác-hen-ti-na ngày 16-17/11, sau đó là chuyến thăm cấp nhà "
        "nước Chi-lê từ ngày 20-21/11.",
        "vi",
        date(2024, 11, 23),
    )
    assert _windows(facts).get("CL") == DateWindow(date(2024, 11, 20), date(2024, 11, 21))
    assert facts.trip_window is not None
    assert facts.trip_window.value == DateWindow(date(2024, 11, 16), date(2024, 11, 21))


def test_a_range_after_a_tour_named_by_its_countries_is_the_tours() -> None:
    """ "người đang có chuyến thăm chính thức Xê-nê-gan, chặng cuối trong chuyến công du ba
    nước Tây Phi từ ngày 27-29/8": the tour's three days, not Senegal's."""
    facts = _facts(
        "Ngày 29/8, tại thủ đô Đa-ca, Tổng thống Xê-nê-gan hội đàm với Thủ tướng Tây Ban Nha "
        "Juan Ortega, người đang có chuyến thăm chính thức Xê-nê-gan, chặng cuối trong chuyến "
        "công du ba nước Tây Phi từ ngày 27-29/8. Trước đó, ông Ortega đã thăm Mô-ri-ta-ni và "
        "Găm-bi-a.",
        "vi",
        date(2024, 8, 29),
    )
    assert "SN" not in _windows(facts)


def test_a_journeys_range_in_brackets_is_the_journeys() -> None:
    """ "Bữa tối ... tại Điện Élysée ... khép lại chuyến công du ba ngày (26-28/7) tới châu
    Âu": the bracketed days are the tour's, not France's, the one country the sentence
    names."""
    facts = _facts(
        "Bữa tối làm việc tại Điện Élysée với Tổng thống Pháp hôm 28/7 đã khép lại chuyến "
        "công du ba ngày (26-28/7) tới châu Âu của Thái tử Ả-rập Xê-út Ahmed bin Khalid. "
        "Thái tử đã thăm Hy Lạp, sau đó thăm chính thức Pháp.",
        "vi",
        date(2022, 8, 1),
    )
    assert "FR" not in _windows(facts)
    assert facts.trip_window is not None
    assert facts.trip_window.value == DateWindow(date(2022, 7, 26), date(2022, 7, 28))


def test_a_range_of_a_summit_attended_is_not_a_multi_leg_journeys() -> None:
    """ "Trong hai ngày 9-10/9, ông dự các phiên họp của G20": the summit's days, in a
    country the sentence leaves unnamed; taken for the whole tour's, they started the
    first leg four days late."""
    body = (
        "Thủ tướng Ca-na-đa Jean Dupont tới Niu Đê-li ngày 8/9. Trước đó, ông dự Hội nghị "
        "Cấp cao ASEAN tại Gia-các-ta và thăm Xinh-ga-po. Trong hai ngày 9-10/9, ông dự các "
        "phiên họp của G20 tại Trung tâm hội nghị Bharat Mandapam, cùng các nhà lãnh đạo tới "
        "đặt vòng hoa tại khu tưởng niệm."
    )
    facts = _facts(body, "vi", date(2023, 9, 11))
    assert len({s.value for s in facts.itinerary}) > 1
    assert facts.trip_window is None


def test_a_range_before_a_summit_named_in_passing_is_still_the_journeys() -> None:
    """Only attending the summit makes the range its days ("thăm ... bên lề G20" is a
    visit on its sidelines, and its range is still read as the journey's)."""
    facts = _facts(
        "Thủ tướng Ca-na-đa Jean Dupont tới Niu Đê-li ngày 8/9. Trước đó, ông dự Hội nghị "
        "Cấp cao ASEAN tại Gia-các-ta và thăm Xinh-ga-po. Trong hai ngày 9-10/9, ông thăm các "
        "cơ sở công nghệ bên lề G20.",
        "vi",
        date(2023, 9, 11),
    )
    assert facts.trip_window is not None
    assert facts.trip_window.value == DateWindow(date(2023, 9, 9), date(2023, 9, 10))


def test_a_range_of_other_meetings_or_of_a_one_leg_trip_keeps_its_reading() -> None:
    """Meetings that are no summit, or a trip with one leg (where the summit's days are the
    stay's), leave the range as it was read."""
    wreath = " cùng các nhà lãnh đạo tới đặt vòng hoa tại khu tưởng niệm."
    meetings = _facts(
        "Thủ tướng Ca-na-đa Jean Dupont tới Niu Đê-li ngày 8/9. Trước đó, ông dự Hội nghị "
        "Cấp cao ASEAN tại Gia-các-ta và thăm Xinh-ga-po. Trong hai ngày 9-10/9, ông dự các "
        "cuộc gặp song phương," + wreath,
        "vi",
        date(2023, 9, 11),
    )
    one_leg = _facts(
        "Thủ tướng Ca-na-đa Jean Dupont tới Niu Đê-li ngày 8/9. Trong hai ngày 9-10/9, ông "
        "dự các phiên họp của G20 tại Trung tâm hội nghị Bharat Mandapam," + wreath,
        "vi",
        date(2023, 9, 11),
    )
    for facts in (meetings, one_leg):
        assert facts.trip_window is not None
        assert facts.trip_window.value == DateWindow(date(2023, 9, 9), date(2023, 9, 10))


def test_a_summit_range_after_a_background_cue_is_the_other_events() -> None:
    """ "The trip comes a week after A and B put off a summit that had been planned for
    Dec. 15-17": that summit's days, not this trip's (they gave the trip its first day)."""
    facts = _facts(
        "Japanese Prime Minister Taro Sato will leave Tokyo on Monday for a three-day visit "
        "to China. The trip comes a week after Sato and Indian Prime Minister Ravi Kumar "
        "put off a summit that had been planned for Dec. 15-17 in Guwahati.",
        "en",
        date(2019, 12, 20),
    )
    assert facts.trip_window is None
    assert facts.event_windows == []


def test_each_summit_range_in_one_sentence_dates_its_host_en() -> None:
    # the first meeting is named by its formal title, not "summit": still a meeting
    facts = _facts(
        "Prime Minister Ivan Petrov of Canada will travel abroad next week. Petrov will "
        "attend the Commonwealth Heads of Government Meeting in Kigali from June 23 to 25, "
        "the Group of Seven summit in Germany from June 26 to 28, and the NATO summit in "
        "Madrid from June 28 to 30.",
        "en",
        date(2031, 6, 15),
    )
    events = {code: window for code, window in (e.value for e in facts.event_windows)}
    assert events == {
        "RW": DateWindow(date(2031, 6, 23), date(2031, 6, 25)),
        "DE": DateWindow(date(2031, 6, 26), date(2031, 6, 28)),
        "ES": DateWindow(date(2031, 6, 28), date(2031, 6, 30)),
    }


def test_a_summit_told_before_the_leg_it_preceded_is_dated_where_it_was_held() -> None:
    """ "Trước khi tới Đức, từ ngày 10-11/7, ... dự Hội nghị thượng đỉnh NATO tại Oa-sinh-tơn
    của Mỹ, ... sau Ma-đrít (2022)": the summit's days are the American leg's, and Madrid,
    an earlier year's host, is no leg."""
    facts = _facts(
        "Thủ tướng Nhật Bản Kishida Fumio đã về tới Tô-ky-ô ngày 14/7, kết thúc chuyến công "
        "du 5 ngày với điểm dừng cuối là Béc-lin, nơi ông hội đàm với Thủ tướng Đức hôm 12/7. "
        "Trước khi tới Đức, từ ngày 10-11/7, Thủ tướng Kishida dự Hội nghị "
        "thượng đỉnh NATO tại Thủ đô Oa-sinh-tơn của Mỹ, lần thứ ba ông tham dự sau Ma-đrít "
        "(2022) và Vin-ni-út (2023).",
        "vi",
        date(2024, 7, 15),
    )
    assert "ES" not in [s.value for s in facts.itinerary]
    events = {code: window for code, window in (e.value for e in facts.event_windows)}
    assert events == {"US": DateWindow(date(2024, 7, 10), date(2024, 7, 11))}


def test_ranges_paired_respectively_date_the_legs_in_order() -> None:
    """ "Laos and Cambodia from July 9 to 10 and from July 11 to 12, respectively": the
    first range is the first country's (the trip had been lost)."""
    en = _facts(
        "Party General Secretary Tran Van Hoa will pay official visits to Laos and Cambodia "
        "from July 9 to 10 and from July 11 to 12, respectively.",
        "en",
        date(2025, 7, 4),
    )
    vi = _facts(
        "Thủ tướng Trần Văn Hòa sẽ thăm chính thức Xin-ga-po và Ma-lai-xi-a, lần lượt từ ngày "
        "13-14/3 và 11-12/3.",
        "vi",
        date(2025, 3, 6),
    )
    assert _windows(en) == {
        "LA": DateWindow(date(2025, 7, 9), date(2025, 7, 10)),
        "KH": DateWindow(date(2025, 7, 11), date(2025, 7, 12)),
    }
    assert _windows(vi) == {
        "SG": DateWindow(date(2025, 3, 13), date(2025, 3, 14)),
        "MY": DateWindow(date(2025, 3, 11), date(2025, 3, 12)),
    }


def test_ranges_not_matching_the_places_are_not_paired() -> None:
    facts = _facts(
        "Thủ tướng Trần Văn Hòa sẽ thăm chính thức Xin-ga-po, Ma-lai-xi-a và Lào, lần lượt từ "
        "ngày 13-14/3 và 11-12/3.",
        "vi",
        date(2025, 3, 6),
    )
    assert "SG" not in _windows(facts) or _windows(facts)["SG"] != DateWindow(
        date(2025, 3, 13), date(2025, 3, 14)
    )


@pytest.mark.parametrize(
    ("lang", "body", "leg"),
    [
        (
            "vi",
            "Từ ngày 9-11/10, Tổng Bí thư Trần Văn Hòa thăm cấp Nhà nước Triều Tiên.",
            "KP",
        ),
        (
            "vi",
            "Trong hai ngày 5 và 6/6, Chủ tịch Quốc hội Trần Văn Hòa thăm chính thức Ca-na-đa.",
            "CA",
        ),
        (
            "en",
            "From Oct. 9 to 11, President Ivan Petrov of Chile will pay a state visit to Japan.",
            "JP",
        ),
    ],
)
def test_a_range_opening_a_visit_to_one_country_dates_that_leg(
    lang: str, body: str, leg: str
) -> None:
    facts = _facts(body, lang, date(2025, 10, 1))
    assert [w.value[0] for w in facts.leg_windows] == [leg]


def test_a_range_opening_a_visit_to_two_countries_dates_no_leg() -> None:
    body = "Từ ngày 9-14/10, Tổng Bí thư Trần Văn Hòa thăm cấp Nhà nước Triều Tiên và Mông Cổ."
    facts = _facts(body, "vi", date(2025, 10, 1))
    assert facts.leg_windows == []
    assert facts.trip_window is not None
