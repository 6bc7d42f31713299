"""Language data for figures: number words, scales, units, currencies, clocks, centuries, decades.

Scale words (CLDR's compact number forms: ``Mrd.``, ``mil millones``,
``тысячи``), unit names in every plural form and the parts of the day
(``de la tarde``, ``вечера``) come from CLDR through Babel, read on first use
and cached. What CLDR does not carry is typed here as plain tables, one entry
per language: number words with their Russian cases, press abbreviations
(``bn``, ``Mio.``), currencies, the words that mark a time of day, ordinal
suffixes, centuries and decades. Babel offers no spell-out (RBNF) parser, so
number words are tables and ``anchors`` composes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from .model import Unit

@cache
def scale_words(lang: str) -> dict[str, int]:
    """Lower-cased scale word or abbreviation → power of ten: CLDR's compact forms plus ``SCALE_WORDS``.

    CLDR gives each plural form (``Million``/``Millionen``, ``тысяча``/``тысячи``/``тысяч``)
    and the short forms (``Mrd.``, ``млн``); one-letter short forms (``K``, ``M``, ``B``)
    are left out, they are too often something else.

    >>> scale_words("es")["mil millones"], scale_words("ru")["тысячами"], scale_words("de")["mrd"]
    (9, 3, 9)
    """
    words: dict[str, int] = {}
    try:
        compact = Locale.parse(lang)._data["compact_decimal_formats"]
    except (UnknownLocaleError, ValueError):
        compact = {}
    for width in ("long", "short"):
        for patterns in compact.get(width, {}).values():
            for magnitude, pattern in patterns.items():
                word = re.sub(r"[\d\s'.]+", " ", pattern.pattern).strip().lower()
                zeros = pattern.pattern.count("0")
                if zeros and word and all(len(part) >= 2 for part in word.split()) and len(magnitude) - zeros >= 3:
                    words[word] = len(magnitude) - zeros
    for stem, (power, endings) in SCALE_STEMS.get(lang, {}).items():
        words.update(dict.fromkeys((stem + end for end in endings), power))
    words.update(SCALE_WORDS.get(lang, {}))
    return words


# Babel unit key → (dimension, factor to the dimension's base unit, offset).
_CLDR_UNITS: dict[str, tuple[str, float, float]] = {
    "length-kilometer": ("length", 1000.0, 0.0), "length-meter": ("length", 1.0, 0.0),
    "length-centimeter": ("length", 0.01, 0.0), "length-mile": ("length", 1609.344, 0.0),
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


# --- Figures: number words, scales, units, currencies, clocks, centuries, decades ---------------
# (CLDR through Babel gives separators, months, scale words, unit names and day periods above;
# what it does not carry is typed here.)

# Number words that add up (units, teens, tens, whole hundreds), in every form used.
# "one" and its kin are in ONE_WORDS instead: alone they are articles or pronouns.
NUMBER_WORDS: dict[str, dict[str, float]] = {
    "en": {"zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           # ordinals from "third" ("first" and "second" are other words too)
           "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
           "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
           "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
           "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90},
    "ru": {"ноль": 0, "нуль": 0, "полтора": 1.5, "полторы": 1.5, "полутора": 1.5,
           "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "три": 3, "трёх": 3, "трех": 3, "трём": 3,
           "трем": 3, "тремя": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "четырём": 4, "четырем": 4,
           "четырьмя": 4, "сорок": 40, "сорока": 40, "девяносто": 90, "девяноста": 90, "сто": 100, "ста": 100,
           **{stem + end: value for stem, value in (
               ("пят", 5), ("шест", 6), ("сем", 7), ("девят", 9), ("десят", 10), ("одиннадцат", 11),
               ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
               ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
               ("двадцат", 20), ("тридцат", 30)) for end in ("ь", "и", "ью")},
           "восемь": 8, "восьми": 8, "восемью": 8, "восьмью": 8,
           **{form: value for value, forms in (
               (50, "пятьдесят пятидесяти пятьюдесятью"), (60, "шестьдесят шестидесяти шестьюдесятью"),
               (70, "семьдесят семидесяти семьюдесятью"), (80, "восемьдесят восьмидесяти восемьюдесятью"),
               (200, "двести двухсот двумстам двумястами двухстах"),
               (300, "триста трёхсот трехсот трёмстам тремстам тремястами трёхстах трехстах"),
               (400, "четыреста четырёхсот четырехсот четырёмстам четырьмястами четырёхстах четырехстах"),
               (500, "пятьсот пятисот пятистам пятьюстами пятистах"),
               (600, "шестьсот шестисот шестистам шестьюстами шестистах"),
               (700, "семьсот семисот семистам семьюстами семистах"),
               (800, "восемьсот восьмисот восьмистам восемьюстами восьмистах"),
               (900, "девятьсот девятисот девятистам девятьюстами девятистах")) for form in forms.split()}},
    "de": {"null": 0, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
           "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
           "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
           "neunzig": 90, "anderthalb": 1.5, "eineinhalb": 1.5},
    "es": {"cero": 0, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
           "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
           "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "veintiuno": 21, "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintitrés": 23,
           "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
           "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
           "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
           **{form: value for value, stem in ((200, "doscient"), (300, "trescient"), (400, "cuatrocient"),
                                              (500, "quinient"), (600, "seiscient"), (700, "setecient"),
                                              (800, "ochocient"), (900, "novecient"))
              for form in (stem + "os", stem + "as")}},
    "fr": {"zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
           "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30,
           "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80,
           "quatre-vingts": 80, "quatre-vingt-dix": 90},
}

# Words that multiply what comes before them but are not scales: "five hundred", "cinq cents", "three dozen".
MULTIPLIER_WORDS: dict[str, dict[str, int]] = {
    "en": {"hundred": 100, "dozen": 12},
    "de": {"hundert": 100, "dutzend": 12},
    "fr": {"cent": 100, "cents": 100, "douzaine": 12, "douzaines": 12},
    "es": {"docena": 12, "docenas": 12},
    "ru": {"дюжина": 12, "дюжины": 12},
}

# "one" and the indefinite article: a number only before a multiplier or scale ("a million", "eine Million").
ONE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("one", "a", "an"),
    "de": ("ein", "eine", "einer", "einem", "einen", "eins"),
    "es": ("un", "una", "uno"),
    "fr": ("un", "une"),
    "ru": ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одном"),
}

# Half: added to what it follows ("3 millions et demi", "two and a half") or, first, halving a scale
# ("half a million", "medio millón", "eine halbe Million").
HALF_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("half",), "de": ("einhalb", "halb", "halbe", "halben"), "es": ("medio", "media"),
    "fr": ("demi", "demie"), "ru": ("половиной",),
}
# Quarters: alone a quarter ("a quarter of a million", "четверть миллиона"), after a count that many
# quarters ("three quarters", "drei Viertel", "три четверти").
QUARTER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("quarter", "quarters", "fourths"), "de": ("viertel",), "es": ("cuarto", "cuartos"),
    "fr": ("quart", "quarts"), "ru": ("четверть", "четверти"),
}
# Prefixes that halve a scale word glued to them: "полмиллиона".
HALF_PREFIXES: dict[str, tuple[str, ...]] = {"ru": ("пол",)}

# Words that may join two parts of one number: "two hundred and fifty", "treinta y cinco",
# "vingt et un", "fünfundzwanzig", "три с половиной".
NUMBER_JOINERS: dict[str, tuple[str, ...]] = {
    "en": ("and", "of"), "de": ("und",), "es": ("y", "de"), "fr": ("et", "de"), "ru": ("с",),
}

# Languages that write number words as one compound ("zweihundertfünfzigtausend").
COMPOUND_NUMERALS = frozenset({"de"})

# Scale words CLDR's compact forms do not give (abbreviations of the press, plurals, long-scale names).
SCALE_WORDS: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "thousands": 3, "million": 6, "millions": 6, "mln": 6, "mn": 6, "m": 6, "k": 3,
           "billion": 9, "billions": 9, "bn": 9, "bln": 9, "trillion": 12, "trillions": 12, "tn": 12},
    "de": {"tausend": 3, "tsd": 3, "mio": 6, "mrd": 9, "mia": 9, "bio": 12, "m": 6},
    "es": {"mil": 3, "miles": 3, "mill": 6, "millardo": 9, "millardos": 9, "m": 6},
    "fr": {"milliers": 3, "millier": 3, "milles": 3, "m": 6, "md": 9, "mds": 9, "mrd": 9, "mrds": 9, "billions": 12},
    "ru": {"тыс": 3, "млн": 6, "млрд": 9, "трлн": 12},
}
# Russian scale nouns in all their cases: stem → (power of ten, endings).
_NOUN_ENDINGS = ("", "а", "ов", "у", "ом", "е", "ы", "ам", "ами", "ах")
_ADJECTIVE_ENDINGS = ("ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми")
# ... and their adjectives ("100-тысячного штрафа": a fine of 100 thousand).
SCALE_STEMS: dict[str, dict[str, tuple[int, tuple[str, ...]]]] = {
    "ru": {"тысяч": (3, ("а", "и", "", "у", "ей", "ею", "е", "ам", "ами", "ах")),
           "миллион": (6, _NOUN_ENDINGS), "миллиард": (9, _NOUN_ENDINGS), "триллион": (12, _NOUN_ENDINGS),
           "тысячн": (3, _ADJECTIVE_ENDINGS), "миллионн": (6, _ADJECTIVE_ENDINGS),
           "миллиардн": (9, _ADJECTIVE_ENDINGS)},
}
# Scale words that stand for one of them alone ("mil personas", "тысяча человек"); plural ones
# ("Tausende", "тысячи людей", "millions") are vague and are not figures.
BARE_SCALES: dict[str, tuple[str, ...]] = {
    "en": (), "de": ("tausend",), "es": ("mil",), "fr": ("mille",),
    "ru": ("тысяча", "тысячу", "миллион", "миллиард"),
}
# Words between a number and its scale word, or between two scale words:
# "3,5 miles de millones", "serán 40 los millones de afectados".
SCALE_LINKS: dict[str, tuple[str, ...]] = {"es": ("de", "los", "las")}
# Scale words after digits that may also be a unit: "400m" (metres, or millions), "26,2 milles" (miles, or
# thousands misspelt, as in "60milles travailleurs"); the figure keeps the unscaled reading in that unit.
# They are not number words: "trois milles" is three miles.
SCALE_OR_UNIT: dict[str, dict[str, str]] = {
    "en": {"m": "length-meter"}, "de": {"m": "length-meter"}, "es": {"m": "length-meter"},
    "fr": {"m": "length-meter", "milles": "length-mile"},
}
# Where such a word after digits is first of all a scale ("£80m" in the English press); elsewhere the
# unit comes first and the scale is the other reading ("1,50m" in French; "5m-6m" kept from English).
SCALE_FIRST: dict[str, frozenset[str]] = {"en": frozenset({"m"}), "fr": frozenset({"milles"})}
# Half after a scale word ("3 millions et demi") or after the thing counted ("dos meses y medio",
# "sept ans et demi").
HALF_AFTER_SCALE: dict[str, tuple[str, ...]] = {
    "en": ("and a half",), "de": ("einhalb",), "es": ("y medio", "y media"),
    "fr": ("et demi", "et demie"), "ru": ("с половиной",),
}

# Unit words CLDR's long names miss, per language ("*": every language): word → Babel unit key.
UNIT_LOCALE_VARIANTS: dict[str, tuple[str, ...]] = {"en": ("en_GB",)}
UNIT_WORDS: dict[str, dict[str, str]] = {
    "*": {"km": "length-kilometer", "m": "length-meter", "cm": "length-centimeter", "mm": "length-meter",
          "mi": "length-mile", "ft": "length-foot", "yd": "length-yard", "kg": "mass-kilogram",
          "lb": "mass-pound", "lbs": "mass-pound", "°c": "temperature-celsius", "ºc": "temperature-celsius",
          "°f": "temperature-fahrenheit", "ºf": "temperature-fahrenheit", "°": "degree", "º": "degree",
          "km/h": "speed-kilometer-per-hour", "kmh": "speed-kilometer-per-hour", "mph": "speed-mile-per-hour",
          "ha": "area-hectare", "km2": "area-square-kilometer", "km²": "area-square-kilometer",
          "км": "length-kilometer", "кг": "mass-kilogram", "км/ч": "speed-kilometer-per-hour", "га": "area-hectare"},
    "en": {"degrees": "degree", "degree": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram",
           "hours": "duration-hour", "hour": "duration-hour", "minutes": "duration-minute"},
    "de": {"grad": "degree", "kilo": "mass-kilogram", "stunden": "duration-hour", "stunde": "duration-hour",
           # the dative plural CLDR does not give ("nach 30 Kilometern")
           "kilometern": "length-kilometer", "metern": "length-meter", "zentimetern": "length-centimeter",
           "millimetern": "length-meter", "litern": "volume-liter", "tonnen": "mass-tonne"},
    "es": {"grados": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram", "horas": "duration-hour",
           "hora": "duration-hour"},
    "fr": {"degrés": "degree", "degré": "degree", "kilos": "mass-kilogram", "kilo": "mass-kilogram",
           "heures": "duration-hour", "heure": "duration-hour"},
    "ru": {"градусов": "degree", "градуса": "degree", "градус": "degree", "часов": "duration-hour",
           "часа": "duration-hour", "час": "duration-hour",
           # the cases CLDR does not give ("в 30 километрах", "на 5 метрах")
           **{stem + end: key for stem, key in (("километр", "length-kilometer"), ("метр", "length-meter"),
                                               ("сантиметр", "length-centimeter"), ("литр", "volume-liter"),
                                               ("килограмм", "mass-kilogram"))
              for end in ("ах", "ами", "ам", "ом", "е", "у")},
           **{form: "length-mile" for form in ("милях", "милями", "милям")}},
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

PERCENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "percentage points", "percentage point"),
    "ru": ("процент", "процента", "процентов", "процентам", "процентами", "процентных пункта",
           "процентных пунктов", "проц"),
    "de": ("prozent", "prozentpunkte", "prozentpunkten"),
    "es": ("por ciento", "puntos porcentuales"),
    "fr": ("pour cent", "pourcent", "points de pourcentage"),
}

# Suffixes that make a figure an ordinal ("13th", "13-го", "13º", "21ème").
ORDINAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("st", "nd", "rd", "th"),
    "de": (),
    "es": ("º", "ª", ".º", ".ª"),
    "fr": ("er", "re", "e", "ème", "eme", "è", "ᵉ"),
    "ru": ("-го", "-й", "-я", "-е", "-х", "-м", "-ми", "-ом", "-ого", "-ый", "-ая", "-ое", "-ых", "-ые", "-ти",
           "го", "й", "я", "е", "х", "м", "ми", "ом", "ого", "ый", "ая", "ое", "ых", "ые", "ти"),
}

CENTURY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("century", "centuries"),
    "ru": ("век", "века", "веке", "веков", "векам", "веками", "веках"),
    "de": ("jahrhundert", "jahrhunderts", "jahrhunderte", "jahrhunderten", "jh", "jhd", "jhdt"),
    "es": ("siglo", "siglos"),
    "fr": ("siècle", "siècles"),
}

# Decades written with figures, as a regex per language with a ``value`` group
# (``1990s``, ``'90s``, ``1990-х``, ``90-е годы``, ``1990er``, ``años 90``, ``années 1990``).
DECADE_PATTERNS: dict[str, str] = {
    "en": r"(?<![\w'])'?(?P<value>(?:1\d|20)?\d0)'?s(?!\w)",
    "ru": r"(?<![\w.,])(?P<value>(?:1\d|20)?\d0)-?(?:е|х|ые|ых|м)(?!\w)",
    "de": r"(?<![\w.,])(?P<value>(?:1\d|20)?\d0)-?er(?:[ \u00a0-]?Jahre\w*)?(?!\w)",
    "es": r"(?:años|década[ \u00a0]+de(?:[ \u00a0]+los)?|los)[ \u00a0]+'?(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
    "fr": r"années[ \u00a0]+'?(?P<value>(?:1\d|20)?\d0)(?![\d\w]|[.,]\d)",
}
# Decade patterns that may also be a plain figure ("los 30 acuerdos", "dos años 20 tiendas"):
# the decade keeps the number as a reading.
DECADE_OR_FIGURE = frozenset({"es", "fr"})
# A four-digit decade ending in 00 that may also be a century: "the 1800s", "in the 2000s".
DECADE_OR_CENTURY = frozenset({"en"})

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

# Words between the two figures of a range or a pair that share what is written after the second:
# "20 bis 25 Tausend", "от 5 до 7 тысяч", "entre 2 et 3 milliards", "2 to 4 inches", "11th and 13th centuries".
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("to", "or", "and"), "de": ("bis", "oder", "und"), "es": ("a", "y", "o"),
    "fr": ("à", "et", "ou"), "ru": ("до", "или", "и"),
}

# Numeric dates written month first with a slash ("11/9/2020" is November 9 in English).
MONTH_FIRST = frozenset({"en"})
# Fractions written after digits: "2 1/2-hour", "2½".
FRACTIONS: dict[str, str] = {"1/2": "0.5", "½": "0.5", "1/4": "0.25", "¼": "0.25", "3/4": "0.75", "¾": "0.75"}
# Languages that mark a 12-hour clock with a.m./p.m.
AMPM_LANGS = frozenset({"en", "es"})
# "1200 hours": a 24-hour time written without a separator, always with this word after it.
MILITARY_AFTER: dict[str, tuple[str, ...]] = {"en": ("hours", "hrs")}
# Words before an hour in words that make it a time of day by themselves ("a las tres").
CLOCK_WORD_CUES: dict[str, tuple[str, ...]] = {"es": ("a las", "a la", "hasta las", "desde las", "sobre las")}

# Ordinals in words, as the number they count ("treizième minute", "двадцатого века", "dreizehnte"):
# suffix rewrites that lead back to the cardinal, and the irregular ones.
ORDINAL_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("ième", ""), ("ième", "e"), ("uième", ""), ("vième", "f"), ("ièmes", ""), ("ièmes", "e")),
    "de": tuple((ending, "") for ending in ("ste", "sten", "ster", "stes", "stem", "te", "ten", "ter", "tes", "tem")),
    "ru": tuple((ending, "ь") for ending in ("ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми")),
}
ORDINAL_WORDS: dict[str, dict[str, int]] = {
    "de": {form: value for value, stem in ((3, "dritt"), (7, "siebt"), (8, "acht"))
           for form in (stem + e for e in ("e", "en", "er", "es", "em")) if form != "achten"},  # "achten": to heed
    "ru": {stem + end: value for value, stem in (
        (2, "втор"), (4, "четвёрт"), (4, "четверт"), (6, "шест"), (7, "седьм"), (8, "восьм"), (40, "сороков"),
        (50, "пятидесят"), (60, "шестидесят"), (70, "семидесят"), (80, "восьмидесят"), (90, "девяност"),
        (100, "сот")) for end in ("ой", "ый", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми")}
        | {"третий": 3, "третьего": 3, "третьему": 3, "третьим": 3, "третьем": 3, "третья": 3, "третьей": 3,
           "третью": 3, "третье": 3, "третьи": 3, "третьих": 3},
    "es": {form: value for value, stem in (
        (3, "tercer"), (5, "quint"), (6, "sext"), (7, "séptim"), (8, "octav"), (9, "noven"), (10, "décim"),
        (11, "undécim"), (12, "duodécim"), (13, "decimotercer"), (14, "decimocuart"), (15, "decimoquint"),
        (20, "vigésim"), (30, "trigésim"), (40, "cuadragésim"), (50, "quincuagésim"))
        for form in (stem + "o", stem + "a", stem + "os", stem + "as")} | {"tercer": 3},
}
# Scale words that take no "one" before them in this language: "un mille" is a mile, not a thousand.
NO_ONE_BEFORE: dict[str, tuple[str, ...]] = {"fr": ("mille",), "es": ("mil",)}
# Words before a bare scale or hundred that make it vague: "mehrere tausend", "several hundred", "unos miles".
VAGUE_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("several", "few", "many", "some", "hundreds", "thousands"),
    "de": ("mehrere", "einige", "paar", "viele", "hunderte", "tausende"),
    "es": ("varios", "varias", "algunos", "algunas", "cientos", "miles"),
    "fr": ("plusieurs", "quelques", "centaines", "milliers"),
    "ru": ("несколько", "нескольких", "сотни", "тысячи"),
}
# The first day of a month in words: "el primero de octubre", "le premier octobre".
FIRST_DAY_WORDS: dict[str, tuple[str, ...]] = {"es": ("primero",), "fr": ("premier",)}
