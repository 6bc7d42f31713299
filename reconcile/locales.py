"""Language knowledge as data: separators, months, number and scale words, organisations.

Separators and month names come from CLDR through Babel, loaded lazily and
cached, so nothing is computed at import. Everything CLDR does not carry
(number words, scale words, decades, acronyms of organisations) is typed here
as plain tables, one entry per language, and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

LANGS = ("ru", "en", "de", "es", "fr")
# Letters only one of the five languages uses (é and ü are shared with others or with names: left out).
LETTERS = {"de": "äöß", "es": "ñáíóú¿¡", "fr": "àâçèêëîôùûœ"}
# The script each language is written in (a paragraph in another script is not in that language).
SCRIPTS = {"ru": "cyrillic", "en": "latin", "de": "latin", "es": "latin", "fr": "latin"}


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a locale writes numbers (CLDR ``latn`` symbols)."""

    decimal: str
    group: str


@cache
def language_name(code: str) -> str:
    """The English name of a language, from CLDR ("es" → "Spanish"); the code itself if unknown."""
    from babel import Locale

    return str(Locale.parse("en").languages.get(code, code))


@cache
def number_format(lang: str) -> NumberFormat:
    """Decimal and group symbols from CLDR; unknown languages fall back to English."""
    from babel import Locale, UnknownLocaleError

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


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-cased month name → month number, in every form the language uses.

    Both CLDR contexts (format: Russian genitive ``ноября``; stand-alone:
    ``ноябрь``) and the abbreviations without their dot.
    """
    from babel import Locale

    locale = Locale.parse(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    names[name] = number
    if lang == "ru":
        for number, name in list(locale.months["stand-alone"]["wide"].items()):
            for form in _russian_cases(name.lower()):
                names[form] = number
    if lang == "en":
        names.update({"sept": 9})
    return names


# Typical length of a text in characters relative to its English version: the
# aligner's starting point, refined from each document's own confident links.
LENGTH_RELATIVE_TO_ENGLISH: dict[str, float] = {"en": 1.0, "ru": 1.10, "de": 1.20, "es": 1.15, "fr": 1.15}

# Number words that name a quantity unambiguously. "one" and its kin are left
# out on purpose: in every language here they are also articles or pronouns.
NUMBER_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {0: ("zero",), 2: ("two",), 3: ("three",), 4: ("four",), 5: ("five",), 6: ("six",),
           7: ("seven",), 8: ("eight",), 9: ("nine",), 10: ("ten",), 11: ("eleven",), 12: ("twelve", "dozen"),
           13: ("thirteen",), 14: ("fourteen",), 15: ("fifteen",), 16: ("sixteen",), 17: ("seventeen",),
           18: ("eighteen",), 19: ("nineteen",), 20: ("twenty",), 30: ("thirty",), 40: ("forty",),
           50: ("fifty",), 60: ("sixty",), 70: ("seventy",), 80: ("eighty",), 90: ("ninety",), 100: ("hundred",)},
    "ru": {0: ("ноль", "нуль"), 2: ("два", "две", "двух", "двум", "двумя"), 3: ("три", "трёх", "трех", "трём", "трем", "тремя"),
           4: ("четыре", "четырёх", "четырех", "четырьмя"), 5: ("пять", "пяти", "пятью"), 6: ("шесть", "шести"),
           7: ("семь", "семи"), 8: ("восемь", "восьми"), 9: ("девять", "девяти"), 10: ("десять", "десяти"),
           11: ("одиннадцать", "одиннадцати"), 12: ("двенадцать", "двенадцати"), 13: ("тринадцать", "тринадцати"),
           14: ("четырнадцать", "четырнадцати"), 15: ("пятнадцать", "пятнадцати"), 16: ("шестнадцать", "шестнадцати"),
           17: ("семнадцать", "семнадцати"), 18: ("восемнадцать", "восемнадцати"), 19: ("девятнадцать", "девятнадцати"),
           20: ("двадцать", "двадцати"), 30: ("тридцать", "тридцати"), 40: ("сорок", "сорока"),
           50: ("пятьдесят", "пятидесяти"), 60: ("шестьдесят", "шестидесяти"), 70: ("семьдесят", "семидесяти"),
           80: ("восемьдесят", "восьмидесяти"), 90: ("девяносто",), 100: ("сто", "ста"),
           200: ("двести", "двухсот"), 300: ("триста", "трехсот", "трёхсот"), 500: ("пятьсот", "пятисот")},
    "de": {0: ("null",), 2: ("zwei",), 3: ("drei",), 4: ("vier",), 5: ("fünf",), 6: ("sechs",), 7: ("sieben",),
           8: ("acht",), 9: ("neun",), 10: ("zehn",), 11: ("elf",), 12: ("zwölf", "dutzend"), 13: ("dreizehn",),
           14: ("vierzehn",), 15: ("fünfzehn",), 16: ("sechzehn",), 17: ("siebzehn",), 18: ("achtzehn",),
           19: ("neunzehn",), 20: ("zwanzig",), 30: ("dreißig",), 40: ("vierzig",), 50: ("fünfzig",),
           60: ("sechzig",), 70: ("siebzig",), 80: ("achtzig",), 90: ("neunzig",), 100: ("hundert", "einhundert")},
    "es": {0: ("cero",), 2: ("dos",), 3: ("tres",), 4: ("cuatro",), 5: ("cinco",), 6: ("seis",), 7: ("siete",),
           8: ("ocho",), 9: ("nueve",), 10: ("diez",), 11: ("once",), 12: ("doce", "docena"), 13: ("trece",),
           14: ("catorce",), 15: ("quince",), 16: ("dieciséis",), 17: ("diecisiete",), 18: ("dieciocho",),
           19: ("diecinueve",), 20: ("veinte",), 30: ("treinta",), 40: ("cuarenta",), 50: ("cincuenta",),
           60: ("sesenta",), 70: ("setenta",), 80: ("ochenta",), 90: ("noventa",), 100: ("cien", "ciento"),
           200: ("doscientos", "doscientas"), 300: ("trescientos", "trescientas"), 500: ("quinientos", "quinientas")},
    "fr": {0: ("zéro",), 2: ("deux",), 3: ("trois",), 4: ("quatre",), 5: ("cinq",), 6: ("six",), 7: ("sept",),
           8: ("huit",), 9: ("neuf",), 10: ("dix",), 11: ("onze",), 12: ("douze", "douzaine"), 13: ("treize",),
           14: ("quatorze",), 15: ("quinze",), 16: ("seize",), 17: ("dix-sept",), 18: ("dix-huit",),
           19: ("dix-neuf",), 20: ("vingt",), 30: ("trente",), 40: ("quarante",), 50: ("cinquante",),
           60: ("soixante",), 70: ("soixante-dix",), 80: ("quatre-vingts", "quatre-vingt"),
           90: ("quatre-vingt-dix",), 100: ("cent",)},
}

# Scale words after a number, as powers of ten. The long-scale false friends
# are the point: en "billion" = de "Milliarde" = fr "milliard" = es "mil millones",
# while de "Billion", fr "billion" and es "billón" are 10**12.
SCALE_WORDS: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "k": 3, "million": 6, "millions": 6, "mln": 6, "m": 6, "mn": 6,
           "billion": 9, "billions": 9, "bn": 9, "trillion": 12, "trillions": 12, "tn": 12},
    "ru": {"тыс": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3, "тысячу": 3, "тысячам": 3, "тысячами": 3,
           "млн": 6, "миллион": 6, "миллиона": 6, "миллионов": 6, "миллионам": 6,
           "млрд": 9, "миллиард": 9, "миллиарда": 9, "миллиардов": 9,
           "трлн": 12, "триллион": 12, "триллиона": 12, "триллионов": 12},
    "de": {"tausend": 3, "tsd": 3, "mio": 6, "million": 6, "millionen": 6,
           "mrd": 9, "milliarde": 9, "milliarden": 9, "mia": 9, "bio": 12, "billion": 12, "billionen": 12},
    "es": {"mil": 3, "millón": 6, "millones": 6, "mill": 6, "mil millones": 9, "millardo": 9,
           "millardos": 9, "mmdd": 9, "billón": 12, "billones": 12},
    "fr": {"mille": 3, "millier": 3, "milliers": 3, "million": 6, "millions": 6, "mio": 6, "m": 6,
           "milliard": 9, "milliards": 9, "md": 9, "mrd": 9, "mds": 9, "billion": 12, "billions": 12},
}

# Units whose figures translators convert: spelling (any language) → (unit, factor to
# the metric unit it is converted to). Imperial units carry the factor; metric ones 1.
UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("mile", "miles", "mi", "meile", "meilen", "milla", "millas", "миля", "мили", "миль"), ("km", 1.609344)),
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers", "kilómetro", "kilómetros",
                     "kilomètre", "kilomètres", "км", "километр", "километра", "километров"), ("km", 1.0)),
    **dict.fromkeys(("foot", "feet", "ft", "fuß", "pie", "pies", "pied", "pieds", "фут", "фута", "футов"), ("m", 0.3048)),
    **dict.fromkeys(("yard", "yards", "yd", "yarda", "yardas"), ("m", 0.9144)),
    **dict.fromkeys(("metre", "metres", "meter", "meters", "metro", "metros", "mètre", "mètres",
                     "метр", "метра", "метров"), ("m", 1.0)),
    **dict.fromkeys(("inch", "inches", "zoll", "pulgada", "pulgadas", "pouce", "pouces", "дюйм", "дюйма", "дюймов"), ("cm", 2.54)),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters", "zentimeter", "centímetro",
                     "centímetros", "centimètre", "centimètres", "см", "сантиметр", "сантиметра", "сантиметров"), ("cm", 1.0)),
    **dict.fromkeys(("pound", "pounds", "lb", "lbs", "pfund", "libra", "libras", "livre", "livres", "фунт",
                     "фунта", "фунтов"), ("kg", 0.45359237)),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilogramm", "kilo", "kilos",
                     "kilogramo", "kilogramos", "кг", "килограмм", "килограмма", "килограммов"), ("kg", 1.0)),
    **dict.fromkeys(("°f", "f", "fahrenheit", "degrees fahrenheit", "grad fahrenheit", "degrees"), ("°c", -1.0)),
    **dict.fromkeys(("°c", "°", "c", "celsius", "grad", "grados", "degrés", "degrees celsius", "grad celsius", "grados celsius", "degrés celsius",
                     "градусов цельсия", "градуса", "градусов"), ("°c", 1.0)),
    **dict.fromkeys(("mph", "miles per hour", "millas por hora", "meilen pro stunde", "milles à l'heure",
                     "milles par heure", "миль в час"), ("km/h", 1.609344)),
    **dict.fromkeys(("km/h", "км/ч", "kilometres per hour", "kilometers per hour", "kilómetros por hora",
                     "kilomètres par heure", "kilometer pro stunde", "километров в час"), ("km/h", 1.0)),
    **dict.fromkeys(("acre", "acres", "acre-feet", "acres-pies", "акров", "акра"), ("ha", 0.40468564)),
    **dict.fromkeys(("ha", "hectare", "hectares", "hektar", "hectárea", "hectáreas", "гектар", "гектара", "гектаров"), ("ha", 1.0)),
    **dict.fromkeys(("gallon", "gallons", "gallone", "gallonen", "galón", "galones", "галлон", "галлона", "галлонов"), ("l", 3.785411784)),
    **dict.fromkeys(("litre", "litres", "liter", "liters", "litro", "litros", "литр", "литра", "литров"), ("l", 1.0)),
}

PERCENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "percentage points"),
    "ru": ("процент", "процента", "процентов", "процентам", "процентами", "процентных пункта", "проц"),
    "de": ("prozent", "prozentpunkte"),
    "es": ("por ciento", "puntos porcentuales"),
    "fr": ("pour cent", "pourcent", "points de pourcentage"),
}

CENTURY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("century", "centuries"),
    "ru": ("век", "века", "веке", "веков", "векам"),
    "de": ("jahrhundert", "jahrhunderts", "jahrhunderten"),
    "es": ("siglo", "siglos"),
    "fr": ("siècle", "siècles"),
}

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

# Capitalised words that are not names (titles, salutations, sentence openers after quotes).
NOT_NAMES = frozenset(
    "mr mrs ms dr the this that these those there today however president minister "
    "господин госпожа уважаемый уважаемые президент министр "
    "herr frau der die das sehr präsident minister uhr "
    "señor señora sr sra el la los las presidente ministro "
    "monsieur madame le la les président ministre".split()
)

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
                   "todos los derechos reservados", "tous droits réservés")

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
DATE_LINE_JOINERS = frozenset("de del el год года г г. am um uhr le à h at on of the".split())


@cache
def date_line_words() -> frozenset[str]:
    """Month names (every form), weekday names (CLDR) and joiners of the five languages, case-folded."""
    from babel import Locale

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
BYLINE_JOINERS = frozenset("and und y et и & de la del van von der da di du le in from aus en для из".split())

# Words that number a section in a heading ("Article 5", "Abschnitt 3 – Pflichten").
SECTION_WORDS = frozenset(
    "article section chapter part annex appendix clause schedule "
    "статья раздел глава часть приложение пункт "
    "artikel abschnitt kapitel teil anhang anlage ziffer "
    "artículo sección capítulo parte anexo apéndice cláusula "
    "article section chapitre partie annexe titre".split()
)

# Common words per language (closed-class: articles, pronouns, prepositions, auxiliaries), for telling
# the language of a paragraph: a second signal beside the identifier on short text. Elided forms
# ("l'", "d'") are counted after splitting at the apostrophe.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""the of and to in is that for it with as was on be by this are have from at which not
        his her its their has had were been will would an or but who they we you he she our about after
        into than also there these those when what said""".split()),
    "ru": frozenset("""и в не на что с по это как к из за от для о у же то мы он она они был
        была были его ее её их также при до после который которые только уже бы ли но или""".split()),
    "de": frozenset("""der die das und ist nicht zu den von mit sich auf für im dem des ein eine auch es
        einen einem einer sind wird werden wurde hat haben war waren nach bei aus noch wie über um
        zum zur vom am oder aber dass sie er wir ich""".split()),
    "es": frozenset("""el la de que y en los las del se por un una con para es al lo como más
        su sus fue ha han son está están pero sin sobre entre este esta ese esa muy también ya
        hay desde hasta cuando porque nos""".split()),
    "fr": frozenset("""le la les de des et est que du un une pour dans en au qui ne pas sur avec
        aux ses son sa leur leurs ce cette ces il elle ils sont ont été était par plus mais ou
        nous vous être avoir très aussi selon sans""".split()),
}

# Words a complete sentence or heading does not end on (articles, prepositions, conjunctions): a
# paragraph that stops on one was cut off, whatever its length.
DANGLING_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an of and or but from into than their its his her our whose who whom which to for "
                    "with by at".split()),
    "ru": frozenset("и в во на с со к ко о об от из для при а но или у который которые которая".split()),
    "de": frozenset("der die das den dem des eine einen einem einer eines und oder dass sowie zum zur vom von "
                    "für".split()),
    "es": frozenset("el la los las un una unos unas de del y o con para por al en su sus a".split()),
    "fr": frozenset("le la les un une des de du et ou par au aux dans à son sa ses leurs pour avec".split()),
}
