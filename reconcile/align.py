"""Two paragraph sequences → beads, by dynamic programming over a band.

Each bead takes ``a`` pivot paragraphs and ``b`` edition paragraphs. Its cost
is a prior for the shape, the Gale–Church length term (with the pair's length
ratio estimated from the two documents themselves) and the agreement of the
anchors on both sides. The DP only fills a band around the diagonal, so time
and memory grow linearly with length; if the best path touches the edge of the
band, the band is doubled and the DP run again.

Small passes then repair what lengths alone get wrong: an unrelated paragraph
taken out of a split or merge, unlinked neighbours that share content linked,
and paragraphs left unlinked far apart paired when they agree: a paragraph
that moved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import locales
from .ingest import plain
from .model import Alignment, Edition, Link, Paragraph
from .similarity import (
    LENGTH_VARIANCE,
    alignment_keys,
    cognate_keys,
    dice,
    length_delta,
    length_probability,
    strong_keys,
)

# Bead shapes (pivot paragraphs, edition paragraphs) and their prior costs,
# about -log of how often each shape occurs between faithful translations.
BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.0,
    (1, 0): 4.5,
    (0, 1): 4.5,
    (1, 2): 2.3,
    (2, 1): 2.3,
    (1, 3): 4.0,
    (3, 1): 4.0,
}
# Each fact (figure, date, organisation) shared lowers the cost, each one-sided raises it.
ANCHOR_WEIGHT = 1.0
MAX_ANCHORS = 4
# Translators keep sentence boundaries far more often than not: a sentence
# more or less on one side of a bead costs this much (a dropped paragraph
# glued to its neighbour as a "merge" has too few sentences).
SENTENCE_WEIGHT = 1.5
MAX_SENTENCE_COST = 3.0
# Shared cognates lower the cost; unrelated paragraphs share about COGNATE_CHANCE of them.
COGNATE_WEIGHT = 3.0
COGNATE_CHANCE = 0.08
# Names shared by both sides lower the cost a little each, up to a cap.
NAME_BONUS = 0.5
MAX_NAME_BONUS = 1.5
MAX_LENGTH_COST = 5.0
MIN_BAND = 8


@dataclass(frozen=True, slots=True)
class _Side:
    """What the DP needs of one paragraph."""

    n: int
    length: int
    sentences: int
    strong: frozenset[str]
    names: frozenset[str]
    cognates: frozenset[str]


def _sides(paragraphs: tuple[Paragraph, ...]) -> list[_Side]:
    sides = []
    for p in paragraphs:
        strong = strong_keys(p.anchors)
        sides.append(_Side(p.n, len(plain(p.norm)), max(1, len(p.sentences)), strong,
                           alignment_keys(p.anchors) - strong, cognate_keys(p.norm)))
    return sides


def _clamped(ratio: float) -> float:
    return min(max(ratio, 0.25), 4.0)


def language_ratio(pivot_lang: str, edition_lang: str) -> float | None:
    """Typical edition/pivot length ratio of the two languages, or None if either is not known."""
    known = locales.LENGTH_RELATIVE_TO_ENGLISH
    if pivot_lang in known and edition_lang in known:
        return known[edition_lang] / known[pivot_lang]
    return None


def prior_ratio(pivot_lang: str, edition_lang: str, pivot: list[_Side], edition: list[_Side]) -> float:
    """Expected edition/pivot length ratio before looking at links.

    From typical text lengths of the two languages where known: the raw ratio
    of the two documents is biased by exactly what we look for (a dropped
    paragraph makes the edition look "short" and invites merges).
    """
    known = language_ratio(pivot_lang, edition_lang)
    if known is not None:
        return known
    return _clamped((sum(s.length for s in edition) or 1) / (sum(s.length for s in pivot) or 1))


def refine_ratio(prior: float, path: list[tuple[int, int, int, int]], pivot: list[_Side], edition: list[_Side]) -> float:
    """The pair's own ratio from its 1-1 links, shrunk towards the prior for short documents."""
    ones = [(i0, j0) for i0, j0, i1, j1 in path if i1 - i0 == 1 and j1 - j0 == 1]
    if not ones:
        return prior
    pivot_total = sum(pivot[i].length for i, _ in ones) or 1
    edition_total = sum(edition[j].length for _, j in ones) or 1
    weight = len(ones) / (len(ones) + 3)
    observed = _clamped(edition_total / pivot_total)
    return math.exp(weight * math.log(observed) + (1 - weight) * math.log(prior))


