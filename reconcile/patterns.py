"""The regular expressions that find anchors, compiled once per language from ``numerals`` and ``locales``.

Every pattern is verbose and commented. None nests an unbounded repeat inside
another, and every alternation of words is anchored on both sides, so a long
hostile input (``1,000,`` × 2000, ``ноября`` × 2000) is scanned in linear time;
``tests/test_anchors.py`` checks that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from . import locales, measures, numerals
from .model import Unit
from .number_words import vocabulary

SP = r"[ \u00a0]"  # a gap between words; U+00A0 is kept by normalisation
# How an ordinal in Roman numerals or digits may end: XXe siècle, XXI-го века, III. Jahrhundert.
ORDINAL_MARK = r"e|er|ème|\.|-?(?:й|го|м|ом)"


def alternation(words: object) -> str:
    """Escaped, longest first (so ``mil millones`` wins over ``mil``), spaces matching any gap, written as
    a tree of shared beginnings: sre tries one branch per first character, not one per word (a month,
    a unit or a scale is looked for at every word or figure).

    >>> alternation(["mil", "mil millones", "millón", "dos"])
    '(?:mil(?:[ \\\\u00a0]+millones|lón)?|dos)'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    if not unique:
        return r"(?!x)x"
    tree: _Tree = {}
    for word in unique:  # (longest first: a node's first child leads to its longest word)
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    written = _written(tree)
    return "|".join(map(_escaped, unique)) if written is None else written


_Tree = dict[str, "_Tree"]
_FORMS = (str.casefold, str.lower, str.upper)


def _written(node: _Tree) -> str | None:
    """A tree as a pattern: each child, a run of single children as one literal, the end tried last.

    None if two children may match the same text (case variants, a space and a no-break space): they
    would be tried in another order than longest first.
    """
    if len(node) > 1:
        keys = [" " if ch == "\u00a0" else ch for ch in node]
        if any(len(set(map(form, keys))) < len(keys) for form in _FORMS):
            return None
    branches = []
    for ch, child in node.items():
        if ch:
            run = [ch]
            while len(child) == 1 and "" not in child:
                ((ch, child),) = child.items()
                run.append(ch)
            rest = _written(child)
            if rest is None:
                return None
            branches.append(_escaped("".join(run)) + rest)
    either = "|".join(branches)
    return f"(?:{either})?" if "" in node and branches else either if len(branches) < 2 else f"(?:{either})"


def _escaped(word: str) -> str:
    return re.escape(word).replace(r"\ ", SP + "+")


def word_alternation(words: Iterable[str], first: str) -> str:
    """``alternation`` of the words whose first character is in the set ``first``, each refusing a word
    character before it: looked back at from after that character, so the pattern opens with literals,
    which sre scans for at C speed (a look-around first is tried at every character).

    >>> word_alternation(["UN", "ONU", "ЕС"], "[A-Z]")
    'O(?<!\\\\w.)NU|U(?<!\\\\w.)N'
    """
    unique = sorted({w for w in words if re.fullmatch(first, w[:1])}, key=lambda w: (-len(w), w))
    return "|".join(_escaped(w[0]) + r"(?<!\w.)" + _escaped(w[1:]) for w in unique) or r"(?!x)x"


NEVER = re.compile(r"(?!x)x")

def _shift_pattern(shifts: dict[str, int], before: bool) -> re.Pattern[str]:
    """Words that move an hour in words: a fixed phrase (``fixed``) or a number of minutes in words
    (``n``) and a word saying which way (``way``); ending where the hour starts, or after it."""
    if not shifts:
        return NEVER
    fixed = alternation(w for w in shifts if "{n}" not in w)
    ways = alternation(w.replace("{n}", "").strip() for w in shifts if "{n}" in w)
    minutes = r"(?P<n>[^\W\d_]+(?:-[^\W\d_]+)?)"
    if before:
        return re.compile(rf"(?<!\w)(?:(?P<fixed>{fixed})|{minutes}{SP}+(?P<way>{ways})){SP}+$", re.IGNORECASE)
    return re.compile(rf"{SP}+(?:(?P<fixed>{fixed})|(?P<way>{ways}){SP}+{minutes})(?!\w)", re.IGNORECASE)


