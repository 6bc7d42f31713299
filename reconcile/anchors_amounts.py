"""Passes that find figures: digits with their scale, unit or currency, codes, numbers in words,
and the passes that join what was written apart (handlers of ``anchors``).

``3 mil 400 millones`` is one figure; a range or list shares what is written
once (``20 bis 25 Tausend``, ``2 to 4 inches``); a bare number near a scale
word it does not carry may be counted in it (``5 thousand, though he counted
on 10``), and keeps that as a reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from operator import itemgetter

from babel.numbers import list_currencies

from . import locales, numerals
from .anchors_time import spelled_century, spelled_clock
from .model import Anchor, AnchorKind, Century, Decade, Figure, Key, Token, Unit
from .number_words import word_parts, word_phrases
from .numbers import TEN, read_digits
from .scan import SPACES, Hit, Scan, anchor_hit

# Capitals before a number that do not name an index: currency codes (CLDR), organisations.
_NOT_INDEX_NAMES = frozenset(list_currencies()) | frozenset(locales.ORGANISATION_OF_SPELLING)


def code(m: re.Match[str], scan: Scan) -> Hit | None:
    """``H5N1``, ``F-35``, ``Су-35``, ``FTSE 100``: compared as written (hyphen, space and script aside); a
    code with one number also reads as that number (``Euro-2012`` ~ ``Euro 2012``)."""
    text = m.group()
    letters = text.split()[0]
    spaced = letters != text
    if spaced and (letters in _NOT_INDEX_NAMES or letters.lower() in scan.pat.units
                   or scan.pat.figure_after.match(scan.text, m.end())):
        return None  # "HUF 65 Mio", "EU 27": an amount, an organisation
    key = re.sub(r"[-\s]", "", text.lower().translate(locales.CYRILLIC_TO_LATIN)).upper()
    numbers = re.findall(r"\d+", text)
    readings = (Figure(Decimal(numbers[0])),) if len(numbers) == 1 and ("-" in text or spaced) else ()
    return anchor_hit(m, "code", Token("code", key), readings=readings)


def compound_word(m: re.Match[str], scan: Scan) -> Hit | None:
    """A number in words joined to an adjective: a percentage ("neunprozentigen", "стопроцентное") or a
    count ("zweihunderttausendköpfige", "dreißigjährige"); read as surely as the number in words alone."""
    word = m["num"].lower()
    phrases = list(word_phrases([(0, len(word), word)], word, scan.lang))
    if len(phrases) != 1 or phrases[0].end != len(word):
        return None
    value, scaled = phrases[0].value, phrases[0].scaled
    return anchor_hit(m, "percent" if m["percent"] else "number", Figure(value), strong=scaled and value >= 1000,
                      scaled=scaled)


def leftover(m: re.Match[str], scan: Scan) -> Hit | None:
    """Tokenisation leftovers: ``25. 000`` is 25000, ``0, 7%`` is 0.7 %, ``depuis1993`` holds 1993."""
    year = m["glued"] or m["glued2"]
    if year and m["glued2"] and scan.pat.figure_after.match(scan.text, m.end()):
        return None  # "1600mètres": a figure and its unit, for the number pass
    if year:
        return Hit(m.start(), m.end(), Anchor("year", Figure(Decimal(year)), year))
    if m["point"]:
        return anchor_hit(m, "percent", Figure(Decimal(f"0.{m['point']}")), exponent=-len(m["point"]))
    return anchor_hit(m, "number", Figure(Decimal(m["head"] + (m["tail"] or m["tail2"]))))


@dataclass(slots=True)
class _Amount:
    """A figure being read: its value, the other conventions' values, precision, scale, unit, kind."""

    value: Decimal
    foreign: tuple[Decimal, ...]
    exponent: int
    end: int
    power: int = 0
    unit: Unit | None = None
    readings: tuple[Key, ...] = ()
    kind: AnchorKind = "number"


