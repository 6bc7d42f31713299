"""Files → Edition: decode, normalise for comparison, tell block kinds and page furniture.

The text as published is kept for display; ``norm`` is what every later stage
compares. Page furniture (language switchers, source lines, footer menus, date
lines; ``furniture.py`` says how it is recognised) is kept in the edition but
marked with its reason, so reports can show it and the aligner never reports it
as a missing paragraph. Titles, kickers, bylines and headings are content, with
their kind (``block_kinds.py``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from .block_kinds import refine_kinds, script_note
from .errors import InputError, shown
from .filenames import FORMAT_OF_SUFFIX, Format
from .furniture import furniture_reasons
from .furniture import mark_shared_chrome as mark_shared_chrome  # noqa: PLC0414 (an explicit re-export)
from .model import Block, Edition, Paragraph
from .page_source import front_matter, with_title, without_template_tags
from .read_docx import docx_blocks
from .reading import (  # the reading seam; ReadOptions, decode and read_bytes are also imported from here
    READ_DEFAULTS,
    STDIN,
    STDIN_NAME,
    ReadOptions,
    check_markup,
    decode,
    read_bytes,
    sanitise,
    sanitise_markup,
)
from .text import plain

# --- waivers -----------------------------------------------------------------

# An HTML comment survives in text, Markdown and HTML alike:
# <!-- reconcile: ignore number_mismatch, date_mismatch --> before the paragraph it excuses.
_WAIVER = re.compile(r"^\s*<!--\s*reconcile\s*:\s*ignore\b(?P<kinds>[^>]*?)-->\s*", re.IGNORECASE)


def apply_waivers(blocks: list[Block]) -> list[Block]:
    """Attach each waiver comment to the paragraph that follows it, and drop the comment.

    >>> [(b.text, b.waivers) for b in apply_waivers([Block("<!-- reconcile: ignore number_mismatch -->", 1),
    ...                                               Block("90 000 people.", 2)])]
    [('90 000 people.', ('number_mismatch',))]
    """
    out: list[Block] = []
    pending: list[str] = []
    for block in blocks:
        match = _WAIVER.match(block.text)
        while match:
            pending += re.findall(r"[a-z_]+", match["kinds"].lower()) or ["all"]
            block = replace(block, text=block.text[match.end():])
            match = _WAIVER.match(block.text)
        if block.text.strip():
            out.append(replace(block, waivers=tuple(dict.fromkeys(pending))) if pending else block)
            pending = []
    return out


# --- normalisation ---------------------------------------------------------

# Spaces that typography puts inside numbers and dates ("90 000", "November 13"):
# they become U+00A0 so number parsing can still tell them from a word gap.
_NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2060"
# Breaking whitespace other than the space itself.
_OTHER_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2028\u2029\u205f\u3000"
# One table: invisible characters (soft hyphen, zero-width, BOM) removed, typographic quotes made
# plain, no-break spaces made U+00A0, other breaking whitespace made a space.
_REPLACEMENT = {
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\ufeff", ""),
    **dict.fromkeys(_OTHER_SPACES, " "),
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    **dict.fromkeys(_NO_BREAK_SPACES, "\u00a0"),
}
# Where the table changes something: a paragraph has none or a few such characters, and replacing
# those few costs far less than ``str.translate``, which looks every character of a non-ASCII text up.
_TRANSLATED = re.compile("[" + re.escape("".join(_REPLACEMENT)) + "]")
# A run of whitespace with any ordinary space in it is one space; a run of no-break spaces is one U+00A0.
# Anchored at the start of a run and possessive, so a long run is scanned once (no backtracking).
_MIXED_SPACE_RUN = re.compile(r"(?<![ \u00a0])\u00a0*+ [ \u00a0]*+")
_NO_BREAK_RUN = re.compile(r"\u00a0{2,}")
# A year glued to a time by a scraper: "202019:00" → "2020 19:00".
# (The look-behind after the first digit: a pattern that opens with a set is scanned for it at C speed.)
_GLUED_YEAR_TIME = re.compile(r"((?:1(?<!\d.)[5-9]|2(?<!\d.)0)\d\d)((?:[01]?\d|2[0-3]):[0-5]\d)(?!\d)")


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENT[match.group()]


def normalise(text: str) -> str:
    """Comparison form of a text: NFC, invisible characters removed, spaces unified.

    A run of whitespace that holds only no-break spaces stays a single U+00A0
    (it may group digits); any other run becomes one space.

    >>> normalise("since November\\u00a0 13,\\u202fthe\\u00ad re")
    'since November 13,\\xa0the re'
    >>> normalise("20 November 202019:00")
    '20 November 2020 19:00'
    """
    text = _TRANSLATED.sub(_replacement, unicodedata.normalize("NFC", text))
    # Each pattern is run only where it can change something (a run of two spaces or more, a colon);
    # most paragraphs have no no-break space to look for in pairs.
    no_break = "\u00a0" in text
    if "  " in text or (no_break and (" \u00a0" in text or "\u00a0 " in text)):
        text = _MIXED_SPACE_RUN.sub(" ", text)
    if no_break and "\u00a0\u00a0" in text:
        text = _NO_BREAK_RUN.sub("\u00a0", text)
    text = text.strip(" \u00a0")
    return _GLUED_YEAR_TIME.sub(r"\1 \2", text) if ":" in text else text


# --- formats -------------------------------------------------------------------

_BLANK = " \t\u00a0\u202f\u2009\ufeff\u200b"
_ENDS_SENTENCE = re.compile(r"[.!?…:;»\"')]\s*$")


def text_blocks(text: str) -> list[Block]:
    """Plain text: a paragraph is a run of non-blank lines; single breaks are soft.

    Except in a file written one paragraph per line with no blank lines at
    all (as many exports are): when most lines end a sentence, each line is
    a paragraph. Hard-wrapped prose, whose lines mostly stop mid-sentence,
    stays joined. Lines of a list (two or more starting with a bullet or a
    number) are items of their own.

    >>> [b.text for b in text_blocks("One sentence here.\\nAnother one here.\\nA third one.")]
    ['One sentence here.', 'Another one here.', 'A third one.']
    >>> [b.text for b in text_blocks("A long sentence wrapped\\nover two lines.")]
    ['A long sentence wrapped over two lines.']
    >>> [(b.text, b.kind) for b in text_blocks("Steps:\\n1. Open the settings.\\n2. Click Save.")]
    [('Steps:', 'paragraph'), ('1. Open the settings.', 'list_item'), ('2. Click Save.', 'list_item')]
    """
    numbered = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    filled = [(number, line) for number, line in numbered if line.strip(_BLANK)]
    if len(filled) >= 3 and len(filled) == len(numbered) - (not numbered[-1][1]) and \
            sum(1 for _, line in filled if _ENDS_SENTENCE.search(line)) >= 0.6 * len(filled):
        return _list_items([Block(line, number) for number, line in filled])
    blocks: list[Block] = []
    lines: list[tuple[int, str]] = []
    for number, line in [*numbered, (0, "")]:
        if line.strip(_BLANK):
            lines.append((number, line))
        elif lines:
            blocks += _join_lines(lines)
            lines = []
    return _list_items(blocks)


# A list item's marker: a bullet or a number ("- ", "• ", "1. ", "2) ", "a) "); not a dash of dialogue.
_LIST_MARKER = re.compile(r"^(?:[-*•▪‣◦►]|\d{1,3}[.)]|[a-zа-я]\))\s+\S")


def _join_lines(lines: list[tuple[int, str]]) -> list[Block]:
    """A run of non-blank lines is one paragraph, or one block per item if two or more lines start a list item."""
    if len(lines) == 1:  # (most paragraphs: one line)
        return [Block(lines[0][1], lines[0][0])]
    starts = [k for k, (_, line) in enumerate(lines) if _LIST_MARKER.match(line)]
    cuts = sorted({0, *starts}) if len(starts) >= 2 else [0]
    return [Block(" ".join(line for _, line in lines[a:b]), lines[a][0])
            for a, b in zip(cuts, [*cuts[1:], len(lines)])]


def _list_items(blocks: list[Block]) -> list[Block]:
    """Blocks that start with a list marker next to another such block are list items."""
    marked = [bool(_LIST_MARKER.match(b.text)) for b in blocks]
    return [replace(b, kind="list_item") if marked[k] and ((k and marked[k - 1]) or marked[k + 1:k + 2] == [True])
            else b for k, b in enumerate(blocks)]


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a format reader gives back: blocks and, if the file says it, a language."""

    blocks: list[Block]
    lang: str | None = None
    original: bool = False


