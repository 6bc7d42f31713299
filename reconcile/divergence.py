"""Figures and dates two linked paragraphs do not agree on: the pairing, then the wording.

The pairing decides what diverges and how surely from the anchors' match
(``similarity.match_anchors``): a value on each side is a change, an error
only when digits stand on both sides of a link the aligner is sure of; a
figure on one side only is a loss, a warning (for a small bare count,
information: translators drop "2 or 3 weeks"); figures that agree only in
another locale's separators, once rounded, across currencies, or dates that
state less on one side are remarks. The wording puts each in plain words
with where, what was expected and what was found. ``diagnose.figures`` runs
both for every link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from itertools import permutations

from . import measures, numerals
from .anchors import name_key
from .anchors_time import weekdays
from .model import Anchor, Day, Figure, Finding, FindingKind, Link, Paragraph, Severity
from .numbers import plain
from .restated import Restated
from .similarity import (
    CODE_KINDS,
    DATE_KINDS,
    NUMBER_KINDS,
    AnchorMatch,
    Pair,
    strong_of,
)
from .text import plain as plain_text

# A changed figure is an error only on a link the aligner is at least this sure of; else a warning.
CONFIDENT_LINK = 0.6


def _sentence_of(surface: str, paragraphs: list[Paragraph]) -> int | None:
    for number, sentence in enumerate((s for p in paragraphs for s in p.sentences), start=1):
        if plain_text(surface) in sentence:
            return number
    return None


@dataclass(frozen=True, slots=True)
class Divergence:
    """Figures or dates of one link that the two sides do not share, before they are put in words.

    ``how`` says what kind of disagreement it is: ``changed`` (a value on each
    side), ``lost``/``added`` (on one side only), ``format`` (equal only in
    another locale's convention), ``rounded`` (equal once a decimal is
    dropped), ``currency`` (two currencies), ``partial`` (a date that states
    less on one side; ``part`` says what; ``on_pivot``: the pivot is the side
    at odds).
    """

    kind: FindingKind
    severity: Severity
    how: str
    expected: tuple[Anchor, ...]
    found: tuple[Anchor, ...]
    confidence: float
    part: str = ""
    on_pivot: bool = False


def figure_divergences(match: AnchorMatch, link: Link, truncated: bool, pivot: list[Paragraph],
                       edition: list[Paragraph], langs: tuple[str, str] = ("", "")) -> list[Divergence]:
    """The pairing: every figure and date of a link that the two sides do not agree on.

    ``truncated``: the edition paragraph lost its end (what it lost is reported once, as truncated);
    ``langs``: the pivot's and the edition's languages.
    """
    out = list(_agreeing_with_remarks(match))
    if match.only_pivot or match.only_edition:  # (most links leave nothing over)
        out += _unmatched(match, link, truncated, _Counted(pivot, edition, langs))
    return out


def _agreeing_with_remarks(match: AnchorMatch) -> Iterator[Divergence]:
    """Pairs that agree, but only in another locale's convention, once rounded, across currencies, or with
    a date part lost."""
    for pair in match.matched:
        if pair.how == "format":  # a warning on the edition that keeps another locale's format; else information
            yield Divergence("number_format", "info" if pair.on_pivot else "warning", "format", (pair.pivot,),
                             (pair.edition,), 0.8, on_pivot=pair.on_pivot)
        elif pair.how == "rounded" and not _scale_rounding(pair):
            # "47.7 %" → "48 %" agrees to the less precise side's last digit, but a digit was dropped;
            # "1.5 million" for 1,530,000 is how figures are written with a scale word, and passes.
            yield Divergence("number_mismatch", "warning", "rounded", (pair.pivot,), (pair.edition,), 0.6)
        elif pair.how == "currency":  # a conversion cannot be checked: say so, do not alarm
            yield Divergence("number_mismatch", "info", "currency", (pair.pivot,), (pair.edition,), 0.5)
        elif pair.how == "partial" and not _stated_elsewhere(pair, match):
            yield Divergence("date_mismatch", "warning", "partial", (pair.pivot,), (pair.edition,), 0.6,
                             pair.lost, pair.on_pivot)


def _scale_rounding(pair: Pair) -> bool:
    """The less precise figure is the one written with a scale word, the other without ("1.5 million")."""
    coarse, fine = (pair.pivot, pair.edition) if pair.pivot.exponent > pair.edition.exponent \
        else (pair.edition, pair.pivot)
    return coarse.scaled and not fine.scaled


def _stated_elsewhere(pair: Pair, match: AnchorMatch) -> bool:
    """The part one date lacks is written elsewhere on that side ("in 2020 … on 9 November")."""
    side = match.side(pair.on_pivot)
    part, _, value = pair.lost.partition(" ")
    for anchor in side:
        key = anchor.key
        if part == "year" and (key == Figure(Decimal(value)) or (isinstance(key, Day) and key.year == int(value))):
            return True
    return False


def _unmatched(match: AnchorMatch, link: Link, truncated: bool, counted: _Counted) -> list[Divergence]:
    """Figures and dates with no counterpart: a value on each side is a change, on one side a loss."""
    lost = {"number": strong_of(match.only_pivot, NUMBER_KINDS), "date": strong_of(match.only_pivot, DATE_KINDS)}
    new = {"number": strong_of(match.only_edition, NUMBER_KINDS), "date": strong_of(match.only_edition, DATE_KINDS)}
    restated = _drop_restated(match, lost, new, counted)
    # A year mistyped into a non-year ("2013" → "2913") crosses categories: pair them up anyway.
    for this, other in (("date", "number"), ("number", "date")):
        if lost[this] and not new[this] and new[other] and not lost[other]:
            new[this], new[other] = new[other], []
    _add_number_words(match, lost, new, counted)
    out = []
    for what, expected in lost.items():
        found = new[what]
        if not expected and not found or (truncated and not found):
            continue
        out.append(_divergence("date_mismatch" if what == "date" else "number_mismatch", expected, found, link))
    codes = _changed_codes(strong_of(match.only_pivot, CODE_KINDS), strong_of(match.only_edition, CODE_KINDS))
    if codes[0] and codes[1]:  # a code replaced by another ("H5N1" → "H1N1"); one dropped is not a fault
        out.append(_divergence("number_mismatch", *codes, link))
    return out + restated


def _changed_codes(pivot: list[Anchor], edition: list[Anchor]) -> tuple[list[Anchor], list[Anchor]]:
    """The codes of each side less those with the same figures as one of the other side: a code's letters
    are translated ("SS19" / "PE19", "Формулы-1" / "F1"), its figures are not."""
    edition = list(edition)
    kept = []
    for code in pivot:
        twin = next((k for k, other in enumerate(edition) if _figures(other) == _figures(code)), None)
        if twin is None:
            kept.append(code)
        else:
            del edition[twin]
    return kept, edition


def _figures(code: Anchor) -> str:
    return "".join(c for c in code.surface if c.isdigit())


def _drop_restated(match: AnchorMatch, lost: dict[str, list[Anchor]], new: dict[str, list[Anchor]],
                   counted: _Counted) -> list[Divergence]:
    """Takes the figures that restate another of their side (``restated``) out of a one-sided loss or
    addition, and says each as information. A value on each side is a change, whatever it restates."""
    one_sided = [what for what, expected in lost.items() if bool(expected) != bool(new[what])]
    if not one_sided:  # (most links: only names left over)
        return []
    restated = Restated(match, counted.texts, counted.langs)
    for what in one_sided:
        lost[what], new[what] = restated.drop(lost[what], True), restated.drop(new[what], False)
    return [Divergence("date_mismatch" if a.kind in DATE_KINDS else "number_mismatch", "info", "restated",
                       (a,) if on_pivot else (), () if on_pivot else (a,), 0.5) for a, on_pivot in restated.dropped]


class _Counted:
    """Whether two numbers count the same thing: the word after them starts with the same letters
    ("2 ministers" / "drei Minister") or names the same common thing ("seven years" / "ocho años").

    A number in words is compared with a different number on the other side
    only then (not ``thirty communities`` / ``dos veces``): translators
    rephrase counts in words freely.
    """

    def __init__(self, pivot: list[Paragraph], edition: list[Paragraph], langs: tuple[str, str]) -> None:
        self.paragraphs = (pivot, edition)
        self.langs = langs

    @cached_property
    def texts(self) -> tuple[str, str]:
        """The two sides' text (joined on the first question: most links ask none)."""
        return " ".join(p.norm for p in self.paragraphs[0]), " ".join(p.norm for p in self.paragraphs[1])

    def noun(self, anchor: Anchor, on_pivot: bool) -> str:
        """The counted word: a concept of ``COUNTED_NOUNS`` if it names one, else its first letters."""
        text = self.texts[0 if on_pivot else 1]
        at = text.find(anchor.surface)
        word = _NEXT_WORD.match(text, at + len(anchor.surface)) if at >= 0 else None
        if word is None:
            return ""
        concept = _concepts(self.langs[0 if on_pivot else 1]).get(word.group(1).lower())
        return concept or (name_key(word.group(1))[:4] if len(word.group(1)) >= 4 else "")

    def same_thing(self, left: list[Anchor], right: list[Anchor]) -> bool:
        nouns = {self.noun(a, True) for a in left} - {""}
        return bool(nouns & {self.noun(b, False) for b in right})


