"""Repairs to a paragraph path after the DP: what lengths alone get wrong.

An unrelated paragraph is taken out of a split or merge
(``detach_strangers``), unlinked neighbours that share content are linked
(``rejoin_neighbours``), and paragraphs left unlinked far apart are paired
when they agree: a paragraph that moved (``find_moves``), or one the lengths
linked in order as it passed its neighbours (``crossed``, after which the
rest is aligned again). Each pass looks at a ``Unit``: what the content
evidence of one paragraph is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from .dp import Path
from .model import Anchor, Link
from .similarity import alignment_keys, cognate_keys, dice, length_delta

STRANGER_MIN_LENGTH = 60
MOVE_COGNATES = 0.25
MOVE_DISTANCE = 0.6
# Evidence (a shared fact or name counts two, a shared cognate one) from which an orphan and a stray
# that are each other's best match among all the paragraphs of both sides are a move (development
# split: a moved paragraph was reported as missing + extra 234 times, 99 of them such pairs).
MOVE_EVIDENCE = 4
CHANCE_EVIDENCE = 1  # one shared cognate ("warn" in "warnings" and "Warnungen"): unrelated paragraphs often have it
FACT_EVIDENCE = 2  # what a shared fact or name counts, against one for a shared cognate
MUTUAL_AT_MOST = 32
# A paragraph moved within a short statement leaves the links it passed one place off: taking it out
# must raise their content evidence by this much (development split: untouched editions never gain
# more than 0 from any such move, and 94 % of moved paragraphs that share more than chance gain 3 or more).
MOVE_GAIN = 3
# Given embeddings, such a pair must be closer than unrelated paragraphs are (about 1; see ``find_moves``).
MUTUAL_DISTANCE = 0.9
Distances = Callable[[list[int], list[int]], npt.NDArray[np.float64]]
BeadRange = tuple[int, int, int, int]  # (i0, j0, i1, j1), as in ``dp.Path``


@dataclass(frozen=True, slots=True)
class Unit:
    """What the repair passes and the link confidence need of one unit."""

    n: int
    text: str
    length: int
    sentences: int
    strong: frozenset[str]
    names: frozenset[str]
    cognates: frozenset[str]


def unit(n: int, text: str, sentences: int, anchors: tuple[Anchor, ...]) -> Unit:
    strong, names = alignment_keys(anchors) if anchors else (frozenset(), frozenset())
    return Unit(n, text, len(text), sentences, strong, names, cognate_keys(text))


# --- strangers in a split or merge -----------------------------------------------

def _evidence(a: Unit, b: Unit) -> int:
    return len(a.strong & b.strong) + len(a.names & b.names) + len(a.cognates & b.cognates)


def detach_strangers(path: Path, left: Sequence[Unit], right: Sequence[Unit], names_are_names: bool = True) -> Path:
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
    return [piece for bead in path for piece in _detached(bead, left, right, names_are_names)]


def _detached(bead: BeadRange, left: Sequence[Unit], right: Sequence[Unit], names_are_names: bool) -> list[BeadRange]:
    """The bead as it is, or, if one outer part is a stranger, the rest and the stranger alone, in order."""
    i0, j0, i1, j1 = bead
    if i1 - i0 == 1 and j1 - j0 > 1:  # a split: one pivot paragraph, parts in the edition
        one, parts, edition_side = left[i0], right[j0:j1], True
    elif j1 - j0 == 1 and i1 - i0 > 1:  # a merge: parts in the pivot
        one, parts, edition_side = right[j0], left[i0:i1], False
    else:
        return [bead]
    outer = _stranger(one, parts, names_are_names)
    return [bead] if outer is None else _cut(bead, outer == 0, edition_side)


def _stranger(one: Unit, parts: Sequence[Unit], names_are_names: bool) -> int | None:
    """The first or last of ``parts`` if it shares nothing with ``one`` while the others share some."""
    scores = [_evidence(one, part) for part in parts]
    for outer in (0, len(parts) - 1):
        part = parts[outer]
        rest = sum(scores) - scores[outer]
        could_match = len(part.strong) + (len(part.names) if names_are_names else 0) >= 2
        if scores[outer] == 0 and rest >= 2 and part.length >= STRANGER_MIN_LENGTH and could_match:
            return outer
    return None


def _cut(bead: BeadRange, first: bool, edition_side: bool) -> list[BeadRange]:
    """The bead without its first (or last) part on one side, and that part as a skip, in path order."""
    i0, j0, i1, j1 = bead
    if edition_side:
        kept, stray = ((i0, j0 + 1, i1, j1), (i0, j0, i0, j0 + 1)) if first else \
            ((i0, j0, i1, j1 - 1), (i1, j1 - 1, i1, j1))
    else:
        kept, stray = ((i0 + 1, j0, i1, j1), (i0, j0, i0 + 1, j0)) if first else \
            ((i0, j0, i1 - 1, j1), (i1 - 1, j1, i1, j1))
    return [stray, kept] if first else [kept, stray]


# --- unlinked neighbours ----------------------------------------------------------

def rejoin_neighbours(path: Path, left: Sequence[Unit], right: Sequence[Unit], same_script: bool = True) -> Path:
    """Link a pivot paragraph and an edition paragraph left unlinked side by side, if they share content.

    A paragraph cut to half its length can cost the DP more as a link than as
    a deletion plus an insertion; but two unlinked neighbours that share names,
    figures or (in the same script) cognates are one paragraph, changed. The
    link lets diagnosis say what changed (truncated, a figure) instead of
    missing plus extra.
    """
    out: Path = []
    for bead in path:
        if out and _one_paragraph(out[-1], bead, left, right, same_script):
            a = out[-1]
            out[-1] = (a[0], a[1], bead[2], bead[3])
            continue
        out.append(bead)
    return out


def _one_paragraph(a: BeadRange, b: BeadRange, left: Sequence[Unit], right: Sequence[Unit], same_script: bool) -> bool:
    """Are two neighbouring beads a lone pivot and a lone edition paragraph that share content?"""
    lone_pair = {(a[2] - a[0], a[3] - a[1]), (b[2] - b[0], b[3] - b[1])} == {(1, 0), (0, 1)}
    if not lone_pair:
        return False
    pivot_skip, edition_skip = (a, b) if a[2] > a[0] else (b, a)
    p, e = left[pivot_skip[0]], right[edition_skip[1]]
    shared_facts = len((p.strong | p.names) & (e.strong | e.names))
    return shared_facts >= 1 or (same_script and len(p.cognates & e.cognates) >= 3)


# --- moves ---------------------------------------------------------------------

def _move_score(p: Unit, e: Unit) -> float:
    """Content evidence that two unlinked paragraphs say the same (0: none worth a move)."""
    keys_p, keys_e = p.strong | p.names, e.strong | e.names
    score = dice(keys_p, keys_e) if len(keys_p & keys_e) >= 2 else 0.0
    if len(p.cognates & e.cognates) >= 3 and dice(p.cognates, e.cognates) >= MOVE_COGNATES:
        score = max(score, 0.6 + dice(p.cognates, e.cognates))
    return score


@dataclass(slots=True)
class _Strays:
    """The unlinked edition paragraphs a move may take: where their links are, and which are taken."""

    at: list[int]  # position of each stray's link in the link list
    units: list[Unit]
    ratio: float
    apart: npt.NDArray[np.float64] | None  # orphan × stray embedding distances, given embeddings
    mutual: dict[tuple[int, int], int]  # (orphan row, stray) → evidence, for pairs that are each other's best
    used: set[int] = field(default_factory=set)

    def score(self, row: int, k: int, p: Unit, index: int) -> float:
        """How surely orphan ``p`` (row ``row``, link ``k``) moved to stray ``index``; 0 if it cannot have."""
        s, e = self.at[index], self.units[index]
        if s in self.used or abs(s - k) < 2 or abs(length_delta(p.length, e.length, self.ratio)) > 3:
            return 0.0
        score = _move_score(p, e)
        if (row, index) in self.mutual and (self.apart is None or self.apart[row, index] < MUTUAL_DISTANCE):
            score = max(score, _mutual_score(self.mutual[(row, index)]))  # (embeddings must not say unrelated)
        if self.apart is not None:
            score = max(score, 0.6 + MOVE_DISTANCE - float(self.apart[row, index]))
        return score

    def best(self, row: int, k: int, p: Unit, shared: Counter[int]) -> tuple[int | None, float]:
        """The stray orphan ``p`` most surely moved to (scoring above 0.6), and the score."""
        best, best_score = None, 0.0
        for index in sorted(shared):
            score = self.score(row, k, p, index)
            if score > max(best_score, 0.6):
                best, best_score = index, score
        return best, best_score


def _mutual(orphans: list[int], strays: list[int], left: Sequence[Unit], right: Sequence[Unit]) -> dict[tuple[int, int], int]:
    """(orphan row, stray) → evidence, for an orphan and a stray (positions in ``left`` and ``right``) sharing
    ``MOVE_EVIDENCE`` or more, and more with each other than the orphan with any other edition paragraph or
    the stray with any other pivot paragraph. Looked for among a few of them, as a statement has (a long
    text with many is left to the evidence alone: the look-up grows with their number times its length)."""
    if not orphans or not strays or len(orphans) > MUTUAL_AT_MOST or len(strays) > MUTUAL_AT_MOST:
        return {}
    of_orphans = _evidence_with([left[i] for i in orphans], right)
    of_strays = _evidence_with([right[j] for j in strays], left)
    out: dict[tuple[int, int], int] = {}
    for row, (i, found) in enumerate(zip(orphans, of_orphans)):
        for index, (j, back) in enumerate(zip(strays, of_strays)):
            evidence = found.get(j, 0)
            if evidence >= MOVE_EVIDENCE and _alone_at_top(found, j) and _alone_at_top(back, i):
                out[(row, index)] = evidence
    return out


def _evidence_with(units: Sequence[Unit], others: Sequence[Unit]) -> list[Counter[int]]:
    """For each of ``units``: every one of ``others`` sharing content with it → evidence (a shared fact or
    name counts two, a shared cognate one), from an inverted index of ``others`` (no units × others loop)."""
    index: defaultdict[tuple[bool, str], list[int]] = defaultdict(list)
    for k, other in enumerate(others):
        for key in other.strong | other.names:
            index[(True, key)].append(k)
        for key in other.cognates:
            index[(False, key)].append(k)
    out = []
    for one in units:
        evidence: Counter[int] = Counter()
        for key in one.strong | one.names:
            evidence.update(index.get((True, key), ()) * FACT_EVIDENCE)
        for key in one.cognates:
            evidence.update(index.get((False, key), ()))
        out.append(evidence)
    return out


def _mutual_score(evidence: int) -> float:
    """A move found by the best match or by the links it put one place off: a little above the bar, by how
    much the two share."""
    return 0.61 + 0.01 * min(evidence, 9)


def crossed(left: Sequence[Unit], right: Sequence[Unit], path: Path) -> tuple[int, int, Link] | None:
    """A pivot and an edition paragraph (positions) that moved past their neighbours while the lengths
    still paired everything in order, and their moved link. In a short statement a paragraph moved two
    places down makes the DP link the ones it passed one place off; taking it out pairs them with their
    own counterparts. So: within a run of 1-1 links, the move of two paragraphs that share more than
    chance which raises the run's content evidence most, by ``MOVE_GAIN`` or more. O(r²) evidence
    look-ups for a run of r links."""
    if len(left) > MUTUAL_AT_MOST or len(right) > MUTUAL_AT_MOST:
        return None
    best: tuple[int, int, int, int] | None = None  # gain, pivot unit, edition unit, their evidence
    for run in _one_to_one_runs(path):
        for found in _shifts(run, left, right):
            if best is None or found[0] > best[0]:
                best = found
    if best is None or best[0] < MOVE_GAIN:
        return None
    _, i, j, evidence = best
    return i, j, _moved_link(left[i], right[j], max(_move_score(left[i], right[j]), _mutual_score(evidence)))


def _one_to_one_runs(path: Path) -> list[list[tuple[int, int]]]:
    """Runs of three or more consecutive 1-1 beads, each bead as its (pivot unit, edition unit)."""
    runs: list[list[tuple[int, int]]] = [[]]
    for i0, j0, i1, j1 in path:
        if i1 - i0 == 1 == j1 - j0:
            runs[-1].append((i0, j0))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= 3]


def _shifts(run: list[tuple[int, int]], left: Sequence[Unit], right: Sequence[Unit]) -> Iterator[tuple[int, int, int, int]]:
    """(gain, pivot unit, edition unit, their evidence) of every move two or more links apart in a run
    whose two paragraphs share more than chance: pivot a at edition c's place, the links between one
    place up, or pivot c at edition a's, the links between one place down."""
    ev = [[_evidence_of_move(left[i], right[j]) for _, j in run] for i, _ in run]
    r = len(run)
    kept = list(accumulate((ev[k][k] for k in range(r)), initial=0))
    down = list(accumulate((ev[k + 1][k] for k in range(r - 1)), initial=0))  # pivot k+1 with edition k
    up = list(accumulate((ev[k - 1][k] if k else 0 for k in range(r)), initial=0))  # pivot k-1 with edition k
    for a in range(r):
        for c in range(a + 2, r):
            in_order = kept[c + 1] - kept[a]
            if ev[a][c] > CHANCE_EVIDENCE:
                yield ev[a][c] + down[c] - down[a] - in_order, run[a][0], run[c][1], ev[a][c]
            if ev[c][a] > CHANCE_EVIDENCE:
                yield ev[c][a] + up[c + 1] - up[a + 1] - in_order, run[c][0], run[a][1], ev[c][a]


