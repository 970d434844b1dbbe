"""A dateline that carries its day in any case ("Lima, 19/11 – "), the day it gives to a
lead that reports a move without one, and "chiều nay" / "this afternoon" as the day of
writing (issue 12). Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from calendar_svc.ingest.dates import DayPart, find_days_of_writing
from calendar_svc.ingest.extract.views import read_sentences
from calendar_svc.ingest.lexicon import LEXICONS
from calendar_svc.ingest.page import match_dateline
from calendar_svc.ingest.text import parse_article
from tests.support.reading import read_article

SATURDAY = date(2022, 12, 10)
MAY_10 = date(2024, 5, 10)


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("Lima, 19/11 – Tối 18/11, chuyên cơ hạ cánh", "Lima, 19/11 – "),
        ("Madrid, 2/5 - Trưa 2/5, Tổng thống tới", "Madrid, 2/5 - "),
        ("Kyiv, Nov. 8 - The president said", "Kyiv, Nov. 8 - "),
        ("HANOI, Dec 9 - The prime minister left", "HANOI, Dec 9 - "),
        ("Mr Smith - who chairs the panel - said", None),
        ("Obama, 55 - the former president", None),
    ],
)
def test_a_dateline_is_a_place_with_its_day_in_any_case(line: str, dateline: str | None) -> None:
    m = match_dateline(line)
    assert (m.group(0) if m else None) == dateline


def test_the_day_of_a_dateline_is_no_day_of_the_lead_that_names_its_own() -> None:
    """The landing is the evening of the 18th, local time; the dateline's 19th is the day the
    report was filed."""
    body = (
        "Lima, 19/11 – Tối 18/11 (giờ địa phương), chuyên cơ chở Tổng thống Ru-ri-ta-ni-a "
        "Ivan Petrov đã hạ cánh xuống thủ đô Lima của Pê-ru, bắt đầu chuyến thăm chính thức."
    )
    facts = read_article(body, "vi", date(2016, 11, 19))
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [
        ("PE", date(2016, 11, 18))
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã trở về nước, kết thúc chuyến thăm.",
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov sẽ thăm cấp Nhà nước Trung Quốc.",
    ],
)
def test_the_day_a_report_was_filed_dates_nothing_the_lead_tells(lead: str) -> None:
    """Leading with the dateline's day dated moves by the day of filing: an incident on the
    way "tiếp tục là đề tài" days later became an arrival that day (+2 confidently wrong
    dates on the corpus)."""
    parsed = parse_article(f"Tin\n\nBắc Kinh, 10/5 - {lead}", "vi")
    parsed = msgspec.structs.replace(parsed, published_on=MAY_10)
    views = read_sentences(parsed, LEXICONS["vi"], MAY_10)
    assert views[0].dates == []


def test_this_afternoon_is_the_day_of_writing() -> None:
    body = (
        "Rời Luxembourg chiều nay, Thủ tướng Ru-ri-ta-ni-a Ivan Petrov đã "
        "đặt chân tới sân bay quốc tế Schiphol (Amsterdam), bắt đầu thăm chính thức Hà Lan."
    )
    facts = read_article(body, "vi", SATURDAY)
    assert [(a.value.country_code, a.value.at.day) for a in facts.arrivals] == [("NL", SATURDAY)]


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        ("Rời Luxembourg chiều nay, Thủ tướng", "vi", [DayPart.AFTERNOON]),
        ("Tối nay, Nhà vua chủ trì quốc yến", "vi", [DayPart.EVENING]),
        (
            "He lands this afternoon and dines with the king tonight",
            "en",
            [DayPart.AFTERNOON, DayPart.NIGHT],
        ),
        ("Sáng nay (10/12), Thủ tướng", "vi", []),  # the day is written: the grammar's
        ("Việt Nam hôm nay là đối tác", "vi", []),  # "nowadays"
        ("The country today is a partner", "en", []),
    ],
)
def test_days_of_writing(text: str, lang: str, parts: list[DayPart]) -> None:
    found = find_days_of_writing(text, lang, SATURDAY)  # type: ignore[arg-type]
    assert [(d.start, d.day_part) for d in found] == [(SATURDAY, p) for p in parts]
