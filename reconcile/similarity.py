"""Pure pairwise measures: length agreement and anchor agreement.

Two uses with different needs: the aligner scores thousands of candidate
pairs and wants cheap set overlaps (``alignment_keys``); diagnosis looks at
the few pairs that were linked and wants a careful matching that forgives
how translators write the same fact and says how it agreed
(``match_anchors``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from .anchors import latin_keys
from .model import Anchor, Century, Clock, Day, Decade, Figure, Key, Token
from .precision import converted, rounded, short_year, units_clash, value_of

# Gale & Church's variance of the length difference per character, widened for
# paragraphs translated freely and for pairs across scripts.
LENGTH_VARIANCE = 9.0
NAME_PREFIX = 5


def _alignment_key(anchor: Anchor) -> str:
    """One string per anchor that every way of writing the fact shares.

    A figure with readings in two conventions takes the larger (``45,000``
    is 45000 whether the edition meant it or kept the source's format); a
    clock forgets a.m./p.m.; a full date yields its day and month (its year
    is added apart), a decade its tens, a name its first letters.
    """
    key = anchor.key
    if isinstance(key, Figure) and anchor.foreign:
        return str(max((key, *anchor.foreign), key=lambda k: k.value if isinstance(k, Figure) else Decimal(0)))
    if isinstance(key, Clock):
        return str(Clock(key.minutes % 720))
    if isinstance(key, Day) and key.day:
        return str(Day(None, key.month, key.day))
    if isinstance(key, Decade):
        return str(Decade(key.tens))
    if isinstance(key, Token) and key.kind == "name":
        return str(key)[: len("name:") + NAME_PREFIX]
    return str(key)


def alignment_keys(anchors: tuple[Anchor, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Keys for cheap overlap scoring: those of the facts (digits, dates, organisations), and those of the
    other anchors (names, numbers in words) that no fact has. Partial dates, inflected names and kept
    formats still meet.

    ``date:2020-11-09`` yields ``date:--11-09`` and ``num:2020``, so it meets
    ``9 ноября`` and ``2020``; ``stepanakerte`` meets ``stepanakert``.
    """
    facts: set[str] = set()
    others: set[str] = set()
    for a in anchors:
        keys = facts if a.strong and a.kind != "name" else others
        keys.add(_alignment_key(a))
        if isinstance(a.key, Day) and a.key.year:
            keys.add(str(Figure(Decimal(a.key.year))))
    strong = frozenset(facts)
    return strong, frozenset(others) - strong


_WORD = re.compile(r"[^\W\d_]{5,}")


@lru_cache(maxsize=1 << 14)
def cognate_keys(text: str) -> frozenset[str]:
    """Four-letter prefixes of the longer words, transliterated to Latin.

    Simard, Foster & Isabelle (1992): translations share cognates and names
    ("photography" / "fotografía", "Martelly" / "Мартелли"), unrelated
    paragraphs share few. A weak signal, strongest between Latin-script
    languages, but one that needs no dictionary.
    """
    words = _WORD.findall(text)
    return frozenset([key[:4] for key in latin_keys(words) if len(key) >= 5]) if words else frozenset()


def dice(left: frozenset[str], right: frozenset[str]) -> float:
    """Dice coefficient of two sets (0 when either is empty)."""
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def length_delta(source_len: float, target_len: float, ratio: float) -> float:
    """Gale–Church's standardised length difference of a candidate pair."""
    mean = (source_len + target_len / ratio) / 2
    return (target_len - source_len * ratio) / math.sqrt(max(mean, 1.0) * LENGTH_VARIANCE)


def length_probability(delta: float) -> float:
    """Two-sided probability of a difference at least this large: 1 = lengths agree."""
    return math.erfc(abs(delta) / math.sqrt(2))


# --- matching the anchors of two linked paragraphs --------------------------------------

How = Literal["same", "format", "rounded", "converted", "currency", "partial", "name"]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two anchors taken for the same fact, and how they agree.

    ``same``: a reading of each is equal; ``format``: only when one is read
    in another locale's convention (``45,000`` in a French edition);
    ``rounded``/``converted``: within what the less precise side can express;
    ``currency``: two amounts in different currencies, which cannot be
    checked; ``partial``: a date one side states with less (``lost`` names
    what: ``"year 2020"``); ``name``: a spelling variant. ``on_pivot`` says
    that the side at odds (stating less, or read another locale's way) is
    the pivot.
    """

    pivot: Anchor
    edition: Anchor
    how: How
    lost: str = ""
    on_pivot: bool = False


@dataclass(frozen=True, slots=True)
class AnchorMatch:
    """The outcome of matching the anchors of two linked paragraph groups."""

    matched: tuple[Pair, ...]
    only_pivot: tuple[Anchor, ...]
    only_edition: tuple[Anchor, ...]

    def side(self, on_pivot: bool) -> tuple[Anchor, ...]:
        """Every anchor of one side, the matched ones first."""
        if on_pivot:
            return (*[p.pivot for p in self.matched], *self.only_pivot)
        return (*[p.edition for p in self.matched], *self.only_edition)


# The kinds of fact the figure checks compare.
DATE_KINDS = frozenset({"date", "year", "time", "decade", "century"})
NUMBER_KINDS = frozenset({"number", "percent"})
CODE_KINDS = frozenset({"code"})


def strong_of(anchors: tuple[Anchor, ...], kinds: frozenset[str]) -> list[Anchor]:
    """The anchors of these kinds read surely enough to raise an alarm."""
    return [a for a in anchors if a.strong and a.kind in kinds]


Rule = Callable[[Anchor, Anchor], Pair | None]


def match_anchors(pivot: tuple[Anchor, ...], edition: tuple[Anchor, ...], name_threshold: float = 82.0) -> AnchorMatch:
    """Pair up anchors that state the same fact, most certain agreement first.

    Equal keys first (one dictionary look-up each), then any equal reading,
    then another locale's reading, then compatible values: a partial date
    against a full one, a year or a day against a date, a rounded or
    converted figure, a clock against a bare hour, a name against its
    transliteration or inflection. Equal figures in units that clash
    ("$500 million" / "€500 million", "15 km" / "15 miles": ``units_clash``)
    are not paired. Currency words are read coarsely (every dollar as the US
    dollar, every crown as the Czech one), so two dollars or two crowns never
    clash.

    >>> from reconcile.anchors import extract
    >>> m = match_anchors(extract("signed on November 9, 2020 by 90,000", "en"), extract("подписано 9 ноября 80 000", "ru"))
    >>> [str(a.key) for a in m.only_pivot], [str(a.key) for a in m.only_edition], m.matched[0].lost
    (['num:90000'], ['num:80000'], 'year 2020')
    """
    pairs: list[Pair] = []
    by_key: dict[Key, list[Anchor]] = {}
    for b in edition:
        by_key.setdefault(b.key, []).append(b)
    left: list[Anchor] = []
    for a in pivot:
        same = by_key.get(a.key) or []
        k = next((k for k, b in enumerate(same) if not units_clash(a, b)), None)
        if k is None:
            left.append(a)
        else:
            pairs.append(_pair(a, same.pop(k), "same"))
    taken = {id(p.edition) for p in pairs}
    right = [b for b in edition if id(b) not in taken]
    if left and right:  # (most often every anchor has found its equal)
        _pair_by_rules(pairs, left, right, name_threshold)
    if left or right:  # (a year apart can only be left over)
        _years_apart(pairs, left, right)
    return AnchorMatch(tuple(pairs), tuple(left), tuple(right))


def _pair_by_rules(pairs: list[Pair], left: list[Anchor], right: list[Anchor], name_threshold: float) -> None:
    """Pairs from the rules, most certain first; what they pair leaves ``left`` and ``right``."""
    rules: tuple[Rule, ...] = (_same_reading, _other_convention, _close, _loose,
                               lambda a, b: _unverifiable(a, b, left, right))
    # Only the names rule (last) pairs names, and it pairs nothing else: each rule sees the anchors it can
    # pair (the same pairs in the same order, without a pass over every name against every figure).
    for rule in rules:
        candidates = [b for b in right if b.kind != "name"]
        pivot = [a for a in left if a.kind != "name"]
        if not (pivot and candidates):  # (the sides only shrink: no later rule has a pair to make either)
            break
        for a in pivot:
            for b in candidates:
                pair = rule(a, b)
                if pair is not None:
                    pairs.append(pair)
                    left.remove(a)
                    right.remove(b)
                    candidates.remove(b)
                    break
    _pair_names(pairs, left, right, name_threshold)


def _pair_names(pairs: list[Pair], left: list[Anchor], right: list[Anchor], threshold: float) -> None:
    """Each pivot name with the first edition name left that is spelt alike (``fuzz.ratio`` at least
    ``threshold``) or shares its first ``NAME_PREFIX`` letters: a transliteration or an inflection."""
    candidates = [(b, y, _prefix(y, "")) for b, y in _names(right)]
    for a, x in _names(left):
        start = _prefix(x, None)
        for i, (b, y, prefix) in enumerate(candidates):
            if prefix == start or fuzz.ratio(x, y) >= threshold:  # (the cheap test first)
                pairs.append(Pair(a, b, "name"))
                left.remove(a)
                right.remove(b)
                del candidates[i]
                break


def _names(anchors: list[Anchor]) -> list[tuple[Anchor, str]]:
    """The name anchors and their keys' texts."""
    return [(a, key.text) for a in anchors if a.kind == "name" and isinstance(key := a.key, Token)]


def _prefix(key: str, short: str | None) -> str | None:
    """The first letters two names that share them are taken to be one name by; ``short`` for a shorter key."""
    return key[:NAME_PREFIX] if len(key) >= NAME_PREFIX else short


def _years_apart(pairs: list[Pair], left: list[Anchor], right: list[Anchor]) -> None:
    """A year written apart from a date that holds it on the other side ("In 2020 … on 9 November" /
    "9 ноября 2020 года") is that date's year: paired with it, and no longer left over."""
    dated_pivot = {p.pivot.key.year: p.pivot for p in pairs if isinstance(p.pivot.key, Day) and p.pivot.key.year}
    dated_edition = {p.edition.key.year: p.edition for p in pairs
                     if isinstance(p.edition.key, Day) and p.edition.key.year}
    for anchor in [a for a in left if _year_of(a) in dated_edition]:
        pairs.append(Pair(anchor, dated_edition[_year_of(anchor)], "same"))
        left.remove(anchor)
    for anchor in [b for b in right if _year_of(b) in dated_pivot]:
        pairs.append(Pair(dated_pivot[_year_of(anchor)], anchor, "same"))
        right.remove(anchor)


def _year_of(anchor: Anchor) -> int:
    """The year a year anchor states (0 for any other anchor)."""
    return int(anchor.key.value) if anchor.kind == "year" and isinstance(anchor.key, Figure) else 0


def _pair(a: Anchor, b: Anchor, how: How) -> Pair:
    """A pair; two dates say what one of them does not state."""
    if isinstance(a.key, Day) and isinstance(b.key, Day):
        lost, on_pivot = _lost_part(a.key, b.key)
        if lost:
            return Pair(a, b, "partial", lost, on_pivot)
    return Pair(a, b, how)


def _lost_part(a: Day, b: Day) -> tuple[str, bool]:
    """``("year 2020", False)`` when the pivot date states the year 2020 and the edition's does not."""
    for part, x, y in (("year", a.year, b.year), ("day", a.day, b.day)):
        if bool(x) != bool(y):
            return f"{part} {x or y}", not x
    return "", False


def _same_reading(a: Anchor, b: Anchor) -> Pair | None:
    return _pair(a, b, "same") if _equal_reading(a, b) and not units_clash(a, b) else None


def _equal_reading(a: Anchor, b: Anchor) -> bool:
    own = (a.key, *a.readings)
    return any(k in own for k in (b.key, *b.readings))


def _other_convention(a: Anchor, b: Anchor) -> Pair | None:
    """Equal only if one side is read the other locale's way: ``45,000`` (fr) for 45000.

    The side at odds is the one whose own reading does not agree. When each
    agrees only read the other's way (the same ``10.000`` in an English and
    a Spanish edition), it is the one that reads it as a fraction: news
    writes thousands far more often than thousandths.
    """
    edition_odd = any(k in (a.key, *a.readings) for k in b.foreign)
    pivot_odd = any(k in (b.key, *b.readings) for k in a.foreign)
    if edition_odd and pivot_odd:
        return Pair(a, b, "format", on_pivot=value_of(a) < value_of(b))
    if edition_odd or pivot_odd:
        return Pair(a, b, "format", on_pivot=pivot_odd)
    if a.foreign and b.foreign and any(k in b.foreign for k in a.foreign):
        return Pair(a, b, "format")
    return None


def _close(a: Anchor, b: Anchor) -> Pair | None:
    """Two dates that agree where both state a part; two figures equal once rounded or converted."""
    x, y = a.key, b.key
    if isinstance(x, Day) and isinstance(y, Day):
        agree = all(p == q or not p or not q for p, q in ((x.year, y.year), (x.month, y.month), (x.day, y.day)))
        return _pair(a, b, "same") if agree else None
    if isinstance(x, Figure) and isinstance(y, Figure):
        how = _figures_agree(a, b, x.value, y.value)
        return Pair(a, b, how) if how else None
    return None


def _loose(a: Anchor, b: Anchor) -> Pair | None:
    """Values of different kinds that state the same fact: a year against a date, a decade, a bare hour,
    a code's number against a year ("JO-92" / "1992 Olympic Games")."""
    if _loosely_equal(a.key, b.key, a, b) or _loosely_equal(b.key, a.key, b, a):
        return _year_only(a, b) or Pair(a, b, "same")
    if "code" in (a.kind, b.kind) and (short_year(a, b) or short_year(b, a)):
        return Pair(a, b, "same")
    return None


def _year_only(a: Anchor, b: Anchor) -> Pair | None:
    """A date against its bare year: one side does not state the day and month (``lost`` says which)."""
    for date, year, on_pivot in ((a.key, b.key, False), (b.key, a.key, True)):
        if isinstance(date, Day) and isinstance(year, Figure) and date.year is not None and year.value == date.year:
            return Pair(a, b, "partial", "day and month" if date.day else "month", on_pivot)
    return None


def _loosely_equal(x: Key, y: Key, a: Anchor, b: Anchor) -> bool:
    """A year or a day against a date, a year against its decade, a bare hour against a clock, a bare
    ordinal against its century."""
    if isinstance(x, Decade) and isinstance(y, Decade):
        return x.tens == y.tens and (x.year is None or y.year is None)
    if not isinstance(y, Figure):
        return False
    if isinstance(x, Day):
        return y.value in (x.year, x.day)
    if y.value != y.value.to_integral_value():
        return False
    if isinstance(x, Decade):
        return _decade_figure(x, int(y.value), b.kind == "year")
    if isinstance(x, Century):  # "Ende des 19. und Anfang des 20. Jahrhunderts": the first century word left out
        return _bare(b) and y.value == x.number
    if isinstance(x, Clock):
        return x.minutes % 60 == 0 and 0 <= y.value <= 24 and (x.minutes // 60) % 12 == int(y.value) % 12
    return False


def _bare(anchor: Anchor) -> bool:
    """A number written alone: no unit, no scale word."""
    return anchor.kind == "number" and anchor.unit is None and not anchor.scaled


def _decade_figure(decade: Decade, value: int, year: bool) -> bool:
    """"1990s" ~ 1990; "the nineties" ~ 1990 or 1995 (a year); "the 60s" ~ "los 60" (its tens as written)."""
    return value in (decade.year, decade.tens) or (decade.year is None and year and value % 100 == decade.tens)


def _figures_agree(a: Anchor, b: Anchor, x: Decimal, y: Decimal) -> How | None:
    if rounded(a, b, x, y):
        return "rounded"
    if converted(a, b):
        return "converted"
    if short_year(a, b) or short_year(b, a):
        return "same"
    return None


def _unverifiable(a: Anchor, b: Anchor, left: list[Anchor], right: list[Anchor]) -> Pair | None:
    """Two amounts in different currencies: a conversion this tool cannot check. Not when either
    currency is also left over on the other side: then an amount changed ("700 billion dollars" /
    "700 million dollars" next to "12 billion crowns"), and that is no conversion."""
    ua, ub = a.unit, b.unit
    if ua is None or ub is None or not (ua.dimension.startswith("currency:") and ub.dimension.startswith("currency:")) \
            or ua.dimension == ub.dimension or _equal_reading(a, b):  # (the same amount: the currency changed)
        return None
    if any(x.unit is not None and x.unit.dimension == ua.dimension for x in right) or \
            any(x.unit is not None and x.unit.dimension == ub.dimension for x in left):
        return None
    return Pair(a, b, "currency")
