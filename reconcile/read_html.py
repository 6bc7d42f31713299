"""HTML page → blocks: the statement's main content, read as a browser shows it.

How the content is chosen, in order:

1. ``--content-selector`` (CSS, or XPath when it starts with ``/`` or ``(``);
2. the ``<article>`` with the most paragraph text, else ``<main>`` or
   ``[role=main]``;
3. else the densest block: the element whose own paragraphs hold the most
   text that is not link text (menus and footers are mostly links), or the
   element around it when its sibling sections hold text too.

Text follows the whitespace rules of rendering, so a paragraph reads as
``innerText`` does (``html_layout``); ``hidden`` and ``display: none``
elements are not shown.

Outside the content, scripts, navigation, header, footer, aside and widgets
are dropped. Inside it, furniture is kept with its reason so reports can show
it: elements whose class, id or role says menu, share, cookie, breadcrumb,
language switcher, related or comments; ``<nav>``; blocks made of three or
more links and little else; elements that are not HTML at all (``<version>``,
``<translator>``, ``<tags>`` of a CMS's XHTML source), which are metadata.
Headings, titles (``<h1>``), kickers, bylines (by class), captions, list items,
quotes and table cells keep their kind. When the content has no ``<h1>``,
the page's first ``<h1>`` before it is the title. Parsing never touches the
network and expands no external entities; markup nested deeper than
libxml2's limit is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cssselect import SelectorError
from lxml import etree, html

from .errors import InputError
from .html_layout import Piece, gather, render
from .model import Block, BlockKind

BLOCK_KINDS: dict[str, BlockKind] = {
    "h1": "title", **{f"h{i}": "heading" for i in range(2, 7)},
    "p": "paragraph", "li": "list_item", "dd": "paragraph", "dt": "paragraph", "pre": "code",
    "blockquote": "quote", "td": "table_cell", "th": "table_cell", "figcaption": "caption",
    "caption": "caption", "address": "paragraph", "summary": "paragraph", "legend": "paragraph",
}
# Inline elements that hold code: a block of nothing else is code.
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
# Elements laid out as blocks: they start and end lines of text.
BLOCK_LEVEL = frozenset(BLOCK_KINDS) | frozenset((
    "article", "aside", "body", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figure", "footer",
    "form", "header", "hgroup", "hr", "html", "main", "menu", "nav", "ol", "section", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
))
# Elements that are never text of the page.
ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "textarea",
               "input", "object", "embed", "canvas", "link", "meta", "head", "title", "math", "audio", "video")
OUTSIDE_CONTENT_DROP = ("header", "footer", "aside", "nav")
# Every other element HTML defines; an element outside this list and without a hyphen (custom
# elements have one) is not HTML: a CMS's metadata field.
KNOWN_INLINE = frozenset((
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "area", "map", "output", "picture",
    "source", "track", "meter", "progress", "slot", "marquee",
))
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?P<mark>nav|navbar|menu|share|sharing|social|cookie|cookies|consent|breadcrumbs?|"
    r"lang(?:uage)?(?:s|-?switch(?:er)?|-?select(?:or)?|-?picker)|switcher|related|comments?|subscribe|newsletter|"
    r"banner|sidebar|print|tags|pager|pagination|footer|youtube|embed)(?:$|[\s_-])", re.IGNORECASE)
CHROME_ROLES = ("navigation", "banner", "contentinfo")
KIND_CLASS: tuple[tuple[BlockKind, re.Pattern[str]], ...] = (
    ("kicker", re.compile(r"kicker|eyebrow|overline|rubric|supertitle|pretitle|overhead|dachzeile|topline", re.IGNORECASE)),
    ("byline", re.compile(r"byline|\bauthors?\b|\bautor|\bwriter", re.IGNORECASE)),
    ("caption", re.compile(r"caption|legend", re.IGNORECASE)),
)
# Three or more links and little else (nine tenths of the text or more) is a menu, not content.
MIN_LINKS, LINK_SHARE = 3, 0.9
_GAP = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_page(text: str, source: object) -> etree._Element:
    """Parse HTML text with a parser that cannot reach the network or expand entities."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    parser = html.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, recover=True,
                             default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"cannot be parsed as HTML ({exc})") from None
    for entry in parser.error_log:
        if "Excessive depth" in entry.message or "Huge input" in entry.message:
            raise InputError(source, f"HTML nested too deeply to parse safely (line {entry.line})")
    return root


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _chrome_mark(element: etree._Element) -> str:
    """What marks an element as page furniture ("share", "role=navigation", "nav"), or "".

    A heading's id is no mark: it is made from the heading's words ("comment-mon-organisation" is French)."""
    heading = _tag(element) in ("h1", "h2", "h3", "h4", "h5", "h6")
    marks = " ".join(filter(None, (element.get("class"), None if heading else element.get("id"))))
    match = CHROME_CLASS.search(marks) if marks else None
    if match:
        return match["mark"].lower()
    if element.get("role") in CHROME_ROLES:
        return f"role={element.get('role')}"
    return "nav" if _tag(element) == "nav" else ""


