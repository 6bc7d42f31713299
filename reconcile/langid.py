"""Which language a paragraph is written in, judged from its running text only.

One small interface over py3langid (naive Bayes over byte n-grams; it ships its model; chosen by
measuring speed and false alarms on the corpora, see the README), restricted to the five languages of
the project plus the edition's and the pivot's own, so French is never called Catalan. Deterministic;
the model is read lazily, once per process, and only when cheaper signals do not settle the question.

``identify`` names the language of a piece of text. ``foreign`` judges a paragraph as a reviewer
would: web and e-mail addresses, codes, figures and quoted titles are not running text, and neither is
a list of names or of language endonyms (few lower-case words). A paragraph is foreign when most of its
running words, sentence by sentence, are in another language. A short one (a headline) is foreign only
when a second, independent signal agrees with the identifier: its script or its function words.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, Literal

import numpy as np

from . import locales
from .cachedir import cache_dir
from .text import is_address

Script = Literal["latin", "cyrillic", "other"]
OTHER = "other"
# Running text shorter than this many letters (a headline) needs a second signal.
SHORT_TEXT = 60
# Fewer lower-case words than this, or a smaller share of the words, is not running text.
MIN_RUNNING_WORDS = 2
MIN_RUNNING_SHARE, CAPITALISED_SHARE = 0.4, 0.25  # the second where every noun is capitalised (German)
# A sentence with fewer running words is judged with the rest of its paragraph.
MIN_SENTENCE_WORDS = 3
# Function words settle a paragraph without the identifier from this many words on, with this lead.
SETTLED_WORDS = 8
SETTLED_LEAD = 2
# The identifier's probability (among the allowed languages) below which it is not believed.
MIN_CONFIDENCE = 0.9
# A paragraph is foreign when at least this share of its running words is in another language.
FOREIGN_SHARE = 0.5

# A token that is not running text wherever it stands: anything with a digit (codes, figures,
# dates, postcodes), e-mail addresses and handles, web addresses, bare domains (spiegel.de). Matched
# as whole tokens: one substitution per paragraph rather than a search per token, and only in text
# that has what every such token has (a cheap scan: most text has none).
_NOT_RUNNING = re.compile(r"(?<!\S)(?:\#|https?://|www\.|\S*?(?:\d|@|\w\.[a-z]{2,6}\b|[^\W_]_[^\W_]))\S*")
_MAY_NOT_RUN = re.compile(r"[\d@#]|https?://|www\.|\.[a-z]{2,6}\b|[^\W_]_[^\W_]")  # (session_id: an identifier)
# Quoted spans: titles and quotations may stay in their own language.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|‹[^›]*›")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PUNCTUATION = ".,;:!?\"'«»“”„‚‘’()[]{}<>…–—-/*|"
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_LETTER = re.compile(r"[^\W\d_]+")  # (runs of letters: counted by their lengths, cheaper than one by one)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language of a piece of text: one of the allowed codes, or ``other`` (another script)."""

    lang: str
    confidence: float
    script: Script


@dataclass(frozen=True, slots=True)
class Reading:
    """A paragraph found to be in another language than expected, and how that was decided.

    ``share``: the part of its running words (sentence by sentence) in
    ``lang``; ``letters``: letters of its running text; ``signals``: what
    agreed (``identifier``, ``script``, ``function words``).
    """

    lang: str
    confidence: float
    share: float
    letters: int
    signals: tuple[str, ...]


def script_of(text: str) -> Script | None:
    """The script most letters are in (``other``: neither Cyrillic nor Latin); None without letters or with
    as many of each (a Russian headline naming "Let's Encrypt").
    >>> script_of("Мир, peace"), script_of("Мир, мир!"), script_of("和平"), script_of("2024"), script_of("Мир mir")
    ('latin', 'cyrillic', 'other', None, None)
    """
    letters = sum(map(len, _LETTER.findall(text)))
    if not letters:
        return None
    cyrillic, latin = (sum(map(len, runs.findall(text))) for runs in (_CYRILLIC, _LATIN))
    if (cyrillic + latin) * 2 <= letters:
        return "other"
    return "cyrillic" if cyrillic > latin else "latin" if latin > cyrillic else None


