"""Findings across all editions: let the agreement of the other editions speak, neutrally.

Pair by pair, the pivot is the reference. With three or more editions the
other editions tell more. When every other edition that has the pivot's
paragraph differs from the pivot in the same way (each lacks the paragraph,
each has another figure), one finding on the pivot replaces one per
edition, and it says so without blaming a side: the original may have been
revised after the translations were made, or be wrong ("the ru edition
differs from all others: the translations may be outdated or the original
wrong"). When only some editions differ, each finding names the editions
that really agree with the pivot (they have the paragraph and no finding on
it) and those that differ in the same way; an edition that lacks the
paragraph, or differs too, is never said to agree. A paragraph judged
``truncated`` by its length alone is not, when the editions that agree with
the pivot are as short: the pivot is the long one (``_as_short_as_the_others``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from .content import ENOUGH, judging_ratio, paragraphs_length
from .model import SEVERITY_RANK, Alignment, Edition, Finding, Paragraph

# Kinds whose per-edition findings can be pooled into one finding on the pivot.
POOLED = ("missing", "number_mismatch", "date_mismatch")
# Kinds that say an edition's rendering of a pivot paragraph differs from it.
CONTENT_KINDS = POOLED + ("untranslated", "truncated")
REVISION = "the translations may be outdated or the original wrong"

Key = tuple[str, int, tuple[str, ...]]


def _key(finding: Finding) -> Key:
    """Findings of different editions about the same thing: kind, first pivot paragraph, the pivot's values."""
    return finding.kind, finding.pivot[0], tuple(sorted(finding.expected)) if finding.kind != "missing" else ()


def _covered(alignments: Sequence[Alignment]) -> dict[str, set[int]]:
    """Pivot paragraphs each edition has a counterpart for."""
    return {a.lang: {n for link in a.links if link.edition for n in link.pivot} for a in alignments}


def agree(pivot: Edition, others: list[Edition], findings: list[Finding],
          alignments: Sequence[Alignment] = ()) -> list[Finding]:
    """Pool findings every other edition shares onto the pivot; name who agrees on the rest."""
    langs = [e.lang for e in others]
    if len(langs) < 2:
        return findings
    covered = _covered(alignments)
    findings, as_short = _as_short_as_the_others(pivot, others, findings, alignments)
    groups, differs = _grouped(findings)
    pooled: dict[int, Finding] = {}
    for key, members in groups.items():
        if _everyone(key, members, langs, covered):
            on_pivot = _on_pivot(pivot.lang, members)
            pooled.update((id(member), on_pivot) for member in members)
    out: list[Finding] = []
    for finding in findings:
        merged = pooled.get(id(finding))
        if merged is None:
            plain = id(finding) in as_short or finding.lang == pivot.lang  # (a finding on the pivot itself)
            out.append(finding if plain else _with_support(finding, langs, differs, covered, groups))
        elif all(m is not merged for m in out):
            out.append(merged)
    return out


def _grouped(findings: list[Finding]) -> tuple[dict[Key, list[Finding]], dict[tuple[str, int], set[str]]]:
    """Poolable findings by what they say, and the content kinds found on each (edition, pivot paragraph)."""
    groups: dict[Key, list[Finding]] = defaultdict(list)
    differs: dict[tuple[str, int], set[str]] = defaultdict(set)
    for finding in findings:
        if finding.kind in CONTENT_KINDS and finding.pivot:
            for n in finding.pivot:
                differs[(finding.lang, n)].add(finding.kind)
            if finding.kind in POOLED:
                groups[_key(finding)].append(finding)
    return groups, differs


def _everyone(key: Key, members: list[Finding], langs: list[str], covered: dict[str, set[int]]) -> bool:
    """Every other edition differs this way: all of them, or all that have the paragraph (two or more)."""
    have = {f.lang for f in members}
    if have == set(langs):
        return True
    if key[0] == "missing" or not covered or len(have) < 2:
        return False
    return all(lang in have or key[1] not in covered.get(lang, set()) for lang in langs)


def _on_pivot(pivot: str, members: list[Finding]) -> Finding:
    first = members[0]
    numbers = first.pivot
    others = ", ".join(sorted(f.lang for f in members))
    where = f"{pivot} ¶" + "+".join(map(str, numbers))
    confidence = round(min(0.99, max(f.confidence for f in members) + 0.05), 2)
    if first.kind == "missing":
        excerpt = first.expected[0] if first.expected else ""
        return Finding("extra", first.severity, pivot, numbers, (),
                       f"the {pivot} edition differs from all others: {where} has no counterpart in {others} "
                       f"(«{excerpt}»); {REVISION}", confidence, found=first.expected)
    what = "figure" if first.kind == "number_mismatch" else "date"
    theirs = "; ".join(f"{f.lang} {', '.join(f.found) or 'nothing'}" for f in sorted(members, key=lambda f: f.lang))
    ours = f"{what} {', '.join(first.expected)}" if first.expected else f"no {what}"
    return Finding(first.kind, max((f.severity for f in members), key=SEVERITY_RANK.__getitem__), pivot, numbers, (),
                   f"the {pivot} edition differs from all others: {where} has {ours}, "
                   f"the others have {theirs}; {REVISION}", confidence,
                   expected=tuple(dict.fromkeys(a for f in members for a in f.found)), found=first.expected)


