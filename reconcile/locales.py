"""Language knowledge as data: separators, months, organisations, names, page chrome.

Separators and month names come from CLDR through Babel, read on first use and cached, so nothing is
computed at import. Everything CLDR does not carry (acronyms of organisations, the Russian month cases)
is typed here as plain tables, one entry per language, and nowhere else. The language data of figures
(number words, scales, units, clocks, decades) is in ``numerals``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from babel import Locale, UnknownLocaleError

# Letters only one of the five languages uses (é and ü are shared with others or with names: left out).
LETTERS = {"de": "äöß", "es": "ñáíóú¿¡", "fr": "àâçèêëîôùûœ"}


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a locale writes numbers (CLDR ``latn`` symbols)."""

    decimal: str
    group: str


@cache
def language_name(code: str) -> str:
    """The English name of a language, from CLDR ("es" → "Spanish", "de-AT" → "German"); the code itself if unknown.

    >>> language_name("de"), language_name("xx")
    ('German', 'xx')
    """
    return str(Locale("en").languages.get(code.split("-")[0].lower(), code))


@cache
def number_format(lang: str) -> NumberFormat:
    """Decimal and group symbols from CLDR; unknown languages fall back to English."""
    try:
        symbols = Locale.parse(lang).number_symbols["latn"]
    except (UnknownLocaleError, ValueError):
        symbols = Locale.parse("en").number_symbols["latn"]
    return NumberFormat(decimal=symbols["decimal"], group=symbols["group"])


def _russian_cases(nominative: str) -> set[str]:
    """Case forms of a Russian month or day name, which CLDR gives only as nominative (and, for a month,
    genitive), by the ending of the nominative: ``ноябрь`` → ноября, ноябре, ноябрю, ноябрём; ``март`` →
    марта, марте …; ``пятница`` → пятницу, пятницы, пятнице …; ``воскресенье`` → воскресенья, воскресенью …"""
    if nominative[-1] in "ьй":
        stem = nominative[:-1]
        return {stem + end for end in ("я", "е", "ю", "ем", "ём")}
    if nominative[-1] in "ае":  # среда, пятница, суббота; воскресенье
        ends = ("а", "у", "ы", "е", "ой", "ей") if nominative[-1] == "а" else ("е", "я", "ю", "ем")
        return {nominative[:-1] + end for end in ends}
    return {nominative + end for end in ("а", "е", "у", "ом")}


# Month and day names CLDR does not list: oblique cases (from the stand-alone name); for months,
# common short forms.
NAME_CASES: dict[str, Callable[[str], set[str]]] = {"ru": _russian_cases}
MONTH_EXTRAS: dict[str, dict[str, int]] = {"en": {"sept": 9}, "de": {"sept": 9}}


