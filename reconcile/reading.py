"""Bytes in, clean text out: open with limits that hold, decode, sanitise.

The one place where outside bytes become text. What it guarantees to every
later stage and renderer:

- no more than ``max_bytes`` is ever read, counted as it is read (a stream,
  a file that grows, a pipe on standard input); FIFOs, devices, sockets and
  folders are refused before a byte is read, so ``/dev/zero`` or a FIFO
  with no writer can neither fill the memory nor hang the run;
- text has no NUL (a NUL anywhere means a binary file) and no control
  character other than tab, line feed and carriage return, so every
  renderer (JSON, JUnit, SARIF, TMX, HTML) receives XML-safe text.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Caps on what one edition may hold after parsing: a statement is a few hundred paragraphs of a
# few thousand characters. Past these, time and memory grow for no reader's benefit: two editions of
# 5,000 paragraphs whose structures drift apart already take 0.7 GB in the aligner.
MAX_PARAGRAPHS = 5_000
MAX_PARAGRAPH_CHARS = 100_000
STDIN = "-"
STDIN_NAME = "<stdin>"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read edition files: forced encoding, HTML content selector, limits."""

    encoding: str | None = None
    content_selector: str | None = None
    max_bytes: int = MAX_INPUT_BYTES
    max_paragraphs: int = MAX_PARAGRAPHS
    max_paragraph_chars: int = MAX_PARAGRAPH_CHARS


READ_DEFAULTS = ReadOptions()  # one shared value for default arguments (it is frozen)


# --- reading ---------------------------------------------------------------

def _open_input(path: Path) -> int:
    """Open for reading without blocking: opening a FIFO that has no writer must not hang."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def _not_regular(info: os.stat_result) -> str | None:
    """What a non-regular file is, in words, or None for a regular file."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, expected an edition file"
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file; give an edition file, or - to read standard input"


