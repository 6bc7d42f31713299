"""How written digits read, in any locale's convention.

Pure functions on strings; the patterns that find figures in a text are in
``patterns``. Two readings matter for a figure written with one separator
before three digits: ``45,000`` is 45000 in English and 45 in French, and
translators keep the source's format, so both are kept and the edition's own
comes first. Numbers in words are read by ``number_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import locales

TEN = Decimal(10)


@dataclass(frozen=True, slots=True)
class Written:
    """Digits as read: the edition's own value, the values other conventions give, and the precision.

    ``exponent`` is the power of ten of the last digit written (``3.25``: -2; ``90 000``: 0).
    """

    value: Decimal
    foreign: tuple[Decimal, ...] = ()
    exponent: int = 0


_NOT_DIGIT = re.compile(r"\D")
_SPACE_GROUPS = frozenset(" \u00a0\u202f'’")


def read_digits(token: str, lang: str) -> Written | None:
    """Read digits written with any grouping and decimal convention of these locales.

    A lone separator followed by exactly three digits is ambiguous (``90,000``
    is ninety thousand in English and ninety in Russian): the edition's locale
    gives the first reading, the other convention a foreign one. Babel's own
    parser is not used: strictly it accepts only the exact CLDR space, and
    leniently it reads ``25.00`` as 2500 in German.

    >>> read_digits("45,000", "fr")
    Written(value=Decimal('45.000'), foreign=(Decimal('45000'),), exponent=-3)
    >>> read_digits("12.595.75", "de").value, read_digits("1 234,5", "en").value
    (Decimal('12595.75'), Decimal('1234.5'))
    """
    if token.isdigit():  # most figures: "2009", "15"
        return Written(Decimal(token))
    seps = [ch for ch in token if not ch.isdigit()]
    groups = _NOT_DIGIT.split(token)
    if any(ch in _SPACE_GROUPS for ch in seps):
        # Space or apostrophe grouping; a last "," or "." is then the decimal mark.
        whole, frac = token.rsplit(seps[-1], 1) if seps[-1] in ".," else (token, "")
        return _written(_NOT_DIGIT.sub("", whole) + ("." + frac if frac else ""))
    if len(set(seps)) == 2:  # "1,234.5", "1.234,5": the last one is the decimal mark
        whole, frac = token.rsplit(seps[-1], 1)
        return _written(_NOT_DIGIT.sub("", whole) + "." + frac)
    if len(seps) > 1:  # "1,000,000"; "12.595.75" (a decimal mark typed as a group mark)
        if len(groups[-1]) == 3:
            return _written("".join(groups))
        return _written("".join(groups[:-1]) + "." + groups[-1])
    return _one_separator(groups[0], seps[0], groups[1], lang)


def _one_separator(head: str, sep: str, tail: str, lang: str) -> Written | None:
    """``45,000``: grouped or decimal, the locale's reading first; ``1,5``, ``25.00``: decimal only."""
    grouped, decimal = _written(head + tail), _written(head + "." + tail)
    if len(tail) != 3 or head in ("", "0") or len(head) > 3:
        return decimal
    own, other = (decimal, grouped) if sep == locales.number_format(lang).decimal else (grouped, decimal)
    if own is None or other is None:
        return own
    return Written(own.value, (other.value,), own.exponent)


def _written(digits: str) -> Written | None:
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    exponent = value.as_tuple().exponent
    return Written(value, (), min(0, exponent) if isinstance(exponent, int) else 0)


def parse_number(token: str, lang: str) -> Decimal | None:
    """The edition's own reading of a written number.

    >>> [str(parse_number(t, "en")) for t in ("90,000", "90.000", "90\\u00a0000", "1.5", "1,5", "1,234.5")]
    ['90000', '90.000', '90000', '1.5', '1.5', '1234.5']
    >>> [str(parse_number(t, "de")) for t in ("90.000", "1.234,5", "25.00", "1,5")]
    ['90000', '1234.5', '25.00', '1.5']
    """
    written = read_digits(token, lang)
    return written.value if written else None


def plain(value: Decimal) -> str:
    """``Decimal('90000.0')`` → ``'90000'``; ``Decimal('1.50')`` → ``'1.5'``."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int:
    """``XXI`` → 21 (subtractive notation included)."""
    total = 0
    for ch, nxt in zip(text, text[1:] + " "):
        value = _ROMAN[ch]
        total += -value if nxt != " " and _ROMAN.get(nxt, 0) > value else value
    return total
