"""What else a trip report tells that names countries but is no leg (issue 12, items 1
and 4): another leader's trip ("as B made an unannounced trip to Kyiv"), a host's own
plans ("Tổng thống B sẽ ... và thăm Lầu Năm Góc trước khi trở về Manila"), a newspaper's
name ("Nhân dân Nhật báo"), a country's people or troops ("trẻ em U-crai-na", "quân
Italy"), "cho tới khi", trade curbs, a host's hopes, and a host's earlier tour; and a
visit the article never places, filed from a foreign dateline. Invented articles; each
row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import MOSCOW_DAY as MONDAY
from tests.support.reading import MOSCOW_LEAD_EN as EN_LEAD
from tests.support.reading import MOSCOW_LEAD_VI as VI_LEAD
from tests.support.reading import TOKYO_LEAD_EN, TOKYO_LEAD_VI, corpus_body, legs_of, read_article
from tests.support.reading import moscow_legs as _legs


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "The talks unfolded as Japanese Prime Minister Kenji Sato made an "
            "unannounced trip to Kyiv.",
            id="another-leader-made-a-trip",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Về phần mình, Tổng thống Nga Oleg Ivanov sẽ tiếp tục các cuộc gặp với "
            "giới doanh nghiệp và thăm Ca-dan trước khi tới Bắc Kinh.",
            id="host-and-then-verb",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Cùng ngày, Nhân dân Nhật báo đăng bài viết của ông Petrov về chuyến thăm.",
            id="nhat-bao",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm diễn ra vài ngày sau khi tòa án ra lệnh bắt giữ liên quan "
            "việc đưa trẻ em U-crai-na sang Nga.",
            id="vai-ngay-sau-khi-and-children",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm diễn ra vài ngày sau khi Mỹ và U-crai-na ký thỏa thuận.",
            id="vai-ngay-sau-khi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm diễn ra đúng thời điểm xung đột vũ trang bùng phát tại "
            "U-crai-na.",
            id="dien-ra-dung-thoi-diem",
        ),
        pytest.param(
            "en",
            EN_LEAD + "His visit was his first to Russia and followed trips earlier this month "
            "to Laos, for the ASEAN summit, and Indonesia.",
            id="followed-trips",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He has since taken a softer line towards China and has said he intends "
            "to travel there.",
            id="intends-to-travel",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Ông Petrov thăm bảo tàng về trận chiến năm 1812, nơi quân Pháp bị đánh bại.",
            id="quan-phap",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Ngày 21/3, Bộ Ngoại giao U-crai-na tuyên bố ông Petrov không được hoan "
            "nghênh tại U-crai-na cho tới khi ông rút lại phát ngôn.",
            id="cho-toi-khi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Analysts said the trip showed Moscow courting partners as it faces "
            "tariffs and investment curbs in the United States and Europe.",
            id="curbs-in",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Both hosts used the visit to look ahead: the Russian premier said he "
            "hoped to meet Petrov again at the APEC summit in Peru in November.",
            id="hoped-to-meet",
        ),
        pytest.param(
            "en",
            EN_LEAD + "On the afternoon he arrived he held talks with the Russian premier, "
            "who had just returned from a tour of New Zealand, Australia and Malaysia.",
            id="who-had-just-returned-from-a-list",
        ),
        pytest.param(
            "en",
            EN_LEAD + "His visit came on the heels of a meeting of foreign ministers from "
            "Japan, the United States, Australia and India.",
            id="on-the-heels-of",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The visit came less than a week before the pope leaves for Portugal, "
            "where he will attend an event in Lisbon.",
            id="came-less-than-a-week-before",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The itinerary mirrors that of his predecessor Anna Novak, who chose "
            "Russia, Thailand and Indonesia for her first trip abroad.",
            id="who-chose-a-list",
        ),
        pytest.param(
            "en",
            EN_LEAD + "His plane was expected to stop in Britain to refuel on the way back.",
            id="stop-to-refuel",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Critics say the trip rewards a government whose grain prices have "
            "soared since Iraq invaded Kuwait.",
            id="a-country-acts",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Theo chương trình, ngày 22/3, Tổng thống Petrov sẽ tham dự Hội nghị "
            "thượng đỉnh An ninh Mát-xcơ-va với lãnh đạo 4 nước thành viên Hội đồng Hợp tác "
            "(ABC) gồm Nga, Ca-ta, Cô-oét cùng Ô-man, trước khi kết thúc chuyến công du và "
            "trở về nước.",
            id="lanh-dao-gom",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyên cơ có một chặng dừng kỹ thuật để tiếp nhiên liệu tại Bồ Đào Nha.",
            id="dung-ky-thuat",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến thăm, ông Petrov đã gặp Đoàn đại biểu cấp cao Ai-len.",
            id="doan-dai-bieu-capitalised",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The trip comes amid a border standoff with China.",
            id="standoff-with",
        ),
        pytest.param(
            "en",
            EN_LEAD + "On this trip he skipped Kyiv, breaking with recent visitors.",
            id="skipped",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trong chuyến thăm này, ông Petrov bỏ qua U-crai-na.",
            id="bo-qua",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Moscow staged drills in August after a visit to Taipei by U.S. House "
            "Speaker Nancy Pelosi.",
            id="a-visit-by-someone-else",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Một số hãng tin đưa tin ông Petrov có thể sớm thăm A-rập Xê-út.",
            id="co-the-som-tham",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Some reports said Petrov may also visit Saudi Arabia.",
            id="may-visit",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến công du sẽ khép lại tại Mát-xcơ-va, nơi ông dự Hội nghị Thượng "
            "đỉnh Cộng đồng các quốc gia nói tiếng Bồ Đào Nha.",
            id="tieng-a-language",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm diễn ra khi căng thẳng Ấn Độ - Pa-ki-xtan leo thang.",
            id="cang-thang-a-b",
        ),
        pytest.param(
            "vi",
            "TTXVN/Vietnam+ - " + VI_LEAD,
            id="vietnam-plus",
        ),
    ],
)
def test_only_the_visit_is_a_leg(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["RU"]


def test_a_visit_never_placed_is_where_the_dateline_is() -> None:
    """Filed from MOSCOW, a state visit the article names no country for is in Russia; a
    report filed at home places nothing."""
    body = (
        "MOSCOW, March 21 (Reuters) - Chilean President Ivan Petrov is on a three-day state "
        "visit that began on Monday. He signed a joint statement on Tuesday."
    )
    facts = read_article(body, "en", date(2023, 3, 21), headline="Petrov signs a pact")
    assert [s.value for s in facts.itinerary] == ["RU"]


def test_a_summit_spoken_at_is_where_the_dateline_is() -> None:
    """Filed from KAZAN, a speech making the traveller's debut at a summit places him
    there, and the lead's subject is the traveller though the body names a U.N. chief
    more often."""
    body = (
        "KAZAN, Russia, Oct 24 - Chilean President Ivan Petrov told leaders gathered in "
        "Kazan on Thursday that the bloc should push back against protectionism, making "
        "his country's debut at a summit of the group.\n\nRussian President Vladimir Putin "
        "opened the meeting on Wednesday.\n\nOn the sidelines he also spoke "
        "with U.N. Secretary-General Antonio Guterres. Guterres' presence in Kazan has drawn "
        "criticism from Kyiv."
    )
    facts = read_article(body, "en", date(2024, 10, 24), headline="Bloc urged to shun tariffs")
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert [s.value for s in facts.itinerary] == ["RU"]


def test_a_dateline_at_home_places_nothing() -> None:
    body = (
        "SANTIAGO, March 21 (Reuters) - Chilean President Ivan Petrov is on a three-day state "
        "visit that began on Monday. He signed a joint statement on Tuesday."
    )
    facts = read_article(body, "en", date(2023, 3, 21), headline="Petrov signs a pact")
    assert facts.itinerary == []


def test_another_leader_s_visit_type_is_not_the_traveller_s() -> None:
    """ "B dự kiến tới Mát-xcơ-va ..., kết hợp dự hội nghị với chuyến thăm chính thức":
    B's official visit; the traveller's stays a state visit."""
    facts = read_article(
        VI_LEAD + "Chủ tịch Trung Quốc Lý Minh dự kiến tới Mát-xcơ-va vào tối cùng ngày, kết "
        "hợp dự hội nghị với chuyến thăm chính thức.",
        "vi",
        MONDAY,
        "6" * 64,
    )
    assert [(t.value[0], t.value[1].value) for t in facts.visit_types] == [("RU", "state")]


def test_a_week_long_tour_named_by_its_region_is_the_whole_journey() -> None:
    """ "mở đầu chuyến công du châu Phi kéo dài một tuần": the journey's length, not the
    first leg's."""
    facts = read_article(
        "Sáng 21/8, Tổng thống Chi-lê Ivan Petrov đã tới Johannesburg, mở đầu chuyến công du "
        "châu Phi kéo dài một tuần.",
        "vi",
        date(2023, 8, 21),
        "6" * 64,
    )
    assert [d.value for d in facts.leg_durations] == [(None, 7)]


