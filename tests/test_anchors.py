"""Anchor extraction: a data-driven table per language plus invariants."""

from __future__ import annotations

import json
import re
import signal
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.anchors import PASSES, annotate, extract, parse_number
from reconcile.ingest import normalise
from reconcile.model import Day, Figure
from reconcile.patterns import SP, alternation, patterns
from reconcile.scan import Scan

CASES = json.loads((Path(__file__).parent / "data" / "anchor_cases.json").read_text("utf-8"))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.get("why", "known failure"))] if case["expect"] == "fail" else []
        yield pytest.param(case, id=f"{case['lang']}:{case['text']}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_anchor_case(case):
    keys = [str(a.key) for a in extract(normalise(case["text"]), case["lang"]) if a.kind != "name"]
    assert keys == case["keys"]


def test_same_fact_same_key_across_languages():
    texts = {"en": "signed on November 9", "ru": "подписано 9 ноября", "de": "am 9. November unterzeichnet",
             "es": "firmado el 9 de noviembre", "fr": "signé le 9 novembre"}
    assert {lang: [a.key for a in extract(t, lang)] for lang, t in texts.items()} == \
        {lang: [Day(None, 11, 9)] for lang in texts}


def test_long_scale_false_friends():
    assert extract("5 billion", "en")[0].key == extract("5 Milliarden", "de")[0].key == \
        extract("5 milliards", "fr")[0].key == extract("5 mil millones", "es")[0].key == Figure(Decimal(5 * 10**9))
    assert extract("5 Billionen", "de")[0].key == extract("5 billones", "es")[0].key == Figure(Decimal(5 * 10**12))


def test_names_are_transliterated():
    assert [str(a.key) for a in extract("встречался с Маурером", "ru") if a.kind == "name"] == ["name:maurerom"]
    assert [str(a.key) for a in extract("in Stepanakert and Yerevan", "en") if a.kind == "name"] == \
        ["name:stepanakert", "name:yerevan"]


def test_units_carry_their_conversion():
    (miles,) = extract("a 550-mile trip", "en")
    assert miles.unit is not None and abs(miles.unit.to_base(550) - 885_139) < 1
    (heat,) = extract("it was 80 degrees Fahrenheit", "en")
    assert heat.unit is not None and abs(heat.unit.to_base(80) - 26.67) < 0.01


def test_ambiguous_separators_keep_both_readings():
    """``45,000`` in a French edition is 45 the French way and 45000 the English way."""
    (fr,) = extract("45,000 personnes", "fr")
    (en,) = extract("45,000 people", "en")
    assert fr.key == Figure(Decimal(45)) and fr.foreign == (Figure(Decimal(45000)),)
    assert en.key == Figure(Decimal(45000)) and en.foreign == (Figure(Decimal(45)),)
    (plain,) = extract("45 000 personnes", "fr")
    assert not plain.foreign


FORMATS = {  # (group, decimal) in each locale's way, and the locale that reads it unambiguously
    "en": (",", "."), "de": (".", ","), "es": (".", ","), "fr": ("\u202f", ","), "ru": ("\u00a0", ","),
}


def _write(value: Decimal, group: str, decimal: str) -> str:
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    return grouped + (decimal + frac if frac else "")


@given(st.decimals(min_value=1000, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_number_keys_survive_locale_formats(value):
    """1,234.5 / 1 234,5 / 1.234,5: rewriting a number in another locale's format keeps its key."""
    keys = set()
    for lang, (group, decimal) in FORMATS.items():
        text = normalise(f"about {_write(value, group, decimal)} units")
        anchors = [a for a in extract(text, lang) if isinstance(a.key, Figure)]
        assert len(anchors) == 1, (lang, text, anchors)
        keys.add(anchors[0].key)
    assert len(keys) == 1


def test_parse_number_lets_the_locale_decide():
    assert parse_number("90,000", "en") == Decimal(90000)
    assert parse_number("90,000", "ru") == Decimal("90.000")
    assert parse_number("1.500", "de") == Decimal(1500)


def test_patterns_do_not_backtrack_catastrophically():
    """Adversarial inputs for the date, number and name patterns terminate (ReDoS guard).

    Not a speed target: the alarm only turns a runaway regex (minutes or
    hours) into a failure instead of a hung test run.
    """
    hostile = ["1" * 5000 + "x", "1 " * 3000 + "x", "9." * 3000, "A" * 5000, ("ноября " * 2000),
               "1,000," * 2000 + "a", "\u00a01" * 3000,
               # the figure patterns: scale chains, clocks, run times, codes, leftovers, ranges, words
               "1 " + "million " * 2000, "3 mil millones de " * 1000, "2 heures 15 " * 2000, "H5N1-" * 2000,
               "5.5." * 3000, "twenty-" * 3000 + "five", "F-" * 3000 + "35", "01:02:" * 2000, "0, " * 3000 + "%",
               "a las " * 2000 + "tres", "в 11-" * 2000, "años " * 2000 + "90", "siglos XI, " * 2000,
               "20 bis " * 2000 + "25 Tausend", "zweihundert" * 500, "1 1/2 " * 2000, "$" * 5000 + "5"]

    def runaway(signum, frame):
        raise AssertionError("a pattern backtracked for over 30 s")

    previous = signal.signal(signal.SIGALRM, runaway)
    signal.alarm(30)
    try:
        for lang in ("en", "ru", "de", "es", "fr"):
            for text in hostile:
                assert isinstance(extract(text, lang), tuple)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Pieces a figure, a date or a time is written with, for texts the passes tried only near digits must read
# as a full scan does (their ``reach`` says how far before a run of digits a match may start).
_PIECES = st.sampled_from(["1", "9", "12", "2020", "000", "0", " ", "\u00a0", ".", ",", "-", "/", ":", "%", "'", "$",
                           "US$", "€", "C$", "¥", "No.", "Nr.", "ноября", "November", "de", "a", "x", "p.m.", "Uhr",
                           "h", "s", "е", "er", "٣", "(", "«"])


@given(st.lists(_PIECES, max_size=14).map("".join), st.sampled_from(["en", "de", "es", "fr", "ru"]))
def test_passes_tried_near_digits_find_what_a_full_scan_finds(text, lang):
    scan = Scan(text, lang)
    for step in PASSES:
        reach = step.reach_in(lang)
        if reach is not None:
            regex = getattr(patterns(lang), step.pattern)
            assert [m.span() for m in scan.near_digits(regex, reach)] == [m.span() for m in regex.finditer(text)]


# Words and texts over a few characters that meet in every way a tree of beginnings could get wrong: shared
# beginnings, words that are beginnings of others, case variants (the long s is an "s" in any case), a space
# and a no-break space.
_LETTERS = st.sampled_from(["a", "A", "b", "s", "\u017f", " ", "\u00a0"])


@given(st.lists(st.lists(_LETTERS, min_size=1, max_size=3).map("".join), min_size=1, max_size=6),
       st.lists(_LETTERS, max_size=8).map("".join), st.booleans())
def test_alternation_as_a_tree_matches_as_the_flat_list(words, text, ignore_case):
    flat = "|".join(re.escape(w).replace(r"\ ", SP + "+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
    flags = re.IGNORECASE if ignore_case else 0
    for follow in ("", "b", "(?!a)"):  # what comes after the words: a match may have to back off to a shorter one
        tree, reference = re.compile(f"(?:{alternation(words)}){follow}", flags), re.compile(f"(?:{flat}){follow}", flags)
        assert [tree.match(text, k) and tree.match(text, k).span() for k in range(len(text))] == \
            [reference.match(text, k) and reference.match(text, k).span() for k in range(len(text))]


def test_days_of_the_week_in_every_form_and_only_as_days():
    from reconcile.anchors_time import weekdays as read

    def weekdays(text, lang):
        return dict(read(text, lang))

    assert weekdays("В пятницу, до субботы и в воскресенье, но не во вторника", "ru") == \
        {4: "пятницу", 5: "субботы", 6: "воскресенье", 1: "вторника"}
    assert weekdays("выбросы в окружающую среду и в среде обитания", "ru") == {}  # "среда" is also "environment"
    assert weekdays("выступил в среду", "ru") == {2: "в среду"}
    assert weekdays("Am Sonntagabend, bei den Dienstagsgeschäften; die Montage der Anlage", "de") == \
        {6: "Sonntagabend", 1: "Dienstagsgeschäften"}
    assert weekdays("el miércoles y el sábado", "es") == {2: "miércoles", 5: "sábado"}
    assert weekdays("Sunday's vote", "en") == {6: "Sunday"}
    assert weekdays("Montag", "xx") == {}


@given(st.lists(st.sampled_from(["Montag", "Sonntagabend", "в среду", "среду", "пятницу", "Sunday", "samedi",
                                 "miércoles", "İstanbul", "Montage", "x", " ", ",", "1", "\u00a0"]), max_size=12),
       st.sampled_from(["ru", "en", "de", "fr", "es", "zh", "xx"]))
def test_days_read_are_days_written_where_they_stand(pieces, lang):
    """Whatever the text (letters that lower-case to two, as "İ", included): each day read is a day of the
    week, and what is quoted as written is the text's own spelling of that day."""
    from os.path import commonprefix

    from reconcile.anchors_time import weekdays
    from reconcile.locales import weekday_names

    text = "".join(pieces)
    names = weekday_names(lang)
    for day, written in weekdays(text, lang):
        stem = commonprefix([name for name, d in names.items() if d == day])
        assert 0 <= day <= 6 and written in text and stem in written.lower(), (day, written)


def test_code_is_read_with_the_same_conventions_in_every_edition():
    """An HTTP header quoted in a <pre> of the ru edition is the en edition's: its date is read, not lost."""
    from reconcile.pipeline import edition_from_text, prepare

    ru = prepare([edition_from_text("ru", ["Сервер отвечает так:", "Date: Wed, 05 Nov 2003 10:00:00 GMT"])])[0]
    code = replace(ru.paragraphs[1], block="code")
    annotated = annotate(replace(ru, paragraphs=(ru.paragraphs[0], code)))
    assert [a.kind for a in annotated.paragraphs[1].anchors] == [a.kind for a in extract(code.norm, "en")]
    assert "date" in [a.kind for a in annotated.paragraphs[1].anchors]


def test_a_month_is_written_as_its_language_writes_it():
    """English and German write months with a capital: "UTF-8 may look as follows" holds no 8 May."""
    assert [a.kind for a in extract("UTF-8 may look as follows", "en")] == ["code"]
    assert [str(a.key) for a in extract("ON MAY 9, 2020 and on 8 May 2021", "en")] == ["date:2020-05-09", "date:2021-05-08"]
    assert [str(a.key) for a in extract("le 9 mai 2020", "fr")] == ["date:2020-05-09"]
