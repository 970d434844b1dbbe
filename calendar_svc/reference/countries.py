"""Countries: the one home of their codes, names (English, Vietnamese) and demonyms.

Ingest (places, people), the API (`?country=` filters) and the feeds (titles) all name
countries through this module, so a name is spelt one way everywhere. Names come from
Babel's CLDR data where CLDR has them; the tables here add the forms the press uses that
CLDR lacks (transliterations such as "Ô-xtrây-li-a", official long forms). English
demonyms come from the separately licensed world table (`world_demonyms`, ODbL) and the
press table below.

Readers ask it for more than a code's name: the spellings a CLDR name implies
(`cldr_variants`, which the place index holds), the English names a demonym's stem is
checked against (`english_names`), and every form a country is written in
(`written_names`: after a title, what never begins a person's name).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale

from calendar_svc.domain.language import LANGUAGES, Language
from calendar_svc.reference.orthography import is_vietnamese, nfc, run_together
from calendar_svc.reference.world_demonyms import WORLD_DEMONYMS

#: CLDR territories that are not countries in the sense of this service.
NOT_COUNTRIES: frozenset[str] = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
#: CLDR territory codes that are not ISO 3166 countries (Ascension, Clipperton, ...).
_CLDR_ONLY: frozenset[str] = frozenset({"AC", "CP", "CQ", "DG", "EA", "IC", "TA"})

#: Extra country names, (code, form).  CLDR already gives e.g. "Vietnam"/"Việt Nam",
#: "Nga", "Trung Quốc", "Hàn Quốc", "Triều Tiên", "Lào", "Campuchia", "Nhật Bản",
#: "Hoa Kỳ", "Vương quốc Anh"; these are what CLDR lacks.
PRESS_FORMS: tuple[tuple[str, str], ...] = (
    # English press forms
    ("VN", "Viet Nam"),
    ("VN", "Socialist Republic of Vietnam"),
    ("VN", "Socialist Republic of Viet Nam"),
    ("RU", "Russian Federation"),
    ("US", "US"),
    ("US", "U.S."),
    ("US", "USA"),
    ("US", "U.S.A."),
    ("US", "United States of America"),
    ("GB", "UK"),
    ("GB", "U.K."),
    ("GB", "Britain"),
    ("GB", "Great Britain"),
    ("GB", "England"),
    ("AE", "UAE"),
    ("KR", "Republic of Korea"),
    ("KR", "ROK"),
    ("KR", "Korea"),  # the press's short form; "North Korea" is longer, so wins
    ("KP", "DPRK"),
    ("KP", "Democratic People's Republic of Korea"),
    ("LA", "Lao PDR"),
    ("LA", "Lao People's Democratic Republic"),
    ("CN", "PRC"),
    ("TW", "Republic of China"),
    ("TR", "Turkey"),
    ("CZ", "Czech Republic"),
    ("CI", "Ivory Coast"),
    ("CV", "Cabo Verde"),
    ("SZ", "Swaziland"),
    ("MK", "Macedonia"),
    ("TL", "East Timor"),
    ("TL", "Timor Leste"),
    ("TR", "Turkiye"),  # "Türkiye" without its diacritic, as some wires print it
    ("CI", "Cote d'Ivoire"),
    ("PG", "PNG"),
    ("CD", "DR Congo"),
    ("CD", "DRC"),
    ("CD", "Democratic Republic of the Congo"),
    ("CD", "Democratic Republic of Congo"),
    ("CD", "Congo-Kinshasa"),
    ("CG", "Republic of the Congo"),
    ("CG", "Republic of Congo"),
    ("CG", "Congo Republic"),
    ("CG", "Congo-Brazzaville"),
    ("PS", "Palestine"),
    ("VA", "Vatican"),
    ("VA", "Holy See"),
    ("HK", "Hong Kong"),
    ("MO", "Macau"),
    ("MO", "Macao"),
    ("BA", "Bosnia"),
    ("NL", "Holland"),
    # Vietnamese press forms
    ("CZ", "Czech"),  # "thăm chính thức Cộng hòa Czech": a name there, an adjective in English
    ("RU", "Liên bang Nga"),
    ("RU", "LB Nga"),
    ("DE", "CHLB Đức"),  # "CHLB" reads as a name's first word before the short "Đức"
    ("CZ", "CH Séc"),
    ("US", "Mỹ"),
    ("GB", "Anh"),
    ("GB", "Anh Quốc"),
    ("KP", "CHDCND Triều Tiên"),
    ("KR", "Đại Hàn Dân Quốc"),
    ("US", "Hợp chúng quốc Hoa Kỳ"),
    ("US", "Hợp chủng quốc Hoa Kỳ"),
    ("LA", "CHDCND Lào"),
    ("CN", "Trung Hoa"),
    ("JP", "Nhật"),
    ("IT", "Ý"),
    ("IT", "I-ta-li-a"),
    ("AU", "Úc"),
    ("AU", "Ô-xtrây-li-a"),
    ("UA", "U-crai-na"),
    ("BY", "Bê-la-rút"),
    ("KZ", "Ca-dắc-xtan"),
    ("AZ", "A-déc-bai-gian"),
    ("UZ", "U-dơ-bê-ki-xtan"),
    ("CU", "Cu-ba"),
    ("BR", "Bra-xin"),
    ("AR", "Ác-hen-ti-na"),
    ("VE", "Vê-nê-xu-ê-la"),
    ("CA", "Ca-na-đa"),
    ("MX", "Mê-hi-cô"),
    ("ID", "In-đô-nê-xi-a"),
    ("MY", "Ma-lai-xi-a"),
    ("PH", "Phi-líp-pin"),
    ("SG", "Xin-ga-po"),
    ("SG", "Xinh-ga-po"),
    ("MM", "Mi-an-ma"),
    ("KH", "Cam-pu-chia"),
    ("BN", "Bru-nây"),
    ("TL", "Đông Timor"),
    ("IR", "I-ran"),
    ("IQ", "I-rắc"),
    ("IL", "I-xra-en"),
    ("HU", "Hung-ga-ri"),
    ("RO", "Ru-ma-ni"),
    ("BG", "Bun-ga-ri"),
    ("RS", "Xéc-bi-a"),
    ("HK", "Hồng Kông"),
    ("HK", "Hồng Công"),
    ("MO", "Ma Cao"),
    ("CD", "Cộng hòa Dân chủ Congo"),
    ("CD", "CHDC Congo"),
    ("CD", "Cộng hòa Dân chủ Công-gô"),
    ("CD", "CHDC Công-gô"),
    ("SS", "Nam Xu-đăng"),
    ("GW", "Ghi-nê Bít-xao"),
    ("GW", "Ghi-nê-Bít-xao"),
    ("GH", "Gha-na"),
    ("SI", "Xlô-ven-ni-a"),
    ("LU", "Lúc-xem-bua"),
    ("LU", "Lúc-xăm-bua"),
    ("CR", "Cô-xta Ri-ca"),
    ("CR", "Cốt-xta Ri-ca"),
    # Transliterations the Vietnamese press prints beside (or instead of) CLDR's names
    ("AU", "Ốt-xtrây-li-a"),
    ("AU", "Ô-xtơ-rây-li-a"),
    ("NZ", "Niu Di-lân"),
    ("IE", "Ai-len"),
    ("CL", "Chi-lê"),
    ("PE", "Pê-ru"),
    ("DO", "Đô-mi-ni-ca-na"),
    ("CO", "Cô-lôm-bi-a"),
    ("EC", "Ê-cu-a-đo"),
    ("BO", "Bô-li-vi-a"),
    ("PY", "Pa-ra-goay"),
    ("UY", "U-ru-goay"),
    ("PA", "Pa-na-ma"),
    ("NI", "Ni-ca-ra-goa"),
    ("SA", "Ả-rập Xê-út"),
    ("SA", "A-rập Xê-út"),
    ("SA", "Ả Rập Xê Út"),
    ("QA", "Ca-ta"),
    ("KW", "Cô-oét"),
    ("OM", "Ô-man"),
    ("BH", "Ba-ranh"),
    ("JO", "Gioóc-đa-ni"),
    ("LB", "Li-băng"),
    ("SY", "Xy-ri"),
    ("PS", "Pa-le-xti-n"),
    ("PK", "Pa-ki-xtan"),
    ("BD", "Băng-la-đét"),
    ("LK", "Xri Lan-ca"),
    ("NP", "Nê-pan"),
    ("TM", "Tuốc-mê-ni-xtan"),
    ("KG", "Cư-rơ-gư-xtan"),
    ("TJ", "Tát-gi-ki-xtan"),
    ("ET", "Ê-ti-ô-pi-a"),
    ("KE", "Kê-ni-a"),
    ("MZ", "Mô-dăm-bích"),
    ("GH", "Ga-na"),
    ("AO", "Ăng-gô-la"),
    ("NG", "Ni-giê-ri-a"),
    ("DZ", "An-giê-ri"),
    ("MA", "Ma-rốc"),
    ("TZ", "Tan-da-ni-a"),
    ("UG", "U-gan-đa"),
    ("RW", "Ru-an-đa"),
    ("SN", "Xê-nê-gan"),
    ("PG", "Pa-pua Niu Ghi-nê"),
    ("SK", "Xlô-va-ki-a"),
    ("SI", "Xlô-ve-ni-a"),
    ("HR", "Crô-a-ti-a"),
    ("EE", "E-xtô-ni-a"),
    ("LV", "Lát-vi-a"),
    ("LT", "Lít-va"),
    ("IS", "Ai-xơ-len"),
    # ... and more of them, as the Vietnamese press writes the countries of Africa, the
    # Americas, Europe, Asia and the Pacific where CLDR keeps the Latin spelling
    ("AE", "Các Tiểu vương quốc Ả Rập Thống nhất"),
    ("AE", "Các Tiểu vương quốc Ả-rập Thống nhất"),
    ("AE", "Các Tiểu vương quốc A-rập Thống nhất"),
    ("AE", "Các Tiểu vương quốc Arab Thống nhất"),
    ("MU", "Mô-ri-xơ"),
    ("SD", "Xu-đăng"),
    ("TN", "Tuy-ni-di"),
    ("LY", "Li-bi"),
    ("SO", "Xô-ma-li"),
    ("DJ", "Gi-bu-ti"),
    ("ER", "Ê-ri-tơ-rê-a"),
    ("ZW", "Dim-ba-bu-ê"),
    ("ZM", "Dăm-bi-a"),
    ("MW", "Ma-la-uy"),
    ("BW", "Bốt-xoa-na"),
    ("NA", "Na-mi-bi-a"),
    ("MG", "Ma-đa-ga-xca"),
    ("CM", "Ca-mơ-run"),
    ("CI", "Cốt-đi-voa"),
    ("CI", "Bờ Biển Ngà"),
    ("ML", "Ma-li"),
    ("NE", "Ni-giê"),
    ("BF", "Buốc-ki-na Pha-xô"),
    ("GN", "Ghi-nê"),
    ("GQ", "Ghi-nê Xích đạo"),
    ("SL", "Xi-ê-ra Lê-ôn"),
    ("LR", "Li-bê-ri-a"),
    ("TG", "Tô-gô"),
    ("BJ", "Bê-nanh"),
    ("GA", "Ga-bông"),
    ("CG", "Cộng hòa Công-gô"),
    ("BI", "Bu-run-đi"),
    ("SC", "Xây-sen"),
    ("CV", "Cáp-ve"),
    ("GM", "Găm-bi-a"),
    ("MR", "Mô-ri-ta-ni"),
    ("LS", "Lê-xô-thô"),
    ("ST", "Xao Tô-mê và Prin-xi-pê"),
    ("GY", "Guy-a-na"),
    ("GY", "Gai-a-na"),
    ("SR", "Xu-ri-nam"),
    ("HT", "Ha-i-ti"),
    ("JM", "Gia-mai-ca"),
    ("HN", "Hôn-đu-rát"),
    ("SV", "En Xan-va-đo"),
    ("GT", "Goa-tê-ma-la"),
    ("BS", "Ba-ha-ma"),
    ("BB", "Bác-ba-đốt"),
    ("TT", "Tri-ni-đát và Tô-ba-gô"),
    ("VE", "Vê-nê-du-ê-la"),
    ("MC", "Mô-na-cô"),
    ("LI", "Lích-ten-xtên"),
    ("MT", "Man-ta"),
    ("MD", "Môn-đô-va"),
    ("GE", "Gru-di-a"),
    ("AM", "Ác-mê-ni-a"),
    ("AL", "An-ba-ni"),
    ("MK", "Bắc Ma-xê-đô-ni-a"),
    ("ME", "Mông-tê-nê-grô"),
    ("BA", "Bô-xni-a Héc-dê-gô-vi-na"),
    ("VA", "Va-ti-căng"),
    ("SM", "Xan Ma-ri-nô"),
    ("AD", "An-đô-ra"),
    ("EE", "Ét-xtô-ni-a"),
    ("YE", "Y-ê-men"),
    ("AF", "Áp-ga-ni-xtan"),
    ("MV", "Man-đi-vơ"),
    ("BT", "Bu-tan"),
    ("TL", "Đông Ti-mo"),
    ("TL", "Ti-mo Lét-xtê"),
    ("PS", "Pa-le-xtin"),
    ("PS", "Pa-lét-xtin"),
    ("MM", "Mianma"),
    ("CI", "Cốt Đi-voa"),
    ("ME", "Môn-tê-nê-grô"),
    ("ER", "Ê-ri-tơ-ri-a"),
    ("CV", "Cáp Ve"),
    ("BS", "Ba-ha-mát"),
    ("SM", "San Ma-ri-nô"),
    ("KI", "Ki-ri-ba-ti"),
    ("TV", "Tu-va-lu"),
    ("NR", "Nau-ru"),
    ("PW", "Pa-lau"),
    ("FM", "Mi-crô-nê-xi-a"),
    ("MH", "Quần đảo Mác-san"),
    ("BZ", "Bê-li-xê"),
    ("GD", "Grê-na-đa"),
    ("FJ", "Phi-gi"),
    ("VU", "Va-nu-a-tu"),
    ("WS", "Xa-moa"),
    ("TO", "Tông-ga"),
    ("SB", "Quần đảo Xô-lô-mông"),
)

#: Press forms: what the news writes, where it differs from the world table or where the
#: suffix rules in ``demonym_country`` cannot derive it.
PRESS_DEMONYMS: dict[str, str] = {
    "vietnamese": "VN", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "south korean": "KR", "north korean": "KP", "lao": "LA", "laotian": "LA",
    "thai": "TH", "filipino": "PH", "philippine": "PH", "burmese": "MM",
    "timorese": "TL", "kazakh": "KZ", "kazakhstani": "KZ", "uzbek": "UZ",
    "kyrgyz": "KG", "tajik": "TJ", "turkmen": "TM", "afghan": "AF", "azeri": "AZ",
    "azerbaijani": "AZ", "belarusian": "BY", "belarusan": "BY", "ukrainian": "UA",
    "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "irish": "IE",
    "american": "US", "french": "FR", "german": "DE", "dutch": "NL", "swiss": "CH",
    "danish": "DK", "norwegian": "NO", "swedish": "SE", "finnish": "FI",
    "icelandic": "IS", "polish": "PL", "spanish": "ES", "portuguese": "PT",
    "greek": "GR", "cypriot": "CY", "turkish": "TR", "czech": "CZ", "slovak": "SK",
    "croat": "HR", "serb": "RS", "bosnian": "BA", "belgian": "BE", "maltese": "MT",
    "luxembourgish": "LU", "lebanese": "LB", "saudi": "SA", "emirati": "AE",
    "mexican": "MX", "argentine": "AR", "argentinian": "AR", "peruvian": "PE",
    "ecuadorian": "EC", "dominican": "DO", "moroccan": "MA", "ghanaian": "GH",
    "mozambican": "MZ", "new zealander": "NZ", "kiwi": "NZ", "israeli": "IL",
    "palestinian": "PS", "nepali": "NP", "malagasy": "MG", "somali": "SO",
    "sudanese": "SD", "south sudanese": "SS", "congolese": "CD", "ivorian": "CI",
    "madagascan": "MG", "guatemalan": "GT", "salvadoran": "SV", "honduran": "HN",
    "nicaraguan": "NI", "panamanian": "PA", "haitian": "HT", "jamaican": "JM",
    "bahraini": "BH", "qatari": "QA", "kuwaiti": "KW", "omani": "OM",
    "yemeni": "YE", "iraqi": "IQ", "iranian": "IR", "monegasque": "MC",
}  # fmt: skip


#: Adjectives a title may carry that name no state, so the tables above lack them: a
#: region's or a former state's ("European", "Soviet"), a press spelling ("Maldivian"),
#: and the words of those written in two ("South ...", "Sri Lankan"), which name
#: splitting reads one word at a time (see `is_demonym`).
OTHER_DEMONYMS: frozenset[str] = frozenset(
    {"African", "Asian", "European", "Soviet", "Maldivian", "South", "Sri", "Lankan"}
)

#: Names that stand for a country next to a title ("Korea's President", "Chủ tịch Liên
#: minh châu Âu") though they are no press form of a destination: which Korea is meant is
#: not said, the EU is no country, "Italia" is the Italian spelling; "Đại Hàn Dân quốc"
#: is the press form "Đại Hàn Dân Quốc" in another case, which name splitting tells apart.
NAME_ONLY_FORMS: tuple[str, ...] = ("Korea", "Italia", "Liên minh châu Âu", "Đại Hàn Dân quốc")


def _demonym_codes() -> dict[str, str]:
    """Case-folded demonym -> country code: the world table's unambiguous forms, then the
    press table (which also settles the ambiguous ones)."""
    owners: dict[str, set[str]] = {}
    for code, forms in WORLD_DEMONYMS.items():
        for form in forms.split("/"):
            owners.setdefault(form.casefold(), set()).add(code)
    table = {form: next(iter(codes)) for form, codes in owners.items() if len(codes) == 1}
    table.update(PRESS_DEMONYMS)
    return table


DEMONYM_CODES: dict[str, str] = _demonym_codes()


@functools.cache
def names(lang: Language) -> dict[str, str]:
    """Two-letter CLDR territory code -> its display name in `lang`, for every territory
    CLDR names (pseudo-territories such as "EU" included; `codes` says which are countries)."""
    territories = Locale(lang).territories
    return {
        str(code): str(name)
        for code, name in territories.items()
        if len(str(code)) == 2 and str(code).isalpha()
    }


def codes() -> list[str]:
    """ISO 3166 alpha-2 codes of the countries the service knows, sorted."""
    return sorted(code for code in names("en") if code not in NOT_COUNTRIES | _CLDR_ONLY)


def name(code: str, lang: Language = "en") -> str:
    """CLDR display name of a country ("VN" -> "Vietnam" / "Việt Nam"); KeyError if unknown."""
    upper = code.strip().upper()
    if upper in NOT_COUNTRIES | _CLDR_ONLY:
        raise KeyError(code)
    return names(lang)[upper]


def press_forms() -> frozenset[str]:
    """The country names the press uses beside CLDR's ("Chi-lê", "Ô-xtrây-li-a", "Hoa Kỳ"):
    a title followed by one of them is followed by a country, not by a name."""
    return frozenset(form for _, form in PRESS_FORMS)


def is_demonym(word: str) -> bool:
    """A capitalised demonym: "Kazakh", "Uzbekistani", "South African" (several words).

    Only the tables' forms and `OTHER_DEMONYMS`, never the suffix rules of
    `demonym_country`: "-ian"/"-an"/"-i" words are just as often given names (Sebastian,
    Takeshi, Ivan), and name splitting cannot afford the guess."""
    return word in OTHER_DEMONYMS or (word[:1].isupper() and word.casefold() in DEMONYM_CODES)


@functools.cache
def written_names() -> frozenset[str]:
    """Every name a country is written with in either language (NFC): CLDR's for every
    territory, the press's, and the name-only forms. After a title, one of these names
    whom the title holder speaks for, never who they are."""
    found = set(NAME_ONLY_FORMS) | press_forms()
    for lang in LANGUAGES:
        found.update(names(lang).values())
    return frozenset(nfc(form) for n in found for form in (n, run_together(n)))


def cldr_variants(name: str) -> set[str]:
    """Spellings implied by a CLDR display name ("Myanmar (Burma)", "St. Lucia")."""
    out = {name}
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        out |= {m.group(1), m.group(2)}
    elif "(" in name:
        out.add(re.sub(r"\s*\(.*?\)", "", name))
    for n in list(out):
        if " & " in n:
            out.add(n.replace(" & ", " and "))
        if n.startswith("St. "):
            out |= {"Saint " + n[4:], "St " + n[4:]}
    return out


@functools.cache
def english_names() -> dict[str, str]:
    """Case-folded English country name -> code: every spelling CLDR's names imply (for a
    name two countries share, the later code), then the press's forms that are not
    Vietnamese spellings."""
    table: dict[str, str] = {}
    english = names("en")
    for code in codes():
        for variant in cldr_variants(english[code]):
            table[variant.casefold()] = code
    for code, form in PRESS_FORMS:
        if not is_vietnamese(form):
            table.setdefault(form.casefold(), code)
    return table


def demonym_country(word: str) -> str | None:
    """Country code for an English demonym ("Russian" -> "RU"), or None.

    Forms come from the press table and the world table; other regular forms are derived
    by stripping the usual suffixes and checking the stem against the English country
    names ("Djiboutian", "Argentinian"; see `english_names`). A demonym is an adjective,
    not a place: the place index never returns one, so "Vietnamese-Russian relations"
    names no destination.
    """
    if not isinstance(word, str):
        return None
    w = " ".join(unicodedata.normalize("NFC", word).split()).casefold()
    if not w:
        return None
    if w in DEMONYM_CODES:
        return DEMONYM_CODES[w]
    known = english_names()
    stems = []
    for suffix, repl in (
        ("n", ""), ("ian", ""), ("an", ""), ("ian", "y"), ("an", "a"), ("ian", "ia"),
        ("ian", "e"), ("ese", ""), ("ese", "a"), ("i", ""), ("ish", "and"), ("ish", "en"),
        ("ean", "e"), ("ian", "a"), ("ian", "es"), ("ian", "os"), ("ese", "e"),
    ):  # fmt: skip
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stems.append(w[: -len(suffix)] + repl)
    for stem in stems:
        if stem in known:
            return known[stem]
    return None
