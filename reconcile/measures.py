"""Language data for what is written with figures: units, currencies, percentages, clocks, dates, eras.

Unit names in every plural form and the parts of the day (``de la tarde``,
``вечера``) come from CLDR through Babel, read on first use and cached. What
CLDR does not carry is typed here: unit cases it lacks (German dative, Russian
cases), currencies, the words that make a figure a time of day, centuries and
decades.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from .model import Unit

# Babel unit key → (dimension, factor to the dimension's base unit, offset).
_CLDR_UNITS: dict[str, tuple[str, float, float]] = {
    "length-kilometer": ("length", 1000.0, 0.0), "length-meter": ("length", 1.0, 0.0),
    "length-centimeter": ("length", 0.01, 0.0), "length-millimeter": ("length", 0.001, 0.0),
    "length-mile": ("length", 1609.344, 0.0),
    "length-yard": ("length", 0.9144, 0.0), "length-foot": ("length", 0.3048, 0.0),
    "length-inch": ("length", 0.0254, 0.0), "length-nautical-mile": ("length", 1852.0, 0.0),
    "mass-kilogram": ("mass", 1.0, 0.0), "mass-gram": ("mass", 0.001, 0.0), "mass-tonne": ("mass", 1000.0, 0.0),
    "mass-pound": ("mass", 0.45359237, 0.0), "mass-ounce": ("mass", 0.028349523125, 0.0),
    "temperature-celsius": ("temperature", 1.0, 0.0), "temperature-fahrenheit": ("temperature", 5 / 9, -160 / 9),
    "speed-kilometer-per-hour": ("speed", 1.0, 0.0), "speed-mile-per-hour": ("speed", 1.609344, 0.0),
    "speed-knot": ("speed", 1.852, 0.0),
    "area-hectare": ("area", 10_000.0, 0.0), "area-acre": ("area", 4046.8564224, 0.0),
    "area-square-kilometer": ("area", 1e6, 0.0), "area-square-mile": ("area", 2_589_988.110336, 0.0),
    "area-square-meter": ("area", 1.0, 0.0), "area-square-foot": ("area", 0.09290304, 0.0),
    "volume-liter": ("volume", 1.0, 0.0), "volume-gallon": ("volume", 3.785411784, 0.0),
    "volume-barrel": ("volume", 158.987294928, 0.0), "volume-cubic-meter": ("volume", 1000.0, 0.0),
    "duration-hour": ("duration", 60.0, 0.0), "duration-minute": ("duration", 1.0, 0.0),
}


# Units that are not CLDR's: a temperature in "degrees" of an unstated scale.
_OTHER_UNITS: dict[str, tuple[str, float, float]] = {"degree": ("temperature", 1.0, 0.0)}


@cache
def unit_words(lang: str) -> dict[str, Unit]:
    """Lower-cased unit word → ``Unit``: CLDR's long unit names in every plural form, plus ``UNIT_WORDS``.

    >>> unit_words("ru")["километров"].factor, unit_words("en")["miles"].name
    (1000.0, 'length-mile')
    """
    words: dict[str, Unit] = {}
    for tag in (lang, *UNIT_LOCALE_VARIANTS.get(lang, ())):
        try:
            patterns = Locale.parse(tag)._data["unit_patterns"]
        except (UnknownLocaleError, ValueError):
            continue
        for key, (dimension, factor, offset) in _CLDR_UNITS.items():
            for form, pattern in patterns.get(key, {}).get("long", {}).items():
                word = pattern.replace("{0}", " ").strip().lower()
                if form != "per" and word:
                    words[re.sub(r"\s+", " ", word)] = Unit(dimension, key, factor, offset)
    for word, key in {**UNIT_WORDS.get("*", {}), **UNIT_WORDS.get(lang, {})}.items():
        dimension, factor, offset = _CLDR_UNITS.get(key, _OTHER_UNITS.get(key, (key, 1.0, 0.0)))
        words[word] = Unit(dimension, key, factor, offset)
    for code, spellings in CURRENCIES.items():
        for word in (*spellings.get("*", ()), *spellings.get(lang, ())):
            words[word.lower()] = Unit("currency:" + code, code)
    for word in CENTS.get(lang, ()):
        words[word] = Unit("currency", "cent", 0.01)  # a hundredth of whatever currency the other side names
    return words


@dataclass(frozen=True, slots=True)
class DayPeriod:
    """A part of the day named after a clock time (``de la tarde``, ``вечера``): seconds [start, stop)."""

    start: int
    stop: int

    def holds(self, minutes: int) -> bool:
        second = minutes * 60
        return self.start <= second < self.stop if self.start < self.stop else second >= self.start or second < self.stop


@cache
def day_periods(lang: str) -> dict[str, DayPeriod]:
    """Lower-cased day-period phrase → the span of the day it names, from CLDR's rules.

    >>> day_periods("es")["de la tarde"]
    DayPeriod(start=43200, stop=72000)
    """
    try:
        locale = Locale.parse(lang)
        rules = locale._data["day_period_rules"][None]
    except (UnknownLocaleError, ValueError, KeyError):
        return {}
    periods: dict[str, DayPeriod] = {}
    for width in ("wide", "abbreviated"):
        for period, name in locale.day_periods["format"][width].items():
            spans = [rule for rule in rules.get(period, ()) if "from" in rule]
            if spans and len(name) > 2:
                periods[name.lower().replace("’", "'")] = DayPeriod(spans[0]["from"], spans[0]["before"])
    return periods


# Unit words CLDR's long names miss, per language ("*": every language): word → Babel unit key.
UNIT_LOCALE_VARIANTS: dict[str, tuple[str, ...]] = {"en": ("en_GB",)}


UNIT_WORDS: dict[str, dict[str, str]] = {
    "*": {"km": "length-kilometer", "m": "length-meter", "cm": "length-centimeter", "mm": "length-millimeter",
          "mi": "length-mile", "ft": "length-foot", "yd": "length-yard", "kg": "mass-kilogram",
          "lb": "mass-pound", "lbs": "mass-pound", "°c": "temperature-celsius", "ºc": "temperature-celsius",
          "°f": "temperature-fahrenheit", "ºf": "temperature-fahrenheit", "°": "degree", "º": "degree",
          "km/h": "speed-kilometer-per-hour", "kmh": "speed-kilometer-per-hour", "mph": "speed-mile-per-hour",
          "km2": "area-square-kilometer", "km²": "area-square-kilometer",
          "км": "length-kilometer", "кг": "mass-kilogram", "км/ч": "speed-kilometer-per-hour", "га": "area-hectare"},
    "en": {"ha": "area-hectare", "degrees": "degree", "degree": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram",
           "hours": "duration-hour", "hour": "duration-hour", "minutes": "duration-minute"},
    "de": {"ha": "area-hectare", "grad": "degree", "kilo": "mass-kilogram", "stunden": "duration-hour", "stunde": "duration-hour",
           # the dative plural CLDR does not give ("nach 30 Kilometern")
           "kilometern": "length-kilometer", "metern": "length-meter", "zentimetern": "length-centimeter",
           "millimetern": "length-millimeter", "litern": "volume-liter", "tonnen": "mass-tonne"},
    "es": {"grados": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram", "horas": "duration-hour",
           "hora": "duration-hour"},
    "fr": {"ha": "area-hectare", "degrés": "degree", "degré": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram",
           "heures": "duration-hour", "heure": "duration-hour"},
    "ru": {"градусов": "degree", "градуса": "degree", "градус": "degree", "часов": "duration-hour",
           "часа": "duration-hour", "час": "duration-hour",
           # the cases CLDR does not give ("в 30 километрах", "на 5 метрах")
           **{stem + end: key for stem, key in (("километр", "length-kilometer"), ("метр", "length-meter"),
                                               ("сантиметр", "length-centimeter"), ("литр", "volume-liter"),
                                               ("килограмм", "mass-kilogram"))
              for end in ("ах", "ами", "ам", "ом", "е", "у")},
           **{form: "length-mile" for form in ("милях", "милями", "милям")},
           # short forms CLDR writes only in its "short" width ("10 см"); not "м", which is also an ordinal
           # ending ("в 2015-м")
           "см": "length-centimeter", "мм": "length-millimeter",
           # adjectives of measure ("300-килограммовое животное", "20-градусный мороз")
           **{stem + end: key for stem, key in (("килограммов", "mass-kilogram"), ("метров", "length-meter"),
                                               ("километров", "length-kilometer"), ("сантиметров", "length-centimeter"),
                                               ("миллиметров", "length-millimeter"), ("тонн", "mass-tonne"),
                                               ("литров", "volume-liter"), ("градусн", "degree"))
              for end in ("ый", "ая", "ое", "ые", "ого", "ой", "ом", "ому", "ую", "ых", "ыми", "ым")}},
}


# A temperature in "degrees" alone may be either scale: it agrees if either reading does.
DEGREE_SCALES = ("temperature-celsius", "temperature-fahrenheit")


# Currencies: ISO code → spellings ("*": symbols and codes written in every language).
# A conversion between two currencies cannot be checked: it is at most a warning.
CURRENCIES: dict[str, dict[str, tuple[str, ...]]] = {
    "USD": {"*": ("$", "us$", "usd"), "en": ("dollar", "dollars"), "de": ("dollar",),
            "es": ("dólar", "dólares", "dolar", "dolares"), "fr": ("dollar", "dollars"),
            "ru": ("доллар", "доллара", "долларов", "долларам", "долларами", "долларах")},
    "EUR": {"*": ("€", "eur"), "en": ("euro", "euros"), "de": ("euro",), "es": ("euro", "euros"),
            "fr": ("euro", "euros"), "ru": ("евро",)},
    # "pounds", "Pfund", "libras", "livres", "фунтов" alone are weights (CLDR's mass-pound): only sterling is money
    "GBP": {"*": ("£", "gbp"), "en": ("pounds sterling", "sterling"), "de": ("pfund sterling",),
            "es": ("libras esterlinas",), "fr": ("livres sterling",), "ru": ("фунтов стерлингов", "фунта стерлингов")},
    "RUB": {"*": ("rub", "руб"), "en": ("roubles", "rubles", "rouble", "ruble"), "de": ("rubel",),
            "es": ("rublos", "rublo"), "fr": ("roubles", "rouble"),
            "ru": ("рубль", "рубля", "рублей", "рублям", "рублями")},
    "CZK": {"*": ("kč", "czk"), "en": ("czech crowns", "czech korunas", "crowns", "koruna", "korunas"),
            "de": ("tschechische kronen", "tschechischen kronen", "kronen"), "es": ("coronas checas", "coronas"),
            "fr": ("couronnes tchèques", "couronnes"), "ru": ("чешских крон", "крон")},
    "JPY": {"*": ("¥", "jpy"), "en": ("yen",), "de": ("yen",), "es": ("yenes",), "fr": ("yens",), "ru": ("иен",)},
    "CHF": {"*": ("chf",), "de": ("franken",), "fr": ("francs suisses",)},
}


# Hundredths of a currency, whichever it is ("cents" may be of a dollar or a euro): "30 Cent" is 0.30 euro.
CENTS: dict[str, tuple[str, ...]] = {
    "en": ("cents", "cent"), "de": ("cent",), "es": ("céntimos", "céntimo", "centimos", "centavos"),
    "fr": ("centimes", "centime", "cents"), "ru": ("центов", "цента", "копеек", "копейки"),
}


# Currency signs written before the figure.
CURRENCY_SIGNS = ("US$", "C$", "A$", "$", "€", "£", "¥")


# Where a figure is a time of day: words after it ("20 Uhr", "17.45 horas", "5 p.m. GMT"),
# before it ("at 6.30", "a las tres"), and clock separators besides ":".
CLOCK_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("o'clock", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "local time"),
    "de": ("uhr", "h", "mez", "gmt", "utc"),
    "es": ("horas", "hora", "h", "hrs", "gmt", "utc"),
    "fr": ("heures", "heure", "h", "gmt", "utc"),
    "ru": ("ч", "часов", "часа", "мск", "по московскому времени", "по местному времени", "gmt", "utc"),
}


CLOCK_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("at", "until", "till", "from", "by", "before", "after", "around"),
    "de": ("um", "gegen", "bis", "ab"),
    "es": ("a las", "a la", "las", "hasta las", "desde las", "sobre las"),
    "fr": ("à", "vers", "jusqu'à", "dès"),
    "ru": ("в", "к", "до", "около", "с"),
}


# Separators between hours and minutes besides ":" ("19h30", "2 heures 15", "11-50").
CLOCK_SEPARATORS: dict[str, tuple[str, ...]] = {
    "en": (".",), "de": (".", "uhr"), "es": (".", "h"), "fr": (".", "h", "heures", "heure"), "ru": (".", "-", "ч"),
}


# Adjectives of a percentage, written after a number in digits and a hyphen ("17-prozentigen",
# "60-процентной") or joined to a number in words ("neunprozentigen", "стопроцентное"): their stems.
PERCENT_COMPOUNDS: dict[str, tuple[str, ...]] = {"de": ("prozentig",), "ru": ("процентн",)}
# Other adjectives joined to a number in words, which then counts ("zweihunderttausendköpfige Armee",
# "dreißigjährige", "двухдневный"): their stems.
NUMBER_COMPOUNDS: dict[str, tuple[str, ...]] = {
    "de": ("jährig", "köpfig", "tägig", "stündig", "wöchig", "monatig", "fach", "stellig", "stöckig", "teilig"),
    "ru": ("летн", "дневн", "месячн", "кратн", "этажн"),
}


PERCENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "percentage points", "percentage point"),
    "ru": ("процент", "процента", "процентов", "процентам", "процентами", "процентных пункта",
           "процентных пунктов", "проц"),
    "de": ("prozent", "prozentpunkte", "prozentpunkten"),
    "es": ("por ciento", "puntos porcentuales"),
    "fr": ("pour cent", "pourcent", "points de pourcentage"),
}


CENTURY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("century", "centuries"),
    "ru": ("век", "века", "веке", "веков", "векам", "веками", "веках"),
    "de": ("jahrhundert", "jahrhunderts", "jahrhunderte", "jahrhunderten", "jh", "jhd", "jhdt"),
    "es": ("siglo", "siglos"),
    "fr": ("siècle", "siècles"),
}
# Century words as Russian abbreviates them in running text, read only after a Roman numeral and with
# their full stop ("XIX в.", "X–XI вв."; a bare "в" is the commonest preposition). German "Jh." is
# among the words above; French "XIXe s." is left out ("s." after a number is also seconds).
CENTURY_ABBREVIATIONS: dict[str, tuple[str, ...]] = {"ru": ("в", "вв")}


# Decades written with figures, as a regex per language with a ``value`` group
# (``1990s``, ``'90s``, ``1990-х``, ``90-е годы``, ``1990er``, ``años 90``, ``années 1990``).
DECADE_PATTERNS: dict[str, str] = {
    "en": r"(?<![\w'])'?(?P<value>(?:1\d|20)?\d0)'?s(?!\w)",
    "ru": r"(?<![\w.,])(?P<value>(?:1\d|20)?\d0)-?(?:е|х|ые|ых|м)(?!\w)",
    "de": r"(?<![\w.,])(?P<value>(?:1\d|20)?\d0)-?er(?:[ \u00a0-]?Jahre\w*)?(?!\w)",
    "es": r"(?:años|década[ \u00a0]+de(?:[ \u00a0]+los)?|los)[ \u00a0]+'?(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
    "fr": r"années[ \u00a0]+'?(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
}


# How far before a run of digits a decade may start where its pattern opens at the figure ("'90s", "90-е",
# "90er"): only there is it looked for. A pattern that opens with a word ("los años 90") is looked for anywhere.
DECADE_REACH: dict[str, int] = {"en": 1, "ru": 0, "de": 0}


# Decade patterns that may also be a plain figure ("los 30 acuerdos", "dos años 20 tiendas"):
# the decade keeps the number as a reading.
DECADE_OR_FIGURE = frozenset({"es", "fr"})


# A four-digit decade ending in 00 that may also be a century: "the 1800s", "in the 2000s", "seit den
# 1800er Jahren", "les années 1800" (in Spanish "los años 1000" are years: left to the numbers).
DECADE_OR_CENTURY = frozenset({"en", "de", "fr"})


# Tens as decade words: "the nineties", "девяностые", "Neunziger", "los noventa", "années quatre-vingt-dix".
DECADE_WORDS: dict[str, dict[str, int]] = {
    "en": {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
           "seventies": 70, "eighties": 80, "nineties": 90},
    "ru": {"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
           "семидесят": 70, "восьмидесят": 80, "девяност": 90},
    "de": {"zwanziger": 20, "dreißiger": 30, "vierziger": 40, "fünfziger": 50, "sechziger": 60,
           "siebziger": 70, "achtziger": 80, "neunziger": 90},
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90},
    "fr": {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
           "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90},
}


# The endings a decade word takes (for a quick look-up before the patterns below).
DECADE_WORD_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ые", "ых", "ым", "ыми", "ое"), "de": ("", "n", "jahre", "jahren"),
}


# How a decade word is written around its tens, a regex with a ``word`` group.
DECADE_WORD_PATTERNS: dict[str, str] = {
    "en": r"(?<!\w)(?P<word>{0})(?!\w)",
    "ru": r"(?<!\w)(?P<word>{0})(?:ые|ых|ым|ыми|ое)(?!\w)",
    "de": r"(?<!\w)(?P<word>{0})(?:jahre\w*|n)?(?!\w)",
    "es": r"(?<!\w)(?:años|los)[ \u00a0]+(?P<word>{0})(?!\w)",
    "fr": r"(?<!\w)années[ \u00a0]+(?P<word>{0})(?!\w)",
}


# Words between a figure and its unit or currency: "5 millones de dólares", "4 millions d'euros".
UNIT_LINKS: dict[str, tuple[str, ...]] = {"es": ("de",), "fr": ("de", "d'")}


# Numeric dates written month first with a slash ("11/9/2020" is November 9 in English).
MONTH_FIRST = frozenset({"en"})


# Languages that mark a 12-hour clock with a.m./p.m.
AMPM_LANGS = frozenset({"en", "es"})


# "1200 hours": a 24-hour time written without a separator, always with this word after it.
MILITARY_AFTER: dict[str, tuple[str, ...]] = {"en": ("hours", "hrs")}


# Words before an hour in words that make it a time of day by themselves ("a las tres").
CLOCK_WORD_CUES: dict[str, tuple[str, ...]] = {"es": ("a las", "a la", "hasta las", "desde las", "sobre las")}


# Words that move an hour in words by some minutes, before it ("half past six", "halb elf" = 10:30) or
# after it and its clock word ("las diez y media", "neuf heures moins vingt"). "{n}" is a number of
# minutes in words ("zwanzig vor neun"), read only with a clock cue before it or a clock word after the
# hour ("two to three weeks" is no time): its value is the sign.
CLOCK_SHIFT_BEFORE: dict[str, dict[str, int]] = {
    "en": {"half past": 30, "quarter past": 15, "quarter to": -15, "{n} past": 1,  # not "{n} to": "five to seven"
           "{n} minutes past": 1, "{n} minutes to": -1},
    "de": {"halb": -30, "viertel nach": 15, "viertel vor": -15, "dreiviertel": -15, "{n} nach": 1, "{n} vor": -1},
}
CLOCK_SHIFT_AFTER: dict[str, dict[str, int]] = {
    "es": {"y media": 30, "y cuarto": 15, "menos cuarto": -15, "menos {n}": -1},
    "fr": {"et demie": 30, "et demi": 30, "et quart": 15, "moins le quart": -15, "moins quart": -15, "moins {n}": -1},
}


# The first day of a month in words: "el primero de octubre", "le premier octobre".
FIRST_DAY_WORDS: dict[str, tuple[str, ...]] = {"es": ("primero",), "fr": ("premier",)}


# Words that join a list's item to the next ("…; and", "…, und", "…; а также"): an item may end on one.
ITEM_JOINERS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or"}), "de": frozenset({"und", "oder", "sowie"}), "fr": frozenset({"et", "ou", "que"}),
    "es": frozenset({"y", "e", "o", "u"}), "ru": frozenset({"и", "или", "также", "либо"}),
}

# Words for a night, which belongs to two days ("Saturday night" is "in der Nacht zum Sonntag").
NIGHT_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"night", "overnight", "midnight"}), "de": frozenset({"nacht", "nachts", "mitternacht"}),
    "fr": frozenset({"nuit", "minuit"}), "es": frozenset({"noche", "madrugada", "medianoche"}),
    "ru": frozenset({"ночь", "ночью", "ночи", "полночь"}),
}


# Day names that are also everyday words, read only in these patterns: Russian "среда" is also "environment"
# ("в среду" is on Wednesday, "в окружающую среду" into the environment).
WEEKDAYS_IN_CONTEXT: dict[str, dict[int, str]] = {
    "ru": {2: r"(?<!\w)(?:(?:в|во|на)\s+среду|(?:до|со|с)\s+среды|к\s+среде)(?!\w)"},
}
# What a day of the week is written joined to ("Sonntagabend"), and the letter that joins it to a noun
# ("Dienstagsgeschäfte"); not any word a day's name starts ("Montage").
WEEKDAY_JOINS: dict[str, tuple[frozenset[str], str]] = {
    "de": (frozenset(part + s for part in ("abend", "morgen", "vormittag", "mittag", "nachmittag", "nacht")
                     for s in ("", "s")), "s"),
}
