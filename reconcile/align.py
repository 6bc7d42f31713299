"""Two sequences of units → beads: paragraphs of two editions, or sentences of linked paragraphs.

``align_pair`` aligns the content paragraphs of an edition against the pivot
and returns links; ``align_sentences`` aligns two lists of sentences and
returns ``Bead``s (0-based ranges, 1-1 up to 2-2, 1-3 and 3-1). Both run the
same DP (``dp.py``: a corridor around a coarse pass, linear in length) over
the same bead costs (``beadcost.py``: length, sentences, anchors, cognates
and, given an ``Embedder``, the semantic term). Given None, the semantic term
is absent and nothing else changes.

After the paragraph DP, small passes (``repair.py``) repair what lengths
alone get wrong: an unrelated paragraph taken out of a split or merge,
unlinked neighbours that share content linked, and paragraphs left unlinked
far apart paired when they agree: a paragraph that moved. A paragraph that
moved past neighbours of similar length, which lengths link in order one
place off, is taken out with its counterpart and the rest aligned again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from . import locales
from .anchors import extract
from .beadcost import PRIORS, SENTENCE_SEMANTIC_CENTRE, PairCosts, Side, group_vectors
from .dp import Corridor, Path, bead_costs, best_path, cheapest, is_small, split_blocks
from .keysets import Vocabulary
from .model import Alignment, Bead, Edition, Link
from .repair import (
    Distances,
    Unit,
    crossed,
    detach_strangers,
    find_moves,
    rejoin_neighbours,
    unit,
)
from .similarity import length_delta, length_probability
from .text import plain

# Sentences are merged, split and left out more often than paragraphs: about -log of
# each shape's share relative to 1-1 in Text+Berg's development document (0-1 1.8,
# 1-2 1.6, 2-1 2.0, 2-2 2.7, 1-3 3.3, 3-1 3.6), rounded, and chosen there by F1; the
# skips a little dearer (3.0 scores better on Text+Berg, but diagnosis then calls more
# faithful paragraphs truncated in the accuracy benchmark's dev side).
SENTENCE_PRIORS = {**PRIORS, (1, 0): 3.5, (0, 1): 3.5, (1, 2): 1.8, (2, 1): 1.8, (2, 2): 3.0, (1, 3): 3.5, (3, 1): 3.5}


class Embedder(Protocol):
    """What the semantic term needs (as ``reconcile.embed.Embedder``): unit-normalised float32 rows."""

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def _side(units: Sequence[Unit], vocabulary: Vocabulary, left: bool,
          vectors: dict[int, npt.NDArray[np.float64]] | None = None, segment: npt.NDArray[np.int64] | None = None) -> Side:
    return Side.of(np.array([u.length for u in units], dtype=np.float64),
                   np.array([u.sentences for u in units], dtype=np.float64),
                   {"strong": [u.strong for u in units], "names": [u.names for u in units],
                    "cognates": [u.cognates for u in units]}, vocabulary, left, vectors, segment)


def _vectors(embedder: Embedder | None, texts: Sequence[str], concatenations: bool) -> dict[int, npt.NDArray[np.float64]] | None:
    """Embeddings of every unit and of every run of 2 and 3 units (Vecalign's overlaps).

    With ``concatenations`` the runs are embedded as joined text (sentences:
    the model sees the merged sentence); otherwise a run is the normalised sum
    of its units' vectors (paragraphs: long texts, and three times fewer calls).
    """
    if embedder is None:
        return None
    units = np.asarray(embedder.embed(list(texts)), dtype=np.float64).reshape(len(texts), -1)
    if not concatenations:
        return group_vectors(units)
    out = {1: units}
    for size in (2, 3):
        runs = [" ".join(texts[g:g + size]) for g in range(len(texts) - size + 1)]
        out[size] = np.asarray(embedder.embed(runs), dtype=np.float64).reshape(len(runs), -1) if runs else units[:0]
    return out


def _clamped(ratio: float) -> float:
    return min(max(ratio, 0.25), 4.0)


def language_ratio(pivot_lang: str, edition_lang: str) -> float | None:
    """Typical edition/pivot length ratio of the two languages, or None if either is not known."""
    pivot_length, edition_length = locales.language(pivot_lang).length_vs_english, \
        locales.language(edition_lang).length_vs_english
    if pivot_length is not None and edition_length is not None:
        return edition_length / pivot_length
    return None


def prior_ratio(pivot_lang: str, edition_lang: str, pivot: Sequence[Unit], edition: Sequence[Unit]) -> float:
    """Expected edition/pivot length ratio before looking at links.

    From typical text lengths of the two languages where known: the raw ratio
    of the two documents is biased by exactly what we look for (a dropped
    paragraph makes the edition look "short" and invites merges).
    """
    known = language_ratio(pivot_lang, edition_lang)
    if known is not None:
        return known
    return _clamped((sum(s.length for s in edition) or 1) / (sum(s.length for s in pivot) or 1))


def refine_ratio(prior: float, path: Path, pivot: Sequence[Unit], edition: Sequence[Unit]) -> float:
    """The pair's own ratio from its 1-1 links, shrunk towards the prior for short documents."""
    ones = [(i0, j0) for i0, j0, i1, j1 in path if i1 - i0 == 1 and j1 - j0 == 1]
    if not ones:
        return prior
    pivot_total = sum(pivot[i].length for i, _ in ones) or 1
    edition_total = sum(edition[j].length for _, j in ones) or 1
    weight = len(ones) / (len(ones) + 3)
    observed = _clamped(edition_total / pivot_total)
    return math.exp(weight * math.log(observed) + (1 - weight) * math.log(prior))


def align_pair(pivot: Edition, edition: Edition, embedder: Embedder | None = None) -> Alignment:
    """Align the content paragraphs of an edition against the pivot.

    The DP runs with the languages' typical length ratio, then, in a corridor
    around its first path, with the ratio its own 1-1 links show, if that
    differs by more than 5 %.
    """
    return align_editions(pivot, [edition], embedder)[0]


def align_editions(pivot: Edition, editions: Sequence[Edition], embedder: Embedder | None = None) -> tuple[Alignment, ...]:
    """Every edition against the pivot, as ``align_pair`` does for each.

    Small documents are aligned all at once, in one DP over the pivot
    repeated once per edition (``Corridor.blocks``): the same paths, with
    numpy's fixed cost per call paid once per statement rather than once per
    edition. Large ones go one by one. Given an embedder, an edition left
    with unpaired paragraphs on both sides is aligned again with embeddings.
    """
    left = _paragraph_units(pivot)
    rights = [_paragraph_units(e) for e in editions]
    priors = [prior_ratio(pivot.lang, e.lang, left, right) for e, right in zip(editions, rights)]
    if left and all(rights) and all(is_small(len(left), len(right)) for right in rights):
        paths, ratios = _together(left, rights, priors)
        by_length = [_alignment(pivot.lang, edition.lang, left, right, path, ratio)
                 for edition, right, path, ratio in zip(editions, rights, paths, ratios)]
    else:
        by_length = [_alignment(pivot.lang, edition.lang, left, right, *_alone(left, right, prior, None))
                 for edition, right, prior in zip(editions, rights, priors)]
    doubtful = [embedder is not None and _unpaired_both_sides(alignment) for alignment in by_length]
    if not any(doubtful):
        return tuple(by_length)
    # The semantic signal only where lengths and anchors leave a doubt: an edition with both a
    # paragraph left without counterpart and one added (a move, or a paragraph replaced) is aligned
    # again with embeddings (the pivot's embedded once for all of them); a faithful edition costs no embedding.
    pivot_vectors = _vectors(embedder, [u.text for u in left], False)
    return tuple(_alignment(pivot.lang, edition.lang, left, right, *_alone(left, right, prior, embedder, pivot_vectors))
                 if doubt else alignment
                 for edition, right, prior, alignment, doubt in zip(editions, rights, priors, by_length, doubtful))


def _unpaired_both_sides(alignment: Alignment) -> bool:
    return any(link.pivot and not link.edition for link in alignment.links) and \
        any(link.edition and not link.pivot for link in alignment.links)


def _paragraph_units(edition: Edition) -> list[Unit]:
    return [unit(p.n, plain(p.norm), max(1, len(p.sentences)), p.anchors) for p in edition.content]


def _refined(prior: float, path: Path, left: Sequence[Unit], right: Sequence[Unit]) -> float:
    """The ratio to run the DP with again: the refined one if it differs by more than 5 %."""
    refined = refine_ratio(prior, path, left, right)
    return refined if abs(math.log(refined / prior)) > 0.05 else prior


def _alone(left: list[Unit], right: list[Unit], prior: float, embedder: Embedder | None,
           left_vectors: dict[int, npt.NDArray[np.float64]] | None = None) -> tuple[Path, float, Distances | None]:
    """One pair's path and ratio (and, given an embedder and the pivot's ``left_vectors``, its distances)."""
    vocabulary = Vocabulary()
    model = PairCosts(_side(left, vocabulary, True, left_vectors),
                      _side(right, vocabulary, False, _vectors(embedder, [u.text for u in right], False)), prior)
    path = best_path(model)
    ratio = _refined(prior, path, left, right)
    path = best_path(replace(model, ratio=ratio), guide=path) if ratio != prior else path
    return path, ratio, (model.distances if embedder is not None else None)


def _together(left: list[Unit], rights: list[list[Unit]], priors: list[float]) -> tuple[list[Path], list[float]]:
    """The paths of several small pairs with one pivot, from one DP over a block-diagonal corridor."""
    sizes = [(len(left), len(right)) for right in rights]
    vocabulary = Vocabulary()
    model = PairCosts(_side(left * len(rights), vocabulary, True, None, np.repeat(np.arange(len(rights)), len(left))),
                      _side([u for right in rights for u in right], vocabulary, False, None,
                            np.repeat(np.arange(len(rights)), [len(right) for right in rights])),
                      np.repeat(priors, [len(right) for right in rights]))
    corridor = Corridor.blocks(sizes)
    paths = split_blocks(cheapest(corridor, model), sizes)
    ratios = [_refined(prior, path, left, right) for prior, path, right in zip(priors, paths, rights)]
    if ratios != priors:
        model = replace(model, ratio=np.repeat(ratios, [len(right) for right in rights]))
        paths = split_blocks(cheapest(corridor, model), sizes)
    return paths, ratios


def _alignment(pivot_lang: str, edition_lang: str, left: list[Unit], right: list[Unit], path: Path,
               ratio: float, distances: Distances | None = None) -> Alignment:
    """Links from a path, after the repair passes; moves found among what stays unlinked."""
    moved = crossed(left, right, path) if distances is None else None
    if moved is not None:  # aligned again without the two, which are linked as a move
        i, j, link = moved
        rest = left[:i] + left[i + 1:], right[:j] + right[j + 1:]
        again = _alignment(pivot_lang, edition_lang, *rest, _alone(*rest, ratio, None)[0], ratio)
        at = next((k for k, x in enumerate(again.links) if x.pivot and x.pivot[0] > left[i].n), len(again.links))
        return replace(again, links=(*again.links[:at], link, *again.links[at:]))
    pivot_language, edition_language = locales.language(pivot_lang), locales.language(edition_lang)
    same_script = pivot_language.script == edition_language.script
    names_are_names = not (pivot_language.capitalised_nouns or edition_language.capitalised_nouns)
    path = rejoin_neighbours(detach_strangers(path, left, right, names_are_names), left, right, same_script)
    links = [_link(left[i0:i1], right[j0:j1], ratio) for i0, j0, i1, j1 in path]
    return Alignment(edition_lang, tuple(find_moves(links, left, right, ratio, distances)), round(ratio, 3))


def align_sentences(pivot: Sequence[str], edition: Sequence[str], pivot_lang: str, edition_lang: str,
                    ratio: float | None = None, embedder: Embedder | None = None) -> list[Bead]:
    """The sentences of two linked paragraphs (or two whole texts) → beads, by the same DP.

    Raw units: every sentence takes part, however short (a dateline, a
    title). Each unit is one sentence, so the sentence-count term is left out
    (a translator joining two sentences is a 2-1 bead, not a penalty). The
    length ratio is the languages' typical one where known, else ``ratio``:
    the document's own can be skewed by the very paragraph under suspicion.

    >>> beads = align_sentences(
    ...     ["Der Bergführer kam am 9. Mai 1988 in Vernier an.",
    ...      "Wir warteten drei lange Tage im strömenden Regen auf besseres Wetter in der Hütte.",
    ...      "Dann stiegen wir zum Gipfel."],
    ...     ["Le guide est arrivé à Vernier le 9 mai 1988.", "Puis nous sommes montés au sommet."], "de", "fr")
    >>> [(b.shape, b.pivot_start, b.edition_start) for b in beads]
    [((1, 1), 0, 0), ((1, 0), 1, 1), ((1, 1), 2, 1)]
    """
    left = [unit(k, text, 1, extract(text, pivot_lang)) for k, text in enumerate(pivot)]
    right = [unit(k, text, 1, extract(text, edition_lang)) for k, text in enumerate(edition)]
    vocabulary = Vocabulary()
    length_ratio = language_ratio(pivot_lang, edition_lang) or ratio or 1.0
    model = PairCosts(_side(left, vocabulary, True, _vectors(embedder, list(pivot), True)),
                      _side(right, vocabulary, False, _vectors(embedder, list(edition), True)),
                      length_ratio, sentence_term=False, priors=SENTENCE_PRIORS,
                      semantic_centre=SENTENCE_SEMANTIC_CENTRE)
    path = best_path(model)
    costs = bead_costs(model, path)
    return [Bead(i0, i1, j0, j1, round(float(cost), 3), _link(left[i0:i1], right[j0:j1], length_ratio).confidence)
            for (i0, j0, i1, j1), cost in zip(path, costs)]


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of units on one side of a bead: its paragraph numbers, length and keys."""

    numbers: tuple[int, ...]
    length: int
    strong: frozenset[str]
    names: frozenset[str]

    @staticmethod
    def of(units: Sequence[Unit]) -> _Run:
        if len(units) == 1:
            return _Run((units[0].n,), units[0].length, units[0].strong, units[0].names)
        return _Run(tuple(u.n for u in units), sum(u.length for u in units),
                    frozenset().union(*(u.strong for u in units)), frozenset().union(*(u.names for u in units)))


def _link(left: Sequence[Unit], right: Sequence[Unit], ratio: float) -> Link:
    """A link with its confidence and evidence (the facts and names both sides share)."""
    a, b = _Run.of(left), _Run.of(right)
    if not left or not right:
        return Link(a.numbers, b.numbers, round(_skip_confidence(left or right), 2))
    total = len(a.strong) + len(b.strong)
    agreement = 2 * len(a.strong & b.strong) / total if total else 0.0
    length_p = length_probability(length_delta(a.length, b.length, ratio))
    support = max(length_p, agreement) if total else length_p * 0.9
    base = 0.5 if len(left) == len(right) == 1 else 0.4  # a split or merge is less sure than a 1-1 link
    evidence = tuple(sorted((a.strong & b.strong) | (a.names & b.names)))
    return Link(a.numbers, b.numbers, round(base + 0.5 * support, 2), evidence)


def _skip_confidence(units: Sequence[Unit]) -> float:
    """An unlinked paragraph is surer to be really missing the longer and richer it is."""
    unit = units[0]
    return min(0.99, 0.6 + 0.25 * min(1.0, unit.length / 150) + 0.05 * min(3, len(unit.strong) + len(unit.names)))
