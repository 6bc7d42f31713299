"""Small helpers on text that every stage shares (no reading, no state).

``Paragraph.norm`` keeps the no-break spaces that group digits (``90\u00a0000``);
lengths, equality and display want plain spaces.
"""

from __future__ import annotations


def plain(norm: str) -> str:
    """The comparison form with every space a plain space (for lengths, equality).

    >>> plain("90\\u00a0000 people")
    '90 000 people'
    """
    return norm.replace("\u00a0", " ")


def lowered(text: str) -> str:
    """``text`` lower-cased letter for letter, so that offsets in one are offsets in the other: a letter that
    lower-cases to two ("İ") is kept as it is.

    >>> lowered("İSTANBUL, Monday"), len(lowered("İ")), len("İ".lower())
    ('İstanbul, monday', 1, 2)
    """
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# An address line: three or more comma-separated parts of a few words, one with a figure (house,
# postcode), and no stop at the end. Translators leave addresses as the post office needs them.
ADDRESS_PARTS, ADDRESS_PART_WORDS = 3, 4


def is_address(text: str) -> bool:
    """Whether ``text`` is an address line, which has no running text to judge.

    >>> is_address("Музей истории города, ул. Пречистенка, д. 12, Москва, 119034")
    True
    >>> is_address("Wir haben 12 Länder besucht, viele Menschen getroffen, und viel gelernt.")
    False
    """
    if text.count(",") < ADDRESS_PARTS - 1:  # (most text: no need to split it)
        return False
    parts = [part.split() for part in text.strip().split(",")]
    return (len(parts) >= ADDRESS_PARTS and not text.rstrip().endswith((".", "!", "?", "…", ":"))
            and all(0 < len(words) <= ADDRESS_PART_WORDS for words in parts)
            and any(any(ch.isdigit() for ch in "".join(words)) for words in parts))
