"""Figures that agree within what the less precise side can express: rounding, unit conversions,
two-digit years.

``1.5 million`` ~ 1,530,000 (rounded to its last written digit); ``224 miles``
~ ``360 km`` (the intervals each side's precision allows overlap), but not
``340 km``; ``30 °C`` and ``31 °C`` are written to the same precision and
differ. A figure without a unit is never taken for a conversion (25 against
65 cm is not inches), except a temperature whose unit is written once for two
figures ("48 degrees at the start, 55 at the finish"). The same figure in two
units that cannot both be right ("15 km" / "15 miles", "$500 million" / "€500
million") is a unit changed, not a conversion.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from . import measures
from .model import Anchor, Figure, Unit


def rounded(a: Anchor, b: Anchor, x: Decimal, y: Decimal) -> bool:
    """Equal once the more precise figure is rounded to the other's last written digit.

    ``1.5 million`` ~ ``1,530,000``; ``15 %`` ~ ``15.3 %``; but figures written
    to the same precision must be equal (``80 %`` is not ``84 %``).
    """
    if x == 0 or y == 0 or a.exponent == b.exponent or (a.unit and b.unit and a.unit.name != b.unit.name):
        return False
    coarse, fine = (x, y) if a.exponent > b.exponent else (y, x)
    quantum = Decimal(1).scaleb(max(a.exponent, b.exponent))
    return abs(fine - coarse) <= quantum / 2


def _spread(anchor: Anchor, value: float) -> float:
    """Half the width of what a written figure may stand for after conversion or rounding.

    The last written digit bounds it; an integer ending in zeros may be
    rounded to its last non-zero digit (``360`` is 355–365), one ending in 5
    to the nearest five (``135 km/h`` for 85 mph, 136.8 km/h), but never by
    more than 5 % (``1,000 miles`` is not 500–1,500).
    """
    own = isinstance(anchor.key, Figure) and float(anchor.key.value) == value
    exponent = anchor.exponent if own else _last_digit(Decimal(str(value)))
    spread = 0.5 * 10.0 ** exponent
    digits = str(int(abs(value))) if exponent <= 0 and value == int(value) else ""
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    rounding = 0.5 * 10.0 ** zeros if zeros or not digits.endswith("5") else 2.5
    return max(spread, min(rounding, 0.05 * abs(value)))


def _last_digit(value: Decimal) -> int:
    """Power of ten of the last digit of a value (0 for whole numbers)."""
    exponent = value.normalize().as_tuple().exponent
    return min(0, exponent) if isinstance(exponent, int) else 0


def converted(a: Anchor, b: Anchor) -> bool:
    """A figure in miles, feet, °F … against its conversion, within what the less precise side can express."""
    if a.unit is None and b.unit is None:
        return False
    for unit_a in _interpretations(a.unit, b.unit):
        for unit_b in _interpretations(b.unit, unit_a):
            if not _same_dimension(unit_a, unit_b) or unit_a.name == unit_b.name:
                continue
            if any(_overlap(a, x, unit_a, b, y, unit_b) for x in _figures(a) for y in _figures(b)):
                return True
    return False


# Two units of one dimension whose sizes differ by less than this factor (a statute and a nautical mile,
# a metric and a short ton) may stand for each other in a loose translation; beyond it, they do not.
UNIT_SLACK = 1.25


def units_clash(a: Anchor, b: Anchor) -> bool:
    """The same figure in units that cannot both be right: two currencies ("$500 million" / "€500
    million": no conversion keeps the amount), or two units of one dimension of clearly different sizes
    ("15 km" / "15 miles"). A unit on one side only, "degrees" of an unstated scale, cents (of any
    currency) and units of different dimensions (one side's unit word misread) do not clash."""
    ua, ub = a.unit, b.unit
    if ua is None or ub is None or ua.name == ub.name or "degree" in (ua.name, ub.name):
        return False
    if ua.dimension.startswith("currency") or ub.dimension.startswith("currency"):
        return ua.dimension.startswith("currency:") and ub.dimension.startswith("currency:")
    return ua.dimension == ub.dimension and (ua.offset != ub.offset or ua.factor > UNIT_SLACK * ub.factor
                                             or ub.factor > UNIT_SLACK * ua.factor)


def _same_dimension(a: Unit, b: Unit) -> bool:
    """Cents ("currency") are a hundredth of any currency; otherwise dimensions must be equal."""
    if a.dimension == "currency" or b.dimension == "currency":
        return a.dimension.startswith("currency") and b.dimension.startswith("currency")
    return a.dimension == b.dimension


def _figures(anchor: Anchor) -> list[float]:
    """The values a figure may have, its own first (``400m``: 400 000 000 or 400)."""
    return [float(k.value) for k in (anchor.key, *anchor.readings) if isinstance(k, Figure)]


def _interpretations(unit: Unit | None, other: Unit | None) -> list[Unit]:
    """The units a figure may be in: its own; "degrees" either scale; none written, against a temperature,
    either scale too ("48 degrees at the start, 55 at the finish"). Other figures without a unit are not
    converted: 25 against 65 cm is not taken for inches."""
    if unit is not None and unit.name != "degree":
        return [unit]
    if unit is None and (other is None or other.dimension != "temperature"):
        return []
    return [u for u in _units_by_name() if u.name in measures.DEGREE_SCALES]


@lru_cache(maxsize=1)
def _units_by_name() -> tuple[Unit, ...]:
    return tuple({u.name: u for u in measures.unit_words("en").values()}.values())


def _overlap(a: Anchor, x: float, unit_a: Unit, b: Anchor, y: float, unit_b: Unit) -> bool:
    low_a, high_a = (unit_a.to_base(v) for v in (x - _spread(a, x), x + _spread(a, x)))
    low_b, high_b = (unit_b.to_base(v) for v in (y - _spread(b, y), y + _spread(b, y)))
    return low_a <= high_b + 1e-9 and low_b <= high_a + 1e-9


def value_of(anchor: Anchor) -> Decimal:
    return anchor.key.value if isinstance(anchor.key, Figure) else Decimal(0)


def short_year(a: Anchor, b: Anchor) -> bool:
    """A year written with two digits (``'53``, ``1950-53``) against the full year."""
    y = value_of(b)
    return a.kind in ("number", "code") and b.kind == "year" and a.unit is None and \
        any(isinstance(k, Figure) and 0 <= k.value < 100 and k.value == int(k.value) and int(y) % 100 == k.value
            for k in (a.key, *a.readings))
