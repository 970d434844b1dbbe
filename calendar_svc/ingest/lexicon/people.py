"""Per-language words for reading people: the titles that introduce them and the cue
words around a mention that give its role ("left", "dẫn đầu": the traveller; "welcomed",
"đón": the host; "his wife", "Phu nhân": the spouse).

One table per language with the same fields, like the travel cues of `lexicon`, so the
people reader (`ingest.people`) is written once and a language is added by adding a
table. Cues the reader looks for in either language (invitations, delegation lists,
meetings) are written for both at once and stay with the rules that read them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from calendar_svc.domain.language import Language


@dataclass(frozen=True)
class PeopleLexicon:
    language: Language
    #: (surface form, normalised English title); matched case-insensitively, longest first
    titles: tuple[tuple[str, str], ...]
    #: a verb whose subject is the traveller ("left", "will pay", "dẫn đầu", "thăm")
    travel: re.Pattern[str]
    #: right before a mention, the trip that is theirs ("visit by", "chuyến thăm ... của",
    #: also at the head of a sentence: "Chuyến thăm chính thức Nhật Bản của Thủ tướng A")
    trip_by: re.Pattern[str]
    #: a verb whose subject receives a visitor ("welcomed", "chủ trì lễ đón", "tiễn"): a host
    host: re.Pattern[str]
    #: the traveller's spouse, with their name when it is given ("his wife Y", "Phu nhân")
    spouse: re.Pattern[str]
    #: ministries named after a minister's title ("Bộ trưởng Bộ Ngoại giao" -> "Minister
    #: of Foreign Affairs"), keyed in lower case
    portfolios: Mapping[str, str]


ENGLISH = PeopleLexicon(
    language="en",
    titles=(
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
        # Ireland's head of government, by the Irish word the press keeps ("Taoiseach Leo
        # Varadkar"); Bangladesh's interim one ("Chief Adviser Muhammad Yunus")
        ("Taoiseach", "Prime Minister"),
        ("Chief Adviser", "Chief Adviser"),
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
        ("Crown Princess", "Crown Princess"),
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
        # "North Korean leader Kim Jong Un", "Iran's Supreme Leader Ali Khamenei": the press's
        # title for a ruler whose formal office it does not spell out
        ("Supreme Leader", "Supreme Leader"),
        ("Leader", "Leader"),
        # "his Kazakh counterpart Kassym-Jomart Tokayev": only after a possessive (`people.find`)
        ("counterpart", "Counterpart"),
    ),
    travel=re.compile(
        # ("the missed meeting left him upset" is no departure)
        r"\b(?:(?:left|leaves?|leaving)(?!\s+(?:him|her|them|it|us|me)\b)|departed|departs?|"
        r"arrived|arrives?|arriving|landed|lands|"
        r"touches\s+down|"
        r"touched\s+down|(?:will|to)\s+be\s+in|"
        # paying or making a visit, a trip, a call, not "paid tribute" or "to make an appeal"
        r"(?:(?:will|to|is|was|are|were)\s+(?:also\s+|still\s+|then\s+)?)?(?:pay|pays|paid|"
        r"paying|make|makes|made|making)(?=\s+(?:[\w-]+\s+){0,3}?(?:visits?|trips?|tour|"
        r"calls?|stops?|journey|stopover)\b)|"
        r"(?:will|to|is|was|are|were)\s+(?:also\s+|still\s+|then\s+)?(?:"
        r"visit|visiting|travel|travelling|traveling|attend|lead|leading|embark|fly|flying|"
        r"head|go|going|leave|depart|arrive|return)|"
        # leading one side of the delegation ("led the government side of the delegation")
        # is no head of it: the one it goes with travels; nor is leading a coup or a party
        r"visits|visited|visiting|is\s+on|are\s+on|heading|"
        r"(?:leads?|led)(?!\s+the\s+[\w-]+\s+side\b)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:coup|party|government|country|nation|army|movement|opposition)\b)|"
        r"headed|heads\s+(?:to|for|home)|flies|flew|jet(?:s|ted)\s+(?:to|into|off)|"
        r"concluding|concluded|wrapped\s+up|wraps\s+up|embarked|began|begins|set\s+off|sets\s+off|"
        r"kick(?:ed|s)\s+off|start(?:ed|s)\s+(?:a|an|his|her|the)|end(?:ed|s)\s+(?:a|an|his|her|the)|"
        r"completed|capped|"
        # "will put back his departure for China", "delayed her departure": who leaves
        r"(?:put(?:s|ting)?|push(?:ed|es|ing)?|br(?:ing|ings|ought))\s+(?:back|forward)\s+"
        r"(?:his|her|their)\s+departure|delay(?:s|ed|ing)?\s+(?:his|her|their)\s+departure|"
        r"returned|returns|returning|"
        # "spent four days in South Korea": a stay abroad
        r"spen(?:t|ds|ding)\s+(?:[\w-]+\s+){1,2}?(?:days|nights|hours|weeks?)\s+in|"
        r"spen(?:t|ds|ding)\s+(?:the\s+)?(?:weekend|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
        r"\s+in|"
        # "is now expected to land in Hanoi", "is due in Tokyo", "is scheduled to arrive"
        r"(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|set|slated)\s+"
        r"(?:to\s+(?:land|arrive|visit|travel|fly|leave|depart|be\s+in|make|pay)|in)|"
        # "A was welcomed by B": A is the visitor; "A put off his planned trip": A travels
        r"(?:was|were|is|are|will\s+be)\s+(?:warmly\s+|officially\s+)?(?:welcomed|received|"
        r"greeted|hosted)|(?:put\s+off|postponed|delayed|cancell?ed|called\s+off|scrapped|"
        # a headline's present: "Trump scraps Poland trip"
        r"puts\s+off|postpones|delays|cancels|calls\s+off|scraps|"
        r"push(?:ed|es)?\s+back|deferred|cut\s+short)\s+(?:(?:his|her|their|the|a|an)\s+)?"
        r"(?:[\w-]+\s+){0,6}?(?:trip|visit|tour|journey|legs?|stops?))\b",
        re.IGNORECASE,
    ),
    trip_by=re.compile(
        r"\b(?:trips?|visits?|tours?|journey)\s+(?:\w+\s+){0,3}?(?:by|of)\s*$", re.IGNORECASE
    ),
    host=re.compile(
        r"\b(?:(?:will|to)\s+)?(?:received|receives?|receiving|welcomed|welcomes?|welcoming|"
        r"hosted|hosts?|hosting|greeted|greets?|saw\s+off|sees?\s+off|"
        r"chaired\s+(?:an?\s+|the\s+)?(?:official\s+|state\s+)?welcom\w*)\b",
        re.IGNORECASE,
    ),
    spouse=re.compile(
        r"\b(?:(?:his|her)\s+)?(?P<role>spouse|wife|husband)\b(?!s)"
        r"(?:,?\s+(?:Madam\s+|Mrs\.?\s+|Ms\.?\s+|Mr\.?\s+)?(?P<name>(?:[^\W\d_a-z][^\W\d_]*"
        r"(?:-[^\W\d_]+)*\s+){1,4}[^\W\d_a-z][^\W\d_]*))?",
    ),
    portfolios={},
)

VIETNAMESE = PeopleLexicon(
    language="vi",
    titles=(
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
        # "Trưởng Cố vấn Chính phủ lâm thời Bangladesh Muhammad Yunus", "Trưởng Cố vấn ..."
        ("Trưởng Cố vấn Chính phủ lâm thời", "Chief Adviser"),
        ("Trưởng Cố vấn", "Chief Adviser"),
        ("Tiểu vương", "Emir"),  # "Tiểu vương Qatar Tamim bin Hamad Al Thani"
        ("Quốc vương", "King"),
        ("Nhà vua", "King"),
        ("Vua", "King"),  # "Vua Charles III", "Vua Anh Charles III"
        ("Nữ hoàng", "Queen"),
        ("Hoàng hậu", "Queen"),
        ("Nhật hoàng", "Emperor"),
        ("Thiên hoàng", "Emperor"),
        ("Hoàng đế", "Emperor"),
        ("Giáo hoàng", "Pope"),
        ("Thái tử", "Crown Prince"),
        ("Hoàng tử", "Prince"),
        ("Công chúa", "Princess"),
        ("Đại sứ", "Ambassador"),
        ("Ủy viên Bộ Chính trị", "Politburo member"),
        ("Uỷ viên Bộ Chính trị", "Politburo member"),
        ("người đồng cấp", "Counterpart"),  # "người đồng cấp Kazakhstan Kassym-Jomart Tokayev"
    ),
    travel=re.compile(
        r"(?<![^\W_])(?:dẫn\s+đầu|thăm|rời|lên\s+đường|đã\s+đến|đến|tới|công\s+du|"
        r"sang\s+thăm|bắt\s+đầu|hạ\s+cánh|đặt\s+chân|tham\s+dự|(?:sẽ|đã|đang)\s+dự|"
        # "hoãn chuyến thăm", "hủy chặng dừng chân tại A": who puts it off is who travels
        r"(?:hoãn|hủy|huỷ)\s+(?:[^\W\d_]+\s+){0,3}?(?:chuyến|chặng))(?![^\W_])",
        re.IGNORECASE,
    ),
    trip_by=re.compile(
        # (not past a comma: "chuyến công du ba nước, để dự lễ đăng quang của Nhà vua ...")
        r"chuyến\s+(?:thăm|công\s+du|công\s+tác)\b[^.;,]{0,200}?\s+của\s*$",
        re.IGNORECASE,
    ),
    host=re.compile(
        r"(?<![^\W_])(?:chủ\s+trì\s+lễ\s+đón|chào\s+đón|đón|tiễn|"
        # "Bộ trưởng Ngoại giao B đã tới chào xã giao vị khách": one of the hosts, calling
        r"(?:tới|đến)\s+chào(?:\s+xã\s+giao)?(?=\s+(?:vị\s+)?khách)|"
        r"tiếp(?!\s+(?:tục|theo|nhận|cận|thu|tế|xúc)))(?![^\W_])",
        re.IGNORECASE,
    ),
    spouse=re.compile(
        r"(?<![^\W_])(?P<role>[Pp]hu\s+nhân|[Pp]hu\s+quân)(?![^\W_])"
        r"(?:,?\s+(?:bà\s+|ông\s+)?(?P<name>(?:[^\W\d_a-zà-ỹ][^\W\d_]*(?:-[^\W\d_]+)*\s+){1,4}"
        r"[^\W\d_a-zà-ỹ][^\W\d_]*))?",
    ),
    portfolios={
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
    },
)

PEOPLE_LEXICONS: dict[Language, PeopleLexicon] = {"en": ENGLISH, "vi": VIETNAMESE}
