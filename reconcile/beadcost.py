"""Bead costs as arrays: the cost of every candidate bead of a block of DP cells at once.

A bead takes ``a`` consecutive pivot units and ``b`` consecutive edition
units. Its cost adds a prior for its shape, the Gale–Church length term (with
the pair's length ratio), the difference in sentence count, the agreement of
the anchors on both sides (facts shared lower it, facts stated on one side
only raise it), shared names, shared cognates (Simard et al.'s four-letter
prefixes) and, when an embedder is given, the Vecalign cosine term. Skipping
a unit (a 1-0 or 0-1 bead) has a flat cost: the DP compares it with the best
link the unit could have had.

Set overlaps are counted without a Python loop per cell: every key is a
number, each side's units (and groups of 2 or 3 consecutive units) hold
sorted key numbers in flat arrays, and the pairs of units that share a key
within the corridor are enumerated by binary search (``overlaps``), so the
work is proportional to the corridor's cells plus the keys actually shared.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from itertools import chain
from dataclasses import dataclass, field

import numpy as np

from .dp import Floats, Ints, Shape, bead_shapes
from .similarity import LENGTH_VARIANCE

# Prior cost of each bead shape: about -log of how often it occurs between faithful translations.
PRIORS: dict[Shape, float] = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (1, 2): 2.3, (2, 1): 2.3,
                              (2, 2): 4.0, (1, 3): 4.0, (3, 1): 4.0}
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
SEMANTIC_WEIGHT = 4.0
SEMANTIC_SAMPLES = 64


BIG = 1 << 40  # the gap of a key's first occurrence on its side


class Keys:
    """The key numbers of each unit of one side: unit u holds ``ids[ptr[u]:ptr[u + 1]]`` (a set).

    ``gap`` tells, for each occurrence, how many units back the same key
    last occurred on this side (``BIG`` if never). It makes the keys of a
    group of consecutive units countable without building the group's set: a
    key belongs to the union of units g … g+a-1 once, at the first of them
    that holds it, where its gap is larger than its offset in the group.
    """

    def __init__(self, ptr: Ints, ids: Ints) -> None:
        self.ptr, self.ids = ptr, ids
        self.unit = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64), np.diff(ptr))
        order = np.lexsort((self.unit, ids))  # by key, then unit
        same = ids[order][1:] == ids[order][:-1]
        self.gap = np.full(len(ids), BIG, dtype=np.int64)
        self.gap[order[1:][same]] = (self.unit[order][1:] - self.unit[order][:-1])[same]
        self._table: tuple[Ints, Ints] | None = None

    def __len__(self) -> int:
        return len(self.ptr) - 1

    @staticmethod
    def of(units: Ints, ids: Ints, size: int) -> Keys:
        """Keys from (unit, key) occurrences, duplicates removed."""
        order = np.lexsort((ids, units))
        units, ids = units[order], ids[order]
        keep = np.r_[True, (units[1:] != units[:-1]) | (ids[1:] != ids[:-1])] if len(ids) else np.zeros(0, bool)
        ptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(units[keep], minlength=size), out=ptr[1:])
        return Keys(ptr, ids[keep])

    def union(self, other: Keys) -> Keys:
        """Each unit's keys here and there."""
        return Keys.of(np.concatenate([self.unit, other.unit]), np.concatenate([self.ids, other.ids]), len(self))

    @staticmethod
    def empty(size: int) -> Keys:
        return Keys(np.zeros(size + 1, dtype=np.int64), np.zeros(0, dtype=np.int64))

    def halved(self) -> Keys:
        """Units 2k and 2k + 1 joined: the keys of a side downsampled two to one."""
        return Keys.of(self.unit // 2, self.ids, (len(self) + 1) // 2)

    def group_counts(self, size: int) -> Ints:
        """Number of distinct keys of units g … g+size-1, for g = 0 … len - size."""
        count = max(len(self) - size + 1, 0)
        total = np.zeros(count, dtype=np.int64)
        for offset in range(size):
            new = np.bincount(self.unit[self.gap > offset], minlength=len(self))  # not in the `offset` units before
            total += new[offset: offset + count]
        return total

    def table(self) -> tuple[Ints, Ints]:
        """Every occurrence as ``key * (len + 1) + unit``, sorted (for binary search), and its occurrence index."""
        if self._table is None:
            order = np.argsort(self.ids * (len(self) + 1) + self.unit, kind="stable")
            self._table = (self.ids * (len(self) + 1) + self.unit)[order], order
        return self._table


class Vocabulary:
    """Key → number, shared by both sides of a pair."""

    def __init__(self) -> None:
        self.numbers: dict[Hashable, int] = {}

    def keys(self, sets: Sequence[Collection[Hashable]]) -> Keys:
        numbers = self.numbers
        flat = list(chain.from_iterable(sets))
        for key in dict.fromkeys(flat):  # new keys numbered in order of first appearance
            numbers.setdefault(key, len(numbers))
        ptr = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum([len(keys) for keys in sets], out=ptr[1:])
        return Keys(ptr, np.fromiter(map(numbers.__getitem__, flat), dtype=np.int64, count=len(flat)))

    def __len__(self) -> int:
        return len(self.numbers)


@dataclass(frozen=True, slots=True)
class Shared:
    """Pairs of a left unit u and a right unit v holding the same key, with that key's gaps on each side."""

    u: Ints
    v: Ints
    gap_u: Ints
    gap_v: Ints


def shared(left: Keys, right: Keys, first: int, stop: int, v_lo: Ints, v_hi: Ints) -> Shared:
    """Every key shared by a left unit u in [first, stop) and a right unit in [v_lo[u - first], v_hi[u - first]].

    Each left key looks up, by binary search among the right side's sorted
    (key, unit) occurrences, the right units in its window that hold it; only
    shared keys are enumerated.
    """
    occurrences = slice(left.ptr[first], left.ptr[stop])
    keys, units = left.ids[occurrences], left.unit[occurrences]
    table, index = right.table()
    stride = len(right) + 1
    v_lo, v_hi = np.maximum(v_lo, 0), np.minimum(v_hi, len(right) - 1)  # within the key's own stretch of the table
    begin = np.searchsorted(table, keys * stride + v_lo[units - first], side="left")
    end = np.searchsorted(table, keys * stride + v_hi[units - first], side="right")
    hits = np.maximum(end - begin, 0)
    found = index[_ranges(begin, hits)]
    return Shared(np.repeat(units, hits), right.unit[found], np.repeat(left.gap[occurrences], hits), right.gap[found])


def _ranges(starts: Ints, counts: Ints) -> Ints:
    """Concatenated ranges ``starts[k] … starts[k] + counts[k] - 1``."""
    total = int(counts.sum())
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total, dtype=np.int64)


