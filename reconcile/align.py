"""Two sequences of units → beads: paragraphs of two editions, or sentences of linked paragraphs.

``align_pair`` aligns the content paragraphs of an edition against the pivot
and returns links; ``align_sentences`` aligns two lists of sentences and
returns ``Bead``s (0-based ranges, 1-1 up to 2-2, 1-3 and 3-1). Both run the
same DP (``dp.py``: a corridor around a coarse pass, linear in length) over
the same bead costs (``beadcost.py``: length, sentences, anchors, cognates
and, given an ``Embedder``, the semantic term). Given None, the semantic term
is absent and nothing else changes.

After the paragraph DP, small passes repair what lengths alone get wrong: an
unrelated paragraph taken out of a split or merge, unlinked neighbours that
share content linked, and paragraphs left unlinked far apart paired when they
agree: a paragraph that moved.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from . import locales
from .anchors import extract
from .beadcost import PRIORS, PairCosts, Side, group_vectors
from .dp import Corridor, Path, bead_costs, best_path, cheapest, is_small, split_blocks
from .keysets import Vocabulary
from .model import Alignment, Anchor, Bead, Edition, Link
from .similarity import (
    alignment_keys,
    cognate_keys,
    dice,
    length_delta,
    length_probability,
    strong_keys,
)
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


@dataclass(frozen=True, slots=True)
class _Unit:
    """What the repair passes and the link confidence need of one unit."""

    n: int
    text: str
    length: int
    sentences: int
    strong: frozenset[str]
    names: frozenset[str]
    cognates: frozenset[str]


def _unit(n: int, text: str, sentences: int, anchors: tuple[Anchor, ...]) -> _Unit:
    strong = strong_keys(anchors) if anchors else frozenset()
    names = alignment_keys(anchors) - strong if anchors else frozenset()
    return _Unit(n, text, len(text), sentences, strong, names, cognate_keys(text))


def _side(units: Sequence[_Unit], vocabulary: Vocabulary, left: bool,
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


def prior_ratio(pivot_lang: str, edition_lang: str, pivot: Sequence[_Unit], edition: Sequence[_Unit]) -> float:
    """Expected edition/pivot length ratio before looking at links.

    From typical text lengths of the two languages where known: the raw ratio
    of the two documents is biased by exactly what we look for (a dropped
    paragraph makes the edition look "short" and invites merges).
    """
    known = language_ratio(pivot_lang, edition_lang)
    if known is not None:
        return known
    return _clamped((sum(s.length for s in edition) or 1) / (sum(s.length for s in pivot) or 1))


def refine_ratio(prior: float, path: Path, pivot: Sequence[_Unit], edition: Sequence[_Unit]) -> float:
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
    edition. Large ones, or any with an embedder, go one by one.
    """
    left = _paragraph_units(pivot)
    rights = [_paragraph_units(e) for e in editions]
    priors = [prior_ratio(pivot.lang, e.lang, left, right) for e, right in zip(editions, rights)]
    if embedder is None and left and all(is_small(len(left), len(right)) for right in rights):
        paths, ratios = _together(left, rights, priors)
        return tuple(_alignment(pivot.lang, edition.lang, left, right, path, ratio)
                     for edition, right, path, ratio in zip(editions, rights, paths, ratios))
    alone = [_alone(left, right, prior, embedder) for right, prior in zip(rights, priors)]
    return tuple(_alignment(pivot.lang, edition.lang, left, right, path, ratio, distances)
                 for edition, right, (path, ratio, distances) in zip(editions, rights, alone))


def _paragraph_units(edition: Edition) -> list[_Unit]:
    return [_unit(p.n, plain(p.norm), max(1, len(p.sentences)), p.anchors) for p in edition.content]


def _refined(prior: float, path: Path, left: Sequence[_Unit], right: Sequence[_Unit]) -> float:
    """The ratio to run the DP with again: the refined one if it differs by more than 5 %."""
    refined = refine_ratio(prior, path, left, right)
    return refined if abs(math.log(refined / prior)) > 0.05 else prior


def _alone(left: list[_Unit], right: list[_Unit], prior: float,
           embedder: Embedder | None) -> tuple[Path, float, Distances | None]:
    vocabulary = Vocabulary()
    model = PairCosts(_side(left, vocabulary, True, _vectors(embedder, [u.text for u in left], False)),
                      _side(right, vocabulary, False, _vectors(embedder, [u.text for u in right], False)), prior)
    path = best_path(model)
    ratio = _refined(prior, path, left, right)
    path = best_path(replace(model, ratio=ratio), guide=path) if ratio != prior else path
    return path, ratio, (model.distances if embedder is not None else None)


def _together(left: list[_Unit], rights: list[list[_Unit]], priors: list[float]) -> tuple[list[Path], list[float]]:
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


