"""A leader's tour of summits and state visits, as wires and the Vietnamese press tell it
(issue 12: who travels, the itinerary, certainty at the source). Other leaders' journeys,
the institutions that speak for a country, the clock of the capital, an invitation passed
on, a summit venue named alone: none of them is a leg; a summit's venue, a few hours'
stop and a week-long tour are read for what they are. Invented articles around invented
people; each test fails without its rule (checked by mutating it)."""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from bench.accuracy import CORPUS
from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article
from tests.support.reading import read_article

FRIDAY = date(2024, 11, 8)


def _read(body: str, lang: str = "en", published: date = FRIDAY) -> ArticleFacts:
    return read_article(body, lang, published, "5" * 64)


def _legs(body: str, lang: str = "en", published: date = FRIDAY) -> list[str]:
    return [s.value for s in _read(body, lang, published).itinerary]


@pytest.mark.parametrize(
    ("body", "lang", "legs"),
    [
        pytest.param(
            "Chilean President Ivan Petrov will travel to Egypt next month for a climate "
            "conference. Vice President Ana Soto will make her own trip once the president is "
            "home, standing in for Chile at the Pacific leaders' meeting in Bangkok on Nov. "
            "18-19 before going on to Manila.",
            "en",
            ["EG"],
            id="a-long-clause-of-another-subject",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã rời Bali chiều 16/11. Phó Tổng thống Ana Soto sẽ "
            "thay ông Petrov dự hội nghị APEC ở Băng Cốc (Thái Lan), sau đó thăm Phi-líp-pin.",
            "vi",
            ["ID"],
            id="thay-ong-x",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đến Bali tối 13/11. Chủ tịch Mông Cổ Bat Erdene tới "
            "Bali chiều 14/11. Theo Bộ Ngoại giao Mông Cổ, ông dự G20 đến ngày 16/11, sau đó "
            "thăm Thái Lan.",
            "vi",
            ["ID"],
            id="ong-goes-on-with-the-other-leader",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will fly to Bali on Sunday for the Group of 20 "
            "summit, and on Monday he is expected to meet China's Xi Jinping.",
            "en",
            ["ID"],
            id="a-country-owns-its-leader",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov sẽ tới Jakarta ngày 12/11, theo Bộ Ngoại giao Trung "
            "Quốc và phía Nhật Bản.",
            "vi",
            ["ID"],
            id="institutions-speak-for-a-country",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will arrive in Jakarta on Tuesday, China's foreign "
            "ministry said.",
            "en",
            ["ID"],
            id="a-country-s-ministry",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã tới Phnom Penh sáng 9/11. Thủ tướng Trần Văn Hòa "
            "đã trao đổi với Tổng thống Petrov, chuyển lời mời thăm Việt Nam của lãnh đạo cấp "
            "cao Việt Nam.",
            "vi",
            ["KH"],
            id="an-invitation-passed-on",
        ),
        pytest.param(
            "Chilean President Ivan Petrov flew to Bali on Sunday, ending two days of summits "
            "in Cambodia where he secured closer coordination with Japan and South Korea.",
            "en",
            ["ID", "KH"],
            id="coordination-with",
        ),
        pytest.param(
            "Tối 29/11 (giờ địa phương, tức sáng 30/11 giờ Hà Nội), Tổng thống Chi-lê Ivan "
            "Petrov đã tới Buenos Aires.",
            "vi",
            ["AR"],
            id="gio-ha-noi",
        ),
        pytest.param(
            "Chilean President Ivan Petrov flew to Buenos Aires on Friday, landing at 8 p.m. "
            "(0700 Hanoi time).",
            "en",
            ["AR"],
            id="hanoi-time",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov sẽ lên đường công du vào cuối tháng. Theo lịch "
            "trình, nhà lãnh đạo Chi-lê sẽ ở Tây Ban Nha từ ngày 27 đến 29/11, rồi thăm "
            "Pa-na-ma từ ngày 2 đến 3/12.",
            "vi",
            ["ES", "PA"],
            id="se-o-a-country",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will be in Sharm el-Sheikh on Nov. 11 for the climate "
            "talks.",
            "en",
            ["EG"],
            id="will-be-in-a-venue",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will fly out later on Friday for Phnom Penh.",
            "en",
            ["KH"],
            id="fly-out-for",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov sẽ ở Tây Ban Nha từ ngày 27 đến 29/11. Giữa tháng "
            "11, Tổng thống Petrov vừa dự hội nghị APEC tại Port Moresby, Papua New Guinea.",
            "vi",
            ["ES"],
            id="a-visit-done-before-a-trip-ahead",
        ),
    ],
)
def test_no_leg_for_what_is_someone_else_s(body: str, lang: str, legs: list[str]) -> None:
    assert _legs(body, lang) == legs


