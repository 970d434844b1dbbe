"""The reference data has one home and keeps its promises: every layer names a country
through `reference.countries`, and the ODbL-derived table stays in its own module; country
names come from CLDR and demonyms from the tables (with suffix rules for the rest)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.domain.language import Language
from calendar_svc.ingest import places
from calendar_svc.ingest.places.index import index as place_index
from calendar_svc.reference import countries


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [("VN", "vi", "Việt Nam"), ("AU", "en", "Australia"), ("kz", "en", "Kazakhstan")],
)
def test_names_come_from_cldr(code: str, lang: Language, expected: str) -> None:
    assert countries.name(code, lang) == expected


def test_unknown_and_pseudo_codes_are_refused() -> None:
    for code in ("XX", "EU", "ZZ", "AC"):
        with pytest.raises(KeyError):
            countries.name(code)


def test_the_gazetteer_knows_the_same_countries_and_press_forms() -> None:
    assert sorted(place_index().countries) == countries.codes()
    for code, form in countries.PRESS_FORMS:
        place = places.lookup(form, "vi" if not form.isascii() else "en")
        assert place is not None and place.country_code == code, form


def test_no_layer_but_reference_spells_a_country_table() -> None:
    """The API and the feeds import country names from reference, never from ingest."""
    api = PROJECT_ROOT / "calendar_svc" / "api"
    offenders = []
    for path in sorted(api.rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "calendar_svc.ingest"
            ):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}: {node.module}")
    assert offenders == []


def test_the_odbl_table_is_alone_and_attributed() -> None:
    source = (PROJECT_ROOT / "calendar_svc" / "reference" / "world_demonyms.py").read_text()
    assert "Open Database License" in source and "mledoze/countries" in source
    others = [
        p
        for p in (PROJECT_ROOT / "calendar_svc").rglob("*.py")
        if p.name != "world_demonyms.py" and '"AD": "Andorran"' in Path(p).read_text()
    ]
    assert others == []


def test_country_name_from_cldr() -> None:
    assert countries.name("RU", "vi") == "Nga"
    assert countries.name("RU", "en") == "Russia"
    assert countries.name("vn", "vi") == "Việt Nam"
    assert countries.name("KP", "vi") == "Triều Tiên"
    with pytest.raises(KeyError):
        countries.name("ZZ", "en")


def test_country_codes_are_real_countries() -> None:
    all_codes = set(countries.codes())
    assert {"RU", "VN", "BY", "KZ", "AZ", "US", "XK"} <= all_codes
    assert not all_codes & {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "001"}
    assert all(len(c) == 2 and c.isupper() for c in all_codes)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Russian", "RU"),
        ("Belarusian", "BY"),
        ("Kazakh", "KZ"),
        ("Vietnamese", "VN"),
        ("Azerbaijani", "AZ"),
        ("Chinese", "CN"),
        ("Cuban", "CU"),
        ("Italian", "IT"),
        ("Canadian", "CA"),
        ("Polish", "PL"),
        ("Sri Lankan", "LK"),
        ("uzbek", "UZ"),
        # forms of the world table that the suffix rules cannot derive
        ("Uzbekistani", "UZ"),
        ("Kyrgyz", "KG"),
        ("Kirghiz", "KG"),
        ("Slovene", "SI"),
        ("Nigerien", "NE"),
        ("Motswana", "BW"),
        ("Luxembourger", "LU"),
        ("Kosovar", "XK"),
        ("South African", "ZA"),
        ("North Korean", "KP"),
        ("south  korean", "KR"),
        # ambiguous in the world table, settled by the press table
        ("Congolese", "CD"),
        ("Dominican", "DO"),
        # suffix rules for variants the tables do not list
        ("Maldivian", "MV"),
        ("Djiboutian", "DJ"),
        ("Surinamese", "SR"),
    ],
)
def test_demonyms(word: str, code: str) -> None:
    assert countries.demonym_country(word) == code


def test_every_state_has_a_demonym_and_each_form_resolves_to_it() -> None:
    from calendar_svc.reference.world_demonyms import WORLD_DEMONYMS as table

    assert len(table) >= 190
    for code in ("VN", "RU", "KZ", "AZ", "BY", "US", "CN", "FR", "BR", "NG", "TV"):
        assert code in table
    ambiguous = {"congolese", "dominican"}
    for code, forms in table.items():
        for form in forms.split("/"):
            if form.casefold() not in ambiguous:
                assert countries.demonym_country(form) == code, form
    assert set(countries.DEMONYM_CODES) >= {"kazakh", "kazakhstani", "south african"}


@pytest.mark.parametrize("word", ["Martian", "Christian", "Roman", "Russia", "", "  "])
def test_unknown_demonyms(word: str) -> None:
    assert countries.demonym_country(word) is None
