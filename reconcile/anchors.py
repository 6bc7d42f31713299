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
from typing import NamedTuple
from functools import cache, lru_cache
from operator import itemgetter

from . import locales, numerals
from .model import Anchor, AnchorKind, Century, Clock, Day, Decade, Edition, Figure, Key, Paragraph, Token, Unit
from .numbers import TEN, Phrase, parse_number, plain, read_digits, roman_to_int, word_parts, word_phrases
from .patterns import NEVER, Patterns, patterns

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


class Hit(NamedTuple):
    """An anchor found at [start, end), with what the joining passes need: the figure before
    its scale word (``base``), the scale's power of ten, and whether it was written as an ordinal.
    (A named tuple: thousands are made per document and thrown away, frozen dataclasses cost more.)"""

    start: int
    end: int
    anchor: Anchor
    base: Decimal | None = None
    power: int = 0
    ordinal: bool = False


class Scan:
    """One text being scanned: its patterns, the spans already claimed, and cheap gates.

    The gates say which passes can match at all: most need a digit or one of
    their words, and looking a paragraph's words up once costs far less than
    scanning it for a long alternation of words.
    """

    def __init__(self, text: str, lang: str) -> None:
        self.text, self.lang = text, lang if lang in locales.LANGS else "en"
        pat = self.pat = patterns(self.lang)
        self.free = bytearray(b"\x01") * len(text)
        lower = text.lower()
        # Offsets in the lower-cased text must be offsets in the text ("İ" lower-cases to two characters).
        self.lower = lower if len(lower) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.words = words = frozenset(_WORD.findall(self.lower))
        self.digits = digits = bool(_DIGIT.search(text))
        self.always = True
        self.months = digits and not words.isdisjoint(pat.month_words)
        self.month_first = self.months and self.lang in numerals.MONTH_FIRST
        self.month_words = pat.first_day is not NEVER and not words.isdisjoint(pat.month_words)
        self.colon = digits and ":" in text
        self.centuries = not words.isdisjoint(pat.century_words)
        self.decade_words = not words.isdisjoint(pat.decade_forms)
        self.capitals = bool(_CAPITALS.search(text))
        self.number_words = not words.isdisjoint(pat.number_words) or (
            pat.number_word_rules and any(word_parts(w, self.lang) for w in words))

    def take(self, start: int, end: int) -> bool:
        if end <= start or self.free.find(0, start, end) >= 0:
            return False
        self.free[start:end] = bytes(end - start)
        return True

    def before(self, start: int, width: int = 24) -> str:
        return self.text[max(0, start - width):start]


Handler = Callable[[re.Match[str], Scan], Hit | tuple[Hit, ...] | None]


@dataclass(frozen=True, slots=True)
class Pass:
    """A pattern of ``Patterns`` (by name), the handler that turns a match into hits, and the gate
    of ``Scan`` (by name) that says whether the pattern can match the text at all."""

    pattern: str
    handler: Handler
    needs: str


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
    day = (int(m["day"]) if m["day"].isdigit() else 1) if "day" in m.groupdict() else None
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
    tail = m["ampm"] or m["after"] or m["period"] or m["military"]
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
    """Tokenisation leftovers: ``25. 000`` is 25000, ``0, 7%`` is 0.7 %, ``depuis1993`` holds 1993."""
    year = m["glued"] or m["glued2"]
    if year:
        return Hit(m.start(), m.end(), Anchor("year", Figure(Decimal(year)), year))
    if m["point"]:
        return _anchor(m, "percent", Figure(Decimal(f"0.{m['point']}")), exponent=-len(m["point"]))
    return _anchor(m, "number", Figure(Decimal(m["head"] + (m["tail"] or m["tail2"]))))


def _number(m: re.Match[str], scan: Scan) -> Hit | None:
    """Digits with what is written around them: scale word, half, percent, unit or currency."""
    written = read_digits(m["num"], scan.lang)
    if written is None:
        return None
    value, foreign, exponent = written.value, written.foreign, written.exponent
    if m["frac"]:
        value, exponent = value + Decimal(numerals.FRACTIONS[m["frac"].strip()]), -1
    base, readings = value, ()
    power, scale_word = _scale_power(m, scan) if m["scale"] or m["short"] else (0, "")
    unit = _unit(m, scan) if m["sign"] or m["unit"] else None
    scale_or_unit = numerals.SCALE_OR_UNIT.get(scan.lang, {}).get(scale_word) if unit is None else None
    if power and scale_or_unit and scale_word not in numerals.SCALE_FIRST.get(scan.lang, ()):
        readings = (Figure(value * TEN ** power),)  # "1,50m": metres first, millions the other reading
        power, unit = 0, next((u for u in scan.pat.units.values() if u.name == scale_or_unit), None)
    elif power:
        half = TEN ** power / 2 if m["half"] else Decimal(0)
        if scale_or_unit:  # "400m": millions first, metres the other reading (the unit is for conversions)
            readings = (Figure(value),)
            unit = next((u for u in scan.pat.units.values() if u.name == scale_or_unit), None)
        value, exponent = value * TEN ** power + half, exponent + power
        foreign = tuple(v * TEN ** power + half for v in foreign)
    kind: AnchorKind = "percent" if m["percent"] else "number"
    end = m.end()
    if kind == "number" and not power and unit is None:
        if not m["ord"] and len(m["num"]) == 4 and scan.pat.year.fullmatch(m["num"]):
            kind = "year"
        elif (half_after := scan.pat.half_after_noun.match(scan.text, end)) is not None:  # "7 años y medio"
            end, value, base, exponent = half_after.end(), value + _HALF, base + _HALF, min(exponent, -1)
            foreign = tuple(v + _HALF for v in foreign)
    anchor = Anchor(kind, Figure(value), scan.text[m.start():end].strip(), readings=readings,
                    foreign=tuple(map(Figure, foreign)) if foreign else (), unit=unit, exponent=exponent,
                    scaled=bool(power))
    return Hit(m.start(), end, anchor, base=base, power=power, ordinal=bool(m["ord"]))


