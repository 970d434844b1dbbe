"""Articles for the fault probe: many distinct, plausible reports of leaders' visits.

The probe needs texts that ingestion turns into trip facts (so a duplicate that slips
through appends real facts, as it would in production), and many of them about the same
trips (so writers contend for the same trip streams). Templates in English and
Vietnamese combine a handful of leaders, host countries and dates; the seed articles
come first. Deterministic for a seed, so a run can be repeated.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: (English title, name, Vietnamese title)
LEADERS = [
    ("General Secretary", "Tô Lâm", "Tổng Bí thư"),
    ("State President", "Lương Cường", "Chủ tịch nước"),
    ("Prime Minister", "Phạm Minh Chính", "Thủ tướng"),
    ("National Assembly Chairman", "Trần Thanh Mẫn", "Chủ tịch Quốc hội"),
]

#: (country, Vietnamese name, capital, host's title and name)
HOSTS = [
    ("Japan", "Nhật Bản", "Tokyo", "Prime Minister Shigeru Ishiba"),
    ("India", "Ấn Độ", "New Delhi", "President Droupadi Murmu"),
    ("France", "Pháp", "Paris", "President Emmanuel Macron"),
    ("Indonesia", "Indonesia", "Jakarta", "President Prabowo Subianto"),
    ("Brazil", "Brazil", "Brasília", "President Luiz Inácio Lula da Silva"),
    ("Kenya", "Kenya", "Nairobi", "President William Ruto"),
    ("Germany", "Đức", "Berlin", "Chancellor Friedrich Merz"),
    ("Singapore", "Singapore", "Singapore", "Prime Minister Lawrence Wong"),
    ("Laos", "Lào", "Vientiane", "President Thongloun Sisoulith"),
    ("Cambodia", "Campuchia", "Phnom Penh", "Prime Minister Hun Manet"),
    ("Australia", "Australia", "Canberra", "Prime Minister Anthony Albanese"),
    ("Chile", "Chile", "Santiago", "President Gabriel Boric"),
    ("Egypt", "Ai Cập", "Cairo", "President Abdel Fattah el-Sisi"),
    ("Italy", "Italy", "Rome", "Prime Minister Giorgia Meloni"),
    ("Mongolia", "Mông Cổ", "Ulaanbaatar", "President Ukhnaagiin Khürelsükh"),
]

KINDS = [("state", "cấp Nhà nước"), ("official", "chính thức")]
TOPICS = [
    "trade and investment",
    "semiconductors and green energy",
    "labour mobility",
    "railway and port development",
    "agriculture and food security",
    "education and scholarships",
    "digital transformation",
    "defence industry cooperation",
    "tourism and direct flights",
    "climate change adaptation in the Mekong Delta",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
#: One or two years: many reports land on the same trips, as real coverage does.
YEARS = [2026, 2027]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _announcement(rng: random.Random, n: int) -> str:
    title, name, _ = rng.choice(LEADERS)
    country, _, _, host = rng.choice(HOSTS)
    kind, _ = rng.choice(KINDS)
    start = date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 24))
    end = start + timedelta(days=rng.randint(1, 4))
    published = start - timedelta(days=rng.randint(2, 9))
    until = f"{MONTHS[end.month - 1]} {end.day}" if end.month != start.month else str(end.day)
    return (
        f" date {published.isoformat()} HÀ NỘI — {title} {name} will pay "
        f"{'an' if kind == 'official' else 'a'} {kind} visit to {country} "
        f"from {MONTHS[start.month - 1]} {start.day} to {until} "
        f"at the invitation of {host}, the Ministry of Foreign Affairs announced on "
        f"{WEEKDAYS[published.weekday()]}.\n\n"
        f"The two sides are expected to sign {rng.randint(2, 19)} agreements on "
        f"{rng.choice(TOPICS)} and on {rng.choice(TOPICS)}.\n\n"
        f"Officials said the programme, in its draft number {n}, also includes a business "
        f"forum and a meeting with the Vietnamese community in {country}.\n"
    )


def _arrival(rng: random.Random, n: int) -> str:
    title, name, _ = rng.choice(LEADERS)
    country, _, capital, host = rng.choice(HOSTS)
    kind, _ = rng.choice(KINDS)
    start = date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 24))
    days = rng.randint(2, 4)
    end = start + timedelta(days=days - 1)
    words = {2: "two-day", 3: "three-day", 4: "four-day"}[days]
    return (
        f" date {start.isoformat()} {capital.upper()} — {title} {name} and a high-ranking "
        f"Vietnamese delegation arrived in {capital} on the afternoon of "
        f"{MONTHS[start.month - 1]} {start.day}, beginning a {words} {kind} visit to "
        f"{country} at the invitation of {host}.\n\n"
        f"The {MONTHS[start.month - 1]} {start.day}-{end.day} visit comes as trade "
        f"in {rng.choice(TOPICS)} reached a record high last year.\n\n"
        f"The delegation was greeted at the airport by {rng.randint(3, 40)} senior "
        f"officials of the host country (dispatch {n}).\n"
    )


def _vietnamese(rng: random.Random, n: int) -> str:
    _, name, vi_title = rng.choice(LEADERS)
    _, vi_country, _, host = rng.choice(HOSTS)
    _, vi_kind = rng.choice(KINDS)
    start = date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 24))
    end = start + timedelta(days=rng.randint(1, 4))
    published = start - timedelta(days=rng.randint(2, 9))
    return (
        f" date {published.isoformat()} {vi_title} {name} sắp thăm {vi_kind} {vi_country}\n\n"
        f"Theo lời mời của {host}, {vi_title} {name} sẽ thăm {vi_kind} {vi_country} từ ngày "
        f"{start.day}/{start.month} đến ngày {end.day}/{end.month}/{end.year}.\n\n"
        f"Dự kiến, hai bên sẽ hội đàm và chứng kiến lễ ký {rng.randint(2, 19)} văn kiện "
        f"hợp tác (bản tin số {n}).\n"
    )


_TEMPLATES = [_announcement, _announcement, _arrival, _vietnamese]


def seed_texts() -> list[str]:
    """The seed articles, as their bytes decode (they are UTF-8 by the manifest)."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def make_texts(count: int, seed: int = 11) -> list[str]:
    """`count` distinct articles: the seeds first, then generated ones."""
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()
    for text in seed_texts():
        if len(texts) < count and text not in seen:
            texts.append(text)
            seen.add(text)
    n = 0
    while len(texts) < count:
        n += 1
        text = rng.choice(_TEMPLATES)(rng, n)
        if text not in seen:
            texts.append(text)
            seen.add(text)
    return texts
