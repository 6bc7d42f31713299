"""Aligned pairs → findings, by a registry of small pure checks.

Each check looks at one pair (pivot, edition, alignment) and returns findings;
none raises. Preconditions are computed once per link in ``PairContext``: a
paragraph with no counterpart is reported as missing and nothing else; an
untranslated paragraph is not also checked for its figures (they would be
read in the wrong locale); figures lost with the lost half of a truncated
paragraph are not reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

from . import locales
from .align import align_sentences
from .ingest import plain
from .model import Alignment, Anchor, Edition, Finding, Link, Paragraph, Settings
from .similarity import AnchorMatch, length_delta, length_probability, match_anchors

DATE_KINDS = frozenset({"date", "year", "time", "decade", "century"})
NUMBER_KINDS = frozenset({"number", "percent"})
# A sentence left out of a paragraph is reported from this length on.
MIN_LOST_SENTENCE = 40
# Shorter paragraphs (salutations, headlines) are rendered too freely to call truncated.
MIN_TRUNCATABLE = 80
# An edition paragraph this much shorter than expected that also lost the pivot's figures lost content.
LOST_FIGURES_SHARE = 0.7
# An edition paragraph that stops mid-sentence is truncated below this share of its expected length.
CUT_SHARE = 0.85
# fuzz.ratio window of a misspelt name: closer is the same name, further is another word.
NAME_TYPO = (84.0, 95.0)


@dataclass
class PairContext:
    """One edition against the pivot, with per-link facts computed once."""

    pivot: Edition
    edition: Edition
    alignment: Alignment
    settings: Settings
    _by_n: dict[tuple[str, int], Paragraph] = field(default_factory=dict)
    _matches: dict[int, AnchorMatch] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for side, edition in (("p", self.pivot), ("e", self.edition)):
            for paragraph in edition.paragraphs:
                self._by_n[(side, paragraph.n)] = paragraph

    def pivot_paragraphs(self, link: Link) -> list[Paragraph]:
        return [self._by_n[("p", n)] for n in link.pivot]

    def edition_paragraphs(self, link: Link) -> list[Paragraph]:
        return [self._by_n[("e", n)] for n in link.edition]

    @cached_property
    def untranslated(self) -> dict[int, tuple[float, str]]:
        """Link index → (confidence, reason) for edition text in the wrong language."""
        flagged = {}
        for k, link in enumerate(self.alignment.links):
            if link.pivot and link.edition:
                verdict = wrong_language(self.pivot_paragraphs(link), self.edition_paragraphs(link),
                                         self.pivot.lang, self.edition.lang)
                if verdict:
                    flagged[k] = verdict
        return flagged

    @cached_property
    def truncated(self) -> dict[int, tuple[float, tuple[int, ...]]]:
        """Link index → (edition length as a share of the expected, lost pivot sentences) for cut ones.

        Short alone is not enough: headlines, salutations and free renderings
        vary a lot. An edition that stops on a word where the pivot ends a
        sentence is cut off if it is under ``CUT_SHARE`` of the expected length;
        otherwise the pivot must be ``MIN_TRUNCATABLE`` characters or more, and
        the edition under the truncation ratio with fewer sentences or an
        improbably short length. A paragraph with fewer sentences than the
        pivot's and under ``CUT_SHARE`` is also aligned sentence by sentence:
        a pivot sentence with no counterpart anywhere in it was left out. And
        a paragraph under ``LOST_FIGURES_SHARE`` that lost the pivot's figures
        (with none of its own instead) lost the text that held them.
        The sentences named are 0-based positions in the pivot paragraphs;
        none named means "from where the edition stops".
        """
        short = {}
        for k, link in enumerate(self.alignment.links):
            if not link.pivot or not link.edition or k in self.untranslated:
                continue
            pivot, edition = self.pivot_paragraphs(link), self.edition_paragraphs(link)
            expected = _length(pivot) * self.alignment.length_ratio
            share = _length(edition) / max(expected, 1)
            if expected < 40 or share >= CUT_SHARE:
                continue
            cut_mid_sentence = _ends_sentence(pivot[-1]) and plain(edition[-1].norm)[-1:].isalnum()
            fewer_sentences = sum(len(p.sentences) for p in edition) < sum(len(p.sentences) for p in pivot)
            improbable = abs(length_delta(_length(pivot), _length(edition), self.alignment.length_ratio)) >= 2.5
            short_enough = share < self.settings.truncation_ratio and expected >= MIN_TRUNCATABLE
            if cut_mid_sentence or (short_enough and (fewer_sentences or improbable)):
                short[k] = (share, ())
            elif fewer_sentences and expected >= MIN_TRUNCATABLE and (lost := self._sentences_left_out(pivot, edition, share)):
                short[k] = (share, lost)
            elif share < LOST_FIGURES_SHARE and self._figures_lost(k):
                short[k] = (share, ())
        return short

    def _figures_lost(self, k: int) -> bool:
        """The pivot's figures or dates have no counterpart and the edition has none of its own instead."""
        match = self.anchors(k)
        facts = DATE_KINDS | NUMBER_KINDS
        return bool(_kinds(match.only_pivot, facts)) and not _kinds(match.only_edition, facts)

    def _sentences_left_out(self, pivot: list[Paragraph], edition: list[Paragraph], share: float) -> tuple[int, ...]:
        """Pivot sentences (0-based) the sentence alignment leaves without a counterpart.

        Only sentences of some length (a dropped "Thank you." is not worth an
        error) and only when the edition is short by about what they weigh.
        """
        sentences = [s for p in pivot for s in p.sentences]
        beads = align_sentences(sentences, [s for p in edition for s in p.sentences],
                                self.pivot.lang, self.edition.lang, self.alignment.length_ratio)
        lost = tuple(b.pivot_start for b in beads if b.shape == (1, 0) and len(sentences[b.pivot_start]) >= MIN_LOST_SENTENCE)
        lost_share = sum(len(sentences[i]) for i in lost) / max(sum(map(len, sentences)), 1)
        return lost if lost and share <= 1 - lost_share + 0.2 else ()

    def anchors(self, k: int) -> AnchorMatch:
        """The matched and unmatched anchors of link k (computed once; two checks read them)."""
        if k not in self._matches:
            link = self.alignment.links[k]
            self._matches[k] = match_anchors(tuple(a for p in self.pivot_paragraphs(link) for a in p.anchors),
                                             tuple(a for p in self.edition_paragraphs(link) for a in p.anchors),
                                             self.settings.name_threshold)
        return self._matches[k]


