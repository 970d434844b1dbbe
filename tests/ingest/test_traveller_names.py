"""What counts as a person's name (issue 12, item 1: word fragments read as names).

Invented sentences; each test breaks when the rule it names is removed.
"""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.people import extract_people, find_people
from calendar_svc.ingest.text import parse_article
from tests.support.reading import read_article


def _names(sentence: str, lang: str) -> list[str]:
    assert lang in ("en", "vi")
    return [p.name for p in find_people(sentence, "vi" if lang == "vi" else "en")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chủ tịch Cộng đồng doanh nghiệp phát biểu tại buổi gặp.",
        "Bộ trưởng Phát biểu khai mạc hội thảo sáng nay.",
    ],
)
def test_one_vietnamese_syllable_after_a_title_is_no_name(sentence: str) -> None:
    """A titled Vietnamese name has 2-4 syllables; one syllable is a word ("Cộng")."""
    assert _names(sentence, "vi") == []


def test_a_foreign_surname_alone_after_a_title_is_still_a_name() -> None:
    assert _names("Tổng thống Nga Kovalev phát biểu.", "vi") == ["Kovalev"]
    assert _names("Thủ tướng Haldorsen phát biểu.", "vi") == ["Haldorsen"]


def test_one_syllable_that_refers_back_to_a_full_name_is_kept() -> None:
    text = (
        "Party chief visits Ruritania\n\n"
        "General Secretary Đoàn Văn Bình left Hà Nội on Monday for Ruritania.\n\n"
        "General Secretary Bình said the visit opened a new chapter."
    )
    facts = extract_people(parse_article(text, "en"))
    assert facts.principal is not None and facts.principal.name == "Đoàn Văn Bình"
    referred = [text[a:b] for a, b in facts.principal_mentions]
    assert "General Secretary Bình" in referred


@pytest.mark.parametrize(
    ("sentence", "name", "org"),
    [
        (
            "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Đoàn Văn Bình sẽ thăm Lào.",
            "Đoàn Văn Bình",
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
        (
            "Tổng thống Đại Hàn Dân quốc Park Min-su thăm cấp Nhà nước Việt Nam.",
            "Park Min-su",
            "Đại Hàn Dân quốc",
        ),
        (
            "Tổng thống Hợp chủng quốc Hoa Kỳ John Carter sẽ thăm Việt Nam.",
            "John Carter",
            "Hợp chủng quốc Hoa Kỳ",
        ),
        (
            "Thủ tướng nước Cộng hòa Ấn Độ Rajesh Varma thăm chính thức Việt Nam.",
            "Rajesh Varma",
            "nước Cộng hòa Ấn Độ",
        ),
    ],
)
def test_a_formal_country_name_in_lower_case_runs_on_to_the_name(
    sentence: str, name: str, org: str
) -> None:
    """Vietnamese writes later syllables of formal names in lower case ("Cộng hòa xã hội
    chủ nghĩa", "Đại Hàn Dân quốc"): they belong to the organisation, and its capitalised
    syllables ("Cộng", "Hàn Dân", "Hợp") are not a name."""
    (person,) = find_people(sentence, "vi")
    assert (person.name, person.organisation_or_country) == (name, org)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("He was met by Deputy Foreign Minister Ha Kim Lan and other officials.", "Ha Kim Lan"),
        ("Deputy Minister Do Kim Son greeted the guests.", "Do Kim Son"),
    ],
)
def test_an_unaccented_vietnamese_family_name_starts_the_name(sentence: str, name: str) -> None:
    """English wires drop the marks ("Hà" -> "Ha"): the family name still opens the name,
    so "Kim Lan" is not taken for the whole of it."""
    assert _names(sentence, "en") == [name]


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        ("Tổng thống LB Nga V. Pu-tin đã tới Tô-ky-ô.", "vi", "V. Pu-tin"),
        ("Tổng thống V.Pu-tin đã tới Tô-ky-ô.", "vi", "V.Pu-tin"),
    ],
)
def test_an_opening_initial_and_its_stop_are_part_of_the_name(
    sentence: str, lang: str, name: str
) -> None:
    assert _names(sentence, lang) == [name]


def test_a_stop_after_a_letter_before_a_lower_case_word_is_no_initial() -> None:
    assert _names("Thủ tướng Nguyễn Văn A. đã tới Hà Nội.", "vi") == ["Nguyễn Văn A"]


def test_a_middle_initial_ends_the_name_as_before() -> None:
    # the name is known without it ("Joseph R" reads as Biden's first name and initial)
    assert _names("Tổng thống Mỹ Joseph R. Biden sẽ thăm Việt Nam.", "vi") == ["Joseph R"]