def test_a_range_in_another_leader_s_sentence_dates_nothing() -> None:
    facts = _read(
        "Chilean President Ivan Petrov will travel to Egypt next month for a climate "
        "conference. Vice President Ana Soto will make her own trip once the president is "
        "home, standing in for Chile at the Pacific leaders' meeting in Bangkok on Nov. 18-19 "
        "before going on to Manila."
    )
    assert facts.trip_window is None


def test_a_visitor_who_receives_callers_still_travels() -> None:
    """Receiving callers after arriving does not make the visitor a host."""
    facts = _read(
        "Tối 2/12, chuyên cơ chở Chủ tịch Mông Cổ Bat Erdene đã hạ cánh xuống sân bay Tocumen, "
        "bắt đầu chuyến thăm cấp Nhà nước Pa-na-ma. Tổng thống Pa-na-ma Juan Reyes đã đón "
        "khách tại chân cầu thang máy bay. Tháng 11/2023, ông Reyes đã thăm Ulan Bato. Ông "
        "Erdene cũng sẽ tiếp Chủ tịch Quốc hội Ana Soto.",
        "vi",
        date(2024, 12, 3),
    )
    assert facts.principal is not None and facts.principal.value.name == "Bat Erdene"


@pytest.mark.parametrize(
    ("body", "lang", "country"),
    [
        pytest.param(
            "Chilean President Ivan Petrov arrived in Sharm el-Sheikh on Friday for the COP27 "
            "climate conference.",
            "en",
            "EG",
            id="cop-is-a-summit",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will arrive in Bali on Sunday for the G20 summit.",
            "en",
            "ID",
            id="bali-is-a-venue",
        ),
    ],
)
def test_a_summit_venue_named_alone(body: str, lang: str, country: str) -> None:
    facts = _read(body, lang)
    assert (country, VisitType.EVENT) in [t.value for t in facts.visit_types]


def test_a_stay_with_its_own_days_is_not_for_the_summit_after_it() -> None:
    facts = _read(
        "Tổng thống Chi-lê Ivan Petrov sẽ ở Tây Ban Nha từ ngày 27 đến 29/11, dự hội nghị G20 "
        "trong hai ngày 30/11 - 1/12 rồi thăm Ác-hen-ti-na.",
        "vi",
    )
    assert ("ES", VisitType.EVENT) not in [t.value for t in facts.visit_types]