@cache
def _concepts(lang: str) -> dict[str, str]:
    return {form: concept for concept, forms in numerals.COUNTED_NOUNS.items() for form in forms.get(lang, ())}


# The word a number counts: after spaces or a hyphen, over at most one short word ("2 of the", "3 de").
_NEXT_WORD = re.compile(r"[\s\-]*(?:\w{1,3}\s+(?=[^\W\d_]{4}))?([^\W\d_]{2,})")


def _add_number_words(match: AnchorMatch, lost: dict[str, list[Anchor]], new: dict[str, list[Anchor]],
                      counted: _Counted) -> None:
    """Number words ("two", "drei") count only against a different number of the same thing on the other side."""
    words_lost, words_new = _spelled(match.only_pivot), _spelled(match.only_edition)
    if not (words_lost or words_new) or not counted.same_thing(lost["number"] + words_lost, new["number"] + words_new):
        return
    digits_lost, digits_new = bool(lost["number"]), bool(new["number"])
    spelled_only = not digits_lost and not digits_new and bool(words_lost and words_new)
    if (digits_lost and not digits_new) or spelled_only:
        new["number"] = words_new
    if (digits_new and not digits_lost) or spelled_only:
        lost["number"] = words_lost


def _spelled(anchors: tuple[Anchor, ...]) -> list[Anchor]:
    """Numbers (and hours) in words: read less surely than digits."""
    return [a for a in anchors if not a.strong and a.kind in _SPELLED_KINDS]


