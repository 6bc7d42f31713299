"""Language data for numbers: number words, scale words, ordinals, halves, ranges.

Scale words come from CLDR's compact number forms through Babel (``Mrd.``,
``mil millones``, ``тысячи``), read on first use and cached. What CLDR does not
carry is typed here as plain tables, one entry per language: number words with
their Russian cases, press abbreviations (``bn``, ``Mio.``), ordinal endings,
halves and quarters. Babel has no spell-out (RBNF) parser, so number words are
tables and ``number_words`` composes them. Units, currencies, clocks and eras
are in ``measures``.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError


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
           "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
           # "first" and "second" as the last part of a compound ordinal ("the twenty-first century")
           **{f"{tens}-{unit}": value + add for tens, value in (
               ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
               ("eighty", 80), ("ninety", 90)) for unit, add in (("first", 1), ("second", 2))}},
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


# Suffixes that make a figure an ordinal ("13th", "13-го", "13º", "21ème").
ORDINAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("st", "nd", "rd", "th"),
    "de": (),
    "es": ("º", "ª", ".º", ".ª"),
    "fr": ("er", "re", "e", "ème", "eme", "è", "ᵉ"),
    "ru": ("-го", "-й", "-я", "-е", "-х", "-м", "-ми", "-ом", "-ого", "-ый", "-ая", "-ое", "-ых", "-ые", "-ти",
           "го", "й", "я", "е", "х", "м", "ми", "ом", "ого", "ый", "ая", "ое", "ых", "ые", "ти"),
}


# Words between the two figures of a range or a pair that share what is written after the second:
# "20 bis 25 Tausend", "от 5 до 7 тысяч", "entre 2 et 3 milliards", "2 to 4 inches", "11th and 13th centuries".
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("to the", "and the", "to", "or", "and"), "de": ("bis", "oder", "und"), "es": ("a", "y", "o"),
    "fr": ("à", "et", "ou"), "ru": ("до", "или", "и"),
}


# Fractions written after digits: "2 1/2-hour", "2½".
FRACTIONS: dict[str, str] = {"1/2": "0.5", "½": "0.5", "1/4": "0.25", "¼": "0.25", "3/4": "0.75", "¾": "0.75"}


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
    "fr": {"unième": 1},  # only ever the end of a compound: "trente-et-unième", "vingt et unième"
}


# Scale words that take no "one" before them in this language: "un mille" is a mile, not a thousand.
NO_ONE_BEFORE: dict[str, tuple[str, ...]] = {"fr": ("mille",), "es": ("mil",)}
# Words after which such a scale word is a noun, not a count: "dans le mille" (the bull's-eye).
NOUN_AFTER: dict[str, tuple[str, ...]] = {"fr": ("le", "du", "au", "ce")}
# Scale words in the genitive that count one after these words: "около тысячи тонн" (about a thousand
# tonnes), while "тысячи людей" alone is thousands of people.
ONE_IN_GENITIVE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ru": (("около", "более", "свыше", "менее", "почти", "до", "порядка"), ("тысячи", "миллиона", "миллиарда")),
}


# Words before a bare scale or hundred that make it vague: "mehrere tausend", "several hundred", "unos miles".
VAGUE_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("several", "few", "many", "some", "hundreds", "thousands"),
    "de": ("mehrere", "einige", "paar", "viele", "hunderte", "tausende"),
    "es": ("varios", "varias", "algunos", "algunas", "cientos", "miles"),
    "fr": ("plusieurs", "quelques", "centaines", "milliers"),
    "ru": ("несколько", "нескольких", "сотни", "тысячи"),
}

# What common counts count, per language: two numbers in words are compared only when they count the
# same thing ("seven years" / "ocho años"), not "thirty communities" / "dos veces" (see ``divergence``).
COUNTED_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "year": {"en": ("year", "years"), "es": ("año", "años"), "de": ("jahr", "jahre", "jahren", "jahres"),
             "fr": ("an", "ans", "année", "années"), "ru": ("год", "года", "лет", "годы", "годам")},
    "month": {"en": ("month", "months"), "es": ("mes", "meses"), "de": ("monat", "monate", "monaten"),
              "fr": ("mois",), "ru": ("месяц", "месяца", "месяцев")},
    "week": {"en": ("week", "weeks"), "es": ("semana", "semanas"), "de": ("woche", "wochen"),
             "fr": ("semaine", "semaines"), "ru": ("неделя", "недели", "недель")},
    "day": {"en": ("day", "days"), "es": ("día", "días", "dia", "dias"), "de": ("tag", "tage", "tagen"),
            "fr": ("jour", "jours", "journée", "journées"), "ru": ("день", "дня", "дней")},
    "hour": {"en": ("hour", "hours"), "es": ("hora", "horas"), "de": ("stunde", "stunden"),
             "fr": ("heure", "heures"), "ru": ("час", "часа", "часов")},
    "minute": {"en": ("minute", "minutes"), "es": ("minuto", "minutos"), "de": ("minute", "minuten"),
               "fr": ("minute", "minutes"), "ru": ("минута", "минуты", "минут")},
    "person": {"en": ("people", "persons", "person", "men", "women", "children"),
               "es": ("personas", "persona", "hombres", "mujeres", "niños", "gente"),
               "de": ("menschen", "personen", "männer", "frauen", "kinder", "leute"),
               "fr": ("personnes", "personne", "hommes", "femmes", "enfants", "gens"),
               "ru": ("человек", "людей", "мужчин", "женщин", "детей", "человека")},
    "time": {"en": ("times",), "es": ("veces", "vez"), "de": ("mal",), "fr": ("fois",), "ru": ("раз", "раза")},
}

# A share in words that a percentage restates ("50 percent" / "die Hälfte", "10 %" / "un dixième"):
# percent values per word, the word's forms per language. Read only against a percentage one side lacks.
SHARE_WORDS: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {
    ("50",): {"en": ("half", "halves"), "de": ("hälfte", "halb", "halbe", "halben"), "es": ("mitad", "medio"),
              "fr": ("moitié", "demi"), "ru": ("половина", "половину", "половины", "половиной", "половине")},
    ("25",): {"en": ("quarter", "quarters"), "de": ("viertel",), "es": ("cuarto", "cuarta"), "fr": ("quart",),
              "ru": ("четверть", "четверти")},
    ("75",): {"en": ("three-quarters",), "de": ("dreiviertel",), "es": ("tres cuartas",),
              "fr": ("trois quarts",), "ru": ("три четверти",)},
    ("33", "33.3", "30"): {"en": ("third", "thirds"), "de": ("drittel",), "es": ("tercio", "tercera"),
                           "fr": ("tiers",), "ru": ("треть", "трети")},
    ("20",): {"en": ("fifth",), "de": ("fünftel",), "es": ("quinta",), "fr": ("cinquième",), "ru": ("пятая",)},
    ("10",): {"en": ("tenth",), "de": ("zehntel",), "es": ("décima",), "fr": ("dixième",), "ru": ("десятая",)},
}
