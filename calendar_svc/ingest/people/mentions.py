"""Parsing one mention: "<title> [qualifiers] <name> [of <country>]" from a title match.

English introduces people as "<title> [of <organisation>] <name>", Vietnamese as "<title>
[<organisation/country>] <name>". From the title on, the capitalised phrase is read token
by token (chaining further titles and ranks, running through organisation names with
lower-case syllables), then split where the name begins (see `names.name_start`); what
comes before the name is the organisation or country the title belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from calendar_svc.domain.language import Language
from calendar_svc.ingest.people.names import (
    COUNTRIES,
    KNOWN_RUNS,
    MAX_RUN,
    PARTICLES,
    TOKEN_RE,
    Tok,
    name_start,
    skip_ws,
    tokens,
)
from calendar_svc.ingest.people.person import Person
from calendar_svc.ingest.people.titles import (
    HONORIFIC_RE,
    RANK_NORM,
    RANK_RE,
    TITLE_RE,
    normalise_title,
)
from calendar_svc.reference.countries import is_demonym
from calendar_svc.reference.orthography import is_vietnamese, nfc


@dataclass
class Mention:
    """A person mention and the span of the name alone (both into the article's text)."""

    person: Person
    name_span: tuple[int, int]
    #: One word of a full name met before, standing alone ("Petrov is in Japan"): weaker
    #: evidence of who travels than a name with its title (`short_forms`).
    bare: bool = False


def _known_run_end(s: str, phrase: list[Tok], tok: Tok) -> int | None:
    """Where a country or organisation name that the lower-case ``tok`` continues (from
    the end of ``phrase``) or starts ends, if it is one."""
    ahead = tokens(s, tok.start, min(len(s), tok.start + 80))[:MAX_RUN]
    back = phrase[-(MAX_RUN - 1) :]
    best: int | None = None
    for k in range(len(back) + 1):
        head = tuple(t.low for t in back[len(back) - k :])
        for m in range(1, min(len(ahead), MAX_RUN - len(head)) + 1):
            if head + tuple(t.low for t in ahead[:m]) in KNOWN_RUNS:
                best = max(best or 0, ahead[m - 1].end)
    return best


#: Vietnamese verbs and markers that never stand inside an organisation's name, so a
#: title's phrase ends before them ("Tổng thống Biden tới Phnom Penh", "Thủ tướng Kishida
#: đã gặp"). ("và", "tại", "ở", "hội" do stand inside names: "Bộ Văn hóa, Thể thao và Du
#: lịch", "Đại sứ Việt Nam tại Nhật Bản", "Quốc hội".)
_VI_VERBS = frozenset(
    {"tới", "đến", "sang", "thăm", "rời", "dự", "đã", "sẽ", "đang", "vừa", "gặp", "tiếp",
     "hạ", "cùng", "với", "có"}
)  # fmt: skip


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


def lookback(s: str, end: int) -> int:
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
#: A word's possessive ending: "Abe's", "Modi’s".
_POSSESSIVE = re.compile(r"[^\W\d_][’']s$")
SPOUSE_AFTER = re.compile(r"(?:[Pp]hu\s+(?:nhân|quân)|(?:his|her)\s+(?:wife|husband|spouse))\b")


def parse_mention(
    s: str,
    tm: re.Match[str],
    lang: Language,
    offset: int,
    chained: list[tuple[int, int]] | None = None,
    known: frozenset[str] = frozenset(),
) -> Mention | None:
    """Parse "<title> [qualifiers] <name> [of <country>]" starting at a title match.

    Titles chained onto this one ("General Secretary and President") are added to
    ``chained``: a parse starting at one of them is in the same state from there on, so
    when this parse finds nobody, neither would theirs (the caller skips them; a run of
    titles then costs its length, not its square).
    """
    pre_org, title_start = _qualifier_before(s, tm.start(), lang)
    invited_by = _INVITATION_OF.search(s, lookback(s, title_start), title_start) is not None
    reader = _Phrase(s, lang, tm.end(), chained, invited_by)
    if not reader.read():
        return None
    phrase = _without_spelt_gloss(reader.trimmed())
    if not phrase:
        return None
    directly_after_title = phrase[0].start == skip_ws(s, reader.chain_end)
    k = name_start(phrase, allow_single=directly_after_title, known=known)
    if k is None or phrase[k].text.startswith("("):
        return None
    name = (phrase[k].start, phrase[-1].end)
    org = _organisation(s, phrase[:k])
    end = name[1]
    # "Prime Minister Anthony Albanese of Australia"
    if org is None and lang == "en":
        org, end = _country_after(s, name[1]) or (None, end)
    if org is None:
        org = pre_org
    title_norm, org_norm = normalise_title(tm.group(0), lang, org)
    title_text = s[title_start : name[0]]  # as written, ranks included
    person = Person(
        name=re.sub(r"\s+", " ", s[name[0] : name[1]]),
        title=title_norm,
        title_text=re.sub(r"\s+", " ", title_text).strip(" ,"),
        organisation_or_country=org_norm,
        span=(offset + title_start, offset + end),
        text=s[title_start:end],
    )
    return Mention(person, (offset + name[0], offset + name[1]))


def _without_spelt_gloss(phrase: list[Tok]) -> list[Tok]:
    """The phrase up to a bracket that spells the name before it in Vietnamese syllables
    ("Thủ tướng Cu-ba Manuel Marrero Cruz (Ma-nu-en Ma-rê-rô Cờ-rút)"): the name is the
    one as written at home, which other articles use too. The other way round ("An-oa
    I-bra-him (Anwar Ibrahim)") the bracket's is."""
    opened = next((i for i, t in enumerate(phrase) if t.text == "("), None)
    if opened is None or opened == 0:
        return phrase
    before, inside = phrase[:opened], phrase[opened + 1 :]
    named = name_start(before, allow_single=False)
    if named is None or not any(t.cap and is_vietnamese(t.text) for t in inside):
        return phrase
    return phrase if any(is_vietnamese(t.text) for t in before[named:]) else before


#: Right before an inviter's title: "at the invitation of the", "nhận lời mời của".
_INVITATION_OF = re.compile(r"(?i)(?:\binvitation\s+of\s+(?:the\s+)?|(?<!\w)lời\s+mời\s+của\s+)$")


def _qualifier_before(s: str, title_start: int, lang: Language) -> tuple[str | None, int]:
    """A demonym or country right before the title: "Belarusian President", "Russian PM",
    "South African President", "Japan's Crown Prince" (the longest of the last three words
    that is one), and where the mention then starts."""
    if lang == "en":
        lo = lookback(s, title_start)
        for size in (3, 2, 1):
            bm = _PRE_ORG[size].search(s, lo, title_start)
            if bm is None:
                continue
            w = re.sub(r"\s+", " ", bm.group(1))
            w = re.sub(r"['’]s$", "", w)  # "India's Prime Minister": the country's
            if is_demonym(w) or nfc(w) in COUNTRIES:
                return w, bm.start(1)
    return None, title_start


def _organisation(s: str, org_toks: list[Tok]) -> str | None:
    """The organisation or country before the name, ranks after it left out ("Minister of
    National Defence General <name>")."""
    while org_toks and RANK_NORM.get(org_toks[-1].low) is not None:
        org_toks = org_toks[:-1]
    if not org_toks:
        return None
    org = s[org_toks[0].start : org_toks[-1].end]
    return re.sub(r"^(?:of\s+)?(?:the\s+)?", "", org, flags=re.IGNORECASE).strip() or None


def _country_after(s: str, name_end: int) -> tuple[str, int] | None:
    """The country in "<name> of <country>" right after the name, and where it ends."""
    om = _OF_COUNTRY.match(s, name_end)
    if om:
        words = om.group(1).strip().split()
        for size in range(len(words), 0, -1):
            c = " ".join(words[:size])
            if nfc(c) in COUNTRIES:
                return c, om.start(1) + len(c)
    return None


@dataclass
class _Phrase:
    """The capitalised phrase after a title, read token by token up to where it ends.

    Ranks and titles chained before any name ("General Secretary and President") move
    ``chain_end``; the tokens after them are ``toks``: organisation words, lower-case
    syllables of known names, connectors, and the name itself.
    """

    s: str
    lang: Language
    pos: int
    chained: list[tuple[int, int]] | None
    #: the title is the inviter's ("at the invitation of the President of China, Prime
    #: Minister B will ..."): a comma ends it, and the title after it is the guest's
    invited_by: bool = False
    chain_end: int = 0
    toks: list[Tok] = field(default_factory=list)
    vi_lower_run: int = 0
    steps: int = 0

    def __post_init__(self) -> None:
        self.chain_end = self.pos

    def read(self) -> bool:
        """Read to the end of the phrase; False when it runs on past ``_MAX_STEPS``."""
        s, n = self.s, len(self.s)
        while self.pos < n:
            self.steps += 1
            if self.steps > _MAX_STEPS:
                return False
            self.pos = skip_ws(s, self.pos)
            if self.pos >= n:
                break
            if not self.toks and self._chain_title():
                continue
            honorific = HONORIFIC_RE.match(s, self.pos)
            if honorific:  # "Thủ tướng Ma-lai-xi-a Dato' Sri Ismail Sabri": read past it
                self.pos = honorific.end()
                continue
            m = TOKEN_RE.match(s, self.pos)
            if m is None or not self._take(Tok(m.group(0), m.start(), m.end())):
                break
        return True

    def trimmed(self) -> list[Tok]:
        """The phrase without its trailing non-capitalised tokens."""
        phrase = self.toks
        while phrase and not phrase[-1].cap:
            phrase.pop()
        return phrase

    def _restart_chain(self, pos: int) -> None:
        self.pos = pos
        self.chain_end = pos
        self.steps = 0

    def _chain_title(self) -> bool:
        """A rank or another title before any name: read past it."""
        rm = RANK_RE.match(self.s, self.pos)
        if rm:
            self._restart_chain(rm.end())
            return True
        tm2 = TITLE_RE[self.lang].match(self.s, self.pos)
        if tm2:
            self._restart_chain(tm2.end())  # "Party General Secretary and President of China"
            if self.chained is not None and self.vi_lower_run == 0:
                self.chained.append(tm2.span())
            return True
        return False

    def _append(self, tok: Tok) -> bool:
        self.toks.append(tok)
        self.pos = tok.end
        return True

    def _next_token(self, tok: Tok) -> re.Match[str] | None:
        return TOKEN_RE.match(self.s, skip_ws(self.s, tok.end))

    def _has_name(self, allow_single: bool = False) -> bool:
        return bool(self.toks) and name_start(self.toks, allow_single=allow_single) is not None

    def _direct_single(self) -> bool:
        """One word right after the title: a name of one word ("Tổng thống Lula tại Phủ
        Tổng thống": "tại" ends the mention), which lower-case syllables do not extend."""
        return len(self.toks) == 1 and self.toks[0].start == skip_ws(self.s, self.chain_end)

    def _take(self, tok: Tok) -> bool:
        """Take one token into the phrase; False where the phrase ends."""
        low = tok.low
        if tok.text in {",", "and", "và"} or low == "and":
            return self._conjunction(tok)
        if self._possessive_name(tok):
            return False
        if tok.text.startswith("(") and tok.text.endswith(")") and not tok.text.isupper():
            return False  # "Thủ tướng X (phải) đón ...": a caption's place in the photo
        if (tok.cap and tok.word) or tok.text.startswith("("):
            self.vi_lower_run = 0
            return self._append(tok)
        if tok.text == "." and self._initial():
            return self._append(tok)
        if low in {"of", "the", "for", "on", "’s", "'s"} and self.lang == "en":
            return self._english_connector(tok)
        if tok.word and low in PARTICLES and self.toks:
            nm = self._next_token(tok)
            if nm is not None and nm.group(0)[0].isupper():
                return self._append(tok)
        if self.lang == "vi" and tok.word and not tok.cap and self._known_run(tok):
            return True
        if self.lang == "vi" and low in _VI_VERBS:
            return False  # "Tổng thống Biden tới Phnom Penh": the verb ends the mention
        if (
            self.lang == "vi"
            and tok.word
            and self.toks
            and (self.toks[-1].cap or self.vi_lower_run > 0)
            and self.vi_lower_run < 3
            and len(self.toks) < 16
            and not self._has_name(allow_single=self._direct_single())
        ):
            # Lower-case syllables inside organisation names: "Ban Chấp hành Trung ương",
            # up to three in a row: "Bộ trưởng Tái thiết kinh tế Akazawa Ryosei".
            self.vi_lower_run += 1
            return self._append(tok)
        return False

    def _possessive_name(self, tok: Tok) -> bool:
        """ "Shinzo Abe's Sept. 13-14 visit": the possessive ends a name, taken without it
        (not an organisation's: "the Party Central Committee's Internal Affairs ...")."""
        if self.lang != "en" or not tok.cap or not _POSSESSIVE.search(tok.text):
            return False
        bare = Tok(tok.text[:-2], tok.start, tok.end - 2)
        if name_start([*self.toks, bare], allow_single=False) is None:
            return False
        self._append(bare)
        return True

    def _initial(self) -> bool:
        """A full stop right after the initial a name opens with ("Tổng thống V. Pu-tin",
        "V.Pu-tin", as the Vietnamese party press writes leaders). A middle initial
        ("Joseph R. Biden") ends the name as before: the name is known without it."""
        last = self.toks[-1] if self.toks else None
        if last is None or len(last.text) != 1 or not last.cap:
            return False
        before = self.toks[:-1]
        return not before or name_start(before, allow_single=True) is None

    def _conjunction(self, tok: Tok) -> bool:
        """A comma or "and": chain to another title only while no name has been found yet;
        otherwise "and" may join the words of one name."""
        s = self.s
        nxt = skip_ws(s, tok.end)
        direct = bool(self.toks) and self.toks[0].start == skip_ws(s, self.chain_end)
        if TITLE_RE[self.lang].match(s, nxt) or RANK_RE.match(s, nxt):
            if self._has_name(allow_single=direct) or (self.invited_by and tok.text == ","):
                return False
            self.toks = []
            self._restart_chain(nxt)
            return True
        if tok.text == "," or self._has_name(allow_single=direct):
            return False  # "Crown Prince Akishino and Crown Princess Kiko": one word is a name
        if SPOUSE_AFTER.match(s, nxt):
            return False  # "Tổng thống Putin và Phu nhân": the name ends before the spouse
        nm = TOKEN_RE.match(s, nxt)
        if nm is None or not nm.group(0)[0].isupper() or not self.toks:
            return False
        return self._append(tok)

    def _english_connector(self, tok: Tok) -> bool:
        """ "of", "the", "for", "on", "'s" inside an organisation's name, never after a
        name has been found ("President X of Y" ends at X)."""
        low = tok.low
        if low == "of" and self._has_name():
            return False
        nm = self._next_token(tok)
        if nm is None or not (nm.group(0)[0].isupper() or nm.group(0).lower() == "the"):
            return False
        if low == "on" and _DAY_WORD.fullmatch(nm.group(0)):
            return False  # "Prime Minister X on May 7 chaired", "President B on Tuesday put off"
        return self._append(tok)

    def _known_run(self, tok: Tok) -> bool:
        """A lower-case word that continues or starts a known country or organisation name
        ("Cộng hòa xã hội chủ nghĩa Việt Nam"): take the whole run."""
        run_end = _known_run_end(self.s, self.toks, tok)
        nxt_tok = self._next_token(tok)
        if run_end is None and not self.toks and tok.low == "nước" and nxt_tok:
            # "Thủ tướng nước Cộng hòa Ấn Độ ...": "nước" (country) opens the name.
            run_end = tok.end if nxt_tok.group(0)[0].isupper() else None
        if run_end is None:
            return False
        self.toks.extend(tokens(self.s, tok.start, run_end))
        self.vi_lower_run = 0
        self.pos = run_end
        return True
