"""Aligner invariants (hypothesis), the DP kernel against a naive DP, array costs against a per-bead reference."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import dp
from reconcile.align import align_pair, align_sentences
from reconcile.beadcost import (
    ANCHOR_WEIGHT,
    COGNATE_CHANCE,
    COGNATE_WEIGHT,
    MAX_ANCHORS,
    MAX_LENGTH_COST,
    MAX_NAME_BONUS,
    MAX_SENTENCE_COST,
    NAME_BONUS,
    PRIORS,
    SENTENCE_WEIGHT,
    PairCosts,
    Side,
)
from reconcile.diagnose import diagnose
from reconcile.keysets import Vocabulary
from reconcile.model import Settings
from reconcile.pipeline import edition_from_text, prepare
from reconcile.similarity import LENGTH_VARIANCE

WORDS = ["minister", "agreement", "refugees", "mission", "statement", "council", "region", "support",
         "talks", "peace", "humanitarian", "office", "delegation", "border", "programme"]


@st.composite
def paragraphs(draw, min_size=3, max_size=12):
    """Paragraphs of varied length with some figures, like a statement."""
    out = []
    for k in range(draw(st.integers(min_size, max_size))):
        n_words = draw(st.integers(6, 60))
        words = [draw(st.sampled_from(WORDS)) for _ in range(n_words)]
        if draw(st.booleans()):
            words.insert(draw(st.integers(0, len(words))), str(draw(st.integers(10, 99999))))
        sentences = " ".join(words).capitalize() + "."
        out.append(f"{sentences} Item {k + 1} closes here.")
    return out


FILLER = ["the", "and", "of", "to", "in", "was", "for", "on", "at", "by"]
# Made-up content words of 6 to 8 letters (long enough to be cognates), different in every sentence.
CONTENT = st.text(alphabet="bcdfghklmnprstvz", min_size=3, max_size=4).map(lambda s: "".join(c + "ae"[k % 2]
                                                                                        for k, c in enumerate(s)))


@st.composite
def sentences(draw, min_size=3, max_size=20):
    """Sentences of 10 to 35 words: filler words and content words of their own, a clause break, a number."""
    out = []
    for k in range(draw(st.integers(min_size, max_size))):
        content = draw(st.lists(CONTENT, min_size=2, max_size=5))
        words = content + [draw(st.sampled_from(FILLER + content)) for _ in range(draw(st.integers(8, 30)))]
        words = draw(st.permutations(words))
        words.insert(len(words) // 2, f"{100 + 7 * k},")
        out.append(" ".join(words).capitalize() + ".")
    return out


def prepared(lang, texts):
    return prepare([edition_from_text(lang, texts)])[0]


def spans(beads):
    return [(list(b.pivot), list(b.edition)) for b in beads]


# --- paragraphs ------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(paragraphs())
def test_edition_against_itself_gives_only_one_to_one_links(texts):
    edition = prepared("en", texts)
    alignment = align_pair(edition, edition)
    assert [(l.pivot, l.edition) for l in alignment.links] == [((i,), (i,)) for i in range(1, len(texts) + 1)]


@settings(max_examples=40, deadline=None)
@given(paragraphs(), st.data())
def test_links_cover_each_paragraph_once_in_order(texts, data):
    pivot = prepared("en", texts)
    other = list(texts)
    for _ in range(data.draw(st.integers(0, 3))):
        op = data.draw(st.sampled_from(["drop", "merge", "dup"]))
        k = data.draw(st.integers(0, len(other) - 1))
        if op == "drop" and len(other) > 1:
            del other[k]
        elif op == "merge" and k + 1 < len(other):
            other[k: k + 2] = [other[k] + " " + other[k + 1]]
        elif op == "dup":
            other.insert(k, other[k])
    edition = prepared("de", other)
    links = [l for l in align_pair(pivot, edition).links if not l.moved]
    pivot_seen = [n for l in links for n in l.pivot]
    edition_seen = [n for l in links for n in l.edition]
    moved = [l for l in align_pair(pivot, edition).links if l.moved]
    assert sorted(pivot_seen + [n for l in moved for n in l.pivot]) == list(range(1, len(texts) + 1))
    assert sorted(edition_seen + [n for l in moved for n in l.edition]) == list(range(1, len(other) + 1))
    assert pivot_seen == sorted(pivot_seen) and edition_seen == sorted(edition_seen)


@settings(max_examples=40, deadline=None)
@given(paragraphs(min_size=4), st.data())
def test_deleting_paragraph_k_gives_one_missing_at_k(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    pivot = prepared("en", texts)
    edition = prepared("en", texts[:k] + texts[k + 1:])
    findings = diagnose(pivot, edition, align_pair(pivot, edition), Settings(pivot="en"))
    assert [(f.kind, f.pivot) for f in findings if f.severity != "info"] == [("missing", (k + 1,))]


@settings(max_examples=30, deadline=None)
@given(paragraphs(min_size=3), st.data())
def test_splitting_a_paragraph_is_a_split_not_missing_plus_extra(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    first, _, rest = texts[k].partition(". ")
    edition_texts = texts[:k] + [first + ".", rest] + texts[k + 1:]
    pivot, edition = prepared("en", texts), prepared("en", edition_texts)
    findings = diagnose(pivot, edition, align_pair(pivot, edition), Settings(pivot="en"))
    assert [(f.kind, f.pivot, f.edition) for f in findings] == [("split", (k + 1,), (k + 1, k + 2))]


def test_long_pair_aligns_in_a_corridor(make_edition):
    texts = [f"Paragraph {i} says {i * 7} things about {i % 13} topics. It ends here." for i in range(1, 1201)]
    pivot = make_edition("en", texts)
    edition = make_edition("en", texts[:600] + texts[601:])
    links = align_pair(pivot, edition).links
    assert [l.pivot for l in links if not l.edition] == [(601,)]
    assert len(links) == 1200


# --- sentences -------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None)
@given(sentences())
def test_sentences_against_themselves_give_only_one_to_one_beads(texts):
    beads = align_sentences(texts, texts, "en", "de")
    assert spans(beads) == [([k], [k]) for k in range(len(texts))]


@settings(max_examples=25, deadline=None)
@given(sentences(), st.data())
def test_beads_cover_every_sentence_once_in_order(texts, data):
    other = list(texts)
    for _ in range(data.draw(st.integers(0, 4))):
        op = data.draw(st.sampled_from(["drop", "merge", "split", "insert"]))
        k = data.draw(st.integers(0, len(other) - 1))
        if op == "drop" and len(other) > 1:
            del other[k]
        elif op == "merge" and k + 1 < len(other):
            other[k: k + 2] = [other[k] + " " + other[k + 1]]
        elif op == "split" and ", " in other[k]:
            head, _, tail = other[k].partition(", ")
            other[k: k + 1] = [head + ".", tail.capitalize()]
        elif op == "insert":
            other.insert(k, "Bonus text of no relation whatsoever.")
    beads = align_sentences(texts, other, "en", "fr")
    assert [k for b in beads for k in b.pivot] == list(range(len(texts)))
    assert [k for b in beads for k in b.edition] == list(range(len(other)))
    assert all(1 <= len(b.pivot) + len(b.edition) <= 4 for b in beads)


@settings(max_examples=25, deadline=None)
@given(sentences(min_size=4), st.data())
def test_deleting_sentence_k_gives_one_1_0_bead_at_k(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    beads = align_sentences(texts, texts[:k] + texts[k + 1:], "en", "en")
    assert [(b.pivot_start, b.edition_start) for b in beads if b.shape != (1, 1)] == [(k, k)]
    assert [b.shape for b in beads if b.shape != (1, 1)] == [(1, 0)]


@settings(max_examples=25, deadline=None)
@given(sentences(min_size=2), st.data())
def test_splitting_a_sentence_gives_a_1_2_bead(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    head, _, tail = texts[k].partition(", ")
    beads = align_sentences(texts, texts[:k] + [head + ".", tail.capitalize()] + texts[k + 1:], "en", "en")
    assert [(b.shape, b.pivot_start, b.edition_start) for b in beads if b.shape != (1, 1)] == [((1, 2), k, k)]


class TopicEmbedder:
    """A fake embedder: one dimension per topic word ``t<k>``; a text is the normalised sum of its topics."""

    name = "test-topics"

    def embed(self, texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for topic in re.findall(r"\bt(\d+)\b", text):
                out[row, int(topic)] += 1.0
            out[row] /= max(float(np.linalg.norm(out[row])), 1e-9)
        return out


def test_the_embedder_finds_a_dropped_sentence_that_lengths_cannot():
    """Sentences of one length, no shared words: only content tells where the edition lost one."""
    pivot = [f"t{k} " + " ".join(["abc", "def", "ghi"][(k + d) % 3] for d in range(12)) for k in range(12)]
    edition = [f"t{k} " + " ".join(["uvw", "xyz", "opq"][(k + d) % 3] for d in range(12)) for k in range(12)]
    del edition[7]
    with_content = align_sentences(pivot, edition, "en", "fr", embedder=TopicEmbedder())
    assert [(b.shape, b.pivot_start) for b in with_content if b.shape != (1, 1)] == [((1, 0), 7)]
    without = align_sentences(pivot, edition, "en", "fr")
    assert without == align_sentences(pivot, edition, "en", "fr", embedder=None)


# --- the DP kernel ---------------------------------------------------------------------------

class TableCosts:
    """A cost model from a table of random bead costs (inf: shape not allowed there)."""

    shapes = dp.bead_shapes(4)

    def __init__(self, table, skips):
        self.table, self.skips = table, skips
        self.n, self.m = table.shape[0] - 1, table.shape[1] - 1

    def costs(self, i, j):
        return self.table[i, j]

    def edition_skips(self):
        return self.skips

    def coarse(self):
        raise AssertionError("a table has no coarse version")


def naive_dp(model):
    """The textbook DP over the whole matrix, cell by cell."""
    n, m = model.n, model.m
    best = np.full((n + 1, m + 1), math.inf)
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for s, (a, b) in enumerate(model.shapes[:-1]):
                if i >= a and j >= b:
                    best[i, j] = min(best[i, j], best[i - a, j - b] + model.table[i, j, s])
            if j >= 1:
                best[i, j] = min(best[i, j], best[i, j - 1] + model.skips[j - 1])
    return best[n, m]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 7), st.integers(0, 7), st.integers(0, 2**32 - 1))
def test_kernel_matches_the_naive_dp(n, m, seed):
    rng = np.random.default_rng(seed)
    table = rng.uniform(-2, 6, size=(n + 1, m + 1, len(TableCosts.shapes) - 1))
    table[rng.random(table.shape) < 0.2] = math.inf
    for s, (a, b) in enumerate(TableCosts.shapes[:-1]):
        table[:a, :, s] = math.inf
        table[:, :b, s] = math.inf
    table[1:, :, TableCosts.shapes.index((1, 0))] = rng.uniform(0, 6, size=(n, m + 1))  # always a way down
    table, skips = np.round(table * dp.GRID) / dp.GRID, np.round(rng.uniform(0, 6, size=m) * dp.GRID) / dp.GRID
    model = TableCosts(table, skips)  # costs on the kernel's grid: sums are exact
    corridor = dp.Corridor.full(n, m)
    back, cumulative = dp.fill(corridor, model)
    path = dp.traceback(corridor, back, model.shapes, m)
    assert cumulative[-1] == naive_dp(model)
    assert (float(dp.bead_costs(model, path).sum()) if path else 0.0) == cumulative[-1]
    assert path == [] or (path[0][:2] == (0, 0) and path[-1][2:] == (n, m))
    assert all(p[2:] == q[:2] for p, q in itertools.pairwise(path))


def random_side(rng, lengths, vocabulary, keys_per_unit=3, universe=40, left=True):
    def sets(k):
        return [frozenset(f"k{x}" for x in rng.integers(0, universe, size=rng.integers(0, k + 1))) for _ in lengths]

    strong, names, cognates = sets(keys_per_unit), sets(keys_per_unit), sets(3 * keys_per_unit)
    side = Side.of(np.asarray(lengths, dtype=float), rng.integers(1, 4, size=len(lengths)).astype(float),
                   {"strong": strong, "names": names, "cognates": cognates}, vocabulary, left)
    return side, strong, names, cognates


def reference_cost(left, right, a, b, g, h, ratio):
    """One bead's cost, written out per bead with Python sets (as the aligner documents it)."""
    (l_side, l_strong, l_names, l_cognates), (r_side, r_strong, r_names, r_cognates) = left, right

    def union(sets, start, size):
        return frozenset().union(*sets[start:start + size])

    source, target = l_side.length[g:g + a].sum(), r_side.length[h:h + b].sum()
    mean = max((source + target / ratio) / 2, 1.0)
    cost = PRIORS[(a, b)] + min((target - source * ratio) ** 2 / (mean * LENGTH_VARIANCE) / 2, MAX_LENGTH_COST)
    gap = abs(l_side.sentences[g:g + a].sum() - r_side.sentences[h:h + b].sum())
    cost += min(SENTENCE_WEIGHT * gap, MAX_SENTENCE_COST) * (1 if (a, b) == (1, 1) else 2)
    sl, sr = union(l_strong, g, a), union(r_strong, h, b)
    wl, wr = union(l_names, g, a), union(r_names, h, b)
    lone = len(sl - (sr | wr)) + len(sr - (sl | wl))
    cost += ANCHOR_WEIGHT * (min(lone, MAX_ANCHORS) - min(len(sl & sr), MAX_ANCHORS))
    cost -= min(len(wl & wr) * NAME_BONUS, MAX_NAME_BONUS)
    cl, cr = union(l_cognates, g, a), union(r_cognates, h, b)
    cost += COGNATE_WEIGHT * COGNATE_CHANCE - (COGNATE_WEIGHT * 2 * len(cl & cr) / (len(cl) + len(cr)) if cl or cr else 0)
    return cost


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(0, 2**32 - 1))
def test_array_costs_match_the_per_bead_reference(n, m, seed):
    rng = np.random.default_rng(seed)
    vocabulary = Vocabulary()
    left = random_side(rng, rng.integers(1, 300, size=n), vocabulary)
    right = random_side(rng, rng.integers(1, 300, size=m), vocabulary, left=False)
    model = PairCosts(left[0], right[0], 1.1)
    i, j = dp.Corridor.full(n, m).rows(1, n + 1)
    costs = model.costs(i, j)
    for c in range(len(i)):
        for s, (a, b) in enumerate(model.shapes[:-1]):
            if i[c] < a or j[c] < b:
                assert costs[c, s] == math.inf
            elif b == 0:
                assert costs[c, s] == PRIORS[(a, b)]
            else:
                expected = reference_cost(left, right, a, b, i[c] - a, j[c] - b, 1.1)
                assert math.isclose(costs[c, s], expected, abs_tol=1e-9), (i[c], j[c], a, b)


