"""English demonyms of the world's states: a table derived from share-alike data.

Licence: this module (and only this module) is a derivative of mledoze/countries (npm
``world-countries`` 5.1.0, https://github.com/mledoze/countries), which is made available
under the Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/.
This table is therefore also made available under the ODbL 1.0, separately from the MIT
licence of the rest of calendar-svc, with attribution to the mledoze/countries
contributors. Some forms come from npm ``i18n-nationality`` 1.4.0 (MIT). Keep it in its
own module: code that reads it is not a derivative of the database.
"""

from __future__ import annotations

#: English demonyms of the world's states, one entry per ISO code, forms separated by "/".
#: Generated, not typed: for every country that mledoze/countries (npm ``world-countries``
#: 5.1.0, ODbL 1.0) marks independent, plus XK, PS, TW, HK and MO, the union of its
#: ``demonyms.eng.m`` field and the English entry of npm ``i18n-nationality`` 1.4.0 (MIT),
#: each split at ", ", " or ", " and ", " - ".  Dropped: forms that are a country's name
#: rather than an adjective ("Vanuatu", "Saint Vincent", "Macao"), parenthesised
#: qualifiers and plurals.  Two forms name two states each ("Congolese": CD, CG;
#: "Dominican": DO, DM); the press table below settles them.  ``demonym_country`` reads the
#: press table, then this one, then its suffix rules (variants such as "Djiboutian",
#: "Maldivian", "Argentinian").
WORLD_DEMONYMS: dict[str, str] = {
    "AD": "Andorran", "AE": "Emirati/Emirian", "AF": "Afghan", "AG": "Antiguan/Barbudan",
    "AL": "Albanian", "AM": "Armenian", "AO": "Angolan", "AR": "Argentine/Argentinean",
    "AT": "Austrian", "AU": "Australian", "AZ": "Azerbaijani", "BA": "Bosnian/Herzegovinian",
    "BB": "Barbadian", "BD": "Bangladeshi", "BE": "Belgian", "BF": "Burkinabe", "BG": "Bulgarian",
    "BH": "Bahraini", "BI": "Burundian", "BJ": "Beninese", "BN": "Bruneian", "BO": "Bolivian",
    "BR": "Brazilian", "BS": "Bahamian", "BT": "Bhutanese", "BW": "Motswana/Batswana",
    "BY": "Belarusian", "BZ": "Belizean", "CA": "Canadian", "CD": "Congolese",
    "CF": "Central African", "CG": "Congolese", "CH": "Swiss", "CI": "Ivorian", "CL": "Chilean",
    "CM": "Cameroonian", "CN": "Chinese", "CO": "Colombian", "CR": "Costa Rican", "CU": "Cuban",
    "CV": "Cape Verdian/Cape Verdean", "CY": "Cypriot", "CZ": "Czech", "DE": "German",
    "DK": "Danish", "DM": "Dominican", "DO": "Dominican", "DZ": "Algerian", "EC": "Ecuadorean",
    "EE": "Estonian", "EG": "Egyptian", "ER": "Eritrean", "ES": "Spanish", "ET": "Ethiopian",
    "FI": "Finnish", "FJ": "Fijian", "FM": "Micronesian", "FR": "French", "GA": "Gabonese",
    "GB": "British", "GD": "Grenadian", "GE": "Georgian", "GH": "Ghanaian", "GM": "Gambian",
    "GN": "Guinean", "GQ": "Equatorial Guinean", "GR": "Greek", "GT": "Guatemalan",
    "GW": "Guinea-Bissauan", "GY": "Guyanese", "HK": "Hong Konger", "HN": "Honduran",
    "HR": "Croatian", "HT": "Haitian", "HU": "Hungarian", "ID": "Indonesian", "IE": "Irish",
    "IL": "Israeli", "IN": "Indian", "IQ": "Iraqi", "IR": "Iranian", "IS": "Icelander/Icelandic",
    "IT": "Italian", "JM": "Jamaican", "JO": "Jordanian", "JP": "Japanese", "KE": "Kenyan",
    "KG": "Kirghiz/Kyrgyz", "KH": "Cambodian", "KI": "I-Kiribati", "KM": "Comoran",
    "KN": "Kittitian/Nevisian/Kittian", "KP": "North Korean", "KR": "South Korean",
    "KW": "Kuwaiti", "KZ": "Kazakhstani", "LA": "Laotian", "LB": "Lebanese", "LC": "Saint Lucian",
    "LI": "Liechtensteiner", "LK": "Sri Lankan", "LR": "Liberian", "LS": "Mosotho",
    "LT": "Lithuanian", "LU": "Luxembourger", "LV": "Latvian", "LY": "Libyan", "MA": "Moroccan",
    "MC": "Monegasque/Monacan", "MD": "Moldovan", "ME": "Montenegrin", "MG": "Malagasy",
    "MH": "Marshallese", "MK": "Macedonian", "ML": "Malian", "MM": "Burmese", "MN": "Mongolian",
    "MO": "Macanese", "MR": "Mauritanian", "MT": "Maltese", "MU": "Mauritian", "MV": "Maldivan",
    "MW": "Malawian", "MX": "Mexican", "MY": "Malaysian", "MZ": "Mozambican", "NA": "Namibian",
    "NE": "Nigerien", "NG": "Nigerian", "NI": "Nicaraguan", "NL": "Dutch", "NO": "Norwegian",
    "NP": "Nepalese", "NR": "Nauruan", "NZ": "New Zealander", "OM": "Omani", "PA": "Panamanian",
    "PE": "Peruvian", "PG": "Papua New Guinean", "PH": "Filipino", "PK": "Pakistani",
    "PL": "Polish", "PS": "Palestinian", "PT": "Portuguese", "PW": "Palauan", "PY": "Paraguayan",
    "QA": "Qatari", "RO": "Romanian", "RS": "Serbian", "RU": "Russian", "RW": "Rwandan",
    "SA": "Saudi Arabian/Saudi", "SB": "Solomon Islander", "SC": "Seychellois", "SD": "Sudanese",
    "SE": "Swedish", "SG": "Singaporean", "SI": "Slovene/Slovenian", "SK": "Slovak/Slovakian",
    "SL": "Sierra Leonean", "SM": "Sammarinese/San Marinese", "SN": "Senegalese", "SO": "Somali",
    "SR": "Surinamer", "SS": "South Sudanese", "ST": "Sao Tomean", "SV": "Salvadoran",
    "SY": "Syrian", "SZ": "Swazi", "TD": "Chadian", "TG": "Togolese", "TH": "Thai",
    "TJ": "Tadzhik/Tajik", "TL": "East Timorese", "TM": "Turkmen", "TN": "Tunisian",
    "TO": "Tongan", "TR": "Turkish", "TT": "Trinidadian/Tobagonian", "TV": "Tuvaluan",
    "TW": "Taiwanese", "TZ": "Tanzanian", "UA": "Ukrainian", "UG": "Ugandan", "US": "American",
    "UY": "Uruguayan", "UZ": "Uzbekistani", "VA": "Vatican", "VC": "Saint Vincentian",
    "VE": "Venezuelan", "VN": "Vietnamese", "VU": "Ni-Vanuatu", "WS": "Samoan", "XK": "Kosovar",
    "YE": "Yemeni/Yemenite", "ZA": "South African", "ZM": "Zambian", "ZW": "Zimbabwean",
}  # fmt: skip