_HALF = Decimal("0.5")


def _half_after_noun(end: int, scan: Scan) -> tuple[int, Decimal]:
    """"dos meses y medio", "sept ans et demi": the half written after the thing counted."""
    half = scan.pat.half_after_noun.match(scan.text, end)
    return (half.end(), Decimal("0.5")) if half else (end, Decimal(0))


def _scale_power(m: re.Match[str], scan: Scan) -> tuple[int, str]:
    """Power of ten of the scale words written (``mil millones``, ``thousand million``), and the last of them."""
    written = (m["short"] or m["scale"] or "").lower()
    words = [_SPACES.sub(" ", w).rstrip(".") for w in scan.pat.scale_chain.findall(written)] \
        if m["scale"] else [written]
    return sum(scan.pat.scales[w] for w in words), words[-1]


def _unit(m: re.Match[str], scan: Scan) -> Unit | None:
    if m["sign"]:
        return scan.pat.units.get(m["sign"].lower())
    if m["unit"]:
        return scan.pat.units.get(_SPACES.sub(" ", m["unit"].lower()))
    return None


# --- organisations and names ----------------------------------------------------------------

_ORG_SPELLINGS = {s: key for key, spellings in locales.ORGANISATIONS.items() for s in spellings}
# What may stand just before a sentence-initial capital (only the last few characters are looked at).
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?…:]\s*[\"'«(]?\s*|[\"'«(—–-]\s*)$")


def _org(m: re.Match[str], scan: Scan) -> Hit | None:
    return _anchor(m, "org", Token("org", _ORG_SPELLINGS[m["org"]]))


def _name(m: re.Match[str], scan: Scan) -> Hit | None:
    start = m.start()
    if _SENTENCE_START.search(scan.text, max(0, start - 6), start):
        return None
    token = _name_token(m["name"])
    return Hit(start, m.end(), Anchor("name", token, m.group(), strong=False)) if token is not None else None


@lru_cache(maxsize=1 << 16)
def _name_token(word: str) -> Token | None:
    """The key of a capitalised word, or None when it is too short or a known non-name (once per word)."""
    key = name_key(word)
    return None if len(key) < 3 or key in locales.NOT_NAMES else Token("name", key)


# Passes whose hits the joining passes look at (ranges, compounds, implied scales).
_FIGURE_HANDLERS = frozenset({_century, _decade, _decade_word, _leftover, _number})

PASSES: tuple[Pass, ...] = (
    Pass("iso_date", _iso_date, "digits"),
    Pass("numeric_date", _numeric_date, "digits"),
    # "November 7 October Revolution Day": where the month comes first, it claims its day first.
    Pass("month_day", _named_date, "month_first"),
    Pass("day_month", _named_date, "months"),
    Pass("month_day", _named_date, "months"),
    Pass("first_day", _named_date, "month_words"),
    Pass("month_year", _named_date, "months"),
    Pass("duration", _duration, "colon"),
    Pass("clock", _clock, "digits"),
    Pass("century", _century, "centuries"),
    Pass("decade", _decade, "digits"),
    Pass("decade_word", _decade_word, "decade_words"),
    Pass("code", _code, "digits"),
    Pass("leftover", _leftover, "digits"),
    Pass("number", _number, "digits"),
    Pass("org", _org, "capitals"),
    Pass("name", _name, "always"),
)