def number(m: re.Match[str], scan: Scan) -> Hit | None:
    """Digits with what is written around them: scale word, half, percent, unit or currency."""
    written = read_digits(m["num"], scan.lang)
    if written is None:
        return None
    amount = _Amount(written.value, written.foreign, written.exponent, m.end())
    if m["frac"]:
        amount.value, amount.exponent = amount.value + Decimal(numerals.FRACTIONS[m["frac"].strip()]), -1
    base = amount.value
    amount.unit = _unit(m, scan) if m["sign"] or m["unit"] else None
    if m["scale"] or m["short"]:
        _scale(amount, m, scan)
    if m["percent"]:
        amount.kind = "percent"
    elif not amount.power and amount.unit is None:
        base += _year_or_half(amount, m, scan)
    anchor = Anchor(amount.kind, Figure(amount.value), scan.text[m.start():amount.end].strip(), readings=amount.readings,
                    foreign=tuple(map(Figure, amount.foreign)) if amount.foreign else (), unit=amount.unit,
                    exponent=amount.exponent, scaled=bool(amount.power))
    return Hit(m.start(), amount.end, anchor, base=base, power=amount.power, ordinal=bool(m["ord"]))


def _scale(amount: _Amount, m: re.Match[str], scan: Scan) -> None:
    """Apply the scale words written; a word that may also be a unit keeps the other reading
    ("1,50m": metres first outside English; "400m": millions first in English)."""
    power, word = _scale_power(m, scan)
    unit_name = numerals.SCALE_OR_UNIT.get(scan.lang, {}).get(word) if amount.unit is None else None
    unit = next((u for u in scan.pat.units.values() if u.name == unit_name), None) if unit_name else amount.unit
    if unit_name and word not in numerals.SCALE_FIRST.get(scan.lang, ()):
        amount.readings, amount.unit = (Figure(amount.value * TEN ** power),), unit
        return
    half = TEN ** power / 2 if m["half"] else Decimal(0)
    amount.readings = (Figure(amount.value),) if unit_name else ()
    amount.unit, amount.power = unit, power
    amount.value, amount.exponent = amount.value * TEN ** power + half, amount.exponent + power
    amount.foreign = tuple(v * TEN ** power + half for v in amount.foreign)


def _year_or_half(amount: _Amount, m: re.Match[str], scan: Scan) -> Decimal:
    """A bare four-digit figure is a year; a bare count may take a half after its noun ("7 años y
    medio"). Returns what was added to the value."""
    if not m["ord"] and len(m["num"]) == 4 and scan.pat.year.fullmatch(m["num"]):
        amount.kind = "year"
        return Decimal(0)
    half_after = scan.pat.half_after_noun.match(scan.text, amount.end)
    if half_after is None:
        return Decimal(0)
    amount.end, amount.value, amount.exponent = half_after.end(), amount.value + _HALF, min(amount.exponent, -1)
    amount.foreign = tuple(v + _HALF for v in amount.foreign)
    return _HALF


_HALF = Decimal("0.5")


def _half_after_noun(end: int, scan: Scan) -> tuple[int, Decimal]:
    """"dos meses y medio", "sept ans et demi": the half written after the thing counted."""
    half = scan.pat.half_after_noun.match(scan.text, end)
    return (half.end(), Decimal("0.5")) if half else (end, Decimal(0))


def _scale_power(m: re.Match[str], scan: Scan) -> tuple[int, str]:
    """Power of ten of the scale words written (``mil millones``, ``thousand million``), and the last of them."""
    written = (m["short"] or m["scale"] or "").lower()
    words = [SPACES.sub(" ", w).rstrip(".") for w in scan.pat.scale_chain.findall(written)] \
        if m["scale"] else [written]
    return sum(scan.pat.scales[w] for w in words), words[-1]


def _unit(m: re.Match[str], scan: Scan) -> Unit | None:
    if m["sign"]:
        return scan.pat.units.get(m["sign"].lower())
    if m["unit"]:
        return scan.pat.units.get(SPACES.sub(" ", m["unit"].lower()))
    return None


def word_hits(scan: Scan) -> Iterator[Hit]:
    """Numbers in words (``five hundred``, ``двумя тысячами``, ``a las tres de la tarde``).

    Only the words that can take part are kept (number words and the vague
    quantities that cancel them): anything else between two of them is a gap
    that ends a number anyway.
    """
    tokens = _number_tokens(scan)
    for phrase in word_phrases(tokens, scan.text, scan.lang):
        hit = spelled_clock(phrase.start, phrase.end, phrase.value, scan) or spelled_century(phrase, scan)
        if hit is None:
            end, half = _half_after_noun(phrase.end, scan) if not phrase.scaled else (phrase.end, Decimal(0))
            strong = phrase.scaled and phrase.value >= 1000
            anchor = Anchor("number", Figure(phrase.value + half), scan.text[phrase.start:end], strong=strong,
                            scaled=phrase.scaled, exponent=_exponent(phrase.value) if phrase.scaled else 0)
            hit = Hit(phrase.start, end, anchor)
        if scan.take(hit.start, hit.end):
            yield hit


