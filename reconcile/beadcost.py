"""Bead costs as arrays: the cost of every candidate bead of a block of DP cells at once.

A bead takes ``a`` consecutive pivot units and ``b`` consecutive edition
units. Its cost adds a prior for its shape, the Gale–Church length term (with
the pair's length ratio), the difference in sentence count, the agreement of
the anchors on both sides (facts shared lower it, facts stated on one side
only raise it), shared names, shared cognates (Simard et al.'s four-letter
prefixes) and, when an embedder is given, Vecalign's cosine term. Skipping a
unit (a 1-0 or 0-1 bead) has a flat cost: the DP compares it with the best
link the unit could have had. The key overlaps come from ``keysets.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .dp import Floats, Ints, Shape, bead_shapes
from .keysets import (
    ANCHORS_WITH_STRONG,
    COGNATES,
    JOINS,
    NAMES,
    STRONG,
    STRONG_AMONG_ANCHORS,
    Candidates,
    Cells,
    Keys,
    Vocabulary,
    group_overlaps,
    shared,
)
from .similarity import LENGTH_VARIANCE

# Prior cost of each bead shape between paragraphs: about -log of how often it occurs between
# faithful translations. A 2-2 (a paragraph boundary moved) is taken only when both 1-1 links
# would be badly off: cheaper, it swallowed truncated and moved paragraphs (accuracy
# benchmark, dev side).
PRIORS: dict[Shape, float] = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (1, 2): 2.3, (2, 1): 2.3,
                              (2, 2): 9.0, (1, 3): 4.0, (3, 1): 4.0}
SHAPES = bead_shapes(4)
MAX_LENGTH_COST = 5.0
# Translators keep sentence boundaries far more often than not: a sentence
# more or less on one side of a bead costs this much (a dropped paragraph
# glued to its neighbour as a "merge" has too few sentences).
SENTENCE_WEIGHT = 1.5
MAX_SENTENCE_COST = 3.0
# Each fact (figure, date, organisation) shared lowers the cost, each one-sided raises it.
ANCHOR_WEIGHT = 1.0
MAX_ANCHORS = 4
# Names shared by both sides lower the cost a little each, up to a cap.
NAME_BONUS = 0.5
MAX_NAME_BONUS = 1.5
# Shared cognates lower the cost; unrelated paragraphs share about COGNATE_CHANCE of them.
COGNATE_WEIGHT = 3.0
COGNATE_CHANCE = 0.08
# The semantic term: Vecalign's normalised cosine distance (about 1 for unrelated units), weighted.
SEMANTIC_WEIGHT = 6.0
SEMANTIC_CENTRE = 0.3
# Between sentences the centre is a little higher: every linked bead earns a little more, so two 1-1
# beads beat a 2-2 whose joined texts merely look alike (concatenations embed closer than their parts).
# Chosen on Text+Berg dev (strict F1 0.858 → 0.870, lax unchanged; 0.30–0.60 by 0.05, weights 4–12).
SENTENCE_SEMANTIC_CENTRE = 0.35
# Keys of a block grow with its size, and the keys two blocks share with its square: names and
# cognates are kept for blocks of up to 8 units; beyond, facts that few units state.
WORD_LEVELS = 3
# ... and only while a block holds at most this many key occurrences on average: the pairs of shared
# keys grow with the product of two blocks' keys (20 MB of 4 KB paragraphs took 1.9 GB with every key).
MAX_BLOCK_KEYS = 400
FACT_SHARE = 0.01
# Between blocks of units a 2-2 is only two block boundaries that fall in different places.
COARSE_2_2 = 4.0
SEMANTIC_SAMPLES = 64


@dataclass
class Side:
    """One side's units as arrays: lengths, sentence counts, key sets, optional embeddings."""

    length: Floats
    sentences: Floats
    keys: Keys  # numbered per join (see JOINS)
    vectors: dict[int, Floats] | None = None  # group size → (groups, dim) unit-normalised embeddings
    segment: Ints | None = None  # several alignments at once: the one each unit belongs to
    _tables: dict[str, Floats] = field(default_factory=dict)

    @staticmethod
    def of(length: Floats, sentences: Floats, sets: dict[str, Sequence[Collection[Hashable]]], vocabulary: Vocabulary,
           left: bool, vectors: dict[int, Floats] | None = None, segment: Ints | None = None) -> Side:
        """A side from each unit's ``strong``, ``names`` and ``cognates`` key sets (``left``: the pivot's side)."""
        numbered = {name: vocabulary.numbered(sets[name]) for name in ("strong", "names", "cognates")}
        numbered["anchors"] = (np.concatenate([numbered["strong"][0], numbered["names"][0]]),
                               np.concatenate([numbered["strong"][1], numbered["names"][1]]))
        parts = [(numbered[pair[0 if left else 1]], join) for join, pair in enumerate(JOINS)]
        units = np.concatenate([units for (units, _), _ in parts])
        ids = np.concatenate([ids * len(JOINS) + join for (_, ids), join in parts])
        return Side(length, sentences, Keys.of(units, ids, len(length)), vectors, segment)

    def __len__(self) -> int:
        return len(self.length)

    def grouped(self, name: str) -> Floats:
        """(4, len): entry [size, g] totals ``name`` over units g … g+size-1 (0 where the group runs out).

        Lengths and sentence counts are summed; facts (``strong``) and
        ``cognates`` are counted as sets (a key in two units counts once).
        """
        if name not in self._tables:
            table = np.zeros((4, len(self)))
            for size in range(1, 4):
                if name in ("strong", "cognates"):
                    totals = self.keys.group_counts(size, STRONG if name == "strong" else COGNATES)
                else:
                    cumulative = np.concatenate([[0.0], np.cumsum(getattr(self, name))])
                    totals = cumulative[size:] - cumulative[:-size]
                table[size, :len(totals)] = totals
            self._tables[name] = table
        return self._tables[name]

    def group_vectors(self, size: Ints, g: Ints) -> Floats:
        """The embedding of each group (units g … g+size-1)."""
        assert self.vectors is not None
        out = np.zeros((len(g), self.vectors[1].shape[1]))
        for k in np.unique(size):
            out[size == k] = self.vectors[int(k)][g[size == k]]
        return out

    def halved(self, keys: str, level: int = 0) -> Side:
        """Two units to one: lengths, sentences and keys joined, embeddings averaged.

        ``keys`` says which keys the halved side keeps: ``all``, ``facts``
        (names and cognates left out, facts standing in for all anchors) or
        ``none``. Names and cognates keep the first coarse passes on track
        (lengths and facts alone let the guide drift by more than the
        corridor's width on Text+Berg), and facts the later ones (lengths
        alone do not, on Text+Berg repeated); but the keys two blocks share
        grow with the square of their size, and a coarse pass over large
        blocks with every key would cost more than the fine one.
        """
        def pairs(values: Floats) -> Floats:
            padded = np.append(values, 0.0) if len(values) % 2 else values
            summed: Floats = padded.reshape(-1, 2).sum(axis=1)
            return summed

        vectors = None
        if self.vectors is not None:
            one = self.vectors[1]
            if len(one) % 2:
                one = np.vstack([one, np.zeros((1, one.shape[1]))])
            vectors = group_vectors(_normalised(one.reshape(-1, 2, one.shape[1]).sum(axis=1)))
        kept = self.keys
        if keys == "none":
            kept = Keys.empty(len(self))
        elif keys == "facts":
            # Facts that few units state: one in more than FACT_SHARE of the original units (a year
            # throughout a news text) says little about where a block goes and pairs it with every other.
            facts = kept.ids % len(JOINS) == STRONG
            spread = np.bincount(kept.ids[facts] // len(JOINS))[kept.ids[facts] // len(JOINS)]
            facts[facts] = spread <= max(1.0, FACT_SHARE * 2**level * len(self))
            joins = (STRONG, STRONG_AMONG_ANCHORS, ANCHORS_WITH_STRONG)
            kept = Keys.of(np.tile(kept.unit[facts], len(joins)),
                           np.concatenate([kept.ids[facts] - STRONG + join for join in joins]), len(self))
        return Side(pairs(self.length), pairs(self.sentences), kept.halved(), vectors)


def _normalised(vectors: Floats) -> Floats:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normalised: Floats = vectors / np.maximum(norms, 1e-9)
    return normalised


def group_vectors(units: Floats, largest: int = 3) -> dict[int, Floats]:
    """Embeddings of groups of consecutive units as the normalised sum of theirs (no new embedding)."""
    out = {1: units}
    for size in range(2, largest + 1):
        count = max(len(units) - size + 1, 0)
        out[size] = _normalised(np.sum([units[d: d + count] for d in range(size)], axis=0)) if count else units[:0]
    return out


@dataclass
class PairCosts:
    """The DP's cost model for two sides (``dp.CostModel``)."""

    left: Side
    right: Side
    ratio: float | Floats  # edition/pivot length ratio: one, or one per edition unit
    sentence_term: bool = True
    priors: dict[Shape, float] = field(default_factory=lambda: dict(PRIORS))
    shapes: tuple[Shape, ...] = SHAPES
    level: int = 0  # how many times both sides were halved
    semantic_centre: float = SEMANTIC_CENTRE
    _norms: dict[tuple[str, int], Floats] = field(default_factory=dict)
    _cache: dict[bytes, tuple[Candidates, Ints]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.left)

    @property
    def m(self) -> int:
        return len(self.right)

    def edition_skips(self) -> Floats:
        return np.full(self.m, self.priors[(0, 1)])

    def coarse(self) -> PairCosts:
        ratio = self.ratio[::2] if isinstance(self.ratio, np.ndarray) else self.ratio
        dense = max(len(side.keys.ids) / max(len(side), 1) for side in (self.left, self.right)) * 2 > MAX_BLOCK_KEYS
        keys = "all" if self.level < WORD_LEVELS and not dense else "facts"
        priors = {**self.priors, (2, 2): min(self.priors[(2, 2)], COARSE_2_2)}
        return PairCosts(self.left.halved(keys, self.level), self.right.halved(keys, self.level), ratio,
                         self.sentence_term, priors, self.shapes, self.level + 1, self.semantic_centre)

    def costs(self, i: Ints, j: Ints) -> Floats:
        """Every shape's cost at every cell of a block of rows (shapes but the last, (0, 1)).

        All linking shapes at once: one candidate per (cell, shape) that fits,
        one pass over the shared keys per pair of key sets.
        """
        linking = [shape for shape in self.shapes[:-1] if shape[1]]
        candidates, overlap = self._overlaps(i, j, linking)
        out = np.full((len(i), len(self.shapes) - 1), np.inf)
        columns = np.array([self.shapes.index(shape) for shape in linking])
        out[candidates.cell, columns[candidates.shape]] = self.linked(candidates, overlap)
        for s, (a, b) in enumerate(self.shapes[:-1]):
            if not b:
                out[i >= a, s] = self.priors[(a, b)]
        return out

    def _overlaps(self, i: Ints, j: Ints, linking: list[Shape]) -> tuple[Candidates, Ints]:
        """The candidates and their key overlaps, kept for the same cells (a rerun with another ratio)."""
        key = hashlib.blake2b(i.tobytes() + b"|" + j.tobytes(), digest_size=16).digest()
        if key not in self._cache:
            cells = Cells(i, j)
            candidates = Candidates.of(i, j, linking, self.left.segment, self.right.segment)
            first, stop, v_lo, v_hi = cells.windows(max(max(shape) for shape in linking))
            self._cache.clear()  # blocks follow one another: keep one
            found = shared(self.left.keys, self.right.keys, first, stop, v_lo, v_hi)
            self._cache[key] = candidates, group_overlaps(found, candidates, cells, linking)
        return self._cache[key]

    def linked(self, c: Candidates, overlap: Ints) -> Floats:
        """Cost of linking pivot units g … g+a-1 with edition units h … h+b-1, for every candidate."""
        left, right = self.left, self.right
        a, b, g, h = c.a, c.b, c.g, c.h
        source, target = left.grouped("length")[a, g], right.grouped("length")[b, h]
        ratio = self.ratio[h] if isinstance(self.ratio, np.ndarray) else self.ratio
        mean = np.maximum((source + target / ratio) / 2, 1.0)
        priors = np.array([self.priors[shape] for shape in zip(a.tolist(), b.tolist())]) if len(a) < 64 else \
            self._prior_table()[a, b]
        cost = priors + np.minimum((target - source * ratio) ** 2 / (mean * LENGTH_VARIANCE) / 2, MAX_LENGTH_COST)
        if self.sentence_term:
            gap = np.abs(left.grouped("sentences")[a, g] - right.grouped("sentences")[b, h])
            cost += np.minimum(SENTENCE_WEIGHT * gap, MAX_SENTENCE_COST) * np.where((a == 1) & (b == 1), 1, 2)
        lone = (left.grouped("strong")[a, g] - overlap[:, STRONG_AMONG_ANCHORS]
                + right.grouped("strong")[b, h] - overlap[:, ANCHORS_WITH_STRONG])
        cost -= ANCHOR_WEIGHT * (np.minimum(overlap[:, STRONG], MAX_ANCHORS) - np.minimum(lone, MAX_ANCHORS))
        cost -= np.minimum(overlap[:, NAMES] * NAME_BONUS, MAX_NAME_BONUS)
        cognates = left.grouped("cognates")[a, g] + right.grouped("cognates")[b, h]
        cost += COGNATE_WEIGHT * (COGNATE_CHANCE - 2 * overlap[:, COGNATES] / np.maximum(cognates, 1))
        if left.vectors is not None and right.vectors is not None:
            cost += SEMANTIC_WEIGHT * self._semantic(a, b, g, h)
        return cost

    def _prior_table(self) -> Floats:
        table = np.full((4, 4), np.inf)
        for (a, b), prior in self.priors.items():
            table[a, b] = prior
        return table

    def _semantic(self, a: Ints, b: Ints, g: Ints, h: Ints) -> Floats:
        """Vecalign's cost, centred: cosine distance over the groups' typical distance to unrelated units
        (without Vecalign's factor a·b, which lost on Text+Berg dev)."""
        distance: Floats = 1.0 - np.einsum("ij,ij->i", self.left.group_vectors(a, g), self.right.group_vectors(b, h))
        scale = self._norm("left", a, g) + self._norm("right", b, h)
        term: Floats = 2.0 * distance / np.maximum(scale, 1e-6) - self.semantic_centre
        return term

    def distances(self, g: list[int], h: list[int]) -> Floats:
        """The semantic term's distance between every pivot unit of ``g`` and every edition unit of ``h``."""
        assert self.left.vectors is not None and self.right.vectors is not None
        u, w = self.left.vectors[1][g], self.right.vectors[1][h]
        norms = (self._norm("left", np.ones(len(g), np.int64), np.array(g, np.int64))[:, None]
                 + self._norm("right", np.ones(len(h), np.int64), np.array(h, np.int64))[None, :])
        return 2.0 * (1.0 - u @ w.T) / np.maximum(norms, 1e-6)

    def _norm(self, side: str, size: Ints, g: Ints) -> Floats:
        """Mean cosine distance of each group to a fixed, evenly spaced sample of the other side's units."""
        mine, other = (self.left, self.right) if side == "left" else (self.right, self.left)
        assert mine.vectors is not None and other.vectors is not None
        out = np.ones(len(g))
        for k in np.unique(size).tolist():
            if (side, k) not in self._norms:
                units = other.vectors[1]
                sample = units[np.linspace(0, len(units) - 1, min(SEMANTIC_SAMPLES, len(units))).astype(int)]
                self._norms[(side, k)] = 1.0 - (mine.vectors[k] @ sample.T).mean(axis=1)
            out[size == k] = self._norms[(side, k)][g[size == k]]
        return out
