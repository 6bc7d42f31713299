"""Markdown → blocks, with markdown-it-py (CommonMark plus tables).

Headings (the first level-one heading is the title), paragraphs, list items,
block quotes, table cells and code become blocks with their kind and first
line; a paragraph that follows an image in the same block is its caption.
Front matter is metadata and template tags are markup (``page_source``).

kramdown's attribute lists (``{: datetime="2021-06-01" }``, ``{: #id .class}``),
which Jekyll sites such as translated legal pages put on a line of their own
after a block or after a span, are markup, not text: a markdown-it rule
recognises them with mdit-py-plugins' attribute parser and drops them. HTML
blocks are read as HTML (``read_html.fragment_blocks``), so waiver comments,
bylines and metadata elements in them are seen as in a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.attrs.parse import ParseError, parse

from .model import Block, BlockKind
from .page_source import (
    FrontMatter,
    front_matter,
    with_title,
    without_template_lines,
    without_template_tags,
)
from .read_html import fragment_blocks

_TAG = re.compile(r"<[^>]+>")
_LINE_BREAK = re.compile(r"\r\n?")
_CONTAINERS: dict[str, BlockKind] = {"bullet_list_open": "list_item", "ordered_list_open": "list_item",
                                     "blockquote_open": "quote", "td_open": "table_cell", "th_open": "table_cell"}


# --- kramdown attribute lists ----------------------------------------------

def _attribute_list(text: str) -> int:
    """Length of the kramdown attribute list ``{: …}`` at the start of ``text``, or 0 if there is none.

    The attributes are parsed by mdit-py-plugins' parser (the syntax of its
    ``attrs`` plugins, which want ``{`` without kramdown's colon).

    >>> _attribute_list('{: datetime="2014-04-15" } rest'), _attribute_list("{: not attributes}"), _attribute_list("{x}")
    (26, 0, 0)
    """
    if not text.startswith("{:"):
        return 0
    try:
        end: int = parse("{" + text[2:])[0]
    except ParseError:
        return 0
    return end + 2


def _ial_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line that is only an attribute list: it ends the paragraph above it and is dropped."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]].rstrip()
    if not line.endswith("}") or _attribute_list(line) != len(line):
        return False
    if not silent:
        token = state.push("kramdown_ial", "", 0)
        token.map = [start, start + 1]
        token.content = line
    state.line = start + 1
    return True


def _ial_inline(state: StateInline, silent: bool) -> bool:
    """An attribute list after a span (``*Effective June 1*{: datetime="…"}``): skipped."""
    length = _attribute_list(state.src[state.pos:state.posMax])
    if not length:
        return False
    state.pos += length
    return True


def kramdown_attributes_plugin(md: MarkdownIt) -> None:
    """Recognise kramdown's block and span attribute lists, so they never reach the text."""
    md.block.ruler.before("paragraph", "kramdown_ial", _ial_block, {"alt": ["paragraph", "blockquote", "list"]})
    md.inline.ruler.before("text", "kramdown_ial", _ial_inline)


_PARSER = MarkdownIt("commonmark").enable("table").use(kramdown_attributes_plugin)


# --- blocks ----------------------------------------------------------------

def _inline_text(token: Token) -> tuple[str, bool]:
    """The inline's text, and whether it opens with an image (its text is then the image's caption)."""
    parts = []
    children = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return _TAG.sub("", "".join(parts)).strip(), bool(children) and children[0].type == "image"


def markdown_blocks(text: str) -> tuple[list[Block], FrontMatter]:
    """Blocks of a Markdown document, and its front matter."""
    meta, body, offset = front_matter(_LINE_BREAK.sub("\n", text))  # (line breaks as markdown-it counts them)
    body, kept = without_template_lines(body)
    walk = _Walk(_PARSER.parse(without_template_tags(body)), [offset + k + 1 for k in kept])
    for index, token in enumerate(walk.tokens):
        walk.step(index, token)
    return _one_title(with_title(walk.blocks, meta)), meta


@dataclass(slots=True)
class _Walk:
    """The token stream read in order: the containers open around a token, the blocks so far."""

    tokens: list[Token]
    lines: list[int]  # the file's line number of each line of the parsed text
    blocks: list[Block] = field(default_factory=list)
    containers: list[BlockKind] = field(default_factory=list)
    after_image: bool = False  # the last paragraph was an image alone: the next one may be its caption

    def step(self, index: int, token: Token) -> None:
        line = self.lines[(token.map or [0])[0]]
        if token.type in _CONTAINERS:
            self.containers.append(_CONTAINERS[token.type])
        elif token.type.replace("_close", "_open") in _CONTAINERS and token.nesting == -1:
            self.containers.pop()
        elif token.type == "inline":
            self._inline(self.tokens[index - 1], token)
        elif token.type == "html_block":
            self.blocks += fragment_blocks(token.content, line)
        elif token.type in ("fence", "code_block") and token.content.strip():
            self.blocks.append(Block(" ".join(token.content.split()), line, "code"))

    def _inline(self, opener: Token, token: Token) -> None:
        """The text of a paragraph, heading or cell (``opener`` is the token that opened it)."""
        line = self.lines[(opener.map or token.map or [0])[0]]
        content, image = _inline_text(token)
        kind = "code" if opener.type == "paragraph_open" and _code_only(token) else \
            _kind(opener, self.containers, image or (self.after_image and _emphasis_only(token)))
        if _html_only(token):
            self.blocks += [replace(b, kind=kind) if not b.furniture else b for b in fragment_blocks(token.content, line)]
        elif content:
            self.blocks.append(Block(content, line, kind))
        self.after_image = image and not content


def _kind(opener: Token, containers: list[BlockKind], caption: bool) -> BlockKind:
    if opener.type == "heading_open":
        return "title" if opener.tag == "h1" else "heading"
    if containers:
        return containers[-1]
    return "caption" if caption else "paragraph"


def _html_only(token: Token) -> bool:
    """A paragraph of HTML tags and text only (``<version>2.1</version>``): read as HTML."""
    children = token.children or ()
    return any(c.type == "html_inline" for c in children) and \
        all(c.type in ("html_inline", "text", "softbreak", "hardbreak") for c in children)


def _code_only(token: Token) -> bool:
    """A paragraph that is code spans only (a command line, as tldr pages give their examples)."""
    children = token.children or ()
    return any(c.type == "code_inline" for c in children) and \
        all(c.type in ("code_inline", "softbreak", "hardbreak") or c.type == "text" and not c.content.strip()
            for c in children)


def _emphasis_only(token: Token) -> bool:
    """A paragraph that is wholly in italics or bold, as captions under images are written."""
    children = [c for c in token.children or () if c.type != "softbreak"]
    return len(children) >= 3 and children[0].type in ("em_open", "strong_open") and \
        children[-1].type in ("em_close", "strong_close")


def _one_title(blocks: list[Block]) -> list[Block]:
    """The first level-one heading is the title; later ones are headings."""
    titles = [k for k, b in enumerate(blocks) if b.kind == "title"]
    return [replace(b, kind="heading") if b.kind == "title" and k != titles[0] else b
            for k, b in enumerate(blocks)]