@pytest.mark.parametrize(
    ("body", "lang", "durations"),
    [
        pytest.param(
            "Chilean President Ivan Petrov arrived in Cairo on Friday for a visit of only a few "
            "hours.",
            "en",
            [("EG", 1)],
            id="a-few-hours",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov tới Campuchia sau vài giờ dừng chân tại Cai-rô, Ai "
            "Cập hôm 11/11.",
            "vi",
            [("EG", 1)],
            id="vai-gio-dung-chan",
        ),
        pytest.param(
            "Chilean President Ivan Petrov left Lisbon on Wednesday, wrapping up a nine-day, "
            "four-nation tour of Europe and Latin America with a state visit to Portugal.",
            "en",
            [(None, 9)],
            id="a-nine-day-four-nation-tour",
        ),
        pytest.param(
            "Chuyến công du kéo dài gần một tuần của Tổng thống Chi-lê Ivan Petrov bắt đầu tại "
            "Cai-rô, Ai Cập, ngày 11/11.",
            "vi",
            [(None, 7)],
            id="chuyen-cong-du-keo-dai",
        ),
    ],
)
def test_how_long_a_stay_or_a_tour_is(
    body: str, lang: str, durations: list[tuple[str | None, int]]
) -> None:
    facts = _read(body, lang, date(2024, 11, 12))
    assert [d.value for d in facts.leg_durations] == durations


def test_the_first_stop_is_the_place_named_nearest_it() -> None:
    """Japan is named twice (Tokyo, then Japan right before "his first stop"); the tour
    "will also take him to South Korea": Japan leads."""
    assert _legs(
        "Chilean President Ivan Petrov arrived in Tokyo on Sunday for a four-day official "
        "visit to Japan, his first stop on an Asian tour that will also take him to South "
        "Korea, the presidency said."
    ) == ["JP", "KR"]


def test_a_leader_to_come_after_another_is_no_background() -> None:
    """ "the second leader to come this month after Mexico's president" sets no journey
    aside ("the visit comes a day after ..." does)."""
    assert _legs(
        "Chilean President Ivan Petrov arrived in Tokyo on Sunday, the second Latin American "
        "leader to come this month after Mexico's president."
    ) == ["JP"]


def test_a_leader_named_without_a_title_is_found_by_the_table() -> None:
    """ "Barack Obama became the first sitting U.S. president to visit Laos": the table of
    office holders says who he is, so he travels."""
    facts = _read(
        "Barack Obama became the first sitting U.S. president to visit Laos when Air Force "
        "One landed in Vientiane on Monday. Obama had flown in from Hangzhou after the G20 "
        "summit.",
        published=date(2016, 9, 5),
    )
    assert facts.principal is not None
    assert (facts.principal.value.name, facts.principal.value.title) == (
        "Barack Obama",
        "President",
    )
    assert [s.value for s in facts.itinerary] == ["LA"]


def test_of_two_travellers_the_headline_leads() -> None:
    facts = read_article(
        "Nhà Trắng cho biết Tổng thống Chi-lê Ivan Petrov sẽ không gặp Tổng thống Mông Cổ Bat "
        "Erdene. Quyết định được đưa ra sau khi ông Erdene, trước lúc rời Ulan Bato sang Lào, "
        "chỉ trích ông Petrov. Chiều 6/9, ông Petrov đã tới Phủ Chủ tịch Lào.",
        "vi",
        date(2016, 9, 6),
        "5" * 64,
        headline="Ông Petrov hủy gặp Tổng thống Mông Cổ",
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"


@pytest.mark.parametrize(
    ("body", "lang", "legs"),
    [
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã tới Viêng Chăn tối 5/9. Trưa 6/9, Thủ tướng Trần "
            "Văn Hòa và Đoàn đại biểu cấp cao Việt Nam cũng đã tới Viêng Chăn dự hội nghị.",
            "vi",
            ["LA"],
            id="another-leader-and-his-delegation",
        ),
        pytest.param(
            "Tổng thống Chi-lê Ivan Petrov đã về tới Santiago sáng 11/9. Chủ tịch Mông Cổ Bat "
            "Erdene, người ngồi cạnh ông Petrov tại tiệc chiêu đãi tối 9/9, đã từ Niu Đê-li tới "
            "Hà Nội chiều 10/9.",
            "vi",
            [],
            id="an-aside-names-no-subject",
        ),
        pytest.param(
            "Chiều 4/11, Tổng thống Chi-lê Ivan Petrov đã tới Thượng Hải. Ngay sau khi tới nơi, "
            "ông Petrov gặp gỡ doanh nhân Chi-lê và Đức.",
            "vi",
            ["CN"],
            id="doanh-nhan",
        ),
        pytest.param(
            "Chilean President Ivan Petrov ended his state visit to China on Wednesday, saying "
            "he had raised the unrest in Hong Kong with his hosts.",
            "en",
            ["CN"],
            id="unrest-in",
        ),
    ],
)
def test_more_that_is_someone_else_s(body: str, lang: str, legs: list[str]) -> None:
    assert _legs(body, lang, date(2023, 9, 11) if "Santiago sáng" in body else FRIDAY) == legs