class Cells:
    """Positions of a set of DP cells given row by row (each row a run of increasing columns)."""

    def __init__(self, i: Ints, j: Ints) -> None:
        firsts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else np.zeros(0, np.int64)
        self.size = len(i)
        self.rows, self.first = i[firsts], firsts
        self.lo, self.hi = j[firsts], j[np.r_[firsts[1:], len(i)] - 1]

    def position(self, i: Ints, j: Ints) -> Ints:
        """Index of cell (i, j) among the cells, or -1 if it is not one of them."""
        if not self.size:
            return np.full(len(i), -1)
        row = np.minimum(np.searchsorted(self.rows, i), len(self.rows) - 1)
        inside = (self.rows[row] == i) & (j >= self.lo[row]) & (j <= self.hi[row])
        return np.where(inside, self.first[row] + j - self.lo[row], -1)

    def windows(self, reach: int) -> tuple[int, int, Ints, Ints]:
        """Left units that can take part in a bead ending at one of the cells, and the right units each can meet.

        A unit u is in groups ending in rows u+1 … u+reach; a bead ending in
        column j takes right units j-reach … j-1.
        """
        if not self.size:
            return 0, 0, np.zeros(0, np.int64), np.zeros(0, np.int64)
        first, stop = max(int(self.rows[0]) - reach, 0), int(self.rows[-1])
        units = np.arange(first, stop)
        below = np.minimum(np.searchsorted(self.rows, units + 1), len(self.rows) - 1)
        above = np.maximum(np.searchsorted(self.rows, units + reach, side="right") - 1, 0)
        return first, stop, self.lo[below] - reach, self.hi[above] - 1


