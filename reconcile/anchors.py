"""Text + language → anchors: the facts that survive translation, under typed keys.

Keys (what editions are compared on) are values, not strings: ``Figure(90000)``
for ``90,000`` = ``90 000`` = ``90 тыс.``; ``Day(2020, 11, 9)`` and
``Day(None, 11, 9)`` for a date without its year; ``Clock(19 * 60)``;
``Decade(90, 1990)``; ``Century(21)``; ``Token("org", "UNHCR")``,
``Token("code", "H5N1")``, ``Token("name", "stepanakert")``. A figure whose
written form reads differently in another locale (``45,000`` in French) keeps
every reading.

``extract`` runs a table of passes, each a compiled pattern and a handler, in
a fixed order; each match claims its span, so ``1990s`` is a decade and not
also the number 1990, and ``9 ноября`` is a date, not a 9. Two passes then
join what was written apart: ``3 mil 400 millones`` and the ranges that share
one scale or unit (``20 bis 25 Tausend``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from . import locales, numerals
from .model import Anchor, AnchorKind, Century, Clock, Day, Decade, Edition, Figure, Key, Paragraph, Token, Unit
from .numbers import TEN, parse_number, plain, read_digits, roman_to_int, word_phrases
from .patterns import Patterns, patterns

__all__ = ["annotate", "extract", "name_key", "parse_number", "plain", "roman_to_int"]

_SPELLING = [(re.compile(r"dzh|dj"), "j"), (re.compile(r"zh"), "j"), (re.compile(r"kh"), "h"), (re.compile(r"ph"), "f"),
             (re.compile(r"([b-df-hj-np-tv-z])\1"), r"\1")]


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """Latin, lower-case, accent-free form of a name, spelling variants evened out.

    Transliteration and English spelling disagree on a few sounds (Хараппа →
    kharappa, Harappa; Мохенджо → mokhendzho, Mohenjo) and languages on ph/f
    (photography, fotografía), so kh, zh/dzh, ph and double consonants are
    reduced the same way on both sides.

    >>> [name_key(w) for w in ("Маурер", "Хараппа", "Harappa", "Мохенджо-Даро", "Mohenjo-daro")]
    ['maurer', 'harapa', 'harapa', 'mohenjodaro', 'mohenjodaro']
    """
    word = word.lower().translate(locales.CYRILLIC_TO_LATIN)
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if ch.isalpha() and ord(ch) < 128)
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


@dataclass(frozen=True, slots=True)
class Hit:
    """An anchor found at [start, end), with what the joining passes need: the figure before
    its scale word (``base``), the scale's power of ten, and whether it was written as an ordinal."""

    start: int
    end: int
    anchor: Anchor
    base: Decimal | None = None
    power: int = 0
    ordinal: bool = False


class Scan:
    """One text being scanned: its patterns, the spans already claimed, and cheap gates."""

    def __init__(self, text: str, lang: str) -> None:
        self.text, self.lang = text, lang if lang in locales.LANGS else "en"
        self.pat: Patterns = patterns(self.lang)
        self.free = bytearray(b"\x01") * len(text)
        self.words = frozenset(_WORD.findall(text.lower()))
        self.digits = bool(_DIGIT.search(text))

    def take(self, start: int, end: int) -> bool:
        if end <= start or not all(self.free[start:end]):
            return False
        self.free[start:end] = b"\x00" * (end - start)
        return True

    def before(self, start: int, width: int = 24) -> str:
        return self.text[max(0, start - width):start]


Handler = Callable[[re.Match[str], Scan], Hit | tuple[Hit, ...] | None]


@dataclass(frozen=True, slots=True)
class Pass:
    """A pattern of ``Patterns`` (by name), the handler that turns a match into a hit, and a gate
    (a cheap test that the pattern can match at all: scanning for a long alternation of words
    costs more than looking the paragraph's words up once)."""

    pattern: str
    handler: Handler
    gate: Callable[[Scan], bool]

    def find(self, scan: Scan) -> Iterator[Hit]:
        if not self.gate(scan):
            return
        for match in getattr(scan.pat, self.pattern).finditer(scan.text):
            found = self.handler(match, scan)
            for hit in (found,) if isinstance(found, Hit) else found or ():
                if scan.take(hit.start, hit.end):
                    yield hit


_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CAPITALS = re.compile(r"[A-ZА-ЯЁ]{2}")


