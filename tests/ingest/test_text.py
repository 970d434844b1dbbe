"""Article parsing: header, page furniture, datelines and sentence splitting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_svc.ingest.text import (
    ParsedArticle,
    detect_language,
    parse_article,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_consistent(article: ParsedArticle) -> None:
    """Invariants every parse must satisfy, whatever the input."""
    text = article.text
    b0, b1 = article.body_span
    assert 0 <= b0 <= b1 <= len(text)
    prev_end = b0
    for i, s in enumerate(article.sentences):
        assert s.index == i
        a, b = s.span
        assert prev_end <= a < b <= b1
        assert text[a:b] == s.text
        assert s.text == s.text.strip()
        prev_end = b
    paragraphs = [s.paragraph for s in article.sentences]
    assert paragraphs == sorted(paragraphs)
    if paragraphs:
        assert paragraphs[0] == 0
        assert set(paragraphs) == set(range(paragraphs[-1] + 1))
    for span in (article.title_span, article.dateline_span):
        if span is not None:
            assert 0 <= span[0] <= span[1] <= len(text)
    if article.title is not None:
        assert article.title_span is not None
        assert text[article.title_span[0] : article.title_span[1]] == article.title


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_invariants_and_stability(prefix: str) -> None:
    text = seed(prefix)
    article = parse_article(text)
    assert article.text == text
    assert article.language_detected
    assert article.sentences
    assert_consistent(article)
    assert parse_article(text) == article  # same text, same indexes


@pytest.mark.parametrize(
    ("prefix", "lang"), [("000", "en"), ("001", "en"), ("002", "en"), ("003", "vi"), ("004", "vi")]
)
def test_seed_language_detected(prefix: str, lang: str) -> None:
    assert parse_article(seed(prefix)).language == lang
    assert detect_language(seed(prefix)) == lang


def test_given_language_is_kept() -> None:
    article = parse_article(seed("000"), language="vi")
    assert article.language == "vi"
    assert not article.language_detected


def test_seed_000_date_header_and_dateline() -> None:
    text = seed("000")
    article = parse_article(text)
    assert article.published_on == date(2025, 5, 4)
    assert article.dateline == "HÀ NỘI"
    assert article.title is None
    first = article.sentences[0]
    assert first.text.startswith("The trips by General Secretary")
    assert first.text.endswith("told the press ahead of the visits.")
    assert article.dateline_span is not None
    assert text[article.dateline_span[0] : article.dateline_span[1]].startswith("HÀ NỘI —")
    # The agency sign-off is not part of the last sentence.
    assert article.sentences[-1].text.endswith("stated Hằng.")
    assert all("— VNS" not in s.text for s in article.sentences)


def test_seed_001_header_furniture_is_skipped() -> None:
    text = seed("001")
    article = parse_article(text)
    assert article.published_on == date(2025, 5, 5)
    assert article.published_at_text == datetime(2025, 5, 5, 13, 35)
    assert article.title == (
        "Party leader leaves for visits to Kazakhstan, Azerbaijan, Russia, Belarus"
    )
    assert article.dateline == "HÀ NỘI"
    body = text[article.body_span[0] : article.body_span[1]]
    assert "Home Politics & Law" not in body
    assert "VNA/VNS Photo" not in body
    assert "May 05, 2025 - 13:35" not in body
    assert article.sentences[0].text.startswith("General Secretary of the Communist Party")
    joined = " ".join(s.text for s in article.sentences)
    assert "Politics & Law" not in joined
    assert "VNA/VNS" not in joined
    assert article.sentences[1].text.startswith("The visits from May 5 to 12")


def test_seed_002_dateline_and_sentences() -> None:
    article = parse_article(seed("002"))
    assert article.dateline == "MOSCOW"
    assert article.published_on == date(2025, 5, 11)
    texts = [s.text for s in article.sentences]
    assert any("from May 8-11" in t for t in texts)
    assert texts[0].startswith("General Secretary of the Communist Party of Việt Nam")
    # Parenthesised dates do not split sentences.
    assert any("(May 9, 1945 - 2025)." in t for t in texts)


def test_seed_003_interview_closing_ends_the_article() -> None:
    text = seed("003")
    article = parse_article(text)
    assert article.published_on is None
    assert article.title == (
        "Không ngừng củng cố quan hệ hữu nghị với các quốc gia bạn bè truyền thống"
    )
    assert article.sentences[-1].text == "Phóng viên: Trân trọng cảm ơn Thứ trưởng!"
    assert text.index("nhandan.vn") >= article.body_span[1]
    assert text.index("Có thể bạn quan tâm") >= article.body_span[1]
    joined = " ".join(s.text for s in article.sentences)
    assert "Bản Lầu" not in joined
    assert "fb yt zl tw" not in joined
    # The duplicated photo caption is kept once.
    assert joined.count("Thứ trưởng Ngoại giao Lê Thị Thu Hằng.") == 1
    # Ellipsis followed by a comma does not end a sentence.
    assert any("hòa bình..., góp phần" in s.text for s in article.sentences)


def test_seed_004_caption_skipped() -> None:
    article = parse_article(seed("004"))
    assert article.title is not None
    assert article.title.startswith("Tổng Bí thư Tô Lâm sắp thăm Liên bang Nga")
    joined = " ".join(s.text for s in article.sentences)
    assert "Ảnh: TTXVN" not in joined
    assert article.sentences[0].text.startswith("Tổng Bí thư Tô Lâm và Phu nhân")
    assert article.sentences[0].text.endswith("từ 5 - 12/5.")


def test_fixture_edge_cases_en() -> None:
    text = fixture("text_edge_cases_en.txt")
    article = parse_article(text)
    assert_consistent(article)
    assert article.published_on == date(2024, 12, 13)
    assert article.published_at_text == datetime(2024, 12, 13, 9, 5)
    assert article.dateline == "KUALA LUMPUR"
    assert article.title == "Prime Minister attends summit in Kuala Lumpur"
    texts = [s.text for s in article.sentences]
    assert texts == [
        "Prime Minister Phạm Minh Chính left Hà Nội on Dec. 12 for Kuala Lumpur, where he will "
        "attend the summit at the Convention Centre on Jalan St. John No. 5.",
        "He met Mr. Anwar Ibrahim at 3.30 p.m. on the same day.",
        '"We will work together," said Mr. Anwar.',
        "The two leaders also discussed ties with the U.S. and the EU...",
        "Both sides agreed to meet again.",
        "The meeting was chaired by Dr. J. R. Kumar, who was elected in 2019.",
        "Did they agree?",
        "Yes!",
        "Officials said the talks were productive.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1, 1, 1, 2, 3, 3, 3]
    assert text.index("Most read") >= article.body_span[1]


def test_fixture_vietnamese_page_with_timestamp_and_social_tail() -> None:
    text = fixture("people_president_trip_vi.txt")
    article = parse_article(text)
    assert_consistent(article)
    assert article.language == "vi"
    assert article.published_on == date(2024, 8, 12)
    assert article.published_at_text == datetime(2024, 8, 12, 7, 30)
    assert article.title == "Chủ tịch nước lên đường thăm cấp Nhà nước Cộng hòa Chile"
    assert article.sentences[0].text.startswith("Sáng 12/8, Chủ tịch nước Lương Cường")
    assert text.index("baochinhphu.vn") >= article.body_span[1]
    assert text.index("Bài liên quan") >= article.body_span[1]


def test_fixture_related_news_tail_in_vietnamese() -> None:
    text = fixture("people_france_president_visit_vi.txt")
    article = parse_article(text)
    assert text.index("Tin liên quan") >= article.body_span[1]
    joined = " ".join(s.text for s in article.sentences)
    assert "Ảnh: TTXVN" not in joined
    assert "Đại sứ Pháp" not in joined


@pytest.mark.parametrize(
    "marker",
    [
        "RELATED COVERAGE",
        "Related coverage",
        "MORE COVERAGE",
        "Read also",
        "See more",
        "Related content",
        "Related links",
        "Related reading",
        "Further reading",
    ],
)
def test_a_related_coverage_tail_ends_the_body(marker: str) -> None:
    """The wires' "RELATED COVERAGE" list is other stories: none of its headlines is read."""
    text = (
        "Petrov flies home\n\nChilean President Ivan Petrov flew home on Friday.\n\n"
        f"{marker}\n- Biden to visit South Korea, Japan May 20-24\n"
    )
    article = parse_article(text, "en")
    assert text.index(marker) >= article.body_span[1]
    assert all("Biden" not in s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "He left on Dec. 12 for Kyiv. He returned.",
            ["He left on Dec. 12 for Kyiv.", "He returned."],
        ),
        # a month after a range's dash: "Nov. 30-Dec. 2"
        (
            "He will visit France on Nov. 30-Dec. 2, a spokesman said. He returns.",
            ["He will visit France on Nov. 30-Dec. 2, a spokesman said.", "He returns."],
        ),
        ("The U.S. President arrived. It rained.", ["The U.S. President arrived.", "It rained."]),
        ("He visited the U.S. The trip went well.", ["He visited the U.S.", "The trip went well."]),
        ("Growth hit 6.5 per cent. Exports rose.", ["Growth hit 6.5 per cent.", "Exports rose."]),
        ("See Resolution No. 57 on science. Done.", ["See Resolution No. 57 on science.", "Done."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        # a Vietnamese word of one letter ends its sentence: "châu Á", "Ý" (Italy)
        (
            "Ông công du Đông Nam Á. Tại Bru-nây, ông dự lễ cưới.",
            ["Ông công du Đông Nam Á.", "Tại Bru-nây, ông dự lễ cưới."],
        ),
        ("Ông sang thăm Ý. Ngày 14/1 ông về.", ["Ông sang thăm Ý.", "Ngày 14/1 ông về."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ('She said: "We agree." Talks ended.', ['She said: "We agree."', "Talks ended."]),
        ("Ông đến TP. Hồ Chí Minh. Sau đó ông về.", ["Ông đến TP. Hồ Chí Minh.", "Sau đó ông về."]),
        ("Thủ tướng phát biểu. Đoàn rời đi!", ["Thủ tướng phát biểu.", "Đoàn rời đi!"]),
        ("no capital after. this stays one", ["no capital after. this stays one"]),
        ("", []),
        ("  ...  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == expected


def test_split_sentences_offsets_are_absolute() -> None:
    text = "XXXX One sentence. Two sentence. YYYY"
    spans = split_sentences(text, 5, 32)
    assert [text[a:b] for a, b in spans] == ["One sentence.", "Two sentence."]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The President of Việt Nam met the Prime Minister in Hà Nội on Monday.", "en"),
        ("Chủ tịch nước đã tiếp Thủ tướng tại Hà Nội và hai bên trao đổi về hợp tác.", "vi"),
        ("Tô Lâm", "vi"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_no_header_no_title_single_paragraph() -> None:
    text = "The Prime Minister left for Tokyo on Monday. He will meet business leaders."
    article = parse_article(text)
    assert article.published_on is None
    assert article.title is None
    assert article.body_span == (0, len(text))
    assert [s.text for s in article.sentences] == [
        "The Prime Minister left for Tokyo on Monday.",
        "He will meet business leaders.",
    ]


def test_invalid_header_date_is_ignored_but_stripped() -> None:
    article = parse_article(" date 2025-13-45 HÀ NỘI — The talks began. They ended.")
    assert article.published_on is None
    assert article.dateline == "HÀ NỘI"
    assert [s.text for s in article.sentences] == ["The talks began.", "They ended."]


def test_empty_text() -> None:
    article = parse_article("")
    assert article.sentences == []
    assert article.body_span == (0, 0)
    assert article.language == "en"


_PIECES = st.sampled_from(
    [
        " date 2025-05-04 ",
        "HÀ NỘI — ",
        "Related news",
        "Có thể bạn quan tâm",
        "nhandan.vn",
        "fb yt zl tw",
        "May 05, 2025 - 13:35",
        "— VNA/VNS Photo",
        "Ảnh: TTXVN",
        "Phóng viên: Trân trọng cảm ơn!",
        "Home Politics & Law",
        "Mr. ",
        "U.S. ",
        "Dec. 12",
        "...",
        "…",
        " — VNS",
        "Tổng Bí thư Tô Lâm thăm Nga.",
        "The President left. ",
        "\n",
        "\n\n",
        " ",
        '"',
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_article_never_raises_on_arbitrary_text(text: str) -> None:
    assert_consistent(parse_article(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=25).map("".join))
def test_parse_article_never_raises_on_article_like_text(text: str) -> None:
    article = parse_article(text)
    assert_consistent(article)
    assert parse_article(text) == article