def test_a_visit_by_the_traveller_stays_theirs() -> None:
    """ "A state visit to Russia by Chilean President Ivan Petrov": his own."""
    legs = _legs(
        "A state visit to Russia by Chilean President Ivan Petrov that was to begin next "
        "Tuesday has been postponed.",
        "en",
    )
    assert legs == ["RU"]


def test_another_leader_s_homecoming_is_theirs() -> None:
    """ "... some two months before B returns to the White House": B's move."""
    legs = _legs(
        "Chilean President Ivan Petrov arrived in Moscow on Monday for a state visit to "
        "Russia, a tour in which he will court new partners some two months before Donald "
        "Trump returns to the White House.",
        "en",
    )
    assert legs == ["RU"]


@pytest.mark.parametrize(
    ("body", "cancelled"),
    [
        pytest.param(
            "Chilean President Ivan Petrov will visit Japan from September 18 to 20. Late last "
            "month Mexican President Juan Ortega called off a planned trip to Japan by his "
            "foreign minister.",
            [],
            id="another-calls-off-anothers-trip",
        ),
        pytest.param(
            "Chilean President Ivan Petrov will visit Japan from September 18 to 20. On "
            "Tuesday Japanese Prime Minister Juan Ortega called off the planned visit by "
            "Petrov, citing a typhoon.",
            [None],  # the whole trip
            id="another-calls-off-the-travellers-trip",
        ),
    ],
)
def test_who_calls_a_trip_off(body: str, cancelled: list[str | None]) -> None:
    facts = read_article(body, "en", date(2024, 9, 5), "3" * 64)
    assert [c.value for c in facts.cancellations] == cancelled


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "Mexican Foreign Minister Juan Ortega, who flew in on Monday and met his "
            "hosts, is due to visit Egypt on Wednesday.",
            id="due-to-visit-after-an-aside-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "While Petrov is in Russia, Mexican President Juan Ortega is in Cairo for "
            "an official visit to Egypt.",
            id="another-is-in-a-place-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "His two-day visit ends just days before he meets Mexican leaders in Egypt.",
            id="days-before-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Chuyến thăm diễn ra chỉ ít ngày trước khi ông gặp lãnh đạo Mê-hi-cô tại "
            "Ai Cập.",
            id="it-ngay-truoc-khi-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tổng thống Ai Cập cũng mời ông Petrov thăm Ai Cập vào năm tới.",
            id="invitation-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tại cuộc gặp, ông Petrov đã nhận lời mời thăm Ai Cập trong thời gian sớm.",
            id="accepted-invitation-soon-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tại cuộc gặp, Tổng thống Petrov nhận lời mời sớm thăm Ai Cập.",
            id="accepted-invitation-to-visit-soon-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The visit is his fourth trip abroad this year, following stops in Egypt "
            "and Peru.",
            id="following-stops-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Thủ tướng Ru-ri-ta-ni-a Oleg Sokolov cũng có mặt tại Nairobi sau chuyến "
            "thăm Ai Cập.",
            id="another-leader-present-after-his-visit-vi",
        ),
    ],
)
def test_another_journey_or_a_wish_gives_no_leg(lang: str, body: str) -> None:
    assert "EG" not in _legs(body, lang)


