"""Repairs after the DP: moves found from content the two sides share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reconcile.model import Link
from reconcile.repair import Unit, crossed, find_moves


def _unit(n: int, names: set[str] = frozenset(), cognates: set[str] = frozenset(), length: int = 120) -> Unit:
    return Unit(n, f"paragraph {n}", length, 1, frozenset(), frozenset(names), frozenset(cognates))


# Pivot ¶2 went to edition ¶5: the DP left it unlinked on both sides.
LINKS = [Link((1,), (1,), 0.9), Link((2,), (), 0.5), Link((3,), (2,), 0.9), Link((4,), (3,), 0.9),
         Link((5,), (4,), 0.9), Link((), (5,), 0.5), Link((6,), (6,), 0.9)]
OTHERS = {1: {"name:minis"}, 3: {"name:afric"}, 4: {"name:exper"}, 5: {"name:journ"}, 6: {"name:autum"}}


def _sides(moved_pivot: Unit, moved_edition: Unit, rival: set[str] = frozenset()) -> tuple[list[Unit], list[Unit]]:
    left = [moved_pivot if n == 2 else _unit(n, OTHERS[n]) for n in range(1, 7)]
    right = [_unit(1, OTHERS[1]), _unit(2, OTHERS[3] | rival), _unit(3, OTHERS[4]), _unit(4, OTHERS[5]),
             moved_edition, _unit(6, OTHERS[6])]
    return left, right


def test_a_pair_that_shares_little_but_only_with_each_other_is_a_move():
    # Two names in common out of four and three: below the evidence a move needs on its own (Dice 0.57).
    left, right = _sides(_unit(2, {"name:lavro", "name:neben", "name:genev", "name:ambas"}),
                         _unit(5, {"name:lavro", "name:neben", "name:jenev"}))
    moved = [(link.pivot, link.edition) for link in find_moves(LINKS, left, right, 1.0) if link.moved]
    assert moved == [((2,), (5,))]


def test_no_move_when_another_paragraph_shares_as_much():
    left, right = _sides(_unit(2, {"name:lavro", "name:neben", "name:genev", "name:ambas"}),
                         _unit(5, {"name:lavro", "name:neben", "name:jenev"}), rival={"name:lavro", "name:neben"})
    assert not [link for link in find_moves(LINKS, left, right, 1.0) if link.moved]


def test_no_move_on_one_shared_name():
    left, right = _sides(_unit(2, {"name:lavro", "name:genev"}), _unit(5, {"name:lavro", "name:jenev"}))
    assert not [link for link in find_moves(LINKS, left, right, 1.0) if link.moved]


# A short statement whose first paragraph went last: the lengths paired all three in order, one place off.
ROTATED_PIVOT = [_unit(1, {"name:niue", "name:pago"}, {"bule", "tsun"}), _unit(2, {"name:tonga"}, {"dama", "powe", "warn"}),
                 _unit(3, {"name:hawai"}, {"scho", "coas"})]
ROTATED_EDITION = [_unit(1, {"name:tonga"}, {"dama", "powe", "tsun"}), _unit(2, {"name:hawai"}, {"scho", "coas", "warn"}),
                   _unit(3, {"name:niue", "name:pago"}, {"bule"})]
IN_ORDER = [(0, 0, 1, 1), (1, 1, 2, 2), (2, 2, 3, 3)]


def test_a_crossing_is_seen_through_a_cognate_shared_by_chance():
    # The in-order links share one cognate each ("tsun", "warn"): what unrelated paragraphs often share.
    found = crossed(ROTATED_PIVOT, ROTATED_EDITION, IN_ORDER)
    assert found is not None and (found[0], found[1]) == (0, 2) and found[2].moved


def test_no_crossing_when_each_paragraph_shares_most_with_its_own_counterpart():
    # The first and the last paragraph name the same people, but each shares more with its own translation.
    pivot = [_unit(1, {"name:lavro", "name:genev"}), _unit(2, {"name:tonga"}), _unit(3, {"name:lavro", "name:genev", "name:hawai"})]
    edition = [_unit(1, {"name:lavro", "name:genev"}), _unit(2, {"name:tonga"}), _unit(3, {"name:lavro", "name:genev", "name:hawai"})]
    assert crossed(pivot, edition, IN_ORDER) is None


def test_a_move_is_seen_from_cognates_too_few_for_a_best_match():
    # Three shared cognates per true pair: below the evidence a best match needs (MOVE_EVIDENCE), but
    # taking the last paragraph out pairs the two it passed with their own translations.
    pivot = [_unit(1, cognates={"mini", "meet"}), _unit(2, cognates={"expl", "reac", "buil"}),
             _unit(3, cognates={"radi", "leve", "rise"}), _unit(4, cognates={"evac", "zone", "kilo"})]
    edition = [_unit(1, cognates={"mini", "meet"}), _unit(2, cognates={"evac", "zone", "kilo"}),
               _unit(3, cognates={"expl", "reac", "buil"}), _unit(4, cognates={"radi", "leve", "rise"})]
    found = crossed(pivot, edition, [(k, k, k + 1, k + 1) for k in range(4)])
    assert found is not None and (found[0], found[1]) == (3, 1)


KEYS = st.frozensets(st.sampled_from(["name:lavro", "name:genev", "num:2020", "warn", "tsun", "scho", "expl", "reac"]))


@given(st.lists(st.tuples(KEYS, KEYS), min_size=3, max_size=12))
def test_an_edition_that_says_what_the_pivot_says_in_order_never_shows_a_move(keys):
    # Each paragraph shares all its keys with its own counterpart: no other order can share more.
    units = [_unit(n, names={k for k in names if k.startswith(("name:", "num:"))}, cognates=cognates)
             for n, (names, cognates) in enumerate(keys, start=1)]
    assert crossed(units, units, [(k, k, k + 1, k + 1) for k in range(len(units))]) is None
