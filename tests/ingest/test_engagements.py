"""Engagements: one claim per item of what the principal did, from one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_svc.domain.language import Language
from calendar_svc.domain.values import EngagementKind
from calendar_svc.ingest.engagements import EngagementClaim, find_engagements
from calendar_svc.ingest.text import parse_article

K = EngagementKind
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
TO_LAM = ("Tô Lâm",)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def by_sentence(text: str, names: tuple[str, ...]) -> list[tuple[str, list[EngagementClaim]]]:
    article = parse_article(text)
    return [(s.text, find_engagements(s.text, article.language, names)) for s in article.sentences]


def all_claims(text: str, names: tuple[str, ...]) -> list[EngagementClaim]:
    return [c for _, cs in by_sentence(text, names) for c in cs]


def counterpart_names(claim: EngagementClaim) -> list[str]:
    return [p.name for p in claim.counterparts]


def place_texts(claim: EngagementClaim) -> list[str]:
    return [p.text for p in claim.places]


def find(claims: list[EngagementClaim], kind: EngagementKind, words: str) -> EngagementClaim:
    hits = [c for c in claims if c.kind is kind and words.lower() in c.title.lower()]
    assert len(hits) == 1, (kind, words, [(c.kind, c.title) for c in claims])
    return hits[0]


def assert_consistent(sentence: str, claims: list[EngagementClaim]) -> None:
    for c in claims:
        a, b = c.span
        assert 0 <= a < b <= len(sentence)
        assert sentence[a:b].strip() == sentence[a:b]
        assert c.title and c.title == c.title.strip()
        for p in c.places:
            assert a <= p.span[0] < p.span[1] <= b
            assert sentence[p.span[0] : p.span[1]] == p.text
        for person in c.counterparts:
            assert sentence[person.span[0] : person.span[1]] == person.text


# --------------------------------------------------------------------------------------------
# Seed 002: the engagements in Russia
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed002() -> list[tuple[str, list[EngagementClaim]]]:
    return by_sentence(seed("002"), TO_LAM)


@pytest.fixture(scope="module")
def claims002(seed002: list[tuple[str, list[EngagementClaim]]]) -> list[EngagementClaim]:
    return [c for _, cs in seed002 for c in cs]


def test_seed002_ceremonies_and_banquet(claims002: list[EngagementClaim]) -> None:
    welcome = find(claims002, K.CEREMONY, "welcome ceremony")
    assert "Kremlin Palace" in place_texts(welcome)
    wreath = find(claims002, K.WREATH_LAYING, "Tomb of the Unknown Soldier")
    assert wreath.title == "Wreath-laying ceremony at the Tomb of the Unknown Soldier"
    assert place_texts(wreath) == ["Tomb of the Unknown Soldier"]
    banquet = find(claims002, K.BANQUET, "banquet")
    assert counterpart_names(banquet) == ["Putin"]
    victory = find(claims002, K.CEREMONY, "Red Square")
    assert "80th anniversary" in victory.title
    assert place_texts(victory) == ["Red Square"]
    assert "commemorating" not in victory.title  # the participial tail is not the title


def test_seed002_attended_list_is_split(seed002: list[tuple[str, list[EngagementClaim]]]) -> None:
    sentence, claims = next((s, cs) for s, cs in seed002 if s.startswith("While in Russia"))
    assert [c.kind for c in claims] == [K.CEREMONY, K.WREATH_LAYING, K.BANQUET]
    assert {c.rule for c in claims} == {"en.engagement.list_item"}
    assert sentence[claims[0].span[0] : claims[0].span[1]].startswith("attended the official")
    assert sentence[claims[1].span[0] : claims[1].span[1]] == (
        "the wreath-laying ceremony at the Tomb of the Unknown Soldier"
    )
    assert_consistent(sentence, claims)


def test_seed002_one_meeting_per_leader(seed002: list[tuple[str, list[EngagementClaim]]]) -> None:
    sentence, claims = next((s, cs) for s, cs in seed002 if "bilateral meetings" in s)
    assert all(c.kind is K.MEETING for c in claims)
    assert [counterpart_names(c) for c in claims] == [
        ["Miguel Díaz-Canel"],
        ["Xi Jinping"],
        ["Shavkat Mirziyoyev"],
        ["Luiz Inácio Lula da Silva"],
        ["Nicolás Maduro"],
        ["Ukhnaagiin Khurelsukh"],
        ["Nikol Pashinyan"],
    ]
    assert claims[1].title == "Meeting with President of China Xi Jinping"
    assert not any("several" in c.title for c in claims)  # the list header is not an item
    assert_consistent(sentence, claims)


def test_seed002_talks_signing_press(seed002: list[tuple[str, list[EngagementClaim]]]) -> None:
    sentence, claims = next((s, cs) for s, cs in seed002 if "held talks" in s)
    assert [c.kind for c in claims] == [K.TALKS, K.SIGNING, K.PRESS]
    assert claims[0].title.startswith("Talks with")
    assert "Vladimir Putin" in claims[0].title
    assert claims[1].title == "Signing of cooperation documents"
    for c in claims:
        assert counterpart_names(c) == ["Vladimir Putin"]  # he shares the subject
        assert "Tô Lâm" not in counterpart_names(c)
        assert not c.planned
    assert sentence[claims[0].span[0] : claims[0].span[1]] == "held talks"
    assert_consistent(sentence, claims)


def test_seed002_meetings_with_russian_leaders(claims002: list[EngagementClaim]) -> None:
    met = {n for c in claims002 if c.kind is K.MEETING for n in counterpart_names(c)}
    for name in (
        "Mikhail Mishustin",
        "Valentina Matviyenko",
        "Vyacheslav Volodin",
        "Dmitry Medvedev",
        "Gennady Zyuganov",
    ):
        assert name in met
    assert find(claims002, K.MEETING, "Mishustin").title == (
        "Meeting with Russian PM Mikhail Mishustin"
    )


def test_seed002_speech_forum_flights_plant(claims002: list[EngagementClaim]) -> None:
    speech = find(claims002, K.SPEECH, "RANEPA")
    assert speech.title.startswith("Speech at the Russian Presidential Academy")
    find(claims002, K.FORUM, "business forum")
    flights = find(claims002, K.CEREMONY, "direct flights")
    assert {"Hanoi", "Moscow"} <= set(place_texts(flights))
    plant = find(claims002, K.CEREMONY, "Kaluga")
    assert plant.title.startswith("Inauguration of")
    find(claims002, K.MEETING, "intellectuals")
    find(claims002, K.RECEPTION, "business leaders")


def test_seed002_flowers_at_two_memorials(claims002: list[EngagementClaim]) -> None:
    flowers = [c for c in claims002 if c.title.startswith("Laying flowers")]
    assert len(flowers) == 2
    assert all(c.kind is K.WREATH_LAYING for c in flowers)
    assert "Hồ Chí Minh Statue" in flowers[0].title
    assert "Lê Duẩn" in flowers[1].title
    assert all(c.counterparts == [] for c in flowers)  # the honoured dead are not met


def test_seed002_recaps_and_commentary_yield_nothing(
    seed002: list[tuple[str, list[EngagementClaim]]],
) -> None:
    quiet = (
        "At these meetings",
        "They affirmed",
        "For the first time, the Việt Nam People’s Army",
        "On this occasion, Việt Nam and Russia adopted",
        "The visit took place",
        "The visit also showed",
        "It affirmed",
        "Specifically,",
        "Việt Nam has celebrated",
    )
    checked = 0
    for sentence, claims in seed002:
        if sentence.startswith(quiet):
            assert claims == [], sentence
            checked += 1
    assert checked >= 9


def test_seed002_principal_never_a_counterpart(claims002: list[EngagementClaim]) -> None:
    assert len(claims002) >= 25
    for c in claims002:
        assert "Tô Lâm" not in counterpart_names(c)
        assert "Lâm" not in counterpart_names(c)
        assert not c.planned


# --------------------------------------------------------------------------------------------
# Announcements: seeds 000, 003, 004
# --------------------------------------------------------------------------------------------


def test_seed000_only_the_planned_victory_ceremony() -> None:
    claims = all_claims(seed("000"), TO_LAM)
    assert len(claims) == 1
    (c,) = claims
    assert c.kind is K.CEREMONY
    assert c.planned
    assert "80th anniversary of the Victory" in c.title
    assert "state visit" not in c.title  # "and then a state visit to Belarus" is a leg


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_vietnamese_announcements_plan_the_ceremony(prefix: str) -> None:
    pairs = by_sentence(seed(prefix), TO_LAM)
    claims = [c for _, cs in pairs for c in cs]
    assert claims
    for c in claims:
        assert c.kind is K.CEREMONY
        assert c.planned
        assert c.title.startswith("Lễ kỷ niệm")
        assert c.rule == "vi.engagement.ceremony"
    for sentence, cs in pairs:
        if sentence.startswith(("Việc tham dự", "Cùng với đó, việc")):
            assert cs == []  # "attending it shows ...": commentary, not a report


# --------------------------------------------------------------------------------------------
# Vietnamese sentences
# --------------------------------------------------------------------------------------------


def vi(sentence: str) -> list[EngagementClaim]:
    claims = find_engagements(sentence, "vi", TO_LAM)
    assert_consistent(sentence, claims)
    return claims


def test_vi_talks() -> None:
    (c,) = vi("Chiều 9/5, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Nga Vladimir Putin.")
    assert c.kind is K.TALKS
    assert c.title == "Hội đàm với Tổng thống Nga Vladimir Putin"
    assert counterpart_names(c) == ["Vladimir Putin"]
    assert c.rule == "vi.engagement.talks"
    assert not c.planned


def test_vi_courtesy_calls_one_per_person() -> None:
    claims = vi(
        "Sáng 10/5, Tổng Bí thư hội kiến Thủ tướng Nga Mikhail Mishustin, Chủ tịch Hội đồng "
        "Liên bang Valentina Matviyenko và Chủ tịch Duma Quốc gia Vyacheslav Volodin."
    )
    assert [c.kind for c in claims] == [K.MEETING] * 3
    assert [counterpart_names(c) for c in claims] == [
        ["Mikhail Mishustin"],
        ["Valentina Matviyenko"],
        ["Vyacheslav Volodin"],
    ]
    assert claims[1].title == "Hội kiến Chủ tịch Hội đồng Liên bang Valentina Matviyenko"
    assert {c.rule for c in claims} == {"vi.engagement.list_item"}


def test_vi_wreath_laying() -> None:
    (c,) = vi("Tổng Bí thư và Phu nhân đã đặt vòng hoa tại Mộ Chiến sĩ Vô danh ở Moskva.")
    assert c.kind is K.WREATH_LAYING
    assert c.title == "Đặt vòng hoa tại Mộ Chiến sĩ Vô danh ở Moskva"
    assert "Moskva" in place_texts(c)


def test_vi_ceremony_and_speech() -> None:
    claims = vi(
        "Ông Lâm dự Lễ kỷ niệm 80 năm Chiến thắng tại Quảng trường Đỏ và phát biểu tại Học viện "
        "Kinh tế quốc dân và Hành chính công Liên bang Nga."
    )
    assert [c.kind for c in claims] == [K.CEREMONY, K.SPEECH]
    assert claims[0].title == "Lễ kỷ niệm 80 năm Chiến thắng tại Quảng trường Đỏ"
    assert place_texts(claims[0]) == ["Quảng trường Đỏ"]
    assert claims[1].title.startswith("Phát biểu tại Học viện")


def test_vi_factory_visit_and_inauguration() -> None:
    (visit,) = vi("Tổng Bí thư cũng thăm nhà máy chế biến sữa của Tập đoàn TH tại tỉnh Kaluga.")
    assert visit.kind is K.SITE_VISIT
    assert visit.title == "Thăm nhà máy chế biến sữa của Tập đoàn TH tại tỉnh Kaluga"
    (opening,) = vi("Chiều 10/5, Tổng Bí thư dự lễ khánh thành nhà máy sữa tại tỉnh Kaluga.")
    assert opening.kind is K.CEREMONY
    assert opening.title == "Lễ khánh thành nhà máy sữa tại tỉnh Kaluga"


def test_vi_signing_and_press_by_both_leaders() -> None:
    claims = vi(
        "Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ ký kết các văn kiện hợp tác và gặp gỡ báo chí."
    )
    assert [c.kind for c in claims] == [K.SIGNING, K.PRESS]
    assert claims[0].title == "Lễ ký kết các văn kiện hợp tác"


def test_vi_planned() -> None:
    (c,) = vi("Tổng Bí thư Tô Lâm sẽ hội đàm với Tổng thống Belarus Aleksandr Lukashenko.")
    assert c.planned
    assert counterpart_names(c) == ["Aleksandr Lukashenko"]


@pytest.mark.parametrize(
    ("sentence", "kind", "title"),
    [
        (
            "Thủ tướng Nga Mikhail Mishustin đã hội kiến Tổng Bí thư Tô Lâm.",
            K.MEETING,
            "Hội kiến Thủ tướng Nga Mikhail Mishustin",
        ),
        (
            "Chiều 8/5, Tổng thống Putin đã hội đàm chính thức với Tổng Bí thư Tô Lâm.",
            K.TALKS,
            "Hội đàm với Tổng thống Putin",
        ),
    ],
)
def test_vi_talks_told_from_the_hosts_side(sentence: str, kind: K, title: str) -> None:
    """The host as subject of talks or a meeting with the principal: the principal's."""
    (c,) = vi(sentence)
    assert (c.kind, c.title, c.rule) == (kind, title, "vi.engagement.joint")
    assert not c.planned


