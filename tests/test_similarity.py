from __future__ import annotations

from reconcile.anchors import extract
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