@st.composite
def unit_pairs(draw):
    """A pivot and an edition that translates it: lengths with noise, shared keys (figures, names, cognates)
    carried over with some lost and some added, and units dropped, merged and split here and there."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    pivot = []
    for k in range(draw(st.integers(8, 60))):
        keys = {f"k{k}.{x}" for x in range(rng.integers(0, 6))} | {f"w{x}" for x in rng.integers(0, 30, size=2)}
        pivot.append((int(rng.integers(20, 400)), frozenset(keys)))
    edition: list[tuple[int, frozenset[str]]] = []
    for length, keys in pivot:
        kept = frozenset(key for key in keys if rng.random() < 0.8) | {f"e{rng.integers(0, 10**6)}"}
        roll = rng.random()
        if roll < 0.08:
            continue
        if roll < 0.16 and edition:
            edition[-1] = (edition[-1][0] + length, edition[-1][1] | kept)
        elif roll < 0.24:
            half = sorted(kept)
            edition += [(length // 2, frozenset(half[::2])), (length - length // 2, frozenset(half[1::2]))]
        else:
            edition.append((int(length * rng.uniform(0.85, 1.25)), kept))
    return pivot, edition or [(50, frozenset())]


def side_of(units, vocabulary, left):
    empty = [frozenset()] * len(units)
    return Side.of(np.array([length for length, _ in units], dtype=float), np.ones(len(units)),
                   {"strong": empty, "names": empty, "cognates": [keys for _, keys in units]}, vocabulary, left)


@settings(max_examples=60, deadline=None)
@given(unit_pairs())
def test_corridor_finds_the_full_dp_path(case):
    """Coarse passes all the way down (no whole matrix below a size) find the whole matrix's best path."""
    pivot, edition = case
    vocabulary = Vocabulary()
    model = PairCosts(side_of(pivot, vocabulary, True), side_of(edition, vocabulary, False), 1.05)
    expected = dp.cheapest(dp.Corridor.full(model.n, model.m), model)
    found = dp.best_path(model, full_below=0)
    assert found == expected