@cache
def months_capitalised(lang: str) -> bool:
    """Does the language write month names with a capital (English, German: "may" is then no month)?"""
    return str(Locale.parse(lang).months["format"]["wide"][1])[:1].isupper()


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-cased month name → month number, in every form the language uses: both CLDR contexts (format:
    Russian genitive ``ноября``; stand-alone: ``ноябрь``) and the abbreviations without their dot."""
    locale = Locale.parse(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    names[name] = number
    cases = NAME_CASES.get(lang)
    if cases is not None:
        for number, name in locale.months["stand-alone"]["wide"].items():
            names.update(dict.fromkeys(cases(name.lower()), number))
    names.update(MONTH_EXTRAS.get(lang, {}))
    return names


@cache
def weekday_names(lang: str) -> dict[str, int]:
    """Lower-cased day name → day of the week (0 is Monday), in both CLDR contexts and, as month names,
    every case (``NAME_CASES``)."""
    try:
        days = Locale.parse(lang).days
    except (UnknownLocaleError, ValueError):
        return {}
    names = {days[context]["wide"][day].lower(): day for context in ("format", "stand-alone") for day in range(7)}
    cases = NAME_CASES.get(lang)
    if cases is not None:
        for name, day in list(names.items()):
            names.update(dict.fromkeys(cases(name), day))
    return names


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
# Each spelling of an organisation → the organisation's key ("ООН" → "UN").
ORGANISATION_OF_SPELLING = {s: key for key, spellings in ORGANISATIONS.items() for s in spellings}

# Latin transliteration of Cyrillic, for comparing names across scripts.
CYRILLIC_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})

Script = Literal["latin", "cyrillic"]


@dataclass(frozen=True, slots=True)
class Language:
    """What the stages know about one language: read as fields, never as ``lang == "xx"`` branches.

    ``known`` says the package carries this language's data. Any other code
    gets English conventions (Latin script, nouns in lower case, no length
    ratio), as the figure parsers fall back to English; a check that must be
    sure of the script (a misspelt name) asks ``known`` too.
    """

    code: str
    known: bool = False
    # The script of its running text: a paragraph in another script is not in this language, cognates
    # are shared only within a script, and a misspelt name is only looked for between editions in one.
    script: Script = "latin"
    # Every noun capitalised (German): a capitalised word is no sign of a name.
    capitalised_nouns: bool = False
    # A day or ordinal number written with a full stop ("am 16. September"): not the end of a sentence.
    ordinal_dot: bool = False
    # Typical length of a text in characters relative to its English version: the aligner's
    # starting point, refined from each document's own confident links (None: not known).
    length_vs_english: float | None = None


LANGUAGES: dict[str, Language] = {
    "ru": Language("ru", True, "cyrillic", length_vs_english=1.10),
    "en": Language("en", True, "latin", length_vs_english=1.0),
    "de": Language("de", True, "latin", capitalised_nouns=True, ordinal_dot=True, length_vs_english=1.20),
    "es": Language("es", True, "latin", length_vs_english=1.15),
    "fr": Language("fr", True, "latin", length_vs_english=1.15),
}
# The five languages, in the order the reports list them.
LANGS = tuple(LANGUAGES)
# Code (a ``<pre>``, a fenced block) is read with the conventions programs write dates and figures in, everywhere.
CODE_LANG = "en"


@cache
def language(code: str) -> Language:
    """The record of a language code; a code without one gets the defaults (English conventions).

    >>> language("de").capitalised_nouns, language("ru").script, language("zh").known
    (True, 'cyrillic', False)
    """
    return LANGUAGES.get(code) or Language(code)

# Capitalised words that are not names (titles, salutations, sentence openers after quotes).
NOT_NAMES = frozenset({
    "mr", "mrs", "ms", "dr", "the", "this", "that", "these", "those", "there", "today", "however", "president",
    "minister", "господин", "госпожа", "уважаемый", "уважаемые", "президент", "министр", "herr", "frau", "der", "die",
    "das", "sehr", "präsident", "uhr", "señor", "señora", "sr", "sra", "el", "la", "los", "las", "presidente",
    "ministro", "monsieur", "madame", "le", "les", "président", "ministre",
})

# Word style names by what they mark, as Word names them in its interface languages (the style
# names follow the language of the author's Word, not the edition's). A heading style starts with
# one of these; a list or quote style holds one anywhere ("List Bullet", "Intense Quote").
WORD_HEADING_STYLES = ("heading", "title", "subtitle", "überschrift", "titre", "título", "заголовок")
WORD_LIST_STYLES = ("list", "liste", "lista", "список")
WORD_QUOTE_STYLES = ("quote", "zitat", "citation", "cita", "цитата")

# --- page furniture -----------------------------------------------------------
# Everything here is compared case-folded; whole lines without their final punctuation.

# Language names as switchers and footers print them: the CLDR endonyms (Babel's
# ``Locale(code).get_display_name(code)``; tests/test_ingest.py checks them against it) of the
# languages sites are commonly published in, the usual variants, and the five languages' English names.
LANGUAGE_NAMES = frozenset("""
afrikaans|አማርኛ|العربية|azərbaycan|беларуская|български|বাংলা|bosanski|català|čeština|cymraeg|dansk|deutsch
ελληνικά|english|español|eesti|euskara|فارسی|suomi|filipino|français|gaeilge|galego|ગુજરાતી|עברית|हिन्दी
hrvatski|magyar|հայերեն|indonesia|íslenska|italiano|日本語|ქართული|қазақ тілі|ខ្មែរ|ಕನ್ನಡ|한국어|кыргызча|ລາວ
lietuvių|latviešu|македонски|മലയാളം|монгол|मराठी|melayu|မြန်မာ|norsk bokmål|नेपाली|nederlands|norsk|ਪੰਜਾਬੀ
polski|پښتو|português|română|русский|සිංහල|slovenčina|slovenščina|soomaali|shqip|српски|svenska|kiswahili
தமிழ்|తెలుగు|тоҷикӣ|ไทย|türkmen dili|türkçe|українська|اردو|o‘zbek|tiếng việt|中文|isizulu
简体中文|繁體中文|中文简体|中文繁體|bahasa indonesia|bahasa melayu|srpski|espanol|francais|portugues|turkce
english|russian|german|spanish|french|chinese|arabic|italian|portuguese|japanese|ukrainian|eng|rus|deu|fra|esp
""".replace("\n", "|").strip("|").split("|"))

# Labels that open a line of furniture, by what the line is: "Source: kremlin.ru",
# "Translation: Ana García", "Traduction : Marie Dupont". A colon must follow.
FURNITURE_LABELS: dict[str, tuple[str, ...]] = {
    "source line": ("source", "sources", "источник", "источники", "quelle", "quellen", "fuente", "fuentes"),
    "translator credit": ("translation", "translated by", "translator", "translators", "перевод", "переводчик",
                          "перевела", "перевёл", "перевел", "übersetzung", "übersetzt von", "übersetzer",
                          "übersetzerin", "traducción", "traducido por", "traductor", "traductora", "traduction",
                          "traduit par", "traducteur", "traductrice"),
    "photo credit": ("photo", "photos", "фото", "фотография", "foto", "fotos", "bild", "picture", "image"),
    "sharing widget": ("share", "поделиться", "teilen", "compartir", "partager"),
    "print widget": ("print", "печать", "drucken", "imprimir", "imprimer"),
    "tag list": ("tags", "теги", "метки", "schlagwörter", "etiquetas", "mots-clés", "étiquettes", "keywords",
                 "ключевые слова", "palabras clave"),
    "link to more": ("read more", "read also", "see also", "читать далее", "читайте также", "см. также",
                     "weiterlesen", "lesen sie auch", "siehe auch", "leer más", "lea también", "véase también",
                     "lire la suite", "lire aussi", "voir aussi"),
}
# Credits written without a colon: "Translated by Ana García", "Traduit de l'anglais par …".
CREDIT_OPENERS: dict[str, tuple[str, ...]] = {
    "translator credit": ("translated by", "translated from", "переведено", "перевод с", "übersetzt von",
                          "aus dem", "traducido por", "traducido del", "traduit par", "traduit de"),
}
# Photo credits are short ("Photo: TASS"); a longer line after the label is a caption, which is content.
PHOTO_CREDIT_MAX_WORDS = 4

# "Copyright" as a notice, not as the word a definition is about ("Copyright means …").
RIGHTS_RESERVED = ("all rights reserved", "все права защищены", "alle rechte vorbehalten",
                   "todos los derechos reservados", "tous droits réservés", "все права сохранены")

# A reprint's notice of where the text first appeared, at the start of a line.
REPRINT_OPENERS = (
    "originally published", "first published", "this article was originally published",
    "this article was first published", "this story was originally published", "this article first appeared",
    "republished from", "republished with permission", "reprinted from", "reprinted with permission",
    "впервые опубликовано", "первоначально опубликовано", "оригинал опубликован", "перепечатано",
    "перепечатка", "публикуется с разрешения",
    "zuerst erschienen", "erstveröffentlichung", "ursprünglich erschienen", "ursprünglich veröffentlicht",
    "nachdruck mit", "dieser artikel erschien zuerst",
    "publicado originalmente", "publicado por primera vez", "reproducido con permiso",
    "este artículo fue publicado originalmente",
    "publié initialement", "initialement publié", "paru initialement", "article initialement paru",
    "cet article a été publié initialement", "reproduit avec l'autorisation",
)

# Whole lines that are furniture wherever they stand, by what they are.
FURNITURE_LINES: dict[str, frozenset[str]] = {key: frozenset(value.strip().replace("\n", "|").split("|")) for key, value in {
    "print or share widget": """
