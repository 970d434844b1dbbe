"""Where a name begins: the words that cannot be part of a personal name, and the shape
of Vietnamese names.

The hard part of a mention is where an organisation ends and the name begins ("... of
Việt Nam (CPV) Central Committee Tô Lâm"): organisation words, country names (every way
`reference.countries` knows them to be written), demonyms, acronyms and ranks cannot be
part of a name, and Vietnamese names start with one of a small, closed set of surnames.
These vocabularies are read whatever the article's language (English wires write
Vietnamese names too), so they live here rather than in the per-language lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calendar_svc.ingest.people.titles import TITLE_WORDS
from calendar_svc.reference.countries import is_demonym, written_names
from calendar_svc.reference.identity import table_forms
from calendar_svc.reference.orthography import fold, nfc


def _words(text: str) -> frozenset[str]:
    """A word list written as prose, so long vocabularies stay readable."""
    return frozenset(text.split())


#: ("UN" is not here: written in capitals it is masked as an acronym, and "Un" is a given
#: name's syllable, "Kim Jong Un".)
ORG_WORDS = _words("""
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
    asean apec eu nato brics sco statue square mausoleum museum street road avenue bridge
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
CONNECTORS = frozenset({"of", "the", "for", "and", "&", "on", "’s", "'s", "’", "-", "và"})
PARTICLES = _words(
    "da de do dos das di del della van von der den bin binti al el ibn y e la le ter zu af"
    # as the Vietnamese press spells them: "Lu-la đa Xin-va" (da Silva), "đơ" (de)
    " đa đê đơ"
)
_VI_SURNAMES = _words("""
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Tô Trịnh Đinh
    Lâm Mai Đoàn Hà Cao Lưu Tạ Thái Kiều Quách Vương Trương Châu Đào Chu Tăng Lại Hứa Từ Khổng
    Tống Triệu Mạc Lò Thân Giang Nông La Phùng Quan Lục Âu Tôn Khúc Doãn Hầu Diệp Kim Khuất
    Nghiêm Bế Sầm Lữ Lường Đàm Lạc Kha Phí Mã Ninh Đồng Hàn Lã Tiêu Ung Bạch Thạch Trang Cù Vi
    Y Văn Nghị Tòng Lò Hoàng Thào Sùng Giàng Vàng Hờ Mùa Lầu Đèo Quàng Sơn Danh Thạch Kiêm
    """)

#: Every way a country is written, in either language (see `reference.countries`).
COUNTRIES = written_names()
_COUNTRY_TOKENS: list[tuple[str, ...]] = sorted(
    {tuple(nfc(c).split()) for c in COUNTRIES}, key=len, reverse=True
)
_MAX_COUNTRY_LEN = max(len(t) for t in _COUNTRY_TOKENS)
_COUNTRY_SET = frozenset(_COUNTRY_TOKENS)
#: Names of several words whose later syllables are written in lower case ("Cộng hòa xã
#: hội chủ nghĩa Việt Nam", "Đại Hàn Dân quốc"), lower-cased: an organisation runs on
#: through them, so their capitalised first syllables are not taken for a name.
KNOWN_RUNS = frozenset(
    tuple(w.lower() for w in t) for t in _COUNTRY_TOKENS if len(t) > 1
) | frozenset(p for p in _VI_ORG_PHRASES if len(p) > 1)
MAX_RUN = max(len(r) for r in KNOWN_RUNS)
_ROMAN = re.compile(r"^[IVX]{1,5}$")


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(
    r"\((?:[^\W\d_]|[-&/ ]){1,15}\)"  # parenthesised acronym "(CPV)"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"  # word, with internal hyphens/apostrophes
    r"|[’']s\b"  # possessive
    r"|\d+|\S"
)


#: An Arabic article hyphenated to a capitalised name: "el-Sisi", "al-Assad", "bin-Zayed".
_JOINED_ARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        # "el-Sisi", "al-Assad": an Arabic article joined to a capitalised name is part of it
        return (
            self.text[0].isupper()
            or (self.text[0] == "(" and self.text[-1] == ")")
            or _JOINED_ARTICLE.match(self.text) is not None
        )

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def low(self) -> str:
        return self.text.lower()


