"""Figures stated on one side only that add no fact of their own (for ``divergence``).

A value that side states again elsewhere and the other side shares ("in
1989 … the award of 1989" / "1989"); a conversion in parentheses next to the
figure it converts ("17 billion dollars (almost 300 billion crowns)", "12
miles (20 km)"), which translators add or drop for their readers; a
percentage the other side states as a share in words ("50 percent" / "die
Hälfte"). They are information, not a loss: the figure each restates is
compared in its own right, and a value on each side is still a change.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from . import numerals
from .model import Anchor, Figure, Unit
from .similarity import CODE_KINDS, DATE_KINDS, NUMBER_KINDS, AnchorMatch, strong_of

# How far a conversion's parenthesis may stand from the end of its figure ("10 million Swedish krona (approximately").
CONVERSION_LEAD = 30
_DIGIT = re.compile(r"\d")
_FIGURES = DATE_KINDS | NUMBER_KINDS | CODE_KINDS


class Restated:
    """Sorts the one-sided figures of a match into those that state a fact and those that restate one."""

    def __init__(self, match: AnchorMatch, texts: tuple[str, str], langs: tuple[str, str]) -> None:
        # A repetition: the key of a figure the side states again and the other shares, while the other side
        # leaves no figure, date or code of its own unmatched (where "Mondiaux-2002" stands for a "2009"
        # repeated from "Euro-2009", the lost year is a change).
        left = (bool(strong_of(match.only_edition, _FIGURES)), bool(strong_of(match.only_pivot, _FIGURES)))
        self.shared = (set() if left[0] else {p.pivot.key for p in match.matched},
                       set() if left[1] else {p.edition.key for p in match.matched})
        self.sides = (match.side(True), match.side(False))
        self.texts, self.langs = texts, langs
        self.dropped: list[tuple[Anchor, bool]] = []

    def drop(self, anchors: list[Anchor], on_pivot: bool) -> list[Anchor]:
        """The anchors that state a fact of their own; the others are kept in ``dropped``."""
        kept = []
        side = 0 if on_pivot else 1
        for anchor in anchors:
            if anchor.key in self.shared[side] or self._conversion(anchor, side) or self._share(anchor, side):
                self.dropped.append((anchor, on_pivot))
            else:
                kept.append(anchor)
        return kept

    def _conversion(self, anchor: Anchor, side: int) -> bool:
        text = self.texts[side]
        at = text.find(anchor.surface)
        if anchor.unit is None or at < 0:
            return False
        return _converting(anchor, anchor.unit, text, at, self.sides[side]) or \
            _converted(anchor, anchor.unit, text, at + len(anchor.surface), self.sides[side])

    def _share(self, anchor: Anchor, side: int) -> bool:
        """A percentage the other side states as a share in words ("50 percent" / "la mitad")."""
        if anchor.kind != "percent" or not isinstance(anchor.key, Figure):
            return False
        other = 1 - side
        words = _shares(self.langs[other]).get(anchor.key.value.normalize(), ())
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", self.texts[other], re.IGNORECASE) for w in words)


def _converting(anchor: Anchor, unit: Unit, text: str, at: int, side: tuple[Anchor, ...]) -> bool:
    """The figure opens a parenthesis just after an amount it may convert ("1.250 Pfund (1.400 Euro)")."""
    opening = text.rfind("(", max(0, at - CONVERSION_LEAD), at)
    if opening < 0 or ")" in text[opening:at]:
        return False
    return any(other is not anchor and _converts(other, unit) and _just_before(other.surface, text, opening)
               for other in side)


def _converted(anchor: Anchor, unit: Unit, text: str, end: int, side: tuple[Anchor, ...]) -> bool:
    """The figure is followed, with no other figure between, by its conversion in parentheses ("12 miles (20 km)")."""
    opening = text.find("(", end, end + CONVERSION_LEAD)
    if opening < 0 or ")" in text[end:opening] or _DIGIT.search(text, end, opening):
        return False
    inside = text[opening: text.find(")", opening)]
    return any(other is not anchor and other.unit is not None and other.surface in inside
               and _convertible(unit, other.unit) for other in side)


def _just_before(surface: str, text: str, at: int) -> bool:
    """``surface`` ends at most ``CONVERSION_LEAD`` characters before ``at``, with no other figure between."""
    window = text[max(0, at - CONVERSION_LEAD - len(surface)): at]
    found = window.rfind(surface)
    return found >= 0 and not _DIGIT.search(window, found + len(surface))


def _converts(anchor: Anchor, unit: Unit) -> bool:
    """An amount that a figure in ``unit`` may convert: of a unit convertible to it, a pound (sterling or
    weight: "1.250 Pfund (1.400 Euro)"), or with a scale word and a unit not read ("ten million Swedish
    krona"); not a percentage ("91.5 % of loans (399.8 million euros)")."""
    if anchor.kind != "number" or not isinstance(anchor.key, Figure):
        return False
    if anchor.unit is None:
        return anchor.scaled
    return _convertible(anchor.unit, unit) or anchor.unit.name == "mass-pound"


def _convertible(a: Unit, b: Unit) -> bool:
    """Two units one may be converted into the other: the same dimension, or two currencies."""
    return a.dimension == b.dimension or (a.dimension.startswith("currency") and b.dimension.startswith("currency"))


@cache
def _shares(lang: str) -> dict[Decimal, tuple[str, ...]]:
    """Percent value → the words of ``lang`` that state that share."""
    table: dict[Decimal, tuple[str, ...]] = {}
    for values, forms in numerals.SHARE_WORDS.items():
        for value in values:
            key = Decimal(value).normalize()
            table[key] = table.get(key, ()) + forms.get(lang, ())
    return table