def read_limited(stream: BinaryIO, limit: int, name: object) -> bytes:
    """At most ``limit`` bytes of a stream, counted as they are read; more is an error, not a cut."""
    buffer = bytearray()
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - len(buffer)))
        if not chunk:
            return bytes(buffer)
        buffer += chunk
        if len(buffer) > limit:
            raise InputError(name, f"more than {limit:,} bytes, over the {limit:,}-byte input limit (--max-input-mb)")


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """An input file's bytes, or standard input's for ``-``, with one-line errors for every way that fails."""
    if str(path) == STDIN:
        return read_limited(sys.stdin.buffer, limit, STDIN_NAME)
    try:
        fd = _open_input(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    info = os.fstat(fd)
    problem = _not_regular(info)
    if problem:
        os.close(fd)
        raise InputError(path, problem)
    with os.fdopen(fd, "rb", buffering=0) as stream:
        if info.st_size > limit:
            raise InputError(path, f"file is {info.st_size:,} bytes, over the {limit:,}-byte input limit "
                                   "(--max-input-mb)")
        try:
            return read_limited(stream, limit, path)
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot be read") from None


# --- decoding ----------------------------------------------------------------

# Encodings still common for these languages, in the order charset-normalizer may pick them.
LEGACY_ENCODINGS = ("utf_8", "cp1251", "koi8_r", "cp1252", "iso8859_15", "latin_1")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_SAMPLE = 1 << 16


def decode(path: object, data: bytes, encoding: str | None = None, html: bool = False) -> str:
    """Bytes → sanitised text: BOM, forced or declared encoding, UTF-16/32 by their NULs, UTF-8, detection.

    Detection (charset-normalizer) is limited to UTF-8 and the legacy
    encodings of these languages; a file none of them decodes cleanly is an
    error naming the file, never mojibake passed on.
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    return _sane(path, _decoded(path, data, _declared(data, encoding, html)))


def _declared(data: bytes, encoding: str | None, html: bool) -> str | None:
    """The encoding named for these bytes: a BOM, else the one forced, else (HTML) a ``<meta charset>``."""
    name = next((name for bom, name in _BOMS if data.startswith(bom)), None) or encoding
    if name is None and html:
        declared = _META_CHARSET.search(data[:4096])
        name = declared.group(1).decode("ascii") if declared else None
    return name


def _decoded(path: object, data: bytes, name: str | None) -> str:
    """The text, in the encoding named, else UTF-16/32 told by their NULs, else UTF-8 or a legacy encoding."""
    wide = _wide_unicode(data) if name is None else None
    if name or wide:
        return _strict(path, data, name or wide or "")
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file, not text (it holds NUL bytes)")
    return _legacy(path, data)


def _sane(path: object, text: str) -> str:
    """Decoded text sanitised, refused if it is binary or nothing but space and control characters."""
    if "\x00" in text:
        raise InputError(path, "looks like a binary file, not text (it holds NUL characters)")
    if not text.strip():
        raise InputError(path, "file is empty")
    text = sanitise(text)
    if not text.strip():
        raise InputError(path, "has no text, only control characters")
    return text


def _legacy(path: object, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Lazy: ~45 ms to import, and UTF-8 files never need it
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError(path, "cannot be decoded as UTF-8, windows-1251, KOI8-R or windows-1252; name it with --encoding")
    return str(best)


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by where the NUL bytes fall; None if neither.

    Text in these languages has spaces, digits and punctuation, whose high
    bytes are zero: in UTF-16-LE they sit at odd offsets, and ten times
    rarer at even ones (U+0100, an emoji's low surrogate); in UTF-32 two or
    three of every four bytes are zero. Binary
    data scatters its NULs evenly; the decoded text is checked as well.
    """
    size = min(len(data), _SAMPLE)
    sample = data[: size - size % 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    guess = _by_nuls(sample)
    if guess is None:
        return None
    try:  # incremental: a character cut at the end of the sample is not an error
        text = codecs.getincrementaldecoder(guess)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return guess if _looks_like_text(text) else None


def _by_nuls(sample: bytes) -> str | None:
    """UTF-32 or UTF-16, either byte order, by where the NUL bytes of a sample (4-byte aligned) fall."""
    units = len(sample) // 4
    by_offset = [sample[k::4].count(0) for k in range(4)]
    # UTF-32: the top byte is always zero (code points end at U+10FFFF), the next almost always (the BMP).
    if by_offset[3] == units and by_offset[2] >= 0.95 * units and by_offset[0] < units:
        return "utf-32-le"
    if by_offset[0] == units and by_offset[1] >= 0.95 * units and by_offset[3] < units:
        return "utf-32-be"
    even, odd = by_offset[0] + by_offset[2], by_offset[1] + by_offset[3]
    pairs = 2 * units
    if odd >= 0.1 * pairs and even <= odd / 10:
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= even / 10:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    """Letters, digits, punctuation, symbols and spaces, 95 % at least: binary data decoded as UTF-16 is not.

    (Bytes with a zero high byte are Latin-1, a quarter of which are control
    characters; other pairs land all over the code space, unassigned and
    private-use points included.)
    """
    if not text:
        return False
    usual = sum(1 for ch in text if ch in "\t\n\r" or unicodedata.category(ch)[0] in "LNPSZ")
    return usual >= 0.95 * len(text)


def _strict(path: object, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid {encoding} (byte {exc.start}); name the right one with --encoding") from None


# --- sanitising --------------------------------------------------------------

# Characters XML 1.0 cannot carry, or that only make sense on a terminal (ESC, BEL): vertical tab,
# form feed, the information separators and NEL break lines (str.splitlines already reads them so);
# the rest of C0 (NUL included: decode refuses it first) and C1, DEL and the non-characters U+FFFE/U+FFFF are removed.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Either: most text has none, which one scan tells (two substitutions cost two).
_UNSANITARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# The same characters written as HTML character references ("&#11;", "&#x1B;", "&#xFFFF;"): the HTML
# parser would turn them back into control characters. C1 references (&#150;) are left alone: HTML
# reads them as windows-1252 ("–"), and so does lxml.
_BAD_CHAR_REFERENCE = re.compile(
    r"&\#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[fF]{3}[eEfF])(?![0-9a-fA-F])"
    r"|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|127|6553[45])(?![0-9]));?")


def sanitise(text: str) -> str:
    """Text without the control characters no report format can carry (tab and line breaks stay).

    >>> sanitise("a\\x0cb\\x1b[31mc\\x01")
    'a\\nb[31mc'
    """
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text)) if _UNSANITARY.search(text) else text


def sanitise_markup(text: str) -> str:
    """HTML text whose character references cannot produce control characters either.

    >>> sanitise_markup("one&#11;two &#x1b; &#110;")
    'one two   &#110;'
    """
    return _BAD_CHAR_REFERENCE.sub(" ", text)


# --- markup limits -----------------------------------------------------------

# libxml2 compares each attribute of an element with all the ones before it: time grows with the
# square of the attributes of one element (200,000 of them: minutes). No real element has more than a
# few dozen; an element's tag is looked at only when it is long enough to hold more than the limit.
MAX_ATTRIBUTES = 200
# A start tag with more than MAX_ATTRIBUTES gaps outside quoted values (a quoted value may hold "<",
# ">" or spaces); every repetition is possessive, so nothing is ever tried twice.
_PART = r"""(?:[^<>"'\s]|"[^"]*+"|'[^']*+')*+"""
_CROWDED_TAG = re.compile(rf"<[A-Za-z](?=(?:{_PART}\s++){{{MAX_ATTRIBUTES + 1}}}){_PART}(?:\s++{_PART})*+")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE_NAME = re.compile(r"\s[^\s=/>]")


def check_markup(path: object, text: str) -> None:
    """Refuse markup whose parsing would take time out of all proportion to its size.

    Linear: the tag pattern cannot backtrack, a short tag fails its
    look-ahead at its end, and a crowded one is scanned twice.
    """
    for match in _CROWDED_TAG.finditer(text):
        names = len(_ATTRIBUTE_NAME.findall(_QUOTED.sub("", match.group())))
        if names > MAX_ATTRIBUTES:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(path, f"an element at line {line} has {names:,} attributes, over the limit of "
                                   f"{MAX_ATTRIBUTES} (a real page has a few dozen at most)")