def test_where_another_leader_would_be_and_fly_on_to_is_theirs() -> None:
    body = (
        "Prime Minister Ivan Petrov will pay an official visit to Cambodia on November 8-9 "
        "and then stay on in Phnom Penh for the 40th and 41st ASEAN Summits and related "
        "summits from November 10 to 13, the foreign ministry announced on Thursday. The "
        "White House said last week that US President Oleg Sokolov would be in Cambodia on "
        "November 12-13 for the US-ASEAN and East Asia summits before flying to Bali for the "
        "G20."
    )
    facts = read_article(body, "en", date(2022, 11, 3))
    assert [s.value for s in facts.itinerary] == ["KH"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            VI_LEAD + "Mát-xcơ-va là chặng thứ ba trong chuyến công du đầu tiên của Tổng thống "
            "Oleg Sokolov. Ông mở đầu hành trình bằng chuyến thăm cấp nhà nước Ai Cập từ ngày "
            "12-14/3.",
            id="vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Moscow is the third stop on Peruvian President Oleg Sokolov's first trip "
            "abroad. He began the journey with a state visit to Egypt on March 12-14.",
            id="en",
        ),
    ],
)
def test_a_journey_named_as_another_s_goes_on_in_the_next_sentence(lang: str, body: str) -> None:
    assert "EG" not in _legs(body, lang)


def test_the_traveller_s_own_move_beside_another_s_journey_stays_theirs() -> None:
    body = (
        EN_LEAD + "Petrov will fly on to Egypt on Wednesday, as Peruvian President Oleg "
        "Sokolov's trip to the region ends."
    )
    assert _legs(body, "en") == ["RU", "EG"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            VI_LEAD + "Chiều cùng ngày, Phó Tổng thống Mỹ rời Vác-sa-va tới Ai Cập, chặng tiếp "
            "theo trong chuyến công du của ông.",
            id="pho-tong-thong-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The vice president flew on to Egypt on Monday.",
            id="vice-president-en",
        ),
    ],
)
def test_a_deputy_named_by_title_alone_moves_on_their_own(lang: str, body: str) -> None:
    assert "EG" not in _legs(body, lang)