def _read_text(path: Path, data: bytes, options: ReadOptions) -> Parsed:
    return Parsed(text_blocks(decode(path, data, options.encoding)))


def _read_markdown(path: Path, data: bytes, options: ReadOptions) -> Parsed:
    # Lazy: markdown-it and its plugins, ~80 ms, only for .md files
    from .read_markdown import markdown_blocks

    blocks, meta = markdown_blocks(decode(path, data, options.encoding).replace("\r\n", "\n"))
    return Parsed(blocks, meta.lang, meta.original)


# The language of an edition that neither its file name nor its markup gives (told from its text later).
UNDETERMINED = "und"
_HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def _read_html(path: Path, data: bytes, options: ReadOptions) -> Parsed:
    # Lazy: lxml and cssselect, ~30 ms, only for HTML
    from .read_html import html_blocks

    meta, body, offset = front_matter(sanitise_markup(decode(path, data, options.encoding, html=True)))
    text = "\n" * offset + without_template_tags(body)  # (a static site's page: lines keep their numbers)
    check_markup(path, text)
    declared = _HTML_LANG.search(data[:4096])
    blocks = with_title(html_blocks(text, path, options.content_selector), meta)
    return Parsed(blocks, declared.group(1).decode().lower() if declared else meta.lang, meta.original)


