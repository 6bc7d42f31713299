"""Key sets as arrays: which units of two sides share which keys, counted for groups of units.

Every key (a fact, a name, a cognate) is a number; each side keeps its units'
keys in flat arrays (``Keys``), with, for every occurrence, the distance back to
the same key's previous unit. The pairs of a left and a right unit that share a
key within reach of the DP's corridor are enumerated by binary search among the
right side's sorted (key, unit) occurrences (``shared``), so the work is
proportional to the corridor's cells plus the keys actually shared; the
overlaps of groups of 2 or 3 consecutive units follow from those pairs and the
distances (``group_overlaps``), counting each key once, as sets.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .dp import Ints, Shape

# The key sets compared, one join each: (a left set, a right set). Facts both
# sides state; a fact of one side among all anchors of the other (what is not
# there is a fact stated on one side only); names; cognates. Every key of a side
# is numbered ``key * len(JOINS) + join`` for each join it takes part in, so one
# binary search over one table serves all five.
JOINS = (("strong", "strong"), ("strong", "anchors"), ("anchors", "strong"), ("names", "names"),
         ("cognates", "cognates"))
STRONG, STRONG_AMONG_ANCHORS, ANCHORS_WITH_STRONG, NAMES, COGNATES = range(len(JOINS))

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
