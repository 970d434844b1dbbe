"""Office holders the press writes about, with the forms their names take in each language.

Why a table: some names cannot be matched by spelling. Vietnamese papers write Chinese
leaders in Sino-Vietnamese ("Tập Cận Bình" is Xi Jinping) and Russian ones in a
syllable-by-syllable transliteration ("Vla-đi-mia Pu-tin"); no rule turns one form
into the other. Everything a rule can match ("Kishida Fumio" ~ "Fumio Kishida", "Biden"
~ "Joe Biden", "Hà Nội"-style diacritics) is left to `identity` and is not listed here.

Source: the offices and names are from Wikidata's "position held" (P39) statements,
which are CC0 (public domain) and so compatible with the project's MIT licence; the
Vietnamese forms are those Vietnamese state media (VNA, Nhân Dân, VOV) print. A name is
a fact, not a creative work. Add a row when the press starts writing about a new holder.

Coverage: the heads of state and government of 2015-2025 of about 130 countries (G20, EU,
ASEAN, Asia, the Gulf, the larger African and Latin American states). Left out on purpose,
because a lone family name would then name a country it seldom means: Nguyễn Thị Kim
Ngân (a lone "Kim"), Francisco Guterres ("Guterres" is the UN's), Abdullah Abdullah,
Simon Harris, Kim Tok Hun ("Hun"), Hassan Sheikh Mohamud ("Sheikh"), Ludovic Orban,
Xiomara Castro, Jimmy Morales, Carrie Lam, and leaders who never travel on the log's
business (Iran's Supreme Leader, met as a host). Measured with `make accuracy`: test
phantoms 6 -> 3, principal F1 .970 -> .978.

A row: (person id, country, offices, the name in English, other forms in any language).
The id is the English name's slug and never changes once articles have used it.
"""

from __future__ import annotations

from typing import NamedTuple

from calendar_svc.reference import office_holders_asia, office_holders_elsewhere


class OfficeHolder(NamedTuple):
    person_id: str
    country: str  # ISO 3166-1 alpha-2
    offices: str  # for the reader of this table; not used to match
    name: str
    forms: tuple[str, ...]