print version|printable version|print|share|share this|tweet|subscribe|back to top|read more|related news|related
версия для печати|распечатать|печать|поделиться|подписаться|наверх|читать далее|читать также|другие новости
druckversion|drucken|teilen|nach oben|weiterlesen|mehr lesen|ähnliche artikel
versión para imprimir|imprimir|compartir|suscribirse|volver arriba|leer más|noticias relacionadas
version imprimable|imprimer|partager|s'abonner|haut de page|lire la suite|articles liés""",
    "accessibility widget": """
version for the visually impaired|for the visually impaired|visually impaired version|accessible version
font size|text size|increase font size|decrease font size|high contrast|normal version|skip to content
skip to main content|версия для слабовидящих|для слабовидящих|обычная версия|размер шрифта|шрифт|цвет сайта
перейти к содержанию|перейти к основному содержанию|version für sehbehinderte|barrierefreie version
schriftgröße|schrift vergrößern|kontrast|zum inhalt springen|zum inhalt|versión para personas con discapacidad visual
versión para discapacitados visuales|versión accesible|tamaño de fuente|tamaño del texto|alto contraste
saltar al contenido|ir al contenido|version pour malvoyants|version malvoyants|version accessible
taille du texte|taille de la police|contraste élevé|aller au contenu|aller au contenu principal""",
    "portal widget label": """
web content display|advanced settings|asset publisher|navigation menu|site map|sitemap
отображение веб-контента|расширенные настройки|публикатор ресурсов|карта сайта
webinhaltsanzeige|erweiterte einstellungen|seitenübersicht
visualización de contenido web|configuración avanzada|mapa del sitio
affichage de contenu web|paramètres avancés|plan du site""",
}.items()}
# Labels that introduce a font-size or colour widget ("Размер шрифта: A A A").
WIDGET_LABELS = ("font size", "text size", "размер шрифта", "шрифт", "цвет сайта", "schriftgröße",
                 "tamaño de fuente", "taille du texte")