@settings(max_examples=30, deadline=None)
@given(unit_pairs(), st.integers(1, 64))
def test_the_fill_does_not_depend_on_how_many_cells_a_block_holds(case, block_cells):
    """Bead costs are held a block of cells at a time (memory); the back-pointers are the same for any block size."""
    pivot, edition = case
    vocabulary = Vocabulary()
    model = PairCosts(side_of(pivot, vocabulary, True), side_of(edition, vocabulary, False), 1.05)
    corridor = dp.Corridor.full(model.n, model.m)
    back, cumulative = dp.fill(corridor, model)
    blocks = list(corridor.blocks_of(block_cells))
    assert blocks[0][0] == 1 and blocks[-1][1] == model.n + 1 if model.n else blocks == []
    assert all(stop > first for first, stop in blocks) and all(p[1] == q[0] for p, q in itertools.pairwise(blocks))
    original = dp.BLOCK_CELLS
    try:
        dp.BLOCK_CELLS = block_cells
        small_back, small_cumulative = dp.fill(corridor, model)
    finally:
        dp.BLOCK_CELLS = original
    assert (small_back == back).all() and (small_cumulative == cumulative).all()


def test_corridor_cells_grow_linearly_whatever_the_length_difference(monkeypatch):
    """Editions 3 % apart in unit count: the cells filled stay a small multiple of n + m."""
    filled: list[int] = []
    original = dp.fill

    def counting(corridor, model):
        filled.append(corridor.cells)
        return original(corridor, model)

    monkeypatch.setattr(dp, "fill", counting)
    rng = np.random.default_rng(7)
    for n in (1000, 4000):
        filled.clear()
        lengths = rng.integers(20, 300, size=n)
        edition = [int(x * rng.uniform(0.9, 1.1)) for k, x in enumerate(lengths) if k % 33]
        vocabulary = Vocabulary()
        model = PairCosts(random_side(rng, lengths, vocabulary, 0)[0],
                          random_side(rng, edition, vocabulary, 0, left=False)[0], 1.0)
        path = dp.best_path(model)
        assert sum(filled) <= 80 * (n + len(edition))
        assert path[0][:2] == (0, 0) and path[-1][2:] == (n, len(edition))


