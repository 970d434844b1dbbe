"""The traveller's own country is never a leg (issue 12, item 4: the home leaked in as a leg).

Invented articles; the last sentence of each names the home country in a sentence about
the visit, so a home that is not recognised shows up as an extra leg.
"""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.extract import ArticleFacts, extract
from calendar_svc.ingest.text import parse_article


def _read(body: str, lang: str) -> ArticleFacts:
    assert lang in ("en", "vi")
    parsed = parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en")
    return extract(parsed, "a" * 64, reference=date(2031, 4, 1))


def _legs(facts: ArticleFacts) -> list[str]:
    return [s.value for s in facts.itinerary]


def test_home_from_a_demonym_before_the_title() -> None:
    facts = _read(
        "Russian President Ivan Petrov will pay a state visit to Vietnam on May 3 and 4. "
        "The visit follows a trade deal between Russia and Vietnam.",
        "en",
    )
    assert (facts.home, facts.home_basis) == ("RU", "title")
    assert _legs(facts) == ["VN"]


def test_home_from_a_country_after_a_vietnamese_title() -> None:
    facts = _read(
        "Tổng thống Hàn Quốc Park Min-su sẽ thăm cấp Nhà nước Việt Nam từ ngày 3 đến 5/5. "
        "Chuyến thăm diễn ra sau khi Hàn Quốc và Việt Nam ký hiệp định thương mại.",
        "vi",
    )
    assert facts.home == "KR"
    assert _legs(facts) == ["VN"]


def test_home_from_a_formal_country_name() -> None:
    facts = _read(
        "Tổng thống Đại Hàn Dân quốc Park Min-su sẽ thăm cấp Nhà nước Việt Nam từ ngày 3 "
        "đến 5/5. Chuyến thăm diễn ra sau khi Hàn Quốc và Việt Nam ký hiệp định.",
        "vi",
    )
    assert facts.principal is not None and facts.principal.value.name == "Park Min-su"
    assert facts.home == "KR"
    assert _legs(facts) == ["VN"]


def test_home_from_a_later_mention_of_the_same_person() -> None:
    facts = _read(
        "President Ivan Petrov will pay a state visit to Vietnam on May 3 and 4. "
        "Russian President Ivan Petrov last met Vietnamese leaders in 2029. "
        "The visit follows a trade deal between Russia and Vietnam.",
        "en",
    )
    assert (facts.home, facts.home_basis) == ("RU", "title")
    assert _legs(facts) == ["VN"]


def test_a_vietnamese_name_is_at_home_in_vietnam() -> None:
    facts = _read(
        "Prime Minister Pham Van Hoa will pay an official visit to Japan on May 3 and 4. "
        "The visit follows a trade deal between Japan and Vietnam.",
        "en",
    )
    assert (facts.home, facts.home_basis) == ("VN", "name")
    assert _legs(facts) == ["JP"]


def test_a_foreign_name_is_not_at_home_in_vietnam() -> None:
    """No default home: a foreign leader visiting Vietnam has a Vietnamese leg."""
    facts = _read("President Ivan Petrov will pay a state visit to Vietnam on May 3 and 4.", "en")
    assert facts.home is None
    assert _legs(facts) == ["VN"]


def test_home_from_a_title_only_reference_that_is_a_subject() -> None:
    facts = _read(
        "Tổng thống Petrov sẽ thăm cấp Nhà nước Việt Nam từ ngày 3 đến 5/5. "
        "Tổng thống Nga cũng sẽ dự một diễn đàn doanh nghiệp. "
        "Chuyến thăm diễn ra sau khi Nga và Việt Nam ký hiệp định thương mại.",
        "vi",
    )
    assert (facts.home, facts.home_basis) == ("RU", "title reference")
    assert _legs(facts) == ["VN"]


def test_a_title_only_reference_to_someone_met_is_not_the_home() -> None:
    facts = _read(
        "President Ivan Petrov will pay a state visit to Vietnam on May 3 and 4. "
        "In Hanoi he will meet the Chinese President at a regional forum. "
        "He will return to Moscow on May 5.",
        "en",
    )
    assert (facts.home, facts.home_basis) == ("RU", "return")


def test_home_from_where_the_traveller_returns() -> None:
    facts = _read(
        "President Ivan Petrov will pay a state visit to Vietnam on May 3 and 4. "
        "He will return to Moscow on May 5. "
        "The visit follows a trade deal between Russia and Vietnam.",
        "en",
    )
    assert (facts.home, facts.home_basis) == ("RU", "return")
    assert _legs(facts) == ["VN"]


