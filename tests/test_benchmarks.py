"""The benchmarks: smoke runs, an injector that shares nothing with the detector, and accuracy floors.

The floors run a fixed sample through the honest benchmark and fail when a
figure falls below today's value minus a margin (or a false-alarm rate rises
above it). Raise them as the tool improves; never lower one to make a change pass
without saying why in the commit.
"""

from __future__ import annotations

import ast
import json
import random
import re
import runpy
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reconcile.ingest import load_edition
from reconcile.text import plain

BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import accuracy
import genuine
import inject
import inject_text
from split import shared_corpus
from tables import summary

SAMPLE = ROOT / "tests" / "data" / "benchmark"
SHARED = shared_corpus()


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
        runpy.run_path(str(BENCH / name), run_name="__main__")
    except SystemExit as exc:
        return exc.code
    finally:
        sys.argv = old
    return 0


def test_accuracy_benchmark_smoke(tiny_corpus, capsys):
    out_json = tiny_corpus / "accuracy.json"
    out_md = tiny_corpus / "accuracy.md"
    code = run_script("accuracy.py", str(tiny_corpus), "--split", "all", "--pivots", "en,ru", "--jobs", "1",
                      "--no-textberg", "--json", str(out_json), "--markdown", str(out_md))
    printed = capsys.readouterr().out
    assert code == 0
    assert "2 documents" in printed and "fault plan (seed 13)" in printed and "Per language pair" in printed
    figures = json.loads(out_json.read_text())
    assert set(figures) >= {"summary", "faults", "pivots", "pairs", "seed", "seconds"}
    assert 0 <= figures["summary"]["pairs"]["all"]["link_f1"] <= 1
    assert out_md.read_text().startswith("fault → expected | n |")


def test_accuracy_refuses_a_missing_corpus(tmp_path, capsys):
    assert run_script("accuracy.py", str(tmp_path / "nowhere"), "--no-textberg") == 2
    assert "not found" in capsys.readouterr().err


def test_speed_benchmark_smoke(tiny_corpus, capsys):
    code = run_script("speed.py", str(tiny_corpus), "--quick", "--max-paragraphs", "200")
    printed = capsys.readouterr().out
    assert code == 0
    assert "in-process time per statement" in printed and "cold CLI" in printed
    assert re.search(r"^100 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| \d+ \| \d+ \| True \|", printed, re.MULTILINE)


# --- the benchmark sees only the public pipeline ---------------------------------------

FORBIDDEN = {"reconcile.anchors", "reconcile.segment", "reconcile.ingest", "reconcile.similarity",
             "reconcile.locales", "reconcile.diagnose", "reconcile.consensus", "reconcile.rows"}
PUBLIC = {"reconcile.pipeline", "reconcile.model"}
# Modules that may reach further, and why.
EXEMPT = {"speed.py": "times each stage of the pipeline; it measures no accuracy"}
EXTRA = {"textberg.py": {"reconcile.align", "reconcile.embed"}}  # the aligner under test, its embedder
NO_RECONCILE = {"inject.py", "inject_text.py", "split.py", "genuine.py", "scoring.py", "tables.py"}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names if node.module == "reconcile"}
    return {n for n in names if n == "reconcile" or n.startswith("reconcile.")}


@pytest.mark.parametrize("path", sorted(BENCH.glob("*.py")), ids=lambda p: p.name)
def test_benchmarks_import_only_the_public_pipeline(path):
    if path.name in EXEMPT:
        pytest.skip(EXEMPT[path.name])
    names = imported(path)
    if path.name in NO_RECONCILE:
        assert not names, f"{path.name} must not import reconcile: {names}"
    assert not names & FORBIDDEN, f"{path.name} imports the detector's internals: {names & FORBIDDEN}"
    assert names <= PUBLIC | EXTRA.get(path.name, set()) | {"reconcile"}, names


# --- the injector ----------------------------------------------------------------------