_SPELLED_KINDS = NUMBER_KINDS | {"time"}


def _significant(anchor: Anchor) -> bool:
    """Worth a warning when stated on one side only: not a small bare count ("2 or 3 weeks", "Grade 4"),
    nor a scale word alone in words ("a thousand", "un milliard", "mil millones"): as often a manner of
    speaking ("billion-dollar aid", "thousands of") as a count."""
    if anchor.kind != "number" or not isinstance(anchor.key, Figure):
        return True
    value = anchor.key.value
    if value in _SCALES_ALONE and not _DIGIT.search(anchor.surface):
        return False
    if anchor.unit is not None or anchor.scaled:
        return True
    return value >= 100 or value != value.to_integral_value()


_SCALES_ALONE = frozenset(Decimal(10) ** power for power in (3, 6, 9, 12))
_DIGIT = re.compile(r"\d")


def _divergence(kind: FindingKind, expected: list[Anchor], found: list[Anchor], link: Link) -> Divergence:
    """Severity from certainty: an error only for digits on both sides of a confidently aligned link
    that do not even write the same digits; a small bare count stated on one side only is for information."""
    changed = bool(expected and found)
    certain = changed and all(a.strong for a in (*expected, *found)) and link.confidence >= CONFIDENT_LINK \
        and not _same_digits(expected, found)
    how = "changed" if changed else "lost" if expected else "added"
    severity: Severity = "error" if certain else "warning"
    if not changed and not any(_significant(a) for a in (*expected, *found)):
        severity = "info"
    return Divergence(kind, severity, how, tuple(expected), tuple(found), 0.9 if certain else 0.6)


def _same_digits(expected: list[Anchor], found: list[Anchor]) -> bool:
    """Both sides write the same digits, only read apart: a scale word not understood on one side
    ("4 thousans million" / "4 milliards"), a figure split by a stray space or mark ("68.78" /
    "68, 78", "20.53" / "20''53"). The values differ as read, but a change is not certain."""
    if len(expected) == len(found) and {a.scaled for a in expected} == {b.scaled for b in found}:
        return False  # "5 million" / "5 billion": both read their scale, and it changed
    wanted = "".join(_DIGITS.sub("", a.surface) for a in expected)
    return bool(wanted) and any("".join(_DIGITS.sub("", a.surface) for a in order) == wanted
                                for order in permutations(found[:3]))


