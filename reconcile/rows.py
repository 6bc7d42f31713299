"""Pairwise alignments → one table across all editions (the pivot merge).

Every edition is aligned to the pivot; rows are the units of content those
alignments agree on, with a cell per edition, for ``check``'s JSON, the HTML
report and the TMX export.
"""

from __future__ import annotations

from .model import Alignment, Edition, Finding, Row


def build_rows(pivot: Edition, alignments: tuple[Alignment, ...]) -> tuple[Row, ...]:
    """All editions in one table: a row per unit of content, a cell per edition.

    Rows are runs of pivot paragraphs that no edition's link splits: if en
    links ru ¶5 to en ¶5+6 and de merges ru ¶5+6 into one, ru ¶5–6 is one
    row. An edition paragraph with no pivot counterpart gets a row of its own
    after the row of the paragraph before it. A row's confidence is its
    weakest link's.
    """
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
    rows = [[tuple(members), {pivot.lang: tuple(members)}, 1.0] for members in groups.values()]
    row_of = {n: k for k, row in enumerate(rows) for n in row[0]}
    extras: dict[int, list[tuple[str, tuple[int, ...], float]]] = {}
    for alignment in alignments:
        last_row = -1
        for link in alignment.links:
            if link.pivot:
                k = row_of[link.pivot[0]]
                cells = rows[k][1]
                cells[alignment.lang] = tuple(sorted(set(cells.get(alignment.lang, ())) | set(link.edition)))
                rows[k][2] = min(rows[k][2], link.confidence)
                last_row = k if not link.moved else last_row
            else:
                extras.setdefault(last_row, []).append((alignment.lang, link.edition, link.confidence))
    langs = [pivot.lang] + [a.lang for a in alignments]
    out: list[Row] = []
    for k in range(-1, len(rows)):
        if k >= 0:
            cells = rows[k][1]
            out.append(Row(tuple((lang, cells.get(lang, ())) for lang in langs), round(rows[k][2], 2)))
        for lang, edition, confidence in extras.get(k, ()):
            out.append(Row(tuple((l, edition if l == lang else ()) for l in langs), confidence))
    return tuple(out)


def concerns(finding: Finding, row: Row, pivot: str) -> bool:
    """Is the finding about this row? Its pivot paragraphs, or, with none, its edition paragraphs."""
    if finding.pivot:
        return bool(set(finding.pivot) & set(row.cell(pivot)))
    return bool(finding.edition) and bool(set(finding.edition) & set(row.cell(finding.lang)))
