"""`domain.facts` and `domain.ids`: every key a builder writes, the parser reads back;
ids and stream names have one spelling, the one stored on the log."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_svc.domain import facts, ids


@pytest.mark.parametrize(
    ("key", "kind", "subject", "name"),
    [
        (facts.leg("a-2024-05-01/fr", "visit_type"), "leg", "a-2024-05-01/fr", "visit_type"),
        (facts.leg("a-2024-05-01/fr+summit", "window"), "leg", "a-2024-05-01/fr+summit", "window"),
        (facts.trip("window"), "trip", facts.WHOLE_TRIP, "window"),
        (facts.trip("concluded"), "trip", facts.WHOLE_TRIP, "concluded"),
        (facts.status("postponed", None), "postponed", facts.WHOLE_TRIP, ""),
        (facts.status("cancelled", "t/jp"), "cancelled", "t/jp", ""),
        (facts.arrival("t/jp"), "arrival", "t/jp", ""),
        (facts.concluded("t/jp"), "concluded", "t/jp", ""),
        (facts.engagement("t/jp/talks-x"), "engagement", "t/jp/talks-x", ""),
    ],
)
def test_the_parser_reads_what_each_builder_writes(
    key: str, kind: str, subject: str, name: str
) -> None:
    assert facts.parse(key) == facts.FactKey(kind, subject, name)


def test_keys_keep_the_spelling_already_on_the_log() -> None:
    """Stored events carry these keys: a new spelling would split old and new facts."""
    assert facts.leg("t/ru", "visit_type") == "leg:t/ru.visit_type"
    assert facts.trip("window") == "trip.window"
    assert facts.status("postponed", None) == "postponed:trip"
    assert facts.status("cancelled", "t/ru") == "cancelled:t/ru"
    assert facts.member("Bùi Thanh Sơn") == "delegation.member:Bùi Thanh Sơn"
    assert facts.departure("Hà Nội", date(2024, 5, 1)) == "departure:Hà Nội:2024-05-01"
    assert facts.is_status("postponed:t/jp", "postponed")
    assert not facts.is_status("cancelled:t/jp", "postponed")


def test_ids_and_streams_keep_their_stored_spelling() -> None:
    trip = ids.trip_id("Tô Lâm", date(2024, 8, 18))
    assert trip == "to-lam-2024-08-18"
    assert ids.leg_id(trip, "CN") == "to-lam-2024-08-18/cn"
    assert ids.engagement_id(ids.leg_id(trip, "CN"), "talks") == "to-lam-2024-08-18/cn/talks"
    assert ids.trip_stream(trip) == "trip-to-lam-2024-08-18"
    assert ids.article_stream("ab" * 32) == "article-" + "ab" * 32


def test_a_window_read_back_from_its_fact_text_is_the_same_window() -> None:
    from datetime import date

    from calendar_svc.domain.trip import window_from_text, window_text
    from calendar_svc.domain.values import DateWindow

    window = DateWindow(date(2019, 8, 25), date(2019, 8, 26))
    assert window_from_text(window_text(window)) == window
    assert window_from_text("yes") is None
