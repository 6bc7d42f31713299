"""Text + language → anchors: the facts that survive translation, under neutral keys.

Keys (what editions are compared on):

- ``num:90000`` numbers after grouping, decimals, scale words and ordinals are
  resolved (``90,000`` = ``90 000`` = ``90 тыс.``; ``13th`` = ``13-го`` = ``13.``);
- ``date:2020-11-09``, ``date:--11-09`` (no year), ``date:2020-11`` (no day);
- ``time:19:00``, ``decade:90``, ``century:21``;
- ``org:UNHCR`` for organisations whose acronym differs by language;
- ``name:stepanakert`` capitalised words, transliterated to Latin.

Patterns are tried in a fixed order and each claims its span, so ``1990s`` is a
decade and not also the number 1990, and ``9 ноября`` is a date, not a 9.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from . import locales
from .model import Anchor, AnchorKind, Edition, Paragraph

_SP = r"[ \u00a0]"  # a gap between words; U+00A0 is kept by normalisation


def _alternation(words: list[str]) -> str:
    """Longest first, so "mil millones" wins over "mil"."""
    return "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in sorted(set(words), key=len, reverse=True))


def canonical_number(value: Decimal) -> str:
    """``Decimal('90000.0')`` → ``'90000'``; ``Decimal('1.50')`` → ``'1.5'``."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_number(token: str, lang: str) -> Decimal | None:
    """Read a number written with any grouping and decimal convention of these locales.

    A lone separator followed by exactly three digits is ambiguous ("90,000" is
    ninety thousand in English and ninety in Russian): the edition's locale
    decides. Babel's own parser is not used: strictly it accepts only the exact
    CLDR space, and leniently it reads "25.00" as 2500 in German.

    >>> [str(parse_number(t, "en")) for t in ("90,000", "90.000", "90\\u00a0000", "1.5", "1,5", "1,234.5")]
    ['90000', '90.000', '90000', '1.5', '1.5', '1234.5']
    >>> [str(parse_number(t, "de")) for t in ("90.000", "1.234,5", "25.00", "1,5")]
    ['90000', '1234.5', '25.00', '1.5']
    """
    fmt = locales.number_format(lang)
    seps = [ch for ch in token if not ch.isdigit()]
    groups = re.split(r"[^\d]", token)
    if not seps:
        digits = token
    elif any(ch in " \u00a0'’" for ch in seps):
        # Space or apostrophe grouping; a last "," or "." is then the decimal mark.
        whole, frac = (token.rsplit(seps[-1], 1) if seps[-1] in ".," else (token, ""))
        digits = re.sub(r"\D", "", whole) + ("." + frac if frac else "")
    elif len(set(seps)) == 2:
        decimal_mark = seps[-1]
        whole, frac = token.rsplit(decimal_mark, 1)
        digits = re.sub(r"[.,]", "", whole) + "." + frac
    elif len(seps) > 1:
        digits = "".join(groups)
    elif len(groups[-1]) == 3 and groups[0] != "0" and (seps[0] == fmt.group or seps[0] not in (fmt.decimal,)):
        digits = "".join(groups)
    else:
        digits = groups[0] + "." + groups[-1]
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int:
    """``XXI`` → 21 (subtractive notation included)."""
    total = 0
    for ch, nxt in zip(text, text[1:] + " "):
        value = _ROMAN[ch]
        total += -value if nxt != " " and _ROMAN.get(nxt, 0) > value else value
    return total


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