DOC = inject.Document("mini", "doc", {
    "en": ("Council meets in Geneva", "On 12 March 2009 the council met. It heard 45,000 voices. It adjourned.",
           "The budget is 3.5 million dollars, up from 2.8 million.", "The chair thanked everyone. Then she left.",
           "Next meeting in 2010."),
    "de": ("Rat tagt in Genf", "Am 12. März 2009 tagte der Rat. Er hörte 45.000 Stimmen. Er vertagte sich.",
           "Der Haushalt beträgt 3,5 Millionen Dollar, nach 2,8 Millionen.", "Die Vorsitzende dankte allen. Dann ging sie.",
           "Nächste Sitzung 2010."),
    "fr": ("Le conseil se réunit à Genève", ("Le 12 mars 2009, le conseil s'est réuni. Il a entendu 45 000 voix. "
           "Il a ajourné."), "Le budget est de 3,5 millions de dollars, contre 2,8 millions.",
           "La présidente a remercié tout le monde. Puis elle est partie.", "Prochaine réunion en 2010."),
})


OTHER = inject.Document("mini", "other", {lang: ("Another story.", "Nothing to do with it.") for lang in DOC.langs})


def faulted(kind: str, lang: str = "de", seed: int = 1) -> inject.Case:
    return inject.inject(DOC, "en", lang, kind, random.Random(seed), [DOC, OTHER])


def test_each_kind_changes_what_it_says():
    ed = DOC.paragraphs["de"]
    drop = faulted("drop")
    assert len(drop.edition) == 4 and drop.at[1] == () and ((drop.at[0]), ()) in drop.gold
    year = faulted("year")
    old, new = year.detail.split(" → ")
    assert old in ("2009", "2010") and 1 <= abs(int(new) - int(old)) <= 9
    assert new in year.edition[year.at[1][0] - 1] and [p for p in year.edition if p not in ed] == [
        year.edition[year.at[1][0] - 1]]
    scale = faulted("scale")
    before, after = scale.detail.split(" → ")
    assert before.split()[0] == after.split()[0] and before.split()[1] != after.split()[1]
    assert after in scale.edition[scale.at[1][0] - 1]
    assert faulted("untranslated").edition[faulted("untranslated").at[1][0] - 1] in DOC.paragraphs["en"]
    other = faulted("other_edition")
    assert other.edition[other.at[1][0] - 1] in DOC.paragraphs["fr"]
    out = faulted("sentence_out")
    k = out.at[1][0] - 1
    assert inject_text.sentences(out.edition[k])[0] == inject_text.sentences(ed[k])[0]  # the first sentence stays
    assert inject_text.sentences(out.edition[k])[-1] == inject_text.sentences(ed[k])[-1]  # and the last
    merge, split = faulted("merge"), faulted("split")
    assert len(merge.edition) == 4 and len(merge.at[0]) == 2 and merge.expect is None
    assert len(split.edition) == 6 and len(split.at[1]) == 2 and split.expect is None


@pytest.mark.parametrize("kind", inject.KINDS)
def test_gold_covers_every_paragraph_once(kind):
    case = faulted(kind)
    pivot_side = sorted(i for bead in case.gold for i in bead[0])
    edition_side = sorted(j for bead in case.gold for j in bead[1])
    assert pivot_side == list(range(1, 6))
    assert edition_side == list(range(1, len(case.edition) + 1))
    assert len(case.origin) == len(case.edition)


def test_digit_faults_change_one_digit_of_a_figure_the_pivot_has():
    for seed in range(20):
        case = faulted("digit", seed=seed)
        k = case.at[1][0] - 1
        before, after = DOC.paragraphs["de"][k], case.edition[k]
        assert len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == 1
        old, _new = case.detail.split(" → ")
        assert inject_text.digits(old) in inject_text.figure_keys(DOC.paragraphs["en"][k])


def test_a_fault_that_cannot_be_placed_is_counted_not_replaced():
    two = inject.Document("mini", "pair", {"en": DOC.paragraphs["en"], "de": DOC.paragraphs["de"]})
    plan = inject.Plan(13)
    cases = [c for _, _, cs in inject.make_cases([two], ["en"], 13, plan, rounds=14) for c in cs]
    assert plan.asked["other_edition"] == 1 and plan.placed["other_edition"] == 0
    assert plan.unplaced[("other_edition", "no third edition")] == 1
    assert "other_edition" not in {c.kind for c in cases}
    assert sum(plan.asked.values()) == len(cases) + sum(plan.unplaced.values())