@pytest.mark.parametrize(
    "sentence",
    [
        # a leg of the trip, not an engagement
        "Tổng Bí thư Tô Lâm sẽ thăm chính thức Liên bang Nga và thăm cấp Nhà nước Belarus.",
        "Tổng Bí thư sẽ thăm Liên bang Nga từ ngày 8 đến 11/5.",
        # a host receiving someone else; "tiếp nhận"/"đón nhận" are "take in"/"accept"
        "Tổng thống Putin đã tiếp Chủ tịch Trung Quốc Tập Cận Bình tại Điện Kremlin.",
        "Tổng thống Putin chủ trì tiệc chiêu đãi chào mừng các nguyên thủ nước ngoài.",
        "Việt Nam đã tiếp nhận 500 tấn gạo từ Campuchia.",
        "Tổng thống Putin đón nhận Huân chương Hồ Chí Minh.",
        "Tổng thống Putin đã điện đàm với Tổng Bí thư Tô Lâm.",
        "Tổng Bí thư Tô Lâm cảm ơn Tổng thống Putin đã đón tiếp trọng thể.",
        # reported speech, plans without an engagement, commentary
        "Tổng Bí thư phát biểu: hai nước cần tăng cường hợp tác.",
        "Dự kiến Tổng Bí thư sẽ tiếp tục chương trình làm việc.",
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế.",
        "Chuyến thăm của Tổng Bí thư Tô Lâm có ý nghĩa lịch sử.",
    ],
)
def test_vi_nothing(sentence: str) -> None:
    assert vi(sentence) == []