class _Patterns:
    """The compiled patterns of one language (built once, on first use)."""

    def __init__(self, lang: str) -> None:
        months = locales.month_names(lang)
        self.months = months
        month = f"(?P<month>{_alternation(list(months))})\\.?"
        year = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
        day = r"(?P<day>[0-3]?\d)"
        day_suffix = r"(?:\.|-?(?:го|е|ое|er|st|nd|rd|th)|º|°|\.º)?"
        self.iso_date = re.compile(r"(?=\d)(?<![\d.])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
        self.numeric_date = re.compile(
            r"(?=\d)(?<![\d.,])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<year>\d{4})(?!\d)")
        self.day_month = re.compile(
            rf"(?=\d)(?<![\d.,]){day}{day_suffix}{_SP}*(?:(?:de|of){_SP}+)?{month}"
            rf"(?:,?{_SP}+(?:(?:de|del){_SP}+)?{year}(?:{_SP}+г(?:ода|\.)?)?)?(?!\w)", re.IGNORECASE)
        self.month_day = re.compile(
            rf"(?<!\w){month}{_SP}+{day}(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)(?:,?{_SP}+{year})?", re.IGNORECASE)
        self.month_year = re.compile(
            rf"(?<!\w){month}{_SP}+(?:(?:de|of){_SP}+)?{year}", re.IGNORECASE)
        ampm = r"[ \u00a0]?(?P<{}>[ap])\.?[ \u00a0]?m\.?(?!\w)"
        self.time = re.compile(
            r"(?=\d)(?<![\d.:,])(?P<h>2[0-3]|[01]?\d)"
            r"(?:(?::|\.(?=\d\d[ \u00a0]?(?:GMT|UTC|BST|CET|MSK|Uhr|h\b|ч|[ap]\.?[ \u00a0]?m))|[ \u00a0]?h[ \u00a0]?)"
            r"(?P<m>[0-5]\d)(?!\d)(?:" + ampm.format("ampm") + r")?"
            r"|[ \u00a0]?(?:Uhr|h)(?!\w)|" + ampm.format("ampm2") + ")")
        century = _alternation(list(locales.CENTURY_WORDS.get(lang, ())))
        self.century = re.compile(
            rf"(?<!\w)(?:(?P<roman>[IVXL]{{1,6}})(?:e|er|ème|-?(?:й|го|м|ом))?|(?P<digits>\d{{1,2}})"
            rf"(?:st|nd|rd|th|\.|e|er|ème|-?(?:й|го|м|ом))?)[ \u00a0-]+(?:{century})(?!\w)"
            rf"|(?<!\w)(?:{century}){_SP}+(?P<roman2>[IVXL]{{1,6}})(?!\w)"
            rf"(?P<more>(?:{_SP}*(?:,|y|e|и|et|und|-|–|al|a|à){_SP}*[IVXL]{{1,6}}(?!\w))*)" if century else r"(?!x)x",
            re.IGNORECASE)
        self.decade = re.compile(_DECADE_PATTERNS[lang] if lang in _DECADE_PATTERNS else r"(?!x)x", re.IGNORECASE)
        decade_words = locales.DECADE_WORDS.get(lang, {})
        self.decade_word = re.compile(_DECADE_WORD_PATTERNS[lang].format(_alternation(list(decade_words))),
                                      re.IGNORECASE) if decade_words else re.compile(r"(?!x)x")
        scales = locales.SCALE_WORDS.get(lang, {})
        self.scales = {k.lower(): v for k, v in scales.items()}
        long_scales = f"(?:{_alternation([w for w in scales if len(w) > 1])})" + ("[а-яё]*" if lang == "ru" else "")
        units = _alternation(list(locales.UNITS))
        short_scales = _alternation([w for w in scales if len(w) == 1])
        percent = _alternation(list(locales.PERCENT_WORDS.get(lang, ())))
        self.number = re.compile(
            rf"(?=\d)(?<![\w.,/])(?<![^\W\d_]-)(?<![\w][.,])(?P<num>\d{{1,3}}(?:[.,'’ \u00a0]\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
            rf"(?P<ord>st|nd|rd|th|er|e|ème|re|º|ª|\.º|\.ª|-?(?:го|й|я|е|х|м|ми|ом|ого|ый|ая|ое|ых|ые|ти)(?!\w))?"
            rf"(?:(?:{_SP}|-)?(?P<scale>{long_scales})\.?(?!\w)|(?P<short>{short_scales})(?!\w))?"
            rf"(?:{_SP}?(?P<percent>%|{percent})(?!\w))?"
            rf"(?:(?:{_SP}|-)?(?P<unit>{units})(?![\w/]))?" if scales else r"(?!x)x",
            re.IGNORECASE)
        words = locales.NUMBER_WORDS.get(lang, {})
        self.word_values = {w: v for v, forms in words.items() for w in forms}
        self.word_tokens = frozenset(t for w in self.word_values for t in re.findall(r"[^\W\d_]+", w))
        self.century_words = frozenset(w.lower() for w in locales.CENTURY_WORDS.get(lang, ()))
        stems = [re.findall(r"[^\W\d_]+", w.lower())[0] for w in decade_words]
        self.decade_gate = re.compile(rf"(?<!\w)(?:{_alternation(stems)})", re.IGNORECASE) if stems else None
        self.number_word = re.compile(
            rf"(?<![\w-])(?P<word>{_alternation(list(self.word_values))})(?![\w-])"
            rf"(?:{_SP}+(?P<scale>{long_scales})\.?(?!\w))?", re.IGNORECASE) if words else re.compile(r"(?!x)x")


    def scale_power(self, word: str) -> int:
        """Power of ten of a scale word; Russian inflected forms by their longest listed prefix."""
        word = re.sub(r"[ \u00a0]+", " ", word.lower())
        if word in self.scales:
            return self.scales[word]
        return self.scales[max((k for k in self.scales if word.startswith(k)), key=len)]


_DECADE_PATTERNS = {
    "en": r"(?<![\w'])'?(?P<value>(?:1\d|20)?\d0)'?s(?!\w)",
    "ru": r"(?<![\w.,])(?:(?P<value>(?:1\d|20)\d0)-?(?:е|х|ые|ых|м)(?!\w)|(?P<value2>\d0)-?(?:е|х|ые|ых|м)[ \u00a0]+(?:год|гг))",
    "de": r"(?<![\w.,])(?P<value>(?:1\d|20)?\d0)er(?:[ \u00a0-]?Jahre\w*)?(?!\w)",
    "es": r"(?:años|década[ \u00a0]+de(?:[ \u00a0]+los)?|los)[ \u00a0]+(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
    "fr": r"années[ \u00a0]+(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
}
_DECADE_WORD_PATTERNS = {
    "en": r"(?<!\w)(?P<word>{0})(?!\w)",
    "ru": r"(?<!\w)(?P<word>{0})(?:ые|ых|ым|ыми|ое)(?!\w)",
    "de": r"(?<!\w)(?P<word>{0})(?:jahre\w*|n)?(?!\w)",
    "es": r"(?<!\w)(?:años|los)[ \u00a0]+(?P<word>{0})(?!\w)",
    "fr": r"(?<!\w)années[ \u00a0]+(?P<word>{0})(?!\w)",
}

_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CAPITALS = re.compile(r"[A-ZА-ЯЁ]{2}")
_ORG_SPELLINGS = {s: key for key, spellings in locales.ORGANISATIONS.items() for s in spellings}
_ORG = re.compile(rf"(?=[A-ZА-ЯЁ])(?<!\w)(?P<org>{_alternation(list(_ORG_SPELLINGS))})(?!\w)")
_NAME = re.compile(r"(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])(?<![\w'’-])(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'’]+(?:-[A-ZА-ЯЁa-zа-яё][a-zß-öø-ÿа-яё]+)*)")
# What may stand just before a sentence-initial capital (only the last few characters are looked at).
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?…:]\s*[\"'«(]?\s*|[\"'«(—–-]\s*)$")


