"""Markdown → blocks, with markdown-it-py (CommonMark plus tables).

Headings, paragraphs, list items, block quotes and table cells become blocks
with their kind and first line. YAML (``---``) or TOML (``+++``) front matter is
metadata, not content: its ``lang`` names the edition's language when the file
name does not, its ``title`` opens the text when the body has no heading of its
own (the page shows it as the title), and ``original: true`` marks the edition
the others were translated from (``reconcile check`` takes it as the pivot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from .model import BlockKind

_FRONT_MATTER = re.compile(r"\A(?:---[ \t]*\n(?P<yaml>.*?)\n---|\+\+\+[ \t]*\n(?P<toml>.*?)\n\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(?P<key>lang|language|title|original)\s*[:=]\s*(?P<value>.+?)\s*$", re.MULTILINE | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    lang: str | None = None
    title: str | None = None
    original: bool = False


def front_matter(text: str) -> tuple[FrontMatter, str, int]:
    """Split off front matter: (its lang and title, the body, lines removed)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(), text, 0
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in _FIELD.finditer(match["yaml"] or match["toml"] or "")}
    lang = (fields.get("lang") or fields.get("language") or "").split("-")[0].split("_")[0].lower() or None
    original = fields.get("original", "").lower() in ("true", "yes", "1")
    return FrontMatter(lang, fields.get("title"), original), text[match.end():], match.group().count("\n")


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append("")
        elif child.type == "image":
            parts.append("")
    return _TAG.sub("", "".join(parts)).strip()


def markdown_blocks(text: str) -> tuple[list[tuple[str, int, BlockKind]], FrontMatter]:
    """Blocks (text, line, kind) of a Markdown document, and its front matter."""
    meta, body, offset = front_matter(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    blocks: list[tuple[str, int, BlockKind]] = []
    containers: list[str] = []
    for index, token in enumerate(tokens):
        if token.nesting == 1 and token.type in ("list_item_open", "blockquote_open", "td_open", "th_open"):
            containers.append(token.type)
        elif token.nesting == -1 and token.type in ("list_item_close", "blockquote_close", "td_close", "th_close"):
            containers.pop()
        elif token.type == "inline":
            opener = tokens[index - 1]
            line = (opener.map or token.map or [0])[0] + 1 + offset
            kind: BlockKind = "paragraph"
            if opener.type == "heading_open":
                kind = "heading"
            elif containers:
                kind = {"list_item_open": "list_item", "blockquote_open": "quote"}.get(containers[-1], "table_cell")
            content = _inline_text(token)
            if content:
                blocks.append((content, line, kind))
        elif token.type == "html_block" and "reconcile" in token.content:
            # Waiver comments (<!-- reconcile: ignore … -->) go to ingest, which ties them to the next block.
            for comment in re.findall(r"<!--.*?-->", token.content, re.DOTALL):
                blocks.append((comment, (token.map or [0])[0] + 1 + offset, "paragraph"))
            rest = re.sub(r"<!--.*?-->", "", token.content, flags=re.DOTALL).strip()
            if rest:
                blocks.append((_TAG.sub("", rest), (token.map or [0])[0] + 1 + offset, "paragraph"))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append((" ".join(token.content.split()), (token.map or [0])[0] + 1 + offset, "paragraph"))
    if meta.title and not (blocks and blocks[0][2] == "heading"):
        blocks.insert(0, (meta.title, 1, "heading"))
    return blocks, meta