# --------------------------------------------------------------------------------------------
# English: another leader and another country
# --------------------------------------------------------------------------------------------

LEE = ("Lee Jae-myung",)


@pytest.fixture(scope="module")
def korea() -> list[tuple[str, list[EngagementClaim]]]:
    text = (FIXTURES / "engagements_korea_president_visit_en.txt").read_text(encoding="utf-8")
    return by_sentence(text, LEE)


def test_other_leader_programme(korea: list[tuple[str, list[EngagementClaim]]]) -> None:
    claims = [c for _, cs in korea for c in cs]
    welcome = find(claims, K.CEREMONY, "welcome ceremony")
    assert counterpart_names(welcome) == ["Lương Cường"]  # hosted by
    assert "Presidential Palace" in place_texts(welcome)
    talks = find(claims, K.TALKS, "Lương Cường")
    assert counterpart_names(talks) == ["Lương Cường"]
    find(claims, K.SIGNING, "cooperation agreements")
    find(claims, K.PRESS, "press")
    find(claims, K.WREATH_LAYING, "Monument to National Heroes and Martyrs")
    mausoleum = find(claims, K.SITE_VISIT, "Mausoleum")
    assert place_texts(mausoleum) == ["Hồ Chí Minh Mausoleum"]
    met = [counterpart_names(c) for c in claims if c.kind is K.MEETING]
    assert ["Tô Lâm"] in met
    assert ["Phạm Minh Chính"] in met
    assert ["Trần Thanh Mẫn"] in met
    find(claims, K.SPEECH, "business forum")
    for sentence, cs in korea:
        assert_consistent(sentence, cs)