def _with_support(finding: Finding, langs: list[str], differs: dict[tuple[str, int], set[str]],
                  covered: dict[str, set[int]], groups: dict[Key, list[Finding]]) -> Finding:
    """"(de, es agree with the pivot; fr differs in the same way)", for the editions that do."""
    if finding.kind not in CONTENT_KINDS or not finding.pivot:
        return finding
    agreeing = _agreeing(finding, langs, differs, covered)
    same = sorted({f.lang for f in groups.get(_key(finding), []) if f.lang != finding.lang}) \
        if finding.kind in POOLED else []
    notes = _support_notes(agreeing, same)
    if not notes:
        return finding
    confidence = finding.confidence + 0.02 * len(agreeing) - 0.02 * len(same)
    return replace(finding, message=f"{finding.message} ({'; '.join(notes)})",
                   confidence=round(min(0.99, max(0.05, confidence)), 2))


def _support_notes(agreeing: list[str], same: list[str]) -> list[str]:
    notes = []
    if agreeing:
        notes.append(f"{', '.join(agreeing)} {'agrees' if len(agreeing) == 1 else 'agree'} with the pivot")
    if same:
        notes.append(f"{', '.join(same)} {'differs' if len(same) == 1 else 'differ'} in the same way")
    return notes


def _agreeing(finding: Finding, langs: list[str], differs: dict[tuple[str, int], set[str]],
              covered: dict[str, set[int]]) -> list[str]:
    """The other editions that have the finding's pivot paragraphs and nothing found on them.

    On a missing paragraph, an edition that has it agrees; on anything else, one with no content finding on it.
    """
    disagree = {"missing"} if finding.kind == "missing" else set(CONTENT_KINDS)
    return [lang for lang in langs if lang != finding.lang
            and (not covered or set(finding.pivot) <= covered.get(lang, set()))
            and not any(differs.get((lang, n), set()) & disagree for n in finding.pivot)]


# Kinds that say an edition's rendering is not a witness of the pivot paragraph's length.
LENGTH_KINDS = ("untranslated", "truncated")
# The editions that agree with the pivot this many or more witness that its paragraph is long, not the edition short.
MIN_WITNESSES = 2


def _as_short_as_the_others(pivot: Edition, others: list[Edition], findings: list[Finding],
                            alignments: Sequence[Alignment]) -> tuple[list[Finding], set[int]]:
    """``truncated`` findings turned into info where the edition is as long as the others' renderings.

    A paragraph is truncated against the pivot's length. When that length
    showed it (not the semantic signal, which finds sentences left out of
    paragraphs of about their expected length), two or more other editions
    render the same pivot paragraph without being truncated or untranslated,
    and the edition is at ``content.ENOUGH`` of their median length share or
    more, the pivot paragraph is longer than all its renderings (a verbose
    original or translation): the edition lost nothing the others kept.
    Returns the findings and the ids of those turned.
    """
    if not alignments or not any(f.kind == "truncated" and f.severity != "info" for f in findings):
        return findings, set()
    flagged = {(f.lang, n) for f in findings if f.kind in LENGTH_KINDS and f.severity != "info" for n in f.pivot}
    shares = _Shares(pivot, others, alignments)
    out = [_as_short(finding, shares, flagged, pivot.lang) or finding for finding in findings]
    return out, {id(after) for before, after in zip(findings, out) if after is not before}


def _as_short(finding: Finding, shares: _Shares, flagged: set[tuple[str, int]], pivot_lang: str) -> Finding | None:
    """The finding as info if it is a ``truncated`` shown by length (not by meaning) that the witnesses'
    shares explain, else None."""
    if finding.kind != "truncated" or finding.severity == "info" or "length" not in finding.signals \
            or "semantic" in finding.signals:
        return None
    own = shares.of(finding.lang, finding.pivot)
    witnesses = {lang: share for lang in shares.langs if lang != finding.lang
                 and not any((lang, n) in flagged for n in finding.pivot)
                 and (share := shares.of(lang, finding.pivot)) is not None}
    if own is None or len(witnesses) < MIN_WITNESSES or own < ENOUGH * median(witnesses.values()):
        return None
    listed = ", ".join(f"{lang} {share:.0%}" for lang, share in sorted(witnesses.items()))
    return replace(finding, severity="info", message=f"{finding.message}; the others are as short ({listed} of the "
                   f"expected length): the {pivot_lang} paragraph is the long one")


class _Shares:
    """Each edition's length, as a share of the length expected from the pivot, for linked pivot paragraphs."""

    def __init__(self, pivot: Edition, others: list[Edition], alignments: Sequence[Alignment]) -> None:
        self.pivot = {p.n: p for p in pivot.paragraphs}
        self.editions = {e.lang: {p.n: p for p in e.paragraphs} for e in others}
        self.alignments = {a.lang: a for a in alignments if a.lang in self.editions}
        self.ratios = {lang: judging_ratio(a, pivot.lang) for lang, a in self.alignments.items()}
        self.langs = sorted(self.alignments)

    def of(self, lang: str, numbers: tuple[int, ...]) -> float | None:
        """The share of the edition's rendering of exactly these pivot paragraphs, or None if it has none."""
        link = next((link for link in self.alignments[lang].links if link.pivot == numbers and link.edition), None)
        if link is None:
            return None
        expected = paragraphs_length(self._paragraphs(self.pivot, numbers)) * self.ratios[lang]
        return paragraphs_length(self._paragraphs(self.editions[lang], link.edition)) / max(expected, 1.0)

    @staticmethod
    def _paragraphs(by_n: dict[int, Paragraph], numbers: tuple[int, ...]) -> list[Paragraph]:
        return [by_n[n] for n in numbers]