_DIGITS = re.compile(r"\D")


def word_divergence(d: Divergence, pivot_lang: str, lang: str, link: Link, edition: list[Paragraph]) -> Finding:
    """The wording: where, what was expected, what was found, in plain words."""
    here, there = refs(lang, link.edition), refs(pivot_lang, link.pivot)
    expected, found = _surfaces(d.expected), _surfaces(d.found)
    if d.how == "format":
        message = _format_message(d, here, there, pivot_lang, lang)
    elif d.how == "currency":
        message = (f"{here}: expected amount {expected} (from {there}), found {found} in another currency "
                   f"(a conversion this check cannot verify)")
    elif d.how == "rounded":
        message = f"{here}: expected figure {expected} (from {there}), found {found}: rounded to fewer digits"
    elif d.how == "partial":
        message = (f"{here}: expected date {expected} (from {there}), found {found}: "
                   f"{there if d.on_pivot else here} does not state the {d.part}")
    else:
        what = "date" if d.kind == "date_mismatch" else "figure"
        message = f"{here}: expected {what} {expected or 'nothing'} (from {there}), found {found or 'nothing'}" \
            + _NOTES.get(d.how, "")
    sentence = _sentence_of(d.found[0].surface, edition) if d.found else None
    return Finding(d.kind, d.severity, lang, link.pivot, link.edition, message, d.confidence,
                   expected=tuple(a.surface for a in d.expected), found=tuple(a.surface for a in d.found),
                   sentence=sentence)


# What a divergence's message adds after what was expected and found, by how it diverges.
_NOTES = {"restated": ": a conversion, a repetition or a share stated on one side only"}


def _format_message(d: Divergence, here: str, there: str, pivot_lang: str, lang: str) -> str:
    """Which edition keeps another locale's separators, how it reads its own way, how it agrees."""
    pivot, edition = d.expected[0], d.found[0]
    odd, odd_lang, other = (pivot, pivot_lang, edition) if d.on_pivot else (edition, lang, pivot)
    agreeing = next((k for k in odd.foreign if k in other.values), odd.foreign[0] if odd.foreign else odd.key)
    return (f"{here}: figure {edition.surface} matches {pivot.surface} (from {there}) only in another locale's "
            f"separators: the {odd_lang} edition's {odd.surface} reads {_value(odd.key)} the {odd_lang} way, "
            f"{_value(agreeing)} the other")


def refs(lang: str, numbers: tuple[int, ...]) -> str:
    """``en ¶3+4``: paragraphs of an edition, as messages name them."""
    return f"{lang} ¶" + "+".join(map(str, numbers))


def _surfaces(anchors: tuple[Anchor, ...]) -> str:
    return ", ".join(a.surface for a in anchors)


def _value(key: object) -> str:
    return plain(key.value) if isinstance(key, Figure) else str(key)


def day_replaced(pivot: list[Paragraph], edition: list[Paragraph],
                 langs: tuple[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The days of the week the pivot names and the edition does not, and those the edition names instead
    (as written); None unless both, or when they are the two ends of one night."""
    expected, found = (_side_days(side, lang) for side, lang in zip((pivot, edition), langs))
    lost, new = [d for d in expected if d not in found], [d for d in found if d not in expected]
    if not (lost and new) or _one_night(lost, new, (pivot, edition), langs):
        return None
    return tuple(expected[d] for d in lost), tuple(found[d] for d in new)


def _side_days(side: list[Paragraph], lang: str) -> dict[int, str]:
    """The days the paragraphs of one side name, each as first written."""
    days: dict[int, str] = {}
    for paragraph in side:
        for day, written in weekdays(paragraph.norm, lang):
            days.setdefault(day, written)
    return days


def _one_night(lost: list[int], new: list[int], sides: tuple[list[Paragraph], list[Paragraph]],
               langs: tuple[str, str]) -> bool:
    """Two days in a row where either side speaks of a night: its two ends ("Saturday night" / "in der
    Nacht zum Sonntag")."""
    if len(lost) != 1 or len(new) != 1 or (lost[0] - new[0]) % 7 not in (1, 6):
        return False
    return any(not measures.NIGHT_WORDS.get(lang, frozenset()).isdisjoint(re.findall(r"[^\W\d_]+", plain_text(p.norm).lower()))
               for side, lang in zip(sides, langs) for p in side)
