"""Reports → text for a terminal: findings first, then the two editions side by side."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .model import SEVERITY_RANK, Edition, Finding, Link, Problem, Report
from .text import plain

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m"}
_RESET = "\033[0m"
Paint = Callable[[str, str], str]


def _painter(colour: bool) -> Paint:
    """ANSI colour or none: the CLI decides (--color, NO_COLOR, FORCE_COLOR, TERM=dumb, a terminal)."""
    return (lambda text, style: f"{_COLOURS[style]}{text}{_RESET}") if colour else (lambda text, style: text)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.lang, f.pivot[:1] or f.edition[:1]))


def _finding_line(f: Finding, paint: Paint) -> str:
    return f"{paint(f'{f.severity:<7}', f.severity)} {f.kind:<15} {f.lang}  {f.message}  (confidence {f.confidence:.2f})"


def _totals(findings: list[Finding]) -> str:
    """"2 errors, 1 warning, 3 notes"."""
    return ", ".join(_count(sum(1 for f in findings if f.severity == severity), noun)
                     for severity, noun in (("error", "error"), ("warning", "warning"), ("info", "note")))


def render_text(report: Report, width: int = 120, colour: bool = False) -> str:
    """One statement: findings, then each edition beside the pivot with each link's confidence."""
    paint = _painter(colour)
    editions = {e.lang: e for e in report.editions}
    lines = [f"{report.tool}: pivot {report.pivot}; editions {' '.join(editions)}", _totals(list(report.findings))]
    findings = _ordered(report.findings)
    if findings:
        lines.append("")
    lines += [_finding_line(f, paint) for f in findings]
    pivot = editions[report.pivot]
    column = max(20, (width - 16) // 2)
    for alignment in report.alignments:
        edition = editions[alignment.lang]
        lines += ["", (f"{pivot.lang} {pivot.source}  ↔  {edition.lang} {edition.source}"
                       f"  (length ratio {alignment.length_ratio:.2f})")]
        for left, right, tag in _beads(pivot, edition, alignment.links, column):
            for k in range(max(len(left), len(right))):
                l = left[k] if k < len(left) else ""
                r = right[k] if k < len(right) else ""
                lines.append(f"{l:<{column}} │ {r:<{column}} │ {tag if k == 0 else ''}")
        lines += [paint(_chrome_line(pivot), "dim"), paint(_chrome_line(edition), "dim")]
    return "\n".join(lines) + "\n"


Bead = tuple[list[str], list[str], str]


def _beads(pivot: Edition, edition: Edition, links: Sequence[Link], column: int) -> Iterable[Bead]:
    """Each link as its two cells and its confidence; a link with sentence beads as one row per bead."""
    pivot_texts = {p.n: p.norm for p in pivot.paragraphs}
    texts = {p.n: p.norm for p in edition.paragraphs}
    pivot_sentences = _sentence_texts(pivot)
    sentences = _sentence_texts(edition)
    for link in links:
        if not link.sentences:
            yield (_cell(pivot_texts, link.pivot, column), _cell(texts, link.edition, column),
                   "moved" if link.moved else f"{link.confidence:.2f}")
            continue
        for bead in link.sentences:
            yield (_cell(pivot_sentences, bead.pivot, column), _cell(sentences, bead.edition, column),
                   f"{bead.confidence:.2f}")


def _sentence_texts(edition: Edition) -> dict[tuple[int, int], str]:
    return {(p.n, k + 1): text for p in edition.paragraphs for k, text in enumerate(p.numbered)}


def render_check_text(reports: list[Report], warnings: list[str], colour: bool = False,
                      problems: Sequence[Problem] = ()) -> str:
    """Many statements: what was found, what could not be checked, each statement's findings, the verdict."""
    paint = _painter(colour)
    langs = sorted({e.lang for r in reports for e in r.editions})
    editions = sum(len(r.editions) for r in reports)
    lines = [(f"reconcile check: {_count(len(reports), 'statement')}, {_count(editions, 'edition')} "
              f"({', '.join(langs)})")]
    lines += [paint(f"warning: {w}", "warning") for w in warnings]
    lines += [paint(f"error: {p.message}", "error") for p in problems]
    for report in reports:
        if report.findings:
            lines += ["", f"{report.name} (pivot {report.pivot})"]
            lines += ["  " + _finding_line(f, paint) for f in _ordered(report.findings)]
    suppressed = sum(r.suppressed for r in reports)
    lines += ["", _totals([f for r in reports for f in r.findings])
              + (f"; {suppressed} accepted (waivers, baseline)" if suppressed else "")
              + (f"; {_count(len(problems), 'statement')} not checked" if problems else "")]
    return "\n".join(lines) + "\n"


def _cell(texts: Mapping[Any, str], numbers: Sequence[int | tuple[int, int]], width: int) -> list[str]:
    """At most two wrapped lines: only the start of a long paragraph is wrapped (linear in the width, not the text).

    ``numbers`` are paragraph numbers (¶5+6) or (paragraph, sentence) pairs (¶5.2+5.3).
    """
    if not numbers:
        return ["—"]
    label = "+".join(f"{n[0]}.{n[1]}" if isinstance(n, tuple) else str(n) for n in numbers)
    text = "¶" + label + " " + " ".join(plain(texts[n][: 3 * width]) for n in numbers)
    return textwrap.wrap(text[: 3 * width + 20], width, max_lines=2, placeholder=" …") or [""]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _chrome_line(edition: Edition) -> str:
    groups: dict[str, list[str]] = {}  # paragraphs by the reason they are furniture, in order of first use
    for p in edition.paragraphs:
        if p.chrome:
            groups.setdefault(p.chrome_reason, []).append(f"¶{p.n}")
    listed = " · ".join(", ".join(ns) + (f" {reason}" if reason else "") for reason, ns in groups.items()) or "none"
    return f"{edition.lang} chrome (not aligned): {listed}"
