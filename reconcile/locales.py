"""Language knowledge as data: separators, months, organisations, names, page chrome.

Separators and month names come from CLDR through Babel, read on first use and
cached, so nothing is computed at import. Everything CLDR does not carry
(acronyms of organisations, the Russian month cases) is typed here as plain
tables, one entry per language, and nowhere else. The language data of
figures (number words, scales, units, clocks, decades) is in ``numerals``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

LANGS = ("ru", "en", "de", "es", "fr")


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a locale writes numbers (CLDR ``latn`` symbols)."""

    decimal: str
    group: str


@cache
def number_format(lang: str) -> NumberFormat:
    """Decimal and group symbols from CLDR; unknown languages fall back to English."""
    try:
        symbols = Locale.parse(lang).number_symbols["latn"]
    except (UnknownLocaleError, ValueError):
        symbols = Locale.parse("en").number_symbols["latn"]
    return NumberFormat(decimal=symbols["decimal"], group=symbols["group"])


def _russian_cases(nominative: str) -> set[str]:
    """Case forms of a Russian month name, which CLDR gives only as nominative and genitive.

    ``ноябрь`` → ноября, ноябре, ноябрю, ноябрём; ``март`` → марта, марте …
    """
    if nominative[-1] in "ьй":
        stem = nominative[:-1]
        return {stem + end for end in ("я", "е", "ю", "ем", "ём")}
    return {nominative + end for end in ("а", "е", "у", "ом")}


# Month names CLDR does not list: oblique cases (from the stand-alone name), common short forms.
MONTH_CASES: dict[str, Callable[[str], set[str]]] = {"ru": _russian_cases}
MONTH_EXTRAS: dict[str, dict[str, int]] = {"en": {"sept": 9}, "de": {"sept": 9}}


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-cased month name → month number, in every form the language uses.

    Both CLDR contexts (format: Russian genitive ``ноября``; stand-alone:
    ``ноябрь``) and the abbreviations without their dot.
    """
    locale = Locale.parse(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    names[name] = number
    cases = MONTH_CASES.get(lang)
    if cases is not None:
        for number, name in locale.months["stand-alone"]["wide"].items():
            names.update(dict.fromkeys(cases(name.lower()), number))
    names.update(MONTH_EXTRAS.get(lang, {}))
    return names


# Typical length of a text in characters relative to its English version: the
# aligner's starting point, refined from each document's own confident links.
LENGTH_RELATIVE_TO_ENGLISH: dict[str, float] = {"en": 1.0, "ru": 1.10, "de": 1.20, "es": 1.15, "fr": 1.15}

# International organisations whose acronym differs by language: canonical key → spellings.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "UN": ("ООН", "UN", "ONU", "UNO"),
    "OSCE": ("ОБСЕ", "OSCE", "OSZE"),
    "NATO": ("НАТО", "NATO", "OTAN"),
    "UNESCO": ("ЮНЕСКО", "UNESCO"),
    "ICRC": ("МККК", "ICRC", "IKRK", "CICR"),
    "UNHCR": ("УВКБ", "UNHCR", "ACNUR", "HCR"),
    "WFP": ("ВПП", "WFP", "PMA", "PAM"),
    "OCHA": ("УКГВ", "OCHA", "UNOCHA", "BCAH"),
    "EU": ("ЕС", "EU", "UE"),
    "WHO": ("ВОЗ", "WHO", "OMS"),
    "IMF": ("МВФ", "IMF", "IWF", "FMI"),
    "UNICEF": ("ЮНИСЕФ", "UNICEF"),
    "WTO": ("ВТО", "WTO", "OMC"),
    "CIS": ("СНГ", "CIS", "GUS", "CEI"),
    "CSTO": ("ОДКБ", "CSTO", "OVKS", "OTSC"),
    "USA": ("США", "USA", "EE. UU.", "EE.UU.", "EEUU", "EUA"),
    "UK": ("UK",),
    "FIFA": ("ФИФА", "FIFA"),
    "IAEA": ("МАГАТЭ", "IAEA", "IAEO", "OIEA", "AIEA"),
    "UNSC": ("СБ ООН",),
    "PACE": ("ПАСЕ", "PACE", "APCE"),
    "CoE": ("CoE",),
    "BRICS": ("БРИКС", "BRICS"),
    "SCO": ("ШОС", "SCO", "SOZ", "OCS"),
    "ASEAN": ("АСЕАН", "ASEAN"),
    "OPEC": ("ОПЕК", "OPEC", "OPEP"),
    "FBI": ("ФБР", "FBI"),
    "CIA": ("ЦРУ", "CIA"),
    "GDP": ("ВВП", "GDP", "BIP", "PIB"),
}

# Latin transliteration of Cyrillic, for comparing names across scripts.
CYRILLIC_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})

# Writing system per language: a misspelt name is only looked for between editions in one script.
SCRIPTS: dict[str, str] = {"ru": "cyrillic", "en": "latin", "de": "latin", "es": "latin", "fr": "latin"}
# Languages that capitalise every noun, so that a capitalised word is no sign of a name.
CAPITALISED_NOUNS = frozenset({"de"})

# Capitalised words that are not names (titles, salutations, sentence openers after quotes).
NOT_NAMES = frozenset(
    "mr mrs ms dr the this that these those there today however president minister "
    "господин госпожа уважаемый уважаемые президент министр "
    "herr frau der die das sehr präsident minister uhr "
    "señor señora sr sra el la los las presidente ministro "
    "monsieur madame le la les président ministre".split()
)

# Language names as language switchers print them.
LANGUAGE_NAMES = frozenset(
    "english русский deutsch español espanol français francais russian german spanish french "
    "eng rus deu fra esp".split()
)

# Words that, followed by a colon, open a line of page furniture ("Source: kremlin.ru").
CHROME_LABELS = (
    "source", "sources", "источник", "quelle", "fuente", "photo", "фото", "foto", "share", "поделиться",
    "teilen", "compartir", "partager", "print", "печать", "drucken", "imprimir", "imprimer", "tags", "теги",
    "read more", "читать далее",
)

# Whole lines that are page furniture wherever they stand (compared lower-case, without final punctuation).
CHROME_LINES = frozenset("""
print version|printable version|print|share|share this|tweet|subscribe|back to top|read more|related news|related
версия для печати|распечатать|печать|поделиться|подписаться|наверх|читать далее|читать также|другие новости
druckversion|drucken|teilen|nach oben|weiterlesen|mehr lesen|ähnliche artikel
versión para imprimir|imprimir|compartir|suscribirse|volver arriba|leer más|noticias relacionadas
version imprimable|imprimer|partager|s'abonner|haut de page|lire la suite|articles liés
""".replace("\n", "|").strip("|").split("|"))

# Common words per language, for telling the language of a paragraph quickly.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it with as was on be by this are have from at which not".split()),
    "ru": frozenset("и в не на что с по это как к из за от для о у же то мы он она они был".split()),
    "de": frozenset("der die das und ist nicht zu den von mit sich auf für im dem des ein eine auch es".split()),
    "es": frozenset("el la de que y en los las del se por un una con para es al lo como más".split()),
    "fr": frozenset("le la les de des et est que du un une pour dans en au qui ne pas sur avec".split()),
}
