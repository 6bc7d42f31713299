"""The fixed split of every corpus into a development set and a report set.

Rules are tuned on the development documents only; headline figures are
reported on the report documents only. A document's side is decided by a
hash of its corpus and folder name, so the split never changes when a
corpus grows, needs no list kept in sync, and is the same in every run:

    python benchmarks/split.py            # print how many documents fall on each side

Text+Berg (sentence-alignment gold) has its own split: ``dev.*`` is the
development document, ``test0`` … ``test6`` are the report set (the seven
documents every published aligner reports on).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Literal

Side = Literal["dev", "report"]
SALT = "reconcile-split-v1"
REPORT_SHARE = 0.5  # half the documents of each corpus are held out for reporting


def side(corpus: str, document: str) -> Side:
    """``dev`` or ``report`` for a document of a corpus.

    >>> side("wmt_dev", "newstest2010_0001") in ("dev", "report")
    True
    """
    digest = hashlib.sha256(f"{SALT}/{corpus}/{document}".encode()).digest()
    return "report" if int.from_bytes(digest[:8], "big") / 2**64 < REPORT_SHARE else "dev"


def shared_corpus() -> Path:
    """``shared/corpus`` beside the repository or any folder above it (worktrees live deeper)."""
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


TEXTBERG_DEV = ("dev",)
TEXTBERG_REPORT = tuple(f"test{k}" for k in range(7))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else shared_corpus()
    if not root.is_dir():
        print(f"split: corpus folder {root} not found", file=sys.stderr)
        return 2
    print("corpus | dev | report")
    for corpus in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = [d.name for d in corpus.iterdir() if d.is_dir()]
        report = sum(side(corpus.name, d) == "report" for d in docs)
        print(f"{corpus.name} | {len(docs) - report} | {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