@cache
def _model() -> Any:
    """py3langid's model, loaded on the first real question, once per process.

    Its LZMA file takes about 0.7 s to unpack, more than the rest of a statement's run: the unpacked
    arrays are kept in the cache folder (about 70 MB, one ``.npy`` file each) and mapped from there in
    about 20 ms by the next process. A missing, stale or unreadable copy is rebuilt, or skipped when it
    cannot be written.
    """
    # Lazy: imported only when a paragraph's language is in doubt (importing costs about 8 ms of every start).
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    unpacked = cache_dir() / f"py3langid-{py3langid.__version__}-{source.stat().st_size}"
    try:
        return _read_unpacked(unpacked, LanguageIdentifier)
    except (OSError, ValueError, KeyError, TypeError):  # missing, damaged, or written by another layout
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        _write_unpacked(identifier, unpacked)
        return identifier


_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")
# Unsigned integer typecodes by size, for the tables py3langid keeps as stdlib arrays.
_TYPECODE: dict[int, Literal["B", "H", "I", "Q"]] = {1: "B", 2: "H", 4: "I", 8: "Q"}


def _read_unpacked(folder: Path, identifier_class: Any) -> Any:
    """The identifier from its unpacked arrays, the two big ones mapped rather than read."""
    data = {name: np.load(folder / f"{name}.npy", mmap_mode="r" if name in ("ptc", "nextmove") else None,
                          allow_pickle=False) for name in _ARRAYS}
    # The transition table is walked one byte at a time: a typed view over the mapped file, not a copy.
    nextmove = memoryview(data["nextmove"]).cast("B").cast(_TYPECODE[data["nextmove"].dtype.itemsize])
    row = array(_TYPECODE[data["row"].dtype.itemsize], data["row"].tobytes())
    return identifier_class(data["ptc"], data["pc"], data["classes"].tolist(), nextmove,
                            data["output"].tolist(), norm_probs=True, tk_row=row)


def _write_unpacked(identifier: Any, folder: Path) -> None:
    """The model's arrays, one file each, in a temporary folder renamed into place (skipped if unwritable)."""
    arrays = {"ptc": identifier.nb_ptc, "pc": identifier.nb_pc, "classes": np.array(identifier.nb_classes),
              "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
              "row": np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}"),
              "output": np.array(identifier.tk_output, dtype=np.int32)}
    temporary: Path | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".py3langid-"))
        for name, values in arrays.items():
            np.save(temporary / f"{name}.npy", values, allow_pickle=False)
        os.replace(temporary, folder)  # another process may have won: then ours is removed below
    except OSError:
        pass
    if temporary is not None and temporary.exists():
        shutil.rmtree(temporary, ignore_errors=True)


@cache
def _identifier(langs: tuple[str, ...]) -> Any:
    """The model restricted to ``langs`` (a copy: the full model stays as loaded)."""
    identifier = copy.copy(_model())
    identifier.set_languages(list(langs))
    return identifier


@cache
def known(lang: str) -> bool:
    """Can the identifier recognise ``lang``? (About a hundred languages: ``it``, ``zh`` … yes; ``und`` no.)"""
    return lang in locales.LANGS or lang in _model().labels


def candidates(*langs: str) -> tuple[str, ...]:
    """The five languages plus those of ``langs`` the identifier knows, in a stable order."""
    return tuple(sorted(set(locales.LANGS) | {lang for lang in langs if lang in locales.LANGS or known(lang)}))


def identify(text: str, langs: tuple[str, ...] = locales.LANGS) -> LanguageGuess | None:
    """The language of ``text`` among ``langs`` (default: the five); None without letters.

    A text mostly in a script none of the five uses is ``other``, unless a
    language of ``langs`` beyond the five claims it.

    >>> identify("Le gouvernement a annoncé mardi de nouvelles mesures pour les écoles.").lang
    'fr'
    >>> identify("政府宣布了新的措施").lang
    'other'
    """
    script = script_of(text)
    if script is None:
        return None
    lang, confidence = _identifier(tuple(sorted(langs))).classify(text)
    if script == "other" and lang in locales.LANGS:
        return LanguageGuess(OTHER, 1.0, script)
    return LanguageGuess(lang, round(float(confidence), 3), script)


