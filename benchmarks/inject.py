"""An independent fault injector: what was changed is what must be found.

It shares nothing with the detector (no import from ``reconcile``): its own
digit finder, its own naive sentence splitter and its own scale words
(``inject_text.py``, which it needs beside it), so it
injects the faults a translation really suffers, not only those the detector
was built to see. Each case is one (pivot, edition) pair of one document: the
edition's paragraphs after the fault, where the fault is, the finding kind it
must produce (or none, for the faithful merges and splits), and the gold
alignment of the faulted edition to the pivot.

Every document and pivot gives, per round, one case per other edition, each
with its own kind (the kinds taken in turn from a seeded start), and the plan
says how many of each kind were asked for, placed and not placed, and why: a fault that
cannot be placed is counted, never replaced by another kind.

    python benchmarks/inject.py [CORPUS_ROOT] [--pivots en,ru,de] [--seed 13]
                                [--split dev|report|all] [--rounds 1] [--out DIR]

``--out DIR`` writes each faulted document in the corpus layout
(``DIR/<corpus>/<doc>.<pivot>.<lang>.<kind>/<lang>.txt`` with its pivot file)
and ``DIR/cases.jsonl`` (one case a line), for measuring any tool on them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject_text import (
    Unplaceable,
    fault_digit,
    fault_round,
    fault_scale,
    fault_year,
    pick,
    sentences,
)
from split import shared_corpus, side

LANGS = ("ru", "en", "de", "es", "fr")
Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Fault kind → the finding family that must report it (None: a faithful change, must raise nothing).
EXPECT: dict[str, str | None] = {
    "drop": "missing", "insert": "extra", "move": "moved",
    "digit": "figure", "year": "date", "scale": "number", "round": "number",
    "untranslated": "untranslated", "untranslated_partial": "untranslated", "other_edition": "untranslated",
    "sentence_out": "truncated", "half_cut": "truncated",
    "merge": None, "split": None,
}
KINDS = tuple(EXPECT)


@dataclass(frozen=True)
class Document:
    """One document of a corpus: each language's paragraphs (identity gold between them)."""

    corpus: str
    name: str
    paragraphs: dict[str, tuple[str, ...]]

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if lang in self.paragraphs)


@dataclass(frozen=True)
class Case:
    """One (pivot, edition) pair of a document, faulted or not (kind ``none``).

    ``at`` holds the 1-based pivot and edition paragraphs of the fault; ``gold``
    the beads of the faulted edition against the pivot; ``origin`` the paragraph
    each edition paragraph came from (empty: from elsewhere), for mapping findings back.
    """

    corpus: str
    document: str
    pivot: str
    lang: str
    kind: str
    edition: tuple[str, ...]
    at: Bead = ((), ())
    gold: tuple[Bead, ...] = ()
    origin: tuple[tuple[int, ...], ...] = ()
    detail: str = ""

    @property
    def expect(self) -> str | None:
        return EXPECT.get(self.kind)


@dataclass
class Plan:
    """How many faults of each kind were asked for, placed, and why the others were not."""

    seed: int
    asked: Counter[str] = field(default_factory=Counter)
    placed: Counter[str] = field(default_factory=Counter)
    unplaced: Counter[tuple[str, str]] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"fault plan (seed {self.seed}): kind | asked | placed | not placed (why)"]
        for kind in KINDS:
            why = ", ".join(f"{n} {reason}" for (k, reason), n in sorted(self.unplaced.items()) if k == kind)
            out.append(f"{kind} | {self.asked[kind]} | {self.placed[kind]} | {self.asked[kind] - self.placed[kind]}"
                       + (f" ({why})" if why else ""))
        out.append(f"total | {sum(self.asked.values())} | {sum(self.placed.values())} | "
                   f"{sum(self.unplaced.values())}")
        return out


def load_corpus(root: Path, split: str = "all", corpora: Sequence[str] = (), per_corpus: int = 0) -> list[Document]:
    """``<corpus>/<doc>/<lang>.txt`` documents whose editions have the same number of paragraphs.

    ``per_corpus`` keeps only the first documents of each corpus (0: all).
    """
    docs: list[Document] = []
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()):
        corpus = folder.parent.name
        if (corpora and corpus not in corpora) or (split != "all" and side(corpus, folder.name) != split):
            continue
        paragraphs = {lang: tuple(b.strip() for b in (folder / f"{lang}.txt").read_text("utf-8").split("\n\n")
                                  if b.strip())
                      for lang in LANGS if (folder / f"{lang}.txt").exists()}
        kept = sum(d.corpus == corpus for d in docs)
        if len(paragraphs) >= 2 and len({len(v) for v in paragraphs.values()}) == 1 and kept < (per_corpus or kept + 1):
            docs.append(Document(corpus, folder.name, paragraphs))
    return docs


def identity(n: int) -> tuple[Bead, ...]:
    return tuple(((i,), (i,)) for i in range(1, n + 1))


