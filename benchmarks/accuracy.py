"""Accuracy benchmark: inject faults into real translations, score what is found.

    python benchmarks/accuracy.py [CORPUS_ROOT] [--pivots en,ru,de] [--seed 13] [--limit N] [--json out.json]

CORPUS_ROOT defaults to ../shared/corpus (layout ``<source>/<doc>/{de,en,es,ru,fr}.txt``).
Peers, run on the same cases in the same run: NLTK's Gale–Church aligner
(missing/extra from its unlinked paragraphs) and, on its links, a digit
comparison in the style of translate-toolkit's pofilter ``numbers`` test.
Install the peer with ``pip install nltk``; without it the peer is skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faults import EXPECTED_KIND, FAULTS, Case, load_corpus, make_cases

from reconcile.model import Settings
from reconcile.pipeline import edition_from_text, prepare, reconcile_editions

ROOT = Path(__file__).resolve().parent.parent
DETECTED = ("missing", "extra", "number_mismatch", "date_mismatch", "untranslated", "truncated", "moved")


@dataclass(frozen=True)
class Found:
    """A finding reduced to what scoring needs."""

    kind: str
    severity: str
    pivot: tuple[int, ...]
    edition: tuple[int, ...]


@dataclass
class Outcome:
    findings: list[Found]
    links: set[tuple[tuple[int, ...], tuple[int, ...]]]
    seconds: float


def _outcome(report, lang: str, seconds: float) -> Outcome:
    """One edition's findings and links out of a report."""
    alignment = next(a for a in report.alignments if a.lang == lang)
    return Outcome([Found(f.kind, f.severity, f.pivot, f.edition) for f in report.findings if f.lang == lang],
                   {(l.pivot, l.edition) for l in alignment.links if l.pivot and l.edition}, seconds)


def run_reconcile(case: Case, pivot_edition) -> Outcome:
    """The edition against the pivot alone, as ``reconcile align`` does."""
    start = time.perf_counter()
    report = reconcile_editions([pivot_edition, prepare([edition_from_text(case.lang, case.edition)])[0]],
                                Settings(pivot=case.pivot))
    return _outcome(report, case.lang, time.perf_counter() - start)


def peer_available() -> str | None:
    import importlib.util

    if importlib.util.find_spec("nltk") is None:
        return "nltk is not installed (pip install nltk)"
    return None