def test_other_leader_quiet_sentences(korea: list[tuple[str, list[EngagementClaim]]]) -> None:
    for sentence, claims in korea:
        if sentence.startswith(("State President", "Delegates", "Both sides")):
            assert claims == [], sentence  # the host hosts; others attend; outcomes


def test_other_leader_plans(korea: list[tuple[str, list[EngagementClaim]]]) -> None:
    _, claims = next((s, cs) for s, cs in korea if s.startswith("On Tuesday"))
    assert [c.kind for c in claims] == [K.SITE_VISIT, K.MEETING]
    assert all(c.planned for c in claims)
    assert claims[0].title == "Visit to a semiconductor plant in Bắc Ninh province"
    assert claims[1].title == "Meeting with members of the Korean community in Hà Nội"


def en(sentence: str, names: tuple[str, ...] = ("Emmanuel Macron",)) -> list[EngagementClaim]:
    claims = find_engagements(sentence, "en", names)
    assert_consistent(sentence, claims)
    return claims


def test_en_two_leaders_share_the_subject() -> None:
    welcome, talks = en(
        "On Monday, Prime Minister Phạm Minh Chính will host a welcome ceremony for Macron "
        "before the two leaders hold talks.",
    )
    assert welcome.kind is K.CEREMONY  # the host as subject, in the principal's honour
    assert welcome.title == "Welcome ceremony hosted by Prime Minister Phạm Minh Chính"
    assert welcome.planned and welcome.rule == "en.engagement.hosted"
    assert talks.kind is K.TALKS
    assert talks.planned
    assert counterpart_names(talks) == ["Phạm Minh Chính"]
    assert counterpart_names(welcome) == ["Phạm Minh Chính"]


