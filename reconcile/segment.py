"""Paragraphs → sentences, for sentence-level findings (truncation, which figure).

A deliberately small splitter: a sentence ends at ``.``, ``!``, ``?`` or ``…``
followed by a space and an upper-case letter, a digit or an opening quote, or
at a full-width ``。``, ``！`` or ``？`` (Chinese and Japanese put no space after
them).
Abbreviations and initials that would end a sentence falsely ("Mr.", "т. е.",
"z. B.", "S. Lavrov") are listed as data and skipped.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from operator import attrgetter

from . import locales
from .model import Edition, Paragraph
from .text import plain

# Words after which a full stop does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "jr", "sr", "gen", "col", "lt", "sgt",
    "rev", "hon", "art", "nr", "г", "гг", "т", "тыс", "млн", "млрд", "руб", "ул", "им", "проф", "д", "см", "напр",
    "др", "пр", "z.b", "bzw", "ca", "abs", "hr", "fr", "vgl", "evtl", "usw", "sra", "srta", "dra", "núm", "m", "mme",
    "mlle", "mm", "av",
})
# Dotted abbreviations: short letter groups joined by dots ("u.s", "z.b", "т.е"), not "о.азуле".
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# The stop is matched first (a pattern that starts with a set of characters is scanned for them at C
# speed; one that starts with a look-behind is tried at every character); the boundary is the group.
_BOUNDARY = re.compile(r"""
    [.!?…。！？]
    (?: (?<=[.!?…])(["')\]»]?\s+)(?=["'«(\[]?[A-ZА-ЯЁÀ-ÖØ-Þ0-9¿¡])   # Latin and Cyrillic: a stop, a space, a capital
      | (?<=[。！？])(\s*)(?=[^\s」』”’）])                          # CJK: a full-width stop, unless a quote closes
      | (?<=[。！？])[」』”’）](\s*)(?=[「『“‘（])                     # … and then only before the next quote opens
    )""", re.VERBOSE)


def split_sentences(text: str, lang: str = "") -> tuple[str, ...]:
    """Split a paragraph into sentences, keeping every character but the gaps.

    Not a boundary: a known abbreviation, an initial, a dotted abbreviation
    ("U.S.", "z.B."), and in German a day or ordinal number ("am 16. September").

    >>> split_sentences("Mr. Smith came at 5. He met S. Lavrov. Then it rained!")
    ('Mr. Smith came at 5.', 'He met S. Lavrov.', 'Then it rained!')
    >>> split_sentences("В 2020 г. всё было. Т. е. хорошо.")
    ('В 2020 г. всё было.', 'Т. е. хорошо.')
    >>> split_sentences("Die Band sollte bis zum 16. September bleiben. Le U.S. Army est là.", "de")
    ('Die Band sollte bis zum 16. September bleiben.', 'Le U.S. Army est là.')
    >>> split_sentences("约有9万人离开。他们去了亚美尼亚！")
    ('约有9万人离开。', '他们去了亚美尼亚！')
    """
    ordinal_dot = locales.language(lang).ordinal_dot
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start:match.start(match.lastindex or 0)].strip()
        last_word = _last_word(candidate).rstrip(".!?…\"')»").lower()
        if (not candidate or last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
                or _DOTTED.fullmatch(last_word) or (ordinal_dot and last_word.isdigit() and len(last_word) <= 2)):
            continue
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(sentences)


def _last_word(candidate: str) -> str:
    """What follows the last space or opening parenthesis (``str.split`` and ``\\s`` know the same spaces):
    the text before a boundary is a whole paragraph's worth, and only its end is looked at."""
    word = candidate.rsplit(None, 1)[-1] if candidate else ""
    return word[word.rfind("(") + 1:]


# A paragraph's fields in order, and where each stands: every content paragraph is remade with its
# sentences, then with its anchors (``dataclasses.replace`` goes through the fields in Python, for every one).
_FIELDS = attrgetter(*(f.name for f in fields(Paragraph)))
_PLACE = {f.name: k for k, f in enumerate(fields(Paragraph))}


def remade(p: Paragraph, name: str, value: object) -> Paragraph:
    """``p`` with the field ``name`` set to ``value``."""
    values = list(_FIELDS(p))
    values[_PLACE[name]] = value
    return Paragraph(*values)


def segment(edition: Edition) -> Edition:
    """Attach sentences (of the comparison text) to every content paragraph."""
    def with_sentences(p: Paragraph) -> Paragraph:
        return p if p.chrome else remade(p, "sentences", split_sentences(plain(p.norm), edition.lang))

    return replace(edition, paragraphs=tuple(with_sentences(p) for p in edition.paragraphs))