def test_a_moved_paragraph_boundary_is_one_2_2_link(make_edition):
    """Two sentences moved from the second paragraph to the first: neither paragraph has a counterpart alone."""
    s = [f"The council met {k} delegations from the {w} region about the programme." for k, w in
         enumerate(["northern", "southern", "eastern", "western", "central", "coastal", "border", "mountain"], 10)]
    pivot = make_edition("en", ["Opening words of the office here.", " ".join(s[:2]), " ".join(s[2:8]), "Closing."])
    edition = make_edition("en", ["Opening words of the office here.", " ".join(s[:6]), " ".join(s[6:8]), "Closing."])
    links = align_pair(pivot, edition).links
    assert [(l.pivot, l.edition) for l in links] == [((1,), (1,)), ((2, 3), (2, 3)), ((4,), (4,))]


ROTATED_EN = ["The Ministry of Foreign Affairs held a briefing on Tuesday about the results of the week.",
              "Minister Lavrov met Ambassador Nebenzia in Geneva to discuss the humanitarian corridor for civilians.",
              "The talks covered the supply of grain and fertiliser to countries that depend on imports.",
              "Delegations agreed to continue consultations next month at the level of experts.",
              "A press conference followed the meeting, and journalists asked about the schedule.",
              "The next round of talks is planned for the autumn."]
