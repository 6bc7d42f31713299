from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.anchors import extract
from reconcile.divergence import figure_divergences
from reconcile.model import Link
from reconcile.pipeline import edition_from_text, prepare
from reconcile.similarity import cognate_keys, dice, length_delta, match_anchors


def keys(anchors):
    return [str(a.key) for a in anchors]


def test_partial_and_full_dates_match():
    m = match_anchors(extract("on November 9, 2020", "en"), extract("9 ноября", "ru"))
    assert not m.only_pivot and not m.only_edition


def test_changed_figure_is_left_on_both_sides():
    m = match_anchors(extract("about 90,000 people", "en"), extract("около 80 000 человек", "ru"))
    assert keys(m.only_pivot) == ["num:90000"] and keys(m.only_edition) == ["num:80000"]


def test_rounded_figure_with_scale_word_matches():
    m = match_anchors(extract("1,530,000 viewers", "en"), extract("1,5 млн зрителей", "ru"))
    assert not m.only_pivot and not m.only_edition


def test_unit_conversion_matches():
    m = match_anchors(extract("a 550-mile trip", "en"), extract("un trajet de 885 km", "fr"))
    assert not m.only_pivot and not m.only_edition
    m = match_anchors(extract("it was 80 degrees Fahrenheit", "en"), extract("il faisait 27 degrés", "fr"))
    assert not m.only_pivot and not m.only_edition


def test_number_word_matches_digits():
    m = match_anchors(extract("2 ministers", "en"), extract("zwei Minister", "de"))
    assert not m.only_pivot


def test_clock_times_forgive_am_pm():
    m = match_anchors(extract("at 11:35 pm", "en"), extract("в 23:35", "ru"))
    assert not m.only_pivot and not m.only_edition


def test_names_across_scripts():
    m = match_anchors(extract("met Peter Maurer in Stepanakert", "en"), extract("встретил Петера Маурера в Степанакерте", "ru"))
    assert not [a for a in m.only_pivot if str(a.key) in ("name:maurer", "name:stepanakert")]


def test_length_delta_sign_and_scale():
    assert abs(length_delta(100, 110, 1.1)) < 1e-9
    assert length_delta(100, 50, 1.0) < -1 and length_delta(100, 200, 1.0) > 1


def test_cognates_are_shared_by_translations():
    en = cognate_keys("photography format in the international committee")
    es = cognate_keys("el formato de fotografía del comité internacional")
    assert dice(en, es) > 0.3
    assert dice(en, cognate_keys("completely unrelated words here")) < 0.2


def test_military_time_matches_clock_time():
    m = match_anchors(extract("at 1200 hours", "en"), extract("à 12 h 00", "fr"))
    assert not m.only_pivot and not m.only_edition


# --- figure cases: two editions of one sentence, agree or must differ, both directions ---------------

FIGURE_CASES = json.loads((Path(__file__).parent / "data" / "figure_cases.json").read_text("utf-8"))
ALARMS = ("error", "warning")
MISMATCHES = ("number_mismatch", "date_mismatch")


def _figure_params():
    for case in FIGURE_CASES:
        for direction in ("a→b", "b→a"):
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            pivot, edition = (case["a"], case["b"]) if direction == "a→b" else (case["b"], case["a"])
            yield pytest.param(case, direction, id=f"{case['cause']}:{pivot['lang']}→{edition['lang']}:{pivot['text'][:40]}",
                               marks=marks)


def divergences(pivot, edition):
    """The figure divergences of two one-paragraph editions linked with certainty."""
    p, e = prepare([edition_from_text(pivot["lang"], [pivot["text"]]), edition_from_text(edition["lang"], [edition["text"]])])
    match = match_anchors(p.paragraphs[0].anchors, e.paragraphs[0].anchors)
    return figure_divergences(match, Link((1,), (1,), 1.0), False, list(p.paragraphs), list(e.paragraphs),
                              (p.lang, e.lang))


