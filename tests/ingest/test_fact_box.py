"""A fact-box itinerary (one list line per stop: place, days, colon) gives each stop as a
leg with its stated days; a line headed by a day, by the traveller's home or by no date
gives nothing, and no line's days are the whole trip's. Each test fails without its
rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.domain.values import DateWindow
from tests.support.reading import fold_articles, read_article

BOX_EN = (
    "Indonesian President Ivan Petrov arrived home on Sunday, ending a long foreign tour "
    "that took him to summits in South America.\n\n"
    "Where he went:\n\n"
    "- China, Nov. 8-10 (state visit): talks with President Xi Jinping.\n"
    "- United States, Nov. 10-13: talks at the White House.\n"
    "- Peru, Nov. 13-16: the APEC summit in Lima.\n"
    "- Brazil - Nov. 17: a stop in Brasilia.\n"
    "- Saturday, Nov. 23: lunch with students.\n"
    "- Indonesia, Nov. 24: a cabinet meeting on his return."
)

BOX_VI = (
    "Thủ tướng Nhật Bản Ivan Petrov đã về tới Tô-ky-ô, kết thúc chuyến công du Đông Nam Á.\n\n"
    "Điểm lại các chặng:\n\n"
    "- Tại Campuchia (từ ngày 12-13/11): dự Hội nghị Cấp cao ASEAN - Nhật Bản.\n"
    "- In-đô-nê-xi-a, 14-17/11: dự Hội nghị thượng đỉnh G20 tại Bali.\n"
    "- Thái Lan (17-19/11): dự Hội nghị các nhà lãnh đạo kinh tế APEC.\n"
    "- Sáng 18/11: họp khẩn bên lề APEC."
)


def _windows(body: str, lang: str, published: date) -> list[tuple[str, date, date]]:
    facts = read_article(body, lang, published)
    return [(w.value[0], w.value[1].start, w.value[1].end) for w in facts.leg_windows]


def test_each_line_headed_by_a_place_and_its_days_is_a_leg() -> None:
    facts = read_article(BOX_EN, "en", date(2024, 11, 25))
    assert {"CN", "US", "PE", "BR"} <= {s.value for s in facts.itinerary}
    assert _windows(BOX_EN, "en", date(2024, 11, 25)) == [
        ("CN", date(2024, 11, 8), date(2024, 11, 10)),
        ("US", date(2024, 11, 10), date(2024, 11, 13)),
        ("PE", date(2024, 11, 13), date(2024, 11, 16)),
        ("BR", date(2024, 11, 17), date(2024, 11, 17)),
    ]


def test_vietnamese_lines_with_the_days_in_brackets() -> None:
    assert _windows(BOX_VI, "vi", date(2022, 11, 21)) == [
        ("KH", date(2022, 11, 12), date(2022, 11, 13)),
        ("ID", date(2022, 11, 14), date(2022, 11, 17)),
        ("TH", date(2022, 11, 17), date(2022, 11, 19)),
    ]


def test_no_line_gives_the_whole_trips_days() -> None:
    """Before, the first line's range, its country not yet a destination, became the
    trip's window: every later leg was clamped into China's three days."""
    facts = read_article(BOX_EN, "en", date(2024, 11, 25))
    assert facts.trip_window is None or facts.trip_window.value != DateWindow(
        date(2024, 11, 8), date(2024, 11, 10)
    )


def test_a_line_needs_its_colon_and_a_bullet() -> None:
    no_colon = BOX_EN.replace("(state visit):", "(state visit)").replace("Lima.", "Lima")
    no_colon = no_colon.replace("Nov. 13-16:", "Nov. 13-16 for")
    assert ("CN", date(2024, 11, 8), date(2024, 11, 10)) not in _windows(
        no_colon, "en", date(2024, 11, 25)
    )
    prose = "Indonesian President Ivan Petrov visited China, Nov. 8-10: a first for him."
    assert _windows(prose, "en", date(2024, 11, 25)) == []
    unlisted = BOX_EN.replace("- China, Nov. 8-10", "China, Nov. 8-10")
    assert "CN" not in [code for code, *_ in _windows(unlisted, "en", date(2024, 11, 25))]


def test_a_past_years_line_gives_nothing() -> None:
    """A box of the traveller's earlier visits ("- Peru, Nov. 18-20, 2016: ...") is
    another journey: dropped with the other facts of days long gone."""
    old = (
        "Indonesian President Ivan Petrov will pay a state visit to Chile next week.\n\n"
        "His earlier visits:\n\n- Peru, Nov. 18-20, 2016: a state visit to Lima."
    )
    facts = read_article(old, "en", date(2024, 11, 6))
    assert [s.value for s in facts.itinerary] == ["CL"]
    assert facts.leg_windows == []


def test_the_box_dates_every_leg_of_the_schedule() -> None:
    trip = fold_articles((BOX_EN, "en", date(2024, 11, 25)))
    legs = {leg.leg_id.rsplit("/", 1)[1]: leg for leg in trip.legs}
    assert (legs["pe"].start_date, legs["pe"].end_date) == (date(2024, 11, 13), date(2024, 11, 16))
    assert legs["pe"].start_certainty == "stated"