ROTATED_RU = ["Министерство иностранных дел провело во вторник брифинг об итогах недели.",
              "Переговоры касались поставок зерна и удобрений в страны, зависящие от импорта.",
              "Делегации договорились продолжить консультации в следующем месяце на уровне экспертов.",
              "После встречи состоялась пресс-конференция, журналисты спрашивали о графике.",
              "Министр Лавров встретился с послом Небензей в Женеве, чтобы обсудить гуманитарный коридор для мирных жителей.",
              "Следующий раунд переговоров запланирован на осень."]


def test_a_paragraph_moved_past_neighbours_of_similar_length_is_a_move():
    """Lengths alone link en ¶2-5 to ru ¶2-5 one place off; the names say en ¶2 is ru ¶5."""
    links = align_pair(prepared("en", ROTATED_EN), prepared("ru", ROTATED_RU)).links
    assert [(l.pivot, l.edition, l.moved) for l in links] == [
        ((1,), (1,), False), ((2,), (5,), True), ((3,), (2,), False), ((4,), (3,), False), ((5,), (4,), False),
        ((6,), (6,), False)]


def test_the_same_statement_in_order_has_no_move():
    ru = ROTATED_RU[:1] + ROTATED_RU[4:5] + ROTATED_RU[1:4] + ROTATED_RU[5:]
    links = align_pair(prepared("en", ROTATED_EN), prepared("ru", ru)).links
    assert [(l.pivot, l.edition, l.moved) for l in links] == [((k,), (k,), False) for k in range(1, 7)]