def _number_tokens(scan: Scan) -> list[tuple[int, int, str]]:
    """Where the paragraph's number words stand, found from its set of words (a paragraph has few of
    them; going through all its words costs more), each widened to its hyphenated word."""
    lang, lower, free = scan.lang, scan.lower, scan.free
    wanted = scan.words & scan.pat.token_words if not scan.pat.number_word_rules else \
        [w for w in scan.words if w in scan.pat.context_words or (w[:3] in scan.pat.number_starts and word_parts(w, lang))]
    spans: dict[int, int] = {}
    for word in wanted:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lower[at - 1].isalpha()) and (end == len(lower) or not lower[end].isalpha()):
                start, stop = _hyphenated(lower, at, end, lang)
                if free[start] and free[stop - 1]:
                    spans[start] = max(stop, spans.get(start, stop))
            at = lower.find(word, end)
    return [(start, spans[start], lower[start:spans[start]]) for start in sorted(spans)]


def _hyphenated(lower: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """The hyphenated word around [start, end): "twenty-five", "quatre-vingt-dix", "five-litre", but
    only "sixth-grade" in "K-through-sixth-grade" (a word before joins only if it is a number word).
    At most ``_PIECES`` pieces each way: a number in words has no more."""
    for _ in range(_PIECES):
        if not (start > 1 and lower[start - 1] == "-" and lower[start - 2].isalpha()):
            break
        left = start - 2
        while left > 0 and lower[left - 1].isalpha():
            left -= 1
        if not word_parts(lower[left:start - 1], lang):
            break
        start = left
    for _ in range(_PIECES):
        if not (end + 1 < len(lower) and lower[end] == "-" and lower[end + 1].isalpha()):
            break
        end += 2
        while end < len(lower) and lower[end].isalpha():
            end += 1
    return start, end


_PIECES = 4


def _exponent(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def join_figures(figures: list[Hit], scan: Scan) -> list[Hit]:
    """The figures in text order, with what was written apart joined (see the module's docstring)."""
    if len(figures) > 1:
        figures.sort(key=_START)
        figures = _share(_compounds(figures, scan.text), scan)
    return _implied_scales(figures, scan) if figures else figures


_START = itemgetter(0)


def _compounds(hits: list[Hit], text: str) -> list[Hit]:
    """One figure written in parts: ``3 mil 400 millones`` (a smaller figure before a larger scale),
    ``1 million 200 thousand``, ``200 thousand 144,56`` (smaller parts after a scaled one)."""
    out: list[Hit] = []
    for hit in hits:
        last = out[-1] if out else None
        joined = _joined(last, hit, text) if last is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(hit)
    return out


def _joined(last: Hit, hit: Hit, text: str) -> Hit | None:
    if last.base is None or hit.base is None or last.power < 3 or last.anchor.kind != hit.anchor.kind \
            or not _GAP.fullmatch(text, last.end, hit.start):
        return None
    if hit.power > last.power and hit.base < TEN ** last.power:  # 3 mil 400 millones
        value, power = (last.base * TEN ** last.power + hit.base) * TEN ** hit.power, hit.power
    elif hit.power < last.power and hit.base * TEN ** hit.power < TEN ** last.power:  # 1 million 200 thousand
        value, power = last.base * TEN ** last.power + hit.base * TEN ** hit.power, last.power
    else:
        return None
    anchor = replace(hit.anchor, key=Figure(value), surface=text[last.start:hit.end], foreign=(), readings=(),
                     exponent=min(last.anchor.exponent, hit.anchor.exponent), scaled=True, unit=hit.anchor.unit)
    return Hit(last.start, hit.end, anchor, base=value / TEN ** power, power=power)


_GAP = re.compile(r"[ \u00a0]+")


def _share(hits: list[Hit], scan: Scan) -> list[Hit]:
    """What is written once with a range or list belongs to each figure: after it ("20 bis 25 Tausend",
    "2 to 4 inches", "20-35%", "11th and 13th centuries", "19. und 20. Jahrhundert") or before it
    ("années 50 et 60": both decades)."""
    gap = scan.pat.range_gap
    for k in range(len(hits) - 2, -1, -1):
        a, b = hits[k], hits[k + 1]
        if a.anchor.kind in ("number", "year") and a.base is not None and gap.fullmatch(scan.text, a.end, b.start):
            hits[k] = a._replace(anchor=_shared_after(a, b, scan))
    for k in range(1, len(hits)):
        a, b = hits[k - 1], hits[k]
        if a.anchor.kind == "decade" and b.anchor.kind == "number" and gap.fullmatch(scan.text, a.end, b.start):
            hits[k] = b._replace(anchor=_shared_decade(a.anchor, b))
    return hits


def _shared_after(a: Hit, b: Hit, scan: Scan) -> Anchor:
    """The first figure of a pair takes the century word, scale, unit or percent written after the second."""
    if b.anchor.kind == "century" and (a.ordinal or scan.text.startswith(".", a.end)) and a.base is not None:
        return replace(a.anchor, kind="century", key=Century(int(a.base)), foreign=())
    if b.base is not None and b.anchor.kind in ("number", "percent"):
        return _shared(a, b)
    return a.anchor


def _shared_decade(decade: Anchor, b: Hit) -> Anchor:
    """``60`` after ``années 50 et``: a decade too (its digits kept as a reading)."""
    if b.base is None or b.power or not _decade_like(decade, b.base):
        return b.anchor
    key = Decade(int(b.base) % 100, int(b.base) if b.base >= 100 else None)
    return replace(b.anchor, kind="decade", key=key, readings=(b.anchor.key,))


DIGITS_EXACT = 28  # Decimal's default precision: past it, remainders raise instead of answering


def _decade_like(decade: Anchor, value: Decimal) -> bool:
    """``50`` after ``années 60``, ``1970`` after ``1960s``: the same number of digits, ending in 0."""
    if not isinstance(decade.key, Decade) or not value.is_finite() or value.adjusted() >= DIGITS_EXACT \
            or value != value.to_integral_value() or value % 10:
        return False  # too long for exact arithmetic (1e308 in a scraped page): no decade
    return (value < 100) == (decade.key.year is None)


def _shared(a: Hit, b: Hit) -> Anchor:
    anchor = a.anchor
    if b.power and not a.power and a.anchor.kind == "number" and a.base is not None and a.base < 1000:
        anchor = replace(anchor, key=Figure(a.base * TEN ** b.power), readings=(*anchor.readings, anchor.key),
                         foreign=tuple(Figure(f.value * TEN ** b.power) for f in anchor.foreign if isinstance(f, Figure)),
                         scaled=True, exponent=anchor.exponent + b.power)
    if anchor.unit is None and b.anchor.unit is not None:
        anchor = replace(anchor, unit=b.anchor.unit)
    if b.anchor.kind == "percent" and anchor.kind == "number":
        anchor = replace(anchor, kind="percent")
    return anchor


def _implied_scales(hits: list[Hit], scan: Scan) -> list[Hit]:
    """A bare number near a scale word it does not carry may be counted in it: "5 thousand, though he
    counted on 10", "die 750 durch Europa mobilisierten Milliarden", "serán 40 los millones". Such a
    number keeps its own value and gains a reading in each scale written in the text."""
    if scan.words.isdisjoint(scan.pat.scale_tokens):
        return hits
    bare = [k for k, hit in enumerate(hits) if _bare_count(hit)]
    powers = sorted({scan.pat.scales[SPACES.sub(" ", w.lower()).rstrip(".")]
                     for w in scan.pat.scale_chain.findall(scan.text)} - {0}) if bare else []
    for k in bare if powers else ():
        hit, base = hits[k], hits[k].base or Decimal(0)
        implied = tuple(Figure(base * TEN ** p) for p in powers[-2:])
        hits[k] = hit._replace(anchor=replace(hit.anchor, readings=(*hit.anchor.readings, *implied)))
    return hits


def _bare_count(hit: Hit) -> bool:
    """A whole number under 1000 written with nothing: no scale, unit, ordinal or percent."""
    base = hit.base
    return hit.anchor.kind == "number" and not hit.power and base is not None and hit.anchor.unit is None \
        and not hit.ordinal and base < 1000 and base == int(base)
