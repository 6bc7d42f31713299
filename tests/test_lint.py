"""The house rules a reviewer would check by hand, run with the suite: types, lint, size and shape.

mypy (strict, on the package) and ruff (package, tests, benchmarks) come with
the test extra, pinned; the sizes are issue 14's: no function over 50 lines or
cyclomatic complexity 15, no module over 400 lines.
"""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "reconcile"
MAX_FUNCTION_LINES = 50
MAX_COMPLEXITY = 15
MAX_MODULE_LINES = 400


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_package_type_checks_strictly() -> None:
    result = _run("mypy", "--strict", "reconcile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "reconcile", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def _complexity(node: ast.AST) -> int:
    """McCabe's number as radon counts it: 1 + decisions (branches, loops, handlers, boolean operators, comprehensions)."""
    count = 1
    for child in ast.walk(node):
        if child is not node and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(child, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.With,
                              ast.AsyncWith, ast.Assert)):
            count += isinstance(child, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler,
                                        ast.Assert))
            count += bool(getattr(child, "orelse", None)) and isinstance(child, (ast.For, ast.AsyncFor, ast.While))
        elif isinstance(child, ast.BoolOp):
            count += len(child.values) - 1
        elif isinstance(child, ast.comprehension):
            count += 1 + len(child.ifs)
        elif isinstance(child, ast.match_case):
            count += 1
    return count


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        out += [(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node) for node in ast.walk(tree)
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return out


def test_no_function_is_long() -> None:
    long = [(where, node.end_lineno - node.lineno + 1) for where, node in _functions()
            if node.end_lineno is not None and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_no_function_is_complex() -> None:
    complex_ = [(where, _complexity(node)) for where, node in _functions() if _complexity(node) > MAX_COMPLEXITY]
    assert complex_ == []


def test_no_module_is_long() -> None:
    long = [(str(p.relative_to(ROOT)), n) for p in sorted(PACKAGE.rglob("*.py"))
            if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE_LINES]
    assert long == []
