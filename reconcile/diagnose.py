"""Aligned pairs → findings, by a registry of small pure checks.

Each check looks at one pair (pivot, edition, alignment) and returns findings;
none raises. Preconditions are computed once per link in ``PairContext``: a
paragraph with no counterpart is reported as missing and nothing else; an
untranslated paragraph is not also checked for its figures (they would be
read in the wrong locale); figures lost with the lost half of a truncated
paragraph are not reported twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from . import langid, locales
from .align import align_sentences
from .content import (
    MIN_LOST_SENTENCE,
    Shortfall,
    judging_ratio,
    paragraphs_length,
    shortfall,
)
from .divergence import day_replaced, figure_divergences, word_divergence
from .model import Alignment, Anchor, Edition, Finding, Link, Paragraph, Settings, Token
from .similarity import (
    DATE_KINDS,
    NUMBER_KINDS,
    AnchorMatch,
    length_delta,
    length_probability,
    match_anchors,
    strong_of,
)
from .text import plain
from .untranslated import Vocabulary, wrong_language

if TYPE_CHECKING:
    from .embed import Embedder

# fuzz.ratio window of a misspelt name: closer is the same name, further is another word.
NAME_TYPO = (84.0, 95.0)


@dataclass
class PairContext:
    """One edition against the pivot, with per-link facts computed once."""

    pivot: Edition
    edition: Edition
    alignment: Alignment
    settings: Settings
    embedder: Embedder | None = None
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
    def untranslated(self) -> dict[int, tuple[float, str, str]]:
        """Link index → (confidence, language found, reason) for edition text in the wrong language.

        Code (a fenced block, a paragraph that is one code span) is in no language and is not judged."""
        flagged = {}
        langs = langid.candidates(self.pivot.lang, self.edition.lang)
        vocabulary = Vocabulary(self.pivot, self.edition)
        for k, link in enumerate(self.alignment.links):
            edition = [p for p in self.edition_paragraphs(link) if p.block != "code"]
            if link.pivot and edition:
                verdict = wrong_language([p for p in self.pivot_paragraphs(link) if p.block != "code"], edition,
                                         self.pivot.lang, self.edition.lang, langs, vocabulary)
                if verdict:
                    flagged[k] = verdict
        return flagged

    @cached_property
    def truncated(self) -> dict[int, Shortfall]:
        """Link index → the content an edition paragraph lost, for those that lost some.

        Short alone is not enough: headlines, salutations and free renderings
        vary a lot. See ``content.shortfall`` for the tests, cheapest first.
        """
        short = {}
        for k, link in enumerate(self.alignment.links):
            if link.pivot and link.edition and k not in self.untranslated:
                found = shortfall(self, k, self.pivot_paragraphs(link), self.edition_paragraphs(link))
                if found:
                    short[k] = found
        return short

    @cached_property
    def ratio(self) -> float:
        """The length ratio lengths are judged by (``content.judging_ratio``)."""
        return judging_ratio(self.alignment, self.pivot.lang)

    def lone_sentences(self, pivot: Sequence[str], edition: Sequence[str]) -> tuple[int, ...]:
        """Pivot sentences (0-based) of some length the sentence aligner leaves without a counterpart."""
        beads = align_sentences(pivot, edition, self.pivot.lang, self.edition.lang, self.alignment.length_ratio)
        return tuple(b.pivot_start for b in beads if b.shape == (1, 0) and len(pivot[b.pivot_start]) >= MIN_LOST_SENTENCE)

    @cached_property
    def figures_readable(self) -> bool:
        """Figures are read in the five languages only: in another (``zh``, ``ja``) every pivot figure
        would look lost."""
        return locales.language(self.pivot.lang).known and locales.language(self.edition.lang).known

    def figures_lost(self, k: int) -> bool:
        """The pivot's figures or dates have no counterpart and the edition has none of its own instead."""
        if not self.figures_readable:
            return False
        match = self.anchors(k)
        facts = DATE_KINDS | NUMBER_KINDS
        return bool(strong_of(match.only_pivot, facts)) and not strong_of(match.only_edition, facts)

    def anchors(self, k: int) -> AnchorMatch:
        """The matched and unmatched anchors of link k (computed once; two checks read them)."""
        if k not in self._matches:
            link = self.alignment.links[k]
            self._matches[k] = match_anchors(tuple(a for p in self.pivot_paragraphs(link) for a in p.anchors),
                                             tuple(a for p in self.edition_paragraphs(link) for a in p.anchors),
                                             self.settings.name_threshold)
        return self._matches[k]


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


def diagnose(pivot: Edition, edition: Edition, alignment: Alignment, settings: Settings,
             embedder: Embedder | None = None) -> list[Finding]:
    """All findings for one edition against the pivot, in paragraph order (``embedder``: the semantic signal)."""
    context = PairContext(pivot, edition, alignment, settings, embedder)
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
    gone, came = _lone_pair(ctx)
    for k, link in enumerate(ctx.alignment.links):
        if link.pivot and not link.edition:
            yield _missing(ctx, k, came)
        elif link.edition and not link.pivot:
            yield _extra(ctx, link, gone)


