"""The injector's own reading of text, shared with nothing in ``reconcile``.

A digit finder, a naive sentence splitter and scale words per language, and the
faults that change a figure (one digit, a year, a scale word, a rounding). Kept
apart from ``inject.py`` so each stays short; neither imports the detector.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

# A figure as written: digits, with inner decimal or group separators ("45,000", "3,5", "1 200 000").
FIGURE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+|[ \u00a0\u202f]\d{3}(?!\d))*(?![\d])")
# A year standing alone: four digits not glued to another figure ("in 2009", not "2,009" or "2009.5").
YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d]|[.,]\d)")
# Naive sentence end: ., ! or ? (closing quotes allowed), spaces, then a capital, digit or opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”)]*\s+(?=[\"'«„“(¿¡]?[A-ZÀ-ÝА-ЯЁ0-9])")
# Words after which a full stop does not end a sentence (titles, initials, ordinals handled apart).
ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "prof", "st", "sr", "sra", "srta", "jr", "no", "nr", "abs", "bzw", "ca", "vgl", "dh", "zb", "mme", "mm", "av", "etc", "vs", "art", "hr", "fr", "gen", "lt", "col", "sgt", "корр", "им", "ул", "г", "гг", "т", "тыс", "млн", "млрд", "проф"])

# Scale words by magnitude (3 = thousand, 6 = million ...), as (form, magnitude, grammatical slot).
SCALES: dict[str, tuple[tuple[str, int, str], ...]] = {
    "en": (("thousand", 3, "sg"), ("million", 6, "sg"), ("billion", 9, "sg"), ("trillion", 12, "sg"),
           ("bn", 9, "abbr"), ("mn", 6, "abbr")),
    "de": (("Tausend", 3, "sg"), ("Million", 6, "sg"), ("Millionen", 6, "pl"), ("Milliarde", 9, "sg"),
           ("Milliarden", 9, "pl"), ("Billion", 12, "sg"), ("Billionen", 12, "pl"),
           ("Tsd.", 3, "abbr"), ("Mio.", 6, "abbr"), ("Mrd.", 9, "abbr")),
    "es": (("mil millones", 9, "pl"), ("millón", 6, "sg"), ("millones", 6, "pl"), ("billón", 12, "sg"),
           ("billones", 12, "pl"), ("mil", 3, "pl")),
    "fr": (("mille", 3, "sg"), ("million", 6, "sg"), ("millions", 6, "pl"), ("milliard", 9, "sg"),
           ("milliards", 9, "pl"), ("billion", 12, "sg"), ("billions", 12, "pl")),
    "ru": (("тыс.", 3, "abbr"), ("тысяч", 3, "pl"), ("тысячи", 3, "sg"), ("млн", 6, "abbr"),
           ("миллионов", 6, "pl"), ("миллиона", 6, "sg"), ("миллион", 6, "sg"), ("млрд", 9, "abbr"),
           ("миллиардов", 9, "pl"), ("миллиарда", 9, "sg"), ("миллиард", 9, "sg"), ("трлн", 12, "abbr")),
}


class Unplaceable(Exception):
    """This document cannot take this fault (the message says why)."""


def sentences(text: str) -> list[str]:
    """A naive splitter: ends of sentences not after an abbreviation, an initial or an ordinal.

    >>> sentences("Dr. Who came on 3. May. He left. Then?")
    ['Dr. Who came on 3. May.', 'He left.', 'Then?']
    """
    parts: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = re.search(r"(\w+)\W*$", text[start:match.start()])
        word = before.group(1) if before else ""
        if text[match.start() - 1] == "." and (word.lower() in ABBREVIATIONS or len(word) == 1 or word.isdigit()):
            continue
        parts.append(text[start:match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def digits(figure: str) -> str:
    return re.sub(r"\D", "", figure)


def figure_keys(text: str) -> set[str]:
    """The digit strings of a paragraph's figures, separators dropped ("45,000" and "45 000" meet)."""
    return {digits(m.group()) for m in FIGURE.finditer(text)} | set(re.findall(r"\d+", text))


