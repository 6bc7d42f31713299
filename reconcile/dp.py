"""The dynamic-programming kernel: bead shapes as data, a corridor of cells, fill and traceback.

A node (i, j) stands for "the first i pivot units and the first j edition
units are aligned"; a bead of shape (a, b) leads from node (i - a, j - b) to
node (i, j), and the cheapest path from (0, 0) to (n, m) is the alignment.

Only a corridor of nodes is filled: the columns ``lo[i] … hi[i]`` of each
row i. It comes from a coarse pass, as in Vecalign (Thompson & Koehn 2019):
both sides are downsampled two units to one, aligned recursively, and the
coarse path, projected back, is widened by ``width`` nodes on every side. If
the best path touches the corridor's edge, the corridor may have cut the true
optimum off: the width is doubled and that level run again.

Complexity: each level fills O((n + m) · w) cells for a corridor width w (a
small constant unless widening kicks in) and the levels halve in size, so
time and memory are O((n + m) · w): linear in the documents' length, whatever
the difference of their lengths. Memory is one float64 (cumulative cost) and
one byte (back-pointer: the shape's index in ``shapes``) per cell, plus the
bead costs of one block of at most ``BLOCK_CELLS`` cells at a time. Bead costs are computed for a whole
block at once (numpy), the fill runs row by row over whole rows, and
the traceback reads the back-pointers alone.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

Shape = tuple[int, int]
Path = list[tuple[int, int, int, int]]  # beads as (i0, j0, i1, j1): pivot [i0, i1), edition [j0, j1)
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

EDITION_SKIP: Shape = (0, 1)
# Costs are rounded to multiples of 2⁻²⁰: sums of them are then exact in float64, so a tie is a
# tie whatever the order of the additions (the same path from a corridor as from the whole matrix).
GRID = 2.0**20
UNSET = 255  # back-pointer of the origin (and of unreachable cells)
# Cells whose bead costs are held at once. Bounded in cells, not rows: at a coarse level a row can be
# the whole matrix wide and its units hundreds of sentences long, and the keys such rows share (what
# the costs are made of) grow with the block's cells times the keys of each unit.
BLOCK_CELLS = 1 << 12
FULL_BELOW = 40_000  # align without a coarse pass when (n + 1) · (m + 1) is below this
WIDTH = 6


def bead_shapes(largest: int) -> tuple[Shape, ...]:
    """Every shape (a, b) with a, b ≥ 1 and a + b ≤ largest, then the skips (1, 0) and (0, 1).

    The back-pointer of a cell is the index of its shape in this tuple, so
    the order is part of the kernel's contract: (0, 1) comes last.

    >>> bead_shapes(4)
    ((1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (1, 0), (0, 1))
    """
    linked = [(a, b) for a in range(1, largest) for b in range(1, largest) if a + b <= largest]
    return (*linked, (1, 0), EDITION_SKIP)


@dataclass(frozen=True, slots=True)
class Corridor:
    """Columns ``lo[i] … hi[i]`` (inclusive) of every row i = 0 … n.

    Cell (i, j) is stored at flat index ``start[i] + j - lo[i]``;
    ``start[n + 1]`` is the number of cells.
    """

    lo: Ints
    hi: Ints
    start: Ints

    @staticmethod
    def of(lo: Ints, hi: Ints) -> Corridor:
        start = np.zeros(len(lo) + 1, dtype=np.int64)
        np.cumsum(hi - lo + 1, out=start[1:])
        return Corridor(lo, hi, start)

    @staticmethod
    def full(n: int, m: int) -> Corridor:
        return Corridor.of(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @staticmethod
    def blocks(sizes: list[tuple[int, int]]) -> Corridor:
        """Several whole matrices end to end, the end node of one the origin of the next: many alignments in one DP.

        Rows and columns of block k follow those of block k - 1; the row where
        one block ends and the next begins holds the columns of both (bead
        costs must keep a bead inside one block).
        """
        rows = np.cumsum([0] + [n for n, _ in sizes])
        cols = np.cumsum([0] + [m for _, m in sizes])
        block = np.searchsorted(rows, np.arange(rows[-1] + 1), side="right") - 1  # the block a row starts
        block = np.minimum(block, len(sizes) - 1)
        lo, hi = cols[block], cols[block + 1]
        boundary = rows[1:-1]
        lo[boundary] = cols[:-2]  # a shared row also ends the block before
        return Corridor.of(lo.astype(np.int64), hi.astype(np.int64))

    @staticmethod
    def around(path: Path, n: int, m: int, width: int) -> Corridor:
        """The nodes within ``width`` of the rectangles the path's beads span (rows and columns)."""
        xs = np.array([i0 for i0, _, _, _ in path] + [n], dtype=np.int64)
        ys = np.array([j0 for _, j0, _, _ in path] + [m], dtype=np.int64)
        rows = np.arange(n + 1)
        before = np.searchsorted(xs, np.maximum(rows - width, 0), side="left") - 1  # last node above the row
        after = np.searchsorted(xs, np.minimum(rows + width, n), side="right")  # first node below it
        lo = np.where(before >= 0, ys[np.maximum(before, 0)], 0) - width
        hi = np.where(after < len(xs), ys[np.minimum(after, len(xs) - 1)], m) + width
        lo, hi = np.clip(lo, 0, m), np.clip(hi, 0, m)
        lo[0], hi[n] = 0, m  # the origin and the end are always inside
        return Corridor.of(lo, hi)

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    @property
    def cells(self) -> int:
        return int(self.start[-1])

    def blocks_of(self, cells: int) -> Iterator[tuple[int, int]]:
        """Row ranges [first, stop) from row 1 on, each of at most ``cells`` cells (or a single row)."""
        first, n = 1, self.n
        while first <= n:
            stop = int(np.searchsorted(self.start, self.start[first] + cells, side="right")) - 1
            stop = min(max(stop, first + 1), n + 1)
            yield first, stop
            first = stop

    def is_full(self, m: int) -> bool:
        return bool((self.lo == 0).all() and (self.hi == m).all())

    def rows(self, first: int, stop: int) -> tuple[Ints, Ints]:
        """Row and column of every cell of rows [first, stop), in storage order."""
        widths = self.hi[first:stop] - self.lo[first:stop] + 1
        i = np.repeat(np.arange(first, stop, dtype=np.int64), widths)
        j = np.arange(self.start[first], self.start[stop], dtype=np.int64) - np.repeat(
            self.start[first:stop] - self.lo[first:stop], widths)
        return i, j

    def flat(self, i: Ints, j: Ints, outside: int) -> Ints:
        """Flat index of cells (i, j) (arrays of any shape); ``outside`` where the cell is not in the corridor."""
        row = np.minimum(np.maximum(i, 0), self.n)
        inside = (i >= 0) & (i <= self.n) & (j >= self.lo[row]) & (j <= self.hi[row])
        return np.where(inside, self.start[row] + j - self.lo[row], outside)

    def touches(self, path: Path, m: int) -> bool:
        """Whether a node of the path lies on an edge of the corridor that is not the matrix's edge."""
        return any((j == self.lo[i] and j > 0) or (j == self.hi[i] and j < m) for _, _, i, j in path)


class CostModel(Protocol):
    """Bead costs for the DP over two sequences of units (see ``beadcost.PairCosts``)."""

    @property
    def n(self) -> int: ...

    @property
    def m(self) -> int: ...

    @property
    def shapes(self) -> tuple[Shape, ...]: ...

    def costs(self, i: Ints, j: Ints) -> Floats:
        """(cells, shapes - 1): cost of each shape but (0, 1) ending at node (i, j); inf where it cannot."""

    def edition_skips(self) -> Floats:
        """(m,): cost of leaving each edition unit without a counterpart (the (0, 1) bead)."""

    def coarse(self) -> CostModel:
        """The same pair with both sides downsampled two units to one."""


def fill(corridor: Corridor, model: CostModel) -> tuple[npt.NDArray[np.uint8], Floats]:
    """Back-pointers (one byte per cell) and cumulative costs of the cheapest paths to every cell.

    Row 0 is the border: only (0, 1) beads reach it from the origin. In every
    later row, each cell takes the cheapest of its shapes that start in an
    earlier row (one gather per row over all shapes), then (0, 1) beads run
    left to right within the row: ``D[j] = min(D[j], D[j-1] + skip[j-1])`` is
    a running minimum of ``D[k] - P[k]`` plus ``P[j]``, with ``P`` the prefix
    sums of the skip costs.
    """
    shapes = model.shapes
    assert shapes[-1] == EDITION_SKIP, "the kernel runs (0, 1) beads within the row: it must come last"
    lo, hi, start = corridor.lo, corridor.hi, corridor.start
    total = corridor.cells
    cumulative = np.full(total + 1, np.inf)  # the last slot stands for every node outside the corridor
    back = np.full(total, UNSET, dtype=np.uint8)
    skips = np.concatenate([[0.0], np.cumsum(_exact(model.edition_skips()))])  # P[j]: skipping edition units 0 … j-1
    # Border: row 0 holds (0, 0) and the edition units skipped from it.
    cumulative[: hi[0] + 1] = skips[: hi[0] + 1]
    back[1: hi[0] + 1] = len(shapes) - 1
    starts, lows, skip = start.tolist(), lo.tolist(), len(shapes) - 1
    down = np.array([a for a, _ in shapes[:-1]])
    across = np.array([b for _, b in shapes[:-1]])
    for first, stop in corridor.blocks_of(BLOCK_CELLS):
        i, j = corridor.rows(first, stop)
        costs = _exact(model.costs(i, j))  # (cells, shapes - 1)
        # predecessors[c, s]: flat index of the node bead s starts from, to reach cell c
        predecessors = corridor.flat(i[:, None] - down, j[:, None] - across, total)
        base = starts[first]
        for row in range(first, stop):
            begin, end = starts[row], starts[row + 1]
            candidates = cumulative[predecessors[begin - base: end - base]]
            candidates += costs[begin - base: end - base]  # (width, shapes - 1)
            shape = candidates.argmin(axis=1)
            ramp = skips[lows[row]: lows[row] + end - begin]
            best = candidates.min(axis=1) - ramp
            running = np.minimum.accumulate(best)
            shape[running < best] = skip  # strictly cheaper from the left: a (0, 1) bead
            running += ramp  # exact (costs on the grid): where no (0, 1) bead won, the best cost itself
            cumulative[begin:end] = running
            back[begin:end] = shape
    return back, cumulative[:-1]


def _exact(costs: Floats) -> Floats:
    return np.round(costs * GRID) / GRID


def traceback(corridor: Corridor, back: npt.NDArray[np.uint8], shapes: tuple[Shape, ...], m: int) -> Path:
    """The beads of the cheapest path, read from the back-pointers from (n, m) to (0, 0)."""
    path: Path = []
    i, j = corridor.n, m
    start, lo = corridor.start.tolist(), corridor.lo.tolist()
    while i or j:
        code = int(back[start[i] + j - lo[i]])
        assert code != UNSET, f"unreachable node ({i}, {j}) on the path"
        a, b = shapes[code]
        path.append((i - a, j - b, i, j))
        i, j = i - a, j - b
    path.reverse()
    return path


def project(path: Path, n: int, m: int) -> Path:
    """A path over downsampled units (two to one) as a path over the units themselves."""
    return [(min(2 * i0, n), min(2 * j0, m), min(2 * i1, n), min(2 * j1, m)) for i0, j0, i1, j1 in path]


def is_small(n: int, m: int, full_below: int = FULL_BELOW) -> bool:
    """Whether the whole matrix is filled (no coarse pass)."""
    return (n + 1) * (m + 1) <= full_below or min(n, m) <= 1


def cheapest(corridor: Corridor, model: CostModel) -> Path:
    """The cheapest path within the corridor."""
    return traceback(corridor, fill(corridor, model)[0], model.shapes, int(corridor.hi[-1]))


def split_blocks(path: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    """A path through ``Corridor.blocks(sizes)`` as one path per block, in each block's own coordinates."""
    rows = list(itertools.accumulate([n for n, _ in sizes], initial=0))
    cols = list(itertools.accumulate([m for _, m in sizes], initial=0))
    out: list[Path] = [[] for _ in sizes]
    for i0, j0, i1, j1 in path:
        # A bead with a pivot unit belongs to that unit's block; one without, to its edition unit's.
        k = min(bisect.bisect_right(rows, i0) - 1 if i1 > i0 else bisect.bisect_right(cols, j0) - 1, len(sizes) - 1)
        out[k].append((i0 - rows[k], j0 - cols[k], i1 - rows[k], j1 - cols[k]))
    return out


def best_path(model: CostModel, guide: Path | None = None, width: int = WIDTH, full_below: int = FULL_BELOW) -> Path:
    """The cheapest path: over the whole matrix when it is small, else in a corridor around ``guide``.

    Without a guide, the guide is the path of a coarse pass (both sides
    downsampled two units to one), recursively.
    """
    n, m = model.n, model.m
    if is_small(n, m, full_below):
        return cheapest(Corridor.full(n, m), model)
    if guide is None:
        guide = project(best_path(model.coarse(), None, width, full_below), n, m)
    return path_near(model, guide, width)


def path_near(model: CostModel, guide: Path, width: int = WIDTH) -> Path:
    """The cheapest path in a corridor around ``guide``, widened while the path touches its edge."""
    n, m = model.n, model.m
    while True:
        corridor = Corridor.around(guide, n, m, width)
        path = traceback(corridor, fill(corridor, model)[0], model.shapes, m)
        if not corridor.touches(path, m) or corridor.is_full(m):
            return path
        width *= 2


def bead_costs(model: CostModel, path: Path) -> Floats:
    """What the model charges for each bead of a path."""
    if not path:
        return np.zeros(0)
    ends = np.array(path, dtype=np.int64)
    costs = np.concatenate([model.costs(ends[:, 2], ends[:, 3]), np.zeros((len(path), 1))], axis=1)
    code = {shape: k for k, shape in enumerate(model.shapes)}
    shapes = np.array([code[(i1 - i0, j1 - j0)] for i0, j0, i1, j1 in path])
    out = costs[np.arange(len(path)), shapes]
    skips = shapes == len(model.shapes) - 1
    out[skips] = model.edition_skips()[ends[skips, 1]]
    return _exact(out)