def _is_metadata(element: etree._Element) -> bool:
    tag = _tag(element)
    return bool(tag) and tag not in BLOCK_LEVEL and tag not in KNOWN_INLINE and tag not in ALWAYS_DROP \
        and "-" not in tag and ":" not in tag


def _text_of(element: etree._Element) -> str:
    return _GAP.sub(" ", "".join(element.itertext())).strip()


def _link_text(element: etree._Element) -> int:
    return sum(len(_text_of(a)) for a in element.iter("a"))


def choose_content(root: etree._Element, selector: str | None, source: object) -> etree._Element:
    """The element that holds the statement (see the module docstring)."""
    if selector:
        try:
            found = root.xpath(selector) if selector.startswith(("/", "(")) else root.cssselect(selector)
        except (etree.XPathError, SelectorError) as exc:
            raise InputError(source, f"bad --content-selector {selector!r}: {exc}") from None
        elements = [e for e in found if isinstance(e, etree._Element)]
        if not elements:
            raise InputError(source, f"--content-selector {selector!r} matches nothing in this page")
        return elements[0]
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(_text_of(a)) - _link_text(a))
    main = root.xpath("//main | //*[@role='main']")
    if main:
        return main[0]
    furniture = _furniture(root)
    return _with_sibling_sections(_densest(root, furniture), furniture)


def _densest(root: etree._Element, furniture: set[etree._Element]) -> etree._Element:
    """The block whose own paragraphs hold the most text that is not link text, outside the page furniture
    (a site's footer may hold more text than a short post)."""
    best, best_score = root.find("body") if root.find("body") is not None else root, -1
    for element in root.iter("div", "section", "td", "body"):
        if element in furniture:
            continue
        own = [p for p in element if _tag(p) in ("p", "h1", "h2", "h3", "blockquote", "ul", "ol")]
        score = sum(len(_text_of(p)) - _link_text(p) for p in own)
        if score > best_score:
            best, best_score = element, score
    return best


# A sibling section holding this share of the densest block's text (not link text) is more of the same text.
SIBLING_SHARE = 0.25


def _with_sibling_sections(best: etree._Element, furniture: set[etree._Element]) -> etree._Element:
    """The densest block, or the element around it and its sibling sections when they hold text too.

    A page cut into ``<section>``s or ``<div>``s of its own, with no
    ``<article>`` or ``<main>`` (the W3C's articles: question, answer, one
    section per point), has no one block that holds the text; the densest
    alone would be one section, and not the same one in every edition. A
    ``<section>`` beside other sections widens it whatever their sizes (the
    sizes differ between editions; the structure does not).
    """
    score = _prose(best)
    parent = best.getparent()
    while parent is not None and any(_tag(c) in ("div", "section") and c is not best and c not in furniture and
                                     _prose(c) >= SIBLING_SHARE * score for c in parent):
        best, score, parent = parent, _prose(parent), parent.getparent()
    node = best  # a <section> beside other sections is one part of the text, whatever their sizes
    while (parent := node.getparent()) is not None:
        if _tag(node) == "section" and any(_tag(c) == "section" and c is not node and c not in furniture for c in parent):
            best = parent
        node = parent
    return best