# The first capital is matched first and what precedes it looked back at from after it: a pattern that
# opens with a set of characters is scanned for them at C speed, one that opens with a look-around is tried
# at every character.
CODE = re.compile(r"""
    [A-ZА-ЯЁ](?<![\w\-/.][A-ZА-ЯЁ])                                # not inside a word, a path or a number
    (?: [A-Za-zА-ЯЁа-яё]{0,8}-\d{1,5}[A-Za-z\d]{0,3}             # F-35, COVID-19, Су-35, Ту-154, Euro-2004
      | [A-ZА-ЯЁ]{0,3}\d{1,5}(?:[A-ZА-ЯЁ]{1,3}\d{1,3}){0,2}      # H5N1, M16, G20, A380, MH17
      | (?<=[A-Z])[A-Z]{1,4}[ \u00a0]\d{1,3}(?![\d.,]?\d)        # an index named by its size: FTSE 100, CAC 40
      | (?<=U)\+[0-9A-Fa-f]{4,6}                                 # a code point: U+2028 is no year
    )
    (?!\w)(?!-\d)                                               # "MP3-Player" too
""", re.VERBOSE)

LEFTOVER = re.compile(r"""
    (?=\d)(?<![\d.,])
    (?: (?P<head>\d{1,3}) (?: \.[ \u00a0] (?P<tail>\d{3}) (?![\d.,]?\d)   # "25. 000": a group split by a space
                            | ,[ \u00a0] (?P<tail2>000) (?!\d) )          # "25, 000"
      | 0,[ \u00a0](?P<point>\d{1,2}) (?=[ \u00a0]?%)                    # "0, 7%"
      | (?<=[a-zß-öø-ÿа-яё]) (?P<glued>(?:1[5-9]|20)\d\d) (?!\d)        # "depuis1993": a year glued to a word
      | (?<![\w]) (?P<glued2>(?:1[5-9]|20)\d\d) (?=[a-zß-öø-ÿа-яё]{3})   # "2010verlassen"
    )
""", re.VERBOSE)

ORG = re.compile(rf"""
    (?P<org>{word_alternation(locales.ORGANISATION_OF_SPELLING, "[A-ZА-ЯЁ]")})   # a spelling, not inside a word
    (?!\w)
""", re.VERBOSE)

# A capital that may open a sentence, looked back at from just after it (lookbehinds have a fixed width,
# so one per gap of 0-5 spaces): a stop, colon, quote, bracket or dash within the six characters before
# it and only spaces between, or nothing but spaces since the start of the text.
_OPENS_SENTENCE = "".join(rf"(?<![.!?…:\"'«(—–\-]\s{{{gap}}}.)(?<!^\s{{{gap}}}.)" for gap in range(6)) + r"(?<!^\s{6}.)"
# The capital comes first, the look back at what precedes it after it: a pattern that starts with a set
# of characters is scanned for them at C speed, one that starts with a look-around is tried everywhere.
NAME = re.compile(rf"""
    (?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ](?<![\w'’-][A-ZÀ-ÖØ-ÞА-ЯЁ]){_OPENS_SENTENCE}   # a capitalised word, not a sentence's first
             [a-zß-öø-ÿа-яё'’]+(?:-[A-ZА-ЯЁa-zа-яё][a-zß-öø-ÿа-яё]+)*)   # and its hyphenated parts
""", re.VERBOSE)

YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


