"""The evidence behind ``untranslated``: edition text in another language than its edition's.

``wrong_language`` decides from the language of the running text
(``langid``), from sentences copied from the pivot word for word, and, for a
headline the identifier alone cannot judge, from its words: a paste from a
third edition uses words its edition uses nowhere else (``Vocabulary``).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property, lru_cache
from itertools import chain

from rapidfuzz import fuzz

from . import langid, locales
from .model import Edition, Finding, Paragraph
from .text import plain

# Text this close to the pivot's (fuzz.ratio) that reads as the pivot's language is the pivot's text.
SAME_TEXT = 85
# A sentence of running text this long, in the pivot's language and word for word the pivot's, was not
# translated (shorter: names, titles, figures that stay as they are); reported with this confidence.
MIN_COPIED_SENTENCE = 20
COPIED_CONFIDENCE = 0.9


def wrong_language(pivot: list[Paragraph], edition: list[Paragraph], pivot_lang: str, lang: str,
                   langs: tuple[str, ...], vocabulary: Vocabulary) -> tuple[float, str, str] | None:
    """Is the edition text running text in another language? (confidence, language, reason) or None.

    Mostly in another language, or with whole sentences left in the pivot's
    language word for word. Names, addresses, links, codes and quoted titles
    are left as they are by translators and are not judged (see
    ``langid.foreign``); nor is a sentence in a third language the pivot has
    too, word for word (the original quoted it: "Il faut bien le faire." in
    every edition). In an edition whose language the identifier does not
    know, only text copied from the pivot is reported. A headline too short
    (or too capitalised) for the identifier alone is foreign when its
    ``vocabulary`` is a stranger's as well (see ``Vocabulary.stranger``).
    """
    if pivot_lang == lang:
        return None
    source = " ".join(plain(p.norm) for p in pivot)
    kept, copied = verbatim(edition, source, pivot_lang, langs)
    text = " ".join(kept)
    same = len(text) < langid.SHORT_TEXT and fuzz.ratio(text, source) >= SAME_TEXT
    reading = langid.foreign(text, lang, langs, pivot_lang if same else None)
    if reading is None and not copied:
        reading = _by_words(text, edition, lang, langs, vocabulary)
    if reading is None:
        if not copied:
            return None
        noun = f"sentence {copied[0]} is" if len(copied) == 1 else f"sentences {', '.join(map(str, copied))} are"
        return COPIED_CONFIDENCE, pivot_lang, f"{noun} the {pivot_lang} text, word for word"
    whole_copy = reading.lang == pivot_lang and (same or fuzz.ratio(text, source) >= SAME_TEXT)
    if not langid.known(lang) and not whole_copy:
        return None
    return _confidence(reading), reading.lang, _reason(reading.lang, pivot_lang, whole_copy)


def pivot_not_in_its_language(pivot: Edition) -> list[Finding]:
    """The reference edition's own paragraphs in another language (a site's English fallback under a Russian
    page): no edition compared with them can be judged, so they are reported on the pivot itself."""
    if not langid.known(pivot.lang):
        return []
    langs, found = langid.candidates(pivot.lang), []
    script = locales.language(pivot.lang).script  # (no other candidate writes Cyrillic: a Russian pivot's
    alone = all(locales.language(lang).script != script for lang in langs if lang != pivot.lang)  # script says)
    for paragraph in pivot.content:
        text = plain(paragraph.norm)
        if paragraph.block == "code" or alone and langid.script_of(text) == script:
            continue
        reading = langid.foreign(text, pivot.lang, langs)
        if reading is not None:
            where = f"{pivot.lang} ¶{paragraph.n}"
            found.append(Finding("untranslated", "error", pivot.lang, (paragraph.n,), (),
                                 f"{where} is not in {pivot.lang}: {_reason(reading.lang, pivot.lang, False)} (the "
                                 "reference edition itself: its counterparts are compared with it as they are)",
                                 _confidence(reading),
                                 expected=(pivot.lang,), found=(reading.lang,)))
    return found


def _confidence(reading: langid.Reading) -> float:
    """The identifier's confidence, less where only part of the running text is in the other language."""
    return round(min(0.99, reading.confidence * (0.5 + 0.5 * reading.share)), 2)


def _reason(found: str, pivot_lang: str, whole_copy: bool) -> str:
    if whole_copy:
        return f"it is the {pivot_lang} text"
    if found == langid.OTHER:
        return "it is written in a script none of the five languages uses"
    return f"it reads as {locales.language_name(found)}"


