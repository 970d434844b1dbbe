"""Which day a movement is told on, when one sentence tells two movements with a day each,
and what "ended" says when nothing follows it."""

from __future__ import annotations

from datetime import date

from tests.support.reading import read_article


def _departures(body: str, lang: str, published: date) -> list[tuple[str | None, date]]:
    facts = read_article(body, lang, published)
    return [(d.value.concluded_country, d.value.at.day) for d in facts.departures]


def _arrivals(body: str, lang: str, published: date) -> list[tuple[str, date]]:
    facts = read_article(body, lang, published)
    return [(a.value.country_code, a.value.at.day) for a in facts.arrivals]


def test_a_departure_takes_the_day_told_with_it_not_the_arrivals() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania returned home on Saturday morning after a "
        "summit in Italy. Petrov, who reached Rome late on Thursday, flew out of Italy late "
        "on Friday after a final round of talks."
    )
    assert _departures(body, "en", date(2024, 6, 15)) == [("IT", date(2024, 6, 14))]


def test_vi_an_arrival_and_a_departure_in_one_sentence_each_take_their_day() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới I-ta-li-a dự hội nghị thượng đỉnh G7. "
        "Ông đến sân bay Rome vào đêm 13/6 và rời I-ta-li-a về nước vào cuối ngày 14/6."
    )
    published = date(2024, 6, 15)
    assert _departures(body, "vi", published) == [("IT", date(2024, 6, 14))]
    assert _arrivals(body, "vi", published) == [("IT", date(2024, 6, 13))]


def test_vi_an_arrival_keeps_its_day_before_the_verb_over_a_lasting_until() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã kết thúc chuyến thăm Trung Quốc. "
        "Tối 18/10, Tổng thống Ru-ri-ta-ni-a tới Riyadh, bắt đầu chuyến thăm chính thức "
        "Ả-rập Xê-út kéo dài đến ngày 20/10."
    )
    assert _arrivals(body, "vi", date(2023, 10, 21)) == [("SA", date(2023, 10, 18))]


def test_a_day_of_a_later_clause_is_not_the_departures() -> None:
    body = (
        "President Ivan Petrov of Ruritania landed in Abu Dhabi on Saturday, having left "
        "Beijing that morning at the end of a state visit to China in which he met President "
        "Xi Jinping on Friday."
    )
    assert _departures(body, "en", date(2023, 4, 15)) == [("CN", date(2023, 4, 15))]


def test_vi_a_dinner_that_ended_concludes_no_visit() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Mỹ ngày 6/4 để hội đàm với Tổng thống Mỹ. "
        "Cũng trong tối 6/4, khi bữa tối vừa kết thúc, Mỹ đã phóng tên lửa vào Xy-ri."
    )
    facts = read_article(body, "vi", date(2017, 4, 7))
    assert facts.conclusions == []


def test_a_dinner_that_ended_concludes_no_visit() -> None:
    body = (
        "President Ivan Petrov of Ruritania arrived in Florida on Thursday for talks in the "
        "United States. As the dinner ended, the United States announced new sanctions."
    )
    facts = read_article(body, "en", date(2017, 4, 7))
    assert facts.conclusions == []


def test_of_two_days_told_with_an_arrival_the_nearer_is_its_day() -> None:
    body = (
        "President Ivan Petrov of Ruritania ended his visit to China. On Wednesday he "
        "arrived in Riyadh for a stay in Saudi Arabia lasting until Friday."
    )
    assert _arrivals(body, "en", date(2023, 10, 21)) == [("SA", date(2023, 10, 18))]


def test_vi_a_departure_from_an_airport_named_before_its_city() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Nam Phi dự Hội nghị thượng đỉnh BRICS. "
        "Chuyên cơ đã rời sân bay quốc tế O.R. Tambo ở thành phố Giô-han-ne-xbớc, Nam Phi, "
        "lúc 14h35 chiều 24/8 theo giờ địa phương."
    )
    assert _departures(body, "vi", date(2023, 8, 25)) == [("ZA", date(2023, 8, 24))]