def test_en_planned_meetings_with_scheduled_to() -> None:
    claims = en(
        "The French leader is also scheduled to meet General Secretary Tô Lâm and Chairman of "
        "the National Assembly Trần Thanh Mẫn."
    )
    assert [counterpart_names(c) for c in claims] == [["Tô Lâm"], ["Trần Thanh Mẫn"]]
    assert all(c.planned and c.kind is K.MEETING for c in claims)


def test_en_purpose_after_departure_is_planned_and_tails_are_cut() -> None:
    (c,) = en(
        "President Emmanuel Macron left Paris on Sunday for Lima to attend the APEC Economic "
        "Leaders' Week, hoping to meet Asian partners."
    )
    assert c.planned
    assert c.title == "APEC Economic Leaders' Week"  # ", hoping ..." is not part of it


def test_en_a_commitment_is_no_engagement() -> None:
    """ "agreed to meet every year, to hold joint exercises": what they will do from now
    on, not a meeting of the visit (before, "Meeting with every year")."""
    assert (
        en(
            "The leaders agreed to meet every year, to hold annual joint exercises and to "
            "share missile warning data.",
            names=("Yoon Suk Yeol",),
        )
        == []
    )


def test_en_items_without_own_cue_inherit_the_verb() -> None:
    claims = en(
        "Macron later visited the Temple of Literature, the Fine Arts Museum and toured "
        "the Old Quarter."
    )
    assert [c.kind for c in claims] == [K.SITE_VISIT] * 3
    assert claims[1].title == "Visit to the Fine Arts Museum"
    assert claims[1].rule == "en.engagement.list_item"


def test_en_wreath_and_speech() -> None:
    (wreath,) = en(
        "President Emmanuel Macron laid a wreath at the Monument to National Heroes and Martyrs."
    )
    assert wreath.kind is K.WREATH_LAYING
    assert wreath.title == "Laying a wreath at the Monument to National Heroes and Martyrs"
    assert wreath.rule == "en.engagement.wreath_laying"
    (speech,) = en(
        "The French President addressed students at the University of Science and "
        "Technology of Hanoi."
    )
    assert speech.kind is K.SPEECH
    assert "Hanoi" in place_texts(speech)
    (tribute,) = en("He paid tribute to President Hồ Chí Minh at his mausoleum.")
    assert tribute.kind is K.WREATH_LAYING
    assert tribute.counterparts == []


def test_en_short_form_and_empty_names() -> None:
    (c,) = en("Macron held talks with President Lương Cường.")
    assert c.kind is K.TALKS
    assert counterpart_names(c) == ["Lương Cường"]
    # Without names, pronouns and role phrases still make the principal the actor ...
    (c2,) = find_engagements("He held talks with President Lương Cường.", "en")
    assert c2.kind is K.TALKS
    # ... but a named person in the subject does not.
    assert find_engagements("President Lương Cường held talks with Macron.", "en") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "President Putin said he attended the ceremony.",
        "Macron said he hoped to strengthen ties.",
        "At the talks, the two leaders discussed trade and investment.",
        "At these meetings, the foreign leaders congratulated Macron on the anniversary.",
        "Delegates who attended the forum praised Macron.",
        "Macron's visit to Hà Nội and his attendance at the banquet show the importance of ties.",
        "Macron visited Việt Nam in 2025.",
        "Macron will pay a state visit to Việt Nam and an official visit to Laos.",
        "He also had a phone call with the Chinese President.",
        "In the coming days, Macron will have important meetings with leaders of these countries.",
        "The French army sent 50 soldiers to take part in the parade.",
        # hosting verbs whose object is not the principal
        "The visit was received warmly in Paris.",
        "The visit was warmly received by the French press.",
        "Putin received a phone call from Trump.",
        "Putin received a phone call from Macron on Monday.",
        "Việt Nam received 500 tonnes of rice from Cambodia.",
        "President Putin received Chinese President Xi Jinping at the Kremlin.",
        "President Putin received him at the Kremlin.",
        "President Putin received the Prime Minister at the Kremlin.",
        "President Putin welcomed Macron's proposal for a ceasefire.",
        "President Putin hosted a banquet for foreign leaders, including Xi Jinping.",
        "Putin said President Xi Jinping had received Macron.",
        "Macron's delegation was received by Prime Minister Phạm Minh Chính.",
    ],
)
def test_en_nothing(sentence: str) -> None:
    assert en(sentence) == []


