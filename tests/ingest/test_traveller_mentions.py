"""Who travels (issue 12, item 3): "ông X" is the Vietnamese press's second reference to a
leader named in full earlier, and "the leaders of A, B and C" names people, not places.
Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date = date(2024, 6, 11)) -> ArticleFacts:
    return read_article(body, lang, published, "b" * 64)


def test_ong_with_a_name_met_in_full_is_the_traveller_vi() -> None:
    facts = _facts(
        "Thủ tướng Nhật Bản Sato Kenji đã hội đàm với Tổng thống Chi-lê Ivan Petrov "
        "tại Tokyo. Ông Petrov đang có chuyến thăm Nhật Bản từ ngày 10 đến 12/6. "
        "Thủ tướng Ma-lai-xi-a Ahmad Zaki đã lên đường tới Nhật Bản ngay trong ngày.",
        "vi",
    )
    assert facts.principal is not None
    # named as the article first named him in full (`people.short_forms.in_full`)
    assert facts.principal.value.name == "Ivan Petrov"


def test_the_leaders_of_countries_are_not_destinations_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đang có chuyến thăm Nhật Bản từ ngày 10 đến "
        "12/6. Ngày 12/6, ông Petrov sẽ cùng lãnh đạo Nhật Bản, Ô-xtrây-li-a (Australia) và "
        "Ấn Độ dự hội nghị thượng đỉnh tại Tokyo.",
        "vi",
    )
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_the_leaders_of_countries_are_not_destinations_en() -> None:
    facts = _facts(
        "President Ivan Petrov of Ruritania is on a state visit to Japan from June 10 to 12. "
        "On June 12 he will attend a summit in Tokyo with the leaders of Australia, India "
        "and Japan.",
        "en",
    )
    assert [s.value for s in facts.itinerary] == ["JP"]


def test_a_press_form_of_a_country_after_a_title_is_not_part_of_the_name_vi() -> None:
    from calendar_svc.ingest.people import find_people

    people = find_people("Tân Thủ tướng Ô-xtrây-li-a Ivan Petrov đã lên đường.", "vi")
    assert [(p.name, p.organisation_or_country) for p in people] == [
        ("Ivan Petrov", "Ô-xtrây-li-a")
    ]


def test_the_middle_word_of_a_long_name_keeps_the_traveller() -> None:
    """Named in full once and as "Lula" after, the Brazilian leader is the traveller, not
    the leader named in full beside him whose reply the article reports."""
    facts = read_article(
        "Brazilian President Luiz Inácio Lula da Silva on Sunday compared the war in Gaza "
        "to a genocide, drawing an angry reply from Israeli Prime Minister Benjamin "
        "Netanyahu, at the close of a five-day trip to Egypt and Ethiopia. Netanyahu said "
        "the remarks were shameful. Lula left Addis Ababa after a news conference.",
        "en",
        date(2024, 2, 18),
        "6" * 64,
    )
    assert facts.principal is not None
    assert facts.principal.value.name == "Luiz Inácio Lula da Silva"
