"""`python -m bench.mutate_rules`: are the schedule's rules pinned by their tests?

Each mutant changes one thing in one module of `calendar_svc/domain/rules/` (a comparison
flipped or its boundary moved, an integer constant +1 or -1, `and`/`or` swapped, a `not`
dropped, `min`/`max` swapped, `+`/`-` swapped, `True`/`False` swapped, a function's
result replaced by None; never `RULES_VERSION`, the rules' label) and runs the rules'
tests (`TESTS`) against it, in a temporary copy of the package. A mutant the
tests fail on is killed; one they pass survives, and is listed with its module and line.
(A mutant that changes nothing the rules return, an *equivalent* mutant, also survives:
read the list.)

Exit code: 0 when no mutant survives in the date and certainty rules (the functions in
`DATE_RULES`), 1 otherwise; 2 when the unmutated rules already fail their tests.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "calendar_svc" / "domain" / "rules"
#: Every module of the rules: each is mutated in turn (the package's modules, not a list,
#: so a rule moved into a new module is still mutated).
MODULES = sorted(RULES.glob("*.py"))
#: The rules' tests: the table of every rule, and one module per rule added since.
TESTS = [
    ROOT / "tests" / "domain" / name
    for name in (
        "test_rules.py",
        "test_planned_days.py",
        "test_summit_within.py",
        "test_called_off_legs.py",
        "test_flight_home.py",
    )
]

#: Where a surviving mutant fails the target: the rules that date legs and decide certainty
#: (module level, in any of the rules' modules, holds KINDS, the readings' strengths).
DATE_RULES = frozenset(
    {
        "<module>",
        "read",
        "weight",
        "weaker",
        "overall",
        "_inferred",
        "leg_start",
        "leg_end",
        "bounds",
        "settle",
        "date_legs",
        "_date_sequence",
        "within",
        "_stated_stay",
        "_summit_within",
        "_summit_then_visit",
        "_came_before",
        "_opens_with_summit",
        "leg_statuses",
        "_extreme",
        "trip_summary",
    }
)

_FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.GtE,
    ast.LtE: ast.Gt,
    ast.Gt: ast.LtE,
    ast.GtE: ast.Lt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_BOUNDARY: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
}


@dataclass(frozen=True)
class Mutant:
    number: int
    module: str  # its path under calendar_svc/domain/rules/
    line: int
    function: str
    change: str


@dataclass
class Outcome:
    mutant: Mutant
    killed: bool
    how: str  # "failed", "timeout" (both kill it), "survived", or "error" (see _run)


Edit = Callable[[ast.AST], None]


def _sites(tree: ast.Module) -> Iterator[tuple[ast.AST, str, str, Edit]]:
    """(node, enclosing function, description, edit) for every mutation of the module."""
    parents: dict[ast.AST, str] = {}

    def enclose(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else name
            parents[child] = inner
            enclose(child, inner)

    enclose(tree, "<module>")
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
        for decorator in node.decorator_list
        for inner in ast.walk(decorator)
    }  # `@dataclass(frozen=True)` is no rule
    skipped.update(
        id(inner)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "RULES_VERSION" for t in node.targets)
        for inner in ast.walk(node)
    )  # nor is the rules' version: no test pins its number
    for node in ast.walk(tree):
        where = parents.get(node, "<module>")
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # docstrings
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                for table, what in ((_FLIP, "flipped"), (_BOUNDARY, "boundary moved")):
                    new = table.get(type(op))
                    if new is not None:
                        yield (
                            node,
                            where,
                            f"{type(op).__name__} -> {new.__name__} ({what})",
                            _set_op(i, new),
                        )
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            for delta in (1, -1):
                yield node, where, f"{node.value} -> {node.value + delta}", _add(delta)
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            yield node, where, f"{node.value} -> {not node.value}", _negate_constant
        elif isinstance(node, ast.BoolOp):
            other = "or" if isinstance(node.op, ast.And) else "and"
            yield node, where, f"boolean operator -> {other}", _swap_boolop
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, where, "`not` dropped", _drop_not
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            other = "-" if isinstance(node.op, ast.Add) else "+"
            yield node, where, f"arithmetic -> {other}", _swap_arith
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("min", "max")
        ):
            other = "max" if node.func.id == "min" else "min"
            yield node, where, f"{node.func.id}() -> {other}()", _swap_minmax
        elif (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
            and where != "<module>"
        ):
            yield node, where, "result replaced by None", _return_none


def _set_op(i: int, new: type[ast.cmpop]) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Compare)
        node.ops[i] = new()

    return edit


def _add(delta: int) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Constant) and isinstance(node.value, int)
        node.value = node.value + delta

    return edit


def _negate_constant(node: ast.AST) -> None:
    assert isinstance(node, ast.Constant)
    node.value = not node.value


def _swap_boolop(node: ast.AST) -> None:
    assert isinstance(node, ast.BoolOp)
    node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()


def _drop_not(node: ast.AST) -> None:
    assert isinstance(node, ast.UnaryOp)
    node.op = ast.UAdd()  # `+x` of a bool is the int, truthy exactly when x is
    node.operand = ast.Call(ast.Name("bool", ast.Load()), [node.operand], [])


def _swap_arith(node: ast.AST) -> None:
    assert isinstance(node, ast.BinOp)
    node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()


def _swap_minmax(node: ast.AST) -> None:
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    node.func.id = "max" if node.func.id == "min" else "min"


def _return_none(node: ast.AST) -> None:
    assert isinstance(node, ast.Return)
    node.value = ast.Constant(None)


def mutants(source: str, module: str = "", first: int = 0) -> list[tuple[Mutant, str]]:
    """Every mutant of one module's source, with the mutated source; numbered from
    `first` (the numbers run on across modules)."""
    count = sum(1 for _ in _sites(ast.parse(source)))
    found: list[tuple[Mutant, str]] = []
    for number in range(count):
        tree = ast.parse(source)  # a fresh tree each time: edits are in place
        node, where, change, edit = next(site for i, site in enumerate(_sites(tree)) if i == number)
        edit(node)
        line = getattr(node, "lineno", 0)
        mutated = ast.unparse(ast.fix_missing_locations(tree))
        found.append((Mutant(first + number, module, line, where, change), mutated))
    return found


def all_mutants() -> list[tuple[Mutant, str]]:
    """The mutants of every module of the rules."""
    found: list[tuple[Mutant, str]] = []
    for path in MODULES:
        found += mutants(path.read_text(), path.name, len(found))
    return found


def _workspace(into: Path) -> Path:
    """A copy of the package and the rule tests, importable on their own."""
    shutil.copytree(
        ROOT / "calendar_svc", into / "calendar_svc", ignore=shutil.ignore_patterns("__pycache__")
    )
    (into / "tests" / "domain").mkdir(parents=True)
    (into / "tests" / "__init__.py").write_text("")
    (into / "tests" / "domain" / "__init__.py").write_text("")
    for tests in TESTS:
        shutil.copy(tests, into / "tests" / "domain" / tests.name)
    (into / "pytest.ini").write_text("[pytest]\nfilterwarnings = error\n")
    return into


def _run(workspace: Path, module: str | None, source: str, timeout: float) -> str:
    """The tests' verdict on the rules with `module` (None: none) holding `source`; the
    module is put back afterwards, so the workspace serves the next mutant of any module."""
    target = workspace / "calendar_svc" / "domain" / "rules" / (module or "__init__.py")
    original = target.read_text()
    if module is not None:
        target.write_text(source)
    try:
        return _test(workspace, timeout)
    finally:
        target.write_text(original)


def _test(workspace: Path, timeout: float) -> str:
    env = {
        **os.environ,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(workspace),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",  # only pytest itself: 4x faster
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        *(f"tests/domain/{tests.name}" for tests in TESTS),
    ]
    try:
        done = subprocess.run(
            command, cwd=workspace, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    # pytest's exit codes: 0 all passed, 1 a test failed; others (no tests collected, an
    # internal or usage error) say nothing about the mutant
    return {0: "survived", 1: "failed"}.get(done.returncode, "error")


def _imports_the_copy(workspace: Path) -> bool:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(workspace)}
    done = subprocess.run(
        [sys.executable, "-c", "import calendar_svc.domain.rules as r; print(r.__file__)"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip().startswith(str(workspace))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant")
    parser.add_argument("--json", type=Path, help="also write the outcome here")
    args = parser.parse_args(argv)
    found = all_mutants()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutate-rules-") as tmp:
        spaces = [_workspace(Path(tmp) / f"w{i}") for i in range(max(1, args.jobs))]
        if not _imports_the_copy(spaces[0]):
            print("the copy of the package is not the one imported", file=sys.stderr)
            return 2
        if _run(spaces[0], None, "", args.timeout) != "survived":
            print("the unmutated rules fail their tests (TESTS)", file=sys.stderr)
            return 2
        free = list(spaces)
        lock = threading.Lock()

        def attempt(item: tuple[Mutant, str]) -> Outcome:
            with lock:
                space = free.pop()
            try:
                how = _run(space, item[0].module, item[1], args.timeout)
            finally:
                with lock:
                    free.append(space)
            return Outcome(item[0], how in ("failed", "timeout"), how)

        with ThreadPoolExecutor(max_workers=len(spaces)) as pool:
            outcomes = list(pool.map(attempt, found))
    errors = [o.mutant for o in outcomes if o.how == "error"]
    if errors:
        print(f"{len(errors)} mutants could not be tested, e.g. {errors[0]}", file=sys.stderr)
        return 2
    survivors = [o.mutant for o in outcomes if not o.killed]
    in_dates = [m for m in survivors if m.function in DATE_RULES]
    print(
        f"{len(outcomes)} mutants of {RULES.relative_to(ROOT)}: "
        f"{len(outcomes) - len(survivors)} killed, {len(survivors)} survived "
        f"({len(in_dates)} in the date and certainty rules), "
        f"{time.perf_counter() - started:.0f} s"
    )
    for m in survivors:
        group = "DATE/CERTAINTY" if m.function in DATE_RULES else "other"
        print(f"  survived: {m.module} line {m.line} in {m.function} [{group}]: {m.change}")
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "mutants": len(outcomes),
                    "killed": len(outcomes) - len(survivors),
                    "survived": [asdict(m) for m in survivors],
                    "survived_in_date_rules": len(in_dates),
                },
                indent=2,
            )
            + "\n"
        )
    return 1 if in_dates else 0


if __name__ == "__main__":
    sys.exit(main())