@cache
def patterns(lang: str) -> _Patterns:
    """Compiled patterns for a language; unknown languages use English tables."""
    return _Patterns(lang if lang in locales.LANGS else "en")


class _Claims:
    """Spans already taken by an earlier, more specific pattern."""

    def __init__(self, size: int) -> None:
        self.free = bytearray(b"\x01") * size

    def take(self, match: re.Match[str]) -> bool:
        start, end = match.span()
        if end == start or not all(self.free[start:end]):
            return False
        self.free[start:end] = b"\x00" * (end - start)
        return True


def extract(text: str, lang: str) -> tuple[Anchor, ...]:
    """All anchors of a (normalised) text, in order of appearance.

    >>> [a.key for a in extract("About 90,000 people left on November 9, 2020.", "en")]
    ['num:90000', 'date:2020-11-09']
    >>> [a.key for a in extract("около 90 тыс. человек уехали 9 ноября", "ru")]
    ['num:90000', 'date:--11-09']
    """
    pat = patterns(lang)
    claims = _Claims(len(text))
    found: list[tuple[int, Anchor]] = []
    # Gates: most patterns cannot match without a digit or one of their words, and
    # scanning a paragraph for a long alternation of words costs more than looking
    # its words up once.
    words = frozenset(_WORD.findall(text.lower()))
    digits = bool(_DIGIT.search(text))
    months = digits and not words.isdisjoint(pat.months)
    none: tuple[re.Match[str], ...] = ()

    def add(match: re.Match[str], kind: AnchorKind, key: str, strong: bool = True, scaled: bool = False) -> None:
        found.append((match.start(), Anchor(kind, key, match.group().strip(), strong, scaled=scaled)))

    for m in pat.iso_date.finditer(text) if digits else none:
        if _valid_date(int(m["month"]), int(m["day"])) and claims.take(m):
            add(m, "date", f"date:{m['year']}-{int(m['month']):02d}-{int(m['day']):02d}")
    for m in pat.numeric_date.finditer(text) if digits else none:
        first, second = int(m["a"]), int(m["b"])
        day, month = (second, first) if lang == "en" and m["sep"] == "/" and first <= 12 else (first, second)
        if _valid_date(month, day) and claims.take(m):
            add(m, "date", f"date:{m['year']}-{month:02d}-{day:02d}")
    for regex in (pat.day_month, pat.month_day) if months else ():
        for m in regex.finditer(text):
            month = pat.months[m["month"].lower().rstrip(".")]
            if _valid_date(month, int(m["day"])) and claims.take(m):
                year = m["year"] or "-"
                add(m, "date", f"date:{year}-{month:02d}-{int(m['day']):02d}")
    for m in pat.month_year.finditer(text) if months else none:
        if claims.take(m):
            add(m, "date", f"date:{m['year']}-{pat.months[m['month'].lower().rstrip('.')]:02d}")
    for m in pat.time.finditer(text) if digits else none:
        pm = (m["ampm"] or m["ampm2"] or "").lower() == "p"
        hour = int(m["h"]) + (12 if pm and int(m["h"]) < 12 else 0)
        if claims.take(m):
            add(m, "time", f"time:{hour:02d}:{m['m'] or '00'}")
    for m in pat.century.finditer(text) if not words.isdisjoint(pat.century_words) else none:
        roman = m["roman"] or m["roman2"]
        value = roman_to_int(roman.upper()) if roman else int(m["digits"])
        if 0 < value <= 30 and claims.take(m):
            add(m, "century", f"century:{value}")
            for roman in re.findall(r"[IVXL]+", m["more"] or ""):  # "siglos XI, XII y XIII"
                add(m, "century", f"century:{roman_to_int(roman)}")
    decade_words = bool(pat.decade_gate and pat.decade_gate.search(text))
    for regex in (pat.decade,) * digits + (pat.decade_word,) * decade_words:
        for m in regex.finditer(text):
            if "word" in regex.groupindex and m["word"]:
                value = locales.DECADE_WORDS[lang if lang in locales.DECADE_WORDS else "en"][m["word"].lower()]
            else:
                written = m["value"] or m["value2"]
                if len(written) == 4 and written.endswith("00"):
                    if lang != "en":  # "años 1000" are years, not a decade: leave them to the numbers
                        continue
                    if not claims.take(m):
                        continue
                    add(m, "century", f"century:{int(written[:2]) + 1}")  # "the 1800s": the 19th century
                    continue
                value = int(written) % 100
            if claims.take(m):
                add(m, "decade", f"decade:{value:02d}")
    for m in pat.number.finditer(text) if digits else none:
        anchor = _number_anchor(m, lang, pat)
        if anchor and claims.take(m):
            found.append((m.start(), anchor))
    for m in pat.number_word.finditer(text) if not words.isdisjoint(pat.word_tokens) else none:
        value = Decimal(pat.word_values[m["word"].lower()])
        if m["scale"]:
            value *= Decimal(10) ** pat.scale_power(m["scale"])
        if claims.take(m):
            add(m, "number", f"num:{canonical_number(value)}", bool(m["scale"]) and value >= 1000, bool(m["scale"]))
    for m in _ORG.finditer(text) if _CAPITALS.search(text) else none:
        if claims.take(m):
            add(m, "org", f"org:{_ORG_SPELLINGS[re.sub(_SP + '+', ' ', m['org'])]}")  # "EE.\u00a0UU." too
    for m in _NAME.finditer(text):
        word = m["name"]
        key = name_key(word)
        if len(key) < 3 or key in locales.NOT_NAMES or _SENTENCE_START.search(text[max(0, m.start() - 6): m.start()]):
            continue
        if claims.take(m):
            add(m, "name", f"name:{key}", strong=False)
    found.sort(key=lambda item: item[0])
    return tuple(_share_units(found, text))