# --------------------------------------------------------------------------------------------
# The host as subject: engagements of the principal told from the host's side
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "title", "host", "places"),
    [
        (
            "Russian President Vladimir Putin received Macron at the Kremlin.",
            K.RECEPTION,
            "Received by Russian President Vladimir Putin",
            "Vladimir Putin",
            ["Kremlin"],
        ),
        (
            "President Lương Cường hosted a state banquet in honour of Macron and his wife.",
            K.BANQUET,
            "State banquet hosted by President Lương Cường",
            "Lương Cường",
            [],
        ),
        (
            "King Charles III welcomed the visiting President at Buckingham Palace in London.",
            K.RECEPTION,
            "Welcomed by King Charles III",
            "Charles III",
            ["London"],
        ),
        (
            "Prime Minister Phạm Minh Chính held an official welcome ceremony for President "
            "Emmanuel Macron at the Presidential Palace.",
            K.CEREMONY,
            "Official welcome ceremony hosted by Prime Minister Phạm Minh Chính",
            "Phạm Minh Chính",
            ["Presidential Palace"],
        ),
        (
            "In the evening, President Lương Cường gave a dinner to honour Macron.",
            K.BANQUET,
            "Dinner hosted by President Lương Cường",
            "Lương Cường",
            [],
        ),
        (
            "Chancellor Olaf Scholz and President Frank-Walter Steinmeier greeted Macron "
            "in Berlin.",
            K.RECEPTION,
            "Greeted by Chancellor Olaf Scholz",
            "Olaf Scholz",
            ["Berlin"],
        ),
    ],
)
def test_en_host_as_subject(
    sentence: str, kind: EngagementKind, title: str, host: str, places: list[str]
) -> None:
    (c,) = en(sentence)
    assert (c.kind, c.title, c.rule) == (kind, title, "en.engagement.hosted")
    assert counterpart_names(c)[0] == host
    assert "Emmanuel Macron" not in counterpart_names(c)
    assert place_texts(c) == places
    assert not c.planned


def test_en_host_as_subject_coordinated_hosts_and_tails() -> None:
    (c,) = en(
        "Chancellor Olaf Scholz and President Frank-Walter Steinmeier greeted Macron in Berlin."
    )
    assert counterpart_names(c) == ["Olaf Scholz", "Frank-Walter Steinmeier"]
    (c,) = en(
        "President Putin received Macron at the Kremlin, marking 60 years of ties.",
    )
    assert c.title == "Received by President Putin"
    assert not c.title.endswith("ties")
    # a later verb with the principal as its new subject is the principal's again
    welcome, talks = en(
        "President Putin received Macron at the Kremlin, after which the two leaders held talks."
    )
    assert welcome.kind is K.RECEPTION and talks.kind is K.TALKS
    assert counterpart_names(talks) == ["Putin"]
    # the object of the first verb is not the subject of the second
    (c,) = en("President Putin received Macron and hosted a banquet in his honour.")
    assert c.kind is K.RECEPTION


def test_en_passive_with_the_principal_as_subject() -> None:
    (c,) = en("Macron and his wife were welcomed by Prime Minister Phạm Minh Chính.")
    assert c.kind is K.RECEPTION
    assert c.title == "Welcomed by Prime Minister Phạm Minh Chính"
    assert counterpart_names(c) == ["Phạm Minh Chính"]
    assert c.rule == "en.engagement.hosted_passive"
    (c,) = en("The delegation was received by President Vladimir Putin at the Kremlin.")
    assert counterpart_names(c) == ["Vladimir Putin"]
    assert place_texts(c) == ["Kremlin"]
    (c,) = en("Macron will be received by King Charles III at Buckingham Palace.")
    assert c.planned


