"""Numbers in words, composed from the tables in ``numerals``.

``five hundred`` is 500 (not 5 and 100), ``3 millions et demi`` 3.5e6,
``полтора миллиона`` 1.5e6, ``zweihundertfünfzig`` 250, ``двумя тысячами``
2000, ``a quarter of a million`` 250000. Each word is looked up once (its
parts are cached); a phrase is composed left to right and ends where a part
cannot continue it, so "two three" is two numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Literal

from . import numerals
from .numbers import TEN

PartKind = Literal["num", "mult", "scale", "one", "half", "quarter", "join", "halved"]


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a number in words: ``num`` adds, ``mult`` multiplies (hundred, dozen),
    ``scale`` is a power of ten, ``one`` an article that counts only before a multiplier,
    ``half`` adds a half, ``quarter`` is a quarter (or divides a count: "three quarters"),
    ``join`` links two parts ("and", "y", "und")."""

    kind: PartKind
    value: Decimal = Decimal(0)


@cache
def vocabulary(lang: str) -> dict[str, Part]:
    """Every number word of a language (lower-cased) and the part it plays."""
    table = {w: Part("num", Decimal(str(v))) for w, v in numerals.NUMBER_WORDS.get(lang, {}).items()}
    table.update({w: Part("mult", Decimal(v)) for w, v in numerals.MULTIPLIER_WORDS.get(lang, {}).items()})
    units = numerals.SCALE_OR_UNIT.get(lang, {})
    # Scale words after number words; abbreviations of one or two letters ("m", "bn") only follow digits.
    table.update({w: Part("scale", Decimal(p)) for w, p in numerals.scale_words(lang).items()
                  if " " not in w and w not in units and len(w) > 2})
    table.update(dict.fromkeys(numerals.ONE_WORDS.get(lang, ()), Part("one", Decimal(1))))
    table.update(dict.fromkeys(numerals.HALF_WORDS.get(lang, ()), Part("half", Decimal("0.5"))))
    table.update(dict.fromkeys(numerals.QUARTER_WORDS.get(lang, ()), Part("quarter", Decimal("0.25"))))
    table.update(dict.fromkeys(numerals.NUMBER_JOINERS.get(lang, ()), Part("join")))
    for word, value in _ordinal_forms(lang).items():
        table.setdefault(word, Part("num", Decimal(value)))
    for prefix in numerals.HALF_PREFIXES.get(lang, ()):  # "полмиллиона" is read as "half" + "миллиона"
        table.update({prefix + w: Part("halved", part.value) for w, part in list(table.items()) if part.kind == "scale"})
    return table


def _ordinal_forms(lang: str) -> dict[str, float]:
    """Ordinals spelt out from the cardinals by the language's endings (``treize`` → ``treizième``,
    ``пять`` → ``пятого``), plus the irregular ones: all of them known in advance, so a paragraph's
    words are looked up, not analysed."""
    forms: dict[str, float] = {}
    for cardinal, value in numerals.NUMBER_WORDS.get(lang, {}).items():
        for ending, tail in numerals.ORDINAL_ENDINGS.get(lang, ()):
            if cardinal.endswith(tail) and value == int(value):
                forms.setdefault(cardinal[: len(cardinal) - len(tail)] + ending, value)
    forms.update(numerals.ORDINAL_WORDS.get(lang, {}))
    return forms


@cache
def word_parts(word: str, lang: str) -> tuple[Part, ...]:
    """The number parts of one lower-cased word: itself, its hyphenated pieces, or its compound pieces.

    >>> [(p.kind, str(p.value)) for p in word_parts("fünfundzwanzig", "de")]
    [('num', '5'), ('join', '0'), ('num', '20')]
    >>> [(p.kind, str(p.value)) for p in word_parts("quatre-vingt-dix-sept", "fr")]
    [('num', '90'), ('num', '7')]
    """
    table = vocabulary(lang)
    part = table.get(word)
    if part is not None:
        return (Part("half", Decimal("0.5")), Part("scale", part.value)) if part.kind == "halved" else (part,)
    if "-" in word:
        return _longest_pieces(word.split("-")[:12], table, lang)
    if lang in numerals.COMPOUND_NUMERALS and len(word) <= 60 and _may_compound(word, lang):
        ordinal = _compound_ordinal(word, table)
        return (ordinal,) if ordinal is not None else _compound(word, table)
    return ()


@cache
def counts(word: str, lang: str) -> bool:
    """Whether a word holds a number of its own (not only "ein", "und": articles and joiners)."""
    return any(part.kind not in ("one", "join") for part in word_parts(word, lang))


def _may_compound(word: str, lang: str) -> bool:
    """A compound number starts with a number word and ends with one (or an ordinal ending): a cheap test
    that spares most words the full analysis."""
    starts, ends = _edges(lang)
    return word.startswith(starts) and word.endswith(ends)