def _lone_pair(ctx: PairContext) -> tuple[Link | None, Link | None]:
    """The only missing and the only extra paragraph, if they may be one paragraph moved; else None, None."""
    links = ctx.alignment.links
    lonely_pivot = [link for link in links if link.pivot and not link.edition]
    lonely_edition = [link for link in links if link.edition and not link.pivot]
    if len(lonely_pivot) == len(lonely_edition) == 1 and _plausible_move(ctx, lonely_pivot[0], lonely_edition[0]):
        return lonely_pivot[0], lonely_edition[0]
    return None, None


def _missing(ctx: PairContext, k: int, extra: Link | None) -> Finding:
    """Link ``k`` has no edition side: say where it was expected and, given ``extra``, where it may have gone."""
    links = ctx.alignment.links
    link = links[k]
    p = ctx.pivot_paragraphs(link)[0]
    before = next((l.edition[-1] for l in reversed(links[:k]) if l.edition and not l.moved), None)
    where = f"after {ctx.edition.lang} ¶{before}" if before else "at the start"
    hint = f"; perhaps moved: {_refs(ctx.edition.lang, extra.edition)} is unmatched" if extra else ""
    return Finding("missing", "error", ctx.edition.lang, link.pivot, (),
                   f"{_refs(ctx.pivot.lang, link.pivot)} has no counterpart in {ctx.edition.lang} "
                   f"(expected {where}): «{_excerpt(p.text)}»{hint}", link.confidence,
                   expected=(_excerpt(p.text),))


def _extra(ctx: PairContext, link: Link, missing: Link | None) -> Finding:
    """``link`` has no pivot side; given ``missing``, the pivot paragraph it may have moved from."""
    e = ctx.edition_paragraphs(link)[0]
    hint = f"; perhaps moved from {_refs(ctx.pivot.lang, missing.pivot)}, which is unmatched" if missing else ""
    return Finding("extra", "error", ctx.edition.lang, (), link.edition,
                   f"{_refs(ctx.edition.lang, link.edition)} has no counterpart in the "
                   f"{ctx.pivot.lang} edition: «{_excerpt(e.text)}»{hint}", link.confidence,
                   found=(_excerpt(e.text),))