def _alignment(pivot_lang: str, edition_lang: str, left: list[_Unit], right: list[_Unit], path: Path,
               ratio: float, distances: Distances | None = None) -> Alignment:
    """Links from a path, after the repair passes; moves found among what stays unlinked."""
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
    left = [_unit(k, text, 1, extract(text, pivot_lang)) for k, text in enumerate(pivot)]
    right = [_unit(k, text, 1, extract(text, edition_lang)) for k, text in enumerate(edition)]
    vocabulary = Vocabulary()
    length_ratio = language_ratio(pivot_lang, edition_lang) or ratio or 1.0
    model = PairCosts(_side(left, vocabulary, True, _vectors(embedder, list(pivot), True)),
                      _side(right, vocabulary, False, _vectors(embedder, list(edition), True)),
                      length_ratio, sentence_term=False, priors=SENTENCE_PRIORS)
    path = best_path(model)
    costs = bead_costs(model, path)
    return [Bead(i0, i1, j0, j1, round(float(cost), 3), _link(left[i0:i1], right[j0:j1], length_ratio).confidence)
            for (i0, j0, i1, j1), cost in zip(path, costs)]


def _link(left: Sequence[_Unit], right: Sequence[_Unit], ratio: float) -> Link:
    """A link with its confidence and evidence (the facts and names both sides share)."""
    if not left or not right:
        return Link(tuple(u.n for u in left), tuple(u.n for u in right), round(_skip_confidence(left or right), 2))
    if len(left) == len(right) == 1:
        (strong_l, names_l), (strong_r, names_r) = (left[0].strong, left[0].names), (right[0].strong, right[0].names)
    else:
        strong_l, strong_r = frozenset().union(*(u.strong for u in left)), frozenset().union(*(u.strong for u in right))
        names_l, names_r = frozenset().union(*(u.names for u in left)), frozenset().union(*(u.names for u in right))
    total = len(strong_l) + len(strong_r)
    agreement = 2 * len(strong_l & strong_r) / total if total else 0.0
    length_p = length_probability(length_delta(sum(u.length for u in left), sum(u.length for u in right), ratio))
    support = max(length_p, agreement) if total else length_p * 0.9
    confidence = 0.5 + 0.5 * support if len(left) == len(right) == 1 else 0.4 + 0.5 * support
    evidence = tuple(sorted((strong_l & strong_r) | (names_l & names_r)))
    return Link(tuple(u.n for u in left), tuple(u.n for u in right), round(confidence, 2), evidence)


def _skip_confidence(units: Sequence[_Unit]) -> float:
    """An unlinked paragraph is surer to be really missing the longer and richer it is."""
    unit = units[0]
    return min(0.99, 0.6 + 0.25 * min(1.0, unit.length / 150) + 0.05 * min(3, len(unit.strong) + len(unit.names)))


STRANGER_MIN_LENGTH = 60
MOVE_COGNATES = 0.25
MOVE_DISTANCE = 0.6
Distances = Callable[[list[int], list[int]], npt.NDArray[np.float64]]


def _evidence(a: _Unit, b: _Unit) -> int:
    return len(a.strong & b.strong) + len(a.names & b.names) + len(a.cognates & b.cognates)


def detach_strangers(path: Path, left: Sequence[_Unit], right: Sequence[_Unit], names_are_names: bool = True) -> Path:
    """Take out of a split or merge an outer paragraph that shares nothing with the other side.

    Lengths can add up by chance: an inserted paragraph next to a short one
    looks like a split, a dropped one next to a long one like a merge. A real
    split keeps names, figures and cognates in each part; an outer part of
    some length with none of them, while the rest has some, is a paragraph of
    its own (extra or missing). It must have something that could have
    matched: two or more facts or names (not in German, which capitalises
    every noun). Cognates alone are not enough: a short sentence can share
    none with its own translation.
    """
    out: Path = []
    for i0, j0, i1, j1 in path:
        if i1 - i0 == 1 and j1 - j0 > 1:
            one, parts, edition_side = left[i0], right[j0:j1], True
        elif j1 - j0 == 1 and i1 - i0 > 1:
            one, parts, edition_side = right[j0], left[i0:i1], False
        else:
            out.append((i0, j0, i1, j1))
            continue
        scores = [_evidence(one, part) for part in parts]
        beads = [(i0, j0, i1, j1)]
        for outer in (0, len(parts) - 1):
            part = parts[outer]
            rest = sum(scores) - scores[outer]
            could_match = len(part.strong) + (len(part.names) if names_are_names else 0) >= 2
            if scores[outer] == 0 and rest >= 2 and part.length >= STRANGER_MIN_LENGTH and could_match:
                if edition_side:
                    kept, stray = ((i0, j0 + 1, i1, j1), (i0, j0, i0, j0 + 1)) if outer == 0 else \
                        ((i0, j0, i1, j1 - 1), (i1, j1 - 1, i1, j1))
                else:
                    kept, stray = ((i0 + 1, j0, i1, j1), (i0, j0, i0 + 1, j0)) if outer == 0 else \
                        ((i0, j0, i1 - 1, j1), (i1 - 1, j1, i1, j1))
                beads = [stray, kept] if outer == 0 else [kept, stray]
                break
        out.extend(beads)
    return out


