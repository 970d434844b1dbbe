"""A stop called off inside a leg ("chặng dừng chân tại Xê-vi-a bị hủy", "dropped the
Seville stop") is no call-off of the trip when its place is no leg of it; a leg called off
by name still is (issue 12: visits get cut short). Invented articles; each test fails
without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.reading import read_article

SUNDAY = date(2016, 7, 10)
LEAD_VI = (
    "Tổng thống Ru-ri-ta-ni-a Ivan Petrov đã tới Ma-đrít tối 9/7, bắt đầu chuyến thăm Tây "
    "Ban Nha sau Hội nghị thượng đỉnh tại Vác-sa-va (Ba Lan). "
)
LEAD_EN = (
    "Ruritanian President Ivan Petrov arrived in Madrid late on Saturday for a visit to "
    "Spain, after a summit in Warsaw, Poland. "
)


@pytest.mark.parametrize(
    ("lead", "told", "lang", "called_off"),
    [
        (LEAD_VI, "Chuyến thăm bị rút ngắn; chặng dừng chân tại Xê-vi-a bị hủy.", "vi", []),
        (LEAD_EN, "He cancelled the planned stop in Rota.", "en", []),
        (LEAD_VI, "Ông Petrov đã hủy chặng dừng chân tại Xê-vi-a.", "vi", []),
        # a leg named is called off, as before
        (LEAD_VI, "Chặng dừng chân tại Ba Lan đã bị hủy.", "vi", ["PL"]),
        # the trip itself called off, no part named: the whole trip
        (LEAD_VI, "Chuyến đi tới Xê-vi-a bị hủy.", "vi", [None]),
        (LEAD_VI, "Toàn bộ chuyến thăm đã bị hủy do bão.", "vi", [None]),
    ],
)
def test_a_stop_in_no_leg_called_off_is_not_the_trip(
    lead: str, told: str, lang: str, called_off: list[str | None]
) -> None:
    facts = read_article(lead + told, lang, SUNDAY)
    assert [c.value for c in facts.cancellations] == called_off
