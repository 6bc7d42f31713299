"""The evidence behind ``truncated``: content lost (``untranslated``: see ``untranslated.py``).

``shortfall`` decides ``truncated``, cheapest evidence first: a
headline or salutation only by a dangling last word or lost figures, a cut
by where the paragraph stops, a left-out sentence by a score of length and
sentence counts, and, where that score is in doubt and an embedder is given,
by how well the edition's sentences cover the pivot's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from . import locales, measures
from .align import language_ratio
from .model import Alignment, Edition, Paragraph, Settings
from .similarity import cognate_keys, length_delta
from .text import plain

if TYPE_CHECKING:
    from .embed import Embedder

# Blocks rendered freely (a headline is not a sentence cut short): never judged by length alone.
HEADLINE_BLOCKS = frozenset({"heading", "title", "kicker", "byline", "caption"})
# Blocks of a list or a table: their end punctuation is a convention of each language.
LISTED_BLOCKS = frozenset({"list_item", "table_cell"})
# A paragraph shorter than this (in expected characters: a salutation, a headline) is rendered freely.
MIN_TRUNCATABLE = 80
# An edition paragraph at this share of its expected length or more has lost nothing worth a length test.
ENOUGH = 0.9
# A one-sentence pivot paragraph this long (in expected characters) is a sentence, not a headline:
# an edition of it that stops mid-sentence is cut off under ``CUT_SHARE`` (shorter: the truncation ratio).
LONG_SENTENCE = 120
# An edition paragraph this much shorter than expected that also lost the pivot's figures lost content.
LOST_FIGURES_SHARE = 0.7
# An edition paragraph that stops mid-sentence is truncated below this share of its expected length.
CUT_SHARE = 0.85
# Left-out sentence: the evidence score from which a sentence counts as lost (see ``omission_score``;
# the lowest threshold at which the messy development corpora get no more content false alarms than
# before this test existed: 0.28 per 100 untouched paragraph pairs, against 0.30).
OMISSION_SCORE = 3.1
# Half a point of that score when the sentence aligner leaves a pivot sentence alone, of this length or more.
LONE_WEIGHT = 0.5
MIN_LOST_SENTENCE = 40
# With the semantic signal: links whose score (without the aligner's half point) is this or more are
# embedded (about 5 % of untouched links), and count as a left-out sentence when score + GAP_WEIGHT × gap
# − ABSORBED_WEIGHT × absorbed + DISTANCE_WEIGHT × (1 − cosine) (+ LONE_SEMANTIC when the sentence aligner
# leaves a pivot sentence alone) reaches SEMANTIC_SCORE (see ``embed.Coverage``). Weights from a logistic
# fit on the development split with the independent injector, threshold at the content false alarms of the
# rule before it (score, gap and absorption only): left-out sentences found 0.82 → 0.85 on development.
SEMANTIC_BAND = 1.2
GAP_WEIGHT = 30.0
ABSORBED_WEIGHT = 9.0
DISTANCE_WEIGHT = 10.0
LONE_SEMANTIC = 1.5
SEMANTIC_SCORE = 5.8

@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why a linked edition paragraph is judged to have lost content.

    ``share``: its length as a share of the expected; ``lost``: pivot
    sentences (0-based) with no counterpart, none meaning "from where it
    stops"; ``cut``: it stops mid-sentence; ``signals``: what showed it.
    """

    share: float
    lost: tuple[int, ...]
    cut: bool
    signals: tuple[str, ...]


class PairFacts(Protocol):
    """What the content tests need from one pair (``diagnose.PairContext`` provides it)."""

    pivot: Edition
    edition: Edition
    settings: Settings
    embedder: Embedder | None

    @property
    def ratio(self) -> float: ...

    def lone_sentences(self, pivot: Sequence[str], edition: Sequence[str]) -> tuple[int, ...]: ...

    def figures_lost(self, k: int) -> bool: ...


