"""The state of one text being scanned for anchors: claimed spans, gates, and what a pass finds.

Shared by the passes of ``anchors_time`` and ``anchors_amounts`` and by the
driver in ``anchors``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from . import locales, measures
from .model import Anchor, AnchorKind, Key
from .number_words import counts
from .patterns import NEVER, Patterns, patterns
from .text import lowered

SPACES = re.compile(r"[ \u00a0]+")


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
        self.lower = lowered(text)  # (offsets in it are offsets in the text)
        self.words = words = frozenset(_WORD.findall(self.lower))
        # Where each run of digits starts: most passes' matches start at one, or a sign's width before it.
        self.runs = [m.start() for m in _DIGITS.finditer(text)]
        self.digits = digits = bool(self.runs)
        self.always = True
        self.months = digits and not words.isdisjoint(pat.month_words)
        self.month_first = self.months and self.lang in measures.MONTH_FIRST
        self.month_words = pat.first_day is not NEVER and not words.isdisjoint(pat.month_words)
        self.colon = digits and ":" in text
        self.centuries = _names_centuries(words, text, pat)
        self.decade_words = not words.isdisjoint(pat.decade_forms)
        self.capitals = bool(_CAPITALS.search(text))
        self.compound_words = any(map(self.lower.__contains__, pat.compound_stems))
        self.number_words = not words.isdisjoint(pat.number_words) or (
            pat.number_word_rules and any(counts(w, self.lang) for w in words
                                          if w[:3] in pat.number_starts and w not in pat.not_counting))

    def take(self, start: int, end: int) -> bool:
        if end <= start or self.free.find(0, start, end) >= 0:
            return False
        self.free[start:end] = bytes(end - start)
        return True

    def before(self, start: int, width: int = 24) -> str:
        return self.text[max(0, start - width):start]

    def near_digits(self, regex: re.Pattern[str], reach: int) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)`` for a pattern whose matches start at most ``reach`` characters before
        a run of digits: only there is a match tried (a paragraph has a few runs; scanning every character
        for a match that opens with a look-around costs more)."""
        text, end = self.text, 0
        for run in self.runs:
            start = max(end, run - reach)
            while start <= run:
                match = regex.match(text, start)
                if match is not None:
                    yield match
                    end = match.end()
                    break
                start += 1


Handler = Callable[[re.Match[str], Scan], Hit | tuple[Hit, ...] | None]



@dataclass(frozen=True, slots=True)
class Pass:
    """A pattern of ``Patterns`` (by name), the handler that turns a match into hits, the gate
    of ``Scan`` (by name) that says whether the pattern can match the text at all, and how far before
    a run of digits its matches may start (``Scan.near_digits``), in every language or by language."""

    pattern: str
    handler: Handler
    needs: str
    reach: int | dict[str, int] | None = None  # at most this far before a run of digits (None, unlisted: anywhere)

    def reach_in(self, lang: str) -> int | None:
        return self.reach.get(lang) if isinstance(self.reach, dict) else self.reach


_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d(?<!\d\d)")  # where a run starts (opens with the digit: scanned for at C speed)
_ROMAN_NUMERAL = re.compile(r"[IVXL]+(?!\w)")  # (the end of one, at least: a gate)
_CAPITALS = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ]")  # (not {2}: a pattern that opens with a set is scanned at C speed)


def _names_centuries(words: frozenset[str], text: str, pat: Patterns) -> bool:
    """A century word, or its abbreviation with a Roman numeral ("XIX в."; "в" alone is a preposition)."""
    return not words.isdisjoint(pat.century_words) or (
        not words.isdisjoint(pat.century_abbreviations) and _ROMAN_NUMERAL.search(text) is not None)


def anchor_hit(match: re.Match[str], kind: AnchorKind, key: Key, **more: object) -> Hit:
    """A hit spanning the whole match, its surface the match stripped."""
    return Hit(match.start(), match.end(), Anchor(kind, key, match.group().strip(), **more))  # type: ignore[arg-type]
