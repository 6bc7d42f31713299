"""Pure pairwise measures: length agreement and anchor agreement.

Two uses with different needs: the aligner scores thousands of candidate
pairs and wants cheap set overlaps (``alignment_keys``); diagnosis looks at
the few pairs that were linked and wants a careful matching that forgives
how translators write the same fact (``match_anchors``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from rapidfuzz import fuzz

from .model import Anchor

# Gale & Church's variance of the length difference per character, widened for
# paragraphs translated freely and for pairs across scripts.
LENGTH_VARIANCE = 9.0
NAME_PREFIX = 5


def alignment_keys(anchors: tuple[Anchor, ...]) -> frozenset[str]:
    """Keys for cheap overlap scoring: partial dates and inflected names still meet.

    A full date also yields its day-month and its year, and a name is cut to a
    prefix, so ``date:2020-11-09`` meets ``date:--11-09`` and ``stepanakerte``
    meets ``stepanakert``.
    """
    keys: set[str] = set()
    for a in anchors:
        if a.kind == "name":
            keys.add(a.key[: len("name:") + NAME_PREFIX])
        elif a.kind == "date":
            year, month, day = _date_parts(a)
            if year:
                keys.add(f"num:{year}")
            keys.add(f"date:--{month}-{day}" if day else a.key)
        else:
            keys.add(a.key)
    return frozenset(keys)


_WORD = re.compile(r"[^\W\d_]{5,}")


@lru_cache(maxsize=1 << 14)
def cognate_keys(text: str) -> frozenset[str]:
    """Four-letter prefixes of the longer words, transliterated to Latin.

    Simard, Foster & Isabelle (1992): translations share cognates and names
    ("photography" / "fotografía", "Martelly" / "Мартелли"), unrelated
    paragraphs share few. A weak signal, strongest between Latin-script
    languages, but one that needs no dictionary.
    """
    from .anchors import name_key

    return frozenset(key[:4] for key in map(name_key, _WORD.findall(text)) if len(key) >= 5)


def dice(left: frozenset[str], right: frozenset[str]) -> float:
    """Dice coefficient of two sets (0 when either is empty)."""
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def strong_keys(anchors: tuple[Anchor, ...]) -> frozenset[str]:
    """Alignment keys of the anchors that are facts (digits, dates, organisations)."""
    return alignment_keys(tuple(a for a in anchors if a.strong and a.kind != "name"))


def length_delta(source_len: float, target_len: float, ratio: float) -> float:
    """Gale–Church's standardised length difference of a candidate pair."""
    mean = (source_len + target_len / ratio) / 2
    return (target_len - source_len * ratio) / math.sqrt(max(mean, 1.0) * LENGTH_VARIANCE)


def length_probability(delta: float) -> float:
    """Two-sided probability of a difference at least this large: 1 = lengths agree."""
    return math.erfc(abs(delta) / math.sqrt(2))


@dataclass(frozen=True, slots=True)
class AnchorMatch:
    """The outcome of matching the anchors of two linked paragraph groups."""

    matched: tuple[tuple[Anchor, Anchor], ...]
    only_pivot: tuple[Anchor, ...]
    only_edition: tuple[Anchor, ...]


def match_anchors(pivot: tuple[Anchor, ...], edition: tuple[Anchor, ...], name_threshold: float = 82.0) -> AnchorMatch:
    """Pair up anchors that state the same fact, most specific evidence first.

    Exact keys first, then compatible ones: a partial date against a full one,
    a year or a day against a date, a rounded figure with a scale word against
    the exact figure ("1.5 million" ~ 1,530,000), a name against its
    transliteration or inflection.

    >>> from reconcile.anchors import extract
    >>> m = match_anchors(extract("signed on November 9, 2020 by 90,000", "en"), extract("подписано 9 ноября 80 000", "ru"))
    >>> [a.key for a in m.only_pivot], [a.key for a in m.only_edition]
    (['num:90000'], ['num:80000'])
    """
    matched: list[tuple[Anchor, Anchor]] = []
    by_key: dict[str, list[Anchor]] = {}
    for b in edition:
        by_key.setdefault(b.key, []).append(b)
    left = []
    for a in pivot:  # the same key: one dictionary look-up each
        same = by_key.get(a.key)
        if same:
            matched.append((a, same.pop(0)))
        else:
            left.append(a)
    taken = {id(b) for _, b in matched}
    right = [b for b in edition if id(b) not in taken]
    for accept in (_compatible, lambda a, b: _names_close(a, b, name_threshold)):
        for a in list(left):
            for b in right:
                if accept(a, b):
                    matched.append((a, b))
                    left.remove(a)
                    right.remove(b)
                    break
    return AnchorMatch(tuple(matched), tuple(left), tuple(right))


