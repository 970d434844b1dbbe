"""The traveller when the body names them only in passing (issue 12, item 3, the traveller
model): the headline makes them the subject of a travel verb ("Suga heads home ..."), a
title set off by commas follows their name ("Nguyen Phu Trong, General Secretary of ...,
touched down"), the English press drops the diacritics of a name in the office-holder
table, and a one-word name after a title ends at "tại"; a syllable of a Vietnamese name
in a headline ("Nam Phi") is no one. Another leader's visit told in a
noun phrase ("trong chuyến thăm ... của ông B tới Trung Quốc") makes no one else its
traveller. Invented articles; each test fails without its rule."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.ingest.people.find import find_mentions
from tests.support.reading import read_article


def _principal(body: str, lang: str, headline: str, published: date) -> str | None:
    facts = read_article(body, lang, published, "6" * 64, headline=headline)
    return facts.principal.value.name if facts.principal is not None else None


@pytest.mark.parametrize(
    "headline", ["Sato heads home from Southeast Asia", "Sato lands in Tokyo after Asia trip"]
)
def test_the_headline_s_traveller_beats_a_traveller_in_the_background(headline: str) -> None:
    body = (
        "JAKARTA (Reuters) - Japanese Prime Minister Kenji Sato said on Wednesday that Japan "
        "opposes any rise in tension at sea, as he wrapped up a four-day trip to Vietnam and "
        "Indonesia. Chinese Foreign Minister Li Wei, who visited five Southeast Asian "
        "countries last week, called such remarks unhelpful."
    )
    assert _principal(body, "en", headline, date(2020, 10, 21)) == "Kenji Sato"


def test_a_syllable_of_a_vietnamese_name_in_a_headline_is_no_one() -> None:
    """ "Nam" of "Nam Phi" is not Mr Nam: a Vietnamese name counts only whole."""
    body = (
        "Chiều 5/3, Tổng thống Nam Phi Cyril Moyo đã tới Hà Nội, bắt đầu chuyến thăm cấp Nhà "
        "nước Việt Nam. Bộ trưởng Nguyễn Văn Nam cũng dự buổi lễ."
    )
    headline = "Tổng thống Nam Phi tới Hà Nội"
    assert _principal(body, "vi", headline, date(2024, 3, 5)) == "Cyril Moyo"


def test_a_title_set_off_by_commas_keeps_its_subject_the_traveller() -> None:
    body = (
        "BEIJING, October 30 - Nguyen Phu Trong, General Secretary of the Communist Party of "
        "Vietnam, touched down in Beijing on Sunday afternoon for an official visit to China. "
        "Pakistani Prime Minister Shehbaz Sharif is due in Beijing on Tuesday."
    )
    headline = "Vietnam's party chief lands in Beijing"
    assert _principal(body, "en", headline, date(2022, 10, 30)) == "Nguyen Phu Trong"


def test_a_name_of_the_table_is_found_without_its_diacritics() -> None:
    found = find_mentions("Nguyen Phu Trong met voters in Hanoi.", "en")
    assert [m.person.name for m in found] == ["Nguyen Phu Trong"]


def test_a_one_word_name_after_a_title_ends_at_tai() -> None:
    found = find_mentions(
        "Tổng thống Ai Cập sẽ chủ trì lễ đón Tổng thống Lula tại Phủ Tổng thống ở Cai-rô.", "vi"
    )
    assert [m.person.name for m in found] == ["Lula"]


def test_a_visit_owned_by_someone_else_makes_no_one_else_its_traveller() -> None:
    body = (
        "Thủ tướng Chi-lê Ivan Petrov hội đàm với Thủ tướng Pháp tại Paris sáng 22/6. Ông "
        "Petrov cho biết chuyến thăm nhằm cụ thể hóa nhận thức chung mà Chủ tịch Trung Quốc "
        "Lý Minh và Tổng thống Pháp Jean Dupont đạt được trong chuyến thăm cấp Nhà nước của "
        "ông Dupont tới Trung Quốc hồi tháng 4. Ông Petrov tới sân bay Orly chiều 21/6."
    )
    headline = "Thủ tướng Chi-lê hội đàm với người đồng cấp Pháp"
    assert _principal(body, "vi", headline, date(2023, 6, 22)) == "Ivan Petrov"


def test_the_headline_names_the_traveller_a_bare_word_gives() -> None:
    """ "... as Xi greets a freight train": the body names him in full once, untravelled,
    and then "Xi flew into Warsaw"; another leader's state visit told in passing ("Russian
    President B ... would pay a state visit to China on Saturday") is not the story's."""
    body = (
        "WARSAW, June 20 (Reuters) - Chilean President Ivan Petrov and Polish President Jan "
        "Nowak agreed on Monday to raise relations. Petrov flew into Warsaw on Sunday from "
        "Belgrade. The foreign ministry said that Russian President Oleg Ivanov would pay a "
        "state visit to Chile on Saturday."
    )
    headline = "Chile, Poland lift ties as Petrov greets a freight train"
    assert _principal(body, "en", headline, date(2016, 6, 20)) == "Ivan Petrov"


def test_a_past_office_holder_is_no_traveller() -> None:
    """ "Thuong follows then-President B, who was received by Francis in 2016": B's visit
    is history, and B never the traveller."""
    body = (
        "Pope Francis received Chilean President Ivan Petrov at the Vatican on Thursday. "
        "Petrov follows then-President Anna Novak, who was received by Francis in November "
        "2016."
    )
    headline = "Pope Francis receives Chile's president"
    assert _principal(body, "en", headline, date(2023, 7, 27)) == "Ivan Petrov"


def test_a_name_ending_in_jr_keeps_its_verb() -> None:
    """ "Tổng thống Philippines Ferdinand Marcos Jr. và Phu nhân ... đã tới Hà Nội": the
    full stop is the name's, not the sentence's; a predecessor's old visit is history."""
    body = (
        "Chiều 29/1, Tổng thống Philippines Ferdinand Marcos Jr. và Phu nhân đã tới Hà Nội, "
        "bắt đầu chuyến thăm cấp Nhà nước tới Việt Nam. Đây là chuyến thăm Việt Nam đầu "
        "tiên của một Tổng thống Philippines kể từ chuyến thăm của Tổng thống Rodrigo "
        "Duterte năm 2016."
    )
    headline = "Tổng thống Philippines đến Hà Nội"
    assert _principal(body, "vi", headline, date(2024, 1, 29)) == "Ferdinand Marcos Jr"