def tokens(s: str, start: int = 0, end: int | None = None) -> list[Tok]:
    stop = len(s) if end is None else end
    return [Tok(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(s, start, stop)]


def skip_ws(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\u00a0":
        pos += 1
    return pos


# --------------------------------------------------------------------------------------------
# Name splitting
# --------------------------------------------------------------------------------------------


def _name_goes_on(toks: list[Tok], i: int) -> bool:
    """A one-word country name up to three capitalised syllables after a Vietnamese
    surname (a name has two to four): a syllable of the name ("Vo Thi Anh Xuan", "Trần
    Tuấn Anh": "Anh" is Britain), not where one starts ("Vê-nê-xu-ê-la Ni-cô-lát
    Ma-đu-rô", "Nhà vua Vương quốc Bỉ Philippe")."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if not toks[j].cap:
            return False
        if _is_vi_surname(toks[j]):
            return True
    return False


def _non_name_mask(toks: list[Tok]) -> list[bool]:
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
        if matched == 1 and _name_goes_on(toks, i):
            matched = 0  # "Vo Thi Anh Xuan": "Anh" (Britain) is a syllable of the name
        if matched:
            for k in range(i, i + matched):
                mask[k] = True
            i += matched
            continue
        t = toks[i]
        low = t.low
        nxt = toks[i + 1] if i + 1 < n else None
        # "George W. Bush", "V. Pu-tin": the stop of an initial (`mentions` takes it in)
        initial = t.text == "." and 0 < i < n - 1 and len(toks[i - 1].text) == 1
        if (
            (not t.word and not initial)
            or low in ORG_WORDS
            or low in TITLE_WORDS
            or low in CONNECTORS
            or (t.text.isupper() and len(t.text) >= 2 and not (_ROMAN.match(t.text) and i > 0))
            or (is_demonym(t.text) and nxt is not None and t.text not in _VI_SURNAMES)
            or (low == "ban" and nxt is not None and "-" not in nxt.text)
            or (not t.cap and low not in PARTICLES and not initial)
        ):
            mask[i] = True
        i += 1
    return mask


def _after_country(toks: list[Tok], index: int) -> bool:
    for size in range(min(_MAX_COUNTRY_LEN, index), 0, -1):
        if tuple(t.text for t in toks[index - size : index]) in _COUNTRY_SET:
            return True
    return False


def _fold(word: str) -> str:
    """ "Nguyễn" -> "nguyen": how a Vietnamese word is spelled without its marks."""
    return fold(word).lower()


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


def _is_vi_surname(tok: Tok) -> bool:
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


def same_in_article(a: str, b: str) -> bool:
    """Full name vs a later short form within one article ("Tô Lâm" ~ "Lâm", "Vladimir
    Putin" ~ "Putin", "Abdel Fattah Al Sisi" ~ "Al Sisi"). Across articles,
    `reference.identity.same_person` decides."""
    if not a or not b:
        return False
    if _same_written(a, b):
        return True
    # a form the table gives the same holder: "Uy-đô-đô" after "Giô-cô Uy-đô-đô (Joko
    # Widodo)", read as "Joko Widodo"
    return any(_same_written(a, form) for form in table_forms(b) if form != b) or any(
        _same_written(b, form) for form in table_forms(a) if form != a
    )


def _same_written(a: str, b: str) -> bool:
    """`same_in_article` by the words as written."""
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    short, full = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) == 1:
        if short[0] == full[-1] or short[0] == full[0]:
            return True
        # "Lula" of "Luiz Inácio Lula da Silva": a name the press calls by a middle word
        # (never a Vietnamese one, whose middle names many people share)
        return short[0] in full[1:-1] and len(short[0]) > 2 and not looks_vietnamese(" ".join(full))
    # "Al Sisi" of "Abdel Fattah Al Sisi", "Xuân Phúc" of "Nguyễn Xuân Phúc": the name's end
    return full[-len(short) :] == short


def name_start(
    toks: list[Tok], allow_single: bool, known: frozenset[str] = frozenset()
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