@pytest.mark.parametrize(("case", "direction"), list(_figure_params()))
def test_figure_case(case, direction):
    """``pass``: no figure or date alarm either way; ``fail``: one either way (``kind`` pins it)."""
    pivot, edition = (case["a"], case["b"]) if direction == "a→b" else (case["b"], case["a"])
    found = divergences(pivot, edition)
    alarms = [d for d in found if d.severity in ALARMS and d.kind in MISMATCHES]
    if case["expect"] == "pass":
        assert not alarms, [(d.kind, d.how, [a.surface for a in d.expected], [a.surface for a in d.found]) for d in alarms]
    else:
        assert alarms, [(d.kind, d.severity, d.how) for d in found]
    kind = case.get("kind")
    if kind and (kind in MISMATCHES or direction == "a→b"):  # number_format falls on the edition that keeps it
        assert any(d.kind == kind and d.severity in ALARMS for d in found), [(d.kind, d.severity) for d in found]


def test_number_format_names_the_edition_at_odds():
    """The edition that keeps another locale's separators gets the warning; the other way it is information."""
    en = {"lang": "en", "text": "About 45,000 people left the region last year."}
    fr = {"lang": "fr", "text": "Environ 45,000 personnes ont quitté la région l'an dernier."}
    assert [(d.kind, d.severity) for d in divergences(en, fr)] == [("number_format", "warning")]
    assert [(d.kind, d.severity) for d in divergences(fr, en)] == [("number_format", "info")]


def test_severity_follows_certainty():
    """Digits changed, or a scale word swapped, on a sure link: an error. The same digits read apart
    (a scale word not understood on one side, a figure split by a stray mark): only a warning."""
    def severities(a, b):
        return [(d.kind, d.severity) for d in divergences(a, b)]

    en = {"lang": "en", "text": "The state announced a contribution of 4 billion euros."}
    assert severities(en, {"lang": "fr", "text": "L'Etat a annoncé une dotation de 5 milliards d'euros."}) == \
        [("number_mismatch", "error")]
    assert severities(en, {"lang": "fr", "text": "L'Etat a annoncé une dotation de 4 millions d'euros."}) == \
        [("number_mismatch", "error")]
    typo = {"lang": "en", "text": "The state announced a contribution of 4 thousans million euros."}
    assert severities(typo, {"lang": "fr", "text": "L'Etat a annoncé une dotation de 4 milliards d'euros."}) == \
        [("number_mismatch", "warning")]
    dow = {"lang": "en", "text": "The Dow Jones rose by 68.78 points on Friday."}
    assert severities(dow, {"lang": "es", "text": "El Dow Jones avanzó 68, 78 puntos el viernes."}) == \
        [("number_mismatch", "warning")]
    # a weight word that may be money ("Pfund") against sterling: still a change
    assert severities({"lang": "de", "text": "Der Verein zahlte 450 Millionen Pfund."},
                      {"lang": "es", "text": "El club pagó 450 mil libras esterlinas."}) == [("number_mismatch", "error")]


def test_units_clash_is_symmetric_and_spares_a_unit_and_its_near_twins():
    """Over every unit word of the five languages: the same figure in two units clashes either way or
    neither; never with its own unit, and never across units within ``UNIT_SLACK`` of each other."""
    from itertools import combinations

    from reconcile import measures
    from reconcile.model import Anchor, Figure
    from reconcile.precision import UNIT_SLACK, units_clash

    units = {u.name: u for lang in ("en", "ru", "de", "fr", "es") for u in measures.unit_words(lang).values()}
    figure = Figure(15)
    for a, b in combinations([*units.values(), None], 2):
        x, y = Anchor("number", figure, "15", unit=a), Anchor("number", figure, "15", unit=b)
        assert units_clash(x, y) == units_clash(y, x), (a, b)
        assert not units_clash(x, x)
        if a is not None and b is not None and a.dimension == b.dimension and a.offset == b.offset and \
                max(a.factor, b.factor) <= UNIT_SLACK * min(a.factor, b.factor):
            assert not units_clash(x, y), (a.name, b.name)
    assert units_clash(Anchor("number", figure, "15 km", unit=units["length-kilometer"]),
                       Anchor("number", figure, "15 miles", unit=units["length-mile"]))