def shortfall(ctx: PairFacts, k: int, pivot: list[Paragraph], edition: list[Paragraph]) -> Shortfall | None:
    """Has the edition paragraph lost content? Each test stands on evidence length alone lacks.

    - A headline (a heading block of the pivot, a one-sentence pivot with
      no full stop) or a paragraph under ``MIN_TRUNCATABLE`` (a salutation) is
      rendered freely: only a last word that cannot end it ("… of the"; a
      comma, for a headline) or its lost figures say it was cut. The pivot
      decides: an edition paragraph cut mid-sentence looks like a headline
      (no full stop) and must not be judged as one.
    - A paragraph that stops mid-sentence where the pivot ends one is cut
      off under ``CUT_SHARE`` of its expected length (a one-sentence pivot
      under ``LONG_SENTENCE``, perhaps a headline with a full stop: under
      the truncation ratio), or whatever its length on a dangling word or
      a comma.
    - A left-out sentence (of a pivot paragraph of ``MIN_TRUNCATABLE``
      or more: salutations are rendered freely): ``omission_score`` at
      ``OMISSION_SCORE`` or more.
    - Under ``LOST_FIGURES_SHARE`` with the pivot's figures lost.
    """
    expected = paragraphs_length(pivot) * _ratio(ctx, pivot, edition)
    share = paragraphs_length(edition) / max(expected, 1)
    if expected < 40 or share >= ENOUGH and not _fewer_sentences(ctx, share, pivot, edition):
        return None
    short = _short(ctx, k, pivot, edition, share, expected)
    headline = len(short.sentences) == 1 and not ends_sentence(pivot[-1])
    if share >= ENOUGH:  # long enough by length: only the semantic signal may show a sentence left out
        return None if headline or _in_headline_blocks(pivot) else _sentence_left_out(ctx, short, pivot, edition)
    if headline or expected < MIN_TRUNCATABLE or _in_headline_blocks(pivot):
        return _free_form(short, headline and short.comma and not _ends_with_comma(pivot[-1]))
    return _stops_mid_sentence(ctx, short, pivot, edition) or _sentence_left_out(ctx, short, pivot, edition) \
        or _figures_lost(short)


def _ratio(ctx: PairFacts, pivot: list[Paragraph], edition: list[Paragraph]) -> float:
    """The length ratio to expect: the pair's, or 1 for code, which is copied, not translated."""
    return 1.0 if all(p.block == "code" for p in (*pivot, *edition)) else ctx.ratio


def _fewer_sentences(ctx: PairFacts, share: float, pivot: list[Paragraph], edition: list[Paragraph]) -> bool:
    """With the semantic signal, a link up to its expected length with fewer sentences than the pivot is
    still a candidate omission (a sentence lost where the rest was rendered at length)."""
    return ctx.embedder is not None and share < 1.0 and \
        sum(len(p.sentences) for p in edition) < sum(len(p.sentences) for p in pivot)


@dataclass(frozen=True, slots=True)
class _Short:
    """What the tests of ``shortfall`` read of one link shorter than expected."""

    share: float
    expected: float  # characters
    sentences: list[str]  # the pivot's
    dangling: bool  # the edition stops on a word nothing ends on
    comma: bool  # the edition stops on a comma
    figures: bool  # under ``LOST_FIGURES_SHARE`` with the pivot's figures lost
    listed: bool  # both sides are items of a list or cells of a table


def _short(ctx: PairFacts, k: int, pivot: list[Paragraph], edition: list[Paragraph], share: float,
           expected: float) -> _Short:
    listed = all(p.block in LISTED_BLOCKS for p in (*pivot, *edition))
    return _Short(share, expected, [s for p in pivot for s in p.sentences],
                  _stops_on_a_word(ctx, pivot, edition, listed), _ends_with_comma(edition[-1]),
                  share < LOST_FIGURES_SHARE and ctx.figures_lost(k), listed)


def _stops_on_a_word(ctx: PairFacts, pivot: list[Paragraph], edition: list[Paragraph], listed: bool) -> bool:
    """Does the edition stop on a word nothing ends on ("… signed by the")? Not where it joins a list's items:
    legal texts end an item on "; and" (in the pivot too, or where the pivot ends on "; а также"), and an
    item may end on its language's "und" where the pivot's ends on nothing."""
    if not ends_dangling(edition[-1], ctx.edition.lang) or ends_dangling(pivot[-1], ctx.pivot.lang) \
            or _ends_joined(pivot[-1]):
        return False
    last = plain(edition[-1].norm).split()[-1].lower()
    return not (listed and last in measures.ITEM_JOINERS.get(ctx.edition.lang, ()))