_RANGE_GAP = re.compile(r"[ \u00a0]*(?:-|–|—|to|or|and|bis|oder|und|a|à|ou|et|y|o|до|или|и)?[ \u00a0]*", re.IGNORECASE)


def _share_units(found: list[tuple[int, Anchor]], text: str) -> list[Anchor]:
    """"2 to 4 inches", "11th and 13th centuries": what is written once belongs to both figures."""
    anchors = [anchor for _, anchor in found]
    for k in range(len(found) - 2, -1, -1):
        (start, a), (next_start, b) = found[k], found[k + 1]
        gap = text[start + len(a.surface): next_start]
        if not _RANGE_GAP.fullmatch(gap) or a.kind != "number":
            continue
        if b.kind == "century" and re.search(r"\d(?:st|nd|rd|th|e|er|\.|-?[а-я]+)$", a.surface):
            anchors[k] = replace(a, kind="century", key=f"century:{a.key[4:]}")  # "11th and 13th centuries"
            found[k] = (start, anchors[k])
        elif not a.unit and b.unit and b.metric is not None:
            value, b_value = float(a.key[4:]), float(b.key[4:])
            fahrenheit = b.unit == "°c" and b.metric != b_value  # the only unit converted by more than a factor
            metric = _to_metric(value, -1.0) if fahrenheit else value * (b.metric / b_value if b_value else 1.0)
            anchors[k] = replace(a, unit=b.unit, metric=metric)
            found[k] = (start, anchors[k])
    return anchors


