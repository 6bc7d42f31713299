"""Passes that find dates, times of day, run times, centuries and decades (handlers of ``anchors``).

Each handler turns a match of its pattern (``patterns``) into a hit, or None
when the match is not what it looks like (``6.30`` with no word saying it is a
time stays a number). A written form that may be read more than one way
keeps every reading: ``2h30`` is half past two and two and a half hours.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from functools import cache, lru_cache

from . import locales, measures, numerals
from .model import Anchor, Century, Clock, Day, Decade, Figure, Key, Unit
from .number_words import Phrase
from .numbers import roman_to_int
from .patterns import ORDINAL_MARK, alternation
from .scan import SPACES, Hit, Scan, anchor_hit
from .text import lowered


def _valid_date(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def iso_date(m: re.Match[str], scan: Scan) -> Hit | None:
    month, day = int(m["month"]), int(m["day"])
    return anchor_hit(m, "date", Day(int(m["year"]), month, day)) if _valid_date(month, day) else None


def numeric_date(m: re.Match[str], scan: Scan) -> Hit | None:
    first, second = int(m["a"]), int(m["b"])
    month_first = m["sep"] == "/" and scan.lang in measures.MONTH_FIRST and first <= 12
    day, month = (second, first) if month_first else (first, second)
    return anchor_hit(m, "date", Day(int(m["year"]), month, day)) if _valid_date(month, day) else None


def named_date(m: re.Match[str], scan: Scan) -> Hit | None:
    month = scan.pat.months[m["month"].lower().rstrip(".")]
    day = (int(m["day"]) if m["day"].isdigit() else 1) if "day" in m.groupdict() else None
    year = int(m["year"]) if m["year"] else None
    return anchor_hit(m, "date", Day(year, month, day)) if _valid_date(month, day) else None


def clock(m: re.Match[str], scan: Scan) -> Hit | None:
    """``19:00``, ``7 p.m.``, ``20 Uhr``, ``17.45 horas``, ``2h30``, ``2 heures 15``, ``в 11-50``.

    A dot or hyphen between hours and minutes makes a time only with a word
    that says so, before (``at``, ``um``, ``в``) or after (``Uhr``, ``мск``),
    or a leading zero (``09.30``): otherwise ``6.30`` is a number. What else
    the written form may be stays as a reading: ``6.30`` the number 6.3,
    ``2h30`` two and a half hours, ``5 heures`` five hours.
    """
    hour, mark, digits = int(m["h"] or m["mh"]), m["mark"] or "", m["m"] or m["mm"] or m["mil"]
    if not _is_clock(m, scan, mark, digits):
        return None
    minute = int(digits or 0)
    readings = (Clock(hour * 60 + minute),) if m["mh"] else clock_readings(hour, minute, m["ampm"], m["period"], scan)
    extra: list[Key] = list(readings[1:])
    if mark == ".":
        extra.append(Figure(Decimal(f"{hour}.{digits}")))
    elif m["sep"] and minute in (15, 30, 45):
        extra.append(Figure(Decimal(hour) + Decimal(minute) / 60))  # "2h30": two and a half hours
    elif not digits and m["after"]:
        extra.append(Figure(Decimal(hour)))  # "5 heures" may be a duration
    return anchor_hit(m, "time", readings[0], readings=tuple(dict.fromkeys(extra)))


def _is_clock(m: re.Match[str], scan: Scan, mark: str, digits: str | None) -> bool:
    """Minutes or a word after the hour, a cue before a dot or hyphen, and no amount or percent after."""
    tail = m["ampm"] or m["after"] or m["period"] or m["military"]
    if not (digits or tail):
        return False
    if mark in (".", "-") and not tail and not (mark == "." and m["h"].startswith("0")) \
            and not scan.pat.clock_cue.search(scan.before(m.start())):
        return False
    # "at 12.50 euros", "6.30 %"; after a word that makes it a time, a unit belongs to what follows
    # ("a las 7:19 h hora local", "8:30 p. m. hora local")
    return bool(tail) or not scan.pat.figure_after.match(scan.text, m.end())


def clock_readings(hour: int, minute: int, ampm: str | None, period: str | None, scan: Scan) -> tuple[Clock, ...]:
    """The 24-hour readings: one when a.m./p.m., a part of the day or the hour says it, else both halves."""
    if ampm:
        return (Clock(((hour % 12) + (12 if ampm.lower() == "p" else 0)) * 60 + minute),)
    both = [Clock(hour * 60 + minute)] + ([Clock(((hour + 12) % 24) * 60 + minute)] if 0 < hour <= 12 else [])
    if period:
        span = scan.pat.periods[re.sub(r"[ \u00a0]+", " ", period.lower())]
        inside = [c for c in both if span.holds(c.minutes)]
        return (inside[0],) if inside else tuple(both)
    return tuple(both)


def duration(m: re.Match[str], scan: Scan) -> Hit | None:
    """A run time or duration, ``2:03:59``: its seconds (a typo'd ``2:21.31`` is ``2:21:31``)."""
    seconds = int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"])
    return anchor_hit(m, "time", Figure(Decimal(seconds)), unit=_SECONDS)


_SECONDS = Unit("duration", "duration-second", 1 / 60)


def century(m: re.Match[str], scan: Scan) -> tuple[Hit, ...]:
    """``XXI века``, ``21st century``, ``siglo 20``; a list or range names each century ("siglos XI, XII y XIII",
    "XVI–XIX веков")."""
    roman = m["roman"] or m["roman2"]
    value = roman_to_int(roman.upper()) if roman else int(m["digits"] or m["digits2"])
    if not 0 < value <= 30:
        return ()
    end = m.start("more") if m["more"] else m.end()
    hits = _listed_before(m)
    start = m.start("roman") if m["before"] else m.start()
    hits.append(Hit(start, end, Anchor("century", Century(value), scan.text[start:end].strip())))
    for more in _ROMAN.finditer(scan.text, end, m.end()):
        hits.append(Hit(more.start(), more.end(), Anchor("century", Century(roman_to_int(more.group())), more.group())))
    return tuple(hits)


def _listed_before(m: re.Match[str]) -> list[Hit]:
    """The centuries before the last of a list or range ("XVI–XIX веков"), if each ends as the last does:
    "Louis XIV et XIXe siècle" names a king, not a century."""
    listed = list(_ROMAN_SUFFIXED.finditer(m["before"] or ""))
    if not all(first[2] == m["suffix"] and 0 < roman_to_int(first[1]) <= 30 for first in listed):
        return []
    return [Hit(m.start() + first.start(1), m.start() + first.end(1),
                Anchor("century", Century(roman_to_int(first[1])), first[1])) for first in listed]


_ROMAN = re.compile(r"[IVXL]+")
# A Roman century in a list before the last one, with the same ending as the last ("XIe et XIIe").
_ROMAN_SUFFIXED = re.compile(rf"([IVXL]+)({ORDINAL_MARK})?(?!\w)")


def decade(m: re.Match[str], scan: Scan) -> Hit | None:
    written = m["value"]
    figure: tuple[Key, ...] = (Figure(Decimal(written)),) if scan.lang in measures.DECADE_OR_FIGURE else ()
    if len(written) == 2:
        return anchor_hit(m, "decade", Decade(int(written)), readings=figure)
    year = int(written)
    readings: tuple[Key, ...] = ()
    if year % 100 == 0:  # "the 1800s" may be the century; "años 1000" are years: left to the numbers
        if scan.lang not in measures.DECADE_OR_CENTURY:
            return None
        readings = (Century(year // 100 + 1),)
    return anchor_hit(m, "decade", Decade(year % 100, year), readings=readings + figure)


def decade_word(m: re.Match[str], scan: Scan) -> Hit | None:
    return anchor_hit(m, "decade", Decade(measures.DECADE_WORDS[scan.lang][m["word"].lower()]))


def spelled_clock(start: int, end: int, value: Decimal, scan: Scan) -> Hit | None:
    """An hour in words with a clock word after it or a strong cue before it: ``a las tres de la tarde``;
    moved by the words around it: ``half past six``, ``halb elf`` (10:30), ``las diez y media``,
    ``neuf heures moins vingt``, ``zwanzig vor neun`` (minutes in words only with a cue)."""
    after = scan.pat.clock_words_after.match(scan.text, end)
    stop = after.end() if after else end
    cued = bool(after or scan.pat.clock_word_cue.search(scan.before(start)))
    hour, minutes = int(value), _HALVES.get(value - int(value))
    if minutes is None or (minutes and not cued):  # "a las diez y media" is read as 10.5
        return None
    first, shift, stop, sure = _shift(start, stop, scan, cued)
    if not (cued or sure) or not 0 < hour <= 24:
        return None
    hour, minute = divmod((hour * 60 + minutes + shift) % (24 * 60), 60)
    readings = clock_readings(hour, minute, None, after["period"] if after else None, scan)
    stated = (Figure(value),) if not (minutes or shift) else ()
    anchor = Anchor("time", readings[0], scan.text[first:stop].strip(), strong=False,
                    readings=(*readings[1:], *stated))
    return Hit(start, stop, anchor)


_HALVES = {Decimal(0): 0, Decimal("0.5"): 30, Decimal("0.25"): 15, Decimal("0.75"): 45}


def _shift(start: int, stop: int, scan: Scan, cued: bool) -> tuple[int, int, int, bool]:
    """Minutes the words around an hour move it by: (where the words start, minutes, where they stop,
    whether they make it a time by themselves). A number of minutes needs a clock cue before it, or ``cued``."""
    for m, at, end in ((scan.pat.clock_shift_before.search(scan.before(start, 40)), None, stop),
                       (scan.pat.clock_shift_after.match(scan.text, stop), start, None)):
        if m is None:
            continue
        first = at if at is not None else start - len(scan.before(start, 40)) + m.start()
        last = end if end is not None else m.end()
        if m["fixed"]:
            return first, scan.pat.clock_shifts[SPACES.sub(" ", m["fixed"].lower())], last, True
        count = numerals.NUMBER_WORDS.get(scan.lang, {}).get(m["n"].lower())
        if count and 0 < count < 60 and (cued or scan.pat.clock_cue.search(scan.before(first))):
            sign = scan.pat.clock_shifts[next(w for w in scan.pat.clock_shifts if "{n}" in w and
                                              w.replace("{n}", "").strip() == SPACES.sub(" ", m["way"].lower()))]
            return first, sign * int(count), last, True
    return start, 0, stop, False


def spelled_century(phrase: Phrase, scan: Scan) -> Hit | None:
    """An ordinal in words before a century word: "the twentieth century", "в двадцатом веке"."""
    after = scan.pat.century_after.match(scan.text, phrase.end) if scan.centuries else None
    if after is None or not 0 < phrase.value <= 30 or phrase.value != int(phrase.value):
        return None
    return Hit(phrase.start, after.end(), Anchor("century", Century(int(phrase.value)), scan.text[phrase.start:after.end()]))


@lru_cache(maxsize=1 << 12)  # (a pivot paragraph is asked for once per edition)
def weekdays(text: str, lang: str) -> tuple[tuple[int, str], ...]:
    """The days of the week a text names (0 is Monday), each with its first spelling; a day joined to a
    time of day or a noun counts ("Sonntagabend", "Dienstagsgeschäfte"), and a day whose name is also an
    everyday word only in its context (``measures.WEEKDAYS_IN_CONTEXT``).

    >>> weekdays("Am Sonntagabend und in der Nacht auf Montag", "de"), weekdays("в среду и в пятницу", "ru")
    (((6, 'Sonntagabend'), (0, 'Montag')), ((4, 'пятницу'), (2, 'в среду')))
    """
    pattern, names, in_context, stems = _day_patterns(lang)
    lower = lowered(text)  # (offsets in it are offsets in the text)
    if not any(stem in lower for stem in stems):  # (most paragraphs name no day: a few substring tests)
        return ()
    found: dict[int, str] = {}
    if pattern is not None:
        for match in pattern.finditer(lower):
            found.setdefault(names[match["day"]], text[match.start():match.end()])
    for day, context in in_context:
        if day not in found and (written := context.search(lower)):
            found[day] = text[written.start():written.end()]
    return tuple(found.items())


_DayPatterns = tuple[re.Pattern[str] | None, dict[str, int], tuple[tuple[int, re.Pattern[str]], ...], tuple[str, ...]]


@cache
def _day_patterns(lang: str) -> _DayPatterns:
    """One pattern for every (lower-cased) day name of a language, with what it may be joined to, the day of
    each name, the patterns of the days read only in context, and what every form of each day starts with."""
    names = locales.weekday_names(lang)
    in_context = measures.WEEKDAYS_IN_CONTEXT.get(lang, {})
    plain = [name for name, day in names.items() if day not in in_context]
    parts, linking = measures.WEEKDAY_JOINS.get(lang, (frozenset(), ""))
    joined = "|".join(filter(None, (alternation(parts) if parts else "", re.escape(linking) + r"\w*" if linking else "")))
    pattern = re.compile(rf"(?<!\w)(?P<day>{alternation(plain)})(?:{joined})?(?!\w)") if plain else None
    forms: dict[int, list[str]] = {}
    for name, day in names.items():
        forms.setdefault(day, []).append(name)
    stems = tuple(sorted(os.path.commonprefix(group) for group in forms.values()))
    return pattern, names, tuple((day, re.compile(context)) for day, context in in_context.items()), stems
