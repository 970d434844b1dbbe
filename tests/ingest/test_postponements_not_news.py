"""What is put off is not always the visit: talks that start late, a postponement years
ago of the visit now under way, a visit already holding its talks. Invented articles; each
test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article


def test_vi_talks_pushed_back_by_a_late_plane_postpone_nothing() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov thăm chính thức Nhật Bản từ ngày 15-16/12. Do "
        "chuyên cơ tới muộn, cuộc hội đàm với Thủ tướng Nhật Bản phải lùi lại đến tối."
    )
    facts = read_article(body, "vi", date(2016, 12, 15))
    assert facts.postponements == []


def test_a_postponement_dated_years_back_is_the_trips_history() -> None:
    body = (
        "President Ivan Petrov of Ruritania will pay an official visit to Japan on December "
        "15 and 16. The visit, his first since 2005, had been postponed from 2014 after a "
        "row over sanctions."
    )
    facts = read_article(body, "en", date(2016, 12, 13))
    assert facts.postponements == []
    # a postponement of this year is news
    news = (
        "President Ivan Petrov of Ruritania will pay an official visit to Japan on December "
        "15 and 16. The visit had been postponed in 2016 once already."
    )
    assert [p.value for p in read_article(news, "en", date(2016, 12, 13)).postponements]


def test_talks_held_there_say_the_visit_took_place() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đang thăm chính thức Nhật Bản. Chiều 15/12, "
        "Tổng thống Ivan Petrov đã hội đàm với Thủ tướng Nhật Bản Kenji Sato tại Tô-ky-ô. "
        "Chuyến thăm Nhật Bản từng bị hoãn hai lần vì tranh chấp về lệnh trừng phạt."
    )
    facts = read_article(body, "vi", date(2016, 12, 16))
    assert [e.value.country_code for e in facts.engagements] == ["JP"]
    assert facts.postponements == []


def test_vi_a_plan_put_off_many_times_before_is_history() -> None:
    body = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm làm việc Anh từ ngày 12-15/7. Kế hoạch "
        "này nhiều lần bị hoãn trước làn sóng phản đối ở Anh."
    )
    assert read_article(body, "vi", date(2018, 7, 7)).postponements == []
    once = body.replace("nhiều lần bị hoãn", "từng bị hoãn")
    assert read_article(once, "vi", date(2018, 7, 7)).postponements == []
    # put off now, it is news
    now = (
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm làm việc Anh từ ngày 12-15/7. Kế hoạch "
        "này đã bị hoãn vì làn sóng phản đối ở Anh."
    )
    assert read_article(now, "vi", date(2018, 7, 7)).postponements


@pytest.mark.parametrize(
    "said",
    [
        "The visit had been repeatedly postponed because of protests.",
        "The visit, once postponed over the protests, is now going ahead.",
        "He had scrapped plans to open the new embassy in London in January.",
    ],
)
def test_a_visit_put_off_before_or_another_plan_called_off_is_no_news(said: str) -> None:
    body = (
        "President Ivan Petrov of Ruritania will pay a working visit to Britain from July 12 "
        f"to 15. {said}"
    )
    facts = read_article(body, "en", date(2018, 7, 7))
    assert facts.postponements == [] and facts.cancellations == []


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "President Ivan Petrov of Ruritania will pay a state visit to Senegal on Saturday. "
            "It will be his first foreign trip since parliament scrapped the two-term limit on "
            "the presidency.",
            "en",
        ),
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Việt Nam từ ngày 15-16/5. "
            "Chương trình nghị sự của chuyến thăm sẽ đề cập thuế quan mà Mỹ áp lên hàng xuất "
            "khẩu của cả hai nước, hiện đang được tạm hoãn 90 ngày.",
            "vi",
        ),
        (
            "President Ivan Petrov of Ruritania arrived in Nigeria on Saturday for a state "
            "visit. For his host, who scrapped fuel subsidies and let the currency float, the "
            "visit is a chance to court investment.",
            "en",
        ),
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm chính thức Việt Nam từ ngày 15-16/5. "
            "Chương trình nghị sự của chuyến thăm sẽ gồm thuế quan của Mỹ với hàng Việt Nam, hiện "
            "được tạm hoãn.",
            "vi",
        ),
        (
            "President Ivan Petrov of Ruritania flew home from a state visit to Belgium on "
            "Monday as snow swept Europe. More than 50 flights were cancelled at Brussels "
            "airport.",
            "en",
        ),
        (
            "President Ivan Petrov of Ruritania arrived in Jordan on Monday for a state visit. "
            "Last December he dropped plans to attend a summit in Amman on medical advice.",
            "en",
        ),
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm Gioóc-đa-ni từ ngày 15-16/5. Chính "
            "phủ Gioóc-đa-ni đã hủy dự án cảng biển tại Am-man.",
            "vi",
        ),
    ],
    ids=[
        "en-a-law-scrapped",
        "vi-tariffs-suspended",
        "en-subsidies-scrapped-then-the-visit",
        "vi-what-the-visit-covers-is-suspended",
        "en-flights-cancelled-at-a-place",
        "en-a-call-off-long-past",
        "vi-a-project-called-off",
    ],
)
def test_what_is_called_off_must_be_a_journey(body: str, lang: str) -> None:
    """ "scrapped the two-term limit", tariffs "đang được tạm hoãn": calls off no leg."""
    facts = read_article(body, lang, date(2018, 5, 13))
    assert facts.cancellations == []
    assert facts.postponements == []


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Tổng thống U-dơ-bê-ki-xtan Ivan Petrov đã thăm cấp Nhà nước Hàn Quốc từ ngày "
            "22-25/11. Chỉ một điểm trong chương trình không diễn ra như dự kiến: bài phát biểu "
            "tại Quốc hội Hàn Quốc, ban đầu lên lịch ngày 24/11, đã bị hủy theo đề nghị của phía "
            "U-dơ-bê-ki-xtan ngay trong ngày đầu chuyến thăm.",
            "vi",
        ),
        (
            "Uzbek President Ivan Petrov paid a state visit to South Korea from Nov. 22 to 25. "
            "His speech to South Korea's National Assembly, planned for Friday, was cancelled "
            "at Uzbekistan's request.",
            "en",
        ),
    ],
    ids=["vi-a-speech-in-the-programme", "en-a-speech-to-parliament"],
)
def test_a_speech_called_off_is_not_the_visit(body: str, lang: str) -> None:
    facts = read_article(body, lang, date(2017, 11, 26))
    assert facts.cancellations == []


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        (
            "President Ivan Petrov of Ruritania flew to Israel on Wednesday. Jordan called off "
            "the summit in Amman, and Petrov is putting off his travel to Jordan.",
            "en",
            "postponements",
        ),
        (
            "Chuyến thăm cấp Nhà nước Nhật Bản của Tổng thống Ru-ri-ta-ni-a Ivan Petrov và Phu "
            "nhân, dự kiến diễn ra từ ngày 19 đến 22/3 theo lời mời của Nhà vua, đã được hoãn "
            "lại.",
            "vi",
            "postponements",
        ),
        (
            "President Ivan Petrov of Ruritania was to pay a state visit to Japan on March "
            "20. His visit to Japan was cancelled at the last minute at Tokyo's request.",
            "en",
            "cancellations",
        ),
        (
            "President Ivan Petrov of Ruritania arrived in Israel on Monday. He dropped plans "
            "to go on to a summit of Muslim leaders in Amman in Jordan this week, officials said.",
            "en",
            "cancellations",
        ),
        (
            "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đang thăm I-xra-en. Ông Petrov đã hủy tham "
            "dự Hội nghị thượng đỉnh các nhà lãnh đạo Hồi giáo tại Am-man, Gioóc-đa-ni.",
            "vi",
            "cancellations",
        ),
    ],
    ids=[
        "en-the-second-call-off-is-the-legs",
        "vi-passive-told-long-after-the-visit",
        "en-passive-the-visit-before-the-verb",
        "en-dropped-plans-to-go-to-a-summit",
        "vi-called-off-attending-a-summit",
    ],
)
def test_a_journey_called_off_is_read(body: str, lang: str, kind: str) -> None:
    facts = read_article(body, lang, date(2018, 3, 13))
    assert [p.value for p in getattr(facts, kind)] in (["JO"], ["JP"])


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Zimbabwean President Ivan Petrov said on Sunday he would not attend the World "
            "Economic Forum in Davos, Switzerland, and would fly home from Kazakhstan.",
            "en",
        ),
        (
            "Tổng thống Dim-ba-bu-ê Ivan Petrov thông báo sẽ không tham dự Diễn đàn Kinh tế thế "
            "giới tại Đa-vốt, Thụy Sĩ.",
            "vi",
        ),
    ],
)
def test_not_attending_a_forum_calls_off_its_leg(body: str, lang: str) -> None:
    """ "would not attend the World Economic Forum in Davos": the traveller's going there is
    called off, not the forum."""
    facts = read_article(body, lang, date(2019, 1, 20))
    assert [c.value for c in facts.cancellations] == ["CH"]