def _to_metric(value: float, factor: float) -> float:
    """A figure in its metric unit; a negative factor in ``locales.UNITS`` marks °F → °C."""
    return (value - 32) * 5 / 9 if factor < 0 else value * factor


def _valid_date(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _number_anchor(m: re.Match[str], lang: str, pat: _Patterns) -> Anchor | None:
    value = parse_number(m["num"], lang)
    if value is None:
        return None
    scale = m["scale"] or m["short"]
    if scale:
        value *= Decimal(10) ** pat.scale_power(scale)
    kind: AnchorKind = "number"
    unit, metric = "", None
    if m["unit"]:
        unit, factor = locales.UNITS[re.sub(r"[ \u00a0]+", " ", m["unit"].lower())]
        metric = _to_metric(float(value), factor)
    if m["percent"]:
        kind = "percent"
    elif not scale and not unit and not m["ord"] and re.fullmatch(r"(?:1[5-9]|20)\d\d", m["num"]):
        kind = "year"
    return Anchor(kind, f"num:{canonical_number(value)}", m.group().strip(), unit=unit, metric=metric,
                  scaled=bool(scale))


def annotate(edition: Edition) -> Edition:
    """Attach anchors to every content paragraph of an edition."""
    def with_anchors(p: Paragraph) -> Paragraph:
        return p if p.chrome else replace(p, anchors=extract(p.norm, edition.lang))

    return replace(edition, paragraphs=tuple(with_anchors(p) for p in edition.paragraphs))
