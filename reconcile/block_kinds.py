"""What each content block is: title, kicker, byline, heading, caption or running text.

Markup says it in HTML and Markdown (``<h1>``, ``#``, ``<figcaption>``, a
``byline`` class); plain text does not, so the head of a plain document is
read the way an editor would: the blocks before the first sentence of
running text hold the headline, the short line above it (the kicker) and
the byline ("By Ana García", "Von …", "Автор: …"). In the body, only a line
that numbers a section ("Article 5", "Abschnitt 3 – Pflichten") or is
written in capitals is taken for a heading: a short unpunctuated line alone
may be a paragraph cut short, which the checks must still see.

A block whose letters are mostly in a script none of the five languages
uses (Chinese, Japanese, Arabic) gets a note: it is content, aligned by
structure and anchors only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from . import locales
from .furniture import SENTENCE_END, is_caption
from .model import BlockKind

# A headline is at most this long; longer text is running text, punctuated or not.
MAX_HEADLINE_WORDS = 25
# A kicker is a word or two above the headline ("ECONOMY", "Analysis", "Ukraine crisis"), or in capitals.
MAX_KICKER_WORDS = 2
_CLOSERS = "\"'»”’)]」』）"
_BYLINE = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(locales.BYLINE_OPENERS, key=len, reverse=True)))})"
                     r"(?:\s*:\s*|\s+)(?P<names>\S.*)$", re.IGNORECASE)
# "Article 5", "Глава II", "§ 2", "3. Pflichten", "3.2 Duties": a section word or a section number that a
# stop, a bracket or a second level marks as one ("15 people were injured" is not a heading).
_SECTION = re.compile(rf"""^(?:
    (?:{'|'.join(sorted(locales.SECTION_WORDS, key=len, reverse=True))})\s+(?:\d+|[IVXLC]+)\b
  | \d{{1,2}}(?:[.)]|(?:\.\d{{1,2}})+\.?)\s+\w
  | §\s*\d)""", re.IGNORECASE | re.VERBOSE)
# A numbered heading is short; a numbered paragraph is not a heading.
MAX_SECTION_WORDS = 10


def heading_like(text: str) -> bool:
    """Short text that does not end like a sentence or clause: a headline, a kicker, a title.

    >>> [heading_like(t) for t in ("Neue Regeln für Schulen", "Prices rose again.", "Why now?")]
    [True, False, True]
    """
    words = text.split(None, MAX_HEADLINE_WORDS)  # (one more piece, the rest, if there are more words)
    end = text.rstrip(_CLOSERS)[-1:]
    return 0 < len(words) <= MAX_HEADLINE_WORDS and (end not in SENTENCE_END or end in "?!？！")


def is_byline(text: str) -> bool:
    """"By Ana García", "Von Ana García und John Smith, Reuters", "Автор: Ана Гарсия": an opener and names.

    Most words after the opener are capitalised; "Von den 90.000 Menschen …" is not a byline.

    >>> [is_byline(t) for t in ("By Ana García", "Par Marie Dupont et Jean Martin, AFP", "Von den 90.000 Menschen")]
    [True, True, False]
    """
    match = _BYLINE.match(text)
    if not match or text.rstrip(_CLOSERS).endswith(SENTENCE_END[:1]):
        return False
    words = [w.strip(",;|()") for w in match["names"].split()]
    words = [w for w in words if w and w.casefold() not in locales.BYLINE_JOINERS]
    named = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return 0 < len(words) <= 10 and named >= 0.8 * len(words)


def is_section_heading(text: str) -> bool:
    """A heading the body text numbers or shouts: "Article 5", "3. Pflichten", "§ 2", "FINAL PROVISIONS".

    >>> [is_section_heading(t) for t in ("Abschnitt 3 – Pflichten", "3.2 Duties", "GENERAL PROVISIONS", "The end",
    ...                                  "15 Menschen wurden verletzt, als die")]
    [True, True, True, False, False]
    """
    if not heading_like(text) or len(text.split()) > MAX_SECTION_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(_SECTION.match(text)) or (len(letters) >= 4 and all(c.isupper() for c in letters))


def refine_kinds(texts: Sequence[str], kinds: Sequence[BlockKind], furniture: Sequence[str]) -> list[BlockKind]:
    """The kind of every block, from what the reader knew and what the text shows.

    ``texts`` are comparison forms, ``furniture`` the furniture reasons (those
    blocks keep their kind and play no part).
    """
    out = list(kinds)
    content = [i for i in range(len(texts)) if not furniture[i]]
    _relabel(out, _paragraphs(out, content, lambda i: is_caption(texts[i])), "caption")
    if content and out[content[0]] == "heading" and "title" not in out:
        out[content[0]] = "title"  # a document that opens with a heading (a Word "Heading 1") is titled by it
    head = _head(texts, out, content)
    _relabel(out, _paragraphs(out, head, lambda i: is_byline(texts[i])), "byline")
    if not any(out[i] in ("title", "heading") for i in content):
        _headline(texts, out, head)
    else:
        _kickers(texts, out, head)
    body = [i for i in content if i not in head]
    _relabel(out, _paragraphs(out, body, lambda i: is_section_heading(texts[i])), "heading")
    return out


def _paragraphs(kinds: list[BlockKind], indices: list[int], test: Callable[[int], bool]) -> list[int]:
    """The blocks among ``indices`` still plain paragraphs that pass ``test``."""
    return [i for i in indices if kinds[i] == "paragraph" and test(i)]


def _kickers(texts: Sequence[str], kinds: list[BlockKind], head: list[int]) -> None:
    """Short paragraphs above the title are kickers (a rubric, a date line)."""
    titles = [i for i in head if kinds[i] == "title"]
    if titles:
        _relabel(kinds, _paragraphs(kinds, head, lambda i: i < titles[0] and len(texts[i].split()) <= MAX_KICKER_WORDS),
                 "kicker")


def _relabel(kinds: list[BlockKind], indices: list[int], kind: BlockKind) -> None:
    for i in indices:
        kinds[i] = kind


def _head(texts: Sequence[str], kinds: list[BlockKind], content: list[int]) -> list[int]:
    """Content blocks before the first block of running text (or list, quote, table)."""
    head: list[int] = []
    for i in content:
        if kinds[i] in ("paragraph", "byline", "caption") and not heading_like(texts[i]) and not is_byline(texts[i]):
            break
        if kinds[i] in ("list_item", "quote", "table_cell", "code"):
            break
        head.append(i)
    return head


def _headline(texts: Sequence[str], kinds: list[BlockKind], head: list[int]) -> None:
    """Plain text: the headline is the first heading-like block, unless it is a kicker above another."""
    candidates = [i for i in head if kinds[i] == "paragraph"]
    if not candidates:
        return
    first = candidates[0]
    words = texts[first].split()
    kicker = len(candidates) > 1 and (len(words) <= MAX_KICKER_WORDS or texts[first].isupper()) \
        and len(texts[candidates[1]].split()) > len(words)
    if kicker:
        kinds[first] = "kicker"
        kinds[candidates[1]] = "title"
    else:
        kinds[first] = "title"


_FIVE_SCRIPTS = ("LATIN", "CYRILLIC")
# Anything outside Latin, Cyrillic and general punctuation: only then are letters looked up by name.
_OTHER_SCRIPT = re.compile(r"[^\x00-\u052f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]")


def script_note(text: str) -> str:
    """A note for text written mostly in a script none of the five languages uses, else "".

    >>> script_note("联合国难民署估计约有9万人离开。")
    'written in Han (CJK) script, not in one of the languages reconcile reads (de, en, es, fr, ru): aligned by structure and anchors only'
    >>> script_note("Prices rose.")
    ''
    """
    if not _OTHER_SCRIPT.search(text):
        return ""
    scripts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split()[0]
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    other = {s: n for s, n in scripts.items() if s not in _FIVE_SCRIPTS}
    if not letters or sum(other.values()) <= letters / 2:
        return ""
    script = max(sorted(other), key=other.__getitem__)
    script = "Han (CJK)" if script == "CJK" else script.title()
    return (f"written in {script} script, not in one of the languages reconcile reads "
            f"({', '.join(sorted(locales.LANGS))}): aligned by structure and anchors only")