def test_last_november_is_another_journey() -> None:
    legs = _legs(
        "Chilean President Ivan Petrov will leave on Sept. 5 on a trip that takes him first to "
        "Indonesia for summits. Last November he flew to Phnom Penh for the ASEAN summits.",
        published=date(2023, 8, 31),
    )
    assert legs == ["ID"]


def test_a_title_with_a_comma_still_names_the_traveller() -> None:
    """ "Tổng Bí thư, Chủ tịch nước A và Phu nhân cùng Đoàn ... đã tới Viêng Chăn": the
    traveller heads the clause although the clause starts inside the title."""
    legs = _legs(
        "Tổng Bí thư, Chủ tịch nước Trần Văn Hòa đã tới Bắc Kinh ngày 18/8, bắt đầu chuyến thăm "
        "cấp Nhà nước Trung Quốc. Tối 20/8, Tổng Bí thư, Chủ tịch nước Trần Văn Hòa và Phu nhân "
        "cùng Đoàn đại biểu cấp cao Việt Nam đã tới Viêng Chăn.",
        "vi",
        date(2024, 8, 21),
    )
    assert legs == ["CN", "LA"]


def test_last_november_during_a_trip_is_another_journey() -> None:
    legs = _legs(
        "Chilean President Ivan Petrov arrived in Jakarta on Sept. 5 for summits. Last "
        "November he flew to Phnom Penh for the ASEAN summits.",
        published=date(2023, 9, 7),
    )
    assert legs == ["ID"]


@pytest.mark.parametrize(
    ("body", "legs"),
    [
        pytest.param(
            "Chilean President Ivan Petrov wrapped up a two-day state visit to China on Friday "
            "in Harbin, telling reporters that his army was not aiming to capture Peru's second "
            "city, Arequipa.",
            ["CN"],
            id="capture",
        ),
        pytest.param(
            "Chilean President Ivan Petrov wrapped up his state visit to China on Friday. "
            "Speaking to reporters travelling with him before he left China, Petrov said the "
            "offensive launched this month in the Arequipa region was meant to carve out a "
            "buffer zone.",
            ["CN"],
            id="offensive-in",
        ),
        pytest.param(
            "Chilean President Ivan Petrov arrived in Beijing on Thursday for a state visit to "
            "China. Peruvian President Ana Soto, speaking in Arequipa, said on Wednesday she "
            "was calling off all her upcoming foreign trips.",
            ["CN"],
            id="someone-else-s-trips",
        ),
    ],
)
def test_no_leg_where_a_war_is_or_someone_else_s_trips_are(body: str, legs: list[str]) -> None:
    assert _legs(body, published=date(2024, 5, 17)) == legs


@pytest.mark.parametrize(
    ("body", "lang", "legs"),
    [
        pytest.param(
            "Chilean President Ivan Petrov left Hanoi on Saturday at the end of a state visit "
            "to Vietnam, a tour in which he sought new markets as U.S. tariffs rattle trade.",
            "en",
            ["VN"],
            id="us-as-an-adjective",
        ),
        pytest.param(
            "Chilean President Ivan Petrov left Hanoi on Saturday for a state visit to the "
            "U.S. next week.",
            "en",
            ["VN", "US"],
            id="to-the-us-next-week",
        ),
    ],
)
def test_a_country_that_qualifies_names_no_leg(body: str, lang: str, legs: list[str]) -> None:
    assert _legs(body, lang, date(2024, 10, 12)) == legs


