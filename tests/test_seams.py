"""The house rules that keep stages apart: language knowledge as data, one hub imported by few."""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

from reconcile import locales
from reconcile.filenames import FORMAT_OF_SUFFIX
from reconcile.ingest import FORMATS

PACKAGE = ROOT / "reconcile"
MODULES = sorted(PACKAGE.glob("*.py"))


def _tree(path):
    return ast.parse(path.read_text("utf-8"), str(path))


def test_every_language_of_the_package_has_a_record_and_other_codes_get_the_defaults():
    assert tuple(locales.LANGUAGES) == locales.LANGS
    assert all(locales.language(code) == record and record.known for code, record in locales.LANGUAGES.items())
    unknown = locales.language("zh")
    assert (unknown.known, unknown.script, unknown.capitalised_nouns, unknown.ordinal_dot) == \
        (False, "latin", False, False)
    assert unknown.length_vs_english is None


def _imports_ingest(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and (
                node.module == "ingest" or (node.module is None and any(a.name == "ingest" for a in node.names))):
            return True
    return False


def test_only_the_readers_and_the_pipeline_import_ingest():
    importers = {path.name for path in MODULES if _imports_ingest(_tree(path))}
    assert importers <= {"pipeline.py", "reading.py"} | {p.name for p in MODULES if p.name.startswith("read_")}
    assert "pipeline.py" in importers


def _code_branches(tree: ast.Module) -> list[int]:
    """Lines that compare something named ``*lang*`` with a language code of the package."""
    codes = set(locales.LANGS)

    def names_a_language(node: ast.expr) -> bool:
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
        return "lang" in name.lower()

    def is_code(node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in codes
        return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and any(is_code(e) for e in node.elts)

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(names_a_language(s) for s in sides) and any(is_code(s) for s in sides):
                lines.append(node.lineno)
            elif any(is_code(s) for s in sides) and any(
                    isinstance(s, ast.Tuple) and any(names_a_language(e) for e in s.elts) for s in sides):
                lines.append(node.lineno)  # "de" in (pivot_lang, edition_lang)
    return sorted(lines)


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "locales.py"], ids=lambda p: p.name)
def test_no_stage_branches_on_a_language_code(path):
    assert _code_branches(_tree(path)) == []


def test_the_branch_detector_sees_the_old_branches():
    old = ast.parse('same = (pivot_lang == "ru") == (edition_lang == "ru")\n'
                    'names = "de" not in (pivot_lang, edition_lang)\n'
                    'dot = lang == "de" and word.isdigit()\n')
    assert _code_branches(old) == [1, 1, 2, 3]


def test_discovery_and_reading_agree_on_the_file_types():
    assert list(FORMATS) == list(FORMAT_OF_SUFFIX)
