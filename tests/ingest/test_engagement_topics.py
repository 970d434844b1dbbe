"""A list of subjects after an engagement's cue is one engagement, not one per subject
(issue 12, engagements): "held talks on trade, investment and climate", "ký các văn kiện
hợp tác về năng lượng, giáo dục và văn hóa"; and the traveller named as the subject of the
next clause is no item of the verb before. Invented articles; each test fails without
its rule."""

from __future__ import annotations

from datetime import date

from calendar_svc.ingest.extract import ArticleFacts
from tests.support.reading import read_article

SATURDAY = date(2023, 4, 15)


def _titles(body: str, lang: str) -> list[tuple[str, str]]:
    facts: ArticleFacts = read_article(body, lang, SATURDAY, "8" * 64)
    return [(e.value.kind.value, e.value.title) for e in facts.engagements]


def test_talks_on_a_list_of_subjects_are_one_engagement() -> None:
    titles = _titles(
        "ABU DHABI -- Chilean President Ivan Petrov landed in Abu Dhabi on Saturday for a "
        "visit to the UAE. The two leaders held talks on trade, investment, the energy "
        "transition and climate change.",
        "en",
    )
    assert titles == [
        ("talks", "Talks on trade, investment, the energy transition and climate change")
    ]


def test_vietnamese_topics_and_the_next_clauses_subject() -> None:
    titles = _titles(
        "ABU DHABI (TTXVN) - Chiều 15/4, Tổng thống Chile Ivan Petrov đã tới Abu Dhabi, bắt "
        "đầu chuyến thăm UAE. Hai nhà lãnh đạo đã hội đàm về thương mại, đầu tư và biến đổi "
        "khí hậu. Hai bên ký các văn kiện hợp tác về năng lượng, giáo dục và văn hóa; Tổng "
        "thống Petrov đặt vòng hoa tại đài tưởng niệm.",
        "vi",
    )
    assert titles == [
        ("talks", "Hội đàm về thương mại, đầu tư và biến đổi khí hậu"),
        ("signing", "Ký các văn kiện hợp tác về năng lượng, giáo dục và văn hóa"),
        ("wreath_laying", "Đặt vòng hoa tại đài tưởng niệm"),
    ]


def test_a_list_of_engagements_is_still_split() -> None:
    """Items with cues of their own stay apart: the topic rule only rejoins bare subjects."""
    titles = _titles(
        "HANOI -- Chilean President Ivan Petrov arrived in Hanoi on Saturday for an official "
        "visit to Vietnam. He held talks on trade, attended a state banquet and laid a "
        "wreath at the war memorial.",
        "en",
    )
    assert [kind for kind, _ in titles] == ["talks", "banquet", "wreath_laying"]


def test_bare_items_after_a_cue_without_subjects_stay_apart() -> None:
    """Only a cue that opens subjects ("on", "về") rejoins what follows: places toured in
    a list are separate visits."""
    titles = _titles(
        "HANOI -- Chilean President Ivan Petrov arrived in Hanoi on Saturday for an official "
        "visit to Vietnam. On Sunday he toured a school, a hospital and a car factory.",
        "en",
    )
    assert [kind for kind, _ in titles] == ["site_visit"] * 3