def extract(text: str, lang: str) -> tuple[Anchor, ...]:
    """All anchors of a (normalised) text, in order of appearance.

    >>> [str(a.key) for a in extract("About 90,000 people left on November 9, 2020.", "en")]
    ['num:90000', 'date:2020-11-09']
    >>> [str(a.key) for a in extract("около 90 тыс. человек уехали 9 ноября", "ru")]
    ['num:90000', 'date:--11-09']
    """
    scan = Scan(text, lang)
    figures: list[Hit] = []  # what the joining passes look at
    others: list[Hit] = []
    gates = scan.__dict__
    for regex, handler, needs in _compiled(scan.lang):
        if gates[needs]:
            into = figures if handler in _FIGURE_HANDLERS else others
            for match in regex.finditer(text):
                found = handler(match, scan)
                for hit in (found,) if isinstance(found, Hit) else found or ():
                    if scan.take(hit.start, hit.end):
                        into.append(hit)
        if handler is _number and scan.number_words:
            figures.extend(_word_hits(scan))
    if len(figures) > 1:
        figures.sort(key=_START)
        figures = _implied_scales(_share(_compounds(figures, text), scan), scan)
    elif figures:
        figures = _implied_scales(figures, scan)
    hits = figures + others if others and figures else figures or others
    if others and figures:
        hits.sort(key=_START)
    return tuple([hit.anchor for hit in hits])


_START = itemgetter(0)


@cache
def _compiled(lang: str) -> tuple[tuple[re.Pattern[str], Handler, str], ...]:
    """The passes of a language with their patterns looked up once."""
    pat = patterns(lang)
    return tuple((getattr(pat, step.pattern), step.handler, step.needs) for step in PASSES
                 if getattr(pat, step.pattern) is not NEVER and (step.needs != "month_first" or lang in numerals.MONTH_FIRST))


def _word_hits(scan: Scan) -> Iterator[Hit]:
    """Numbers in words (``five hundred``, ``двумя тысячами``, ``a las tres de la tarde``).

    Only the words that can take part are kept (number words and the vague
    quantities that cancel them): anything else between two of them is a gap
    that ends a number anyway.
    """
    tokens = _number_tokens(scan)
    for phrase in word_phrases(tokens, scan.text, scan.lang):
        hit = _spelled_clock(phrase.start, phrase.end, phrase.value, scan) or _spelled_century(phrase, scan)
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
    lang, text, lower, free = scan.lang, scan.text, scan.lower, scan.free
    wanted = [w for w in scan.words if w in scan.pat.vague_words or word_parts(w, lang)]
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
    only "sixth-grade" in "K-through-sixth-grade" (a word before joins only if it is a number word)."""
    while start > 1 and lower[start - 1] == "-" and lower[start - 2].isalpha():
        left = start - 2
        while left > 0 and lower[left - 1].isalpha():
            left -= 1
        if not word_parts(lower[left:start - 1], lang):
            break
        start = left
    while end + 1 < len(lower) and lower[end] == "-" and lower[end + 1].isalpha():
        end += 2
        while end < len(lower) and lower[end].isalpha():
            end += 1
    return start, end


def _spelled_century(phrase: Phrase, scan: Scan) -> Hit | None:
    """An ordinal in words before a century word: "the twentieth century", "в двадцатом веке"."""
    after = scan.pat.century_after.match(scan.text, phrase.end) if scan.centuries else None
    if after is None or not 0 < phrase.value <= 30 or phrase.value != int(phrase.value):
        return None
    return Hit(phrase.start, after.end(), Anchor("century", Century(int(phrase.value)), scan.text[phrase.start:after.end()]))


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
            hits[k] = a._replace(anchor=replace(a.anchor, kind="century", key=Century(int(a.base)), foreign=()))
        elif a.base is not None and b.base is not None and b.anchor.kind in ("number", "percent"):
            hits[k] = a._replace(anchor=_shared(a, b))
    for k in range(1, len(hits)):
        a, b = hits[k - 1], hits[k]
        if a.anchor.kind == "decade" and b.base is not None and b.anchor.kind == "number" and not b.power \
                and _decade_like(a.anchor, b.base) and scan.pat.range_gap.fullmatch(scan.text, a.end, b.start):
            decade = Decade(int(b.base) % 100, int(b.base) if b.base >= 100 else None)
            hits[k] = b._replace(anchor=replace(b.anchor, kind="decade", key=decade, readings=(b.anchor.key,)))
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
    if scan.words.isdisjoint(scan.pat.scale_tokens):
        return hits
    bare = [k for k, hit in enumerate(hits) if hit.anchor.kind == "number" and not hit.power and hit.base is not None
            and hit.anchor.unit is None and not hit.ordinal and hit.base < 1000 and hit.base == int(hit.base)]
    if not bare:
        return hits
    powers = sorted({scan.pat.scales[_SPACES.sub(" ", w.lower()).rstrip(".")]
                     for w in scan.pat.scale_chain.findall(scan.text)} - {0})
    for k in bare if powers else ():
        hit = hits[k]
        implied = tuple(Figure(hit.base * TEN ** p) for p in powers[-2:] if hit.base is not None)
        hits[k] = hit._replace(anchor=replace(hit.anchor, readings=(*hit.anchor.readings, *implied)))
    return hits


_SPACES = re.compile(r"[ \u00a0]+")


def annotate(edition: Edition) -> Edition:
    """Attach anchors to every content paragraph of an edition."""
    def with_anchors(p: Paragraph) -> Paragraph:
        return p if p.chrome else replace(p, anchors=extract(p.norm, edition.lang))

    return replace(edition, paragraphs=tuple(with_anchors(p) for p in edition.paragraphs))

