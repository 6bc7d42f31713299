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

import hashlib
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy as np

from .dp import Floats, Ints, Shape, bead_shapes
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
SEMANTIC_BY_SIZE = False
# Keys of a block grow with its size, and the keys two blocks share with its square: names and
# cognates are kept for blocks of up to 8 units; beyond, facts that few units state.
WORD_LEVELS = 3
FACT_SHARE = 0.01
# Between blocks of units a 2-2 is only two block boundaries that fall in different places.
COARSE_2_2 = 4.0
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
        self._table: tuple[Ints, Ints] | None = None
        self.gap = np.full(len(ids), BIG, dtype=np.int64)
        if not len(ids):
            self.unit = self.gap
            return
        self.unit = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64), np.diff(ptr))
        order = np.lexsort((self.unit, ids))  # by key, then unit
        same = ids[order][1:] == ids[order][:-1]
        self.gap[order[1:][same]] = (self.unit[order][1:] - self.unit[order][:-1])[same]

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

    @staticmethod
    def empty(size: int) -> Keys:
        return Keys(np.zeros(size + 1, dtype=np.int64), np.zeros(0, dtype=np.int64))

    def halved(self) -> Keys:
        """Units 2k and 2k + 1 joined: the keys of a side downsampled two to one."""
        return Keys.of(self.unit // 2, self.ids, (len(self) + 1) // 2)

    def group_counts(self, size: int, join: int) -> Ints:
        """Number of distinct keys of one join (see JOINS) of units g … g+size-1, for g = 0 … len - size."""
        count = max(len(self) - size + 1, 0)
        total = np.zeros(count, dtype=np.int64)
        mine = self.ids % len(JOINS) == join
        for offset in range(size):
            new = np.bincount(self.unit[mine & (self.gap > offset)], minlength=len(self))  # not in the units before
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

    def numbered(self, sets: Sequence[Collection[Hashable]]) -> tuple[Ints, Ints]:
        """Every (unit, key number) of a sequence of key sets."""
        numbers = self.numbers
        flat = list(chain.from_iterable(sets))
        for key in dict.fromkeys(flat):  # new keys numbered in order of first appearance
            numbers.setdefault(key, len(numbers))
        units = np.repeat(np.arange(len(sets), dtype=np.int64), [len(keys) for keys in sets])
        return units, np.fromiter(map(numbers.__getitem__, flat), dtype=np.int64, count=len(flat))

    def __len__(self) -> int:
        return len(self.numbers)


@dataclass(frozen=True, slots=True)
class Shared:
    """Pairs of a left unit u and a right unit v holding the same key, with that key's gaps on each side."""

    u: Ints
    v: Ints
    gap_u: Ints
    gap_v: Ints
    join: Ints  # which of JOINS the key belongs to


def shared(left: Keys, right: Keys, first: int, stop: int, v_lo: Ints, v_hi: Ints) -> Shared:
    """Every key shared by a left unit u in [first, stop) and a right unit in [v_lo[u - first], v_hi[u - first]].

    Each left key looks up, by binary search among the right side's sorted
    (key, unit) occurrences, the right units in its window that hold it; only
    shared keys are enumerated.
    """
    occurrences = slice(left.ptr[first], left.ptr[stop])
    keys, units = left.ids[occurrences], left.unit[occurrences]
    if not len(keys) or not len(right.ids):
        none = np.zeros(0, dtype=np.int64)
        return Shared(none, none, none, none, none)
    table, index = right.table()
    stride = len(right) + 1
    v_lo, v_hi = np.maximum(v_lo, 0), np.minimum(v_hi, len(right) - 1)  # within the key's own stretch of the table
    begin = np.searchsorted(table, keys * stride + v_lo[units - first], side="left")
    end = np.searchsorted(table, keys * stride + v_hi[units - first], side="right")
    hits = np.maximum(end - begin, 0)
    found = index[_ranges(begin, hits)]
    return Shared(np.repeat(units, hits), right.unit[found], np.repeat(left.gap[occurrences], hits), right.gap[found],
                  right.ids[found] % len(JOINS))


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
        self.consecutive = bool(len(self.rows)) and int(self.rows[-1] - self.rows[0]) == len(self.rows) - 1

    def position(self, i: Ints, j: Ints) -> Ints:
        """Index of cell (i, j) among the cells, or -1 if it is not one of them."""
        if not self.size:
            return np.full(len(i), -1)
        if self.consecutive:  # rows row0, row0 + 1, …: no search
            row = np.minimum(np.maximum(i - self.rows[0], 0), len(self.rows) - 1)
        else:
            row = np.minimum(np.searchsorted(self.rows, i), len(self.rows) - 1)  # the row, if it is one of them
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


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every linking bead that can end at a cell of a block: its cell, its shape, its groups' first units."""

    cell: Ints  # position among the block's cells
    shape: Ints  # index among the linking shapes
    a: Ints
    b: Ints
    g: Ints
    h: Ints

    @staticmethod
    def of(i: Ints, j: Ints, linking: Sequence[Shape], left: Ints | None, right: Ints | None) -> Candidates:
        """Beads that fit: room on both sides, and (with ``left``/``right``, each unit's segment) one segment."""
        a_of, b_of = np.array([a for a, _ in linking]), np.array([b for _, b in linking])
        fits = (i[:, None] >= a_of) & (j[:, None] >= b_of)
        if left is not None and right is not None:
            first, last = left[np.maximum(i[:, None] - a_of, 0)], left[np.maximum(i - 1, 0)][:, None]
            fits &= (first == last) & (right[np.maximum(j[:, None] - b_of, 0)] == last) & \
                (right[np.maximum(j - 1, 0)][:, None] == last)
        cell, shape = np.nonzero(fits)
        a, b = a_of[shape], b_of[shape]
        return Candidates(cell, shape, a, b, i[cell] - a, j[cell] - b)


def group_overlaps(pairs: Shared, candidates: Candidates, cells: Cells, linking: Sequence[Shape]) -> Ints:
    """``|keys(left units g … g+a-1) ∩ keys(right units h … h+b-1)|`` per candidate bead and join: (beads, JOINS).

    A shared key counts once: at the pair of its first units in the two
    groups, at offsets x < a and y < b where its gaps exceed them. So a pair
    (u, v) counts for the bead of shape (a, b) ending at (u - x + a, v - y + b)
    for every such offset; all shapes, offsets and joins are done in one pass.
    """
    if not len(pairs.u):
        return np.zeros((len(candidates.cell), len(JOINS)), dtype=np.int64)
    offsets = np.array([(k, a, b, x, y) for k, (a, b) in enumerate(linking) for x in range(a) for y in range(b)])
    shape, a, b, x, y = offsets.T
    # Most keys do not recur within a group's reach: every offset counts, no need to look (the first
    # part); the others count where their gaps allow (the second).
    plain = (pairs.gap_u > x.max()) & (pairs.gap_v > y.max())
    pair = np.concatenate([np.repeat(np.flatnonzero(plain), len(offsets)), np.flatnonzero(~plain)])
    offset = np.concatenate([np.tile(np.arange(len(offsets)), int(plain.sum())), np.zeros(int((~plain).sum()), int)])
    if (~plain).any():
        rest, some = np.nonzero((pairs.gap_u[~plain, None] > x) & (pairs.gap_v[~plain, None] > y))
        pair = np.concatenate([pair[: int(plain.sum()) * len(offsets)], np.flatnonzero(~plain)[rest]])
        offset = np.concatenate([offset[: int(plain.sum()) * len(offsets)], some])
    where = cells.position(pairs.u[pair] - x[offset] + a[offset], pairs.v[pair] - y[offset] + b[offset])
    inside = where >= 0
    slot = (where[inside] * len(linking) + shape[offset[inside]]) * len(JOINS) + pairs.join[pair[inside]]
    counts = np.bincount(slot, minlength=cells.size * len(linking) * len(JOINS))
    return counts.reshape(cells.size, len(linking), len(JOINS))[candidates.cell, candidates.shape]


# The key sets compared, one join each: (a left set, a right set). Facts both
# sides state; a fact of one side among all anchors of the other (what is not
# there is a fact stated on one side only); names; cognates. Every key of a side
# is numbered ``key * len(JOINS) + join`` for each join it takes part in, so one
# binary search over one table serves all five.
JOINS = (("strong", "strong"), ("strong", "anchors"), ("anchors", "strong"), ("names", "names"),
         ("cognates", "cognates"))
STRONG, STRONG_AMONG_ANCHORS, ANCHORS_WITH_STRONG, NAMES, COGNATES = range(len(JOINS))


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
            return padded.reshape(-1, 2).sum(axis=1)

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
    return vectors / np.maximum(norms, 1e-9)


def group_vectors(units: Floats, largest: int = 3) -> dict[int, Floats]:
    """Embeddings of groups of consecutive units as the normalised sum of theirs (no new embedding)."""
    out = {1: units}
    for size in range(2, largest + 1):
        count = max(len(units) - size + 1, 0)
        out[size] = _normalised(sum(units[d: d + count] for d in range(size))) if count else units[:0]
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
        keys = "all" if self.level < WORD_LEVELS else "facts"
        priors = {**self.priors, (2, 2): min(self.priors[(2, 2)], COARSE_2_2)}
        return PairCosts(self.left.halved(keys, self.level), self.right.halved(keys, self.level), ratio,
                         self.sentence_term, priors, self.shapes, self.level + 1)

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
        """Vecalign's cost: cosine distance over the groups' typical distance to unrelated units, times a·b."""
        distance = 1.0 - np.einsum("ij,ij->i", self.left.group_vectors(a, g), self.right.group_vectors(b, h))
        scale = self._norm("left", a, g) + self._norm("right", b, h)
        return (2.0 * distance / np.maximum(scale, 1e-6) - SEMANTIC_CENTRE) * (a * b if SEMANTIC_BY_SIZE else 1)

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
