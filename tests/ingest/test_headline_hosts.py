"""A headline that names the host first (issue 12, item 1: the host became the traveller).

"Scholz presses China's Li on Russia", filed from Berlin: both travel somewhere in the
body, but the one at home where the lead happens is the host, and the headline's other
person is the traveller. One the lead brings home from abroad is no host; a headline's
"scraps Poland trip" makes its subject the traveller; "tới chào xã giao vị khách" makes a
minister one of the hosts. Invented articles; each test breaks without its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article


def _principal(body: str, lang: str, headline: str, published: date) -> str | None:
    facts = read_article(body, lang, published, headline=headline)
    return facts.principal.value.name if facts.principal else None


@pytest.mark.parametrize(
    ("headline", "body", "lang", "traveller"),
    [
        (
            "Weber presses China's Zhou on trade as Berlin seeks to cut risks",
            "BERLIN, June 20 - German Chancellor Anton Weber pressed Chinese Premier Zhou Ming "
            "on market access at talks in Berlin on Tuesday. Premier Zhou Ming arrived in "
            "Berlin on Monday for a three-day official visit. Weber will visit Beijing in "
            "the autumn.",
            "en",
            "Zhou Ming",
        ),
        (
            "Thủ tướng Nguyễn Văn Bình hội đàm với Thủ tướng Ma-lai-xi-a Ahmad Karim",
            "Chiều 10/4, tại Hà Nội, Thủ tướng Nguyễn Văn Bình đã hội đàm với Thủ tướng "
            "Ma-lai-xi-a Ahmad Karim. Thủ tướng Ahmad Karim tới Hà Nội sáng 9/4, bắt đầu "
            "chuyến thăm chính thức Việt Nam. Thủ tướng Nguyễn Văn Bình sẽ thăm Ma-lai-xi-a "
            "vào cuối năm.",
            "vi",
            "Ahmad Karim",
        ),
        (
            # filed at home after the trip: the lead's place, not the dateline, says where
            "Lithium, Costa and a lesson in neutrality: what Weber brought back",
            "BERLIN, Feb 2 - German Chancellor Anton Weber ended his tour in Brasilia on "
            "Monday, where Brazilian President Paulo Costa embraced him at the palace. "
            "Weber landed in Brasilia on Monday afternoon. Costa is due in Washington next week.",
            "en",
            "Anton Weber",
        ),
    ],
)
def test_the_host_the_headline_names_first_is_at_home(
    headline: str, body: str, lang: str, traveller: str
) -> None:
    assert _principal(body, lang, headline, date(2024, 6, 20)) == traveller


def test_one_the_lead_brings_home_is_no_host() -> None:
    body = (
        "TOKYO, May 6 - Japanese Prime Minister Kenji Sato returned to Tokyo on Friday, ending an "
        "eight-day tour of Asia and Europe. U.S. President Mark Hill will visit Tokyo later "
        "this month. Sato flew home from London on Thursday."
    )
    headline = "Sato back in Tokyo after Asia-Europe tour, turns to Hill visit"
    assert _principal(body, "en", headline, date(2022, 5, 6)) == "Kenji Sato"


def test_a_headline_that_scraps_a_trip_names_its_traveller() -> None:
    body = (
        "WASHINGTON, Aug 29 - U.S. President Tom Baker on Thursday called off his weekend trip to "
        "Poland because of a storm, saying he would remain in the United States. Vice "
        "President Sam Reed will travel to Warsaw in his place."
    )
    headline = "Baker scraps Poland trip over storm, sends Reed instead"
    assert _principal(body, "en", headline, date(2019, 8, 29)) == "Tom Baker"


def test_a_minister_who_calls_on_the_guest_is_a_host() -> None:
    body = (
        "Niu Đê-li, 8/1 (TTXVN) - Chiều 8/1, Thủ tướng Ấn Độ Ravi Kumar đã hội đàm với Thủ "
        "tướng Na Uy Ingrid Berg tại Niu Đê-li. Trước hội đàm, Bộ trưởng Ngoại giao Asha "
        "Rao đã tới chào xã giao vị khách."
    )
    headline = "Ấn Độ và Na Uy thiết lập cơ chế đối thoại về biển"
    assert _principal(body, "vi", headline, date(2019, 1, 8)) != "Asha Rao"


def test_the_lead_puts_the_traveller_abroad_before_a_visit_told_later() -> None:
    # an analysis: the lead has the traveller speak in a foreign city and names his own
    # country otherwise; another leader's visit is the first travel verb of the body
    body = (
        "HANOI, Nov 30 - In a packed hall in Frankfurt on Thursday, Vietnamese President Tran "
        "Van Hoa told German companies that his government would make Vietnam a place where "
        "investors could stay. Deputy Prime Minister Pham Van Minh said the visit had opened "
        "a new chapter. Chinese President Li Wei paid a state visit to Vietnam on Nov. 5-6."
    )
    headline = "Vietnam bets on German ties as trade deal nears - analysis"
    assert _principal(body, "en", headline, date(2015, 11, 30)) == "Tran Van Hoa"


@pytest.mark.parametrize(
    ("headline", "lang", "traveller"),
    [
        # named only as the owner of something else: not the headline's traveller
        (
            "Thủ tướng Anh về nước giữa làn sóng chỉ trích về sắc lệnh nhập cư của ông Ivan Petrov",
            "vi",
            "Anna Berg",
        ),
        # the owner of a journey is its traveller
        ("Chuyến công du châu Á của ông Ivan Petrov", "vi", "Ivan Petrov"),
    ],
)
def test_a_headline_name_owning_something_else_is_not_its_traveller(
    headline: str, lang: str, traveller: str
) -> None:
    body = {
        "vi": "Thủ tướng Anh Anna Berg đã về tới Luân Đôn tối 28/1, kết thúc chuyến công du "
        "tới Mỹ. Lãnh đạo đối lập kêu gọi hoãn chuyến thăm cấp Nhà nước Anh của Tổng thống "
        "Mỹ Ivan Petrov.",
        "en": "British Prime Minister Anna Berg returned to London late on Saturday from a "
        "trip to the United States. U.S. President Ivan Petrov will pay a state visit to "
        "Britain later this year.",
    }[lang]
    assert _principal(body, lang, headline, date(2017, 1, 29)) == traveller


def test_a_headline_guest_named_without_his_particle_outranks_the_host() -> None:
    # no one is the subject of a travel verb; the host is named most, at home where the
    # dateline is; the headline's other person, "Nouri" for "al-Nouri", is the guest
    body = (
        "BEIJING, Sept 3 - Chinese President Zhou Ming pledged new loans for Africa on "
        "Monday as he opened a summit with dozens of leaders, including Egyptian President "
        "Karim al-Nouri. Zhou said the money would include grants. Zhou also promised to cut "
        "tariffs on farm goods."
    )
    headline = "Zhou offers Africa loans as Nouri, other leaders gather in Beijing"
    assert _principal(body, "en", headline, date(2031, 9, 3)) == "Karim al-Nouri"


def test_a_headlines_guest_named_with_a_possessive_country_is_the_traveller() -> None:
    """ "Trump to host Mexico's Pena Nieto at White House": the possessive between the host
    verb and the name still makes the guest the traveller, not the leader the body says is
    due in Washington first."""
    assert (
        _principal(
            "WASHINGTON, Jan 21 - President Ivan Petrov will meet Mexican President Carlos "
            "Ruiz at the White House on Jan. 31. Petrov will also receive British Prime "
            "Minister Jane Roe, who is due in Washington on Friday.",
            "en",
            "Petrov to host Mexico's Ruiz at White House on Jan. 31",
            date(2017, 1, 21),
        )
        == "Carlos Ruiz"
    )


def test_a_headline_naming_only_the_guest_outranks_the_host_named_more_often() -> None:
    """ "Sisi becomes first Arab leader to address Japan's parliament", from Tokyo: Abe,
    at home and named more often in the body, hosted him; the headline's one from
    elsewhere is the traveller."""
    assert (
        _principal(
            "TOKYO, Feb 29 - Egyptian President Carlos Ruiz told Japan's parliament on Monday "
            "that the region needed help. He later held talks with Prime Minister Shinzo Abe, "
            "who hosted him at a dinner. Abe said Japan would support Egypt. Abe also praised "
            "Egypt's reforms. Abe visited Cairo in January last year.",
            "en",
            "Ruiz becomes first Arab leader to address Japan's parliament",
            date(2016, 2, 29),
        )
        == "Carlos Ruiz"
    )


def test_the_host_rule_needs_the_one_named_more_often_at_home() -> None:
    """The same report filed from Jakarta: neither is at home there, so the one the body
    names more often stays the reading."""
    assert (
        _principal(
            "JAKARTA, Feb 29 - Egyptian President Carlos Ruiz told an Asian forum on Monday "
            "that the region needed help. He later held talks with Prime Minister Shinzo Abe. "
            "Abe said Japan would support Egypt. Abe also praised Egypt's reforms. Abe visited "
            "Cairo in January last year.",
            "en",
            "Ruiz becomes first Arab leader to address the forum",
            date(2016, 2, 29),
        )
        == "Shinzo Abe"
    )
