"""Which visit type a sentence gives which stop (issue 12, item 5): not a visit someone is
invited to make some day, not the place the traveller leaves, not another leader's visit
told in the next clause. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import VisitType
from tests.support.reading import read_article


def _types(body: str, lang: str) -> set[tuple[str, VisitType]]:
    facts = read_article(body, lang, date(2023, 8, 23), "9" * 64)
    return {t.value for t in facts.visit_types}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            "Indian Prime Minister Ivan Petrov arrived in Johannesburg on August 22 for a "
            "summit. Petrov accepted an invitation to return to South Africa for a state visit "
            "at a date still to be fixed.",
            id="date-to-be-fixed-en",
        ),
        pytest.param(
            "vi",
            "Chiều 22/8, Thủ tướng Ấn Độ Ivan Petrov đã tới Johannesburg dự hội nghị thượng "
            "đỉnh. Ông Petrov nhận lời mời thăm cấp Nhà nước tới Nam Phi vào thời điểm thích "
            "hợp.",
            id="thoi-diem-thich-hop-vi",
        ),
    ],
)
def test_a_visit_invited_with_no_date_types_nothing(lang: str, body: str) -> None:
    assert ("ZA", VisitType.STATE) not in _types(body, lang)


def test_the_place_left_takes_no_type_of_the_next_visit() -> None:
    body = (
        "Indian Prime Minister Ivan Petrov arrived in Johannesburg on August 22 for a summit. "
        "Petrov was scheduled to leave South Africa on Thursday night and arrive in Athens on "
        "Friday for a day-long official visit."
    )
    assert ("ZA", VisitType.OFFICIAL) not in _types(body, "en")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Egyptian President Karim Hassan will attend the summit in Xiamen next week. After "
            "China, Hassan will head to Hanoi for an official visit.",
        ),
        (
            "vi",
            "Tổng thống Ai Cập Karim Hassan sẽ dự Hội nghị thượng đỉnh tại Hạ Môn. Sau Trung "
            "Quốc, ông Hassan sẽ tới Hà Nội thăm chính thức.",
        ),
    ],
)
def test_the_stay_a_sentence_opens_after_takes_no_type_of_the_next(lang: str, body: str) -> None:
    types = _types(body, lang)
    assert ("CN", VisitType.OFFICIAL) not in types
    assert ("VN", VisitType.OFFICIAL) in types


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            "Chiều 22/8, Thủ tướng Ấn Độ Ivan Petrov đã tới Johannesburg dự hội nghị thượng "
            "đỉnh. Chủ tịch Mê-hi-cô Juan Ortega đã tới Nam Phi tối 21/8; ông Ortega kết hợp dự "
            "hội nghị với chuyến thăm cấp Nhà nước tới Nam Phi.",
            id="ong-goes-on-after-semicolon-vi",
        ),
        pytest.param(
            "en",
            "Indian Prime Minister Ivan Petrov arrived in Johannesburg on August 22 for a "
            "summit. Mexican President Juan Ortega is expected to attend and to combine the "
            "summit with a state visit to South Africa.",
            id="another-attends-en",
        ),
        pytest.param(
            "en",
            "Indian Prime Minister Ivan Petrov arrived in Johannesburg on August 22 for a "
            "summit. A meeting with Mexican President Juan Ortega, who is being received on a "
            "state visit by South Africa, had not been confirmed.",
            id="another-is-received-en",
        ),
        pytest.param(
            "vi",
            "Chiều 22/8, Thủ tướng Ấn Độ Ivan Petrov đã tới Johannesburg dự hội nghị thượng "
            "đỉnh. Sau chuyến thăm cấp Nhà nước Nam Phi, Tổng thống Mê-hi-cô Juan Ortega cũng "
            "sẽ dự hội nghị thượng đỉnh.",
            id="opening-clause-of-another-vi",
        ),
    ],
)
def test_another_leaders_visit_type_is_theirs(lang: str, body: str) -> None:
    assert ("ZA", VisitType.STATE) not in _types(body, lang)


def test_the_traveller_named_after_the_semicolon_keeps_the_type() -> None:
    body = (
        "Chiều 22/8, Tổng thống Ấn Độ Ivan Petrov đã tới Johannesburg dự hội nghị thượng đỉnh. "
        "Chủ tịch Mê-hi-cô Juan Ortega đã tới Nam Phi tối 21/8; ông Petrov kết hợp dự hội nghị "
        "với chuyến thăm cấp Nhà nước tới Nam Phi."
    )
    assert ("ZA", VisitType.STATE) in _types(body, "vi")


def test_a_countrys_group_of_seven_partners_are_no_summit_attended() -> None:
    body = (
        "President Ivan Petrov of Ruritania will arrive in Tokyo on Thursday for an official "
        "visit to Japan, at the invitation of a prime minister who has courted him despite "
        "misgivings among Japan's Group of Seven partners."
    )
    assert _types(body, "en") == {("JP", VisitType.OFFICIAL)}


@pytest.mark.parametrize(
    "body",
    [
        "Mexican President Ivan Petrov will travel to Turkey this week for the Group of 20 "
        "summit and then fly on to the Philippines for a state visit.",
        "Mexican President Ivan Petrov headed home on Thursday at the end of a six-day trip that "
        "took him to the G20 summit in Turkey and to the Philippines, where he made a state "
        "visit.",
    ],
)
def test_a_visit_after_a_move_on_types_the_country_moved_to(body: str) -> None:
    assert _types(body, "en") == {("TR", VisitType.EVENT), ("PH", VisitType.STATE)}


def test_where_the_traveller_meets_the_hosts_is_no_summit() -> None:
    body = (
        "Pakistani Prime Minister Ivan Petrov will visit Iran and Turkey. The tour is to begin "
        "in Tehran on May 25, where the prime minister will meet senior Iranian leaders "
        "through May 26."
    )
    assert ("IR", VisitType.EVENT) not in _types(body, "en")
    # leaders who gather there make one
    summit = (
        "Pakistani Prime Minister Ivan Petrov will fly to Astana on July 3, where the leaders "
        "of the Shanghai Cooperation Organisation will meet."
    )
    assert ("KZ", VisitType.EVENT) in _types(summit, "en")


def test_a_meeting_where_the_traveller_goes_is_not_the_place_lefts() -> None:
    # the meeting is in Hanover (a city the gazetteer lacks), not in Britain, being left
    body = (
        "President Ivan Petrov of Ruritania is on a visit to Britain. He leaves Britain on "
        "Sunday for Hanover, where he will meet the German chancellor and open a trade fair."
    )
    assert ("GB", VisitType.EVENT) not in _types(body, "en")
    # the place left where the summit was stays the summit's
    left = (
        "President Ivan Petrov of Ruritania left Rio de Janeiro for London on Tuesday "
        "evening, wrapping up two days at the Group of 20 summit."
    )
    assert _types(left, "en") == {("BR", VisitType.EVENT)}


def test_people_living_and_working_somewhere_make_no_working_visit_vi() -> None:
    body = (
        "Ngày 23/10, Thủ tướng Ru-ri-ta-ni-a Ivan Petrov tới Kazan dự Hội nghị BRICS mở rộng "
        "tại Nga. Chiều 23/10, ông gặp gỡ đại diện cộng đồng người Ru-ri-ta-ni-a đang sinh "
        "sống, làm việc tại Nga."
    )
    assert ("RU", VisitType.WORKING) not in _types(body, "vi")


def test_a_stop_told_after_the_visit_takes_neither_its_type_nor_its_length() -> None:
    body = (
        "Chilean President Ivan Petrov is on a tour of Indonesia, Malaysia and Singapore. "
        "He flew in on Thursday for a three-day official visit, after stopping earlier in the "
        "day in Malaysia to meet its prime minister."
    )
    facts = read_article(body, "en", date(2018, 6, 1), "9" * 64)
    assert ("MY", VisitType.OFFICIAL) not in {t.value for t in facts.visit_types}
    assert ("MY", 3) not in [d.value for d in facts.leg_durations]


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        (
            "en",
            "President Ivan Petrov of Ruritania arrived in New York on Sunday for the UN "
            "General Assembly.",
            "US",
        ),
        (
            "en",
            "President Ivan Petrov of Ruritania arrived in Moscow on Wednesday to attend "
            "the Victory Day parade.",
            "RU",
        ),
        (
            "en",
            "President Ivan Petrov of Ruritania arrived in Tokyo on Monday to attend the "
            "enthronement ceremony of the new emperor.",
            "JP",
        ),
        (
            "vi",
            "Chiều 7/5, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Mát-xcơ-va để dự lễ "
            "duyệt binh kỷ niệm Ngày Chiến thắng.",
            "RU",
        ),
        # the traveller's own country joined to the summit's name is no place gone to
        (
            "en",
            "Indian Prime Minister Narendra Modi arrived in Vientiane on Thursday to attend "
            "the ASEAN-India summit and the East Asia Summit.",
            "LA",
        ),
    ],
)
def test_events_a_leader_flies_in_for_are_attended(lang: str, body: str, country: str) -> None:
    assert _types(body, lang) == {(country, VisitType.EVENT)}


def test_the_travellers_own_opening_clause_keeps_its_type() -> None:
    """ "Sau chuyến thăm ... của ông Petrov, ông Ortega ...": the traveller named in the
    opening clause keeps it, whoever the next clause is about."""
    body = (
        "Chiều 22/8, Thủ tướng Ấn Độ Ivan Petrov đã tới Johannesburg dự hội nghị thượng đỉnh. "
        "Sau chuyến thăm cấp Nhà nước Nam Phi của ông Petrov, Tổng thống Mê-hi-cô Juan Ortega "
        "cũng sẽ dự hội nghị thượng đỉnh."
    )
    assert ("ZA", VisitType.STATE) in _types(body, "vi")
