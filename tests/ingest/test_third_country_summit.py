"""Two leaders who travel to meet in a third country (issue 12: who travels, and the
itinerary): the article follows one of them, and the other's movements, named with a bare
surname, a possessive or a relative clause, are not the traveller's. Invented articles
around invented people; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts
from calendar_svc.ingest.people.find import find_mentions, find_people
from calendar_svc.ingest.places import find_places
from tests.support.reading import read_article

SUNDAY = date(2024, 6, 9)


def _read(body: str, lang: str = "en", published: date = SUNDAY) -> ArticleFacts:
    return read_article(body, lang, published, "7" * 64)


def _legs(facts: ArticleFacts) -> list[str]:
    return [s.value for s in facts.itinerary]


def test_leader_is_a_title_and_un_a_given_name() -> None:
    """ "North Korean leader Kim Jong Un": "leader" introduces a ruler the press gives no
    formal office, and "Un" is a syllable of his name, not the United Nations."""
    people = find_people("North Korean leader Kim Jong Un left Pyongyang on Sunday.", "en")
    assert [(p.name, p.title, p.organisation_or_country) for p in people] == [
        ("Kim Jong Un", "Leader", "North Korean")
    ]
    assert find_people("UN Secretary-General Antonio Guterres arrived.", "en")[0].name == (
        "Antonio Guterres"
    )


def test_the_traveller_is_the_one_the_article_follows_not_the_one_met() -> None:
    facts = _read(
        "Mongolian leader Bat Erdene left Ulaanbaatar on Sunday on a chartered jet bound for "
        "Singapore, where he is to hold a summit with Chilean President Ivan Petrov on "
        "Tuesday. Petrov left Santiago early on Saturday and is expected to land in "
        "Singapore late on Sunday."
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Bat Erdene"
    # the other leader's landing, told after "and is expected to", is not this traveller's
    assert [a.value.at.day for a in facts.arrivals] == []
    assert _legs(facts) == ["SG"]


def test_a_possessive_names_someone_else_s_move() -> None:
    facts = _read(
        "Mongolian leader Bat Erdene returned to Ulaanbaatar on Monday after his summit with "
        "Chilean President Ivan Petrov in Singapore. Bat Erdene's convoy left his hotel late "
        "on Sunday and his flight took off from Changi before midnight, hours after Petrov's "
        "Air Force One left for Santiago via Auckland.",
        published=date(2024, 6, 10),
    )
    assert _legs(facts) == ["SG"]  # neither Chile nor New Zealand
    # "left his hotel ... took off from Changi": the verb with a place after it is the one
    assert [(d.value.place.country_code, d.value.at.day) for d in facts.departures] == [
        ("SG", date(2024, 6, 9))
    ]


def test_a_relative_clause_on_someone_named_after_the_verb_is_theirs() -> None:
    facts = _read(
        "Mongolian leader Bat Erdene left Ulaanbaatar on Sunday for Singapore. He is "
        "travelling with Foreign Minister Dorj Bold, who took a letter from him to the "
        "Chilean capital Santiago last month."
    )
    assert _legs(facts) == ["SG"]


def test_a_clause_on_the_subject_still_counts() -> None:
    """ "President Petrov of Chile, who arrived from Tokyo on Sunday, ...": the clause is the
    traveller's own, so Japan is a leg."""
    facts = _read(
        "President Ivan Petrov of Chile, who arrived from Tokyo on Sunday, held talks in "
        "Hanoi on Monday during a state visit to Vietnam.",
        published=date(2024, 6, 10),
    )
    assert _legs(facts) == ["JP", "VN"]


