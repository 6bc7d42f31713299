"""Sentence alignment inside linked paragraphs (``align --level sentence``).

The paragraph alignment says which paragraphs say the same thing; inside
each link the sentences are aligned by the same DP (beads up to four
sentences a side, Vecalign's a + b ≤ 4), with the semantic signal when one
is loaded. A link with one sentence a side needs no DP. Work is linear in the
number of sentences: each link's DP runs over that link's sentences only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .align import align_sentences
from .model import Alignment, Edition, Link, SentenceLink

if TYPE_CHECKING:
    from .align import Embedder


def _refs(paragraphs: list[tuple[int, int]], start: int, stop: int) -> tuple[tuple[int, int], ...]:
    return tuple(paragraphs[k] for k in range(start, stop))


def link_sentences(pivot: Edition, edition: Edition, link: Link, ratio: float,
                   embedder: Embedder | None = None) -> tuple[SentenceLink, ...]:
    """The sentence beads of one link, as (paragraph n, 1-based sentence) references on each side.

    >>> from reconcile.model import Paragraph
    >>> de = Edition("de", "de.txt", "", (Paragraph(1, "", "", sentences=("Er kam am 9. Mai an.", "Es regnete.")),))
    >>> fr = Edition("fr", "fr.txt", "", (Paragraph(1, "", "", sentences=("Il est arrivé le 9 mai.", "Il pleuvait.")),))
    >>> [(s.pivot, s.edition) for s in link_sentences(de, fr, Link((1,), (1,), 1.0), 1.0)]
    [(((1, 1),), ((1, 1),)), (((1, 2),), ((1, 2),))]
    """
    if not link.pivot or not link.edition:
        return ()
    sides = []
    for ed, numbers in ((pivot, link.pivot), (edition, link.edition)):
        by_n = {p.n: p for p in ed.paragraphs}
        units = [(n, k + 1, text) for n in numbers for k, text in enumerate(by_n[n].sentences or (by_n[n].text,))]
        sides.append(units)
    left, right = sides
    if len(left) == 1 and len(right) == 1:
        return (SentenceLink(((left[0][0], left[0][1]),), ((right[0][0], right[0][1]),), link.confidence),)
    beads = align_sentences([u[2] for u in left], [u[2] for u in right], pivot.lang, edition.lang, ratio, embedder)
    left_refs = [(n, k) for n, k, _ in left]
    right_refs = [(n, k) for n, k, _ in right]
    return tuple(SentenceLink(_refs(left_refs, b.pivot_start, b.pivot_stop), _refs(right_refs, b.edition_start,
                                                                                   b.edition_stop), b.confidence)
                 for b in beads)


def with_sentences(pivot: Edition, edition: Edition, alignment: Alignment,
                   embedder: Embedder | None = None) -> Alignment:
    """The alignment with every link's sentence beads filled in."""
    links = tuple(replace(link, sentences=link_sentences(pivot, edition, link, alignment.length_ratio, embedder))
                  for link in alignment.links)
    return replace(alignment, links=links)
