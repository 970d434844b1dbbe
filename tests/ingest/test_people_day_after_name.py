"""News puts the day between the subject and the verb: "X on May 7 chaired", "B on
Tuesday put off". The name ends before "on <day>"; it must not swallow the date."""

from __future__ import annotations

import pytest

from calendar_svc.ingest.people import find_people


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Prime Minister Phạm Minh Chính on May 7 chaired a meeting of the committee.",
            "Phạm Minh Chính",
        ),
        ("President Ruto on Tuesday put off his planned trip to Japan and Korea.", "Ruto"),
        ("Chancellor Olaf Scholz on Sept. 12 flew to Kazakhstan.", "Olaf Scholz"),
        ("President Lula on Saturday arrived in Shanghai.", "Lula"),
    ],
)
def test_the_name_ends_before_on_and_a_day(sentence: str, name: str) -> None:
    assert [p.name for p in find_people(sentence, "en")] == [name]


def test_on_before_a_name_word_still_joins_a_title() -> None:
    people = find_people("Minister of Foreign Affairs on Trade Bui Thanh Son spoke.", "en")
    assert [p.name for p in people] == ["Bui Thanh Son"]
