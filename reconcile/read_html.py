"""HTML page → blocks: the statement's main content, without the page around it.

How the content is chosen, in order:

1. ``--content-selector`` (CSS, or XPath when it starts with ``/`` or ``(``);
2. the ``<article>`` with the most paragraph text, else ``<main>`` or
   ``[role=main]``;
3. else the densest block: the element whose own paragraphs hold the most
   text that is not link text (menus and footers are mostly links).

Page furniture is removed before and inside that choice: scripts, styles,
navigation, forms and buttons, and elements whose class or id says menu,
share, cookie, breadcrumb, language switcher, related or comments. When the
chosen content has no ``<h1>``, the page's first ``<h1>`` before it is taken
as the title. Parsing never touches the network and expands no external
entities; markup nested deeper than libxml2's limit is refused.
"""

from __future__ import annotations

import re

from cssselect import SelectorError
from lxml import etree, html

from .errors import InputError
from .model import BlockKind

BLOCK_KINDS: dict[str, BlockKind] = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "p": "paragraph", "li": "list_item", "dd": "paragraph", "dt": "paragraph", "pre": "paragraph",
    "blockquote": "quote", "td": "table_cell", "th": "table_cell", "figcaption": "paragraph",
    "caption": "paragraph",
}
ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "select",
               "input", "object", "embed", "canvas", "link", "meta")
OUTSIDE_CONTENT_DROP = ("header", "footer", "aside")
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|share|sharing|social|cookie|cookies|consent|breadcrumbs?|"
    r"lang(?:uage)?s?(?:-?switch(?:er)?)?|switcher|related|comments?|subscribe|newsletter|banner|sidebar|"
    r"print|tags|pager|pagination)(?:$|[\s_-])", re.IGNORECASE)
_CONTAINERS = ("blockquote", "li", "td", "th", "dd")
INLINE = frozenset("a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time "
                   "tt u var wbr ins del".split())
# Collapse runs of ordinary whitespace only: a no-break space may group the digits of a number.
_GAP = re.compile(r"[ \t\n\r\f\v]+")


def _squash(text: str) -> str:
    return _GAP.sub(" ", text).strip(" ")


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


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text in the document."""
    element.drop_tree()


def _is_chrome(element: etree._Element) -> bool:
    marks = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role"))))
    return bool(marks and CHROME_CLASS.search(marks)) or element.get("role") in ("navigation", "banner", "contentinfo")


def _text_of(element: etree._Element) -> str:
    return _squash("".join(element.itertext()))


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
    best, best_score = root.find("body") if root.find("body") is not None else root, -1
    for element in root.iter("div", "section", "td", "body"):
        own = [p for p in element if isinstance(p.tag, str) and p.tag in ("p", "h1", "h2", "h3", "blockquote", "ul", "ol")]
        score = sum(len(_text_of(p)) - _link_text(p) for p in own)
        if score > best_score:
            best, best_score = element, score
    return best


def _clean(root: etree._Element, content: etree._Element) -> None:
    for element in list(root.iter(*ALWAYS_DROP)):
        if element is not content:
            _drop(element)
    for element in list(root.iter(etree.Element)):
        if element is content or element.getparent() is None or not isinstance(element.tag, str):
            continue
        inside = content in element.iterancestors() or element is content
        if (not inside and element.tag in OUTSIDE_CONTENT_DROP) or (_is_chrome(element) and element.tag not in ("html", "body")):
            if content not in element.iterdescendants():
                _drop(element)


def _title_before(root: etree._Element, content: etree._Element) -> etree._Element | None:
    if content.xpath(".//h1"):
        return None
    for h1 in root.iter("h1"):
        return h1
    return None


def html_blocks(text: str, source: object = "<html>", selector: str | None = None) -> list[tuple[str, int, BlockKind]]:
    """Blocks (text, line, kind) of the page's main content, in document order."""
    root = parse_page(text, source)
    content = choose_content(root, selector, source)
    title = _title_before(root, content)
    _clean(root, content)
    blocks: list[tuple[str, int, BlockKind]] = []
    if title is not None and title.getparent() is not None:
        blocks.append((_text_of(title), title.sourceline or 1, "heading"))
    _walk(content, blocks)
    return [b for b in blocks if b[0]]


def _walk(element: etree._Element, blocks: list[tuple[str, int, BlockKind]]) -> None:
    """Emit a block per block element; a container with inner blocks is walked instead."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in BLOCK_KINDS and not (tag in _CONTAINERS and any(
            isinstance(e.tag, str) and e.tag in BLOCK_KINDS for e in element.iterdescendants())):
        _text_blocks(element, BLOCK_KINDS[tag], blocks, leaf=True)
    else:
        # Loose text directly in a container (a <div> of text, a blockquote's text) is a paragraph too,
        # cut wherever a block child stands.
        _text_blocks(element, "quote" if tag == "blockquote" else "paragraph", blocks, leaf=False)


def _text_blocks(element: etree._Element, kind: BlockKind, blocks: list[tuple[str, int, BlockKind]],
                 leaf: bool) -> None:
    """The element's text as blocks: ``<br><br>`` starts a new one, and so does a block child
    (walked in turn) unless the element is a leaf block, whose children are all its text."""
    segment, line = [element.text or ""], element.sourceline or 1
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tag is etree.Comment and "reconcile" in (child.text or ""):
                _flush(segment, line, kind, blocks)  # a waiver comment stays in place, before its paragraph
                blocks.append((f"<!--{child.text}-->", child.sourceline or line, "paragraph"))
                segment, line = [], child.sourceline or line
            segment.append(child.tail or "")
        elif child.tag == "br":
            if segment and segment[-1] == _BR:
                _flush(segment, line, kind, blocks)  # <br><br>: a new paragraph, as on screen
                segment, line = [], child.sourceline or line
            else:
                segment.append(_BR)
            if (child.tail or "").strip():
                segment.append(child.tail)
        elif leaf or child.tag in INLINE:
            segment += [_text_of(child), child.tail or ""]
        else:
            _flush(segment, line, kind, blocks)
            _walk(child, blocks)
            segment, line = [child.tail or ""], child.sourceline or line
    _flush(segment, line, kind, blocks)


_BR = "\n"  # a line break inside loose text, until we know whether a second one follows


def _flush(segment: list[str], line: int, kind: BlockKind, blocks: list[tuple[str, int, BlockKind]]) -> None:
    text = _squash("".join(segment))
    if text:
        blocks.append((text, line, kind))