def test_a_leader_called_by_a_middle_name_is_the_traveller() -> None:
    """ "Luiz Inácio Lula da Silva" ... "ông Lula sẽ thăm cấp Nhà nước Nhật Bản": Lula is the
    traveller, so Japan is a leg (it was read as someone else's visit)."""
    legs = _legs(
        "Tổng thống Bra-xin Luiz Inácio Lula da Silva sẽ thăm cấp Nhà nước Việt Nam từ ngày "
        "27-29/3. Trước khi tới Việt Nam, ông Lula sẽ thăm cấp Nhà nước Nhật Bản.",
        "vi",
        date(2025, 3, 23),
    )
    assert legs == ["JP", "VN"]


def test_a_country_s_delegation_is_not_where_a_summit_is() -> None:
    """ "Thủ tướng A đang dẫn đầu đoàn Việt Nam dự Hội nghị ... từ ngày 8 đến 11/10": the
    summit is not held in Vietnam, which the traveller visits afterwards."""
    facts = _read(
        "Tổng thống Chi-lê Ivan Petrov sẽ thăm chính thức Việt Nam từ ngày 12 đến 14/10. Trước "
        "khi tới Hà Nội, ông Petrov sẽ có mặt tại Viêng Chăn để dự Hội nghị Cấp cao ASEAN - "
        "Chi-lê. Cũng tại Viêng Chăn, Thủ tướng Trần Văn Hòa đang dẫn đầu đoàn Việt Nam dự Hội "
        "nghị Cấp cao ASEAN lần thứ 44, 45 và các hội nghị cấp cao liên quan, diễn ra từ ngày 8 "
        "đến 11/10 theo lời mời của Thủ tướng Lào.",
        "vi",
        date(2024, 10, 9),
    )
    assert all(e.value[0] != "VN" for e in facts.event_windows)


def test_a_delegation_at_a_summit_in_a_dev_article() -> None:
    """The dev corpus article this rule came from: "Cũng tại Viêng Chăn, Thủ tướng Phạm Minh
    Chính đang dẫn đầu đoàn Việt Nam dự Hội nghị ... từ ngày 8 đến 11/10" dates no summit
    in Vietnam, which Li Qiang visits after Laos."""
    path = CORPUS / "vn-inbound/2024-10-li-qiang-laos-vietnam/02_vi_announcement.txt"
    parsed = parse_article(path.read_text(encoding="utf-8"), "vi")
    parsed = msgspec.structs.replace(parsed, published_on=date(2024, 10, 9))
    facts = extract(parsed, "5" * 64)
    assert all(not e.value[0].startswith("VN") for e in facts.event_windows)


@pytest.mark.parametrize(
    ("body", "lang", "dated"),
    [
        (
            "German Chancellor Olaf Scholz wrapped up a visit to South Africa on Tuesday. "
            "South Africa is invited to the G7 summit Scholz will host in Elmau June 26-28.",
            "en",
            False,
        ),
        (
            "Thủ tướng Phạm Minh Chính kết thúc chuyến thăm Lào hôm 23/5. Lào sẽ dự Hội nghị "
            "Cấp cao Mê Công do Thủ tướng Chính chủ trì ngày 26-28/5.",
            "vi",
            False,
        ),
        # hosted by someone else: the summit there dates the leg
        (
            "Nigerian President Bola Tinubu arrived in India on Tuesday. India is the venue of "
            "the G20 summit Modi will host in New Delhi on September 9-10.",
            "en",
            True,
        ),
    ],
)
def test_a_summit_the_traveller_hosts_dates_no_leg(body: str, lang: str, dated: bool) -> None:
    facts = read_article(body, lang, date(2022, 5, 24))
    assert bool(facts.event_windows) is dated
