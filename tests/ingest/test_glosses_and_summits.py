"""Two small readings (issue 12, items 4 and 5): a list of countries with the English name
in brackets ("U-crai-na (Ukraine) và Ba Lan") is still one list, and a summit named with
where it is held ("ở Hiroshima") is not a visit type for another country. Invented
articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.values import VisitType
from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article


def _facts(body: str, lang: str, published: date = date(2024, 6, 14)) -> ArticleFacts:
    return read_article(body, lang, published, "9" * 64)


def test_a_bracketed_gloss_does_not_break_a_list_of_legs_vi() -> None:
    facts = _facts(
        "Sáng 14/6, Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã về tới thủ đô, kết thúc chuyến "
        "thăm Ấn Độ, U-crai-na (Ukraine) và Ba Lan.",
        "vi",
    )
    assert sorted(c.value.country_code for c in facts.conclusions) == ["IN", "PL", "UA"]


def test_a_summit_held_elsewhere_is_no_visit_type_vi() -> None:
    facts = _facts(
        "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã thăm U-crai-na từ ngày 10 đến 12/6. "
        "Ông cho biết những gì chứng kiến ở U-crai-na sẽ được bàn tại Hội nghị thượng đỉnh "
        "G7 ở Hiroshima vào tháng 7 tới.",
        "vi",
    )
    assert (("UA", VisitType.EVENT)) not in [t.value for t in facts.visit_types]