def _furniture(root: etree._Element) -> set[etree._Element]:
    """The elements that are page furniture (a footer, a menu, a sidebar) or inside it, in one pass from the top.
    (The classes of ``<body>`` describe the page: "has-sidebar".)"""
    inside: set[etree._Element] = set()
    for element in root.iter(etree.Element):
        parent = element.getparent()
        if parent in inside or _tag(element) not in ("body", "html") and \
                (_tag(element) in OUTSIDE_CONTENT_DROP or _chrome_mark(element)):
            inside.add(element)
    return inside


def _prose(element: etree._Element) -> int:
    return len(_text_of(element)) - _link_text(element)


def _hidden(element: etree._Element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _clean(root: etree._Element, content: etree._Element) -> None:
    """Drop what is never text (scripts, forms, hidden elements) and the furniture outside the content."""
    inside = set(content.iter())
    above = set(content.iterancestors())  # never dropped: they hold the content
    for element in list(root.iter(etree.Element)):
        if element is content or element in above or element.getparent() is None:
            continue
        never_text = element.tag in ALWAYS_DROP or _hidden(element)
        outside = element not in inside and (element.tag in OUTSIDE_CONTENT_DROP or _chrome_mark(element))
        if never_text or outside:
            element.drop_tree()  # keeps the element's tail text in the document


def _title_before(root: etree._Element, content: etree._Element) -> etree._Element | None:
    if content.xpath(".//h1"):
        return None
    for h1 in root.iter("h1"):
        return h1
    return None


def page_blocks(text: str, source: object = "<html>", selector: str | None = None) -> list[tuple[Block, etree._Element]]:
    """Blocks of the page's main content with the element each was read from, in document order."""
    root = parse_page(text, source)
    content = choose_content(root, selector, source)
    title = _title_before(root, content)
    _clean(root, content)
    reader = _Reader()
    if title is not None and title.getparent() is not None and content not in title.iterancestors():
        reader.walk(title, None, "", root=True)
    reader.walk(content, None, "", root=True)
    return _one_title(reader.blocks)


def html_blocks(text: str, source: object = "<html>", selector: str | None = None) -> list[Block]:
    """Blocks of the page's main content, in document order."""
    return [block for block, _ in page_blocks(text, source, selector)]


def fragment_blocks(text: str, line: int = 1) -> list[Block]:
    """Blocks of a piece of HTML inside another format (a Markdown file's HTML block)."""
    root = parse_page(f"<html><body>{text}</body></html>", "<fragment>")
    body = root.find("body")
    if body is None:
        return []
    _clean(root, body)
    reader = _Reader()
    reader.walk(body, None, "", root=True)
    return [replace(b, line=b.line + line - 1) for b, _ in reader.blocks]


def _one_title(blocks: list[tuple[Block, etree._Element]]) -> list[tuple[Block, etree._Element]]:
    """The first ``<h1>`` is the title; any later one is a heading."""
    out, seen = [], False
    for block, element in blocks:
        if block.kind == "title":
            block = replace(block, kind="title" if not seen else "heading")
            seen = True
        out.append((block, element))
    return out


def _kind(element: etree._Element, context: BlockKind | None) -> BlockKind:
    """A block element's kind: by tag, by a class that names it (kicker, byline, caption), by its container."""
    tag = _tag(element)
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "pre"):  # (preformatted text is code, in a quote too)
        return BLOCK_KINDS[tag]
    marks = " ".join(filter(None, (element.get("class"), element.get("id"))))
    for kind, pattern in KIND_CLASS:
        if marks and pattern.search(marks):
            return kind
    return context or BLOCK_KINDS.get(tag, "paragraph")


def _link_dense(element: etree._Element) -> int:
    """Number of links when the element is mostly links (a menu, a list of related pages), else 0."""
    links = list(element.iter("a"))
    if len(links) < MIN_LINKS:
        return 0
    total = len(_text_of(element))
    return len(links) if total and _link_text(element) >= LINK_SHARE * total else 0


def _has_blocks(element: etree._Element) -> bool:
    return any(_tag(e) in BLOCK_LEVEL for e in element.iterdescendants())


