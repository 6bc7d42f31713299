"""Pairwise alignments → one table across all editions (the pivot merge).

Every edition is aligned to the pivot; rows are the units of content those
alignments agree on, with a cell per edition, for ``check``'s JSON, the HTML
report and the TMX export.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Alignment, Edition, Finding, Link, Row


def build_rows(pivot: Edition, alignments: tuple[Alignment, ...]) -> tuple[Row, ...]:
    """All editions in one table: a row per unit of content, a cell per edition.

    Rows are runs of pivot paragraphs that no edition's link splits: if en
    links ru ¶5 to en ¶5+6 and de merges ru ¶5+6 into one, ru ¶5–6 is one
    row. An edition paragraph with no pivot counterpart gets a row of its own
    after the row of the paragraph before it. A row's confidence is its
    weakest link's.
    """
    drafts = [_Draft(members, {pivot.lang: members}) for members in _pivot_runs(pivot, alignments)]
    extras = _fill(drafts, alignments)
    langs = [pivot.lang] + [a.lang for a in alignments]
    out: list[Row] = []
    for k in range(-1, len(drafts)):
        if k >= 0:
            out.append(Row(tuple((lang, drafts[k].cells.get(lang, ())) for lang in langs), round(drafts[k].confidence, 2)))
        out += [Row(tuple((l, edition if l == lang else ()) for l in langs), confidence)
                for lang, edition, confidence in extras.get(k, ())]
    return tuple(out)


@dataclass(slots=True)
class _Draft:
    """A row while links are added: its pivot paragraphs, a cell per edition so far, its weakest link."""

    members: tuple[int, ...]
    cells: dict[str, tuple[int, ...]]
    confidence: float = 1.0

    def add(self, lang: str, link: Link) -> None:
        self.cells[lang] = tuple(sorted(set(self.cells.get(lang, ())) | set(link.edition)))
        self.confidence = min(self.confidence, link.confidence)


Extra = tuple[str, tuple[int, ...], float]  # an edition paragraph with no pivot counterpart: lang, numbers, confidence


def _pivot_runs(pivot: Edition, alignments: tuple[Alignment, ...]) -> list[tuple[int, ...]]:
    """Runs of pivot paragraphs no link splits (a union-find over the links' pivot sides), in order."""
    order = [p.n for p in pivot.content]
    parent = {n: n for n in order}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for alignment in alignments:
        for link in alignment.links:
            for a, b in zip(link.pivot, link.pivot[1:]):
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for n in order:
        groups.setdefault(root(n), []).append(n)
    return [tuple(members) for members in groups.values()]


def _fill(drafts: list[_Draft], alignments: tuple[Alignment, ...]) -> dict[int, list[Extra]]:
    """Every link into its row; the extras by the row they follow (-1: before the first)."""
    row_of = {n: k for k, draft in enumerate(drafts) for n in draft.members}
    extras: dict[int, list[Extra]] = {}
    for alignment in alignments:
        last_row = -1
        for link in alignment.links:
            if link.pivot:
                k = row_of[link.pivot[0]]
                drafts[k].add(alignment.lang, link)
                last_row = k if not link.moved else last_row
            else:
                extras.setdefault(last_row, []).append((alignment.lang, link.edition, link.confidence))
    return extras


def concerns(finding: Finding, row: Row, pivot: str) -> bool:
    """Is the finding about this row? Its pivot paragraphs, or, with none, its edition paragraphs."""
    if finding.pivot:
        return bool(set(finding.pivot) & set(row.cell(pivot)))
    return bool(finding.edition) and bool(set(finding.edition) & set(row.cell(finding.lang)))