def inject(doc: Document, pivot: str, lang: str, kind: str, rng: random.Random,
           donors: Sequence[Document]) -> Case:
    """Apply one fault of ``kind`` to the ``lang`` edition of ``doc``; Unplaceable if it cannot take it."""
    pv, ed = doc.paragraphs[pivot], list(doc.paragraphs[lang])
    n = len(ed)
    gold, origin = identity(n), tuple((i,) for i in range(1, n + 1))
    content = {"digit": fault_digit, "year": fault_year, "round": fault_round}
    if kind in content:
        k, detail = content[kind](rng, pv, ed)
    elif kind == "scale":
        k, detail = fault_scale(rng, pv, ed, lang)
    elif kind in ("untranslated", "untranslated_partial", "other_edition", "sentence_out", "half_cut"):
        k, detail = _rewrite(kind, rng, doc, pivot, lang, ed)
    else:
        return _restructure(kind, rng, doc, pivot, lang, ed, donors)
    return Case(doc.corpus, doc.name, pivot, lang, kind, tuple(ed), ((k + 1,), (k + 1,)), gold, origin, detail)


def _rewrite(kind: str, rng: random.Random, doc: Document, pivot: str, lang: str, ed: list[str]) -> tuple[int, str]:
    """Faults that rewrite one paragraph in place."""
    pv, n = doc.paragraphs[pivot], len(ed)
    if kind == "untranslated":
        k = pick(rng, [i for i in range(n) if pv[i] != ed[i]], "every paragraph reads the same in both")
        ed[k] = pv[k]
        return k, "the pivot's paragraph, verbatim"
    if kind == "untranslated_partial":  # the first sentence translated, the rest left in the pivot's language
        k = pick(rng, [i for i in range(n) if len(sentences(pv[i])) >= 2 and len(sentences(ed[i])) >= 2],
                  "no paragraph of two or more sentences")
        ed[k] = " ".join([sentences(ed[k])[0], *sentences(pv[k])[1:]])
        return k, "first sentence translated, the rest the pivot's"
    if kind == "other_edition":
        thirds = [other for other in doc.langs if other not in (pivot, lang)]
        if not thirds:
            raise Unplaceable("no third edition")
        third = rng.choice(thirds)
        k = pick(rng, [i for i in range(n) if doc.paragraphs[third][i] != ed[i]], "third edition reads the same")
        ed[k] = doc.paragraphs[third][k]
        return k, f"the {third} edition's paragraph"
    if kind == "sentence_out":
        k = pick(rng, [i for i in range(n) if len(sentences(ed[i])) >= 3], "no paragraph of three or more sentences")
        parts = sentences(ed[k])
        gone = rng.randrange(1, len(parts) - 1)
        ed[k] = " ".join(p for i, p in enumerate(parts) if i != gone)
        return k, f"sentence {gone + 1} of {len(parts)} left out"
    k = pick(rng, [i for i in range(n) if len(ed[i].split()) >= 8], "no paragraph of eight or more words")
    parts = sentences(ed[k])
    if len(parts) >= 2:  # cut at the sentence end nearest the middle
        keep = min(range(1, len(parts)), key=lambda j: abs(len(" ".join(parts[:j])) - len(ed[k]) / 2))
        ed[k] = " ".join(parts[:keep])
        return k, f"kept {keep} of {len(parts)} sentences"
    words = ed[k].split()
    ed[k] = " ".join(words[: len(words) // 2])
    return k, f"kept {len(words) // 2} of {len(words)} words"


def _restructure(kind: str, rng: random.Random, doc: Document, pivot: str, lang: str, ed: list[str],
                 donors: Sequence[Document]) -> Case:
    """Faults that change the paragraph structure, with their gold beads and origins."""
    n = len(ed)
    order: list[tuple[int, ...]] = [(i,) for i in range(1, n + 1)]  # pivot paragraphs behind each edition one
    if kind == "drop":
        if n < 2:
            raise Unplaceable("a single paragraph")
        k = rng.randrange(n)
        del ed[k], order[k]
        at: Bead = ((k + 1,), ())
        detail = "paragraph dropped"
    elif kind == "insert":
        pool = [d for d in donors if d.name != doc.name and lang in d.paragraphs]
        if not pool:
            raise Unplaceable("no other document in this language")
        donor = rng.choice(pool)
        text = rng.choice(donor.paragraphs[lang])
        k = rng.randrange(n + 1)
        ed.insert(k, text)
        order.insert(k, ())
        at, detail = ((), (k + 1,)), f"a paragraph of {donor.name}"
    elif kind == "move":
        if n < 3:
            raise Unplaceable("fewer than three paragraphs")
        k = rng.randrange(n)
        target = pick(rng, [t for t in range(n) if abs(t - k) >= 2], "nowhere two places away")
        ed.insert(target, ed.pop(k))
        order.insert(target, order.pop(k))
        at, detail = ((k + 1,), (target + 1,)), f"moved from {k + 1} to {target + 1}"
    elif kind == "merge":  # editors merge body paragraphs: the first of the two ends a sentence
        k = pick(rng, [i for i in range(n - 1) if re.search(r"[.!?…][\"'»”)]*$", ed[i])],
                  "no paragraph ending a sentence before another")
        ed[k: k + 2] = [ed[k] + " " + ed[k + 1]]
        order[k: k + 2] = [(k + 1, k + 2)]
        at, detail = ((k + 1, k + 2), (k + 1,)), f"paragraphs {k + 1} and {k + 2} merged"
    elif kind == "split":
        k = pick(rng, [i for i in range(n) if len(sentences(ed[i])) >= 2], "no paragraph of two or more sentences")
        parts = sentences(ed[k])
        cut = rng.randrange(1, len(parts))
        ed[k: k + 1] = [" ".join(parts[:cut]), " ".join(parts[cut:])]
        order[k: k + 1] = [(k + 1,), (k + 1,)]
        at, detail = ((k + 1,), (k + 1, k + 2)), f"paragraph {k + 1} split after sentence {cut}"
    else:
        raise ValueError(f"unknown fault kind {kind!r}")
    return Case(doc.corpus, doc.name, pivot, lang, kind, tuple(ed), at, _beads(order, n), tuple(order), detail)


def _beads(order: Sequence[tuple[int, ...]], n: int) -> tuple[Bead, ...]:
    """Gold beads from the pivot paragraphs behind each edition paragraph (a split shares one)."""
    beads: list[Bead] = []
    for j, src in enumerate(order, start=1):
        if beads and src and beads[-1][0] == src:
            beads[-1] = (src, beads[-1][1] + (j,))
        else:
            beads.append((src, (j,)))
    seen = {i for src in order for i in src}
    beads += [((i,), ()) for i in range(1, n + 1) if i not in seen]
    return tuple(sorted(beads, key=lambda b: (b[0] or (0,), b[1] or (0,))))


def make_cases(docs: Sequence[Document], pivots: Sequence[str], seed: int, plan: Plan, rounds: int = 1,
               kinds: Sequence[str] = KINDS) -> Iterator[tuple[Document, str, list[Case]]]:
    """For each document, pivot it has and round, one faulted case per other edition, kinds taken in turn.

    Round r goes on where round r-1 stopped in the list of kinds, so a
    document takes different kinds in different rounds. The random stream of
    each case is seeded from the seed and the case's names, so a case does not
    change when documents are added, removed or limited.
    """
    by_corpus: dict[str, list[Document]] = {}
    for doc in docs:
        by_corpus.setdefault(doc.corpus, []).append(doc)
    for doc in docs:
        for pivot in (p for p in pivots if p in doc.paragraphs):
            others = [other for other in doc.langs if other != pivot]
            start = random.Random(f"{seed}/{doc.corpus}/{doc.name}/{pivot}").randrange(len(kinds))
            for r in range(rounds):
                cases = []
                for j, lang in enumerate(others):
                    kind = kinds[(start + r * len(others) + j) % len(kinds)]
                    plan.asked[kind] += 1
                    rng = random.Random(f"{seed}/{doc.corpus}/{doc.name}/{pivot}/{lang}/{kind}")
                    try:
                        cases.append(inject(doc, pivot, lang, kind, rng, by_corpus[doc.corpus]))
                        plan.placed[kind] += 1
                    except Unplaceable as why:
                        plan.unplaced[(kind, str(why))] += 1
                yield doc, pivot, cases


def write_cases(out: Path, docs: Sequence[Document], pivots: Sequence[str], seed: int, plan: Plan,
                rounds: int = 1) -> int:
    """Each faulted pair as a document folder (pivot and faulted edition) plus cases.jsonl."""
    lines = []
    for doc, pivot, cases in make_cases(docs, pivots, seed, plan, rounds):
        for case in cases:
            folder = out / case.corpus / f"{case.document}.{pivot}.{case.lang}.{case.kind}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{pivot}.txt").write_text("\n\n".join(doc.paragraphs[pivot]) + "\n", "utf-8")
            (folder / f"{case.lang}.txt").write_text("\n\n".join(case.edition) + "\n", "utf-8")
            record = asdict(case) | {"expect": case.expect, "folder": str(folder.relative_to(out))}
            del record["edition"]
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    (out / "cases.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--pivots", default="en,ru,de")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--split", choices=("dev", "report", "all"), default="report")
    parser.add_argument("--rounds", type=int, default=1, help="faulted cases per edition, document and pivot")
    parser.add_argument("--out", type=Path, default=None, help="write the faulted documents and cases.jsonl here")
    args = parser.parse_args(argv)
    root = args.corpus or shared_corpus()
    if not root.is_dir():
        print(f"inject: corpus folder {root} not found", file=sys.stderr)
        return 2
    docs = load_corpus(root, args.split)
    plan = Plan(args.seed)
    print(f"inject: {len(docs)} documents ({args.split} split) from {root}, seed {args.seed}, pivots {args.pivots}")
    if args.out:
        count = write_cases(args.out, docs, args.pivots.split(","), args.seed, plan, args.rounds)
        print(f"{count} faulted pairs written to {args.out}")
    else:
        for _ in make_cases(docs, args.pivots.split(","), args.seed, plan, args.rounds):
            pass
    print("\n".join(plan.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