def _in_headline_blocks(pivot: list[Paragraph]) -> bool:
    return any(p.block in HEADLINE_BLOCKS for p in pivot)


def _free_form(short: _Short, comma_cut: bool) -> Shortfall | None:
    """A headline or salutation: cut only on a dangling word (or, a headline, a comma); else only figures tell."""
    cut = short.dangling or comma_cut
    if not cut and not short.figures:
        return None
    return Shortfall(round(short.share, 2), (), cut, ("dangling word",) if cut else ("figures",))


def _stops_mid_sentence(ctx: PairFacts, short: _Short, pivot: list[Paragraph],
                        edition: list[Paragraph]) -> Shortfall | None:
    """Cut off: stops mid-sentence where the pivot ends one, short of its length or on a dangling word or comma.

    Items of a list end as each language's convention has it (Russian on ";", English on "," or nothing): a
    list item without the pivot's final mark is cut on a dangling word, or under the truncation ratio (a
    comma may end an item too)."""
    stops = ends_sentence(pivot[-1]) and not ends_sentence(edition[-1])
    one_short = len(short.sentences) <= 1 and short.expected < LONG_SENTENCE  # perhaps a headline with a full stop
    limit = ctx.settings.truncation_ratio if one_short or short.listed else CUT_SHARE
    if stops and (short.dangling or short.comma and not short.listed or short.share < limit):
        return Shortfall(round(short.share, 2), (), True, ("length", "stops mid-sentence"))
    return None


def _sentence_left_out(ctx: PairFacts, short: _Short, pivot: list[Paragraph],
                       edition: list[Paragraph]) -> Shortfall | None:
    if len(short.sentences) >= 2 and short.expected >= MIN_TRUNCATABLE:
        return left_out(ctx, pivot, edition, short.sentences, short.share)
    return None


def _figures_lost(short: _Short) -> Shortfall | None:
    return Shortfall(round(short.share, 2), (), False, ("length", "figures")) if short.figures else None


def left_out(ctx: PairFacts, pivot: list[Paragraph], edition: list[Paragraph], sentences: list[str],
             share: float) -> Shortfall | None:
    """A sentence left out of a paragraph of two or more: the evidence score, then its name.

    With the semantic signal, links whose length score is in the doubtful
    band (from ``SEMANTIC_BAND``) are judged by that score and sentence
    coverage together, and the sentence named is the one the edition covers
    least (all of a cut-off tail the sentence aligner leaves alone).
    """
    ratio = ctx.ratio
    kept = [s for p in edition for s in p.sentences]
    score = omission_score(paragraphs_length(pivot), paragraphs_length(edition), ratio, len(sentences), len(kept),
                           share, False)
    if ctx.embedder is not None:
        return _covered_or_lost(ctx.embedder, ctx, sentences, kept, share, score)
    if score + LONE_WEIGHT < OMISSION_SCORE:
        return None
    lone = ctx.lone_sentences(sentences, kept)
    if score + (LONE_WEIGHT if lone else 0.0) < OMISSION_SCORE:
        return None
    named = lone or (least_present(sentences, edition, paragraphs_length(edition), ratio),)
    return Shortfall(round(share, 2), named, False, ("length", "sentences"))


def _covered_or_lost(embedder: Embedder, ctx: PairFacts, sentences: list[str], kept: list[str], share: float,
                     score: float) -> Shortfall | None:
    """The semantic judgement of a link in the doubtful band: length score, coverage gap, absorption,
    the paragraphs' distance and a pivot sentence the aligner leaves alone, weighed together."""
    if score < SEMANTIC_BAND:
        return None
    from .embed import coverage  # numpy and the cache: only with the semantic signal

    cover = coverage(embedder, sentences, kept)
    evidence = score + GAP_WEIGHT * cover.gap - ABSORBED_WEIGHT * cover.absorbed + DISTANCE_WEIGHT * (1 - cover.cosine)
    if evidence + LONE_SEMANTIC < SEMANTIC_SCORE:  # short even with a lone sentence: no sentence alignment needed
        return None
    lone = ctx.lone_sentences(sentences, kept)
    if evidence + (LONE_SEMANTIC if lone else 0.0) < SEMANTIC_SCORE:
        return None
    named = lone if len(lone) > 1 and cover.least in lone else (cover.least,)
    return Shortfall(round(share, 2), named, False, ("length", "sentences", "semantic"))