def _plausible_move(ctx: PairContext, missing: Link, extra: Link) -> bool:
    links = ctx.alignment.links
    apart = abs(links.index(missing) - links.index(extra)) >= 2
    delta = length_delta(paragraphs_length(ctx.pivot_paragraphs(missing)), paragraphs_length(ctx.edition_paragraphs(extra)),
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

@check
def untranslated(ctx: PairContext) -> Iterator[Finding]:
    for k, (confidence, found, reason) in ctx.untranslated.items():
        link = ctx.alignment.links[k]
        yield Finding("untranslated", "error", ctx.edition.lang, link.pivot, link.edition,
                      f"{_refs(ctx.edition.lang, link.edition)} is not in {ctx.edition.lang}: {reason} "
                      f"(counterpart of {_refs(ctx.pivot.lang, link.pivot)})", confidence,
                      expected=(ctx.edition.lang,), found=(found,))


@check
def truncated(ctx: PairContext) -> Iterator[Finding]:
    """Name the pivot sentences that have no counterpart: those left out, or those from where the edition stops."""
    for k, loss in ctx.truncated.items():
        link = ctx.alignment.links[k]
        pivot, edition = ctx.pivot_paragraphs(link), ctx.edition_paragraphs(link)
        sentences = [s for p in pivot for s in p.sentences]
        numbers, state = _lost_sentences(loss, sentences, sum(len(p.sentences) for p in edition))
        where = ""
        if numbers:
            span = ", ".join(str(i + 1) for i in numbers) if loss.lost else \
                f"{numbers[0] + 1}" + (f"–{numbers[-1] + 1}" if len(numbers) > 1 else "")
            noun = "sentence" if len(numbers) == 1 else "sentences"
            where = f"; {ctx.pivot.lang} {noun} {span} («{_excerpt(sentences[numbers[0]], 50)}») {state}"
        delta = length_delta(paragraphs_length(pivot), paragraphs_length(edition), ctx.ratio)
        yield Finding("truncated", "error", ctx.edition.lang, link.pivot, link.edition,
                      f"{_refs(ctx.edition.lang, link.edition)} is {loss.share:.0%} of the length expected from "
                      f"{_refs(ctx.pivot.lang, link.pivot)}{where} (shown by {', '.join(loss.signals)})",
                      round(min(0.99, 1 - length_probability(delta) * 0.5), 2),
                      expected=tuple(_excerpt(sentences[i], 50) for i in numbers),
                      sentence=numbers[0] + 1 if numbers else None, signals=loss.signals)


def _lost_sentences(loss: Shortfall, sentences: list[str], kept: int) -> tuple[list[int], str]:
    """The pivot sentences (0-based) to name, and what became of them."""
    if loss.lost:
        return list(loss.lost), "has no counterpart" if len(loss.lost) == 1 else "have no counterpart"
    first = max(min(kept - 1 if loss.cut else kept, len(sentences) - 1), 0)
    numbers = list(range(first, len(sentences))) if kept <= len(sentences) else []
    if loss.cut:
        return numbers, "is cut short" if len(numbers) == 1 else "are cut short or missing"
    return numbers, "has no counterpart" if len(numbers) == 1 else "have no counterpart"


@check
def figures(ctx: PairContext) -> Iterator[Finding]:
    """Numbers and dates the two sides do not share, or share only in another form.

    A figure present on both sides but different is an error when it is read
    surely (digits on both sides, a link the aligner is sure of); a figure
    stated on one side only is a warning, because translators legitimately
    drop or spell out figures ("about a hundred"). Numbers written as words
    take part only against a different number on the other side, and then as
    a warning. A figure that agrees only in another locale's convention is a
    ``number_format`` warning; an amount in another currency, or a date that
    lost its year, a ``number_mismatch`` or ``date_mismatch`` warning.
    """
    if not ctx.figures_readable:
        return
    for k, link in enumerate(ctx.alignment.links):
        if link.pivot and link.edition and k not in ctx.untranslated:
            edition = ctx.edition_paragraphs(link)
            for divergence in figure_divergences(ctx.anchors(k), link, k in ctx.truncated, ctx.pivot_paragraphs(link),
                                                 edition, (ctx.pivot.lang, ctx.edition.lang)):
                yield word_divergence(divergence, ctx.pivot.lang, ctx.edition.lang, link, edition)


# A day of the week replaced: a warning, as sure as this (the five corpora as published: 14 such links in
# 851 statements, each an edition naming another day than the others; the ends of one night are let pass).
WEEKDAY_CONFIDENCE = 0.7


@check
def days_of_the_week(ctx: PairContext) -> Iterator[Finding]:
    """A day of the week replaced by another ("on Sunday" / "в субботу"). Translators keep the day; one
    named on one side only is a free rendering ("yesterday"), so only a day lost where another appears
    is reported."""
    if not ctx.figures_readable:
        return
    langs = (ctx.pivot.lang, ctx.edition.lang)
    for k, link in enumerate(ctx.alignment.links):
        if not link.pivot or not link.edition or k in ctx.untranslated:
            continue
        replaced = day_replaced(ctx.pivot_paragraphs(link), ctx.edition_paragraphs(link), langs)
        if replaced is not None:
            lost, new = replaced
            yield Finding("date_mismatch", "warning", ctx.edition.lang, link.pivot, link.edition,
                          f"{_refs(ctx.edition.lang, link.edition)}: expected {', '.join(lost)} "
                          f"(from {_refs(ctx.pivot.lang, link.pivot)}), found {', '.join(new)}", WEEKDAY_CONFIDENCE,
                          expected=lost, found=new)


@check
def names(ctx: PairContext) -> Iterator[Finding]:
    """An organisation replaced by another, or a name misspelled.

    Names are translated freely (Greece, Griechenland, Грецией), so only two
    cases are reported: an organisation whose acronym became another one, and
    a name in the same script that is almost, but not quite, the pivot's
    (``Maurer`` / ``Mauer``). Languages that capitalise every noun (German)
    are left out of the second.
    """
    pivot, edition = locales.language(ctx.pivot.lang), locales.language(ctx.edition.lang)
    same_script = pivot.known and edition.known and pivot.script == edition.script and \
        not (pivot.capitalised_nouns or edition.capitalised_nouns)
    kinds = ("org", "name") if same_script else ("org",)
    for k, link in enumerate(ctx.alignment.links):
        if not link.pivot or not link.edition or k in ctx.untranslated:
            continue
        match = ctx.anchors(k)
        for a in match.only_pivot:
            if a.kind not in kinds:  # (no divergence of any other kind)
                continue
            for b in match.only_edition:
                score = _name_divergence(a, b, same_script)
                if score is None:
                    continue
                yield Finding("name_mismatch", "warning", ctx.edition.lang, link.pivot, link.edition,
                              f"{_refs(ctx.edition.lang, link.edition)}: expected {a.surface} "
                              f"(from {_refs(ctx.pivot.lang, link.pivot)}), found {b.surface}", score,
                              expected=(a.surface,), found=(b.surface,))
                break


def _name_divergence(a: Anchor, b: Anchor, same_script: bool) -> float | None:
    """How sure it is that b is a's organisation replaced or a's name misspelt (None: it is not)."""
    if a.kind == b.kind == "org":
        return 0.8
    if not (same_script and a.kind == b.kind == "name" and isinstance(a.key, Token) and isinstance(b.key, Token)):
        return None
    ratio = fuzz.ratio(a.key.text, b.key.text)
    if min(len(a.key.text), len(b.key.text)) < 5 or not NAME_TYPO[0] <= ratio < NAME_TYPO[1]:
        return None
    return round(ratio / 100, 2)