def test_plans_are_seeded_and_printed():
    def run(seed):
        plan = inject.Plan(seed)
        return [c for _, _, cs in inject.make_cases([DOC], ["en", "de"], seed, plan, rounds=3) for c in cs], plan
    first, plan = run(7)
    assert first == run(7)[0] and first != run(8)[0]
    assert plan.lines()[0].startswith("fault plan (seed 7)")


# --- the reviewed genuine divergences -----------------------------------------------------

def test_genuine_entries_are_well_formed():
    entries = genuine.load()
    assert len(entries) >= 300
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        assert e.corpus in genuine.MESSY and e.kind in genuine.FAMILY and e.note
        assert set(e.words) == set(e.editions) and e.editions[0] < e.editions[1]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not here")
def test_genuine_words_are_in_the_corpus():
    docs = {(d.corpus, d.name): d for d in inject.load_corpus(SHARED, "all", genuine.MESSY)}
    for e in genuine.load():
        for lang, words in e.words.items():
            text = docs[(e.corpus, e.document)].paragraphs[lang][e.paragraph - 1]
            for piece in re.split(r" \.\.\. | \| ", words):
                assert piece in text, (e.id, lang, piece)


# --- floors ---------------------------------------------------------------------------------

def figures(root: Path, corpora=(), split="all", per_corpus=0) -> dict[str, dict]:
    docs = inject.load_corpus(root, split, corpora, per_corpus)
    tallies, _, _ = accuracy.run(docs, ["en", "ru", "de"], 13, 2, 1, False, genuine.Index(genuine.load()))
    return {system: summary(tallies[(system, "all")], inject.KINDS) for system in ("pairs", "editions")}


# Today's figures (2026-11-29, main at dce6db9) and the floors: today's minus a small margin.
CLEAN_FLOORS = {"right_kind": 0.70, "error_precision": 0.78, "link_f1": 0.94}
CLEAN_CEILINGS = {"false_errors_per_100": 3.6, "false_warnings_per_100": 3.8, "faithful_error": 0.06}
# Messy sample after the figures work (2026-11-29): false errors 0.43 → 0.0, false warnings 4.2 → 1.5
# (pairs) and 3.1 → 1.1 (editions), error precision 0.93 → 0.99; genuine divergences shown as an error or
# a warning 11 → 7 (pairs) and 9 → 5 (editions): a small bare count stated on one side only is now
# information (about one in nine of those was genuine), and number words are compared only when they
# count the same thing ("vier Busse" / "tres autobuses" is no longer seen).
MESSY_FLOORS = {"right_kind": 0.78, "error_precision": 0.93, "genuine_found": 4}
MESSY_CEILINGS = {"false_errors_per_100": 0.5, "false_warnings_per_100": 2.2}


def check(found: dict[str, dict], floors: dict[str, float], ceilings: dict[str, float]) -> None:
    for system, figs in found.items():
        for name, floor in floors.items():
            assert figs[name] >= floor, f"{system} {name} {figs[name]} fell below {floor}"
        for name, ceiling in ceilings.items():
            assert figs[name] <= ceiling, f"{system} {name} {figs[name]} rose above {ceiling}"


def test_floors_on_the_clean_sample():
    """20 development documents of ntrex and flores, shipped in tests/data (CC BY-SA 4.0)."""
    check(figures(SAMPLE), CLEAN_FLOORS, CLEAN_CEILINGS)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not here")
def test_floors_on_the_messy_sample():
    """The first 8 development documents of wmt_dev and of wmt_dev_ruen, as published."""
    check(figures(SHARED, genuine.MESSY, "dev", 8), MESSY_FLOORS, MESSY_CEILINGS)


def test_injector_doctests():
    import doctest

    assert doctest.testmod(inject_text).failed == 0
