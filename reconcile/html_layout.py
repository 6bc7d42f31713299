"""Text laid out as a browser lays it out (``innerText``), from the pieces of an element.

A run of spaces, tabs and newlines is one space, also across the edges of
inline markup; spaces at the start and end of a line go; ``<br>`` ends a
line and ``<br><br>`` a paragraph; no-break spaces and ``<pre>`` keep their
whitespace (tests/test_html_text.py checks it in Chromium).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

_GAP = re.compile(r"[ \t\n\r\f]+")


class Pre(str):
    """Preformatted text: laid out as written."""


Piece = str | None  # text (a Pre keeps its whitespace) or None for a line break


def gather(element: etree._Element, pieces: list[Piece], pre: bool) -> None:
    """The element's text as pieces, in document order: ``<br>`` is None, text in ``<pre>`` a Pre."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        pieces.append(None)
        return
    pre = pre or tag == "pre"
    kind = Pre if pre else str
    pieces.append(kind(element.text or ""))
    for child in element:
        if isinstance(child.tag, str):
            gather(child, pieces, pre)
        pieces.append(kind(child.tail or ""))


def render(pieces: list[Piece]) -> list[str]:
    """Lay out gathered pieces as a browser does; ``<br><br>`` starts a new paragraph.

    >>> render(["  ", "Prices in the capital ", "rose", None, " again\u00a0 ", None, " ", None, "New"])
    ['Prices in the capital rose again\xa0', 'New']
    """
    layout = Layout()
    for piece in pieces:
        if piece is None:
            layout.line_break()
        else:
            layout.write(piece)
    return layout.paragraphs()


@dataclass(slots=True)
class Layout:
    """Text laid out as a browser does: collapsible spaces, line breaks, paragraphs at a double break."""

    done: list[str] = field(default_factory=list)  # finished paragraphs
    out: list[str] = field(default_factory=list)  # the paragraph being written
    space: bool = False  # a collapsible space waits to be written before the next text
    breaks: int = 0  # line breaks since the last text

    def line_break(self) -> None:
        self.breaks, self.space = self.breaks + 1, False
        if self.breaks == 2 and self.out:
            self.done.append("".join(self.out))
            self.out = []

    def write(self, piece: str) -> None:
        pre = isinstance(piece, Pre)
        text = piece if pre else _GAP.sub(" ", piece)
        if not pre and text.startswith(" "):
            self.space, text = True, text[1:]
        if not text:
            return
        if self.out and (self.space or self.breaks):
            self.out.append(" ")
        trailing = not pre and text.endswith(" ")
        self.out.append(text[:-1] if trailing else text)
        self.space, self.breaks = trailing, 0

    def paragraphs(self) -> list[str]:
        done = self.done + (["".join(self.out)] if self.out else [])
        return [p.strip("\n") for p in done if p.strip(" \n")]