def group_overlaps(pairs: Shared, a: int, b: int, cells: Cells) -> Ints:
    """``|keys(left units g … g+a-1) ∩ keys(right units h … h+b-1)|`` for the bead ending at each cell.

    A shared key counts once: at the pair of its first units in the two
    groups (offsets x and y, where its gaps exceed them).
    """
    out = np.zeros(cells.size, dtype=np.int64)
    for x in range(a):
        for y in range(b):
            keep = (pairs.gap_u > x) & (pairs.gap_v > y)
            where = cells.position(pairs.u[keep] - x + a, pairs.v[keep] - y + b)
            out += np.bincount(where[where >= 0], minlength=cells.size)
    return out


@dataclass
class Side:
    """One side's units as arrays: lengths, sentence counts, key sets, optional embeddings."""

    length: Floats
    sentences: Floats
    strong: Keys  # facts: figures, dates, organisations
    weak: Keys  # other alignment keys: names, number words
    anchors: Keys  # strong and weak together
    cognates: Keys
    vectors: dict[int, Floats] | None = None  # group size → (groups, dim) unit-normalised embeddings
    _counts: dict[tuple[str, int], Ints] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.length)

    def sums(self, name: str, size: int) -> Floats:
        """Sums of ``size`` consecutive lengths (or sentence counts): entry g covers units g … g+size-1."""
        if (name, size) not in self._counts:
            cumulative = np.concatenate([[0.0], np.cumsum(getattr(self, name))])
            self._counts[(name, size)] = cumulative[size:] - cumulative[:-size]
        return self._counts[(name, size)]

    def counts(self, name: str, size: int) -> Ints:
        """Number of distinct keys of each group of ``size`` consecutive units."""
        if (name, size) not in self._counts:
            self._counts[(name, size)] = getattr(self, name).group_counts(size)
        return self._counts[(name, size)]

    def halved(self) -> Side:
        """Two units to one: lengths, sentences and facts joined, embeddings averaged.

        Names and cognates are left out: a guide needs little more than
        lengths and facts (the fine pass has every signal, and widens where
        the guide was off), and the many names and cognates of a block of
        units would make the coarse pass cost more than the fine one.
        """
        def pairs(values: Floats) -> Floats:
            padded = np.append(values, 0.0) if len(values) % 2 else values
            return padded.reshape(-1, 2).sum(axis=1)

        vectors = None
        if self.vectors is not None:
            one = self.vectors[1]
            if len(one) % 2:
                one = np.vstack([one, np.zeros((1, one.shape[1]))])
            vectors = group_vectors(_normalised(one.reshape(-1, 2, one.shape[1]).sum(axis=1)))
        none, strong = Keys.empty((len(self) + 1) // 2), self.strong.halved()
        return Side(pairs(self.length), pairs(self.sentences), strong, none, strong, none, vectors)


def _normalised(vectors: Floats) -> Floats:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def group_vectors(units: Floats, largest: int = 3) -> dict[int, Floats]:
    """Embeddings of groups of consecutive units as the normalised sum of theirs (no new embedding)."""
    out = {1: units}
    for size in range(2, largest + 1):
        count = max(len(units) - size + 1, 0)
        out[size] = _normalised(sum(units[d: d + count] for d in range(size))) if count else units[:0]
    return out


# The key sets compared, as (left keys, right keys): facts both state, a fact of
# one side among all anchors of the other (for facts stated on one side only),
# names, cognates.
JOINS = (("strong", "strong"), ("strong", "anchors"), ("anchors", "strong"), ("weak", "weak"),
         ("cognates", "cognates"))


@dataclass
class PairCosts:
    """The DP's cost model for two sides (``dp.CostModel``)."""

    left: Side
    right: Side
    ratio: float
    sentence_term: bool = True
    shapes: tuple[Shape, ...] = SHAPES
    _norms: dict[tuple[str, int], Floats] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.left)

    @property
    def m(self) -> int:
        return len(self.right)

    def edition_skips(self) -> Floats:
        return np.full(self.m, PRIORS[(0, 1)])

    def coarse(self) -> PairCosts:
        return PairCosts(self.left.halved(), self.right.halved(), self.ratio, self.sentence_term, self.shapes)

    def costs(self, i: Ints, j: Ints) -> Floats:
        """Every shape's cost at every cell of a block of rows (shapes but the last, (0, 1))."""
        cells = Cells(i, j)
        reach = max(max(shape) for shape in self.shapes)
        first, stop, v_lo, v_hi = cells.windows(reach)
        pairs = {(x, y): shared(getattr(self.left, x), getattr(self.right, y), first, stop, v_lo, v_hi)
                 for x, y in JOINS}
        out = np.full((len(i), len(self.shapes) - 1), np.inf)
        for s, (a, b) in enumerate(self.shapes[:-1]):
            valid = (i >= a) & (j >= b)
            if b == 0:
                out[valid, s] = PRIORS[(a, b)]
            elif valid.any():
                overlap = {join: group_overlaps(found, a, b, cells)[valid] for join, found in pairs.items()}
                out[valid, s] = self.linked(a, b, i[valid] - a, j[valid] - b, overlap)
        return out

    def linked(self, a: int, b: int, g: Ints, h: Ints, overlap: dict[tuple[str, str], Ints]) -> Floats:
        """Cost of linking pivot units g … g+a-1 with edition units h … h+b-1, for every (g, h)."""
        left, right = self.left, self.right
        source, target = left.sums("length", a)[g], right.sums("length", b)[h]
        mean = np.maximum((source + target / self.ratio) / 2, 1.0)
        cost = PRIORS[(a, b)] + np.minimum((target - source * self.ratio) ** 2 / (mean * LENGTH_VARIANCE) / 2,
                                           MAX_LENGTH_COST)
        if self.sentence_term:
            gap = np.abs(left.sums("sentences", a)[g] - right.sums("sentences", b)[h])
            cost += np.minimum(SENTENCE_WEIGHT * gap, MAX_SENTENCE_COST) * (2 if (a, b) != (1, 1) else 1)
        lone = (left.counts("strong", a)[g] - overlap[("strong", "anchors")]
                + right.counts("strong", b)[h] - overlap[("anchors", "strong")])
        cost -= ANCHOR_WEIGHT * (np.minimum(overlap[("strong", "strong")], MAX_ANCHORS) - np.minimum(lone, MAX_ANCHORS))
        cost -= np.minimum(overlap[("weak", "weak")] * NAME_BONUS, MAX_NAME_BONUS)
        cognates = left.counts("cognates", a)[g] + right.counts("cognates", b)[h]
        cost += COGNATE_WEIGHT * (COGNATE_CHANCE - 2 * overlap[("cognates", "cognates")] / np.maximum(cognates, 1))
        if left.vectors is not None and right.vectors is not None:
            cost += SEMANTIC_WEIGHT * self._semantic(a, b, g, h)
        return cost

    def _semantic(self, a: int, b: int, g: Ints, h: Ints) -> Floats:
        """Vecalign's cost: cosine distance over the units' typical distance to unrelated units, times a·b."""
        assert self.left.vectors is not None and self.right.vectors is not None
        u, w = self.left.vectors[a][g], self.right.vectors[b][h]
        distance = 1.0 - np.einsum("ij,ij->i", u, w)
        scale = self._norm("left", a)[g] + self._norm("right", b)[h]
        return 2.0 * distance / np.maximum(scale, 1e-6) * a * b

    def _norm(self, side: str, size: int) -> Floats:
        """Mean cosine distance of each group to a fixed, evenly spaced sample of the other side's units."""
        if (side, size) not in self._norms:
            mine, other = (self.left, self.right) if side == "left" else (self.right, self.left)
            assert mine.vectors is not None and other.vectors is not None
            units = other.vectors[1]
            sample = units[np.linspace(0, len(units) - 1, min(SEMANTIC_SAMPLES, len(units))).astype(int)]
            self._norms[(side, size)] = 1.0 - (mine.vectors[size] @ sample.T).mean(axis=1) if len(sample) else \
                np.ones(len(mine.vectors[size]))
        return self._norms[(side, size)]