def _length(paragraphs: list[Paragraph]) -> int:
    return sum(len(plain(p.norm)) for p in paragraphs)


def _ends_sentence(paragraph: Paragraph) -> bool:
    return plain(paragraph.norm).rstrip("\"')»”]").endswith((".", "!", "?", "…", ":", ";"))


def _excerpt(text: str, limit: int = 60) -> str:
    text = plain(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _refs(lang: str, numbers: tuple[int, ...]) -> str:
    return f"{lang} ¶" + "+".join(map(str, numbers))


Check = Callable[[PairContext], Iterator[Finding]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    """Register a check; they run in registration order."""
    CHECKS.append(function)
    return function


def diagnose(pivot: Edition, edition: Edition, alignment: Alignment, settings: Settings) -> list[Finding]:
    """All findings for one edition against the pivot, in paragraph order."""
    context = PairContext(pivot, edition, alignment, settings)
    findings = [finding for run in CHECKS for finding in run(context)]
    return sorted(findings, key=lambda f: (f.pivot[:1] or (0,), f.edition[:1] or (0,), f.kind))


# --- structure ---------------------------------------------------------------

@check
def missing_and_extra(ctx: PairContext) -> Iterator[Finding]:
    """A pivot paragraph with no counterpart, or an edition paragraph with none.

    When exactly one paragraph is missing and one is extra, far apart and of
    matching length, each message points at the other: it may be a move the
    aligner had no evidence to prove (both stay errors; a reviewer decides).
    """
    links = ctx.alignment.links
    lonely_pivot = [link for link in links if link.pivot and not link.edition]
    lonely_edition = [link for link in links if link.edition and not link.pivot]
    maybe_moved = len(lonely_pivot) == len(lonely_edition) == 1 and _plausible_move(ctx, lonely_pivot[0], lonely_edition[0])
    for k, link in enumerate(links):
        if link.pivot and not link.edition:
            p = ctx.pivot_paragraphs(link)[0]
            before = next((l.edition[-1] for l in reversed(links[:k]) if l.edition and not l.moved), None)
            where = f"after {ctx.edition.lang} ¶{before}" if before else "at the start"
            hint = f"; perhaps moved: {_refs(ctx.edition.lang, lonely_edition[0].edition)} is unmatched" if maybe_moved else ""
            yield Finding("missing", "error", ctx.edition.lang, link.pivot, (),
                          f"{_refs(ctx.pivot.lang, link.pivot)} has no counterpart in {ctx.edition.lang} "
                          f"(expected {where}): «{_excerpt(p.text)}»{hint}", link.confidence,
                          expected=(_excerpt(p.text),))
        elif link.edition and not link.pivot:
            e = ctx.edition_paragraphs(link)[0]
            hint = f"; perhaps moved from {_refs(ctx.pivot.lang, lonely_pivot[0].pivot)}, which is unmatched" \
                if maybe_moved else ""
            yield Finding("extra", "error", ctx.edition.lang, (), link.edition,
                          f"{_refs(ctx.edition.lang, link.edition)} has no counterpart in the "
                          f"{ctx.pivot.lang} edition: «{_excerpt(e.text)}»{hint}", link.confidence,
                          found=(_excerpt(e.text),))


def _plausible_move(ctx: PairContext, missing: Link, extra: Link) -> bool:
    links = ctx.alignment.links
    apart = abs(links.index(missing) - links.index(extra)) >= 2
    delta = length_delta(_length(ctx.pivot_paragraphs(missing)), _length(ctx.edition_paragraphs(extra)),
                         ctx.alignment.length_ratio)
    return apart and abs(delta) <= 1.5


@check
def moved(ctx: PairContext) -> Iterator[Finding]:
    for link in ctx.alignment.links:
        if link.moved:
            yield Finding("moved", "warning", ctx.edition.lang, link.pivot, link.edition,
                          f"{_refs(ctx.pivot.lang, link.pivot)} appears out of order as "
                          f"{_refs(ctx.edition.lang, link.edition)} (matched on "
                          f"{', '.join(link.evidence) or 'shared word stems'})",
                          link.confidence)


@check
def split_and_merge(ctx: PairContext) -> Iterator[Finding]:
    """Re-paragraphing is faithful; say so, so a reviewer can see why rows span."""
    for link in ctx.alignment.links:
        if len(link.pivot) == 1 and len(link.edition) > 1:
            yield Finding("split", "info", ctx.edition.lang, link.pivot, link.edition,
                          f"{_refs(ctx.pivot.lang, link.pivot)} is split into "
                          f"{_refs(ctx.edition.lang, link.edition)}", link.confidence)
        elif len(link.pivot) > 1 and link.edition:
            yield Finding("merge", "info", ctx.edition.lang, link.pivot, link.edition,
                          f"{_refs(ctx.pivot.lang, link.pivot)} are merged into "
                          f"{_refs(ctx.edition.lang, link.edition)}", link.confidence)


# --- content -------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def script_share(text: str) -> float:
    """Share of letters that are Cyrillic.

    >>> script_share("Мир, peace")
    0.375
    """
    letters = len(_LETTERS.findall(text))
    return len(_CYRILLIC.findall(text)) / letters if letters else 0.0


def _words(text: str) -> list[str]:
    words = (w.strip(".,;:!?\"'()«»") for w in plain(text).lower().split())
    return [w for w in words if w]


def guess_language(text: str) -> tuple[str, float] | None:
    """Language of a paragraph by script and function words, with a margin; None if unsure.

    Fast and deterministic, for single paragraphs, where langdetect is both
    slow and unstable. Headlines of names ("Elite League: Dundee Stars 5-3",
    "… in Newport on the Levee") have few function words and get no verdict:
    running text has one in five words or more.
    """
    return _guess(_words(text), script_share(text))


def _guess(words: list[str], cyrillic: float) -> tuple[str, float] | None:
    if len(words) < 6:
        return None
    if cyrillic > 0.5:
        return "ru", 1.0
    counts = {lang: sum(1 for w in words if w in vocab) for lang, vocab in locales.FUNCTION_WORDS.items() if lang != "ru"}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 3 or top < 3 * second or top < 0.2 * len(words):
        return None
    return best, min(1.0, (top - second) / len(words) * 4)


def wrong_language(pivot: list[Paragraph], edition: list[Paragraph], pivot_lang: str, lang: str) -> tuple[float, str] | None:
    """Is the edition text not in the edition's language? (confidence, reason) or None.

    Text equal to the pivot's counts only when it reads as running text of the
    pivot's language: names, titles and codes are legitimately left as they are.
    """
    text = " ".join(plain(p.norm) for p in edition)
    source = " ".join(plain(p.norm) for p in pivot)
    words = _words(text)
    if len(words) < 5 or pivot_lang == lang:
        return None
    pivot_vocab = locales.FUNCTION_WORDS.get(pivot_lang, frozenset())
    own_vocab = locales.FUNCTION_WORDS.get(lang, frozenset())
    pivot_words = sum(1 for w in words if w in pivot_vocab)
    own_words = sum(1 for w in words if w in own_vocab)
    if fuzz.ratio(text, source) >= 85 and pivot_words >= 2 and pivot_words > own_words:
        return 0.97, f"it is the {pivot_lang} text"
    cyrillic = script_share(text)
    guessed = _guess(words, cyrillic)
    if (lang == "ru") != (cyrillic > 0.5):
        return 0.95, f"it is written in {guessed[0] if guessed else 'another script'}"
    if guessed and guessed[0] != lang and lang in locales.FUNCTION_WORDS and guessed[1] >= 0.5:
        return round(0.6 + 0.35 * guessed[1], 2), f"it reads as {guessed[0]}"
    return None


@check
def untranslated(ctx: PairContext) -> Iterator[Finding]:
    for k, (confidence, reason) in ctx.untranslated.items():
        link = ctx.alignment.links[k]
        yield Finding("untranslated", "error", ctx.edition.lang, link.pivot, link.edition,
                      f"{_refs(ctx.edition.lang, link.edition)} is not in {ctx.edition.lang}: {reason} "
                      f"(counterpart of {_refs(ctx.pivot.lang, link.pivot)})", confidence,
                      expected=(ctx.edition.lang,), found=(reason,))


@check
def truncated(ctx: PairContext) -> Iterator[Finding]:
    """Name the pivot sentences that have no counterpart: those the sentence alignment left out,
    or those past the edition's sentence count and the last one it kept when it stops mid-sentence."""
    for k, (share, left_out) in ctx.truncated.items():
        link = ctx.alignment.links[k]
        pivot, edition = ctx.pivot_paragraphs(link), ctx.edition_paragraphs(link)
        sentences = [s for p in pivot for s in p.sentences]
        cut = plain(edition[-1].norm)[-1:].isalnum()
        if left_out:
            numbers = list(left_out)
            state = "has no counterpart" if len(numbers) == 1 else "have no counterpart"
        else:
            kept = sum(len(p.sentences) for p in edition)
            first_lost = max(min(kept - 1 if cut else kept, len(sentences) - 1), 0)
            numbers = list(range(first_lost, len(sentences))) if kept <= len(sentences) else []
            state = ("is cut short" if len(numbers) == 1 else "are cut short or missing") if cut else \
                ("has no counterpart" if len(numbers) == 1 else "have no counterpart")
        lost = [sentences[i] for i in numbers]
        where = ""
        if lost:
            span = ", ".join(str(i + 1) for i in numbers) if left_out else \
                f"{numbers[0] + 1}" + (f"–{numbers[-1] + 1}" if len(numbers) > 1 else "")
            noun = "sentence" if len(lost) == 1 else "sentences"
            where = f"; {ctx.pivot.lang} {noun} {span} («{_excerpt(lost[0], 50)}») {state}"
        delta = length_delta(_length(pivot), _length(edition), ctx.alignment.length_ratio)
        yield Finding("truncated", "error", ctx.edition.lang, link.pivot, link.edition,
                      f"{_refs(ctx.edition.lang, link.edition)} is {share:.0%} of the length expected from "
                      f"{_refs(ctx.pivot.lang, link.pivot)}{where}",
                      round(min(0.99, 1 - length_probability(delta) * 0.5), 2),
                      expected=tuple(_excerpt(s, 50) for s in lost), sentence=numbers[0] + 1 if lost else None)


def _kinds(anchors: tuple[Anchor, ...], kinds: frozenset[str]) -> list[Anchor]:
    return [a for a in anchors if a.strong and a.kind in kinds]


def _sentence_of(surface: str, paragraphs: list[Paragraph]) -> int | None:
    for number, sentence in enumerate((s for p in paragraphs for s in p.sentences), start=1):
        if plain(surface) in sentence:
            return number
    return None


@check
def figures(ctx: PairContext) -> Iterator[Finding]:
    """Numbers and dates the two sides do not share.

    A figure present on both sides but different is an error; a figure stated
    on one side only is a warning, because translators legitimately drop or
    spell out figures ("about a hundred"). Numbers written as words take part
    only against a different number on the other side, and then as a warning
    ("2" or "two" against "drei"): words are read less surely than digits.
    """
    for k, link in enumerate(ctx.alignment.links):
        if not link.pivot or not link.edition or k in ctx.untranslated:
            continue
        match = ctx.anchors(k)
        lost = {"number": _kinds(match.only_pivot, NUMBER_KINDS), "date": _kinds(match.only_pivot, DATE_KINDS)}
        new = {"number": _kinds(match.only_edition, NUMBER_KINDS), "date": _kinds(match.only_edition, DATE_KINDS)}
        # A year mistyped into a non-year ("2013" → "2913") crosses categories: pair them up anyway.
        for this, other in (("date", "number"), ("number", "date")):
            if lost[this] and not new[this] and new[other] and not lost[other]:
                new[this], new[other] = new[other], []
        # Number words ("two", "drei") only count against a different number on the other side.
        words_lost = [a for a in match.only_pivot if not a.strong and a.kind == "number"]
        words_new = [a for a in match.only_edition if not a.strong and a.kind == "number"]
        spelled_only = not lost["number"] and not new["number"] and bool(words_lost and words_new)
        if lost["number"] and not new["number"] or spelled_only:
            new["number"] = words_new
        if new["number"] and not lost["number"] or spelled_only:
            lost["number"] = words_lost
        for what, expected in lost.items():
            found = new[what]
            if not expected and not found or (k in ctx.truncated and not found):
                continue
            substituted = bool(expected and found) and all(a.strong for a in (*expected, *found))
            sentence = _sentence_of(found[0].surface, ctx.edition_paragraphs(link)) if found else None
            yield Finding("date_mismatch" if what == "date" else "number_mismatch",
                          "error" if substituted else "warning", ctx.edition.lang, link.pivot, link.edition,
                          f"{_refs(ctx.edition.lang, link.edition)}: expected {'figure' if what == 'number' else 'date'} "
                          f"{', '.join(a.surface for a in expected) or 'nothing'} "
                          f"(from {_refs(ctx.pivot.lang, link.pivot)}), found "
                          f"{', '.join(a.surface for a in found) or 'nothing'}",
                          0.9 if substituted else 0.6,
                          expected=tuple(a.surface for a in expected), found=tuple(a.surface for a in found),
                          sentence=sentence)


@check
def names(ctx: PairContext) -> Iterator[Finding]:
    """An organisation replaced by another, or a name misspelled.

    Names are translated freely (Greece, Griechenland, Грецией), so only two
    cases are reported: an organisation whose acronym became another one, and
    a name in the same script that is almost, but not quite, the pivot's
    (``Maurer`` / ``Mauer``). German is left out of the second: it capitalises
    every noun.
    """
    same_script = "ru" not in (ctx.pivot.lang, ctx.edition.lang) and "de" not in (ctx.pivot.lang, ctx.edition.lang)
    for k, link in enumerate(ctx.alignment.links):
        if not link.pivot or not link.edition or k in ctx.untranslated:
            continue
        match = ctx.anchors(k)
        for a in match.only_pivot:
            for b in match.only_edition:
                if a.kind == b.kind == "org":
                    score = 0.8
                elif same_script and a.kind == b.kind == "name":
                    ratio = fuzz.ratio(a.key[5:], b.key[5:])
                    if min(len(a.key), len(b.key)) < 10 or not NAME_TYPO[0] <= ratio < NAME_TYPO[1]:
                        continue
                    score = round(ratio / 100, 2)
                else:
                    continue
                yield Finding("name_mismatch", "warning", ctx.edition.lang, link.pivot, link.edition,
                              f"{_refs(ctx.edition.lang, link.edition)}: expected {a.surface} "
                              f"(from {_refs(ctx.pivot.lang, link.pivot)}), found {b.surface}", score,
                              expected=(a.surface,), found=(b.surface,))
                break