def figure_in_pivot(rng: random.Random, pivot: Sequence[str], edition: Sequence[str],
                     pattern: re.Pattern[str], accept: Callable[[re.Match[str]], bool]) -> tuple[int, re.Match[str]]:
    """A random match of ``pattern`` in an edition paragraph whose digits the pivot paragraph also has."""
    found = [(k, m) for k in range(len(edition)) for m in pattern.finditer(edition[k])
             if accept(m) and digits(m.group(1) if m.re.groups else m.group()) in figure_keys(pivot[k])]
    if not found:
        raise Unplaceable("no figure shared with the pivot")
    return rng.choice(found)


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def fault_digit(rng: random.Random, pv: Sequence[str], ed: list[str]) -> tuple[int, str]:
    """One digit of any figure the pivot paragraph also has, changed (no new leading zero)."""
    k, m = figure_in_pivot(rng, pv, ed, FIGURE, lambda m: True)
    old = m.group()
    places = [i for i, ch in enumerate(old) if ch.isdigit()]
    i = rng.choice(places)
    choices = [d for d in "0123456789" if d != old[i] and not (i == places[0] and d == "0" and len(places) > 1)]
    new = old[:i] + rng.choice(choices) + old[i + 1:]
    ed[k] = _replace(ed[k], m.start(), m.end(), new)
    return k, f"{old} → {new}"


def fault_year(rng: random.Random, pv: Sequence[str], ed: list[str]) -> tuple[int, str]:
    """A year the pivot paragraph also has, shifted by 1 to 9."""
    k, m = figure_in_pivot(rng, pv, ed, YEAR, lambda m: True)
    new = str(int(m.group()) + rng.choice([-1, 1]) * rng.randint(1, 9))
    ed[k] = _replace(ed[k], m.start(), m.end(), new)
    return k, f"{m.group()} → {new}"


def _scale_pattern(lang: str) -> re.Pattern[str]:
    forms = sorted((f for f, _, _ in SCALES.get(lang, ())), key=len, reverse=True)
    if not forms:
        raise Unplaceable("no scale words for this language")
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"({FIGURE.pattern})[ \u00a0]?({alternation})(?!\w)")


def fault_scale(rng: random.Random, pv: Sequence[str], ed: list[str], lang: str) -> tuple[int, str]:
    """A scale word after a shared figure turned into the next scale up or down (million ↔ billion)."""
    k, m = figure_in_pivot(rng, pv, ed, _scale_pattern(lang), lambda m: True)
    table = SCALES[lang]
    form = m.group(2)
    magnitude, slot = next((mag, s) for f, mag, s in table if f == form)
    target = magnitude + rng.choice([-3, 3]) if magnitude not in (3, 12) else (6 if magnitude == 3 else 9)
    options = [f for f, mag, s in table if mag == target and s == slot] or [f for f, mag, _ in table if mag == target]
    if not options:
        raise Unplaceable(f"no scale word for 10^{target}")
    new = rng.choice(options)
    ed[k] = _replace(ed[k], m.start(2), m.end(2), new)
    return k, f"{m.group()} → {m.group(1)} {new}"


def _rounded(figure: str) -> str | None:
    """The figure rounded to two significant digits in its own format, or None when that changes nothing.

    >>> _rounded("45,213"), _rounded("3,8"), _rounded("1 530 000"), _rounded("2009"), _rounded("450")
    ('45,000', '4', '1 500 000', None, None)
    """
    if YEAR.fullmatch(figure) or re.fullmatch(r"\d+[.,]0+", figure):
        return None
    decimal = re.fullmatch(r"(\d+)[.,](\d{1,2})", figure)
    if decimal and int(decimal.group(2)):  # a decimal fraction: drop it, rounding half up
        whole = int(decimal.group(1)) + (int(decimal.group(2)[0]) >= 5)
        return str(whole)
    run = digits(figure)
    if len(run) < 3 or int(run[2:]) == 0:
        return None
    value = round(int(run), 2 - len(run))
    if len(str(value)) != len(run):
        return None
    new = iter(str(value))
    return "".join(next(new) if ch.isdigit() else ch for ch in figure)


def fault_round(rng: random.Random, pv: Sequence[str], ed: list[str]) -> tuple[int, str]:
    """A figure the pivot paragraph also has, rounded (45,213 → 45,000; 3,8 → 4)."""
    k, m = figure_in_pivot(rng, pv, ed, FIGURE, lambda m: _rounded(m.group()) is not None)
    new = _rounded(m.group()) or ""
    ed[k] = _replace(ed[k], m.start(), m.end(), new)
    return k, f"{m.group()} → {new}"


def pick(rng: random.Random, candidates: Sequence[int], why: str) -> int:
    if not candidates:
        raise Unplaceable(why)
    return rng.choice(list(candidates))