@dataclass
class _Reader:
    """Walks block elements and gathers each block's text as a browser lays it out."""

    blocks: list[tuple[Block, etree._Element]] = field(default_factory=list)

    def walk(self, element: etree._Element, context: BlockKind | None, furniture: str, root: bool = False) -> None:
        """A block per leaf block element; a container's loose text is cut wherever a block child stands."""
        tag = _tag(element)
        if not furniture and not root:
            if (mark := _chrome_mark(element)):
                furniture = f"page furniture ({mark})"
            elif (links := _link_dense(element)):
                furniture = f"block of {links} links"
        own = _kind(element, context)
        if tag in BLOCK_KINDS and not _has_blocks(element):
            self._leaf(element, own, furniture)
            return
        # A container named by its tag or class (a list item of paragraphs, a byline <div>) passes its kind on.
        inner = own if tag in BLOCK_KINDS or own in ("kicker", "byline", "caption") else context
        self._loose(element, inner, furniture)

    def _leaf(self, element: etree._Element, kind: BlockKind, furniture: str) -> None:
        pieces: list[Piece] = []
        gather(element, pieces, pre=False)
        self._emit(pieces, element, element.sourceline or 1, "code" if _code_only(element) else kind, furniture)

    def _loose(self, element: etree._Element, context: BlockKind | None, furniture: str) -> None:
        """Text directly in a container is a paragraph too, cut by block children and waiver comments."""
        kind: BlockKind = "code" if _code_only(element) else \
            context or ("quote" if _tag(element) == "blockquote" else "paragraph")
        pieces: list[Piece] = [element.text or ""]
        line = element.sourceline or 1
        for child in element:
            if _is_waiver(child) or _breaks_text(child):
                self._emit(pieces, element, line, kind, furniture)
                self._cut_by(child, element, line, kind, context, furniture)
                pieces, line = [], child.sourceline or line
            elif _tag(child):
                gather(child, pieces, pre=False)
            pieces.append(child.tail or "")
        self._emit(pieces, element, line, kind, furniture)

    def _cut_by(self, child: etree._Element, element: etree._Element, line: int, kind: BlockKind,
                context: BlockKind | None, furniture: str) -> None:
        """The child that cuts a container's running text: a waiver comment, a metadata element, or blocks."""
        if _is_waiver(child):
            self.blocks.append((Block(f"<!--{child.text}-->", child.sourceline or line), element))
        elif _is_metadata(child) and not _has_blocks(child):
            self._leaf(child, kind, furniture or f"metadata element <{_tag(child)}>")
        else:
            self.walk(child, context, furniture)

    def _emit(self, pieces: list[Piece], element: etree._Element, line: int, kind: BlockKind, furniture: str) -> None:
        lang = _declared_lang(element)
        for text in render(pieces):
            self.blocks.append((Block(text, line, kind, (), furniture, lang), element))


def _code_only(element: etree._Element) -> bool:
    """A block that is code elements only (``<p><code>tldr --list</code></p>``): code, as a ``<pre>`` is."""
    return len(element) > 0 and not (element.text or "").strip() and \
        all(_tag(child) in CODE_TAGS and not (child.tail or "").strip() for child in element)


def _declared_lang(element: etree._Element) -> str | None:
    """The language a block's markup declares for it: its own ``lang``, or its quotation's (``<blockquote>``,
    ``<figure>``). A ``lang`` on a container of the whole text is not read: it may be a template's, left wrong."""
    return next((e.get("lang") for e in (element, element.getparent()) if e is not None and e.get("lang")
                 and (e is element or _tag(e) in ("blockquote", "figure"))), None)


def _is_waiver(node: etree._Element) -> bool:
    """A ``<!-- reconcile: … -->`` comment: a waiver, kept as a block of its own."""
    return node.tag is etree.Comment and "reconcile" in (node.text or "")


def _breaks_text(child: etree._Element) -> bool:
    """A block, a metadata element, or inline markup around blocks (``<a><h3>…</h3><p>…</p></a>``)."""
    tag = _tag(child)
    return tag in BLOCK_LEVEL or _is_metadata(child) or bool(tag and _has_blocks(child))
