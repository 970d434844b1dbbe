"""Who travels (issue 12, batches AW and AX on arrival): "Dinh Tổng thống Merdeka" is a
palace, not a president; the second of those met may be named by the body they head
("met President A and Assembly President B, and visited ..."); and a lead that names the
journey by its owner ("Vice President A's week-long tour ... has helped, a deputy minister
said") makes the owner the traveller when no verb says who goes. Invented articles; each
test fails without its rule."""

from __future__ import annotations

import pytest

from calendar_svc.ingest.people import extract_people
from calendar_svc.ingest.people.find import find_mentions
from calendar_svc.ingest.text import parse_article


def _principal(body: str, lang: str) -> str | None:
    facts = extract_people(parse_article(f"Headline\n\n{body}", "vi" if lang == "vi" else "en"))
    return facts.principal.name if facts.principal else None


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Tổng thống Nga Ivan Petrov đã tiếp Ngoại trưởng Anna Berg tại Dinh Tổng thống "
            "Merdeka.",
            ["Ivan Petrov", "Anna Berg"],
        ),
        (
            "Hai bên hội đàm tại Phủ Tổng thống Quirinale và Văn phòng Thủ tướng Chigi.",
            [],
        ),
        # a title after another word is still a person's
        (
            "Ông Hai gặp Tổng thống Ivan Petrov tại Thủ đô.",
            ["Ivan Petrov"],
        ),
    ],
)
def test_the_seat_of_an_office_is_no_office_holder(sentence: str, names: list[str]) -> None:
    assert [m.person.name for m in find_mentions(sentence, "vi")] == names


def test_the_second_of_those_met_named_by_the_body_they_head_is_no_traveller() -> None:
    body = (
        "Vice President Anna Berg's tour of Mozambique ended on Saturday. There she held "
        "talks with Prime Minister Carlos Mendes, met President Filipe Sousa and "
        "Assembly President Maria Costa, and visited a telecoms joint venture."
    )
    assert _principal(body, "en") == "Anna Berg"


@pytest.mark.parametrize(
    ("body", "principal"),
    [
        (
            "Vice President Anna Berg's week-long tour of southern Africa has helped open new "
            "markets, Deputy Foreign Minister Karl Lund said in an interview. Lund said the "
            "talks in Pretoria were frank. Lund added that trade would double.",
            "Anna Berg",
        ),
        # a journey the lead sets before now is not the one the article follows
        (
            "The forum opens a week after President Ivan Petrov's state visit to Japan, Deputy "
            "Foreign Minister Karl Lund said on Monday. Lund said preparations were complete. "
            "Lund also said the forum would be held in Osaka.",
            "Karl Lund",
        ),
    ],
)
def test_the_owner_of_the_journey_the_lead_names_travels(body: str, principal: str) -> None:
    assert _principal(body, "en") == principal


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The chairwoman of Ruritania's National Assembly, Anna Berg, touched down in "
            "Canberra on Wednesday.",
            [("Anna Berg", "Chairman")],
        ),
        (
            "The prime minister of Ruritania, Ivan Petrov, arrived in Hanoi on Monday.",
            [("Ivan Petrov", "Prime Minister")],
        ),
        # a title told first must be a title
        ("The capital of Ruritania, Santa Maria, hosted the talks.", []),
        # the name first, then its title in lower case
        (
            "Berg, chairwoman of Ruritania's National Assembly and a member of the cabinet, "
            "is the most senior legislator to visit Australia in nine years.",
            [("Berg", "Chairman")],
        ),
        (
            "Anna Berg, prime minister of Ruritania, arrived in Hanoi on Monday.",
            [("Anna Berg", "Prime Minister")],
        ),
        ("Santa Maria, capital of Ruritania, hosted the talks.", []),
    ],
)
def test_a_title_told_first_names_the_one_after_it(
    sentence: str, names: list[tuple[str, str]]
) -> None:
    assert [(m.person.name, m.person.title) for m in find_mentions(sentence, "en")] == names