def test_a_deputy_who_travels_keeps_their_own_moves() -> None:
    body = (
        "Chilean Vice President Ivan Petrov arrived in Moscow on Monday for a visit to Russia. "
        "The vice president flew on to Egypt on Wednesday."
    )
    assert _legs(body, "en") == ["RU", "EG"]


def test_another_leader_back_in_his_capital_is_no_leg() -> None:
    """A corpus report (written for the corpus, in its own words) where "Putin, who also met
    Xi in Astana, was back in Moscow on Friday" follows Xi's Central Asian legs."""
    body = corpus_body("world/2024-07-xi-sco-astana-tajikistan", "05_en_return.txt")
    facts = read_article(body, "en", date(2024, 7, 6))
    assert "RU" not in [s.value for s in facts.itinerary]


def test_the_places_of_a_journey_owned_by_another_are_theirs() -> None:
    """A corpus summary (written for the corpus) of Steinmeier's visit: "diễn ra ngay sau
    chuyến công tác của Thủ tướng Phạm Minh Chính tại Thụy Sĩ, Hung-ga-ri và Ru-ma-ni"."""
    body = corpus_body("vn-inbound/2024-01-steinmeier-vietnam", "05_vi_summary.txt")
    legs = [s.value for s in read_article(body, "vi", date(2024, 1, 26)).itinerary]
    assert not {"CH", "HU", "RO"} & set(legs)


def test_a_journey_made_at_another_s_invitation_stays_the_traveller_s() -> None:
    body = (
        VI_LEAD + "Chuyến thăm cấp Nhà nước theo lời mời của Tổng thống Oleg Sokolov diễn ra "
        "từ ngày 20-22/3."
    )
    facts = read_article(body, "vi", MONDAY, "6" * 64)
    assert facts.trip_window is not None
    assert (facts.trip_window.value.start, facts.trip_window.value.end) == (
        date(2023, 3, 20),
        date(2023, 3, 22),
    )


def test_someone_named_earlier_and_then_by_a_short_name_moves_for_himself() -> None:
    body = (
        "President Ivan Petrov of Ruritania arrived in Tashkent on Thursday afternoon for a "
        "state visit to Uzbekistan. North Korea said on Thursday it had tested a new weapon, "
        "the first test it has announced since the Hanoi summit between Kim Jong Un and U.S. "
        "President Donald Trump broke down in February, and the Kremlin said Kim would visit "
        "Russia later this month."
    )
    assert _legs(body, "en") == ["UZ"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "vi",
            "Chuyến thăm I-xra-en chưa trọn một ngày của Tổng thống Ru-ri-ta-ni-a Ivan Petrov "
            "giúp mở cửa khẩu cho hàng cứu trợ, nhưng chặng Gioóc-đa-ni bị hủy.",
            id="chang-x-bi-huy-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania flew to Israel on Wednesday, but the Jordan "
            "leg of the trip was called off.",
            id="the-x-leg-was-called-off-en",
        ),
    ],
)
def test_a_leg_named_before_a_passive_call_off_is_the_one_called_off(lang: str, body: str) -> None:
    facts = read_article(body, lang, date(2024, 10, 19), "4" * 64)
    assert [c.value for c in facts.cancellations] == ["JO"]


def test_another_leader_attending_a_summit_elsewhere_the_same_day_is_theirs() -> None:
    body = TOKYO_LEAD_VI + (
        "Cũng trong ngày 10/6, tại Cairo, Thủ tướng Ru-ri-ta-ni-a Oleg Sokolov dự Hội nghị Cấp "
        "cao khu vực, trong khuôn khổ chuyến công tác Ai Cập từ ngày 9-10/6."
    )
    assert legs_of(body, "vi") == ["JP"]


def test_an_invitation_to_visit_is_no_leg() -> None:
    """ "Modi invited Lee to visit India": a visit some day, not this trip's."""
    body = TOKYO_LEAD_EN + "On the sidelines, Modi invited Petrov to visit India."
    assert legs_of(body, "en") == ["JP"]


def test_a_leader_named_by_office_and_another_country_moves_on_their_own() -> None:
    """ "because the U.S. president flew home early", in a report on a Korean leader's
    trip: no return of the traveller's; "the Korean president flew home" would be his."""
    other = read_article(
        "South Korean President Lee Min-ho will visit Tokyo on Saturday. A planned meeting "
        "with Trump at the summit never happened because the U.S. president flew home early.",
        "en",
        MONDAY,
    )
    assert other.returns == []
    own = read_article(
        "South Korean President Lee Min-ho visited Tokyo on Saturday. The talks ran late "
        "because the South Korean president flew home early.",
        "en",
        MONDAY,
    )
    assert len(own.returns) == 1