def test_the_other_leader_s_journey_in_vietnamese() -> None:
    facts = _read(
        "Tối 9/6, Tổng thống Chi-lê Ivan Petrov đã rời Geneva, Thụy Sĩ, trở về Santiago, khép "
        "lại chuyến đi để gặp Thủ tướng Mông Cổ Bat Erdene. Ông Erdene đã tới Geneva từ chiều "
        "8/6 sau khi dự hội nghị tại Anh và Bỉ.",
        lang="vi",
        published=date(2024, 6, 10),
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    # where he left from is a leg; where the other leader had been is not
    assert _legs(facts) == ["CH"]
    assert [a.value.at.day for a in facts.arrivals] == []


def test_a_capital_that_speaks_is_its_government() -> None:
    facts = _read(
        "Tổng thống Chi-lê Ivan Petrov đã tới Singapore chiều 8/6. "
        "Kết thúc cuộc gặp sáng 9/6, Tổng thống Chi-lê Ivan Petrov và Thủ tướng "
        "Mông Cổ Bat Erdene đã ký một tuyên bố chung, trong đó Washington cam kết hướng tới "
        "hợp tác đầu tư.",
        lang="vi",
    )
    assert _legs(facts) == ["SG"]  # not the United States


def test_ending_a_meeting_far_from_a_place_ends_no_leg() -> None:
    facts = _read(
        "Tổng thống Chi-lê Ivan Petrov đã tới Singapore chiều 8/6. "
        "Kết thúc cuộc gặp, Tổng thống Chi-lê Ivan Petrov và các thành viên phái đoàn đã có "
        "buổi làm việc kéo dài với giới doanh nghiệp và các nhà khoa học trước khi tham quan "
        "Singapore.",
        lang="vi",
    )
    assert facts.conclusions == []


def test_a_date_announced_by_an_institution_names_no_leg() -> None:
    facts = _read(
        "Chilean President Ivan Petrov will travel to Geneva for a summit with Mongolian "
        "leader Bat Erdene on June 16, confirming a date first announced by the White House.",
        published=date(2024, 5, 25),
    )
    assert _legs(facts) == ["CH"]


def test_another_leader_going_elsewhere_names_no_leg() -> None:
    facts = _read(
        "Chilean President Ivan Petrov will travel to Geneva on June 16 for talks with "
        "Mongolian leader Bat Erdene. Erdene will go to Switzerland at the end of a tour "
        "that takes in a summit in Britain.",
        published=date(2024, 5, 25),
    )
    assert facts.principal is not None and facts.principal.value.name == "Ivan Petrov"
    assert _legs(facts) == ["CH"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param(
            "Chilean President Ivan Petrov flew to Geneva on Sunday for a summit with "
            "Mongolian President Bat Erdene.",
            VisitType.EVENT,
            id="summit-with-an-outsider",
        ),
        pytest.param(
            "Chilean President Ivan Petrov flew to Geneva on Sunday for a summit with Swiss "
            "President Anna Keller.",
            None,
            id="summit-with-the-host",
        ),
    ],
)
def test_a_summit_with_someone_from_a_third_country_is_attended(
    body: str, kind: VisitType | None
) -> None:
    facts = _read(body)
    assert [t.value[1] for t in facts.visit_types if t.value[0] == "CH"][:1] == (
        [kind] if kind else []
    )


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("He flew on an Air China jet to Singapore.", ["Singapore"]),
        ("He boarded a Vietnam Airlines flight to Japan.", ["Japan"]),
        ("Air India One landed in Vietnam.", ["Vietnam"]),
        ("He flew to China on Sunday.", ["China"]),
    ],
)
def test_an_airline_is_not_a_place(text: str, places: list[str]) -> None:
    assert [m.text for m in find_places(text, "en")] == places


def test_after_meeting_someone_the_traveller_flies_on() -> None:
    """ "A met B and then flew to Tokyo": B is an object, so the one who flies is A; only
    a subject heading its clause carries on past "and"."""
    facts = _read(
        "Chilean President Ivan Petrov arrived in Hanoi on Saturday for a state visit to "
        "Vietnam. On Sunday he met Prime Minister Nguyen Van An and then flew to Tokyo.",
    )
    assert _legs(facts) == ["VN", "JP"]


def test_a_spokesperson_named_after_a_comma_opens_no_clause() -> None:
    """ ", Người phát ngôn ..." is a new subject, not a relative clause ("người đang ...")."""
    facts = _read(
        "Tại họp báo chiều 21/4, Người phát ngôn Bộ Ngoại giao Lê Thị Hằng cho biết Tổng thống "
        "Chi-lê Ivan Petrov sẽ tham dự Hội nghị Cấp cao ASEAN diễn ra tại Jakarta từ ngày 12 "
        "đến 13/5.",
        lang="vi",
        published=date(2024, 4, 21),
    )
    assert _legs(facts) == ["ID"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tổng thống Erdene tới Phnom Penh sáng cùng ngày.", "Erdene"),
        ("Thủ tướng Petrov cùng Phu nhân đã tới Hà Nội.", "Petrov"),
        ("Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu", "Phạm Quang Hiệu"),
    ],
)
def test_a_vietnamese_verb_ends_a_title_s_phrase(text: str, name: str) -> None:
    """ "Tổng thống B tới Phnom Penh", B met in full before: B is the person, not "Phnom
    Penh" (the phrase used to run on through the verb, as it does through an
    organisation's lower-case words: "Đại sứ Việt Nam tại Nhật Bản")."""
    known = frozenset({"Bat", "Erdene", "Ivan", "Petrov"})
    assert [m.person.name for m in find_mentions(text, "vi", 0, known)][:1] == [name]