def test_an_office_holder_named_without_title_is_the_traveller() -> None:
    facts = read_article(
        "Scott Morrison is on his way back to Australia after a five-day trip that took him "
        "from Hanoi to the French resort of Biarritz, where the G7 summit closed on Monday.",
        "en",
        date(2019, 8, 27),
        "1" * 64,
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Scott Morrison"


def test_a_name_keeps_its_hyphenated_arabic_article() -> None:
    from calendar_svc.ingest.people import extract_people
    from calendar_svc.ingest.text import parse_article

    people = extract_people(
        parse_article(
            "Headline\n\nEgyptian President Karim Hassan el-Masri will attend the summit "
            "in Xiamen next week.",
            "en",
        )
    )
    assert people.principal is not None and people.principal.name == "Karim Hassan el-Masri"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a bracket spelling the name in Vietnamese syllables glosses it: the name is the
        # one written at home, as articles in other languages write it
        (
            "Thủ tướng nước Cộng hòa Cu-ba Manuel Marrero Cruz (Ma-nu-en Ma-rê-rô Cờ-rút) sẽ "
            "thăm Việt Nam.",
            "Manuel Marrero Cruz",
        ),
        # the other way round, the bracket's
        (
            "Thủ tướng Ma-lai-xi-a An-oa I-bra-him (Anwar Ibrahim) sẽ thăm Việt Nam.",
            "Anwar Ibrahim",
        ),
        # a particle as the press spells it ("đa" for da) stays inside the name
        (
            "Tổng thống Bra-xin Lu-i-xơ I-na-xi-ô Lu-la đa Xin-va đã rời I-ta-li-a về nước.",
            "Lu-i-xơ I-na-xi-ô Lu-la đa Xin-va",
        ),
    ],
)
def test_a_spelt_gloss_and_a_spelt_particle(sentence: str, name: str) -> None:
    assert _names(sentence, "vi") == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a bracket that spells an office holder's name another way is the same person,
        # whichever way round
        (
            "Tổng thống Pháp Emmanuel Macron (Ê-ma-nu-en Ma-crông) đã tới Hà Nội tối 25/5.",
            ["Emmanuel Macron"],
        ),
        (
            "Tổng thống Pháp Ê-ma-nu-en Ma-crông (Emmanuel Macron) sẽ thăm Việt Nam.",
            ["Emmanuel Macron"],
        ),
        # a caption's place in the photo ends the name, and the next titled person is
        # another one
        (
            "Thủ tướng Cu-ba Manuel Marrero Cruz (trái) đã tới Hà Nội chiều 15/1.",
            ["Manuel Marrero Cruz"],
        ),
        (
            "Thủ tướng Phạm Minh Chính (phải) đón Thủ tướng Nhật Bản Kishida Fumio tại sân bay.",
            ["Phạm Minh Chính", "Kishida Fumio"],
        ),
        # an acronym in brackets stays inside the organisation before the name
        (
            "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam (ĐCSVN) Nguyễn Phú "
            "Trọng đã tới Bắc Kinh.",
            ["Nguyễn Phú Trọng"],
        ),
    ],
)
def test_a_bracket_after_a_name(sentence: str, names: list[str]) -> None:
    assert _names(sentence, "vi") == names


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "General Secretary of the Communist Party of Vietnam (CPV) Nguyen Phu Trong "
            "arrived in Beijing on Sunday.",
            "en",
        ),
        ("Tổng Bí thư Đảng Cộng sản Việt Nam (ĐCSVN) Nguyễn Phú Trọng đã tới Bắc Kinh.", "vi"),
    ],
)
def test_an_acronym_in_brackets_stays_in_the_title(sentence: str, lang: str) -> None:
    (person,) = find_people(sentence, "vi" if lang == "vi" else "en")
    assert person.text == sentence[: sentence.index(person.name) + len(person.name)]


@pytest.mark.parametrize(
    ("sentence", "lang", "name"),
    [
        ("Vice President Vo Thi Anh Xuan arrived in Tunis.", "en", "Vo Thi Anh Xuan"),
        ("Thứ trưởng Ngoại giao Trần Anh Dũng đã tới Luân Đôn.", "vi", "Trần Anh Dũng"),
        ("Bộ trưởng Công Thương Lê Minh Anh đã tới Luân Đôn.", "vi", "Lê Minh Anh"),
        ("Minister Le Minh Anh arrived in London.", "en", "Le Minh Anh"),
        ("Phó Thủ tướng Nguyễn Thị Thu Anh đã tới Luân Đôn.", "vi", "Nguyễn Thị Thu Anh"),
        # a country name after a title, not after a surname: where the name starts
        ("Thủ tướng Anh Edward Blake đã tới Hà Nội.", "vi", "Edward Blake"),
        ("Đại sứ Việt Nam tại Anh Nguyễn Văn Bình phát biểu.", "vi", "Nguyễn Văn Bình"),
        ("Nhà vua Vương quốc Bỉ Philippe đã tới Hà Nội.", "vi", "Philippe"),
        (
            "Tổng thống Cộng hòa Bô-li-va-ri-a Vê-nê-xu-ê-la Ni-cô-lát Ma-đu-rô đã tới.",
            "vi",
            "Ni-cô-lát Ma-đu-rô",
        ),
    ],
)
def test_a_country_word_inside_a_vietnamese_name_is_a_syllable(
    sentence: str, lang: str, name: str
) -> None:
    """ "Anh" is Britain, and a middle name ("Võ Thị Ánh Xuân" is written "Vo Thi Anh
    Xuan"): after a Vietnamese surname it is part of the name, not where one starts."""
    assert _names(sentence, lang) == [name]