def _read_docx(path: Path, data: bytes, options: ReadOptions) -> Parsed:
    return Parsed(docx_blocks(data, path, options.max_bytes, options.max_paragraphs))


_READERS: dict[Format, Callable[[Path, bytes, ReadOptions], Parsed]] = {
    "text": _read_text, "markdown": _read_markdown, "html": _read_html, "docx": _read_docx,
}
FORMATS: dict[str, Callable[[Path, bytes, ReadOptions], Parsed]] = {
    suffix: _READERS[name] for suffix, name in FORMAT_OF_SUFFIX.items()
}


# --- entry point -----------------------------------------------------------

def _format_of_stream(data: bytes) -> Callable[[Path, bytes, ReadOptions], Parsed]:
    """Standard input has no file name: a zip is Word, text starting with ``<`` is HTML, else plain text."""
    if data.startswith(b"PK\x03\x04"):
        return _read_docx
    head = data[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return _read_html if head.startswith(b"<") else _read_text


def _refuse_format(path: Path) -> NoReturn:
    supported = ", ".join(sorted(FORMATS))
    raise InputError(path, f"unsupported file type {path.suffix or '(none)'}; supported: {supported}")


def check_limits(source: str, blocks: list[Block], options: ReadOptions) -> None:
    """Refuse an edition too big to check in proportionate time and memory, saying which limit."""
    if len(blocks) > options.max_paragraphs:
        raise InputError(source, f"has {len(blocks):,} paragraphs, over the limit of {options.max_paragraphs:,} "
                                 "per edition")
    for block in blocks:
        if len(block.text) > options.max_paragraph_chars:
            raise InputError(source, f"the paragraph at line {block.line} has {len(block.text):,} characters, over "
                                     f"the limit of {options.max_paragraph_chars:,} (are paragraphs separated by "
                                     "blank lines?)")


def load_edition(path: Path, lang: str | None, options: ReadOptions = READ_DEFAULTS) -> Edition:
    """Read one edition file (or standard input, ``-``) into paragraphs with chrome marked (no sentences yet).

    ``lang`` None takes the language the file declares (Markdown front matter,
    ``<html lang>``) or leaves ``und`` for the caller to detect.
    """
    stdin = str(path) == STDIN
    source = STDIN_NAME if stdin else shown(path)
    read = None if stdin else FORMATS.get(path.suffix.lower())
    if not stdin and read is None:
        _refuse_directory(path, source)
        _refuse_format(path)
    try:
        data = read_bytes(path, options.max_bytes)
    except InputError:
        if not stdin:  # (asked only when reading fails: a stat less for every edition)
            _refuse_directory(path, source)
        raise
    parsed = (read or _format_of_stream(data))(Path(source) if stdin else path, data, options)
    check_limits(source, parsed.blocks, options)
    edition = edition_from_blocks(apply_waivers(parsed.blocks), lang or parsed.lang or UNDETERMINED, source,
                                  hashlib.sha256(data).hexdigest())
    if not edition.paragraphs:
        raise InputError(source, "has no text paragraphs")
    return replace(edition, original=parsed.original) if parsed.original else edition


def _refuse_directory(path: Path, source: str) -> None:
    if path.is_dir():
        raise InputError(source, "is a directory, expected an edition file") from None


def _waivers(block: Block, lang: str) -> tuple[str, ...]:
    """A block whose markup declares another language than its edition's (``<p lang="cs">``: an example, a
    quotation) is not the edition's text left untranslated."""
    declared = (block.lang or "").split("-")[0].lower()
    if not declared or declared == lang or lang == UNDETERMINED or "untranslated" in block.waivers:
        return block.waivers
    return (*block.waivers, "untranslated")


def edition_from_blocks(blocks: list[Block], lang: str, source: str, digest: str) -> Edition:
    """Sanitise and normalise the blocks, drop the empty ones, number the rest, tell their kinds and the furniture.

    Sanitising here too covers editions built in memory (``edition_from_text``):
    whatever the source, no renderer receives a control character.
    """
    kept = [(text, b, norm) for b in blocks if (norm := normalise(text := sanitise(b.text)))]
    texts, blocks, norms = [t for t, _, _ in kept], [b for _, b, _ in kept], [n for _, _, n in kept]
    reasons = furniture_reasons(norms, [b.furniture for b in blocks])
    kinds = refine_kinds([plain(n) for n in norms], [b.kind for b in blocks], reasons)
    paragraphs = tuple(
        Paragraph(n=i, text=text, norm=norm, line=b.line, block=kind, chrome=bool(reason), chrome_reason=reason,
                  note="" if reason else script_note(norm), waivers=_waivers(b, lang))
        for i, (text, b, norm, kind, reason) in enumerate(zip(texts, blocks, norms, kinds, reasons), start=1)
    )
    return Edition(lang=lang, source=source, digest=digest, paragraphs=paragraphs)
