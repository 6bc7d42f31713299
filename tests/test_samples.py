"""The bundled samples: the faithful statement passes, the divergent copy gives exactly its findings."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from reconcile import Settings, reconcile
from reconcile.pipeline import find_editions


def test_faithful_statement_has_no_errors_or_warnings():
    report = reconcile(find_editions([SAMPLES / "statement"]), Settings(pivot="ru"))
    assert [f for f in report.findings if f.severity != "info"] == []
    assert sorted((f.lang, f.kind) for f in report.findings) == [("de", "split"), ("en", "split"), ("fr", "split")]


@pytest.mark.parametrize("pivot", ["en", "de", "es", "fr"])
def test_faithful_statement_passes_with_any_pivot(pivot):
    report = reconcile(find_editions([SAMPLES / "statement"]), Settings(pivot=pivot))
    assert [(f.lang, f.kind, f.message) for f in report.findings if f.severity != "info"] == []


def test_divergent_statement_gives_exactly_the_expected_findings():
    expected = json.loads((SAMPLES / "divergent" / "EXPECTED.json").read_text("utf-8"))
    report = reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot=expected["pivot"]))
    got = [{"lang": f.lang, "kind": f.kind, "severity": f.severity, "pivot": list(f.pivot), "edition": list(f.edition)}
           for f in report.findings]
    assert got == [{k: v for k, v in f.items() if k != "why"} for f in expected["findings"]]