def _anchor(match: re.Match[str], kind: AnchorKind, key: Key, **more: object) -> Hit:
    return Hit(match.start(), match.end(), Anchor(kind, key, match.group().strip(), **more))  # type: ignore[arg-type]


# --- dates --------------------------------------------------------------------------

def _valid_date(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def _iso_date(m: re.Match[str], scan: Scan) -> Hit | None:
    month, day = int(m["month"]), int(m["day"])
    return _anchor(m, "date", Day(int(m["year"]), month, day)) if _valid_date(month, day) else None


def _numeric_date(m: re.Match[str], scan: Scan) -> Hit | None:
    first, second = int(m["a"]), int(m["b"])
    month_first = m["sep"] == "/" and scan.lang in numerals.MONTH_FIRST and first <= 12
    day, month = (second, first) if month_first else (first, second)
    return _anchor(m, "date", Day(int(m["year"]), month, day)) if _valid_date(month, day) else None


def _named_date(m: re.Match[str], scan: Scan) -> Hit | None:
    month = scan.pat.months[m["month"].lower().rstrip(".")]
    day = int(m["day"]) if "day" in m.groupdict() else None
    year = int(m["year"]) if m["year"] else None
    return _anchor(m, "date", Day(year, month, day)) if _valid_date(month, day) else None


# --- times of day ---------------------------------------------------------------------

def _clock(m: re.Match[str], scan: Scan) -> Hit | None:
    """``19:00``, ``7 p.m.``, ``20 Uhr``, ``17.45 horas``, ``2h30``, ``2 heures 15``, ``в 11-50``.

    A dot or hyphen between hours and minutes makes a time only with a word
    that says so, before (``at``, ``um``, ``в``) or after (``Uhr``, ``мск``),
    or a leading zero (``09.30``): otherwise ``6.30`` is a number. What else
    the written form may be stays as a reading: ``6.30`` the number 6.3,
    ``2h30`` two and a half hours, ``5 heures`` five hours.
    """
    hour, mark, digits = int(m["h"] or m["mh"]), m["mark"] or "", m["m"] or m["mm"] or m["mil"]
    minute = int(digits or 0)
    cue = bool(scan.pat.clock_cue.search(scan.before(m.start())))
    tail = m["ampm"] or m["after"] or m["period"]
    if not (digits or tail):
        return None
    if mark in (".", "-") and not (tail or cue or (mark == "." and m["h"].startswith("0"))):
        return None
    if scan.pat.figure_after.match(scan.text, m.end()):
        return None  # "at 12.50 euros", "6.30 %"
    readings = (Clock(hour * 60 + minute),) if m["mh"] else clock_readings(hour, minute, m["ampm"], m["period"], scan)
    extra: list[Key] = list(readings[1:])
    if mark == ".":
        extra.append(Figure(Decimal(f"{hour}.{digits}")))
    elif m["sep"] and minute in (15, 30, 45):
        extra.append(Figure(Decimal(hour) + Decimal(minute) / 60))  # "2h30": two and a half hours
    elif not digits and m["after"]:
        extra.append(Figure(Decimal(hour)))  # "5 heures" may be a duration
    return _anchor(m, "time", readings[0], readings=tuple(dict.fromkeys(extra)))


def clock_readings(hour: int, minute: int, ampm: str | None, period: str | None, scan: Scan) -> tuple[Clock, ...]:
    """The 24-hour readings: one when a.m./p.m., a part of the day or the hour says it, else both halves."""
    if ampm:
        return (Clock(((hour % 12) + (12 if ampm.lower() == "p" else 0)) * 60 + minute),)
    both = [Clock(hour * 60 + minute)] + ([Clock(((hour + 12) % 24) * 60 + minute)] if 0 < hour <= 12 else [])
    if period:
        span = scan.pat.periods[re.sub(r"[ \u00a0]+", " ", period.lower())]
        inside = [c for c in both if span.holds(c.minutes)]
        return (inside[0],) if inside else tuple(both)
    return tuple(both)


def _duration(m: re.Match[str], scan: Scan) -> Hit | None:
    """A run time or duration, ``2:03:59``: its seconds (a typo'd ``2:21.31`` is ``2:21:31``)."""
    seconds = int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"])
    return _anchor(m, "time", Figure(Decimal(seconds)), unit=_SECONDS)


_SECONDS = Unit("duration", "duration-second", 1 / 60)


# --- centuries and decades --------------------------------------------------------------

def _century(m: re.Match[str], scan: Scan) -> tuple[Hit, ...]:
    """``XXI века``, ``21st century``, ``siglo 20``; a list names each century ("siglos XI, XII y XIII")."""
    roman = m["roman"] or m["roman2"]
    value = roman_to_int(roman.upper()) if roman else int(m["digits"] or m["digits2"])
    if not 0 < value <= 30:
        return ()
    end = m.start("more") if m["more"] else m.end()
    hits = [Hit(m.start(), end, Anchor("century", Century(value), scan.text[m.start():end].strip()))]
    for more in _ROMAN.finditer(scan.text, end, m.end()):
        hits.append(Hit(more.start(), more.end(), Anchor("century", Century(roman_to_int(more.group())), more.group())))
    return tuple(hits)


_ROMAN = re.compile(r"[IVXL]+")


def _decade(m: re.Match[str], scan: Scan) -> Hit | None:
    written = m["value"]
    figure: tuple[Key, ...] = (Figure(Decimal(written)),) if scan.lang in numerals.DECADE_OR_FIGURE else ()
    if len(written) == 2:
        return _anchor(m, "decade", Decade(int(written)), readings=figure)
    year = int(written)
    readings: tuple[Key, ...] = ()
    if year % 100 == 0:  # "the 1800s" may be the century; "años 1000" are years: left to the numbers
        if scan.lang not in numerals.DECADE_OR_CENTURY:
            return None
        readings = (Century(year // 100 + 1),)
    return _anchor(m, "decade", Decade(year % 100, year), readings=readings + figure)


def _decade_word(m: re.Match[str], scan: Scan) -> Hit | None:
    return _anchor(m, "decade", Decade(numerals.DECADE_WORDS[scan.lang][m["word"].lower()]))


# --- codes and figures ------------------------------------------------------------------

def _code(m: re.Match[str], scan: Scan) -> Hit | None:
    """``H5N1``, ``F-35``, ``Су-35``: compared as written (hyphen and script aside); a code with one
    number also reads as that number (``Euro-2012`` ~ ``Euro 2012``)."""
    text = m.group()
    key = re.sub(r"[-\s]", "", text.lower().translate(locales.CYRILLIC_TO_LATIN)).upper()
    numbers = re.findall(r"\d+", text)
    readings = (Figure(Decimal(numbers[0])),) if len(numbers) == 1 and "-" in text else ()
    return _anchor(m, "code", Token("code", key), readings=readings)


def _leftover(m: re.Match[str], scan: Scan) -> Hit | None:
    """Tokenisation leftovers: ``25. 000`` is 25000, ``0, 7%`` is 0.7 %."""
    if m["point"]:
        return _anchor(m, "percent", Figure(Decimal(f"0.{m['point']}")), exponent=-len(m["point"]))
    return _anchor(m, "number", Figure(Decimal(m["head"] + m["tail"])))


def _number(m: re.Match[str], scan: Scan) -> Hit | None:
    """Digits with what is written around them: scale word, half, percent, unit or currency."""
    written = read_digits(m["num"], scan.lang)
    if written is None:
        return None
    fraction = Decimal(numerals.FRACTIONS.get(m["frac"].strip(), 0)) if m["frac"] else Decimal(0)
    power, scale_unit = _scale_power(m, scan)
    half = TEN ** power / 2 if m["half"] else Decimal(0)
    value = (written.value + fraction) * TEN ** power + half
    foreign = tuple((v + fraction) * TEN ** power + half for v in written.foreign)
    readings: tuple[Key, ...] = (Figure(written.value),) if scale_unit else ()
    unit = _unit(m, scan, scale_unit)
    ordinal = bool(m["ord"])
    kind: AnchorKind = "percent" if m["percent"] else "number"
    if kind == "number" and not power and unit is None and not ordinal and scan.pat.year.fullmatch(m["num"]):
        kind = "year"
    exponent = (written.exponent if not fraction else -1) + (power if power else 0)
    end, half_after = _half_after_noun(m.end(), scan) if not power and unit is None and kind == "number" \
        else (m.end(), Decimal(0))
    anchor = Anchor(kind, Figure(value + half_after), scan.text[m.start():end].strip(), readings=readings,
                    foreign=tuple(Figure(f + half_after) for f in foreign), unit=unit,
                    exponent=min(exponent, -1) if half_after else exponent, scaled=bool(power))
    return Hit(m.start(), end, anchor, base=written.value + fraction + half_after, power=power, ordinal=ordinal)


def _half_after_noun(end: int, scan: Scan) -> tuple[int, Decimal]:
    """"dos meses y medio", "sept ans et demi": the half written after the thing counted."""
    half = scan.pat.half_after_noun.match(scan.text, end)
    return (half.end(), Decimal("0.5")) if half else (end, Decimal(0))


def _scale_power(m: re.Match[str], scan: Scan) -> tuple[int, str]:
    """Power of ten of the scale words written (``mil millones``, ``thousand million``), and the unit
    the last of them may be instead (``400m``: metres, unless money; ``60 milles``)."""
    written = (m["short"] or m["scale"] or "").lower()
    if not written:
        return 0, ""
    words = [re.sub(r"[ \u00a0]+", " ", w).rstrip(".") for w in scan.pat.scale_chain.findall(written)] \
        if m["scale"] else [written]
    unit = numerals.SCALE_OR_UNIT.get(scan.lang, {}).get(words[-1], "")
    return sum(scan.pat.scales[w] for w in words), "" if m["sign"] or m["unit"] else unit


def _unit(m: re.Match[str], scan: Scan, scale_unit: str) -> Unit | None:
    if m["sign"]:
        return scan.pat.units.get(m["sign"].lower())
    if m["unit"]:
        return scan.pat.units.get(re.sub(r"[ \u00a0]+", " ", m["unit"].lower()))
    return next((u for u in scan.pat.units.values() if u.name == scale_unit), None) if scale_unit else None


# --- organisations and names ----------------------------------------------------------------

_ORG_SPELLINGS = {s: key for key, spellings in locales.ORGANISATIONS.items() for s in spellings}
# What may stand just before a sentence-initial capital (only the last few characters are looked at).
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?…:]\s*[\"'«(]?\s*|[\"'«(—–-]\s*)$")


def _org(m: re.Match[str], scan: Scan) -> Hit | None:
    return _anchor(m, "org", Token("org", _ORG_SPELLINGS[m["org"]]))


def _name(m: re.Match[str], scan: Scan) -> Hit | None:
    key = name_key(m["name"])
    if len(key) < 3 or key in locales.NOT_NAMES or _SENTENCE_START.search(scan.before(m.start(), 6)):
        return None
    return _anchor(m, "name", Token("name", key), strong=False)


def _always(scan: Scan) -> bool:
    return True


def _has_digits(scan: Scan) -> bool:
    return scan.digits


def _months(scan: Scan) -> bool:
    return scan.digits and not scan.words.isdisjoint(scan.pat.months)


PASSES: tuple[Pass, ...] = (
    Pass("iso_date", _iso_date, _has_digits),
    Pass("numeric_date", _numeric_date, _has_digits),
    # "November 7 October Revolution Day": where the month comes first, it claims its day first.
    Pass("month_day", _named_date, lambda s: s.lang in numerals.MONTH_FIRST and _months(s)),
    Pass("day_month", _named_date, _months),
    Pass("month_day", _named_date, _months),
    Pass("month_year", _named_date, _months),
    Pass("duration", _duration, _has_digits),
    Pass("clock", _clock, _has_digits),
    Pass("century", _century, lambda s: not s.words.isdisjoint(s.pat.century_words)),
    Pass("decade", _decade, _has_digits),
    Pass("decade_word", _decade_word, lambda s: bool(s.pat.decade_gate.search(s.text))),
    Pass("code", _code, _has_digits),
    Pass("leftover", _leftover, _has_digits),
    Pass("number", _number, _has_digits),
    Pass("org", _org, lambda s: bool(_CAPITALS.search(s.text))),
    Pass("name", _name, _always),
)


def extract(text: str, lang: str) -> tuple[Anchor, ...]:
    """All anchors of a (normalised) text, in order of appearance.

    >>> [str(a.key) for a in extract("About 90,000 people left on November 9, 2020.", "en")]
    ['num:90000', 'date:2020-11-09']
    >>> [str(a.key) for a in extract("около 90 тыс. человек уехали 9 ноября", "ru")]
    ['num:90000', 'date:--11-09']
    """
    scan = Scan(text, lang)
    hits: list[Hit] = []
    for step in PASSES:
        hits.extend(step.find(scan))
        if step.pattern == "number" and (not scan.words.isdisjoint(scan.pat.number_words)
                                         or scan.pat.number_word_gate.search(scan.text)):
            hits.extend(_word_hits(scan))
    hits.sort(key=lambda hit: hit.start)
    return tuple(hit.anchor for hit in _implied_scales(_share(_compounds(hits, text), scan), scan))


def _word_hits(scan: Scan) -> Iterator[Hit]:
    """Numbers in words (``five hundred``, ``двумя тысячами``, ``a las tres de la tarde``)."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in scan.pat.word.finditer(scan.text)
              if scan.free[m.start()] and scan.free[m.end() - 1]]
    for phrase in word_phrases(tokens, scan.text, scan.lang):
        hit = _spelled_clock(phrase.start, phrase.end, phrase.value, scan)
        if hit is None:
            end, half = _half_after_noun(phrase.end, scan) if not phrase.scaled else (phrase.end, Decimal(0))
            strong = phrase.scaled and phrase.value >= 1000
            anchor = Anchor("number", Figure(phrase.value + half), scan.text[phrase.start:end], strong=strong,
                            scaled=phrase.scaled, exponent=_exponent(phrase.value) if phrase.scaled else 0)
            hit = Hit(phrase.start, end, anchor)
        if scan.take(hit.start, hit.end):
            yield hit


def _exponent(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _spelled_clock(start: int, end: int, value: Decimal, scan: Scan) -> Hit | None:
    """An hour in words with a clock word after it or a strong cue before it: ``a las tres de la tarde``."""
    after = scan.pat.clock_words_after.match(scan.text, end)
    cued = scan.pat.clock_word_cue.search(scan.before(start))
    if not (after or cued) or value != value.to_integral_value() or not 0 < value <= 24:
        return None
    readings = clock_readings(int(value), 0, None, after["period"] if after else None, scan)
    stop = after.end() if after else end
    anchor = Anchor("time", readings[0], scan.text[start:stop].strip(), strong=False,
                    readings=(*readings[1:], Figure(value)))
    return Hit(start, stop, anchor)


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
    for k in range(len(hits) - 2, -1, -1):
        a, b = hits[k], hits[k + 1]
        if a.anchor.kind not in ("number", "year") or not scan.pat.range_gap.fullmatch(scan.text, a.end, b.start):
            continue
        if b.anchor.kind == "century" and (a.ordinal or scan.text.startswith(".", a.end)) and a.base is not None:
            hits[k] = replace(a, anchor=replace(a.anchor, kind="century", key=Century(int(a.base)), foreign=()))
        elif a.base is not None and b.base is not None and b.anchor.kind in ("number", "percent"):
            hits[k] = replace(a, anchor=_shared(a, b))
    for k in range(1, len(hits)):
        a, b = hits[k - 1], hits[k]
        if a.anchor.kind == "decade" and b.base is not None and b.anchor.kind == "number" and not b.power \
                and _decade_like(a.anchor, b.base) and scan.pat.range_gap.fullmatch(scan.text, a.end, b.start):
            decade = Decade(int(b.base) % 100, int(b.base) if b.base >= 100 else None)
            hits[k] = replace(b, anchor=replace(b.anchor, kind="decade", key=decade, readings=(b.anchor.key,)))
    return hits


def _decade_like(decade: Anchor, value: Decimal) -> bool:
    """``50`` after ``années 60``, ``1970`` after ``1960s``: the same number of digits, ending in 0."""
    if not isinstance(decade.key, Decade) or value % 10 or value != value.to_integral_value():
        return False
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
    bare = [k for k, hit in enumerate(hits) if hit.anchor.kind == "number" and not hit.power and hit.base is not None
            and hit.anchor.unit is None and not hit.ordinal and hit.base < 1000 and hit.base == int(hit.base)]
    if not bare:
        return hits
    powers = sorted({scan.pat.scales[_SPACES.sub(" ", w.lower()).rstrip(".")]
                     for w in scan.pat.scale_chain.findall(scan.text)} - {0})
    for k in bare if powers else ():
        hit = hits[k]
        implied = tuple(Figure(hit.base * TEN ** p) for p in powers[-2:] if hit.base is not None)
        hits[k] = replace(hit, anchor=replace(hit.anchor, readings=(*hit.anchor.readings, *implied)))
    return hits


_SPACES = re.compile(r"[ \u00a0]+")


def annotate(edition: Edition) -> Edition:
    """Attach anchors to every content paragraph of an edition."""
    def with_anchors(p: Paragraph) -> Paragraph:
        return p if p.chrome else replace(p, anchors=extract(p.norm, edition.lang))

    return replace(edition, paragraphs=tuple(with_anchors(p) for p in edition.paragraphs))