@pytest.mark.parametrize(
    ("sentence", "kind", "title", "host"),
    [
        (
            "Tổng thống Nga Vladimir Putin đã tiếp Tổng Bí thư Tô Lâm tại Điện Kremlin.",
            K.RECEPTION,
            "Được Tổng thống Nga Vladimir Putin tiếp",
            "Vladimir Putin",
        ),
        (
            "Tổng thống Kassym-Jomart Tokayev đón Tổng Bí thư Tô Lâm tại sân bay quốc tế Astana.",
            K.RECEPTION,
            "Được Tổng thống Kassym-Jomart Tokayev đón",
            "Kassym-Jomart Tokayev",
        ),
        (
            "Tổng thống Ilham Aliyev đã đón tiếp trọng thể Tổng Bí thư Tô Lâm và Phu nhân.",
            K.RECEPTION,
            "Được Tổng thống Ilham Aliyev đón tiếp",
            "Ilham Aliyev",
        ),
        (
            "Tổng thống Putin đã chủ trì tiệc chiêu đãi trọng thể chào mừng Tổng Bí thư Tô Lâm.",
            K.BANQUET,
            "Tiệc chiêu đãi trọng thể do Tổng thống Putin chủ trì",
            "Putin",
        ),
        (
            "Sáng 9/5, Tổng thống Aleksandr Lukashenko chủ trì lễ đón chính thức Tổng Bí thư "
            "Tô Lâm tại Minsk.",
            K.CEREMONY,
            "Lễ đón chính thức do Tổng thống Aleksandr Lukashenko chủ trì",
            "Aleksandr Lukashenko",
        ),
        (
            "Tối 8/5, Thủ tướng Mikhail Mishustin mở tiệc chiêu đãi Tổng Bí thư Tô Lâm.",
            K.BANQUET,
            "Tiệc chiêu đãi do Thủ tướng Mikhail Mishustin mở",
            "Mikhail Mishustin",
        ),
    ],
)
def test_vi_host_as_subject(sentence: str, kind: EngagementKind, title: str, host: str) -> None:
    (c,) = vi(sentence)
    assert (c.kind, c.title, c.rule) == (kind, title, "vi.engagement.hosted")
    assert counterpart_names(c) == [host]


def test_vi_host_as_subject_places_and_passive() -> None:
    (c,) = vi("Tổng thống Nga Vladimir Putin đã tiếp Tổng Bí thư Tô Lâm tại Điện Kremlin.")
    assert place_texts(c) == ["Điện Kremlin"]
    (c,) = vi("Tổng Bí thư Tô Lâm được Tổng thống Putin đón tại sân bay Vnukovo.")
    assert (c.kind, c.title, c.rule) == (
        K.RECEPTION,
        "Được Tổng thống Putin đón",
        "vi.engagement.hosted_passive",
    )
    assert counterpart_names(c) == ["Putin"]
    assert place_texts(c) == ["Vnukovo"]


def test_later_verbs_do_not_take_the_previous_object_for_their_subject() -> None:
    meet, forum = en("Macron met with President Putin and attended the forum.")
    assert (meet.kind, forum.kind) == (K.MEETING, K.FORUM)
    claims = vi(
        "Tại Phnôm Pênh, Chủ tịch nước đã hội kiến Quốc vương Norodom Sihamoni và gặp Chủ tịch "
        "Thượng viện Hun Sen."
    )
    assert [counterpart_names(c) for c in claims] == [["Norodom Sihamoni"], ["Hun Sen"]]


# --------------------------------------------------------------------------------------------
# Sides named by a country: demonyms and "phía Nga" with the principal's country known
# --------------------------------------------------------------------------------------------


def with_country(
    sentence: str, lang: Language = "en", country: str | None = "VN"
) -> list[EngagementClaim]:
    claims = find_engagements(sentence, lang, TO_LAM, country)
    assert_consistent(sentence, claims)
    return claims


def test_en_role_phrases_of_another_country_are_hosts_not_the_principal() -> None:
    (c,) = with_country(
        "The Russian President hosted a banquet in honour of the Vietnamese leader."
    )
    assert (c.kind, c.title, c.counterparts) == (
        K.BANQUET,
        "Banquet hosted by the Russian President",
        [],
    )
    (c,) = with_country("The Russian side held a reception for the Vietnamese delegation.")
    assert (c.kind, c.title) == (K.RECEPTION, "Reception hosted by the Russian side")
    # a role of another country doing things is not the principal doing them
    assert with_country("The Kazakh leader also hosted a dinner for business executives.") == []
    assert with_country("The Chinese leader attended the banquet at the Kremlin.") == []
    # nor is it the principal as an object
    assert with_country("President Putin received the Chinese leader at the Kremlin.") == []
    assert with_country("President Putin received the North Korean delegation.") == []
    # a role of the principal's own country still is
    (c,) = with_country("The Vietnamese leader attended the banquet at the Kremlin.")
    assert c.kind is K.BANQUET
    (c,) = with_country("President Putin received the Vietnamese Party chief at the Kremlin.")
    assert c.kind is K.RECEPTION


def test_en_role_phrases_without_the_principal_country_keep_their_old_reading() -> None:
    (c,) = with_country("The Chinese leader attended the banquet at the Kremlin.", "en", None)
    assert c.kind is K.BANQUET  # unknown: a role phrase is the principal, as before
    # ... but is never taken for the principal as a host's object
    assert with_country("President Putin received the Chinese leader.", "en", None) == []