def test_the_pope_lives_in_the_vatican_and_leaving_rome_is_leaving_home() -> None:
    facts = _read(
        "Pope Francis will leave Rome on Monday for a 12-day tour that takes him to "
        "Indonesia, Papua New Guinea, East Timor and Singapore.",
        "en",
    )
    assert facts.principal is not None and facts.principal.value.title == "Pope"
    assert facts.home == "VA"
    assert _legs(facts) == ["ID", "PG", "TL", "SG"]


def test_giao_hoang_is_the_popes_title() -> None:
    facts = _read(
        "Trưa 3/9, chuyên cơ chở Giáo hoàng Phanxicô đã hạ cánh xuống sân bay quốc tế "
        "Soekarno-Hatta, bắt đầu chuyến tông du tới In-đô-nê-xi-a và Xin-ga-po.",
        "vi",
    )
    assert facts.principal is not None and facts.principal.value.title == "Pope"


def _headlined(headline: str, body: str, lang: str) -> ArticleFacts:
    parsed = parse_article(f"{headline}\n\n{body}", "vi" if lang == "vi" else "en")
    return extract(parsed, "a" * 64, reference=date(2031, 4, 7))


_LEFT_FOR_JAPAN = (
    "Prime Minister Ivan Petrov left for Japan on Monday on an official visit, officials "
    "said. The trip is his first abroad since the election."
)


def test_home_from_the_headline_travellers_country() -> None:
    facts = _headlined("Sri Lanka PM leaves for Japan", _LEFT_FOR_JAPAN, "en")
    assert (facts.home, facts.home_basis) == ("LK", "headline")
    # the departure is from home once home is known
    assert [d.value.place.country_code for d in facts.departures] == ["LK"]


def test_home_from_a_headline_demonym_and_a_named_traveller() -> None:
    facts = _headlined("Indian PM Petrov to visit Japan next week", _LEFT_FOR_JAPAN, "en")
    assert (facts.home, facts.home_basis) == ("IN", "headline")


def test_home_from_a_vietnamese_headline_title_and_country() -> None:
    facts = _headlined(
        "Thủ tướng Xri Lan-ca lên đường thăm Nhật Bản",
        "Sáng 10/4, Thủ tướng Ivan Petrov rời thủ đô, lên đường thăm chính thức Nhật Bản. "
        "Đây là chuyến công du đầu tiên của ông kể từ đầu năm.",
        "vi",
    )
    assert (facts.home, facts.home_basis) == ("LK", "headline")


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        pytest.param("Sri Lanka PM wraps up Japan visit", "en", id="wraps-up"),
        pytest.param("Sri Lanka PM returns home from Japan", "en", id="returns-home"),
        pytest.param("Thủ tướng Xri Lan-ca về nước sau chuyến thăm Nhật Bản", "vi", id="ve-nuoc"),
        pytest.param("Thủ tướng Xri Lan-ca kết thúc chuyến thăm Nhật Bản", "vi", id="ket-thuc"),
    ],
)
def test_home_from_a_headline_traveller_ending_the_journey(headline: str, lang: str) -> None:
    body = (
        "Thủ tướng Ivan Petrov đã rời Nhật Bản chiều 10/4 sau chuyến thăm chính thức."
        if lang == "vi"
        else "Prime Minister Ivan Petrov left Japan on Monday after an official visit."
    )
    facts = _headlined(headline, body, lang)
    assert (facts.home, facts.home_basis) == ("LK", "headline")


def test_a_headline_host_is_not_the_travellers_country() -> None:
    # the title is followed by a host's verb, not a journey's: nothing is said of home
    facts = _headlined("Japan PM hosts visiting counterpart", _LEFT_FOR_JAPAN, "en")
    assert facts.home_basis != "headline"
    assert facts.home != "JP"


def test_a_vietnamese_headline_destination_is_not_home() -> None:
    # no country beside the title: a country further on is where he is or goes
    facts = _headlined(
        "Thủ tướng Ivan Petrov rời Nhật Bản tới Hàn Quốc",
        "Sáng 10/4, Thủ tướng Ivan Petrov rời Nhật Bản, lên đường thăm chính thức Hàn Quốc.",
        "vi",
    )
    assert facts.home != "JP"
