"""Who travels, who invites, who comes along and whom they meet.

People in diplomatic news are almost always introduced as "<title> [of <organisation>] <name>"
(English) or "<title> [<organisation/country>] <name>" (Vietnamese), so mentions are found by
matching a title lexicon and parsing the capitalised phrase after it. The hard part is where an
organisation ends and the name begins ("... of Việt Nam (CPV) Central Committee Tô Lâm"):
organisation words, country names (Babel's CLDR data, English and Vietnamese), demonyms,
acronyms and ranks cannot be part of a name, and Vietnamese names start with one of a small,
closed set of surnames.

Roles come from cue phrases around the mentions: travel verbs ("left", "will pay", "dẫn đầu",
"thăm") make the principal, invitation phrases ("at the invitation of", "theo lời mời của")
make inviters, delegation lists ("The delegation includes", "Đoàn gồm có", "cùng đi có") make
delegation members, and meeting verbs ("held talks", "hội đàm") make counterparts.

Spans returned by :func:`find_people` index into the sentence it was given; spans in
:class:`PeopleFacts` from :func:`extract_people` index into the article's full text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

import msgspec
from babel import Locale

from calendar_svc.ingest.budget import check
from calendar_svc.ingest.text import ParsedArticle
from calendar_svc.reference.countries import demonym_forms
from calendar_svc.reference.countries import press_forms as press_country_forms

__all__ = [
    "UNNAMED",
    "PeopleFacts",
    "Person",
    "extract_people",
    "find_people",
    "looks_vietnamese",
    "same_person",
    "title_forms",
]

Language = Literal["en", "vi"]


def _words(text: str) -> frozenset[str]:
    """A word list written as prose, so long vocabularies stay readable."""
    return frozenset(text.split())


UNNAMED = ""
"""``Person.name`` of someone known to be present but not named ("và Phu nhân")."""


class Person(msgspec.Struct, frozen=True):
    """A titled person mention.

    ``name`` is :data:`UNNAMED` (the empty string) when the article says someone is present
    without naming them, e.g. the spouse in "Tổng Bí thư Tô Lâm và Phu nhân"; ``title`` is
    then the role ("Spouse") and ``span``/``text`` cover the words that said so.
    """

    name: str
    title: str | None
    title_text: str | None
    organisation_or_country: str | None
    span: tuple[int, int]
    text: str

    @property
    def is_named(self) -> bool:
        """False for a person known to be present whose name the article does not give."""
        return self.name != UNNAMED


class PeopleFacts(msgspec.Struct, frozen=True):
    """People roles of one article; ``principal_mentions`` are spans referring back to the
    principal (full name, bare given name "Lâm", "the Party leader", ...)."""

    principal: Person | None
    spouse: Person | None
    delegation: list[Person]
    inviters: list[Person]
    counterparts: list[Person]
    principal_mentions: list[tuple[int, int]] = msgspec.field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

# (surface form, normalised English title). Matched case-insensitively, longest first.
_EN_TITLES: list[tuple[str, str]] = [
    ("Party General Secretary", "General Secretary"),
    ("General Secretary", "General Secretary"),
    ("Secretary General", "Secretary-General"),
    ("Secretary-General", "Secretary-General"),
    ("Party chief", "General Secretary"),
    ("Party leader", "General Secretary"),
    ("First Secretary", "First Secretary"),
    ("Secretary of State", "Secretary of State"),
    ("Secretary", "Secretary"),
    ("State President", "President"),
    ("Vice President", "Vice President"),
    ("Vice-President", "Vice President"),
    ("President", "President"),
    ("Permanent Deputy Prime Minister", "Permanent Deputy Prime Minister"),
    ("Deputy Prime Minister", "Deputy Prime Minister"),
    ("Deputy PM", "Deputy Prime Minister"),
    ("Prime Minister", "Prime Minister"),
    ("PM", "Prime Minister"),
    ("Premier", "Prime Minister"),
    ("National Assembly Chairman", "Chairman of the National Assembly"),
    ("National Assembly Chairwoman", "Chairman of the National Assembly"),
    ("NA Chairman", "Chairman of the National Assembly"),
    ("NA Chairwoman", "Chairman of the National Assembly"),
    ("Vice Chairman", "Vice Chairman"),
    ("Vice Chairwoman", "Vice Chairman"),
    ("Chairman", "Chairman"),
    ("Chairwoman", "Chairman"),
    ("Chairperson", "Chairman"),
    ("Speaker", "Speaker"),
    ("Permanent Deputy Foreign Minister", "Permanent Deputy Minister of Foreign Affairs"),
    ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("Defence Minister", "Minister of National Defence"),
    ("Defense Minister", "Minister of National Defence"),
    ("Deputy Minister", "Deputy Minister"),
    ("Minister", "Minister"),
    ("Federal Chancellor", "Chancellor"),
    ("Chancellor", "Chancellor"),
    ("Crown Prince", "Crown Prince"),
    ("Prince", "Prince"),
    ("Princess", "Princess"),
    ("King", "King"),
    ("Queen", "Queen"),
    ("Emperor", "Emperor"),
    ("Empress", "Empress"),
    ("Sultan", "Sultan"),
    ("Emir", "Emir"),
    ("Grand Duke", "Grand Duke"),
    ("Pope", "Pope"),
    ("Governor", "Governor"),
    ("Mayor", "Mayor"),
    ("Ambassador", "Ambassador"),
    ("Politburo member", "Politburo member"),
    # "his Kazakh counterpart Kassym-Jomart Tokayev": kept only after a possessive (_find)
    ("counterpart", "Counterpart"),
]
_VI_TITLES: list[tuple[str, str]] = [
    ("Tổng Bí thư", "General Secretary"),
    ("Bí thư thứ nhất", "First Secretary"),
    ("Thường trực Ban Bí thư", "Permanent Member of the Secretariat"),
    ("Bí thư", "Secretary"),
    ("Phó Chủ tịch nước", "Vice President"),
    ("Chủ tịch nước", "President"),
    ("Phó Chủ tịch Quốc hội", "Vice Chairman of the National Assembly"),
    ("Chủ tịch Quốc hội", "Chairman of the National Assembly"),
    ("Chủ tịch Thượng viện", "President of the Senate"),
    ("Chủ tịch Hạ viện", "Speaker of the House"),
    ("Phó Chủ tịch", "Vice Chairman"),
    ("Chủ tịch", "Chairman"),
    ("Phó Tổng thống", "Vice President"),
    ("Tổng thống", "President"),
    ("Phó Thủ tướng Thường trực", "Permanent Deputy Prime Minister"),
    ("Phó Thủ tướng", "Deputy Prime Minister"),
    ("Thủ tướng Chính phủ", "Prime Minister"),
    ("Thủ tướng", "Prime Minister"),
    ("Ngoại trưởng", "Minister of Foreign Affairs"),
    ("Thứ trưởng Thường trực", "Permanent Deputy Minister"),
    ("Thứ trưởng", "Deputy Minister"),
    ("Bộ trưởng", "Minister"),
    ("Tổng Thư ký", "Secretary-General"),
    ("Quốc vương", "King"),
    ("Nhà vua", "King"),
    ("Vua", "King"),  # "Vua Charles III", "Vua Anh Charles III"
    ("Nữ hoàng", "Queen"),
    ("Hoàng hậu", "Queen"),
    ("Nhật hoàng", "Emperor"),
    ("Thiên hoàng", "Emperor"),
    ("Hoàng đế", "Emperor"),
    ("Thái tử", "Crown Prince"),
    ("Hoàng tử", "Prince"),
    ("Công chúa", "Princess"),
    ("Đại sứ", "Ambassador"),
    ("Ủy viên Bộ Chính trị", "Politburo member"),
    ("Uỷ viên Bộ Chính trị", "Politburo member"),
    ("người đồng cấp", "Counterpart"),  # "người đồng cấp Kazakhstan Kassym-Jomart Tokayev"
]
_RANKS: list[tuple[str, str]] = [
    ("Senior Lieutenant General", "Senior Lieutenant General"),
    ("Lieutenant General", "Lieutenant General"),
    ("Major General", "Major General"),
    ("General", "General"),
    ("Admiral", "Admiral"),
    ("Colonel", "Colonel"),
    ("Đại tướng", "General"),
    ("Thượng tướng", "Senior Lieutenant General"),
    ("Trung tướng", "Lieutenant General"),
    ("Thiếu tướng", "Major General"),
    ("Đô đốc", "Admiral"),
]
# Vietnamese ministries, for "Bộ trưởng Bộ Ngoại giao" -> "Minister of Foreign Affairs".
_VI_PORTFOLIOS = {
    "ngoại giao": "Foreign Affairs",
    "quốc phòng": "National Defence",
    "công an": "Public Security",
    "công thương": "Industry and Trade",
    "tài chính": "Finance",
    "kế hoạch và đầu tư": "Planning and Investment",
    "tư pháp": "Justice",
    "nội vụ": "Home Affairs",
    "y tế": "Health",
    "giáo dục và đào tạo": "Education and Training",
    "giao thông vận tải": "Transport",
    "xây dựng": "Construction",
    "nông nghiệp và môi trường": "Agriculture and Environment",
    "nông nghiệp và phát triển nông thôn": "Agriculture and Rural Development",
    "văn hóa, thể thao và du lịch": "Culture, Sports and Tourism",
    "khoa học và công nghệ": "Science and Technology",
    "thông tin và truyền thông": "Information and Communications",
}
_EN_PORTFOLIO_TITLES = {"Minister", "Deputy Minister", "Permanent Deputy Minister"}

_ORG_WORDS = _words("""
    committee council party assembly federation duma academy politics republic kingdom union
    commission affairs defence defense security ministry government office bank nations states
    secretariat department agency parliament senate house congress court front association
    organisation organization institute university group corporation company forum army navy
    force forces police industry trade investment planning finance justice health education
    training culture sports tourism transport construction agriculture environment science
    technology information communications labour labor interior internal external relations
    theory inspection propaganda mobilisation mobilization economic economics economy federal
    state national central people's socialist communist democratic united province city
    region oblast municipality youth chamber commerce public foreign home general emirates
    islamic arab social development rural administration presidential executive cabinet
    diplomatic academy supreme standing permanent military political international world
    asean apec un eu nato brics sco statue square mausoleum museum street road avenue bridge
    airport palace temple pagoda memorial monument tomb stadium centre center prize
    award foundation school college hospital station port zone island islands
    đảng bộ sở cục tỉnh viện duma
    """)
# Vietnamese organisation phrases, matched as whole token sequences because their single
# syllables ("chính", "quốc", "văn") are also common in personal names.
_VI_ORG_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "ủy ban",
        "uỷ ban",
        "quốc hội",
        "chính phủ",
        "nhà nước",
        "cộng hòa",
        "cộng hoà",
        "liên bang",
        "trung ương",
        "hội đồng",
        "mặt trận",
        "tổ quốc",
        "văn phòng",
        "thành phố",
        "quân đội",
        "nhân dân",
        "học viện",
        "ngân hàng",
        "tập đoàn",
        "công ty",
        "liên hiệp",
        "hiệp hội",
        "ngoại giao",
        "quốc phòng",
        "công an",
        "thường trực",
        "chấp hành",
        "cộng sản",
        "bí thư",
        "chính trị",
        "dân chủ",
        "xã hội",
        "chủ nghĩa",
        "cách mạng",
        "quốc gia",
        "liên hợp quốc",
        "thượng viện",
        "hạ viện",
        "công thương",
        "tài chính",
        "tư pháp",
        "nội vụ",
        "tuyên giáo",
        "dân vận",
        "đối ngoại",
        "kiểm tra",
        "tổ chức",
        "nội chính",
        "lý luận",
    )
)
_MAX_VI_ORG = max(len(p) for p in _VI_ORG_PHRASES)
_CONNECTORS = frozenset({"of", "the", "for", "and", "&", "on", "’s", "'s", "’", "-", "và"})
_PARTICLES = _words(
    "da de do dos das di del della van von der den bin binti al el ibn y e la le ter zu af"
)
# Demonyms are listed rather than guessed from suffixes: "-ian"/"-an"/"-i" words are just as
# often given names (Sebastian, Takeshi, Ivan). The reference tables (every state's English
# demonyms, see ``reference.world_demonyms``) are read too; this list keeps the
# continental and historical adjectives ("European", "Soviet") that name no state.
_DEMONYMS = _words("""
    American Argentine Argentinian Armenian Australian Austrian Azerbaijani Bangladeshi
    Belarusian Belgian Brazilian British Bruneian Bulgarian Burmese Cambodian Canadian Chilean
    Chinese Colombian Croatian Cuban Czech Danish Dutch Egyptian Emirati Estonian Ethiopian
    Filipino Finnish French Georgian German Greek Hungarian Indian Indonesian Iranian Iraqi
    Irish Israeli Italian Japanese Jordanian Kazakh Kazakhstani Kenyan Korean Kuwaiti Kyrgyz
    Lao Laotian Latvian Lebanese Lithuanian Malaysian Mexican Mongolian Moroccan Nepali
    Nigerian Norwegian Omani Pakistani Palestinian Peruvian Philippine Polish Portuguese Qatari
    Romanian Russian Saudi Serbian Singaporean Slovak Slovenian Spanish Swedish Swiss Syrian
    Tajik Thai Timorese Turkish Turkmen Ukrainian Uzbek Venezuelan Vietnamese Yemeni European
    African Asian Algerian Tunisian Angolan Mozambican Cuban Dominican Bolivian Ecuadorian
    Uruguayan Paraguayan Icelandic Maltese Cypriot Luxembourgish Albanian Macedonian Bosnian
    Montenegrin Moldovan Afghan Sri Lankan Maldivian Bhutanese Brazilian Zimbabwean Zambian
    South Ghanaian Ivorian Senegalese Malian Sudanese Libyan Bahraini Soviet
    """)
_VI_SURNAMES = _words("""
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Tô Trịnh Đinh
    Lâm Mai Đoàn Hà Cao Lưu Tạ Thái Kiều Quách Vương Trương Châu Đào Chu Tăng Lại Hứa Từ Khổng
    Tống Triệu Mạc Lò Thân Giang Nông La Phùng Quan Lục Âu Tôn Khúc Doãn Hầu Diệp Kim Khuất
    Nghiêm Bế Sầm Lữ Lường Đàm Lạc Kha Phí Mã Ninh Đồng Hàn Lã Tiêu Ung Bạch Thạch Trang Cù Vi
    Y Văn Nghị Tòng Lò Hoàng Thào Sùng Giàng Vàng Hờ Mùa Lầu Đèo Quàng Sơn Danh Thạch Kiêm
    """)

_COUNTRY_ALIASES = [
    "Việt Nam",
    "Viet Nam",
    "Vietnam",
    "Russia",
    "Russian Federation",
    "Liên bang Nga",
    "LB Nga",
    "Nga",
    "Mỹ",
    "Hoa Kỳ",
    "United States",
    "U.S.",
    "US",
    "UK",
    "Britain",
    "Great Britain",
    "Anh",
    "Korea",
    "Republic of Korea",
    "South Korea",
    "North Korea",
    "DPRK",
    "Laos",
    "Lao PDR",
    "Czechia",
    "Czech Republic",
    "Trung Quốc",
    "China",
    "Hàn Quốc",
    "Triều Tiên",
    "Nhật Bản",
    "Nhật",
    "Lào",
    "Campuchia",
    "Cambodia",
    "Singapore",
    "Thái Lan",
    "Ấn Độ",
    "Đức",
    "Pháp",
    "Ý",
    "Italia",
    "Tây Ban Nha",
    "Bồ Đào Nha",
    "Hà Lan",
    "Thụy Điển",
    "Thụy Sĩ",
    "Ai Cập",
    "Thổ Nhĩ Kỳ",
    "Vatican",
    "Holy See",
    "European Union",
    "Liên minh châu Âu",
    # Formal names the Vietnamese press writes in full; "Hàn Dân" or "Hợp" is no person.
    "Đại Hàn Dân Quốc",
    "Đại Hàn Dân quốc",
    "Hợp chúng quốc Hoa Kỳ",
    "Hợp chủng quốc Hoa Kỳ",
]


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _load_countries() -> frozenset[str]:
    names: set[str] = set(_COUNTRY_ALIASES) | press_country_forms()
    for loc in ("en", "vi"):
        try:
            territories = Locale.parse(loc).territories
        except Exception:  # pragma: no cover - CLDR data always ships with Babel
            continue
        for code, name in territories.items():
            if code.isalpha() and len(code) == 2:
                names.add(name)
    return frozenset(_norm(n) for n in names)


_COUNTRIES = _load_countries()
_COUNTRY_TOKENS: list[tuple[str, ...]] = sorted(
    {tuple(_norm(c).split()) for c in _COUNTRIES}, key=len, reverse=True
)
_MAX_COUNTRY_LEN = max(len(t) for t in _COUNTRY_TOKENS)
_COUNTRY_SET = frozenset(_COUNTRY_TOKENS)
#: Names of several words whose later syllables are written in lower case ("Cộng hòa xã
#: hội chủ nghĩa Việt Nam", "Đại Hàn Dân quốc"), lower-cased: an organisation runs on
#: through them, so their capitalised first syllables are not taken for a name.
_KNOWN_RUNS = frozenset(
    tuple(w.lower() for w in t) for t in _COUNTRY_TOKENS if len(t) > 1
) | frozenset(p for p in _VI_ORG_PHRASES if len(p) > 1)
_MAX_RUN = max(len(r) for r in _KNOWN_RUNS)


def _title_regex(entries: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    forms = sorted({e[0] for e in entries}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", re.IGNORECASE)


_TITLES = {"en": _EN_TITLES, "vi": _VI_TITLES}
_TITLE_RE = {"en": _title_regex(_EN_TITLES), "vi": _title_regex(_VI_TITLES)}
_RANK_RE = _title_regex(_RANKS)
_TITLE_NORM: dict[str, str] = {_norm(k).lower(): v for k, v in _EN_TITLES + _VI_TITLES}
_RANK_NORM: dict[str, str] = {_norm(k).lower(): v for k, v in _RANKS}
_TITLE_WORDS = frozenset(
    w.lower()
    for k, _ in _EN_TITLES + _RANKS
    for w in k.split()
    if w[0].isupper() and w.lower() not in {"party", "state", "national"}
) | frozenset({"president", "minister", "chairman", "secretary", "premier"})
_ROMAN = re.compile(r"^[IVX]{1,5}$")


# --------------------------------------------------------------------------------------------
# Tokens and name splitting
# --------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"\((?:[^\W\d_]|[-&/ ]){1,15}\)"  # parenthesised acronym "(CPV)"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"  # word, with internal hyphens/apostrophes
    r"|[’']s\b"  # possessive
    r"|\d+|\S"
)


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[0].isupper() or (self.text[0] == "(" and self.text[-1] == ")")

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(s: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    stop = len(s) if end is None else end
    return [_Tok(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(s, start, stop)]


_TABLE_DEMONYMS = demonym_forms()


def _is_demonym(word: str) -> bool:
    """A capitalised demonym: "Kazakh", "Uzbekistani", "South African" (several words)."""
    return word in _DEMONYMS or (word[:1].isupper() and word.casefold() in _TABLE_DEMONYMS)


def _non_name_mask(toks: list[_Tok]) -> list[bool]:
    """True for tokens that cannot be part of a personal name; ``country`` marks those that
    belong to a country name (a bare surname may follow a country: "Tổng thống Nga Putin")."""
    n = len(toks)
    mask = [False] * n
    i = 0
    while i < n:
        matched = 0
        for size in range(min(_MAX_COUNTRY_LEN, n - i), 0, -1):
            if tuple(t.text for t in toks[i : i + size]) in _COUNTRY_SET:
                matched = size
                break
        if not matched:
            for size in range(min(_MAX_VI_ORG, n - i), 0, -1):
                if tuple(t.low for t in toks[i : i + size]) in _VI_ORG_PHRASES:
                    matched = size
                    break
        if matched:
            for k in range(i, i + matched):
                mask[k] = True
            i += matched
            continue
        t = toks[i]
        low = t.low
        nxt = toks[i + 1] if i + 1 < n else None
        if (
            not t.word
            or low in _ORG_WORDS
            or low in _TITLE_WORDS
            or low in _CONNECTORS
            or (t.text.isupper() and len(t.text) >= 2 and not (_ROMAN.match(t.text) and i > 0))
            or (_is_demonym(t.text) and nxt is not None and t.text not in _VI_SURNAMES)
            or (low == "ban" and nxt is not None and "-" not in nxt.text)
            or (not t.cap and low not in _PARTICLES)
        ):
            mask[i] = True
        i += 1
    return mask


def _after_country(toks: list[_Tok], index: int) -> bool:
    for size in range(min(_MAX_COUNTRY_LEN, index), 0, -1):
        if tuple(t.text for t in toks[index - size : index]) in _COUNTRY_SET:
            return True
    return False


def _fold(word: str) -> str:
    """ "Nguyễn" -> "nguyen": how a Vietnamese word is spelled without its marks."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