def _date_parts(anchor: Anchor) -> tuple[str, str, str]:
    """``date:2020-11-09`` → ('2020', '11', '09'); missing parts are ''."""
    body = anchor.key[len("date:"):]
    if body.startswith("--"):
        return "", body[2:4], body[5:7]
    year, _, rest = body.partition("-")
    month, _, day = rest.partition("-")
    return year, month, day


def _compatible(a: Anchor, b: Anchor) -> bool:
    if a.kind == "date" and b.kind == "date":
        return all(x == y or not x or not y for x, y in zip(_date_parts(a), _date_parts(b)))
    if {a.kind, b.kind} & {"date"} and {a.kind, b.kind} & {"year", "number"}:
        date, number = (a, b) if a.kind == "date" else (b, a)
        year, _, day = _date_parts(date)
        value = number.key[len("num:"):]
        return value in (year, day.lstrip("0"))
    if a.key.startswith("num:") and b.key.startswith("num:"):
        return _rounded_equal(a, b) or _converted_equal(a, b) or _short_year(a, b)
    if "time" in (a.kind, b.kind):
        return _same_clock(a, b)
    if "decade" in (a.kind, b.kind) and {a.kind, b.kind} & {"year", "number"}:
        decade, year = (a, b) if a.kind == "decade" else (b, a)
        return year.key[-2:] == decade.key[-2:]
    return False


def _same_clock(a: Anchor, b: Anchor) -> bool:
    """19:00 = 7 p.m. = "7" or "1900" (an hour written as a plain number), am/pm forgotten or not."""
    def minutes(anchor: Anchor) -> int | None:
        body = anchor.key.split(":", 1)[1]
        if anchor.kind == "time":
            hour, minute = body.split(":")
            return int(hour) * 60 + int(minute)
        if anchor.kind != "number" or not body.isdigit():
            return None
        if int(body) <= 24:
            return int(body) * 60
        if len(body) == 4 and int(body[:2]) < 24 and int(body[2:]) < 60:  # "1200 hours"
            return int(body[:2]) * 60 + int(body[2:])
        return None

    x, y = minutes(a), minutes(b)
    return x is not None and y is not None and (x - y) % (12 * 60) == 0


# Converted figures are rounded ("550 miles" → "about 885 km" or "900 km").
CONVERSION_TOLERANCE = 0.12


def _converted_equal(a: Anchor, b: Anchor) -> bool:
    """A figure in miles, feet, °F … against its metric conversion (unit written or not)."""
    for x, y in ((a, b), (b, a)):
        if x.metric is not None and x.unit:
            other = y.metric if y.metric is not None and y.unit == x.unit else float(y.key[4:])
            if abs(other - x.metric) <= CONVERSION_TOLERANCE * abs(x.metric) + 0.5:
                return True
    return False


def _short_year(a: Anchor, b: Anchor) -> bool:
    """A year written with two digits ("'53", "1950-53") against the full year."""
    for x, y in ((a, b), (b, a)):
        if x.kind == "number" and len(x.key) == 6 and not x.unit and y.kind == "year" and y.key.endswith(x.key[-2:]):
            return True
    return False


def _rounded_equal(a: Anchor, b: Anchor) -> bool:
    """Equal after rounding the more precise figure to the other's precision.

    Only where rounding is what translators do: a figure written with a scale
    word ("1.5 million" for 1,530,000) or with fewer decimals ("15 %" for
    15.3 %). Figures of the same precision must be equal ("80 %" is not "84 %").
    """
    x, y = Decimal(a.key[4:]), Decimal(b.key[4:])
    if x == 0 or y == 0:
        return False
    coarse, fine = (a, y) if _sig_digits(a) <= _sig_digits(b) else (b, x)
    coarse_value = Decimal(coarse.key[4:])
    fewer_decimals = _decimals(coarse_value) < _decimals(fine)
    if not (coarse.scaled or fewer_decimals):
        return False
    exponent = coarse_value.adjusted() - _sig_digits(coarse) + 1 if coarse.scaled else -_decimals(coarse_value)
    quantum = Decimal(1).scaleb(exponent)
    try:
        return (fine / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum == coarse_value
    except InvalidOperation:  # more digits than Decimal's precision (35+): no translator rounds those
        return False


def _decimals(value: Decimal) -> int:
    return max(0, -value.normalize().as_tuple().exponent)


def _sig_digits(anchor: Anchor) -> int:
    return len(Decimal(anchor.key[4:]).normalize().as_tuple().digits)


def _names_close(a: Anchor, b: Anchor, threshold: float) -> bool:
    if a.kind != "name" or b.kind != "name":
        return False
    x, y = a.key[5:], b.key[5:]
    return fuzz.ratio(x, y) >= threshold or (min(len(x), len(y)) >= 5 and x[:NAME_PREFIX] == y[:NAME_PREFIX])
