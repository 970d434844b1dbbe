"""The reference data has one home and keeps its promises: every layer names a country
through `reference.countries`, and the ODbL-derived table stays in its own module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from calendar_svc.config import PROJECT_ROOT
from calendar_svc.ingest import gazetteer
from calendar_svc.reference import countries


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [("VN", "vi", "Việt Nam"), ("AU", "en", "Australia"), ("kz", "en", "Kazakhstan")],
)
def test_names_come_from_cldr(code: str, lang: countries.Lang, expected: str) -> None:
    assert countries.name(code, lang) == expected


def test_unknown_and_pseudo_codes_are_refused() -> None:
    for code in ("XX", "EU", "ZZ", "AC"):
        with pytest.raises(KeyError):
            countries.name(code)


def test_the_gazetteer_knows_the_same_countries_and_press_forms() -> None:
    assert gazetteer.country_codes() == countries.codes()
    for code, form in countries.PRESS_FORMS:
        place = gazetteer.lookup(form, "vi" if not form.isascii() else "en")
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