def _by_words(text: str, edition: list[Paragraph], lang: str, langs: tuple[str, ...],
              vocabulary: Vocabulary) -> langid.Reading | None:
    """A headline the identifier alone does not judge, read again when its words are a stranger's."""
    if langid.known(lang) and vocabulary.stranger(edition) and _undecided(text):  # (the cheap tests first)
        return stranger_reading(text, lang, langs)
    return None


def verbatim(edition: list[Paragraph], source: str, pivot_lang: str,
             langs: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """Edition sentences the pivot has word for word: quotations in a third language are set aside
    (returned text without them); running sentences in the pivot's language were left untranslated
    (their 1-based numbers)."""
    kept: list[str] = []
    copied: list[int] = []
    for number, sentence in enumerate((s for p in edition for s in p.sentences), start=1):
        if len(sentence) >= 12 and sentence in source:
            guess = langid.identify(sentence, langs)
            if guess is not None and guess.lang != pivot_lang:
                continue
            if guess is not None and len(sentence) >= MIN_COPIED_SENTENCE and langid.frames(sentence):
                copied.append(number)
        kept.append(sentence)
    return kept, copied


# A paragraph of this many words the pivot lacks, of which at most this share occur elsewhere in its
# edition, does not use its edition's words: a second signal beside the identifier (development split:
# no own paragraph of the corpora passes with the identifier; 2 % of pastes from a third edition do that
# the identifier alone, on short text, may not decide).
STRANGER_WORDS = 2
STRANGER_OWN_SHARE = 0.25


class Vocabulary:
    """The words of a whole pivot edition, and in how many paragraphs of the edition each of its words is
    (read on the first question)."""

    def __init__(self, pivot: Edition, edition: Edition) -> None:
        self.pivot, self.edition = pivot, edition

    @cached_property
    def _pivot_words(self) -> frozenset[str]:
        return _vocabulary(tuple(p.norm for p in self.pivot.paragraphs))

    @cached_property
    def _edition_counts(self) -> Counter[str]:
        """In how many paragraphs of the edition each word is."""
        return Counter(chain.from_iterable(_words(paragraph.norm) for paragraph in self.edition.paragraphs))

    @cached_property
    def _repeated(self) -> frozenset[str]:
        """The words of the edition that are in two paragraphs or more (by set operations, not counting)."""
        seen: set[str] = set()
        repeated: set[str] = set()
        for paragraph in self.edition.paragraphs:
            words = _words(paragraph.norm)
            repeated |= seen & words
            seen |= words
        return frozenset(repeated)

    def stranger(self, paragraphs: list[Paragraph]) -> bool:
        """Do the paragraphs use words their edition uses nowhere else? Of their words the pivot lacks
        (names, figures and cognates it has are set aside), ``STRANGER_WORDS`` or more and at most
        ``STRANGER_OWN_SHARE`` of them found in other paragraphs of the edition."""
        fresh: frozenset[str] | set[str]
        if len(paragraphs) == 1:  # (most links: one paragraph, whose words are elsewhere when repeated)
            fresh = _words(paragraphs[0].norm) - self._pivot_words
            own = len(fresh & self._repeated)
        else:
            here = Counter(chain.from_iterable(_words(paragraph.norm) for paragraph in paragraphs))
            fresh = here.keys() - self._pivot_words
            own = sum(1 for word in fresh if self._edition_counts[word] > here[word])
        return len(fresh) >= STRANGER_WORDS and own <= STRANGER_OWN_SHARE * len(fresh)


@lru_cache(maxsize=8)
def _vocabulary(norms: tuple[str, ...]) -> frozenset[str]:
    """The words of a whole edition: the pivot's are asked for once per other edition."""
    return frozenset().union(*map(_words, norms))


@lru_cache(maxsize=1 << 12)
def _words(norm: str) -> frozenset[str]:
    """Lower-case words of two letters or more of a paragraph (figures, codes and addresses are not words);
    once per paragraph, which the pivot's are asked for once per edition."""
    return frozenset(word for word in langid.tokens(plain(norm)) if len(word) >= 2 and word.isalpha())


def _undecided(text: str) -> bool:
    """Text the identifier alone does not judge: a headline (short, or without running lower-case words)."""
    return len(text) < langid.SHORT_TEXT or not langid.frames(text)


def stranger_reading(text: str, lang: str, langs: tuple[str, ...]) -> langid.Reading | None:
    """The identifier's reading of text whose words are a stranger's, when it is sure of another language."""
    running = langid.running_text(text)
    guess = langid.identify(running, langs)
    if guess is None or guess.lang == lang or guess.confidence < langid.MIN_CONFIDENCE:
        return None
    return langid.Reading(guess.lang, guess.confidence, 1.0, len(running), ("identifier", "vocabulary"))