def _evidence_of_move(a: Unit, b: Unit) -> int:
    return FACT_EVIDENCE * len((a.strong | a.names) & (b.strong | b.names)) + len(a.cognates & b.cognates)


def _alone_at_top(evidence: Counter[int], k: int) -> bool:
    """Is ``k``'s evidence larger than every other's?"""
    mine = evidence.get(k, 0)
    return all(value < mine for other, value in evidence.items() if other != k)


def _lonely(links: list[Link], units: Sequence[Unit], pivot_side: bool) -> tuple[list[int], list[int]]:
    """The links with a paragraph on this side only: their positions, and their units' positions in ``units``."""
    ends = [(link.pivot, link.edition) if pivot_side else (link.edition, link.pivot) for link in links]
    positions = [k for k, (_, other) in enumerate(ends) if not other]
    if not positions:
        return positions, []
    at = {u.n: k for k, u in enumerate(units)}
    return positions, [at[ends[k][0][0]] for k in positions]


def find_moves(links: list[Link], left: Sequence[Unit], right: Sequence[Unit], ratio: float,
               distances: Distances | None = None) -> list[Link]:
    """Pair an unlinked pivot paragraph with an unlinked edition paragraph that says the same.

    Position says nothing here, so a move needs content evidence and plausible
    lengths: two or more shared anchors (facts or names) with most of each
    side's anchors shared, or three or more shared cognates with a Dice
    coefficient of ``MOVE_COGNATES`` or more (about the 97th percentile of
    unrelated en/fr paragraph pairs, far above ru/en), or, given embeddings
    (``distances``: Vecalign's normalised cosine distance, about 1 between
    unrelated paragraphs), a distance under ``MOVE_DISTANCE``. Less evidence
    will do (``MOVE_EVIDENCE``) when the two share more with each other than
    either does with any other paragraph of the other side (``_mutual``): a
    pair of Russian and English paragraphs shares few keys, but the right ones.
    """
    orphans, orphan_rows = _lonely(links, left, pivot_side=True)
    strays, stray_rows = _lonely(links, right, pivot_side=False)
    orphan_units, stray_units = [left[i] for i in orphan_rows], [right[j] for j in stray_rows]
    if distances is not None and orphans and strays:  # content: every stray is a candidate
        apart, candidates = distances(orphan_rows, stray_rows), [Counter(range(len(strays))) for _ in orphans]
    else:
        apart, candidates = None, _evidence_with(orphan_units, stray_units)  # the strays sharing any key
    pool = _Strays(strays, stray_units, ratio, apart, _mutual(orphan_rows, stray_rows, left, right))
    moved: dict[int, Link] = {}
    for row, (k, p, shared) in enumerate(zip(orphans, orphan_units, candidates)):
        best, score = pool.best(row, k, p, shared)
        if best is not None:
            pool.used.add(strays[best])
            moved[k] = _moved_link(p, pool.units[best], score)
    return [moved.get(k, link) for k, link in enumerate(links) if k not in pool.used]


def _moved_link(p: Unit, e: Unit, score: float) -> Link:
    return Link((p.n,), (e.n,), round(min(0.95, 0.5 + score / 2), 2),
                tuple(sorted((p.strong | p.names) & (e.strong | e.names))), moved=True)