@dataclass(frozen=True, slots=True)
class _Group:
    """Consecutive paragraphs of one side taken together by a bead.

    Keys are bits of an int (one bit per key of the pair's vocabulary): the DP
    scores millions of candidate beads, and ``(a & b).bit_count()`` is far
    cheaper than intersecting sets.
    """

    count: int
    length: int
    sentences: int
    strong: int
    weak: int
    cognates: int
    n_strong: int
    n_weak: int
    n_cognates: int

    @property
    def most_bonus(self) -> float:
        """The most this group's evidence can lower any bead's cost (for pruning before scoring)."""
        return (ANCHOR_WEIGHT * min(self.n_strong, MAX_ANCHORS) + min(self.n_weak * NAME_BONUS, MAX_NAME_BONUS)
                + (COGNATE_WEIGHT if self.n_cognates else 0.0))


class _Vocabulary:
    """Key → bit, shared by both sides of a pair."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}

    def mask(self, keys: frozenset[str]) -> int:
        value = 0
        bits = self.bits
        for key in keys:
            bit = bits.get(key)
            if bit is None:
                bit = bits[key] = len(bits)
            value |= 1 << bit
        return value


def _group(sides: list[_Side], vocabulary: _Vocabulary) -> _Group:
    return _join([_single(side, vocabulary) for side in sides])


def _single(side: _Side, vocabulary: _Vocabulary) -> _Group:
    return _Group(1, side.length, side.sentences, vocabulary.mask(side.strong), vocabulary.mask(side.names),
                  vocabulary.mask(side.cognates), len(side.strong), len(side.names), len(side.cognates))


def _join(parts: list[_Group]) -> _Group:
    if len(parts) == 1:
        return parts[0]
    strong = weak = cognates = 0
    for part in parts:
        strong, weak, cognates = strong | part.strong, weak | part.weak, cognates | part.cognates
    return _Group(len(parts), sum(p.length for p in parts), sum(p.sentences for p in parts), strong, weak, cognates,
                  strong.bit_count(), weak.bit_count(), cognates.bit_count())


def bead_cost(pivot: list[_Side], edition: list[_Side], ratio: float) -> tuple[float, float, tuple[str, ...]]:
    """Cost of linking these paragraphs, the link's confidence, and the shared keys (its evidence).

    Skipping a paragraph (one side empty) has a flat cost: the DP compares it
    with the cost of the best link it could have had.
    """
    if not pivot or not edition:
        return BEADS[(len(pivot), len(edition))], 0.0, ()
    vocabulary = _Vocabulary()
    left, right = _group(pivot, vocabulary), _group(edition, vocabulary)
    cost, confidence = _group_cost(left, right, ratio), _confidence(left, right, ratio)
    strong = frozenset().union(*(s.strong for s in pivot)) & frozenset().union(*(s.strong for s in edition))
    names = frozenset().union(*(s.names for s in pivot)) & frozenset().union(*(s.names for s in edition))
    return cost, confidence, tuple(sorted(strong | names))


def _group_cost(pivot: _Group, edition: _Group, ratio: float, ceiling: float = math.inf) -> float:
    """The bead's cost; stops early (returning a lower bound) once that bound reaches ``ceiling``.

    Written out by hand (no helper calls, no ``min``): the DP calls it about a
    hundred times per paragraph.
    """
    many = pivot.count != 1 or edition.count != 1  # a merge or split keeps every sentence
    # Gale–Church length term, as in similarity.length_delta.
    source, target = pivot.length, edition.length
    mean = (source + target / ratio) / 2
    delta_squared = (target - source * ratio) ** 2 / ((mean if mean > 1.0 else 1.0) * LENGTH_VARIANCE)
    length_cost = delta_squared / 2
    cost = BEADS[(pivot.count, edition.count)] + (length_cost if length_cost < MAX_LENGTH_COST else MAX_LENGTH_COST)
    gap = SENTENCE_WEIGHT * abs(pivot.sentences - edition.sentences)
    cost += (gap if gap < MAX_SENTENCE_COST else MAX_SENTENCE_COST) * (2 if many else 1)
    cost += COGNATE_WEIGHT * COGNATE_CHANCE
    cognate_total = pivot.n_cognates + edition.n_cognates
    fewer_cognates = pivot.n_cognates if pivot.n_cognates < edition.n_cognates else edition.n_cognates
    facts = pivot.n_strong if pivot.n_strong < edition.n_strong else edition.n_strong
    names = pivot.n_weak if pivot.n_weak < edition.n_weak else edition.n_weak
    bound = (cost - ANCHOR_WEIGHT * (facts if facts < MAX_ANCHORS else MAX_ANCHORS)
             - (names * NAME_BONUS if names * NAME_BONUS < MAX_NAME_BONUS else MAX_NAME_BONUS)
             - (COGNATE_WEIGHT * 2 * fewer_cognates / cognate_total if fewer_cognates else 0.0))
    if bound >= ceiling:
        return bound
    if pivot.strong or edition.strong:
        shared = (pivot.strong & edition.strong).bit_count()
        # A fact stated on one side only (not even as a number word on the other) is evidence against.
        lone = (pivot.strong & ~edition.strong & ~edition.weak).bit_count() + \
            (edition.strong & ~pivot.strong & ~pivot.weak).bit_count()
        cost += ANCHOR_WEIGHT * ((lone if lone < MAX_ANCHORS else MAX_ANCHORS) - (shared if shared < MAX_ANCHORS else MAX_ANCHORS))
    if names:
        common = (pivot.weak & edition.weak).bit_count() * NAME_BONUS
        cost -= common if common < MAX_NAME_BONUS else MAX_NAME_BONUS
    if fewer_cognates:
        cost -= COGNATE_WEIGHT * 2 * (pivot.cognates & edition.cognates).bit_count() / cognate_total
    return cost


def _confidence(pivot: _Group, edition: _Group, ratio: float) -> float:
    """How sure a link is: the better of length agreement and fact agreement (less for merges and splits)."""
    total = pivot.n_strong + edition.n_strong
    agreement = 2 * (pivot.strong & edition.strong).bit_count() / total if total else 0.0
    length_p = length_probability(length_delta(pivot.length, edition.length, ratio))
    support = max(length_p, agreement) if total else length_p * 0.9
    return 0.5 + 0.5 * support if (pivot.count, edition.count) == (1, 1) else 0.4 + 0.5 * support


def _band(i: int, n: int, m: int, width: int) -> tuple[int, int]:
    """Edition positions [lo, hi] the DP fills for pivot position i."""
    centre = round(i * m / n) if n else 0
    return max(0, centre - width), min(m, centre + width)


BLOCK = 256


def _block_groups(sides: list[_Side], start: int, stop: int, vocabulary: _Vocabulary) -> dict[int, list[_Group]]:
    """``groups[k][s - start]`` = paragraphs s … s+k-1, for s in [start, stop)."""
    stop = min(stop, len(sides))
    singles = [_single(side, vocabulary) for side in sides[start:stop + 2]]
    sizes = {k for shape in BEADS for k in shape if k}
    return {k: [_join(singles[s:s + k]) for s in range(0, stop - start)] for k in sizes}


def dp_align(pivot: list[_Side], edition: list[_Side], ratio: float, width: int) -> tuple[list[tuple[int, int, int, int]], bool]:
    """Best path as (i0, j0, i1, j1) beads; also whether it touched the band edge.

    ``cost[i][j - lo[i]]`` is the cheapest alignment of the first i pivot and
    first j edition paragraphs; ``back`` holds the bead shape that reached it.
    Rows are filled in blocks of ``BLOCK``; each block numbers the keys of the
    paragraphs it can compare afresh, so the key bitsets stay small however
    long the documents are.
    """
    n, m = len(pivot), len(edition)
    reach = max(k for shape in BEADS for k in shape)
    bounds = [_band(i, n, m, width) for i in range(n + 1)]
    bounds[n] = (bounds[n][0], m)  # the end must be reachable
    bounds = [(min(lo, m), hi) for lo, hi in bounds]
    cost: list[list[float]] = []
    back: list[list[tuple[int, int] | None]] = []
    inf = math.inf
    linking = [(a, b, prior) for (a, b), prior in BEADS.items() if a]  # shapes that consume a pivot paragraph
    for i in range(n + 1):
        if i % BLOCK == 0:
            vocabulary = _Vocabulary()
            last = min(n, i + BLOCK - 1)
            left_base = max(0, i - reach)
            right_base = max(0, min(bounds[k][0] for k in range(i, last + 1)) - reach)
            right_stop = max(bounds[k][1] for k in range(i, last + 1))
            left = _block_groups(pivot, left_base, last, vocabulary)
            right = _block_groups(edition, right_base, right_stop, vocabulary)
        lo, hi = bounds[i]
        row = [inf] * (hi - lo + 1)
        row_back: list[tuple[int, int] | None] = [None] * (hi - lo + 1)
        if i == 0:
            row[0] = 0.0
        # Beads ending in row i that start in an earlier row: every cell of the row independently.
        for a, b, prior in linking:
            if i < a:
                continue
            previous, (plo, phi) = cost[i - a], bounds[i - a]
            group_left = left[a][i - a - left_base] if b else None
            groups_right = right[b] if b else None
            floor = prior - group_left.most_bonus if b else prior
            shift = b + right_base
            for j in range(max(lo, plo + b), min(hi, phi + b) + 1):
                before = previous[j - b - plo]
                best = row[j - lo]
                if b == 0:
                    step = prior
                elif before + floor >= best:
                    continue
                else:
                    step = _group_cost(group_left, groups_right[j - shift], ratio, best - before)
                if before + step < best:
                    row[j - lo], row_back[j - lo] = before + step, (a, b)
        # Edition paragraphs with no pivot counterpart (0-1): left to right within the row.
        skip = BEADS[(0, 1)]
        for j in range(lo + 1, hi + 1):
            if row[j - lo - 1] + skip < row[j - lo]:
                row[j - lo], row_back[j - lo] = row[j - lo - 1] + skip, (0, 1)
        cost.append(row)
        back.append(row_back)
    path: list[tuple[int, int, int, int]] = []
    i, j, touched = n, m, False
    while i > 0 or j > 0:
        lo, hi = bounds[i]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        shape = back[i][j - lo]
        assert shape is not None, "DP border left a cell unreachable"
        path.append((i - shape[0], j - shape[1], i, j))
        i, j = i - shape[0], j - shape[1]
    path.reverse()
    return path, touched


def align_pair(pivot: Edition, edition: Edition) -> Alignment:
    """Align the content paragraphs of an edition against the pivot.

    The DP runs with the languages' typical length ratio, then once more with
    the ratio its own 1-1 links show, if that differs by more than 5 %.
    """
    left, right = _sides(pivot.content), _sides(edition.content)
    ratio = prior_ratio(pivot.lang, edition.lang, left, right)
    path = _banded(left, right, ratio)
    refined = refine_ratio(ratio, path, left, right)
    if abs(math.log(refined / ratio)) > 0.05:
        ratio = refined
        path = _banded(left, right, ratio)
    same_script = (pivot.lang == "ru") == (edition.lang == "ru")
    names_are_names = "de" not in (pivot.lang, edition.lang)
    path = rejoin_neighbours(detach_strangers(path, left, right, names_are_names), left, right, same_script)
    links = []
    for i0, j0, i1, j1 in path:
        _cost, confidence, evidence = bead_cost(left[i0:i1], right[j0:j1], ratio)
        if i1 == i0 or j1 == j0:
            confidence = _skip_confidence(left[i0:i1] or right[j0:j1])
        links.append(Link(tuple(s.n for s in left[i0:i1]), tuple(s.n for s in right[j0:j1]),
                          round(confidence, 2), evidence))
    return Alignment(edition.lang, tuple(find_moves(links, left, right, ratio)), round(ratio, 3))


def align_sentences(pivot: Sequence[str], edition: Sequence[str], pivot_lang: str, edition_lang: str,
                    ratio: float) -> list[tuple[int, int, int, int]]:
    """The sentences of two linked paragraphs → beads, by the same DP.

    Each unit is one sentence, so the sentence-count term is left out (a
    translator joining two sentences is a 2-1 bead, not a penalty). The length
    ratio is the languages' typical one where known: the document's own can
    be skewed by the very paragraph under suspicion (in a short document).
    """
    left = [_sentence_side(k, text, pivot_lang) for k, text in enumerate(pivot, start=1)]
    right = [_sentence_side(k, text, edition_lang) for k, text in enumerate(edition, start=1)]
    ratio = language_ratio(pivot_lang, edition_lang) or ratio
    return dp_align(left, right, ratio, max(len(left), len(right)) + 1)[0]


def _sentence_side(n: int, text: str, lang: str) -> _Side:
    from .anchors import extract

    anchors = extract(text, lang)
    strong = strong_keys(anchors)
    return _Side(n, len(text), 0, strong, alignment_keys(anchors) - strong, cognate_keys(text))


def _banded(left: list[_Side], right: list[_Side], ratio: float) -> list[tuple[int, int, int, int]]:
    """The DP in a band wide enough that the best path does not touch its edge."""
    width = max(MIN_BAND, 2 * abs(len(left) - len(right)) + 8)
    while True:
        path, touched = dp_align(left, right, ratio, width)
        if not touched or width >= max(len(left), len(right)):
            return path
        width *= 2


def _skip_confidence(sides: list[_Side]) -> float:
    """An unlinked paragraph is surer to be really missing the longer and richer it is."""
    side = sides[0]
    return min(0.99, 0.6 + 0.25 * min(1.0, side.length / 150) + 0.05 * min(3, len(side.strong) + len(side.names)))


STRANGER_MIN_LENGTH = 60
MOVE_COGNATES = 0.25


def _evidence(a: _Side, b: _Side) -> int:
    return len(a.strong & b.strong) + len(a.names & b.names) + len(a.cognates & b.cognates)


def detach_strangers(path: list[tuple[int, int, int, int]], left: list[_Side], right: list[_Side],
                     names_are_names: bool = True) -> list[tuple[int, int, int, int]]:
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
    out: list[tuple[int, int, int, int]] = []
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


def rejoin_neighbours(path: list[tuple[int, int, int, int]], left: list[_Side], right: list[_Side],
                      same_script: bool = True) -> list[tuple[int, int, int, int]]:
    """Link a pivot paragraph and an edition paragraph left unlinked side by side, if they share content.

    A paragraph cut to half its length can cost the DP more as a link than as
    a deletion plus an insertion; but two unlinked neighbours that share names,
    figures or (in the same script) cognates are one paragraph, changed. The
    link lets diagnosis say what changed (truncated, a figure) instead of
    missing plus extra.
    """
    out: list[tuple[int, int, int, int]] = []
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


def find_moves(links: list[Link], left: list[_Side], right: list[_Side], ratio: float) -> list[Link]:
    """Pair an unlinked pivot paragraph with an unlinked edition paragraph that says the same.

    Position says nothing here, so a move needs content evidence and plausible
    lengths: two or more shared anchors (facts or names) with most of each
    side's anchors shared, or three or more shared cognates with a Dice
    coefficient of ``MOVE_COGNATES`` or more (about the 97th percentile of
    unrelated en/fr paragraph pairs, far above ru/en).
    """
    by_n_left = {s.n: s for s in left}
    by_n_right = {s.n: s for s in right}
    orphans = [k for k, link in enumerate(links) if not link.edition]
    strays = [k for k, link in enumerate(links) if not link.pivot]
    used: set[int] = set()
    moved: dict[int, Link] = {}
    for k in orphans:
        p = by_n_left[links[k].pivot[0]]
        best, best_score = None, 0.0
        for s in strays:
            if s in used or abs(s - k) < 2:
                continue
            e = by_n_right[links[s].edition[0]]
            if abs(length_delta(p.length, e.length, ratio)) > 3:
                continue
            keys_p, keys_e = p.strong | p.names, e.strong | e.names
            shared = keys_p & keys_e
            score = dice(keys_p, keys_e) if len(shared) >= 2 else 0.0
            if len(p.cognates & e.cognates) >= 3 and dice(p.cognates, e.cognates) >= MOVE_COGNATES:
                score = max(score, 0.6 + dice(p.cognates, e.cognates))
            if score > max(best_score, 0.6):
                best, best_score = s, score
        if best is not None:
            used.add(best)
            e = by_n_right[links[best].edition[0]]
            moved[k] = Link((p.n,), (e.n,), round(min(0.95, 0.5 + best_score / 2), 2),
                            tuple(sorted((p.strong | p.names) & (e.strong | e.names))), moved=True)
    return [moved.get(k, link) for k, link in enumerate(links) if k not in used]