#: Family names as English-language wires spell them ("Ha Kim Ngoc", "Tran Dai Quang").
_VI_SURNAMES_FOLDED = frozenset(_fold(w) for w in _VI_SURNAMES)
#: One Vietnamese syllable: an initial consonant (cluster), one to three vowels, a final.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def _is_vi_syllable(word: str) -> bool:
    """A single syllable written with Vietnamese marks ("Hợp", "Cộng", "Phát"): a common
    word or a bare given name, never a titled person's whole name (those have 2-4)."""
    folded = _fold(word)
    return folded != word.lower() and _VI_SYLLABLE.fullmatch(folded) is not None


def _is_vi_surname(tok: _Tok) -> bool:
    return tok.text in _VI_SURNAMES or (tok.text.isascii() and tok.low in _VI_SURNAMES_FOLDED)


def looks_vietnamese(name: str) -> bool:
    """A Vietnamese personal name: a family name, then one to three more syllables, every
    one of them a Vietnamese syllable ("Phạm Minh Chính", "Pham Minh Chinh"; not "Kim Jong
    Un", "Hun Sen" or "Lai Ching-te")."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and _fold(words[0]) in _VI_SURNAMES_FOLDED
        and all(_VI_SYLLABLE.fullmatch(_fold(w)) for w in words)
    )


def title_forms(title: str, lang: Language) -> list[str]:
    """How a normalised title is written in a language ("President" -> "Tổng thống", ...)."""
    return [surface for surface, norm in _TITLES[lang] if norm == title]


def same_person(a: str, b: str) -> bool:
    """Full name vs a later short form ("Tô Lâm" ~ "Lâm", "Vladimir Putin" ~ "Putin")."""
    return _same_person(a, b)


def _name_start(
    toks: list[_Tok], allow_single: bool, known: frozenset[str] = frozenset()
) -> int | None:
    """Index in ``toks`` where the personal name starts, or None when there is no name.

    The name is the run after the last token that cannot be part of a name; inside it a
    Vietnamese surname followed by one to three more syllables wins ("Hồ Chí Minh City
    Nguyễn Văn A" is not a name; "Việt Nam Tô Lâm" starts at "Tô").
    """
    if not toks:
        return None
    mask = _non_name_mask(toks)
    last_bad = max((i for i, bad in enumerate(mask) if bad), default=-1)
    start = last_bad + 1
    # Drop particles at the edges: "de", "da" only live between capitalised tokens.
    while start < len(toks) and not toks[start].cap:
        start += 1
    if start >= len(toks) or not toks[-1].cap:
        return None
    suffix = toks[start:]
    caps = [t for t in suffix if t.cap]
    for i, t in enumerate(suffix):
        if _is_vi_surname(t) and 2 <= sum(1 for u in suffix[i:] if u.cap) <= 4:
            return start + i
    if len(caps) == 1 and _is_vi_syllable(caps[0].text) and caps[0].text not in known:
        return None  # unless it refers back to a full name ("Tô Lâm" ... "Secretary Lâm")
    if len(caps) == 1 and not ((allow_single and start == 0) or _after_country(toks, start)):
        return None
    if len(caps) > 5:
        return None
    return start


# --------------------------------------------------------------------------------------------
# find_people
# --------------------------------------------------------------------------------------------


@dataclass
class _Mention:
    person: Person
    name_span: tuple[int, int]


def _known_run_end(s: str, phrase: list[_Tok], tok: _Tok) -> int | None:
    """Where a country or organisation name that the lower-case ``tok`` continues (from
    the end of ``phrase``) or starts ends, if it is one."""
    ahead = _tokens(s, tok.start, min(len(s), tok.start + 80))[:_MAX_RUN]
    back = phrase[-(_MAX_RUN - 1) :]
    best: int | None = None
    for k in range(len(back) + 1):
        head = tuple(t.low for t in back[len(back) - k :])
        for m in range(1, min(len(ahead), _MAX_RUN - len(head)) + 1):
            if head + tuple(t.low for t in ahead[:m]) in _KNOWN_RUNS:
                best = max(best or 0, ahead[m - 1].end)
    return best


def _match_title_at(s: str, pos: int, lang: Language) -> re.Match[str] | None:
    m = _TITLE_RE[lang].match(s, pos)
    if m is None and lang == "vi":
        m = _TITLE_RE["en"].match(s, pos)  # "Tổng thống" is vi, but quoted English happens
        if m is not None and not s[pos].isupper():
            m = None
    return m


def _skip_ws(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\u00a0":
        pos += 1
    return pos


def _normalise_title(
    first_title: str, lang: Language, org: str | None
) -> tuple[str | None, str | None]:
    key = _norm(re.sub(r"\s+", " ", first_title)).lower()
    title = _TITLE_NORM.get(key)
    if title is None:
        return None, org
    if org is None:
        return title, None
    org_clean = re.sub(r"^(?:the|of)\s+", "", org, flags=re.IGNORECASE).strip()
    if lang == "vi":
        low = _norm(org_clean).lower()
        low = re.sub(r"^bộ\s+", "", low)
        if title in _EN_PORTFOLIO_TITLES and low in _VI_PORTFOLIOS:
            return f"{title} of {_VI_PORTFOLIOS[low]}", None
        if title == "Chairman" and _norm(org_clean) in _COUNTRIES:
            return "President", org_clean
        return title, org_clean
    if title in _EN_PORTFOLIO_TITLES:
        country = None
        m = re.match(r"(.+?)\s+of\s+(?:the\s+)?(.+)$", org_clean)
        portfolio = org_clean
        if m and _norm(m.group(2)) in _COUNTRIES:
            portfolio, country = m.group(1), m.group(2)
        return f"{title} of {portfolio}", country
    if title in {"Chairman", "President", "Speaker"} and re.match(
        r"national assembly\b", org_clean, re.IGNORECASE
    ):
        rest = re.sub(r"^national assembly(?:\s+of\s+(?:the\s+)?)?", "", org_clean, flags=re.I)
        return "Chairman of the National Assembly", rest or org_clean
    return title, org_clean


#: How far before a title a country or demonym qualifying it may start ("South African").
_PRE_REACH = 120
_PRE_ORG = {
    size: re.compile(
        r"(?:^|(?<=[\s(“\"]))((?:U\.S\.|U\.K\.)|[^\W\d_]+(?:[-'’][^\W\d_]+)?"
        r"(?:\s+[^\W\d_]+(?:[-'’][^\W\d_]+)?){" + str(size - 1) + r"})\s+$"
    )
    for size in (1, 2, 3)
}
#: Tokens a title may read past its last chained title before giving up: real mentions,
#: organisation included, took at most 24 in the seeds and fixtures; a run of capitals with
#: titles among them must not cost its square.
_MAX_STEPS = 40
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?((?:[^\W\d_][^\s,.;:]*\s?){1,5})")
_APPOSITIVE_STOP = re.compile(r"[;.]|,\s*(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s|\s(?:và|and)\s")


def _lookback(s: str, end: int) -> int:
    """Where a backward-anchored look before ``end`` may start: the whitespace right
    before ``end`` (any length) plus ``_PRE_REACH`` characters, so each look is bounded."""
    j = end
    while j > 0 and s[j - 1].isspace():
        j -= 1
    return max(0, j - _PRE_REACH)


#: A month or weekday: after "on", the name before it has ended (news style puts the day
#: between the subject and the verb).
_DAY_WORD = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\.?",
    re.IGNORECASE,
)


def _parse_mention(
    s: str,
    tm: re.Match[str],
    lang: Language,
    offset: int,
    chained: list[tuple[int, int]] | None = None,
    known: frozenset[str] = frozenset(),
) -> _Mention | None:
    """Parse "<title> [qualifiers] <name> [of <country>]" starting at a title match.

    Titles chained onto this one ("General Secretary and President") are added to
    ``chained``: a parse starting at one of them is in the same state from there on, so
    when this parse finds nobody, neither would theirs (the caller skips them; a run of
    titles then costs its length, not its square).
    """
    title_start = tm.start()
    first_title = tm.group(0)
    pre_org: str | None = None
    # A demonym or country right before the title: "Belarusian President", "Russian PM",
    # "South African President" (the longest of the last three words that is one).
    if lang == "en":
        lo = _lookback(s, title_start)
        for size in (3, 2, 1):
            bm = _PRE_ORG[size].search(s, lo, title_start)
            if bm is None:
                continue
            w = re.sub(r"\s+", " ", bm.group(1))
            if _is_demonym(w) or _norm(w) in _COUNTRIES:
                pre_org = w
                title_start = bm.start(1)
                break
    pos = tm.end()
    chain_end = pos
    phrase: list[_Tok] = []
    n = len(s)
    vi_lower_run = 0
    steps = 0
    while pos < n:
        steps += 1
        if steps > _MAX_STEPS:
            return None
        pos = _skip_ws(s, pos)
        if pos >= n:
            break
        rm = _RANK_RE.match(s, pos)
        if rm and not phrase:
            pos = rm.end()
            chain_end = pos
            steps = 0
            continue
        tm2 = _TITLE_RE[lang].match(s, pos)
        if tm2 and not phrase:
            pos = tm2.end()  # "Party General Secretary and President of China": chain
            chain_end = pos
            steps = 0
            if chained is not None and vi_lower_run == 0:
                chained.append(tm2.span())
            continue
        m = _TOKEN_RE.match(s, pos)
        if m is None:
            break
        tok = _Tok(m.group(0), m.start(), m.end())
        low = tok.low
        if tok.text in {",", "and", "và"} or low == "and":
            # Chain to another title only while no name has been found yet.
            nxt = _skip_ws(s, tok.end)
            direct = bool(phrase) and phrase[0].start == _skip_ws(s, chain_end)
            if _TITLE_RE[lang].match(s, nxt) or _RANK_RE.match(s, nxt):
                if phrase and _name_start(phrase, allow_single=direct) is not None:
                    break
                phrase = []
                pos = nxt
                chain_end = pos
                steps = 0
                continue
            if tok.text == ",":
                break
            if phrase and _name_start(phrase, allow_single=False) is not None:
                break
            if _SPOUSE_AFTER.match(s, nxt):
                break  # "Tổng thống Putin và Phu nhân": the name ends before the spouse
            nm = _TOKEN_RE.match(s, nxt)
            if nm is None or not nm.group(0)[0].isupper() or not phrase:
                break
            phrase.append(tok)
            pos = tok.end
            continue
        if (tok.cap and tok.word) or tok.text.startswith("("):
            phrase.append(tok)
            vi_lower_run = 0
            pos = tok.end
            continue
        if low in {"of", "the", "for", "on", "’s", "'s"} and lang == "en":
            if phrase and _name_start(phrase, allow_single=False) is not None and low == "of":
                break
            nxt = _skip_ws(s, tok.end)
            nm = _TOKEN_RE.match(s, nxt)
            if nm is None or not (nm.group(0)[0].isupper() or nm.group(0).lower() == "the"):
                break
            if low == "on" and _DAY_WORD.fullmatch(nm.group(0)):
                break  # "Prime Minister X on May 7 chaired", "President B on Tuesday put off"
            phrase.append(tok)
            pos = tok.end
            continue
        if tok.word and low in _PARTICLES and phrase:
            nxt = _skip_ws(s, tok.end)
            nm = _TOKEN_RE.match(s, nxt)
            if nm is not None and nm.group(0)[0].isupper():
                phrase.append(tok)
                pos = tok.end
                continue
        if lang == "vi" and tok.word and not tok.cap:
            run_end = _known_run_end(s, phrase, tok)
            nxt_tok = _TOKEN_RE.match(s, _skip_ws(s, tok.end))
            if run_end is None and not phrase and low == "nước" and nxt_tok:
                # "Thủ tướng nước Cộng hòa Ấn Độ ...": "nước" (country) opens the name.
                run_end = tok.end if nxt_tok.group(0)[0].isupper() else None
            if run_end is not None:
                phrase.extend(_tokens(s, tok.start, run_end))
                vi_lower_run = 0
                pos = run_end
                continue
        if (
            lang == "vi"
            and tok.word
            and phrase
            and phrase[-1].cap
            and vi_lower_run < 2
            and len(phrase) < 16
            and _name_start(phrase, allow_single=False) is None
        ):
            # Lower-case syllables inside organisation names: "Ban Chấp hành Trung ương".
            phrase.append(tok)
            vi_lower_run += 1
            pos = tok.end
            continue
        break
    # Trim trailing non-capitalised tokens.
    while phrase and not phrase[-1].cap:
        phrase.pop()
    if not phrase:
        return None
    directly_after_title = phrase[0].start == _skip_ws(s, chain_end)
    k = _name_start(phrase, allow_single=directly_after_title, known=known)
    if k is None:
        return None
    name_toks = phrase[k:]
    if name_toks[0].text.startswith("("):
        return None
    name_start, name_end = name_toks[0].start, name_toks[-1].end
    org_toks = phrase[:k]
    while org_toks and _RANK_NORM.get(org_toks[-1].low) is not None:
        org_toks = org_toks[:-1]  # "Minister of National Defence General <name>"
    org: str | None = None
    if org_toks:
        org = s[org_toks[0].start : org_toks[-1].end]
        org = re.sub(r"^(?:of\s+)?(?:the\s+)?", "", org, flags=re.IGNORECASE).strip() or None
    end = name_end
    # "Prime Minister Anthony Albanese of Australia"
    if org is None and lang == "en":
        om = _OF_COUNTRY.match(s, name_end)
        if om:
            cand = om.group(1).strip()
            words = cand.split()
            for size in range(len(words), 0, -1):
                c = " ".join(words[:size])
                if _norm(c) in _COUNTRIES:
                    org = c
                    end = om.start(1) + len(c)
                    break
    if org is None:
        org = pre_org
    title_norm, org_norm = _normalise_title(first_title, lang, org)
    title_text = s[title_start:name_start]  # as written, ranks included
    name = re.sub(r"\s+", " ", s[name_start:name_end])
    person = Person(
        name=name,
        title=title_norm,
        title_text=re.sub(r"\s+", " ", title_text).strip(" ,"),
        organisation_or_country=org_norm,
        span=(offset + title_start, offset + end),
        text=s[title_start:end],
    )
    return _Mention(person, (offset + name_start, offset + name_end))


_SPOUSE_AFTER = re.compile(r"(?:[Pp]hu\s+(?:nhân|quân)|(?:his|her)\s+(?:wife|husband|spouse))\b")


_APPOSITIVE_RE = re.compile(
    r"(?<![^\W_])(?P<hon>[Đđ]ồng chí|[Ôô]ng|[Bb]à|Ngài|Mr\.?|Mrs\.?|Ms\.?|Madam)\s+"
    r"(?P<name>(?:[^\W\d_a-zà-ỹ][^\W\d_]*(?:-[^\W\d_]+)*\s+){1,4}[^\W\d_a-zà-ỹ][^\W\d_]*)"
    r"\s*,\s*"
)


def _appositives(s: str, lang: Language, taken: list[tuple[int, int]]) -> list[_Mention]:
    """'đồng chí Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng' (name first)."""
    out: list[_Mention] = []
    for m in _APPOSITIVE_RE.finditer(s):
        a, b = m.span("name")
        if any(a < e and s0 < b for s0, e in taken):
            continue
        pos = m.end()
        tm = _TITLE_RE[lang].match(s, pos) or _TITLE_RE["en"].match(s, pos)
        if tm is None:
            continue
        stop = _APPOSITIVE_STOP.search(s, pos)
        end = stop.start() if stop else len(s)
        title_text = s[pos:end].strip(" ,")
        parts = [p.strip() for p in re.split(r",", title_text) if p.strip()]
        main = parts[-1] if parts else title_text
        mm = _TITLE_RE[lang].match(main) or _TITLE_RE["en"].match(main)
        first = mm.group(0) if mm else tm.group(0)
        org = main[mm.end() :].strip() if mm else None
        title_norm, org_norm = _normalise_title(first, lang, org or None)
        out.append(
            _Mention(
                Person(
                    name=re.sub(r"\s+", " ", m.group("name")),
                    title=title_norm,
                    title_text=title_text,
                    organisation_or_country=org_norm,
                    span=(m.start(), end),
                    text=s[m.start() : end],
                ),
                (a, b),
            )
        )
    return out


_COUNTERPART_OWNER = re.compile(r"\b(?:his|her|their)\s+(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)


def _without_possessive(m: _Mention) -> _Mention:
    """ "Prime Minister Shigeru Ishiba's plane": the name is "Shigeru Ishiba"."""
    name = m.person.name
    for mark in ("'s", "’s"):
        if name.endswith(mark) and len(name) > len(mark):
            cut = len(mark)
            person = msgspec.structs.replace(
                m.person, name=name[:-cut], span=(m.person.span[0], m.person.span[1] - cut)
            )
            person = msgspec.structs.replace(person, text=person.text[:-cut])
            return _Mention(person, (m.name_span[0], m.name_span[1] - cut))
    return m


#: "ông"/"bà" before a name: the Vietnamese press's second reference to a foreign leader
#: ("ông Biden sẽ ...") once the article has named them in full with their title.
_HONORIFIC_VI = re.compile(r"(?<!\w)(?:[ÔôBb]ng|[Bb]à)\s+(?=[A-ZÀ-Ỹ])")


def _honorific(
    sentence: str, known: frozenset[str], taken: list[tuple[int, int]]
) -> list[_Mention]:
    """Mentions "ông X" where every word of X is part of a full name met earlier."""
    out: list[_Mention] = []
    for hm in _HONORIFIC_VI.finditer(sentence):
        words: list[_Tok] = []
        for tok in _tokens(sentence, hm.end(), min(len(sentence), hm.end() + 60)):
            if not tok.cap or tok.text not in known or (words and tok.start - words[-1].end > 1):
                break
            words.append(tok)
        if not words:
            continue
        a, b = hm.start(), words[-1].end
        if any(x < b and a < y for x, y in taken):
            continue
        name = " ".join(t.text for t in words)
        out.append(
            _Mention(
                Person(
                    name=name,
                    title=None,
                    title_text=sentence[hm.start() : hm.end()].strip(),
                    organisation_or_country=None,
                    span=(a, b),
                    text=sentence[a:b],
                ),
                (words[0].start, b),
            )
        )
    return out


def _find(
    sentence: str, lang: Language, offset: int = 0, known: frozenset[str] = frozenset()
) -> list[_Mention]:
    """Mentions in one sentence; ``known`` are syllables of full names met earlier, which
    may stand alone after a title."""
    out: list[_Mention] = []
    pos = 0
    regex = _TITLE_RE[lang]
    dead: set[tuple[int, int]] = set()  # titles known to start no mention
    while True:
        tm = regex.search(sentence, pos)
        if tm is None:
            break
        if tm.span() in dead:
            pos = tm.end()
            continue
        check()
        chained: list[tuple[int, int]] = []
        mention = _parse_mention(sentence, tm, lang, 0, chained, known)
        if mention is None:
            dead.update(chained)
        if (
            mention is not None
            and mention.person.title == "Counterpart"
            and lang == "en"
            and not _COUNTERPART_OWNER.search(sentence, _lookback(sentence, tm.start()), tm.start())
        ):
            mention = None  # "its counterpart Aeroflot": a company's, not a leader's
        if mention is None:
            pos = tm.end()
            continue
        out.append(mention)
        pos = mention.person.span[1]
    out = [_without_possessive(m) for m in out]
    if lang == "vi" and known:
        out.extend(_honorific(sentence, known, [m.person.span for m in out]))
    taken = [m.name_span for m in out]
    appositives = _appositives(sentence, lang, taken)
    if appositives:
        spans = [m.person.span for m in appositives]
        out = [
            m
            for m in out
            if not any(a < m.person.span[1] and m.person.span[0] < b for a, b in spans)
        ]
        out.extend(appositives)
    out.sort(key=lambda m: m.person.span)
    if offset:
        out = [_shift(m, offset) for m in out]
    return out


def _shift(m: _Mention, offset: int) -> _Mention:
    p = m.person
    return _Mention(
        Person(
            name=p.name,
            title=p.title,
            title_text=p.title_text,
            organisation_or_country=p.organisation_or_country,
            span=(p.span[0] + offset, p.span[1] + offset),
            text=p.text,
        ),
        (m.name_span[0] + offset, m.name_span[1] + offset),
    )


def find_people(sentence: str, lang: Language) -> list[Person]:
    """Titled people mentioned in one sentence, in order; spans index into ``sentence``."""
    return [m.person for m in _find(sentence, lang)]


# --------------------------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------------------------

_TRAVEL_EN = re.compile(
    r"\b(?:left|leaves?|leaving|departed|departs?|arrived|arrives?|arriving|landed|"
    r"touched\s+down|(?:will|to)\s+be\s+in|"
    r"(?:will|to|is|was|are|were)\s+(?:also\s+|still\s+|then\s+)?(?:pay|paying|make|making|"
    r"visit|visiting|travel|travelling|traveling|attend|lead|leading|embark|fly|flying|"
    r"head|go|going|leave|depart|arrive|return)|"
    r"pays?|paid|paying|visits|visited|visiting|is\s+on|are\s+on|leads?|led|heading|"
    r"headed|heads\s+(?:to|for)|flies|flew|jet(?:s|ted)\s+(?:to|into|off)|"
    r"concluding|concluded|wrapped\s+up|wraps\s+up|embarked|began|begins|set\s+off|sets\s+off|"
    r"kick(?:ed|s)\s+off|start(?:ed|s)\s+(?:a|an|his|her|the)|end(?:ed|s)\s+(?:a|an|his|her|the)|"
    r"completed|capped|"
    r"returned|returns|returning|"
    # "is now expected to land in Hanoi", "is due in Tokyo", "is scheduled to arrive"
    r"(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|set|slated)\s+"
    r"(?:to\s+(?:land|arrive|visit|travel|fly|leave|depart|be\s+in|make|pay)|in)|"
    # "A was welcomed by B": A is the visitor; "A put off his planned trip": A travels
    r"(?:was|were|is|are|will\s+be)\s+(?:warmly\s+|officially\s+)?(?:welcomed|received|"
    r"greeted|hosted)|(?:put\s+off|postponed|delayed|cancell?ed|called\s+off|scrapped|"
    r"push(?:ed|es)?\s+back|deferred|cut\s+short)\s+(?:his|her|their|the|a|an)\s+"
    r"(?:[\w-]+\s+){0,6}?(?:trip|visit|tour|journey|legs?|stops?))\b",
    re.IGNORECASE,
)
_TRIP_BY_EN = re.compile(
    r"\b(?:trips?|visits?|tours?|journey)\s+(?:\w+\s+){0,3}?(?:by|of)\s*$", re.IGNORECASE
)
_TRAVEL_VI = re.compile(
    r"(?<![^\W_])(?:dẫn\s+đầu|thăm|rời|lên\s+đường|đã\s+đến|đến|tới|công\s+du|"
    r"sang\s+thăm|bắt\s+đầu|hạ\s+cánh|đặt\s+chân|tham\s+dự|(?:sẽ|đã|đang)\s+dự|"
    # "hoãn chuyến thăm", "hủy chặng dừng chân tại A": who puts it off is who travels
    r"(?:hoãn|hủy|huỷ)\s+(?:[^\W\d_]+\s+){0,3}?(?:chuyến|chặng))(?![^\W_])",
    re.IGNORECASE,
)
_TRIP_BY_VI = re.compile(
    r"(?:chuyến\s+(?:thăm|công\s+du|công\s+tác)|việc)[^.;]{0,200}?\s*$", re.IGNORECASE
)
#: Extra look-back for "chuyến thăm ... của" (its gap is at most 200 characters).
_TRIP_REACH = 200
#: Also at the head of a sentence: "Chuyến thăm chính thức Nhật Bản của Thủ tướng A ...".
_TRIP_OF_VI = re.compile(
    r"chuyến\s+(?:thăm|công\s+du|công\s+tác)\b[^.;]{0,200}?\s+của\s*$", re.IGNORECASE
)
_SAY = re.compile(
    r"\b(?:told|said|says|stated|noted|affirmed|stressed|emphasised|emphasized|added|"
    r"announced|briefed|explained|welcomed|received|hosted|met|chaired|presided|"
    r"held\s+talks|invited|cho\s+biết|trả\s+lời|phát\s+biểu|khẳng\s+định|nhấn\s+mạnh|"
    r"thông\s+báo|đón|tiếp|hội\s+đàm|hội\s+kiến|chủ\s+trì|mời)\b",
    re.IGNORECASE,
)
#: A word of announcing directly before the travel verb (see `_travel_after`).
_SAY_THEN = re.compile(r"(?i)(?<![^\W_])(?:announced|thông\s+báo|quyết\s+định)\s*$")
_INVITE = re.compile(
    r"(?:\b(?:at|upon|on|following|accepting)\s+the\s+invitations?\s+(?:extended\s+)?(?:of|by|from)"
    r"|\binvited\s+by|\bas\s+(?:the\s+)?guests?\s+of|\b(?:theo|nhận)\s+lời\s+mời\s+của"
    r"|\blời\s+mời\s+của)",
    re.IGNORECASE,
)
_DELEGATION = re.compile(
    r"(?:\bdelegation\s+(?:also\s+)?(?:includes|included|comprises|comprised|consists\s+of)"
    r"|\baccompanying\s+(?:him|her|them)\s+(?:are|were|is|was)"
    r"|\bmembers\s+of\s+the\s+delegation\s+(?:include|included|are|were)"
    r"|\baccompanied\s+by"
    r"|[Đđ]oàn\s+(?:gồm\s+có|gồm|có)|[Cc]ùng\s+đi\s+(?:với\s+[^:]{0,80}?)?có"
    r"|[Tt]ham\s+gia\s+[Đđ]oàn\s+(?:có|gồm)|tháp\s+tùng)",
)
_MEET = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|talk|received|receives|hosted|hosts|"
    r"welcomed|welcomes|called\s+on|phone\s+call|held\s+(?:a\s+)?(?:bilateral\s+)?meeting|"
    r"banquet|hội\s+đàm|hội\s+kiến|tiếp(?!\s+(?:tục|theo|nhận|cận|thu|tế|xúc))|gặp|"
    r"điện\s+đàm|chào\s+xã\s+giao|đón)\b",
    re.IGNORECASE,
)
_SPOUSE_EN = re.compile(
    r"\b(?:(?:his|her)\s+)?(?P<role>spouse|wife|husband)\b(?!s)"
    r"(?:,?\s+(?:Madam\s+|Mrs\.?\s+|Ms\.?\s+|Mr\.?\s+)?(?P<name>(?:[^\W\d_a-z][^\W\d_]*"
    r"(?:-[^\W\d_]+)*\s+){1,4}[^\W\d_a-z][^\W\d_]*))?",
)
_SPOUSE_VI = re.compile(
    r"(?<![^\W_])(?P<role>[Pp]hu\s+nhân|[Pp]hu\s+quân)(?![^\W_])"
    r"(?:,?\s+(?:bà\s+|ông\s+)?(?P<name>(?:[^\W\d_a-zà-ỹ][^\W\d_]*(?:-[^\W\d_]+)*\s+){1,4}"
    r"[^\W\d_a-zà-ỹ][^\W\d_]*))?",
)
_SPOKESPERSON = re.compile(
    r"\s*(?::|(?:has\s+|had\s+)?(?:told|briefed)\s+(?:the\s+)?(?:press|reporters|media|journalists)"
    r"|(?:đã\s+)?trả\s+lời\s+phỏng\s+vấn|(?:đã\s+)?thông\s+tin\s+với\s+báo\s+chí)",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\s*(?:told|said|stated)\b")
_LIST_ITEM = re.compile(r"\s*(?:[Đđ]ồng chí|Ông|Bà|Mr\.?|Ms\.?|Mrs\.?)\s+[^\W\d_]")
_BULLET = re.compile(r"^\s*(?:[-–—+•*]|\d+[.)])\s+")


@dataclass
class _SentMentions:
    index: int
    start: int
    text: str
    mentions: list[_Mention]


def _same_person(a: str, b: str) -> bool:
    """Full name vs a later short form ("Tô Lâm" ~ "Lâm", "Vladimir Putin" ~ "Putin")."""
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    short, full = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) == 1:
        return short[0] == full[-1] or short[0] == full[0]
    return False


def _travel_after(text: str, end: int, lang: Language, strict: bool = False) -> bool:
    """Is a mention ending at ``end`` the subject of a travel verb in the same clause?

    ``strict``: the verb follows with no comma between ("Sultan X, before returning home"
    is an inviter followed by the traveller's verb). Otherwise a person joined by "and"
    ("King A and Queen B will visit") leaves the first the subject."""
    window = text[end : end + 240]
    regex = _TRAVEL_VI if lang == "vi" else _TRAVEL_EN
    vm = regex.search(window)
    if vm is None:
        return False
    gap = window[: vm.start()]
    # "Biden announced postponing the stops", "ông Biden thông báo hoãn ...": a word of
    # saying right before the travel verb says what the subject does, not who speaks.
    gap = _SAY_THEN.sub("", gap)
    if _SAY.search(gap) or _INVITE.search(gap) or re.search(r"[;:.?!]", gap):
        return False
    if strict and "," in gap:
        return False
    if _ACCOMPANY.match(window, vm.end()):
        return False  # "will travel with the president": a companion, not the traveller
    gap = re.sub(_SPOUSE_WORDS, "", gap)
    if not strict:
        gap = _COORDINATED.sub("", gap)
    return not _TITLE_RE[lang].search(gap)


#: "and Queen B" right after a subject: B goes along, the first named leads.
_COORDINATED = re.compile(r"^\s*(?:and|và)\s+.*$", re.IGNORECASE | re.DOTALL)
_ACCOMPANY = re.compile(r"\s+(?:with|alongside|cùng|với)\s", re.IGNORECASE)
#: Verbs whose subject receives a visitor ("welcomed", "chủ trì lễ đón", "tiễn"): a host.
_HOST_EN = re.compile(
    r"\b(?:(?:will|to)\s+)?(?:received|receives?|receiving|welcomed|welcomes?|welcoming|"
    r"hosted|hosts?|hosting|greeted|greets?|saw\s+off|sees?\s+off|"
    r"chaired\s+(?:an?\s+|the\s+)?(?:official\s+|state\s+)?welcom\w*)\b",
    re.IGNORECASE,
)
_HOST_VI = re.compile(
    r"(?<![^\W_])(?:chủ\s+trì\s+lễ\s+đón|chào\s+đón|đón|tiễn|"
    r"tiếp(?!\s+(?:tục|theo|nhận|cận|thu|tế|xúc)))(?![^\W_])",
    re.IGNORECASE,
)
#: What a host verb is done to: a titled person, or the visitor as a pronoun.
_HOSTED_OBJECT = re.compile(r"\s*(?:him|her|them|ông|bà|đoàn)\b", re.IGNORECASE)
#: A passive welcome, "was greeted at the airport by X, Y and other officials".
_HOSTED_BY = re.compile(
    r"\b(?:received|welcomed|greeted|met|seen\s+off|hosted)\b[^.;]{0,60}?\bby\b", re.I
)
#: Words right before a mention that make it someone met ("met President X", "hội đàm
#: với"): a counterpart. (The one welcomed or received is the visitor: not listed here.)
_OBJECT_BEFORE = re.compile(
    r"(?<![^\W_])(?:meet|met|meets|meeting|with|invited|thanked|called\s+on|joined|với|"
    r"gặp|hội\s+đàm|hội\s+kiến|mời|viếng|cảm\s+ơn)(?:\s+(?:the|his|her))?\s*$",
    re.IGNORECASE,
)


def _host_after(text: str, end: int, lang: Language) -> bool:
    """Is a mention ending at ``end`` the subject of a welcome/receive/see-off verb done
    to someone (a titled person or "him")? Then it is the host, never the traveller."""
    window = text[end : end + 160]
    hm = (_HOST_VI if lang == "vi" else _HOST_EN).search(window)
    if hm is None:
        return False
    gap = re.sub(_SPOUSE_WORDS, "", window[: hm.start()])
    if re.search(r"[,;:.?!]", gap) or _TITLE_RE[lang].search(gap):
        return False
    if (_TRAVEL_VI if lang == "vi" else _TRAVEL_EN).search(gap):
        return False
    rest = window[hm.end() :]
    obj = re.split(r"[,;:.]", rest, maxsplit=1)[0]
    return bool(_TITLE_RE[lang].search(obj) or _HOSTED_OBJECT.match(rest))


#: A relative clause that makes the one just named the visitor: ", who is on an official
#: visit to Vietnam", ", người đang thăm chính thức Nhật Bản".
_VISITING_CLAUSE = re.compile(
    r"\s*,\s*(?:who|người)\s+(?:is|was|will\s+be|has\s+been|đang|đã|sẽ)\s+"
    r"(?:(?:on|paying|making|in\s+\w+\s+(?:on|for))\s+(?:an?\s+)?(?:\w+\s+){0,2}?"
    r"(?:visit|trip|tour)|có\s+chuyến\s+thăm|thăm)\b",
    re.IGNORECASE,
)
#: "Biden invited Prime Minister Chính (and the ASEAN leaders) to attend", "gửi thư mời
#: Thủ tướng ... dự Hội nghị": the one invited to come is the traveller.
_INVITE_VERB = re.compile(r"(?i)(?:\binvited|\binviting|(?<!\w)mời)\s+(?:\w+\s+){0,4}$")
_INVITED_TO = re.compile(
    r"(?i)\s*(?:,?\s*(?:and|cùng|và)\s+[^.;]{0,80}?)?\s*(?:to\s+(?:visit|attend|pay|make|come)\b|"
    r"(?:sang\s+)?(?:thăm|tham\s+dự|dự)(?!\w))"
)
#: A visit owned by a name: "during Chinh's official visit to Japan".
_VISIT_OF = re.compile(
    r"(?P<who>[A-ZÀ-Ỹ][\w-]+)['’]s\s+(?:\w+\s+){0,2}?(?:visit|trip|tour|journey)\b"
)
#: A visit named in the sentence: the welcome is of a visitor, not of a caller at home.
_VISIT_WORD = re.compile(
    r"(?i)\bvisit\b|(?<!\w)chuyến\s+thăm(?!\w)|(?<!\w)thăm\s+(?:chính\s+thức|cấp)"
)


#: A host verb right before a mention: "will host President B", "welcomed B".
_HOSTED_BEFORE = re.compile(
    r"(?i)(?<![^\W_])(?:host|hosts|hosted|hosting|welcome[sd]?|welcoming|greeted|"
    r"received|đón|tiếp\s+đón|chào\s+đón)\s+(?:[^\W\d_]+\s+){0,4}?$"
)
#: "welcomed B to Tokyo", "đón B tới Hà Nội": brought to a place.
_TO_PLACE = re.compile(r"\s*(?:to|tới|đến)\s+(?-i:[A-ZÀ-Ỹ])")


#: "on the second day of a state visit", "during his official visit", "trong chuyến thăm".
_ON_A_VISIT = re.compile(
    r"(?i)\b(?:on|during|at\s+the\s+(?:start|end)\s+of|on\s+the\s+\w+\s+day\s+of)\s+"
    r"(?:a|an|his|her|the)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b|"
    r"(?<!\w)trong\s+(?:khuôn\s+khổ\s+)?chuyến\s+(?:thăm|công\s+du|công\s+tác)(?!\w)"
)
#: A meeting: "met", "held talks with", "hội đàm", "hội kiến".
_MEETING = re.compile(
    r"(?i)\b(?:met|meets|held\s+talks|holds\s+talks)\b|(?<!\w)(?:hội\s+đàm|hội\s+kiến)(?!\w)"
)


def _welcomed_visitor(sm: _SentMentions, m: _Mention, lang: Language) -> bool:
    """Is the mention the one a host of another country welcomes in this clause ("A
    welcomed Japanese PM B", "A chủ trì lễ đón Thủ tướng Nhật Bản B")? Both must say
    their country; the host is a mention ending right before the welcome verb."""
    mine = m.person.organisation_or_country
    if mine is None:
        return False
    a = m.person.span[0] - sm.start
    for host in sm.mentions:
        b = host.person.span[1] - sm.start
        if b > a or not _host_after(sm.text, b, lang):
            continue
        between = sm.text[b:a]
        if re.search(r"[;.]", between):
            continue
        theirs = host.person.organisation_or_country
        if theirs != mine:
            return True
    return False


def _is_object(text: str, start: int) -> bool:
    """Is a mention starting at ``start`` the object of a meeting or welcome verb?"""
    return _OBJECT_BEFORE.search(text, max(0, start - 40), start) is not None


_SPOUSE_WORDS = re.compile(r"(?i)spouse|wife|husband|phu\s+nhân|phu\s+quân")


class _Invitations:
    """The invitation cues, stops and travel verbs of one sentence, found once: asking
    about each of its mentions is then a look-up, not a rescan of everything before it."""

    def __init__(self, text: str, lang: Language) -> None:
        regex = _TRAVEL_VI if lang == "vi" else _TRAVEL_EN
        self.cue_ends = [m.end() for m in _INVITE.finditer(text)]
        self.stops = [m.start() for m in _STOPS.finditer(text)]
        travel = [(m.start(), m.end()) for m in regex.finditer(text)]
        self.travel_starts = [a for a, _ in travel]
        self.travel_ends = [b for _, b in travel]

    def invited(self, start: int) -> bool:
        """Mention starting at ``start`` follows an invitation cue, with only other invited
        people (and list punctuation) in between."""
        i = bisect.bisect_right(self.cue_ends, start) - 1
        if i < 0:
            return False
        gap_start = self.cue_ends[i]
        j = bisect.bisect_left(self.stops, gap_start)
        if j < len(self.stops) and self.stops[j] < start:
            return False
        # The principal of "Nhận lời mời của A, B, <principal> dẫn đầu ..." is not invited.
        k = bisect.bisect_left(self.travel_starts, gap_start)
        return not (k < len(self.travel_ends) and self.travel_ends[k] <= start)


_STOPS = re.compile(r"[;.]")


def _clean_sentence_people(ms: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    for m in ms:
        if out and m.person.span[0] < out[-1].person.span[1]:
            continue
        out.append(m)
    return out


class Countries(Protocol):
    """Where people and places belong (the gazetteer's knowledge, given by the caller so
    that this module stays free of it)."""

    def of_person(self, person: Person) -> str | None: ...

    def in_text(self, text: str) -> set[str]: ...


def _places_named(sm: _SentMentions, countries: Countries) -> set[str]:
    """The countries of the places a sentence names, not those in people's titles."""
    text = sm.text
    for m in sm.mentions:
        a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
        text = text[:a] + " " * (b - a) + text[b:]
    return countries.in_text(text)


def _from_elsewhere(sm: _SentMentions, m: _Mention, countries: Countries) -> bool:
    """Whether the person is of a known country other than every place the sentence names
    (a visitor there), never a host at home."""
    theirs = countries.of_person(m.person)
    return theirs is not None and theirs not in _places_named(sm, countries)


#: Titles of people who reside where they serve, never the traveller of a trip.
_RESIDENT_TITLES = frozenset({"Ambassador"})


def _met_on_a_visit(
    sents: list[_SentMentions], countries: Countries, not_traveller: Callable[[_Mention], bool]
) -> _Mention | None:
    """ "A met B in Tokyo on the second day of a state visit", "Thủ tướng Nhật Bản A hội
    đàm với Tổng thống Chile B trong khuôn khổ chuyến thăm ...": of the people at a
    meeting on a visit, the one from another country than the places named (which the
    host belongs to) is the visitor; when that is not one person, nobody is guessed."""
    for sm in sents:
        if not (_ON_A_VISIT.search(sm.text) and _MEETING.search(sm.text)):
            continue
        people = [m for m in sm.mentions if m.person.is_named and not not_traveller(m)]
        places = _places_named(sm, countries)
        if not places:
            continue
        foreign = [m for m in people if (c := countries.of_person(m.person)) and c not in places]
        if len(foreign) == 1:
            return foreign[0]
    return None


def extract_people(article: ParsedArticle, countries: Countries | None = None) -> PeopleFacts:
    """Assign roles to the people mentioned in the article body (see module docstring).
    `countries`: where people and places belong, for the readings that need it."""
    lang = article.language
    text = article.text
    sents: list[_SentMentions] = []
    known: set[str] = set()
    for s in article.sentences:
        ms = _clean_sentence_people(_find(s.text, lang, s.span[0], frozenset(known)))
        known.update(w for m in ms if len(m.person.name.split()) > 1 for w in m.person.name.split())
        sents.append(_SentMentions(s.index, s.span[0], s.text, ms))

    # Inviters (needed first: an inviter is never the principal).
    inviter_spans: set[tuple[int, int]] = set()
    inviters: list[Person] = []
    for sm in sents:
        if not _INVITE.search(sm.text):
            continue
        invitations = _Invitations(sm.text, lang)
        for m in sm.mentions:
            check()
            local = m.person.span[0] - sm.start
            if invitations.invited(local) and not _travel_after(
                sm.text, m.person.span[1] - sm.start, lang, strict=True
            ):
                inviter_spans.add(m.person.span)
                if not any(_same_person(p.name, m.person.name) for p in inviters):
                    inviters.append(m.person)

    # Hosts: subjects of welcome verbs, and the people a passive welcome is "by".
    hosts: list[str] = []
    for sm in sents:
        by = [h.end() for h in _HOSTED_BY.finditer(sm.text)]
        for m in sm.mentions:
            a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
            passive = any(
                e <= a and not re.search(r"[;.]|\b(?:before|then|after)\b", sm.text[e:a])
                for e in by
            )
            if passive or _host_after(sm.text, b, lang):
                hosts.append(m.person.name)

    def not_traveller(m: _Mention) -> bool:
        # An ambassador lives where they serve: their calls ("Đại sứ A đến chào từ biệt")
        # are no diplomatic trip of theirs
        return (
            m.person.span in inviter_spans
            or m.person.title in _RESIDENT_TITLES
            or any(_same_person(h, m.person.name) for h in hosts)
        )

    # Principal: the first subject of a travel verb, or the person a trip is "by".
    principal: _Mention | None = None
    for sm in sents:
        for m in sm.mentions:
            a, b = m.person.span[0] - sm.start, m.person.span[1] - sm.start
            visiting = _VISITING_CLAUSE.match(sm.text, b) is not None or (
                _INVITE_VERB.search(sm.text, max(0, a - 40), a) is not None
                and _INVITED_TO.match(sm.text, b) is not None
            )
            if not_traveller(m) or (_is_object(sm.text, a) and not visiting):
                continue
            lo = max(0, _lookback(sm.text, a) - _TRIP_REACH)
            trip_by = (_TRIP_BY_VI if lang == "vi" else _TRIP_BY_EN).search(sm.text, lo, a)
            trip_of = lang == "vi" and _TRIP_OF_VI.search(sm.text, lo, a)
            after = sm.text[b : b + 80]
            if lang == "en" and trip_by is None:
                trip_by = None
            if (
                _travel_after(sm.text, b, lang)
                or (lang == "en" and trip_by is not None)
                or trip_of
                or visiting
            ) and not re.match(r"\s*(?:told|said|stated|:)", after):
                principal = m
                break
        if principal is not None:
            break
    if principal is None:
        # Fall back to the most mentioned non-inviter (the article is about them).
        counts: dict[str, tuple[int, _Mention]] = {}
        for sm in sents:
            for m in sm.mentions:
                if not_traveller(m) or _is_object(sm.text, m.person.span[0] - sm.start):
                    continue  # hosts, inviters and the people met are not what it is about
                key = next((k for k in counts if _same_person(k, m.person.name)), m.person.name)
                c, first = counts.get(key, (0, m))
                counts[key] = (c + 1, first)
        if counts:
            best = max(counts.values(), key=lambda cm: cm[0])
            if best[0] >= 2:
                principal = best[1]
    if principal is None:
        # "during Chinh's official visit to Japan": the owner of the visit travels
        owners = [o["who"] for sm in sents for o in _VISIT_OF.finditer(sm.text)]
        principal = next(
            (
                m
                for sm in sents
                for m in sm.mentions
                if m.person.is_named
                and not not_traveller(m)
                and any(_same_person(o, m.person.name) for o in owners)
            ),
            None,
        )
    if principal is None:
        # "Vietnamese PM A welcomed Japanese PM B ... at the start of an official visit":
        # B, of another country than the host who welcomes them on a visit, is the visitor.
        principal = next(
            (
                m
                for sm in sents
                if _VISIT_WORD.search(sm.text)
                for m in sm.mentions
                if m.person.is_named and not not_traveller(m) and _welcomed_visitor(sm, m, lang)
            ),
            None,
        )
    if principal is None:
        # "Japan will host Chilean President B for a state visit", "A welcomed B to
        # Tokyo": the one hosted, on a visit or to a place, is the visitor
        principal = next(
            (
                m
                for sm in sents
                for m in sm.mentions
                if m.person.is_named
                and not not_traveller(m)
                and _HOSTED_BEFORE.search(
                    sm.text, max(0, m.person.span[0] - sm.start - 40), m.person.span[0] - sm.start
                )
                and (
                    _VISIT_WORD.search(sm.text)
                    or _TO_PLACE.match(sm.text, m.person.span[1] - sm.start)
                )
                and (countries is None or _from_elsewhere(sm, m, countries))
            ),
            None,
        )
    if principal is None and countries is not None:
        principal = _met_on_a_visit(sents, countries, not_traveller)
    principal_person = principal.person if principal else None
    pname = principal_person.name if principal_person else ""

    # Spouse: right after a principal mention ("X, his spouse Y", "X và Phu nhân").
    spouse: Person | None = None
    spouse_re = _SPOUSE_VI if lang == "vi" else _SPOUSE_EN
    if principal_person is not None:
        for sm in sents:
            pms = [m for m in sm.mentions if _same_person(m.person.name, pname)]
            if not pms and not re.search(r"\b(?:he|she|his|her)\b", sm.text, re.I):
                continue
            for sp in spouse_re.finditer(sm.text):
                near = any(
                    0 <= sp.start() - (m.person.span[1] - sm.start) <= 80
                    and not _TITLE_RE[lang].search(
                        sm.text[m.person.span[1] - sm.start : sp.start()]
                    )
                    for m in pms
                )
                possessive = lang == "en" and re.match(r"(?i)his|her", sp.group(0))
                if not near and not (possessive and pms):
                    continue
                name = sp.group("name")
                if name is not None:
                    toks = _tokens(name)
                    if (
                        not toks
                        or toks[0].low in _TITLE_WORDS
                        or toks[0].low in _ORG_WORDS
                        or _norm(name) in _COUNTRIES
                    ):
                        name = None
                    else:
                        k = _name_start(toks, allow_single=False)
                        name = None if k != 0 else name
                a = sm.start + sp.start()
                b = sm.start + (sp.end("name") if name else sp.end("role"))
                cand = Person(
                    name=re.sub(r"\s+", " ", name) if name else UNNAMED,
                    title="Spouse",
                    title_text=sp.group("role"),
                    organisation_or_country=None,
                    span=(a, b),
                    text=text[a:b],
                )
                if spouse is None or (not spouse.is_named and cand.is_named):
                    spouse = cand
            if spouse is not None and spouse.is_named:
                break

    # Delegation members: people after a delegation cue, or in a bulleted list after it.
    delegation: list[Person] = []
    in_list = False

    def _add_member(p: Person) -> None:
        if _same_person(p.name, pname) or (spouse and _same_person(p.name, spouse.name)):
            return
        if p.span in inviter_spans:
            return
        if not any(_same_person(d.name, p.name) for d in delegation):
            delegation.append(p)

    for sm in sents:
        cue = _DELEGATION.search(sm.text)
        if cue and not re.match(r"(?i)accompanied\s+by\s+(?:his|her)\s+", sm.text[cue.start() :]):
            for m in sm.mentions:
                if m.person.span[0] - sm.start >= cue.end():
                    _add_member(m.person)
            in_list = sm.text.rstrip().endswith(":")
            continue
        if in_list and (_BULLET.match(sm.text) or _LIST_ITEM.match(sm.text)):
            for m in sm.mentions:
                _add_member(m.person)
            continue
        in_list = False

    # Counterparts: other named leaders in sentences about meetings.
    counterparts: list[Person] = []
    excluded = [pname, *(d.name for d in delegation)]
    for sm in sents:  # spokespeople and interviewees brief the press, they are not met
        for m in sm.mentions:
            b = m.person.span[1] - sm.start
            if _SPOKESPERSON.match(sm.text, b):
                excluded.append(m.person.name)
    if spouse and spouse.is_named:
        excluded.append(spouse.name)
    for sm in sents:
        if not _MEET.search(sm.text):
            continue
        for m in sm.mentions:
            p = m.person
            if any(_same_person(p.name, e) for e in excluded):
                continue
            b = p.span[1] - sm.start
            if _TOLD.match(sm.text, b):
                continue
            existing = next(
                (i for i, c in enumerate(counterparts) if _same_person(c.name, p.name)), None
            )
            if existing is None:
                counterparts.append(p)
            elif len(p.name.split()) > len(counterparts[existing].name.split()):
                counterparts[existing] = p

    mentions = _principal_mentions(article, sents, principal_person)
    return PeopleFacts(
        principal=principal_person,
        spouse=spouse,
        delegation=delegation,
        inviters=inviters,
        counterparts=counterparts,
        principal_mentions=mentions,
    )


def _principal_mentions(
    article: ParsedArticle, sents: list[_SentMentions], principal: Person | None
) -> list[tuple[int, int]]:
    """Spans that refer to the principal: titled mentions, the bare given name or surname,
    and title-only references ("the Party leader", "the General Secretary", "Tổng Bí thư")."""
    if principal is None:
        return []
    spans: set[tuple[int, int]] = set()
    # Per sentence: a span can only cover a point of its own sentence.
    mine: list[list[tuple[int, int]]] = []
    others: list[list[tuple[int, int]]] = []
    for sm in sents:
        mine.append([])
        others.append([])
        for m in sm.mentions:
            if _same_person(m.person.name, principal.name):
                spans.add(m.person.span)
                mine[-1].append(m.person.span)
            else:
                others[-1].append(m.person.span)
    name_toks = principal.name.split()
    short_forms = {principal.name}
    if name_toks:
        short_forms.add(name_toks[-1])
    title_forms: set[str] = set()
    if principal.title:
        for surface, norm in _EN_TITLES if article.language == "en" else _VI_TITLES:
            if norm == principal.title:
                title_forms.add(surface)
    alt_names = "|".join(re.escape(f) for f in sorted(short_forms, key=len, reverse=True))
    name_re = re.compile(r"(?<![^\W_])(?:" + alt_names + r")(?![^\W_])(?!\s+[^\W\d_a-zà-ỹ])")
    title_re = (
        re.compile(
            r"(?<![^\W_])(?:"
            + "|".join(re.escape(t) for t in sorted(title_forms, key=len, reverse=True))
            + r")(?![^\W_])(?!\s+(?:of\b|[^\W\d_a-zà-ỹ]))",
            re.IGNORECASE,
        )
        if title_forms
        else None
    )
    for i, s in enumerate(article.sentences):
        check()
        named = _Cover(mine[i])
        for nm in name_re.finditer(s.text):
            a = s.span[0] + nm.start()
            if not named.covers(a):
                span = (a, s.span[0] + nm.end())
                spans.add(span)
                named.add(span)
        if title_re is not None:
            cover = _Cover([*named.spans, *others[i]])
            for tm in title_re.finditer(s.text):
                a = s.span[0] + tm.start()
                if not cover.covers(a):
                    span = (a, s.span[0] + tm.end())
                    spans.add(span)
                    cover.add(span)
    return sorted(spans)


class _Cover:
    """Is a point inside one of some spans, for points asked in increasing order (a sweep,
    so many mentions in one sentence cost their number, not its square)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._next = 0
        self._reach = -1

    def covers(self, point: int) -> bool:
        while self._next < len(self.spans) and self.spans[self._next][0] <= point:
            self._reach = max(self._reach, self.spans[self._next][1])
            self._next += 1
        return point < self._reach

    def add(self, span: tuple[int, int]) -> None:
        """A span starting at the last point asked."""
        self.spans.append(span)
        self._reach = max(self._reach, span[1])
