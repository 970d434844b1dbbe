"""Countries a trip report names that are not where the traveller goes (issue 12, items 4
and 5): its leaders, firms and troubles, an event the visit is set against, and the
traveller's earlier journeys. Invented articles; each row fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import TOKYO_LEAD_EN, TOKYO_LEAD_VI, legs_of, read_article

EN_LEAD, VI_LEAD = TOKYO_LEAD_EN, TOKYO_LEAD_VI


_legs = legs_of


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param(
            "en",
            EN_LEAD + "He will sign agreements on chips to reduce reliance on China.",
            id="relation-with-a-country-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The two sides will discuss the war in Ukraine on Tuesday.",
            id="situation-in-a-country-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The visit comes a day after a summit in India that he attended.",
            id="comes-after-another-event-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The trip comes ahead of a Group of Seven meeting in Italy.",
            id="comes-ahead-of-another-event-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Petrov, who visited Australia and New Zealand in March, will travel "
            "to Osaka on Wednesday.",
            id="relative-clause-on-an-earlier-journey-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Đoàn doanh nghiệp sẽ đến Osaka; nhiều doanh nghiệp Hàn Quốc cũng tham dự.",
            id="firms-of-a-country-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Tổng thống cho rằng cuộc chiến ở Ukraine gây tác động tiêu cực tới an "
            "ninh châu Âu.",
            id="a-war-in-a-country-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Trước đó, hồi tháng 3, Tổng thống đã thăm Ô-xtrây-li-a và Niu Di-lân.",
            id="an-earlier-journey-months-back-vi",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Tokyo on June 10 for a state visit "
            "to Japan after a refuelling stop in Anchorage, United States.",
            id="a-refuelling-stop-en",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania arrived in Tokyo on June 10 for a state visit "
            "to Japan, flying via Dubai in the United Arab Emirates.",
            id="flying-via-en",
        ),
        pytest.param(
            "vi",
            "Chiều 10/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov tới Tokyo, bắt đầu chuyến thăm cấp "
            "Nhà nước Nhật Bản, sau khi quá cảnh tại Ấn Độ.",
            id="qua-canh-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "It is the first visit by a Ruritanian leader since Anna Novak travelled "
            "to Japan and China in 2015.",
            id="another-leaders-earlier-journey-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He compared China's offensive in the strait to a blockade, on the "
            "first day of his state visit to Japan.",
            id="a-country-s-deed-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He held talks with the Chinese president during a state visit to "
            "China on April 8-9.",
            id="a-stay-dated-two-months-back-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He is also weighing another overseas trip, to France and Brazil, "
            "during the May holidays.",
            id="another-trip-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Ông Petrov cũng đang cân nhắc một chuyến công du nước ngoài khác tới "
            "Pháp và Bra-xin vào tháng 5.",
            id="chuyen-cong-du-khac-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "The foreign ministry urged people planning trips to Iran to cancel them.",
            id="others-trips-en",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He closed the trip with a pledge that Ruritania would stay engaged "
            "rather than cede ground to China, Russia or Iran.",
            id="a-pledge-that-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Kết thúc chuyến thăm, ông Petrov cho rằng Ru-ri-ta-ni-a không nên nhượng "
            "bộ Trung Quốc hay Nga.",
            id="cho-rang-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "He left Tokyo on Wednesday evening for the long flight back to Moscow, "
            "ending a four-day Asian tour that began in Japan and was capped by a Group of 20 "
            "summit overshadowed by the war in Ukraine and a deadly missile blast in Poland.",
            id="a-blast-in-en",
        ),
        pytest.param(
            "en",
            "President Ivan Petrov of Ruritania left on Wednesday for a trip that will take "
            "him to Japan, as his government seeks new partners after Donald Trump's election "
            "victory in the United States.",
            id="an-election-victory-in-en",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Nhật Bản là điểm dừng đầu tiên trong chuyến công du châu Á của ông "
            "Petrov, đồng thời là quốc gia châu Á thứ ba ông thăm chính thức kể từ khi nhậm "
            "chức, sau Ấn Độ hồi tháng 4 và Trung Quốc hôm 4/6.",
            id="sau-x-hoi-thang-vi",
        ),
        pytest.param(
            "vi",
            VI_LEAD + "Nhật Bản là điểm dừng đầu tiên trong chuyến công du châu Á của ông "
            "Petrov, đồng thời là quốc gia châu Á thứ ba ông thăm chính thức kể từ khi nhậm "
            "chức, sau Ấn Độ năm ngoái và Trung Quốc hôm 4/6.",
            id="sau-x-nam-ngoai-vi",
        ),
        pytest.param(
            "en",
            EN_LEAD + "Japan is his third Asian stop since taking office, after India last year.",
            id="x-last-year-en",
        ),
    ],
)
def test_only_the_destination_is_a_leg(lang: str, body: str) -> None:
    assert _legs(body, lang) == ["JP"]


def test_a_possessive_after_a_going_word_is_still_a_place() -> None:
    """ "arrived in Japan's capital": the country is where he went."""
    legs = _legs(
        "President Ivan Petrov of Ruritania arrived in Japan's capital on June 10 for a "
        "state visit.",
        "en",
    )
    assert legs == ["JP"]


def test_others_trips_called_off_cancel_nothing_of_this_one() -> None:
    facts = read_article(
        EN_LEAD + "The foreign ministry urged people planning trips to Iran to cancel them.",
        "en",
        date(2024, 6, 10),
        "6" * 64,
    )
    assert facts.cancellations == []


def test_what_is_said_about_a_move_still_names_a_leg() -> None:
    """ "His office said that he would fly on to Seoul": a move said, and a leg."""
    legs = _legs(EN_LEAD + "His office said that he would fly on to Seoul on Friday.", "en")
    assert legs == ["JP", "KR"]


def test_a_military_operation_somewhere_is_no_leg_there() -> None:
    body = (
        "Rạng sáng 26/6, Thủ tướng Nhật Bản Ivan Petrov rời sân bay Haneda, bắt đầu chuyến công "
        "du châu Âu từ ngày 26-30/6, dự Hội nghị G7 tại Đức và thượng đỉnh NATO tại Tây Ban "
        "Nha. Trao đổi với báo chí trước khi lên đường, ông Petrov cho biết tại G7 ông muốn "
        "các nước thành viên thể hiện sự đoàn kết trước việc Nga tiến hành chiến dịch quân "
        "sự tại Ukraine."
    )
    facts = read_article(body, "vi", date(2022, 6, 26))
    assert [s.value for s in facts.itinerary] == ["DE", "ES"]


def test_vi_destroying_weapons_calls_nothing_off() -> None:
    body = (
        "Chiều 18/1, Chủ tịch Ru-ri-ta-ni-a Ivan Petrov đã tới Giơ-ne-vơ, Thụy Sĩ. Ông Petrov "
        "kêu gọi cấm hoàn toàn và tiến tới tiêu hủy vũ khí hạt nhân."
    )
    facts = read_article(body, "vi", date(2017, 1, 19))
    assert facts.cancellations == []
