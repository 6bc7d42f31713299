"""Word (.docx) → blocks, with python-docx: paragraphs with their styles, then tables, in body order.

A .docx is a zip archive of XML: it is opened only after checking that it
unpacks to a bounded size (no zip bombs). Word has no line numbers; ``line``
is the paragraph's position in the body (1-based), which is what an editor
finds with "go to".
"""

from __future__ import annotations

import io
import zipfile

from .errors import InputError
from .model import BlockKind

MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def _kind(style_name: str) -> BlockKind:
    name = style_name.lower()
    if name.startswith(("heading", "title", "subtitle", "überschrift", "titre", "título", "заголовок")):
        return "heading"
    if "list" in name or "liste" in name or "lista" in name or "список" in name:
        return "list_item"
    if "quote" in name or "zitat" in name or "citation" in name or "cita" in name or "цитата" in name:
        return "quote"
    return "paragraph"


def docx_blocks(data: bytes, source: object) -> list[tuple[str, int, BlockKind]]:
    """Blocks (text, position, kind) of a Word document."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError(source, "is not a Word .docx file (not a zip archive)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(source, f"unpacks to {unpacked:,} bytes, over the {MAX_UNPACKED_BYTES:,}-byte limit")
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(source, f"is not a readable Word .docx file ({exc})") from None
    blocks: list[tuple[str, int, BlockKind]] = []
    position = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            position += 1
            paragraph = DocxParagraph(child, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            blocks.append((paragraph.text.strip(), position, _kind(style)))
        elif tag == "tbl":
            seen: set[int] = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                        continue
                    seen.add(id(cell._tc))
                    position += 1
                    blocks.append((" ".join(p.text.strip() for p in cell.paragraphs).strip(), position, "table_cell"))
    return [b for b in blocks if b[0]]