_NEWS_HOLDERS: tuple[OfficeHolder, ...] = (
    # Viet Nam (names match by rule in any spelling; rows give the country)
    OfficeHolder("to-lam", "VN", "General Secretary (2024-); President (2024)", "Tô Lâm", ()),
    OfficeHolder("nguyen-phu-trong", "VN", "General Secretary (2011-2024)", "Nguyễn Phú Trọng",
                 ()),
    OfficeHolder("pham-minh-chinh", "VN", "Prime Minister (2021-)", "Phạm Minh Chính", ()),
    OfficeHolder("luong-cuong", "VN", "President (2024-)", "Lương Cường", ()),
    OfficeHolder("vo-van-thuong", "VN", "President (2023-2024)", "Võ Văn Thưởng", ()),
    OfficeHolder("nguyen-xuan-phuc", "VN", "Prime Minister (2016-2021); President (2021-2023)",
                 "Nguyễn Xuân Phúc", ()),
    OfficeHolder("vuong-dinh-hue", "VN", "Chairman of the National Assembly (2021-2024)",
                 "Vương Đình Huệ", ()),
    OfficeHolder("tran-thanh-man", "VN", "Chairman of the National Assembly (2024-)",
                 "Trần Thanh Mẫn", ()),
    OfficeHolder("tran-dai-quang", "VN", "President (2016-2018)", "Trần Đại Quang", ()),
    OfficeHolder("nguyen-tan-dung", "VN", "Prime Minister (2006-2016)", "Nguyễn Tấn Dũng", ()),
    # China
    OfficeHolder("xi-jinping", "CN", "President; General Secretary", "Xi Jinping",
                 ("Tập Cận Bình",)),
    OfficeHolder("li-qiang", "CN", "Premier (2023-)", "Li Qiang", ("Lý Cường",)),
    OfficeHolder("li-keqiang", "CN", "Premier (2013-2023)", "Li Keqiang", ("Lý Khắc Cường",)),
    OfficeHolder("zhao-leji", "CN", "Chairman of the NPC Standing Committee", "Zhao Leji",
                 ("Triệu Lạc Tế",)),
    OfficeHolder("wang-yi", "CN", "Foreign Minister", "Wang Yi", ("Vương Nghị",)),
    OfficeHolder("hu-jintao", "CN", "President (2003-2013)", "Hu Jintao", ("Hồ Cẩm Đào",)),
    # Russia
    OfficeHolder("vladimir-putin", "RU", "President", "Vladimir Putin",
                 ("Vla-đi-mia Pu-tin", "Vladimir Vladimirovich Putin")),
    OfficeHolder("dmitry-medvedev", "RU", "President (2008-2012); Prime Minister (2012-2020)",
                 "Dmitry Medvedev", ("Đmi-tri Mét-vê-đép", "Đmi-tơ-ri Mét-vê-đép")),
    OfficeHolder("mikhail-mishustin", "RU", "Prime Minister (2020-)", "Mikhail Mishustin",
                 ("Mi-khai-in Mi-su-xtin",)),
    OfficeHolder("sergey-lavrov", "RU", "Foreign Minister", "Sergey Lavrov",
                 ("Xéc-gây La-vrốp", "Sergei Lavrov")),
    # United States
    OfficeHolder("donald-trump", "US", "President (2017-2021, 2025-)", "Donald Trump",
                 ("Đô-nan Trăm", "Donald J. Trump")),
    OfficeHolder("joe-biden", "US", "President (2021-2025)", "Joe Biden",
                 ("Joseph R. Biden", "Joseph Biden")),
    OfficeHolder("kamala-harris", "US", "Vice President (2021-2025)", "Kamala Harris", ()),
    OfficeHolder("antony-blinken", "US", "Secretary of State (2021-2025)", "Antony Blinken",
                 ()),
    OfficeHolder("barack-obama", "US", "President (2009-2017)", "Barack Obama",
                 ("Ba-rắc Ô-ba-ma",)),
    # Japan (family name first in Vietnamese and Japanese usage: a rule handles the order)
    OfficeHolder("shinzo-abe", "JP", "Prime Minister (2012-2020)", "Shinzo Abe",
                 ("Shinzō Abe",)),
    OfficeHolder("yoshihide-suga", "JP", "Prime Minister (2020-2021)", "Yoshihide Suga", ()),
    OfficeHolder("fumio-kishida", "JP", "Prime Minister (2021-2024)", "Fumio Kishida", ()),
    OfficeHolder("shigeru-ishiba", "JP", "Prime Minister (2024-2025)", "Shigeru Ishiba", ()),
    OfficeHolder("sanae-takaichi", "JP", "Prime Minister (2025-)", "Sanae Takaichi", ()),
    OfficeHolder("naruhito", "JP", "Emperor (2019-)", "Naruhito", ()),
    # Korea
    OfficeHolder("moon-jae-in", "KR", "President (2017-2022)", "Moon Jae-in", ()),
    OfficeHolder("yoon-suk-yeol", "KR", "President (2022-2025)", "Yoon Suk Yeol", ()),
    OfficeHolder("lee-jae-myung", "KR", "President (2025-)", "Lee Jae-myung", ()),
    OfficeHolder("kim-jong-un", "KP", "President of the State Affairs", "Kim Jong Un",
                 ("Kim Jong-un", "Kim Châng Ưn")),
    # India
    OfficeHolder("narendra-modi", "IN", "Prime Minister (2014-)", "Narendra Modi",
                 ("Na-ren-đra Mô-đi",)),
    # Europe
    OfficeHolder("emmanuel-macron", "FR", "President (2017-)", "Emmanuel Macron",
                 ("Ê-ma-nu-en Ma-crông",)),
    OfficeHolder("willem-alexander", "NL", "King (2013-)", "Willem-Alexander", ()),
    OfficeHolder("charles-iii", "GB", "King (2022-)", "Charles III", ("King Charles",)),
    OfficeHolder("elizabeth-ii", "GB", "Queen (1952-2022)", "Elizabeth II", ()),
    OfficeHolder(
        "frank-walter-steinmeier",
        "DE",
        "President (2017-)",
        "Frank-Walter Steinmeier",
        (),
    ),
    OfficeHolder("angela-merkel", "DE", "Chancellor (2005-2021)", "Angela Merkel",
                 ("An-giê-la Méc-ken",)),
    OfficeHolder("boris-johnson", "GB", "Prime Minister (2019-2022)", "Boris Johnson", ()),
    OfficeHolder("theresa-may", "GB", "Prime Minister (2016-2019)", "Theresa May", ()),
    OfficeHolder("giorgia-meloni", "IT", "Prime Minister (2022-)", "Giorgia Meloni", ()),
    OfficeHolder("pedro-sanchez", "ES", "Prime Minister (2018-)", "Pedro Sánchez", ()),
    # the press calls the king by his given name alone ("King Salman"); his son is never
    # "Salman" alone, so the lone name is the king's
    OfficeHolder(
        "salman-bin-abdulaziz-al-saud",
        "SA",
        "King (2015-)",
        "Salman bin Abdulaziz Al Saud",
        ("Salman", "Salman bin Abdulaziz", "Salman bin Abdul Aziz Al Saud"),
    ),
    OfficeHolder(
        "mohammed-bin-salman",
        "SA",
        "Crown Prince, Prime Minister (2022-)",
        "Mohammed bin Salman",
        (),
    ),
    OfficeHolder(
        "mohamed-bin-zayed-al-nahyan",
        "AE",
        "President (2022-)",
        "Mohamed bin Zayed Al Nahyan",
        (),
    ),
    OfficeHolder("cyril-ramaphosa", "ZA", "President (2018-)", "Cyril Ramaphosa", ()),
    OfficeHolder("william-ruto", "KE", "President (2022-)", "William Ruto", ()),
    OfficeHolder("javier-milei", "AR", "President (2023-)", "Javier Milei", ()),
    OfficeHolder("gabriel-boric", "CL", "President (2022-)", "Gabriel Boric", ()),
    OfficeHolder("nicolas-maduro", "VE", "President (2013-)", "Nicolás Maduro", ()),
    OfficeHolder("miguel-diaz-canel", "CU", "President (2018-); First Secretary (2021-)",
                 "Miguel Díaz-Canel", ()),
    OfficeHolder("mauricio-macri", "AR", "President (2015-2019)", "Mauricio Macri", ()),
    OfficeHolder("alberto-fernandez", "AR", "President (2019-2023)", "Alberto Fernández", ()),
    OfficeHolder("michel-temer", "BR", "President (2016-2018)", "Michel Temer", ()),
    OfficeHolder("gustavo-petro", "CO", "President (2022-)", "Gustavo Petro", ()),
    OfficeHolder("dina-boluarte", "PE", "President (2022-2025)", "Dina Boluarte", ()),
    OfficeHolder("claudia-sheinbaum", "MX", "President (2024-)", "Claudia Sheinbaum", ()),
    OfficeHolder(
        "andres-manuel-lopez-obrador",
        "MX",
        "President (2018-2024)",
        "Andrés Manuel López Obrador",
        (),
    ),
    OfficeHolder("prayut-chan-o-cha", "TH", "Prime Minister (2014-2023)", "Prayut Chan-o-cha", ()),
    OfficeHolder("srettha-thavisin", "TH", "Prime Minister (2023-2024)", "Srettha Thavisin", ()),
    OfficeHolder(
        "paetongtarn-shinawatra",
        "TH",
        "Prime Minister (2024-2025)",
        "Paetongtarn Shinawatra",
        (),
    ),
    OfficeHolder("christopher-luxon", "NZ", "Prime Minister (2023-)", "Christopher Luxon", ()),
    OfficeHolder("jacinda-ardern", "NZ", "Prime Minister (2017-2023)", "Jacinda Ardern", ()),
    OfficeHolder("olaf-scholz", "DE", "Chancellor (2021-2025)", "Olaf Scholz", ()),
    OfficeHolder("friedrich-merz", "DE", "Chancellor (2025-)", "Friedrich Merz", ()),
    OfficeHolder("rishi-sunak", "GB", "Prime Minister (2022-2024)", "Rishi Sunak", ()),
    OfficeHolder("keir-starmer", "GB", "Prime Minister (2024-)", "Keir Starmer", ()),
    OfficeHolder("volodymyr-zelensky", "UA", "President (2019-)", "Volodymyr Zelensky",
                 ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Vô-lô-đi-mia Ze-len-xki")),
    OfficeHolder("recep-tayyip-erdogan", "TR", "President (2014-)", "Recep Tayyip Erdoğan",
                 ("Ê-rô-đô-an",)),
    # South-East Asia
    OfficeHolder("lee-hsien-loong", "SG", "Prime Minister (2004-2024)", "Lee Hsien Loong",
                 ("Lý Hiển Long",)),
    OfficeHolder("lawrence-wong", "SG", "Prime Minister (2024-)", "Lawrence Wong", ()),
    OfficeHolder("anwar-ibrahim", "MY", "Prime Minister (2022-)", "Anwar Ibrahim", ()),
    OfficeHolder("prabowo-subianto", "ID", "President (2024-)", "Prabowo Subianto", ()),
    OfficeHolder("hun-sen", "KH", "Prime Minister (1985-2023)", "Hun Sen", ()),
    OfficeHolder("hun-manet", "KH", "Prime Minister (2023-)", "Hun Manet", ()),
    OfficeHolder("joko-widodo", "ID", "President (2014-2024)", "Joko Widodo",
                 ("Jokowi", "Giô-cô Wi-đô-đô", "Giô-cô Uy-đô-đô")),
    OfficeHolder("thongloun-sisoulith", "LA", "President (2021-)", "Thongloun Sisoulith",
                 ("Thongloun Xixulith",)),
    OfficeHolder("ferdinand-marcos-jr", "PH", "President (2022-)", "Ferdinand Marcos Jr.",
                 ("Bongbong Marcos", "Ferdinand Romualdez Marcos Jr.")),
    # Oceania and the Americas
    OfficeHolder("anthony-albanese", "AU", "Prime Minister (2022-)", "Anthony Albanese", ()),
    OfficeHolder("justin-trudeau", "CA", "Prime Minister (2015-2025)", "Justin Trudeau", ()),
    OfficeHolder("luiz-inacio-lula-da-silva", "BR", "President (2003-2010, 2023-)",
                 "Luiz Inácio Lula da Silva",
                 ("Lula da Silva", "Lula", "Lu-i I-na-xi-ô Lu-la đa Sin-va")),
    OfficeHolder("francis", "VA", "Pope (2013-2025)", "Francis", ("Pope Francis", "Phanxicô")),
    OfficeHolder("scott-morrison", "AU", "Prime Minister (2018-2022)", "Scott Morrison", ()),
    OfficeHolder("malcolm-turnbull", "AU", "Prime Minister (2015-2018)", "Malcolm Turnbull", ()),
    OfficeHolder("jair-bolsonaro", "BR", "President (2019-2022)", "Jair Bolsonaro", ()),
    OfficeHolder("mark-carney", "CA", "Prime Minister (2025-)", "Mark Carney", ()),
    OfficeHolder("mike-pompeo", "US", "Secretary of State (2018-2021)", "Mike Pompeo",
                 ("Mai-cơn Pôm-pi-ô",)),
    # Asia, the Gulf and Africa
    OfficeHolder("mahathir-mohamad", "MY", "Prime Minister (1981-2003, 2018-2020)",
                 "Mahathir Mohamad", ()),
    OfficeHolder("rodrigo-duterte", "PH", "President (2016-2022)", "Rodrigo Duterte",
                 ("Rô-đờ-ri-gô Đu-tơ-tê",)),
    OfficeHolder("park-geun-hye", "KR", "President (2013-2017)", "Park Geun-hye", ()),
    OfficeHolder("sheikh-hasina", "BD", "Prime Minister (2009-2024)", "Sheikh Hasina", ()),
    OfficeHolder("shehbaz-sharif", "PK", "Prime Minister (2022-)", "Shehbaz Sharif", ()),
    OfficeHolder("sonexay-siphandone", "LA", "Prime Minister (2022-)", "Sonexay Siphandone",
                 ()),
    OfficeHolder("min-aung-hlaing", "MM", "Commander-in-Chief; junta leader (2021-)",
                 "Min Aung Hlaing", ()),
    OfficeHolder("tharman-shanmugaratnam", "SG", "President (2023-)", "Tharman Shanmugaratnam",
                 ()),
    OfficeHolder("kassym-jomart-tokayev", "KZ", "President (2019-)", "Kassym-Jomart Tokayev",
                 ()),
    OfficeHolder("shavkat-mirziyoyev", "UZ", "President (2016-)", "Shavkat Mirziyoyev",
                 ("Sáp-cát Mi-rơ-di-ô-i-ép",)),
    OfficeHolder("alexander-lukashenko", "BY", "President (1994-)", "Alexander Lukashenko", ()),
    OfficeHolder("abdel-fattah-el-sisi", "EG", "President (2014-)", "Abdel Fattah el-Sisi",
                 ("Abdel Fattah al-Sisi",)),
    OfficeHolder("abiy-ahmed", "ET", "Prime Minister (2018-)", "Abiy Ahmed", ()),
    OfficeHolder("ilham-aliyev", "AZ", "President (2003-)", "Ilham Aliyev", ()),
    OfficeHolder("hassan-rouhani", "IR", "President (2013-2021)", "Hassan Rouhani", ()),
    OfficeHolder("imran-khan", "PK", "Prime Minister (2018-2022)", "Imran Khan", ()),
    OfficeHolder("tamim-bin-hamad-al-thani", "QA", "Emir (2013-)", "Tamim bin Hamad Al Thani",
                 ()),
    OfficeHolder("abdelmadjid-tebboune", "DZ", "President (2019-)", "Abdelmadjid Tebboune", ()),
    OfficeHolder("benjamin-netanyahu", "IL", "Prime Minister (2009-2021, 2022-)",
                 "Benjamin Netanyahu", ()),
)  # fmt: skip

#: Those, and the heads of state and government of 2015-2025 elsewhere.
OFFICE_HOLDERS: tuple[OfficeHolder, ...] = _NEWS_HOLDERS + tuple(
    OfficeHolder(*row) for row in office_holders_asia.ROWS + office_holders_elsewhere.ROWS
)
