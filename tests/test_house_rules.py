"""The size rules of the house, checked: a module is readable alone and a function fits on
a screen. Complexity and private imports are ruff's (`make lint`); layers are
import-linter's; what no linter measures is here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "calendar_svc"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _long_functions(source: str, limit: int) -> list[tuple[str, int]]:
    """(name, lines) of every function or method in `source` longer than `limit` lines,
    decorators and docstring included."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            lines = (node.end_lineno or node.lineno) - first + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


def test_the_package_is_found() -> None:
    assert len(_modules()) > 50


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_600_lines(module: Path) -> None:
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module.name}: {lines} lines; split it along its seams"


def test_no_function_is_over_80_lines() -> None:
    long = {
        f"{module.relative_to(PACKAGE)}:{name}": lines
        for module in _modules()
        for name, lines in _long_functions(module.read_text(encoding="utf-8"), MAX_FUNCTION_LINES)
    }
    assert long == {}


def test_the_function_rule_counts_what_it_says() -> None:
    """The checker itself: 81 lines is caught, 80 is not, decorators count."""
    body = "\n".join(f"    x{i} = {i}" for i in range(78))
    exact = f"def f():\n    '''doc'''\n{body}\n"  # 1 + 1 + 78 = 80 lines
    assert _long_functions(exact, MAX_FUNCTION_LINES) == []
    assert _long_functions("@decorator\n" + exact, MAX_FUNCTION_LINES) == [("f", 81)]