# Words a line that is only a date may hold besides month and weekday names ("20 de noviembre de 2020").
DATE_LINE_JOINERS = frozenset({
    "de", "del", "el", "год", "года", "г", "г.", "am", "um", "uhr", "le", "à", "h", "at", "on", "of", "the",
})


@cache
def date_line_words() -> frozenset[str]:
    """Month names (every form), weekday names (CLDR) and joiners of the five languages, case-folded."""
    words = set(DATE_LINE_JOINERS)
    for lang in LANGS:
        words.update(month_names(lang))
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(day.casefold().rstrip(".") for day in Locale.parse(lang).days[context][width].values())
    return frozenset(words)


# Words that open a byline ("By Ana García", "Автор: …", "Von Ana García").
BYLINE_OPENERS = ("by", "written by", "reporting by", "text by", "от", "автор", "авторы", "текст", "von",
                  "por", "par", "texte")
# Joining words a byline may hold besides names ("Ana García and John Smith, Reuters").
BYLINE_JOINERS = frozenset({
    "and", "und", "y", "et", "и", "&", "de", "la", "del", "van", "von", "der", "da", "di", "du", "le", "in", "from",
    "aus", "en", "для", "из",
})

# Words that number a section in a heading ("Article 5", "Abschnitt 3 – Pflichten").
SECTION_WORDS = frozenset({
    "article", "section", "chapter", "part", "annex", "appendix", "clause", "schedule", "статья", "раздел", "глава",
    "часть", "приложение", "пункт", "artikel", "abschnitt", "kapitel", "teil", "anhang", "anlage", "ziffer",
    "artículo", "sección", "capítulo", "parte", "anexo", "apéndice", "cláusula", "chapitre", "partie", "annexe",
    "titre",
})