def test_vi_sides_named_by_their_country() -> None:
    (c,) = with_country(
        "Phía Nga đã tổ chức lễ đón trọng thể Tổng Bí thư Tô Lâm tại Điện Kremlin.", "vi"
    )
    assert (c.kind, c.title, c.counterparts) == (
        K.CEREMONY,
        "Lễ đón trọng thể do phía Nga tổ chức",
        [],
    )
    (c,) = with_country("Tổng thống Nga đã mở tiệc chiêu đãi Tổng Bí thư Tô Lâm.", "vi")
    assert c.title == "Tiệc chiêu đãi do Tổng thống Nga mở"
    # the other side, unnamed, is not coordinated with the principal as a subject
    assert with_country("Tổng Bí thư Tô Lâm cảm ơn phía Nga đã đón tiếp chu đáo.", "vi") == []
    # the principal's own side is the principal
    (c,) = with_country("Phía Việt Nam đã hội đàm với Tổng thống Nga Vladimir Putin.", "vi")
    assert c.kind is K.TALKS
    # unknown country: a side is neither
    assert with_country("Phía Nga đã tổ chức lễ đón Tổng Bí thư Tô Lâm.", "vi", None) == []


# --------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------

WORDS = [
    "He", "attended", "the", "ceremony", ",", "and", "met", "with", "President", "Xi",
    "Jinping", "Tô", "Lâm", "Tổng Bí thư", "dự", "Lễ", "hội đàm", "với", "(", ")", ";",
    "including", "laid", "flowers", "at", "Moscow", "visited", "will", "sẽ", "thăm", "'s",
    "held", "talks", "Đoàn", "hai nhà lãnh đạo", "received", "hosted", "by", "\u00a0", "",
    "welcomed", "a banquet", "in honour of", "for", "was", "The Russian", "side", "leader",
    "Vietnamese", "phía", "Nga", "Tổng thống", "đón", "tiếp", "đón tiếp", "được", "chủ trì",
    "tiệc chiêu đãi", "lễ đón", "chào mừng", "Putin", "counterpart", "người đồng cấp",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)),
    st.sampled_from(["en", "vi"]),
    st.lists(st.text(max_size=15), max_size=3),
    st.sampled_from([None, "VN", "RU", "", "zz"]),
)
def test_never_raises_and_spans_are_consistent(
    sentence: str, lang: Language, names: list[str], country: str | None
) -> None:
    claims = find_engagements(sentence, lang, names, country)
    assert_consistent(sentence, claims)


def test_unsupported_language_is_empty() -> None:
    assert find_engagements("He attended the ceremony.", "fr", ()) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "kind", "title"),
    [
        (
            "Prime Minister Phạm Minh Chính held official talks with visiting French President"
            " Emmanuel Macron at the Government Office on Monday.",
            K.TALKS,
            "Talks with Prime Minister Phạm Minh Chính",
        ),
        (
            "Chinese President Xi Jinping met visiting French President Emmanuel Macron in"
            " Guangzhou.",
            K.MEETING,
            "Meeting with Chinese President Xi Jinping",
        ),
    ],
)
def test_en_talks_told_from_the_hosts_side(sentence: str, kind: K, title: str) -> None:
    """The host as subject of talks or a meeting with the principal ("visiting" is the
    principal's adjective, no verb): the principal's engagement with the host."""
    (c,) = en(sentence)
    assert (c.kind, c.title, c.rule) == (kind, title, "en.engagement.joint")
    assert len(c.counterparts) == 1 and c.counterparts[0].name != "Emmanuel Macron"


@pytest.mark.parametrize(
    "sentence",
    [
        # no verb done together
        "President Xi Jinping witnessed Emmanuel Macron signing the deal.",
        # the host met someone else
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing.",
        # by telephone
        "Chinese President Xi Jinping held phone talks with Emmanuel Macron.",
    ],
)
def test_en_not_talks_from_the_hosts_side(sentence: str) -> None:
    assert en(sentence) == []


def test_en_received_visiting_principal() -> None:
    (c,) = en("Chinese President Xi Jinping received visiting French President Emmanuel Macron.")
    assert (c.kind, c.rule) == (K.RECEPTION, "en.engagement.hosted")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # when and how, no one named: a meeting, not "Meeting with at 1:30 p.m. ..."
        (
            "The two leaders met at 1:30 p.m. on Friday, first one-on-one, then with aides.",
            "Meeting",
        ),
        ("Macron met briefly on the sidelines of the forum.", "Meeting"),
        # whom, after "with" in the same clause
        (
            "Macron met on Friday with business leaders in Lyon.",
            "Meeting with business leaders in Lyon",
        ),
        ("Macron met with the mayor of Lyon.", "Meeting with the mayor of Lyon"),
    ],
)
def test_en_met_when_not_whom(sentence: str, title: str) -> None:
    (c,) = en(sentence)
    assert (c.kind, c.title) == (K.MEETING, title)