class Patterns:
    """The compiled patterns and lookup tables of one language (built once, on first use)."""

    def __init__(self, lang: str) -> None:
        self.months = locales.month_names(lang)
        self.month_words = frozenset(w for name in self.months for w in name.split())
        self.scales = numerals.scale_words(lang)
        self.units: dict[str, Unit] = measures.unit_words(lang)
        self.periods = measures.day_periods(lang)
        self.century_words = frozenset(w.lower() for w in measures.CENTURY_WORDS.get(lang, ()))
        self.century_abbreviations = frozenset(measures.CENTURY_ABBREVIATIONS.get(lang, ()))
        # Words that may start or hold a number in words (not articles, joiners or letter abbreviations).
        self.number_words = frozenset(t for w in vocabulary(lang) for t in re.findall(r"[^\W\d_]+", w)
                                      if len(t) > 2) \
            - frozenset(numerals.ONE_WORDS.get(lang, ())) - frozenset(numerals.NUMBER_JOINERS.get(lang, ()))
        # Whether number words may also be compounds, found only by reading each word ("zweihundertfünfzig").
        self.number_word_rules = lang in numerals.COMPOUND_NUMERALS
        # Words that change how the next number word counts ("several", "около", "le").
        self.context_words = frozenset(numerals.VAGUE_BEFORE.get(lang, ())) | frozenset(
            numerals.NOUN_AFTER.get(lang, ())) | frozenset(numerals.ONE_IN_GENITIVE.get(lang, ((), ()))[0])
        # How a compound number word starts ("zwe…", "dre…"): a cheap first test of a paragraph's words.
        self.number_starts = frozenset(w[:3] for w in vocabulary(lang) if w.isalpha())
        # Articles and joiners: never a number on their own.
        self.not_counting = frozenset(numerals.ONE_WORDS.get(lang, ())) | frozenset(numerals.NUMBER_JOINERS.get(lang, ()))
        # Every single word that takes part in a number in words, or changes how one counts.
        self.token_words = frozenset(w for w in vocabulary(lang) if w.isalpha()) | self.context_words
        self.code, self.leftover, self.org, self.name, self.year = CODE, LEFTOVER, ORG, NAME, YEAR
        self._dates(lang)
        self._clocks(lang)
        self._numbers(lang)
        self._eras(lang)

    def _dates(self, lang: str) -> None:
        month = rf"(?P<month>{alternation(self.months)})\.?"
        if locales.months_capitalised(lang):  # "UTF-8 may look as follows" is no 8 May: a capital or all capitals
            spelt = [v for name in self.months for v in (name[:1].upper() + name[1:], name.upper())]
            month = rf"(?P<month>(?-i:{alternation(spelt)}))\.?"
        year = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
        day = r"(?P<day>[0-3]?\d)"
        day_suffix = r"(?:\.|-?(?:го|е|ое|er|st|nd|rd|th)|º|°|\.º)?"
        self.iso_date = re.compile(r"(?=\d)(?<![\d.])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
        self.numeric_date = re.compile(r"""
            (?=\d)(?<![\d.,])
            (?P<a>[0-3]?\d) (?P<sep>[./-]) (?P<b>[01]?\d) (?P=sep) (?P<year>\d{4}) (?!\d)   # 9.11.2020, 11/9/2020
        """, re.VERBOSE)
        self.day_month = re.compile(rf"""
            (?=\d)(?<![\d.,])
            {day}{day_suffix}{SP}*(?:(?:de|of){SP}+)?{month}                   # 9 ноября, 9. November, 9 de noviembre
            (?:,?{SP}+(?:(?:de|del){SP}+)?{year}(?:{SP}+г(?:ода|\\.)?)?)?       # … 2020 (года)
            (?!\w)""", re.IGNORECASE | re.VERBOSE)
        self.month_day = re.compile(rf"""
            (?=[^\W\d_])(?<!\w){month}{SP}+{day}(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)        # November 9(th)
            (?:,?{SP}+{year})?                                                 # , 2020
        """, re.IGNORECASE | re.VERBOSE)
        self.month_year = re.compile(rf"(?=[^\W\d_])(?<!\w){month}{SP}+(?:(?:de|del|of){SP}+)?{year}", re.IGNORECASE)
        first = alternation(measures.FIRST_DAY_WORDS.get(lang, ()))
        self.first_day = re.compile(rf"""
            (?<!\w)(?P<day>{first}){SP}+(?:de{SP}+)?{month}                      # el primero de octubre
            (?:,?{SP}+(?:(?:de|del){SP}+)?{year})?(?!\w)""", re.IGNORECASE | re.VERBOSE) \
            if lang in measures.FIRST_DAY_WORDS else NEVER

    def _clocks(self, lang: str) -> None:
        seps = [s for s in measures.CLOCK_SEPARATORS.get(lang, ()) if s[0].isalpha()]
        marks = "".join(re.escape(s) for s in measures.CLOCK_SEPARATORS.get(lang, ()) if not s[0].isalpha())
        after = alternation(measures.CLOCK_AFTER.get(lang, ()))
        periods = alternation(self.periods)
        ampm = r"(?P<ampm>[ap])\.?[ \u00a0]?m\.?(?!\w)" if lang in measures.AMPM_LANGS else r"(?P<ampm>(?!x)x)"
        military = alternation(measures.MILITARY_AFTER.get(lang, ()))
        self.clock = re.compile(rf"""
            (?=\d)(?<![\d.,:/$€£])(?<!\d[ \u00a0])          # not inside a larger number or an amount
            (?: (?P<mh>[01]\d|2[0-3])(?P<mil>[0-5]\d)(?={SP}?(?:{military})(?!\w))   # 1200 hours
              | (?P<h>[01]?\d|2[0-3])
                (?: {SP}?(?P<sep>{alternation(seps)}){SP}?(?P<m>[0-5]\d)   # 19h30, 2 heures 15, 5 Uhr 13
                  | (?P<mark>[:{marks}])(?P<mm>[0-5]\d) )?(?!\d)           # 19:30, 19.30, 11-50
            )
            (?!\d|[.,:]\d)                                    # not the start of 2:03:59 or 1.234
            (?: {SP}?(?:{ampm})                               # 7 p.m., 7pm
              | (?<=\d{{4}}){SP}?(?P<military>{military})(?!\w)  # 1200 hours
              | {SP}?(?P<after>{after})(?!\w)                  # 20 Uhr, 17.45 horas, 20.30 мск
              | {SP}+(?P<period>{periods})(?!\w)              # a las 3 de la tarde, в 7 вечера
            )?""", re.IGNORECASE | re.VERBOSE)
        # A run time or a duration written h:mm:ss ("2:03:59", "2 :03 :59", "2:21.31", "4:41,30").
        self.duration = re.compile(r"""
            (?=\d)(?<![\d.,:])(?P<h>\d{1,2})[ \u00a0]?:[ \u00a0]?(?P<m>[0-5]\d)(?:[ \u00a0]?[:.][ \u00a0]?|,)(?P<s>[0-5]\d)(?![\d:])
        """, re.VERBOSE)
        self.clock_cue = re.compile(rf"(?<!\w)(?:{alternation(measures.CLOCK_BEFORE.get(lang, ()))}){SP}+$",
                                    re.IGNORECASE)
        self.clock_word_cue = re.compile(rf"(?<!\w)(?:{alternation(measures.CLOCK_WORD_CUES.get(lang, ()))}){SP}+$",
                                         re.IGNORECASE)
        self.clock_words_after = re.compile(rf"{SP}+(?:(?P<after>{after})|(?P<period>{periods}))(?!\w)",
                                            re.IGNORECASE)
        self.clock_shifts = {**measures.CLOCK_SHIFT_BEFORE.get(lang, {}), **measures.CLOCK_SHIFT_AFTER.get(lang, {})}
        self.clock_shift_before = _shift_pattern(measures.CLOCK_SHIFT_BEFORE.get(lang, {}), before=True)
        self.clock_shift_after = _shift_pattern(measures.CLOCK_SHIFT_AFTER.get(lang, {}), before=False)

    def _numbers(self, lang: str) -> None:
        long_scales = alternation(w for w in self.scales if len(w) > 1)
        short_scales = alternation(w for w in self.scales if len(w) == 1)
        links = alternation(numerals.SCALE_LINKS.get(lang, ()))
        ordinal = alternation(numerals.ORDINAL_SUFFIXES.get(lang, ()))
        half = alternation(numerals.HALF_AFTER_SCALE.get(lang, ()))
        percent = alternation(measures.PERCENT_WORDS.get(lang, ()))
        compounds = alternation(measures.PERCENT_COMPOUNDS.get(lang, ()))
        units = alternation(self.units)
        unit_links = alternation(measures.UNIT_LINKS.get(lang, ()))
        signs = alternation(measures.CURRENCY_SIGNS)
        fractions = alternation(numerals.FRACTIONS)
        self.number = re.compile(rf"""
            (?=[\d$€£¥UCA])                                              # fail fast where no figure starts
            (?:(?P<sign>{signs}){SP}?)?                                 # $, €, £ before the figure
            (?=\d)(?:(?<![\w.,])(?:(?<!/)|(?<=\d\d/))(?<![\w][.,])      # not inside a word, a number or 1/2,
               |(?<=\b[Nn][or]\.))                                        # but after No., Nr. ("No.202")
            (?P<num>\d{{1,3}}(?:[.,'’ \u00a0\u202f]\d{{3}})+(?:[.,]\d+)?(?!\d)   # grouped: 90,000 / 1 234,5
                   |\d+(?:[.,]\d+)?)                                      # plain: 2020, 1.5
            (?P<frac>{SP}?(?:{fractions})(?!\d))?                        # 2 1/2, 2½
            (?P<ord>(?:{ordinal})(?!\w))?                                 # 13th, 13-го, 21ème
            (?: (?:{SP}|-)?(?:(?:{links}){SP}+)?                           # 40 los millones
                (?P<scale>(?:{long_scales})(?:{SP}+(?:(?:{links}){SP}+)?(?:{long_scales})){{0,2}})\.?(?!\w)
              | (?P<short>{short_scales})(?!\w) )?                        # 4,2 milliards; 3,5 miles de millones; 80m
            (?P<half>{SP}+(?:{half})(?!\w))?                              # 3 millions et demi
            (?:{SP}?(?P<percent>%|{percent}|-(?:{compounds})\w*)(?!\w))?   # 15 %, 15 Prozent, 17-prozentigen
            (?:(?:{SP}|-)?(?:(?:{unit_links}){SP}*)?(?P<unit>{units})(?![\w/]))?   # 550 miles, 5 millones de dólares
        """, re.IGNORECASE | re.VERBOSE)
        adjectives = measures.NUMBER_COMPOUNDS.get(lang, ())
        self.compound_stems = (*measures.PERCENT_COMPOUNDS.get(lang, ()), *adjectives)
        self.compound_word = re.compile(rf"""(?<![\w-])(?P<num>[^\W\d_]{{2,40}}?)
            (?:(?P<percent>{compounds})|{alternation(adjectives)})[^\W\d_]*""",
                                        re.IGNORECASE | re.VERBOSE) if self.compound_stems else NEVER
        self.half_after_noun = re.compile(rf"{SP}+[^\W\d_]{{2,20}}{SP}+(?:{half})(?!\w)", re.IGNORECASE)
        self.scale_tokens = frozenset(t for w in self.scales for t in w.split())
        self.scale_chain = re.compile(rf"(?<!\w)(?:{long_scales})(?!\w)", re.IGNORECASE)
        self.figure_after = re.compile(rf"{SP}?(?:%|{percent}|{alternation(self.scales)}|{units})(?!\w)",
                                       re.IGNORECASE)
        gap = alternation(numerals.RANGE_WORDS.get(lang, ()))
        self.range_gap = re.compile(rf"\.?{SP}*(?:-|–|—|/|(?:{gap})(?!\w))?{SP}*", re.IGNORECASE)

    def _eras(self, lang: str) -> None:
        century = alternation(self.century_words)
        roman = r"(?-i:[IVXL]{1,6})"  # (capitals only: "Jahrhundert v. Chr." is no fifth century)
        ordinal = rf"(?:st|nd|rd|th|{ORDINAL_MARK})?"
        joiner = r"(?:,|-|–|—|/|и|или|по|y|o|a|al|e|et|à|und|bis|and|or|to)"
        abbreviated = rf"|(?-i:{alternation(self.century_abbreviations)})\." if self.century_abbreviations else ""
        self.century = re.compile(rf"""
            (?<!\w)(?: (?P<before>(?:(?-i:{roman})(?:{ORDINAL_MARK})?{SP}*{joiner}{SP}*){{1,6}})?
                        # the centuries of a range or list before the last: XVI–XIX веков, XIe et XIIe siècles
                        (?P<roman>{roman})(?P<suffix>{ORDINAL_MARK})?   # XXI века, XXe siècle
                        [ \u00a0-]+(?:(?:{century})(?!\w){abbreviated})   # XIX в., X–XI вв.
                     | (?P<digits>\d{{1,2}}){ordinal}                  # 21st century, 19. Jahrhundert
                        [ \u00a0-]+(?:{century})(?!\w) )
          | (?<!\w)(?:{century}){SP}+(?: (?P<roman2>{roman}) | (?P<digits2>\d{{1,2}}) )(?!\w)   # siglo XX, siglo 20
            (?P<more>(?:{SP}*(?:,|y|e|и|et|und|-|–|al|a|à){SP}*{roman}(?!\w)){{0,6}})          # siglos XI, XII y XIII
        """, re.IGNORECASE | re.VERBOSE) if self.century_words else NEVER
        # A century word after an ordinal in words: "the twentieth century", "в двадцатом веке".
        self.century_after = re.compile(rf"{SP}+(?:{century})(?!\w)", re.IGNORECASE) if self.century_words else NEVER
        self.decade = re.compile(measures.DECADE_PATTERNS[lang], re.IGNORECASE) \
            if lang in measures.DECADE_PATTERNS else NEVER
        words = measures.DECADE_WORDS.get(lang, {})
        self.decade_word = re.compile(measures.DECADE_WORD_PATTERNS[lang].format(alternation(words)),
                                      re.IGNORECASE) if words else NEVER
        stems = [re.findall(r"[^\W\d_]+", w.lower())[0] for w in words]
        # Every word a decade word can be written as (a cheap first test before the pattern).
        self.decade_forms = frozenset(stem + ending for stem in {s.split("-")[0] for s in stems}
                                      for ending in measures.DECADE_WORD_ENDINGS.get(lang, ("",)))


@cache
def patterns(lang: str) -> Patterns:
    """Compiled patterns for a language; unknown languages use English tables."""
    return Patterns(lang if lang in locales.LANGS else "en")
