"""Page furniture: what is on the page but not the statement, and why we think so.

Furniture is decided by what a block is, never by where it stands or how
short it is alone: a language switcher or a list of language names, a line a
known label opens ("Source:", "Translation:", "Фото:"), a copyright notice, a
bare link, a line that is only a date, a known widget label ("Версия для
слабовидящих", "Web Content Display"), a reprint notice, a line every edition
repeats verbatim, and what a reader marked (a metadata element, a list of
links). Label-like lines after the line that closes the article (its source,
its translator credit, its copyright) are the site's footer. Every decision
carries its reason, shown in the reports.

The words are data in ``locales.py``; the five languages are covered alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from babel import localedata

from . import locales
from .model import Edition
from .text import plain


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, so "translated by" wins over "translation"."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


# Locale tags as language switchers print them: "de-DE", "en-GB1", "RU".
_LOCALE_TAG = re.compile(r"^(?:[a-z]{2}[-_][A-Z]{2}\d*|[A-Z]{2}\d*)$")


@cache
def _language_codes() -> frozenset[str]:
    """Two lower-case letters are a language's tag only when CLDR knows the language ("en", "it"; not "up")."""
    return frozenset(name for name in localedata.locale_identifiers() if len(name) == 2)


_TOKEN = re.compile(r"[^\s|/•·,]+")
_REGION = re.compile(r" ?\([^)]{1,30}\)")
# A switcher or a footer of language names, even of forty languages, is shorter than this.
MAX_LANGUAGE_LINE = 600
# "Source: kremlin.ru", "Traduction : Marie Dupont": a known label and a colon (any space before it).
_LABEL_OF = {label: reason for reason, labels in locales.FURNITURE_LABELS.items() for label in labels}
_LABEL = re.compile(rf"^(?P<label>{_alternation(_LABEL_OF)})\s?:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_OPENER_OF = {opener: reason for reason, openers in locales.CREDIT_OPENERS.items() for opener in openers}
_CREDIT = re.compile(rf"^(?P<opener>{_alternation(_OPENER_OF)})\s", re.IGNORECASE)
# "© 2020 MFA", "(c) MFA", "Copyright 2020 …", "Copyright © …"; not "Copyright means …".
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}\b))", re.IGNORECASE)
# "(c)" without a year, in a line longer than a notice, labels the third clause of a list ("(c) Firefox Monitor
# is an informational service …"), not a copyright ("(c) MFA Russia").
_CLAUSE_C = re.compile(r"^\(c\)(?!\s*\d{4}\b)", re.IGNORECASE)
MAX_COPYRIGHT_WORDS = 8


def _from_first_gap(phrases: Iterable[str]) -> str:
    """An alternation of phrases that each match from their first space, the words before it looked
    back at: a pattern that opens with a space is scanned for it at C speed, one that opens with a letter
    to be matched in any case is tried at every character. (For a test of presence, not of the span.)

    >>> _from_first_gap(["all rights reserved"])
    '\\\\ (?<=all\\\\ )rights\\\\ reserved'
    """
    parts = [phrase.partition(" ") for phrase in sorted(set(phrases), key=len, reverse=True)]
    return "|".join(rf"\ (?<={re.escape(first)}\ ){re.escape(rest)}" if gap else re.escape(first)
                    for first, gap, rest in parts)


_RIGHTS_RESERVED = re.compile(_from_first_gap(locales.RIGHTS_RESERVED), re.IGNORECASE)
_BARE_LINK = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_REPRINT = re.compile(rf"^(?:{_alternation(locales.REPRINT_OPENERS)})\b", re.IGNORECASE)
# A row of size or colour buttons: "A A A", "A- A A+", or after a widget label any row of one- or
# two-letter buttons ("Размер шрифта: А А А", "Цвет сайта: Ц Ц Ц").
# Buttons are separated by spaces, so each is matched once (no backtracking over a long run of letters).
_SIZE_ROW = re.compile(r"^[AaАа]{1,2}[+\-–]?(?:\s+[AaАа]{1,2}[+\-–]?)+$")
_WIDGET_ROW = re.compile(rf"^(?:{_alternation(locales.WIDGET_LABELS)})(?:\s?:\s*|\s+)"
                         r"[^\W\d_]{1,2}[+\-–]?(?:\s+[^\W\d_]{1,2}[+\-–]?)+$", re.IGNORECASE)