def omission_score(pivot_len: int, edition_len: int, ratio: float, pivot_sentences: int, edition_sentences: int,
                   share: float, lone: bool) -> float:
    """Evidence that a sentence was left out, from length and sentence counts (higher: surer).

    The Gale–Church shortfall (how many standard deviations short), plus
    the share of the expected length missing (long paragraphs hide a lost
    sentence in the variance), plus a point when the edition has fewer
    sentences and half a point when the sentence aligner leaves a pivot
    sentence alone. Weights fitted on the development split.

    >>> round(omission_score(300, 200, 1.0, 3, 2, 0.67, True), 2)
    4.93
    """
    delta = length_delta(pivot_len, edition_len, ratio)
    return -delta + 4 * (1 - share) + (1.0 if edition_sentences < pivot_sentences else 0.0) + (LONE_WEIGHT if lone else 0.0)


def least_present(sentences: list[str], edition: list[Paragraph], edition_len: int, ratio: float) -> int:
    """The pivot sentence (0-based) the edition shows least trace of: the smallest share of its cognates
    (names, numbers, shared stems) found in the edition, then the one whose absence best explains the
    edition's length."""
    found = frozenset().union(*(cognate_keys(plain(p.norm)) for p in edition))
    total = sum(map(len, sentences))

    def presence(i: int) -> tuple[float, float, int]:
        keys = cognate_keys(sentences[i])
        share = len(keys & found) / len(keys) if keys else 1.0
        return share, abs(length_delta(total - len(sentences[i]), edition_len, ratio)), i

    return min(range(len(sentences)), key=presence)


def ends_dangling(paragraph: Paragraph, lang: str) -> bool:
    """Does the paragraph stop on a word no sentence or heading ends on ("… signed by the")?"""
    text = plain(paragraph.norm).rstrip()
    words = text.split()
    return bool(words) and text[-1:].isalpha() and words[-1].lower() in locales.DANGLING_WORDS.get(lang, ())


# A pair with fewer linked paragraphs is judged by the languages' typical length ratio, not its own.
OWN_RATIO_LINKS = 5


def judging_ratio(alignment: Alignment, pivot_lang: str) -> float:
    """The length ratio an edition's lengths are judged by: the pair's own once it has ``OWN_RATIO_LINKS``
    links, else the languages' typical one (in a short document the suspect paragraph skews its own)."""
    linked = sum(1 for link in alignment.links if link.pivot and link.edition)
    typical = language_ratio(pivot_lang, alignment.lang)
    return alignment.length_ratio if linked >= OWN_RATIO_LINKS or typical is None else typical


def _ends_joined(paragraph: Paragraph) -> bool:
    """Does the paragraph end on a word or two that join it to the next, after a semicolon ("…; а также",
    "…; ainsi que"): a list item, whose translation may end on its own joining word?"""
    text = plain(paragraph.norm).rstrip()
    _, semicolon, tail = text.rpartition(";")
    return bool(semicolon) and 0 < len(tail.split()) <= 2 and not text.endswith((".", "!", "?", "…", ":"))


def paragraphs_length(paragraphs: list[Paragraph]) -> int:
    """Characters of the comparison text of paragraphs."""
    return sum(len(plain(p.norm)) for p in paragraphs)


def _ends_with_comma(paragraph: Paragraph) -> bool:
    return plain(paragraph.norm).rstrip().endswith(",")


def ends_sentence(paragraph: Paragraph) -> bool:
    """Does the paragraph end as a sentence does (a colon or semicolon counts: lists and headings end so)?"""
    return plain(paragraph.norm).rstrip("\"')»”’]\u00a0\u202f ").endswith((".", "!", "?", "…", ":", ";"))