def running_text(text: str) -> str:
    """The text without what is never translated: addresses, handles, codes and figures.

    >>> running_text("Write to info@mid.ru or see www.mid.ru, room 12-B.")
    'Write to or see room'
    """
    kept = (_NOT_RUNNING.sub(" ", text) if _MAY_NOT_RUN.search(text) else text).split()
    if "," in text:
        kept = [token for token in (token.strip(",") for token in kept) if token]
    return " ".join(kept).strip(" .;:")


def running_words(words: list[str]) -> list[str]:
    """The lower-case ones: what running text is made of, and lists of names are not."""
    return [w for w in words if w[0].islower() and w not in locales.LANGUAGE_NAMES]


def _is_running(text: str) -> bool:
    words = _WORD.findall(text)
    running = len(running_words(words))
    by_words = function_word_language(tokens(text)) if running < MIN_RUNNING_SHARE * len(words) else None
    share = CAPITALISED_SHARE if by_words and locales.language(by_words).capitalised_nouns else MIN_RUNNING_SHARE
    return running >= MIN_RUNNING_WORDS and running >= share * len(words)


def frames(text: str) -> list[str]:
    """The running text a reader judges a paragraph by: outside quotes first, then all of it.

    A quoted title or quotation may stay in its language when the sentence
    around it is translated; a paragraph that is mostly a quotation is judged
    as a whole. Empty when the paragraph has no running text.

    >>> frames('Der Roman „The Old Man and the Sea“ erschien 1952 und wurde ein Erfolg.')[0]
    'Der Roman erschien und wurde ein Erfolg'
    >>> frames("English | Русский | Deutsch | Español | Français")
    []
    >>> frames("Museo de Historia, calle Mayor 12, 28013 Madrid, España")
    []
    """
    if is_address(text):
        return []
    text = running_text(text)
    unquoted = " ".join(_QUOTED.sub(" ", text).split())
    out = [unquoted] if _is_running(unquoted) else []
    if unquoted != text and _is_running(text):
        out.append(text)
    return out


@cache
def _function_word_index() -> dict[str, str]:
    """Function word → its language, for the words that belong to one language only (es/fr share "de", "la")."""
    owners: dict[str, set[str]] = {}
    for lang, vocabulary in locales.FUNCTION_WORDS.items():
        for word in vocabulary:
            owners.setdefault(word, set()).add(lang)
    return {word: next(iter(langs)) for word, langs in owners.items() if len(langs) == 1}


@lru_cache(maxsize=1 << 12)  # (a paragraph is read for its function words and for its vocabulary)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased words, split at spaces and elisions ("l'avenir" → "l", "avenir"): cheap, for counting."""
    return tuple(filter(None, map(str.strip, text.lower().replace("'", " ").replace("’", " ").split(), repeat(_PUNCTUATION))))


def function_word_counts(words: tuple[str, ...]) -> dict[str, int]:
    """How many of ``words`` (lower-cased tokens) are function words of one language only, per language."""
    index = _function_word_index()
    counts = dict.fromkeys(locales.FUNCTION_WORDS, 0)
    for lang in filter(None, map(index.get, words)):  # (the language of each word that has one)
        counts[lang] += 1
    return counts