# Digits, date punctuation and at most three short words ("20 de noviembre de 2020 19:00").
_DATE_ONLY = re.compile(r"^[\d\s.,:/\-–]*(?:[^\W\d_]{1,12}\.?[\d\s.,:/\-–]*){0,3}$")
_WORD = re.compile(r"[^\W\d_]+\.?")
# What makes such a line a date rather than a heading such as "Article 5": a year or a clock time.
_YEAR_OR_TIME = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d:\d\d")
# How a sentence or a clause ends, in Latin, Cyrillic and CJK punctuation.
SENTENCE_END = (".", "!", "?", ":", ";", ",", "…", "。", "！", "？", "：", "；", "，")
# Lines that close an article: what follows them, if it is only labels, is the site's footer.
_CLOSING = frozenset({"source line", "translator credit", "copyright notice", "sharing widget", "print widget",
                      "tag list", "link to more", "reprint notice"})
# A list of languages as lines of their own: this many in a row.
MIN_LANGUAGE_RUN = 3


# The first words of the two-word names: only after one of them is the next token read as its second.
_PAIR_STARTS = frozenset(name.split(" ")[0] for name in locales.LANGUAGE_NAMES if " " in name)


def _language_names(text: str, misses_allowed: int | None = None) -> tuple[int, int]:
    """(tokens that are language names or tags, all tokens) of a line; two-word names count once.

    Reading stops, reporting no hits, once more than ``misses_allowed`` tokens are not names.

    >>> _language_names("English | Español | Bahasa Indonesia | 中文 (简体)")
    (4, 4)
    """
    if len(text) > MAX_LANGUAGE_LINE:
        return 0, 0
    if "(" in text:
        text = _REGION.sub("", text)  # region qualifiers: "português (Brasil)"
    tokens = _TOKEN.finditer(text)
    limit = len(text) if misses_allowed is None else misses_allowed
    hits = total = 0
    token = next(tokens, None)
    while token is not None:
        following = next(tokens, None)
        word = token.group().casefold()
        if following is not None and word in _PAIR_STARTS and \
                f"{word} {following.group().casefold()}" in locales.LANGUAGE_NAMES:
            hit, following = True, next(tokens, None)
        else:
            hit = word in locales.LANGUAGE_NAMES or bool(_LOCALE_TAG.match(token.group())) \
                or token.group() in _language_codes()
        hits, total, token = hits + hit, total + 1, following
        if total - hits > limit:
            return 0, total
    return hits, total


def is_language_switcher(norm: str) -> bool:
    """A line made of two or more language tags or names, and little else ("EN | RU | DE", a footer of thirty).

    >>> [is_language_switcher(t) for t in ("• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "Russia and the EU agreed")]
    [True, False]
    """
    text = plain(norm)
    return _is_switcher(text, len(text.split()))


