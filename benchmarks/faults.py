"""Fault injection for the accuracy benchmark: what was changed is what must be found.

Each ``Case`` is one (pivot, edition) pair of one document, with the faulted
edition's paragraphs, the findings the change must produce and the gold
alignment. Faults are injected with a seeded ``random.Random`` so a run can be
repeated exactly.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.anchors import extract
from reconcile.ingest import normalise
from reconcile.segment import split_sentences

LANGS = ("ru", "en", "de", "es", "fr")
FAULTS = ("drop", "insert", "number", "date", "untranslated", "truncate", "drop_sentence", "move", "merge", "split",
          "none")
# Expected finding kind per fault; None: a faithful change that must raise no error.
EXPECTED_KIND = {"drop": "missing", "insert": "extra", "number": "number_mismatch", "date": "date_mismatch",
                 "untranslated": "untranslated", "truncate": "truncated", "drop_sentence": "truncated", "move": "moved",
                 "merge": None, "split": None, "none": None}


@dataclass(frozen=True)
class Document:
    corpus: str
    name: str
    paragraphs: dict[str, list[str]]


@dataclass
class Case:
    document: Document
    pivot: str
    lang: str
    fault: str
    edition: list[str]
    # (pivot paragraphs, edition paragraphs) of the expected finding, 1-based; empty for none.
    expected: tuple[tuple[int, ...], tuple[int, ...]] | None
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)


def load_corpus(root: Path, limit: int | None = None) -> list[Document]:
    """``<corpus>/<doc>/{lang}.txt`` with one paragraph per blank-line-separated block."""
    docs = []
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()):
        if all((folder / f"{lang}.txt").exists() for lang in LANGS):
            paragraphs = {lang: [b.strip() for b in (folder / f"{lang}.txt").read_text("utf-8").split("\n\n") if b.strip()]
                          for lang in LANGS}
            if len({len(v) for v in paragraphs.values()}) == 1:
                docs.append(Document(folder.parent.name, folder.name, paragraphs))
    return docs[:limit] if limit else docs


def identity(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (i,)) for i in range(1, n + 1)]


def _change_digit(text: str, lang: str, kinds: set[str], pivot_keys: set[str], rng: random.Random) -> str | None:
    """Change one digit of an anchor of the wanted kinds that the pivot paragraph also has."""
    norm = normalise(text)
    candidates = [a for a in extract(norm, lang) if a.strong and a.kind in kinds and a.key in pivot_keys
                  and a.surface in text and any(ch.isdigit() for ch in a.surface)]
    if not candidates:
        return None
    anchor = rng.choice(candidates)
    start = text.index(anchor.surface)
    digits = [i for i, ch in enumerate(anchor.surface) if ch.isdigit()]
    pos = rng.choice(digits)
    old = anchor.surface[pos]
    new = rng.choice([d for d in "0123456789" if d != old and not (pos == digits[0] and d == "0")])
    if anchor.kind == "date" and len(digits) <= 2 and pos == digits[0]:
        new = "1" if old != "1" else "2"  # keep a day a valid day
    surface = anchor.surface[:pos] + new + anchor.surface[pos + 1:]
    return text[:start] + surface + text[start + len(anchor.surface):]


def inject(doc: Document, pivot: str, lang: str, fault: str, rng: random.Random,
           others: list[Document]) -> Case | None:
    """Apply one fault to the ``lang`` edition; None if this document cannot take it."""
    ed = list(doc.paragraphs[lang])
    pv = doc.paragraphs[pivot]
    n = len(ed)
    gold = identity(n)
    k = rng.randrange(n)
    if fault == "none":
        return Case(doc, pivot, lang, fault, ed, None, gold)
    if fault == "drop":
        del ed[k]
        gold = [((i,), (i if i < k + 1 else i - 1,)) for i in range(1, n + 1) if i != k + 1]
        return Case(doc, pivot, lang, fault, ed, ((k + 1,), ()), gold)
    if fault == "insert":
        donor = rng.choice([d for d in others if d.name != doc.name])
        ed.insert(k, rng.choice(donor.paragraphs[lang]))
        gold = [((i,), (i if i < k + 1 else i + 1,)) for i in range(1, n + 1)]
        return Case(doc, pivot, lang, fault, ed, ((), (k + 1,)), gold)
    if fault in ("number", "date"):
        kinds = {"number", "percent"} if fault == "number" else {"date", "year"}
        for k in rng.sample(range(n), n):
            keys = {a.key for a in extract(normalise(pv[k]), pivot)}
            changed = _change_digit(ed[k], lang, kinds, keys, rng)
            if changed:
                ed[k] = changed
                return Case(doc, pivot, lang, fault, ed, ((k + 1,), (k + 1,)), gold)
        return None
    if fault == "untranslated":
        ed[k] = pv[k]
        return Case(doc, pivot, lang, fault, ed, ((k + 1,), (k + 1,)), gold)
    if fault == "truncate":
        k = max(range(n), key=lambda i: (len(ed[i]), -i)) if rng.random() < 0.5 else k
        words = ed[k].split()
        if len(words) < 8:
            return None
        ed[k] = " ".join(words[: len(words) // 2])
        return Case(doc, pivot, lang, fault, ed, ((k + 1,), (k + 1,)), gold)
    if fault == "drop_sentence":
        # One sentence, not the last, left out of a paragraph of three or more (the last would be a truncation).
        for k in rng.sample(range(n), n):
            sentences = split_sentences(ed[k], lang)
            if len(sentences) >= 3:
                gone = rng.randrange(len(sentences) - 1)
                ed[k] = " ".join(s for i, s in enumerate(sentences) if i != gone)
                return Case(doc, pivot, lang, fault, ed, ((k + 1,), (k + 1,)), gold)
        return None
    if fault == "move":
        if n < 4:
            return None
        k = rng.randrange(n - 3)
        target = rng.randrange(k + 3, n + 1)  # at least two places further down
        paragraph = ed.pop(k)
        ed.insert(target - 1, paragraph)
        order = list(range(1, n + 1))
        moved = order.pop(k)
        order.insert(target - 1, moved)
        position = {orig: pos for pos, orig in enumerate(order, start=1)}
        gold = [((i,), (position[i],)) for i in range(1, n + 1)]
        return Case(doc, pivot, lang, fault, ed, ((k + 1,), (position[k + 1],)), gold)
    if fault == "merge":
        # Editors merge body paragraphs, not a headline into the text: the first
        # of the two must end a sentence.
        joinable = [i for i in range(n - 1) if re.search(r"[.!?…\"»”)]$", ed[i])]
        if not joinable:
            return None
        k = rng.choice(joinable)
        ed[k: k + 2] = [ed[k] + " " + ed[k + 1]]
        gold = [((i,), (i,)) for i in range(1, k + 1)] + [((k + 1, k + 2), (k + 1,))] + \
               [((i,), (i - 1,)) for i in range(k + 3, n + 1)]
        return Case(doc, pivot, lang, fault, ed, ((k + 1, k + 2), (k + 1,)), gold)
    if fault == "split":
        for k in rng.sample(range(n), n):
            sentences = split_sentences(ed[k], lang)
            if len(sentences) >= 2:
                cut = len(sentences) // 2
                ed[k: k + 1] = [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
                gold = [((i,), (i,)) for i in range(1, k + 1)] + [((k + 1,), (k + 1, k + 2))] + \
                       [((i,), (i + 1,)) for i in range(k + 2, n + 1)]
                return Case(doc, pivot, lang, fault, ed, ((k + 1,), (k + 1, k + 2)), gold)
        return None
    raise ValueError(fault)


def make_cases(docs: list[Document], pivot: str, seed: int) -> list[Case]:
    """One fault per document (cycling through the fault types), on a random non-pivot edition;
    the other editions of the document are untouched cases."""
    rng = random.Random(seed)
    cases = []
    for number, doc in enumerate(docs):
        langs = [l for l in LANGS if l != pivot]
        faulted = rng.choice(langs)
        for offset in range(len(FAULTS)):
            fault = FAULTS[(number + offset) % len(FAULTS)]
            case = inject(doc, pivot, faulted, fault, rng, docs)
            if case:
                break
        cases.append(case)
        for lang in langs:
            if lang != faulted:
                cases.append(Case(doc, pivot, lang, "none", list(doc.paragraphs[lang]), None,
                                  identity(len(doc.paragraphs[lang]))))
    return cases
