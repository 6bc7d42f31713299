"""Small helpers on the comparison text that every stage shares (no reading, no state).

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