def rejoin_neighbours(path: Path, left: Sequence[_Unit], right: Sequence[_Unit], same_script: bool = True) -> Path:
    """Link a pivot paragraph and an edition paragraph left unlinked side by side, if they share content.

    A paragraph cut to half its length can cost the DP more as a link than as
    a deletion plus an insertion; but two unlinked neighbours that share names,
    figures or (in the same script) cognates are one paragraph, changed. The
    link lets diagnosis say what changed (truncated, a figure) instead of
    missing plus extra.
    """
    out: Path = []
    for bead in path:
        if out:
            a, b = out[-1], bead
            pivot_skip, edition_skip = (a, b) if a[2] > a[0] else (b, a)
            lone_pair = {(a[2] - a[0], a[3] - a[1]), (b[2] - b[0], b[3] - b[1])} == {(1, 0), (0, 1)}
            if lone_pair:
                p, e = left[pivot_skip[0]], right[edition_skip[1]]
                shared_facts = len((p.strong | p.names) & (e.strong | e.names))
                if shared_facts >= 1 or (same_script and len(p.cognates & e.cognates) >= 3):
                    out[-1] = (a[0], a[1], b[2], b[3])
                    continue
        out.append(bead)
    return out


def _move_score(p: _Unit, e: _Unit) -> float:
    """Content evidence that two unlinked paragraphs say the same (0: none worth a move)."""
    keys_p, keys_e = p.strong | p.names, e.strong | e.names
    score = dice(keys_p, keys_e) if len(keys_p & keys_e) >= 2 else 0.0
    if len(p.cognates & e.cognates) >= 3 and dice(p.cognates, e.cognates) >= MOVE_COGNATES:
        score = max(score, 0.6 + dice(p.cognates, e.cognates))
    return score


def _candidates(orphans: list[_Unit], strays: list[_Unit]) -> list[Counter[int]]:
    """For each orphan, the strays sharing any key with it (an inverted index: no orphan × stray loop)."""
    index: defaultdict[tuple[bool, str], list[int]] = defaultdict(list)
    for s, unit in enumerate(strays):
        for key in unit.strong | unit.names:
            index[(True, key)].append(s)
        for key in unit.cognates:
            index[(False, key)].append(s)
    out = []
    for unit in orphans:
        shared: Counter[int] = Counter()
        for key in unit.strong | unit.names:
            shared.update(index.get((True, key), ()))
        for key in unit.cognates:
            shared.update(index.get((False, key), ()))
        out.append(shared)
    return out


def find_moves(links: list[Link], left: Sequence[_Unit], right: Sequence[_Unit], ratio: float,
               distances: Distances | None = None) -> list[Link]:
    """Pair an unlinked pivot paragraph with an unlinked edition paragraph that says the same.

    Position says nothing here, so a move needs content evidence and plausible
    lengths: two or more shared anchors (facts or names) with most of each
    side's anchors shared, or three or more shared cognates with a Dice
    coefficient of ``MOVE_COGNATES`` or more (about the 97th percentile of
    unrelated en/fr paragraph pairs, far above ru/en), or, given embeddings
    (``distances``: Vecalign's normalised cosine distance, about 1 between
    unrelated paragraphs), a distance under ``MOVE_DISTANCE``.
    """
    at_left = {u.n: k for k, u in enumerate(left)}
    at_right = {u.n: k for k, u in enumerate(right)}
    orphans = [k for k, link in enumerate(links) if not link.edition]
    strays = [k for k, link in enumerate(links) if not link.pivot]
    orphan_units = [left[at_left[links[k].pivot[0]]] for k in orphans]
    stray_units = [right[at_right[links[s].edition[0]]] for s in strays]
    candidates = _candidates(orphan_units, stray_units)
    if distances is not None and orphans and strays:  # content: every stray is a candidate
        apart = distances([at_left[u.n] for u in orphan_units], [at_right[u.n] for u in stray_units])
        candidates = [Counter(range(len(strays))) for _ in orphans]
    used: set[int] = set()
    moved: dict[int, Link] = {}
    for row, (k, p, shared) in enumerate(zip(orphans, orphan_units, candidates)):
        best, best_score = None, 0.0
        for index in sorted(shared):
            s, e = strays[index], stray_units[index]
            if s in used or abs(s - k) < 2 or abs(length_delta(p.length, e.length, ratio)) > 3:
                continue
            score = _move_score(p, e)
            if distances is not None:
                score = max(score, 0.6 + MOVE_DISTANCE - float(apart[row, index]))
            if score > max(best_score, 0.6):
                best, best_score = s, score
        if best is not None:
            used.add(best)
            e = right[at_right[links[best].edition[0]]]
            moved[k] = Link((p.n,), (e.n,), round(min(0.95, 0.5 + best_score / 2), 2),
                            tuple(sorted((p.strong | p.names) & (e.strong | e.names))), moved=True)
    return [moved.get(k, link) for k, link in enumerate(links) if k not in used]