def function_word_language(words: tuple[str, ...]) -> str | None:
    """The language whose function words are clearly the most frequent (two or more, and more).

    >>> function_word_language(tokens("Le maire a dit que la ville est prête pour l'hiver"))
    'fr'
    """
    ranked = sorted(function_word_counts(words).items(), key=lambda item: (-item[1], item[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= 2 and top > second else None


def letter_language(text: str) -> str | None:
    """The one language whose own letters the text uses (ä, ñ, ç …; data in ``locales.LETTERS``), if only one.

    >>> letter_language("Ausgeruhter Gebrselassie schlägt seinen Weltrekord"), letter_language("Paris")
    ('de', None)
    """
    found = [lang for lang, letters in locales.LETTERS.items() if any(ch in letters for ch in text.lower())]
    return found[0] if len(found) == 1 else None


def _settled(words: tuple[str, ...], expected: str) -> bool:
    """Function words alone show the text is in ``expected``: the identifier is not needed.

    Its own function words must be three or more and lead every other language's by ``SETTLED_LEAD``;
    no foreign paragraph of the development corpora passes, and two in three own paragraphs do (the
    identifier is the slow part).
    """
    if len(words) < SETTLED_WORDS:
        return False
    counts = function_word_counts(words)
    own = counts.pop(expected, 0)
    return own >= 3 and own >= SETTLED_LEAD * max(counts.values(), default=0)


def _other_script(text: str, expected: str) -> bool:
    script = script_of(text)
    language = locales.language(expected)
    return script is not None and language.known and script != language.script


def foreign(text: str, expected: str, langs: tuple[str, ...] = locales.LANGS, copy_of: str | None = None) -> Reading | None:
    """The language a paragraph expected in ``expected`` is mostly written in instead, or None.

    None also when it is not running text, or too short to tell with two
    signals. The text outside quotes decides when it can; the whole paragraph
    only when that is too short to tell and does not read as ``expected``.
    ``copy_of``: the language of a text this one is a copy of (the pivot's),
    a second signal for that language. Cheap signals go first: most
    paragraphs never reach the identifier.

    >>> foreign("El gobierno anunció el martes nuevas medidas para las escuelas del país.", "fr").lang
    'es'
    >>> foreign("Le roman « The Old Man and the Sea » a paru en 1952 chez Scribner à New York.", "fr") is None
    True
    """
    words = tokens(text)
    if _settled(words, expected):
        return None
    if len(text) < SHORT_TEXT and copy_of is None and function_word_language(words) in (None, expected) \
            and letter_language(text) in (None, expected) and not _other_script(text, expected):
        return None  # a headline with nothing beside the identifier to say it is foreign
    for running in frames(text):
        verdict = _judge(running, expected, langs, copy_of)
        if verdict != UNDECIDED:
            return verdict if isinstance(verdict, Reading) else None
    return None


UNDECIDED, OWN = "undecided", "own"


def _judge(running: str, expected: str, langs: tuple[str, ...], copy_of: str | None) -> Reading | str:
    """A Reading if ``running`` is foreign, ``OWN`` if it reads as expected, else ``UNDECIDED``."""
    words = tokens(running)
    if _settled(words, expected):
        return OWN
    other_script = _other_script(running, expected)
    by_words = function_word_language(words)
    short = len(running) < SHORT_TEXT
    if short and by_words == expected and not other_script:
        return OWN
    whole = identify(running, langs)
    if whole is None or whole.lang == expected and whole.confidence >= MIN_CONFIDENCE:
        return OWN
    lang, share, confidence = _majority(running, langs, whole)
    if lang == expected:
        return OWN
    if confidence < MIN_CONFIDENCE:
        return UNDECIDED
    signals = _signals(running, lang, other_script, by_words, copy_of)
    if short and len(signals) < 2:
        return UNDECIDED
    return Reading(lang, confidence, share, len(running), signals) if share >= FOREIGN_SHARE else OWN


def _signals(running: str, lang: str, other_script: bool, by_words: str | None, copy_of: str | None) -> tuple[str, ...]:
    """What says ``running`` is in ``lang``: the identifier, and any of its script, function words, letters, a copy."""
    seen = {"script": other_script, "function words": by_words == lang, "letters": letter_language(running) == lang,
            "copy": copy_of == lang}
    return ("identifier", *(name for name, present in seen.items() if present))


def _majority(running: str, langs: tuple[str, ...], whole: LanguageGuess) -> tuple[str, float, float]:
    """The language most running words are in, sentence by sentence: (language, share, confidence).

    A sentence too short to judge alone goes with the whole paragraph's language; the confidence is the
    mean of the sentences in the winner's, weighed by their running words (as the share is).
    """
    words: Counter[str] = Counter()
    beliefs: dict[str, float] = {}
    for sentence in _SENTENCE_END.split(running):
        count = len(running_words(_WORD.findall(sentence)))
        guess = (identify(sentence, langs) if count >= MIN_SENTENCE_WORDS else None) or whole
        words[guess.lang] += count
        beliefs[guess.lang] = beliefs.get(guess.lang, 0.0) + count * guess.confidence
    total = sum(words.values())
    if not total:
        return whole.lang, 1.0, whole.confidence
    lang = max(words, key=lambda candidate: (words[candidate], candidate == whole.lang, candidate))
    return lang, round(words[lang] / total, 3), round(beliefs[lang] / words[lang], 3)
