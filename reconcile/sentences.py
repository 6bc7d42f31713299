"""Sentence alignment inside linked paragraphs (``align --level sentence``).

The paragraph alignment says which paragraphs say the same thing; inside
each link the sentences are aligned by the same DP (beads up to four
sentences a side, Vecalign's a + b ≤ 4), with the semantic signal when one
is loaded. A link with one sentence a side needs no DP. Work is linear in the
number of sentences: each link's DP runs over that link's sentences only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from .align import align_sentences
from .model import Alignment, Edition, Link, Paragraph, SentenceLink, SentenceRef

if TYPE_CHECKING:
    from .align import Embedder


Paragraphs = Mapping[int, Paragraph]  # an edition's paragraphs by number


def _units(paragraphs: Paragraphs, numbers: tuple[int, ...]) -> tuple[list[SentenceRef], list[str]]:
    """The sentences of the linked paragraphs, with where each stands."""
    refs: list[SentenceRef] = []
    texts: list[str] = []
    for n in numbers:
        for k, text in enumerate(paragraphs[n].numbered, start=1):
            refs.append((n, k))
            texts.append(text)
    return refs, texts


def link_sentences(pivot: Edition, edition: Edition, link: Link, ratio: float,
                   embedder: Embedder | None = None) -> tuple[SentenceLink, ...]:
    """The sentence beads of one link, as (paragraph n, 1-based sentence) references on each side.

    >>> from reconcile.model import Paragraph
    >>> de = Edition("de", "de.txt", "", (Paragraph(1, "", "", sentences=("Er kam am 9. Mai an.", "Es regnete.")),))
    >>> fr = Edition("fr", "fr.txt", "", (Paragraph(1, "", "", sentences=("Il est arrivé le 9 mai.", "Il pleuvait.")),))
    >>> [(s.pivot, s.edition) for s in link_sentences(de, fr, Link((1,), (1,), 1.0), 1.0)]
    [(((1, 1),), ((1, 1),)), (((1, 2),), ((1, 2),))]
    """
    return _link_beads((pivot.lang, edition.lang), _by_number(pivot), _by_number(edition), link, ratio, embedder)


def _by_number(edition: Edition) -> dict[int, Paragraph]:
    return {p.n: p for p in edition.paragraphs}


def _link_beads(langs: tuple[str, str], pivot: Paragraphs, edition: Paragraphs, link: Link, ratio: float,
                embedder: Embedder | None) -> tuple[SentenceLink, ...]:
    if not link.pivot or not link.edition:
        return ()
    (left, left_texts), (right, right_texts) = _units(pivot, link.pivot), _units(edition, link.edition)
    if len(left) == 1 and len(right) == 1:
        return (SentenceLink((left[0],), (right[0],), link.confidence),)
    beads = align_sentences(left_texts, right_texts, *langs, ratio, embedder)
    return tuple(SentenceLink(tuple(left[b.pivot_start:b.pivot_stop]), tuple(right[b.edition_start:b.edition_stop]),
                              b.confidence) for b in beads)


def with_sentences(pivot: Edition, edition: Edition, alignment: Alignment,
                   embedder: Embedder | None = None) -> Alignment:
    """The alignment with every link's sentence beads filled in."""
    langs, left, right = (pivot.lang, edition.lang), _by_number(pivot), _by_number(edition)
    links = tuple(replace(link, sentences=_link_beads(langs, left, right, link, alignment.length_ratio, embedder))
                  for link in alignment.links)
    return replace(alignment, links=links)