# Common words per language (closed-class: articles, pronouns, prepositions, auxiliaries), for telling
# the language of a paragraph: a second signal beside the identifier on short text. Elided forms
# ("l'", "d'") are counted after splitting at the apostrophe.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be", "by", "this",
        "are", "have", "from", "at", "which", "not", "his", "her", "its", "their", "has", "had", "were", "been",
        "will", "would", "an", "or", "but", "who", "they", "we", "you", "he", "she", "our", "about", "after", "into",
        "than", "also", "there", "these", "those", "when", "what", "said",
    }),
    "ru": frozenset({
        "и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "из", "за", "от", "для", "о", "у", "же", "то",
        "мы", "он", "она", "они", "был", "была", "были", "его", "ее", "её", "их", "также", "при", "до", "после",
        "который", "которые", "только", "уже", "бы", "ли", "но", "или",
    }),
    "de": frozenset({
        "der", "die", "das", "und", "ist", "nicht", "zu", "den", "von", "mit", "sich", "auf", "für", "im", "dem",
        "des", "ein", "eine", "auch", "es", "einen", "einem", "einer", "sind", "wird", "werden", "wurde", "hat",
        "haben", "war", "waren", "nach", "bei", "aus", "noch", "wie", "über", "um", "zum", "zur", "vom", "am", "oder",
        "aber", "dass", "sie", "er", "wir", "ich",
    }),
    "es": frozenset({
        "el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "con", "para", "es", "al",
        "lo", "como", "más", "su", "sus", "fue", "ha", "han", "son", "está", "están", "pero", "sin", "sobre", "entre",
        "este", "esta", "ese", "esa", "muy", "también", "ya", "hay", "desde", "hasta", "cuando", "porque", "nos",
    }),
    "fr": frozenset({
        "le", "la", "les", "de", "des", "et", "est", "que", "du", "un", "une", "pour", "dans", "en", "au", "qui",
        "ne", "pas", "sur", "avec", "aux", "ses", "son", "sa", "leur", "leurs", "ce", "cette", "ces", "il", "elle",
        "ils", "sont", "ont", "été", "était", "par", "plus", "mais", "ou", "nous", "vous", "être", "avoir", "très",
        "aussi", "selon", "sans",
    }),
}

# Words a complete sentence or heading does not end on (articles, prepositions, conjunctions): a
# paragraph that stops on one was cut off, whatever its length.
DANGLING_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "the", "a", "an", "of", "and", "or", "but", "from", "into", "than", "their", "its", "his", "her", "our",
        "whose", "who", "whom", "which", "to", "for", "with", "by", "at",
    }),
    "ru": frozenset({
        "и", "в", "во", "на", "с", "со", "к", "ко", "о", "об", "от", "из", "для", "при", "а", "но", "или", "у",
        "который", "которые", "которая",
    }),
    "de": frozenset({
        "der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines", "und", "oder", "dass",
        "sowie", "zum", "zur", "vom", "von", "für",
    }),
    "es": frozenset({
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "y", "o", "con", "para", "por", "al",
        "en", "su", "sus", "a",
    }),
    "fr": frozenset({
        "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "par", "au", "aux", "dans", "à", "son", "sa",
        "ses", "leurs", "pour", "avec",
    }),
}
