"""The reviewed list of genuine divergences in the messy corpora, and how findings meet it.

``benchmarks/data/genuine.jsonl`` holds one divergence a line: corpus, document,
the two editions, the paragraph (identity gold: the same number in both), the
kind (``number``, ``date``, ``omission``, ``addition``, ``name``), the words of both
editions that prove it and a one-line note. It describes the corpus, not a
tool: entries were decided by reading both editions, from candidates found by
a naive digit comparison of every paired paragraph as well as by the tool.

A finding is a true positive when an entry has the same document, edition
pair, paragraph and kind family (a wrong year may be reported as a number or a
date; a lost sentence as missing, extra or truncated). Everything else a tool
reports on an untouched messy document is a false alarm.

    python benchmarks/genuine.py candidates [CORPUS_ROOT] [--split all]   # naive digit candidates to review
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject import Document, load_corpus
from inject_text import FIGURE, YEAR, digits
from split import shared_corpus

GENUINE = Path(__file__).resolve().parent / "data" / "genuine.jsonl"
MESSY = ("wmt_dev", "wmt_dev_ruen")
FAMILY = {"number": "figure", "date": "figure", "omission": "content", "addition": "content", "name": "name",
          "number_mismatch": "figure", "date_mismatch": "figure", "missing": "content", "extra": "content",
          "truncated": "content", "name_mismatch": "name", "untranslated": "untranslated", "moved": "moved"}


@dataclass(frozen=True)
class Entry:
    """One reviewed divergence between two editions of a document."""

    id: str
    corpus: str
    document: str
    editions: tuple[str, str]
    paragraph: int
    kind: str
    words: dict[str, str]
    note: str


def load(path: Path = GENUINE) -> list[Entry]:
    """Entries in file order; ``id`` is corpus/document/¶paragraph/editions/kind."""
    entries = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            editions = tuple(sorted(raw["editions"]))
            entries.append(Entry(f"{raw['corpus']}/{raw['document']}/¶{raw['paragraph']}/{'-'.join(editions)}/"
                                 f"{raw['kind']}", raw["corpus"], raw["document"], (editions[0], editions[1]),
                                 int(raw["paragraph"]), raw["kind"], raw["words"], raw["note"]))
    return entries


class Index:
    """Entries looked up by document, paragraph and kind family."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.by_place: dict[tuple[str, str, int, str], list[Entry]] = {}
        for entry in self.entries:
            key = (entry.corpus, entry.document, entry.paragraph, FAMILY[entry.kind])
            self.by_place.setdefault(key, []).append(entry)

    def match(self, corpus: str, document: str, langs: tuple[str, ...], paragraphs: Iterable[int],
              kind: str) -> Entry | None:
        """The entry a finding of ``kind`` meets, or None.

        ``langs`` are the finding's two editions, or the pivot alone for a
        finding put on the pivot (every other edition disagreeing with it).
        """
        family = FAMILY.get(kind)
        for paragraph in sorted(set(paragraphs)):
            for entry in self.by_place.get((corpus, document, paragraph, family or ""), ()):
                if set(langs) <= set(entry.editions):
                    return entry
        return None

    def applicable(self, corpus: str, document: str, pivot: str, langs: Iterable[str]) -> list[Entry]:
        """Entries a run of these editions against this pivot can find."""
        wanted = {tuple(sorted((pivot, lang))) for lang in langs}
        return [e for e in self.entries if e.corpus == corpus and e.document == document and e.editions in wanted]


def figure_bag(text: str) -> Counter[str]:
    """Digit strings of a paragraph's figures (separators dropped), years apart."""
    return Counter(digits(m.group()) for m in FIGURE.finditer(text))


def candidates(docs: Iterable[Document]) -> Iterable[dict[str, object]]:
    """Every paired paragraph whose figures or years differ naively (to be decided by reading)."""
    for doc in docs:
        for a, b in combinations(doc.langs, 2):
            for k, (left, right) in enumerate(zip(doc.paragraphs[a], doc.paragraphs[b]), start=1):
                bag_a, bag_b = figure_bag(left), figure_bag(right)
                if bag_a != bag_b:
                    years = set(YEAR.findall(left)) ^ set(YEAR.findall(right))
                    yield {"corpus": doc.corpus, "document": doc.name, "editions": [a, b], "paragraph": k,
                           "only": {a: sorted((bag_a - bag_b).elements()), b: sorted((bag_b - bag_a).elements())},
                           "years": sorted(years), "text": {a: left, b: right}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("candidates", "list"))
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--split", choices=("dev", "report", "all"), default="all")
    args = parser.parse_args(argv)
    if args.command == "list":
        for entry in load():
            print(f"{entry.id}: {entry.note}")
        return 0
    root = args.corpus or shared_corpus()
    docs = load_corpus(root, args.split, MESSY)
    for candidate in candidates(docs):
        print(json.dumps(candidate, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
