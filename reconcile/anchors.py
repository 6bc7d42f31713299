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
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from operator import itemgetter

from . import locales, measures
from .anchors_amounts import (
    code,
    compound_word,
    join_figures,
    leftover,
    number,
    word_hits,
)
from .anchors_time import (
    century,
    clock,
    decade,
    decade_word,
    duration,
    iso_date,
    named_date,
    numeric_date,
)
from .model import Anchor, Edition, Paragraph, Token
from .numbers import parse_number, plain, roman_to_int
from .patterns import NEVER, patterns
from .scan import Handler, Hit, Pass, Scan, anchor_hit
from .segment import remade

__all__ = ["annotate", "extract", "latin_keys", "name_key", "parse_number", "plain", "roman_to_int"]

# Fixed spellings, replaced in this order ("dzh" and "dj" in one pass: a "d" before "dzh" stays "dj").
_SPELLING = (("dzh", "\0"), ("dj", "j"), ("\0", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"))
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1")
_NOT_LATIN = re.compile(r"[^A-Za-z][^A-Za-z]*")  # (not +: a pattern that opens with a set is scanned at C speed)
_FIRST = itemgetter(1)  # a match's first group (a function of C: no template to expand for every word)


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
    return _latin(word, _NOT_LATIN)


# Between words joined for ``latin_keys``: no step below makes, removes or changes it.
_GAP_MARK = "\x01"
_NOT_LATIN_OR_GAP = re.compile(r"[^A-Za-z\x01][^A-Za-z\x01]*")


def latin_keys(words: Sequence[str]) -> list[str]:
    """``name_key`` of each word, from one pass over them all (joined by a mark every step leaves as it
    is, and each step acts within a word): a paragraph's cognates without a call per word."""
    return _latin(_GAP_MARK.join(words), _NOT_LATIN_OR_GAP).split(_GAP_MARK)


# What the transliteration changes: text without it (most accented Latin text) is not translated, a
# dict look-up for every character.
_TRANSLITERATED = re.compile("[" + re.escape("".join(map(chr, locales.CYRILLIC_TO_LATIN))) + "]")


def _latin(text: str, not_latin: re.Pattern[str]) -> str:
    text = text.lower()
    if not text.isascii():  # (transliteration and decomposition leave ASCII as it is)
        if _TRANSLITERATED.search(text):
            text = text.translate(locales.CYRILLIC_TO_LATIN)
        text = unicodedata.normalize("NFKD", text)
    text = not_latin.sub("", text)
    for spelling, replacement in _SPELLING:
        text = text.replace(spelling, replacement)
    return _DOUBLE.sub(_FIRST, text)


_GAP = re.compile(r"\s+")


def _org(m: re.Match[str], scan: Scan) -> Hit | None:
    """The pattern lets any gap stand for the space of a spelling ("EE.\u00a0UU."): look it up with one space."""
    return anchor_hit(m, "org", Token("org", locales.ORGANISATION_OF_SPELLING[_GAP.sub(" ", m["org"])]))


def _name(m: re.Match[str], scan: Scan) -> Hit | None:
    """A capitalised word that does not open a sentence (the pattern looks at what precedes it)."""
    anchor = _name_anchor(m.group())
    return Hit(m.start(), m.end(), anchor) if anchor is not None else None


@lru_cache(maxsize=1 << 16)
def _name_anchor(word: str) -> Anchor | None:
    """The anchor of a capitalised word, or None when it is too short or a known non-name (made once per
    word: a long document names the same people and places again and again)."""
    key = name_key(word)
    return None if len(key) < 3 or key in locales.NOT_NAMES else Anchor("name", Token("name", key), word, strong=False)


# Passes whose hits the joining passes look at (ranges, compounds, implied scales).
_FIGURE_HANDLERS = frozenset({century, decade, decade_word, leftover, number})


# Patterns that open with ``(?=\d)`` and a look-behind that refuses a digit start at a run of digits;
# a figure may open with a currency sign and a space.
_AT_RUN = 0
_SIGN_REACH = max(map(len, measures.CURRENCY_SIGNS)) + 1

PASSES: tuple[Pass, ...] = (
    Pass("iso_date", iso_date, "digits", _AT_RUN),
    Pass("numeric_date", numeric_date, "digits", _AT_RUN),
    # "November 7 October Revolution Day": where the month comes first, it claims its day first.
    Pass("month_day", named_date, "month_first"),
    Pass("day_month", named_date, "months", _AT_RUN),
    Pass("month_day", named_date, "months"),
    Pass("first_day", named_date, "month_words"),
    Pass("month_year", named_date, "months"),
    Pass("duration", duration, "colon", _AT_RUN),
    Pass("clock", clock, "digits", _AT_RUN),
    Pass("century", century, "centuries"),
    Pass("decade", decade, "digits", measures.DECADE_REACH),
    Pass("decade_word", decade_word, "decade_words"),
    Pass("code", code, "digits"),
    Pass("leftover", leftover, "digits", _AT_RUN),
    Pass("number", number, "digits", _SIGN_REACH),
    Pass("compound_word", compound_word, "compound_words"),
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
    figures, others = _run_passes(scan)
    figures = join_figures(figures, scan)
    if not (figures and others):
        return tuple([hit.anchor for hit in figures or others])
    hits = figures + others
    hits.sort(key=_START)
    return tuple([hit.anchor for hit in hits])


def _run_passes(scan: Scan) -> tuple[list[Hit], list[Hit]]:
    """Every pass whose gate is open, in order, each hit kept if its span is still free:
    the figures (which the joining passes look at) and the rest."""
    hits: tuple[list[Hit], list[Hit]] = ([], [])
    gates = scan.__dict__
    for regex, handler, needs, figure, reach in _compiled(scan.lang, scan.digits):
        if gates[needs]:
            into = hits[0 if figure else 1]
            for match in regex.finditer(scan.text) if reach is None else scan.near_digits(regex, reach):
                found = handler(match, scan)
                for hit in (found,) if isinstance(found, Hit) else found or ():
                    if scan.take(hit.start, hit.end):
                        into.append(hit)
        if handler is number and scan.number_words:
            hits[0].extend(word_hits(scan))
    return hits


_START = itemgetter(0)
# Gates that are closed in a text without digits.
_DIGIT_GATES = frozenset({"digits", "months", "month_first", "colon"})


@cache
def _compiled(lang: str, digits: bool) -> tuple[tuple[re.Pattern[str], Handler, str, bool, int | None], ...]:
    """The passes that can match in a language (in a text with or without digits), patterns looked up once;
    the fourth field says whether the pass finds figures."""
    pat = patterns(lang)
    steps = [(getattr(pat, step.pattern), step.handler, step.needs, step.handler in _FIGURE_HANDLERS, step.reach_in(lang))
             for step in PASSES if step.needs != "month_first" or lang in measures.MONTH_FIRST]
    return tuple(step for step in steps if step[0] is not NEVER and (digits or step[2] not in _DIGIT_GATES
                                                                    or step[1] is number))


def annotate(edition: Edition) -> Edition:
    """Attach anchors to every content paragraph of an edition (code as ``locales.CODE_LANG`` writes them)."""
    def with_anchors(p: Paragraph) -> Paragraph:
        return p if p.chrome else remade(p, "anchors", extract(p.norm, locales.CODE_LANG if p.block == "code" else
                                                                edition.lang))

    return replace(edition, paragraphs=tuple(with_anchors(p) for p in edition.paragraphs))
