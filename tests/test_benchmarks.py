"""Smoke tests: each benchmark runs end to end on two small documents."""

from __future__ import annotations

import json
import re
import runpy
import sys

import pytest
from conftest import ROOT, SAMPLES

from reconcile.ingest import load_edition, plain


@pytest.fixture
def tiny_corpus(tmp_path):
    """Two documents in the corpus layout, cut from the sample statement's content paragraphs."""
    content = {lang: [plain(p.norm) for p in load_edition(SAMPLES / "statement" / f"{lang}.txt", lang).content]
               for lang in ("ru", "en", "de", "es", "fr")}
    # en, de and fr split the opening paragraph that ru and es keep whole: skip past it.
    offset = {"ru": 0, "es": 0, "en": 1, "de": 1, "fr": 1}
    for number, (start, stop) in enumerate(((3, 8), (8, 14)), start=1):
        folder = tmp_path / "mini" / f"doc{number}"
        folder.mkdir(parents=True)
        for lang, paragraphs in content.items():
            chosen = paragraphs[start + offset[lang]: stop + offset[lang]]
            (folder / f"{lang}.txt").write_text("\n\n".join(chosen) + "\n", "utf-8")
    return tmp_path


def run_script(name, *args):
    old = sys.argv
    sys.argv = [name, *args]
    try:
        runpy.run_path(str(ROOT / "benchmarks" / name), run_name="__main__")
    except SystemExit as exc:
        return exc.code
    finally:
        sys.argv = old
    return 0


def test_accuracy_benchmark_smoke(tiny_corpus, capsys):
    out_json = tiny_corpus / "accuracy.json"
    code = run_script("accuracy.py", str(tiny_corpus), "--split", "all", "--pivots", "en,ru", "--jobs", "1",
                      "--no-textberg", "--json", str(out_json))
    printed = capsys.readouterr().out
    assert code == 0
    assert "2 documents" in printed and "fault plan (seed 13)" in printed and "Per language pair" in printed
    figures = json.loads(out_json.read_text())
    assert set(figures) >= {"summary", "faults", "pivots", "pairs", "seed"}
    assert 0 <= figures["summary"]["pairs"]["all"]["link_f1"] <= 1


def test_speed_benchmark_smoke(tiny_corpus, capsys):
    code = run_script("speed.py", str(tiny_corpus), "--quick", "--max-paragraphs", "200")
    printed = capsys.readouterr().out
    assert code == 0
    assert "in-process time per statement" in printed and "cold CLI" in printed
    assert re.search(r"^100 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| \d+ \| \d+ \| True \|", printed, re.MULTILINE)
