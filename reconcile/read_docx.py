"""Word (.docx) → blocks: paragraphs with their styles, then tables, in body order.

A .docx is a zip archive of XML. Its headers can lie about sizes, so every
member is first decompressed as a stream and counted against the input limit
(what is read is what counts, not what the header says); only then does
python-docx open the package. Paragraphs are read straight from the body
XML, with the style names looked up once: python-docx's per-paragraph style
lookup scans every style (minutes for 200,000 paragraphs). Word has no line
numbers; ``line`` is the paragraph's position in the body (1-based), which is
what an editor finds with "go to".
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from . import locales
from .errors import InputError
from .model import Block, BlockKind
from .reading import MAX_INPUT_BYTES, MAX_PARAGRAPHS

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHUNK = 1 << 20


def _kind(style_name: str) -> BlockKind:
    """A paragraph's kind from its Word style name, in any of the languages Word names styles in."""
    name = style_name.lower()
    if name.startswith(locales.WORD_HEADING_STYLES):
        return "heading"
    if any(word in name for word in locales.WORD_LIST_STYLES):
        return "list_item"
    if any(word in name for word in locales.WORD_QUOTE_STYLES):
        return "quote"
    return "paragraph"


def check_unpacked(data: bytes, source: object, limit: int) -> None:
    """Decompress every member as a stream, counting the bytes: a zip bomb stops at the limit.

    Time and memory are linear in the limit (members are read in 1 MB chunks
    and thrown away); a CRC or size that does not match is a bad archive.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = 0
            for info in archive.infolist():
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            raise InputError(source, f"unpacks to more than {limit:,} bytes, over the input limit "
                                                     "(--max-input-mb); a Word file of a statement is far smaller")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            RuntimeError, OSError) as exc:  # RuntimeError: an encrypted member
        raise InputError(source, f"is not a Word .docx file (a damaged or unreadable zip archive: {exc})") from None


def docx_blocks(data: bytes, source: object, max_bytes: int = MAX_INPUT_BYTES,
                max_paragraphs: int = MAX_PARAGRAPHS) -> list[Block]:
    """The blocks of a Word document (``line``: the position in the body), in body order; empty paragraphs left out."""
    if not data.startswith(b"PK"):
        raise InputError(source, "is not a Word .docx file (not a zip archive)")
    check_unpacked(data, source, min(max_bytes, MAX_UNPACKED_BYTES))
    # Lazy: python-docx (and its lxml classes) take ~65 ms to import, paid only by runs that read a Word file.
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
        styles = {style.style_id: style.name or "" for style in document.styles}
        body = document.element.body
        if body is None:
            raise ValueError("the document has no body")
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, SyntaxError) as exc:
        # lxml's XMLSyntaxError is a SyntaxError: document.xml that is not XML.
        raise InputError(source, f"is not a readable Word .docx file ({exc})") from None
    blocks: list[Block] = []
    for position, (text, kind) in enumerate(_body_blocks(body, styles), start=1):
        if text:
            blocks.append(Block(text, position, kind))
            if len(blocks) > max_paragraphs:
                raise InputError(source, f"has more than {max_paragraphs:,} paragraphs, over the limit per edition")
    return blocks


def _body_blocks(body: object, styles: dict[str, str]) -> Iterator[tuple[str, BlockKind]]:
    """(text, kind) of each body paragraph and each table cell, in order. Linear in the body's size."""
    for child in body.iterchildren():  # type: ignore[attr-defined]
        if child.tag == f"{_W}p":
            style = child.find(f"{_W}pPr/{_W}pStyle")
            name = styles.get(style.get(f"{_W}val"), "") if style is not None else ""
            yield _text(child), _kind(name)
        elif child.tag == f"{_W}tbl":
            # Each w:tc once: a horizontally merged cell is one w:tc (gridSpan), and the continuation
            # cells of a vertical merge are empty.
            for cell in child.iter(f"{_W}tc"):
                yield " ".join(_text(p) for p in cell.iterchildren(f"{_W}p")).strip(), "table_cell"


def _text(paragraph: object) -> str:
    """A paragraph's text as Word shows it: its runs (also inside hyperlinks, insertions, fields), tabs, breaks.

    Only runs of this paragraph: not the tab stops of its properties, nor the
    paragraphs of a text box anchored in it.
    """
    parts: list[str] = []
    for child in paragraph.iterchildren():  # type: ignore[attr-defined]
        runs = [child] if child.tag == f"{_W}r" else child.iterchildren(f"{_W}r") if child.tag in _RUN_HOLDERS else ()
        for run in runs:
            for node in run.iterchildren():
                parts.append(_RUN_TEXT.get(node.tag, "") if node.tag != f"{_W}t" else node.text or "")
                if node.tag == f"{_W}br" and node.get(f"{_W}type") not in (None, "textWrapping"):
                    parts[-1] = ""  # a page or column break is not a line of text
    return "".join(parts).strip()


_RUN_HOLDERS = frozenset(f"{_W}{tag}" for tag in
                         ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdtContent"))
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