def test_an_arrival_names_no_place_it_came_from() -> None:
    body = (
        "President Ivan Petrov of Ruritania attended the APEC summit in Peru and the G20 in "
        "Brazil. Petrov flew into Rio late on Saturday from Lima, where he had spent three "
        "days at the APEC meetings."
    )
    assert ("PE", date(2024, 11, 16)) not in _arrivals(body, "en", date(2024, 11, 19))


def test_vi_an_arrival_names_no_place_left_on_the_way() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov dự Hội nghị G20 tại Bra-xin rồi thăm Anh. Tổng "
        "thống đến sân bay Stansted sáng 20/11, sau khi rời Rio de Janeiro tối 19/11."
    )
    assert ("BR", date(2024, 11, 20)) not in _arrivals(body, "vi", date(2024, 11, 22))


def test_vi_where_a_departure_heads_is_no_arrival() -> None:
    body = (
        "Thủ tướng Ấn Độ Ivan Petrov đặt chân tới Washington tối 24/6 (giờ địa phương). "
        "Theo lịch trình, ông rời Washington ngay trong đêm 26/6 để tới Hà Lan, điểm dừng "
        "chân cuối cùng."
    )
    assert ("NL", date(2017, 6, 26)) not in _arrivals(body, "vi", date(2017, 6, 27))


def test_vi_a_day_the_stay_lasts_to_is_not_the_arrivals() -> None:
    body = (
        "Thủ tướng Ru-ri-ta-ni-a Ivan Petrov rời Bru-nây chiều 4/9. Chiều cùng ngày, ông đặt "
        "chân tới Singapore, bắt đầu chuyến thăm chính thức kéo dài đến ngày 5/9."
    )
    assert ("SG", date(2024, 9, 5)) not in _arrivals(body, "vi", date(2024, 9, 5))


def test_a_range_weeks_after_a_move_told_beside_it_is_a_later_journey_s() -> None:
    body = (
        "Prime Minister Ivan Petrov of Ruritania arrived in Washington on Sunday for an "
        "official visit to the United States. Petrov left home on Sunday hours after "
        "announcing that he will travel to China from Nov. 4 to 7."
    )
    facts = read_article(body, "en", date(2023, 10, 23))
    assert [w.value[0] for w in facts.leg_windows] == []


def test_a_day_opening_a_clause_after_a_semicolon_is_that_clause_s() -> None:
    """ "...tới Bru-nây tối 10/3 ...; ngày 12/3, ông rời Bru-nây": the 12th is the day he
    left, not another day of the arrival told before the semicolon."""
    vi = (
        "Trước đó, tối 10/3, Tổng thống Chi-lê Ivan Petrov tới Bru-nây và ngày hôm sau hội đàm "
        "với Quốc vương; ngày 12/3, ông rời Bru-nây sang Ma-lai-xi-a."
    )
    en = (
        "President Ivan Petrov of Chile arrived in Brunei on March 10; on March 12, he left "
        "Brunei for Malaysia."
    )
    for body, lang in ((vi, "vi"), (en, "en")):
        assert _departures(body, lang, date(2019, 3, 17)) == [("BN", date(2019, 3, 12))]
        assert _arrivals(body, lang, date(2019, 3, 17)) == [("BN", date(2019, 3, 10))]


def test_vi_leaving_told_after_an_arrival_the_evening_before_is_on_that_day() -> None:
    """ "Ngày 15/2, ... người tới Ca-ta tối hôm trước sau khi rời Riyadh": the arrival is on
    the 14th ("tối hôm trước", the evening before the day written), and leaving Riyadh,
    told as part of that move with no day of its own, is on that day, not the 15th."""
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov thăm Ả-rập Xê-út và Ca-ta. Ngày 15/2, tại Doha, "
        "Quốc vương Ca-ta đã hội đàm với Tổng thống Ru-ri-ta-ni-a Ivan Petrov, người tới Ca-ta "
        "tối hôm trước sau khi rời Riyadh."
    )
    published = date(2017, 2, 15)
    assert _departures(body, "vi", published) == [("SA", date(2017, 2, 14))]