@cache
def _edges(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(w for w in vocabulary(lang) if w.isalpha())
    return words, words + ("te", "ten", "ter", "tes", "tem")


def _compound_ordinal(word: str, table: dict[str, Part]) -> Part | None:
    """A compound ordinal, ``dreiundzwanzigsten`` → 23 (its simple ones are in the vocabulary)."""
    for ending in ("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te"):
        if word.endswith(ending) and len(word) > len(ending) + 6:
            pieces = _compound(word[: -len(ending)], table)
            if pieces and all(p.kind in ("num", "join", "mult", "one") for p in pieces):
                return Part("num", _sum(pieces))
    return None


def _sum(pieces: tuple[Part, ...]) -> Decimal:
    """The value of compound pieces without scales: ``neunzehn``, ``dreiundzwanzig``, ``einhundert``."""
    total = Decimal(0)
    for piece in pieces:
        if piece.kind == "mult":
            total = (total or 1) * piece.value
        elif piece.kind == "num":
            total += piece.value
    return total


def _longest_pieces(pieces: list[str], table: dict[str, Part], lang: str) -> tuple[Part, ...]:
    """Hyphenated words, longest known run of pieces first: ``quatre-vingt-dix`` before ``quatre``;
    a number before a word (``five-litre``, ``twenty-year-old``) is that number."""
    parts: list[Part] = []
    i = 0
    while i < len(pieces):
        for j in range(min(len(pieces), i + 4), i, -1):  # no number word has more than four pieces
            piece = "-".join(pieces[i:j])
            part = table.get(piece)
            if part is not None:
                parts.append(part)
                i = j
                break
        else:
            return tuple(parts) if parts and all(p.kind in ("num", "mult", "scale") for p in parts) else ()
    return tuple(parts)


def _compound(word: str, table: dict[str, Part]) -> tuple[Part, ...]:
    """Fewest known pieces that spell the whole word (German ``zweihundertfünfzig``), or none."""
    best: list[tuple[Part, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 12), end):
            head, piece = best[start], table.get(word[start:end])
            if head is not None and piece is not None and (best[end] is None or len(head) + 1 < len(best[end] or ())):
                best[end] = (*head, piece)
    return best[-1] or ()


@dataclass(frozen=True, slots=True)
class Phrase:
    """A number written in words (digits may take part: ``3 mil 400 millones``): span, value, how."""

    start: int
    end: int
    value: Decimal
    scaled: bool


@dataclass
class _Builder:
    """Left-to-right composition of parts; refuses a part that cannot continue the number."""

    start: int = 0
    end: int = 0  # end of the last part that counts
    reach: int = 0  # end of the last word taken (a joiner or article included)
    total: Decimal = Decimal(0)
    current: Decimal = Decimal(0)
    last: str = ""
    last_value: Decimal = Decimal(0)
    power: int = -1
    joined: bool = False
    article: bool = False
    bare: bool = False
    parts: list[Part] = field(default_factory=list)

    def accepts(self, part: Part, word: _Word) -> bool:
        """Whether ``part`` (from ``word``) can continue the number built so far."""
        return _ACCEPTS[part.kind](self, part.value, word)

    def _joins(self, value: Decimal, word: _Word) -> bool:
        return bool(self.last) and not self.joined and self.last != "one"

    def _articled(self, value: Decimal, word: _Word) -> bool:
        return self.joined or self.last in ("", "half", "quarter")

    def _quartered(self, value: Decimal, word: _Word) -> bool:
        return self.last in ("", "one", "num") and not self.joined

    def _scales(self, value: Decimal, word: _Word) -> bool:
        counted = bool(self.current or self.total or self.last in ("half", "quarter")
                       or (self.last == "one" and word.after_one))
        return (counted or (word.bare and not self.last)) and (self.power < 0 or value != self.power)

    def _multiplies(self, value: Decimal, word: _Word) -> bool:
        return self.last in ("one", "num") and self.current < 100 or (self.last == "" and not word.vague)

    def _adds(self, value: Decimal, word: _Word | None = None) -> bool:
        if self.last in ("", "scale") or self.article:
            return self.last != "one" or self.joined
        if self.last == "mult" or (self.last == "num" and self.last_value >= 100):
            return value < 100
        if self.last == "num" and 20 <= self.last_value < 100:
            return value < 10 or (value < 20 and self.last_value in (60, 80))
        return self.joined and self.last == "num" and self.last_value < 10 and value >= 20 and value % 10 == 0

    def take(self, part: Part, end: int) -> None:
        self.reach = end
        if part.kind not in ("join", "one"):
            self.end = end
        self.add(part)

    def add(self, part: Part) -> None:
        kind, value = part.kind, part.value
        self.article = kind == "one" and self.joined
        self.joined = kind == "join"
        if kind in ("join", "one"):
            self.last = kind if kind == "one" or not self.last else self.last
            return
        if kind == "quarter":
            self.current = self.current / 4 if self.last == "num" else value
        elif kind == "half":
            if self.last == "scale":
                self.total += TEN ** self.power * value
            else:
                self.current += value
        elif kind == "mult":
            self.current = (self.current or 1) * value
        elif kind == "scale":
            self._scale(int(value))
        else:
            self.current += value
        self.parts.append(part)
        self.last, self.last_value = kind, value

    def _scale(self, power: int) -> None:
        count = self.current or (Decimal(0) if self.total else Decimal(1))
        if power > self.power:
            self.total = (self.total + count) * TEN ** power
        else:
            self.total += count * TEN ** power
        self.current, self.power = Decimal(0), power

    def phrase(self) -> Phrase | None:
        meaningful = [p for p in self.parts if p.kind in ("num", "mult", "scale", "half", "quarter")]
        if not meaningful or all(p.kind in ("half", "quarter") for p in meaningful):
            return None
        return Phrase(self.start, self.end, self.total + self.current, any(p.kind == "scale" for p in meaningful))


_ACCEPTS = {"join": _Builder._joins, "one": _Builder._articled, "half": lambda b, v, w: True,
            "quarter": _Builder._quartered, "scale": _Builder._scales, "mult": _Builder._multiplies,
            "num": _Builder._adds}

Token = tuple[int, int, str]  # start, end, lower-cased word


@dataclass(frozen=True, slots=True)
class _Word:
    """How a word may take part given the word before it: alone as one of a scale ("mil personas"),
    after "one" ("un millón", not "un mille"), or not at all after a vague quantity ("several hundred")."""

    bare: bool
    after_one: bool
    vague: bool


def word_phrases(tokens: Sequence[Token], text: str, lang: str) -> Iterator[Phrase]:
    """Numbers written in words among ``tokens`` (in text order).

    Parts join only across spaces, and only when they can form one number:
    "two three" is two numbers, "two and three" too, "two hundred and three" one.

    >>> text = "five hundred people, twenty-five of them, two and a half million"
    >>> toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\\W\\d_]+(?:-[^\\W\\d_]+)*", text)]
    >>> [(p.start, p.end, str(p.value)) for p in word_phrases(toks, text, "en")]
    [(0, 12, '500'), (21, 32, '25'), (42, 64, '2500000.0')]
    """
    context = _context(lang)
    builder: _Builder | None = None
    previous: Token | None = None
    for start, end, word in tokens:
        parts = word_parts(word, lang)
        how = context.how(word, previous[2] if previous is not None and _spaced(text, previous[1], start) else "")
        previous = (start, end, word)
        if builder is not None and (not parts or not _spaced(text, builder.reach, start)):
            yield from _close(builder)
            builder = None
        for part in parts:
            if builder is not None and builder.accepts(part, how):
                builder.take(part, end)
                continue
            if builder is not None:
                yield from _close(builder)
            builder = _Builder(start=start, end=end, reach=end)
            if builder.accepts(part, how):
                builder.take(part, end)
            else:
                builder = None
    if builder is not None:
        yield from _close(builder)


@cache
def _context(lang: str) -> _Context:
    return _Context(lang)


class _Context:
    """A language's words that change how the next word counts."""

    def __init__(self, lang: str) -> None:
        self.bare = frozenset(numerals.BARE_SCALES.get(lang, ()))
        self.no_one = frozenset(numerals.NO_ONE_BEFORE.get(lang, ()))
        self.vague = frozenset(numerals.VAGUE_BEFORE.get(lang, ()))
        self.ones = frozenset(numerals.ONE_WORDS.get(lang, ()))
        self.nouns_after = frozenset(numerals.NOUN_AFTER.get(lang, ()))
        cues, forms = numerals.ONE_IN_GENITIVE.get(lang, ((), ()))
        self.genitive_cues, self.genitive_forms = frozenset(cues), frozenset(forms)

    def how(self, word: str, before: str) -> _Word:
        """``before``: the word just before, if only spaces lie between."""
        vague = before in self.vague
        noun = word in self.no_one and (before in self.ones or before in self.nouns_after)  # "un mille": a mile
        bare = (word in self.bare or (word in self.genitive_forms and before in self.genitive_cues))
        return _Word(bare and not vague and not noun, word not in self.no_one, vague)


def _close(builder: _Builder) -> Iterator[Phrase]:
    phrase = builder.phrase()
    if phrase is not None:
        yield phrase


_GAP = re.compile(r"[ \u00a0]+")


def _spaced(text: str, end: int, start: int) -> bool:
    return bool(_GAP.fullmatch(text, end, start))