def _is_switcher(text: str, words: int) -> bool:
    """``is_language_switcher`` of a plain text of so many words."""
    hits, total = _language_names(text, 1 + words // 10)
    return hits >= 2 and hits >= total - 1 - total // 10


def is_dateline(norm: str) -> bool:
    """A paragraph that is only a date and/or a time: "20-11-2020", "20 November 2020 19:00".

    Its words are month or weekday names: "Хэллоуин 2013 в числах" is a headline.

    >>> [is_dateline(t) for t in ("20-11-2020", "20 de noviembre de 2020 19:00", "Article 5", "Brexit 2019 in Zahlen")]
    [True, True, False, False]
    """
    text = plain(norm)
    if not (len(text) <= 40 and _YEAR_OR_TIME.search(text) and _DATE_ONLY.match(text)):
        return False
    words = locales.date_line_words()
    return all(w.casefold() in words or w.casefold().rstrip(".") in words for w in _WORD.findall(text))


def is_label(norm: str) -> bool:
    """Short, unpunctuated text: a menu entry, a widget title, a footer link."""
    text = plain(norm)
    return len(text) <= 60 and not text.endswith(SENTENCE_END) and len(text.split()) <= 7


def label(norm: str) -> tuple[str, str] | None:
    """(what the line's label says it is, the text after the label), or None.

    >>> label("Traduction : Marie Dupont")
    ('translator credit', 'Marie Dupont')
    """
    return _label(plain(norm))


def _label(text: str) -> tuple[str, str] | None:
    match = _LABEL.match(text) if ":" in text else None  # (most lines have no colon: no label to try)
    return (_LABEL_OF[match["label"].casefold()], match["rest"]) if match else None


def is_caption(norm: str) -> bool:
    """A photo label followed by a description rather than a credit ("Photo: Protesters in …").

    >>> [is_caption(t) for t in ("Photo: TASS", "Фото: Участники акции у здания парламента в понедельник")]
    [False, True]
    """
    return _describes(label(norm))


def _describes(found: tuple[str, str] | None) -> bool:
    """Whether a label is a photo's, followed by a description."""
    return bool(found and found[0] == "photo credit" and len(found[1].split()) > locales.PHOTO_CREDIT_MAX_WORDS)


def line_reason(norm: str) -> str:
    """Why one line is furniture on its own, or "" if it is not.

    >>> [line_reason(t) for t in ("Translation: Ana García", "Copyright means the right to copy.", "© 2020 MFA")]
    ['translator credit', '', 'copyright notice']
    """
    text = plain(norm)
    words = len(text.split())
    if _is_switcher(text, words):
        return "language switcher"
    found = _label(text)
    if found and not _describes(found):
        return found[0]
    if words <= MAX_NOTICE_WORDS:
        return _notice_reason(text, words)
    return ""


# Credits, notices and widget labels are short; longer text is looked at only for switchers and labels.
MAX_NOTICE_WORDS = 40


def _notice_reason(text: str, words: int) -> str:
    credit = _CREDIT.match(text)
    if credit and words <= 12:
        return _OPENER_OF[credit["opener"].casefold()]
    clause = words > MAX_COPYRIGHT_WORDS and _CLAUSE_C.match(text)
    if _COPYRIGHT.match(text) and not clause or (words <= 25 and _RIGHTS_RESERVED.search(text)):
        return "copyright notice"
    if _BARE_LINK.match(text):
        return "bare link"
    if is_dateline(text):
        return "date line"
    folded = text.rstrip(".:!").casefold()
    for reason, lines in locales.FURNITURE_LINES.items():
        if folded in lines:
            return reason
    if _SIZE_ROW.match(text) or _WIDGET_ROW.match(text):
        return "accessibility widget"
    if _is_reprint_notice(text):
        return "reprint notice"
    return ""


def _is_reprint_notice(text: str) -> bool:
    """A reprint's opener followed by where it first appeared (a name or a title), not a date.

    >>> [_is_reprint_notice(t) for t in ("Originally published in The Conversation.",
    ...                                  "First published in 1925, the novel was banned.")]
    [True, False]
    """
    match = _REPRINT.match(text)
    if not match or len(text.split()) > MAX_NOTICE_WORDS:
        return False
    following = text[match.end():].split()[:5]
    for word in following:
        if word[0].isdigit():
            return False
        if word[0].isupper() or word[0] in "«„“\"'":
            return True
    return len(following) <= 3


def furniture_reasons(norms: Sequence[str], given: Sequence[str] = ()) -> list[str]:
    """The furniture reason of every block of one edition ("" for content).

    ``given`` are reasons a reader already knows (a metadata element, a
    list of links). Besides single lines: three or more lines in a row that
    are each a language name (a footer of endonyms), and label-like lines
    after the line that closes the article, when nothing but labels follows.
    A lone short title is content.
    """
    reasons = [(given[i] if i < len(given) else "") or line_reason(t) for i, t in enumerate(norms)]
    _mark_language_runs(norms, reasons)
    _mark_footer(norms, reasons)
    return reasons


def _mark_language_runs(norms: Sequence[str], reasons: list[str]) -> None:
    """Three or more lines in a row, each one language's name (a menu or footer of languages)."""
    run: list[int] = []
    for i, norm in enumerate([*norms, ""]):
        if i < len(norms) and not reasons[i] and len(norm.split(None, 3)) <= 3:  # (at most three words)
            hits, total = _language_names(plain(norm), 0)
            if hits and hits == total:
                run.append(i)
                continue
        if len(run) >= MIN_LANGUAGE_RUN:
            for k in run:
                reasons[k] = "list of languages"
        run = []


def _mark_footer(norms: Sequence[str], reasons: list[str]) -> None:
    closing = [i for i, reason in enumerate(reasons) if reason in _CLOSING]
    if not closing:
        return
    tail = [i for i in range(closing[-1] + 1, len(norms)) if not reasons[i]]
    if tail and all(is_label(norms[i]) for i in tail):
        for i in tail:
            reasons[i] = f"page footer (after the {reasons[closing[-1]]})"


def mark_shared_chrome(editions: Iterable[Edition]) -> list[Edition]:
    """Mark as furniture the short label lines that every edition repeats verbatim (three or more editions).

    Real translations do not repeat a sentence verbatim; sites repeat their
    brand lines and menu entries on every language's page. A line only some
    editions share is content (a title left in English, a name), and long text
    repeated verbatim is an untranslated paragraph, which diagnosis must see.
    """
    editions = list(editions)
    if len(editions) < 3:
        return editions
    seen: dict[str, set[str]] = {}
    for edition in editions:
        for p in edition.paragraphs:
            if is_label(p.norm):
                seen.setdefault(plain(p.norm).casefold(), set()).add(edition.lang)
    everywhere = {e.lang for e in editions}
    shared = {text for text, langs in seen.items() if langs == everywhere}
    if not shared:
        return editions
    reason = "repeated verbatim in every edition"
    return [
        replace(e, paragraphs=tuple(
            replace(p, chrome=True, chrome_reason=p.chrome_reason or reason, note="")
            if plain(p.norm).casefold() in shared else p for p in e.paragraphs
        ))
        for e in editions
    ]