def run_peer(case: Case, pivot_texts: list[str]) -> Outcome:
    """Gale–Church on character lengths; digits compared on its 1-1 links (pofilter style)."""
    from nltk.translate.gale_church import align_blocks

    start = time.perf_counter()
    pairs = align_blocks([len(t) for t in pivot_texts], [len(t) for t in case.edition])
    groups: dict[int, tuple[set[int], set[int]]] = {}
    owner_s: dict[int, int] = {}
    owner_t: dict[int, int] = {}
    for s, t in pairs:  # connected components of the pair graph are beads
        g = owner_s.get(s, owner_t.get(t, len(groups)))
        groups.setdefault(g, (set(), set()))
        groups[g][0].add(s + 1)
        groups[g][1].add(t + 1)
        owner_s[s], owner_t[t] = g, g
    links = {(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups.values()}
    findings = [Found("missing", "error", (i,), ()) for i in range(1, len(pivot_texts) + 1) if i - 1 not in owner_s]
    findings += [Found("extra", "error", (), (j,)) for j in range(1, len(case.edition) + 1) if j - 1 not in owner_t]
    for a, b in links:
        left = sorted(re.findall(r"\d+", " ".join(pivot_texts[i - 1] for i in a)))
        right = sorted(re.findall(r"\d+", " ".join(case.edition[j - 1] for j in b)))
        if left != right:
            findings.append(Found("number_mismatch", "error", a, b))
    return Outcome(findings, links, time.perf_counter() - start)


@dataclass
class Score:
    """Counts for one system over a group of cases."""

    faults: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # n, found, kind
    errors: int = 0
    true_errors: int = 0
    false_alarms: int = 0
    clean_pairs: int = 0
    links_pred: int = 0
    links_gold: int = 0
    links_hit: int = 0
    seconds: float = 0.0

    def add(self, case: Case, outcome: Outcome) -> None:
        self.seconds += outcome.seconds
        expected_kind = EXPECTED_KIND[case.fault]
        gold = {g for g in case.gold}
        self.links_pred += len(outcome.links)
        self.links_gold += len(gold)
        self.links_hit += len(outcome.links & gold)
        at_fault = [f for f in outcome.findings if f.severity in ("error", "warning") and case.expected
                    and (set(f.pivot) & set(case.expected[0]) or set(f.edition) & set(case.expected[1]))]
        if expected_kind:
            row = self.faults[case.fault]
            row[0] += 1
            row[1] += bool(at_fault)
            row[2] += any(f.kind == expected_kind for f in at_fault)
        errors = [f for f in outcome.findings if f.severity == "error"]
        self.errors += len(errors)
        if expected_kind:
            self.true_errors += sum(1 for f in errors if f in at_fault)
        else:
            self.false_alarms += len(errors)
            self.clean_pairs += len(case.document.paragraphs[case.pivot])

    def row(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {}
        for fault in FAULTS:
            if EXPECTED_KIND[fault]:
                n, found, kind = self.faults[fault]
                out[f"{fault}_n"] = n
                out[f"{fault}_found"] = round(found / n, 3) if n else None
                out[f"{fault}_kind"] = round(kind / n, 3) if n else None
        out["error_precision"] = round(self.true_errors / self.errors, 3) if self.errors else None
        out["false_alarms_per_100"] = round(100 * self.false_alarms / self.clean_pairs, 2) if self.clean_pairs else None
        p = self.links_hit / self.links_pred if self.links_pred else 0.0
        r = self.links_hit / self.links_gold if self.links_gold else 0.0
        out["link_precision"], out["link_recall"] = round(p, 4), round(r, 4)
        out["link_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return out


def fmt(value: float | int | None) -> str:
    return "—" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def print_table(title: str, rows: list[tuple[str, dict]]) -> None:
    faults = [f for f in FAULTS if EXPECTED_KIND[f]]
    header = ["system"] + [f"{f}" for f in faults] + ["err.prec", "FA/100", "link P", "link R", "link F1"]
    print(f"\n{title}\n(fault cells: found / right kind, n)")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for name, row in rows:
        cells = [name] + [f"{fmt(row[f + '_found'])} / {fmt(row[f + '_kind'])} ({row[f + '_n']})" for f in faults]
        cells += [fmt(row["error_precision"]), fmt(row["false_alarms_per_100"]),
                  fmt(row["link_precision"]), fmt(row["link_recall"]), fmt(row["link_f1"])]
        print(" | ".join(cells))


def run_check_mode(cases: list[Case], pivot: str) -> tuple[list[Outcome], list[Found]]:
    """All editions of one document at once (what ``reconcile check`` does), split back into pairs.

    Returns an outcome per case and the findings the run put on the pivot itself
    (the odd edition out): the pivot is never faulted, so those count as false alarms.
    """
    start = time.perf_counter()
    editions = prepare([edition_from_text(pivot, cases[0].document.paragraphs[pivot])] +
                       [edition_from_text(case.lang, case.edition) for case in cases])
    report = reconcile_editions(editions, Settings(pivot=pivot))
    share = (time.perf_counter() - start) / len(cases)
    outcomes = [_outcome(report, case.lang, share) for case in cases]
    return outcomes, [Found(f.kind, f.severity, f.pivot, f.edition) for f in report.findings if f.lang == pivot]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--pivots", default="en,ru,de")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None, help="documents per run (for a smoke test)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"accuracy: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    docs = load_corpus(args.corpus, args.limit)
    skip_peer = peer_available()
    print(f"accuracy benchmark: {len(docs)} documents from {args.corpus}, seed {args.seed}, pivots {args.pivots}")
    print("systems: reconcile (pairs: each edition against the pivot alone, as `reconcile align`), "
          "reconcile-check (all five editions at once, as `reconcile check`), gale-church+digits (peer)")
    if skip_peer:
        print(f"peer Gale–Church + digits skipped: {skip_peer}")
    results: dict[str, dict] = {}
    systems = ("reconcile", "reconcile-check", "gale-church+digits")
    overall = {name: Score() for name in systems}
    for pivot in args.pivots.split(","):
        cases = make_cases(docs, pivot, args.seed)
        by_corpus: dict[tuple[str, str], Score] = defaultdict(Score)
        by_pair: dict[tuple[str, str], Score] = defaultdict(Score)

        def score(system: str, case: Case, outcome: Outcome,
                  by_corpus: dict = by_corpus, by_pair: dict = by_pair) -> None:
            for target in (by_corpus[(system, case.document.corpus)], by_pair[(system, case.lang)], overall[system]):
                target.add(case, outcome)

        by_document: dict[str, list[Case]] = defaultdict(list)
        for case in cases:
            by_document[case.document.name].append(case)
        for document_cases in by_document.values():
            pivot_edition = prepare([edition_from_text(pivot, document_cases[0].document.paragraphs[pivot])])[0]
            for case in document_cases:
                score("reconcile", case, run_reconcile(case, pivot_edition))
                if not skip_peer:
                    score("gale-church+digits", case, run_peer(case, case.document.paragraphs[pivot]))
            outcomes, on_pivot = run_check_mode(document_cases, pivot)
            for case, outcome in zip(document_cases, outcomes):
                score("reconcile-check", case, outcome)
            pivot_errors = sum(1 for f in on_pivot if f.severity == "error")
            for target in (by_corpus[("reconcile-check", document_cases[0].document.corpus)], overall["reconcile-check"]):
                target.errors += pivot_errors
                target.false_alarms += pivot_errors
        rows = [(f"{system} {corpus}", s.row()) for (system, corpus), s in sorted(by_corpus.items())]
        print_table(f"pivot {pivot}: per corpus", rows)
        pair_rows = [(f"{system} {pivot}→{lang}", s.row()) for (system, lang), s in sorted(by_pair.items())]
        print_table(f"pivot {pivot}: per language pair", pair_rows)
        results[pivot] = {"corpus": dict(rows), "pairs": dict(pair_rows)}
    summary = [(name, s.row()) for name, s in overall.items() if s.links_pred]
    print_table("overall (all pivots)", summary)
    for name, s in overall.items():
        if s.links_pred:
            print(f"{name}: {s.seconds * 1000:.0f} ms in alignment and diagnosis over all cases")
    results["overall"] = dict(summary)
    results["seed"] = args.seed
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
