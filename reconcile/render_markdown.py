"""Reports → a compact Markdown summary for a pull-request comment.

Findings read as in the HTML report: a label per kind and a sentence in plain
words (``labels.py``, ``explain.py``), not the identifiers of the JSON.
"""

from __future__ import annotations

from collections.abc import Sequence

from .explain import explain
from .labels import kind_label
from .model import SEVERITY_RANK, Edition, Report

ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    """Table-cell text that stays text: no column breaks, no HTML (GitHub renders it in comments)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(reports: Sequence[Report]) -> str:
    errors = _count(reports, "error")
    warnings = _count(reports, "warning")
    verdict = "❌ fail" if errors else ("⚠️ pass with warnings" if warnings else "✅ pass")
    lines = [f"## reconcile: {verdict}", "",
             f"{len(reports)} statement(s), {errors} error(s), {warnings} warning(s).", ""]
    for report in reports:
        lines += _statement(report)
    return "\n".join(lines)


def _count(reports: Sequence[Report], severity: str) -> int:
    return sum(1 for r in reports for f in r.findings if f.severity == severity)


def _statement(report: Report) -> list[str]:
    """One statement: a row of counts per edition, then its errors and warnings."""
    lines = [f"### {_cell(report.name or 'statement')} (reference edition: {report.pivot})", "",
             "| edition | paragraphs | errors | warnings | notes |", "|---|---:|---:|---:|---:|"]
    lines += [_edition_row(report, edition) for edition in report.editions]
    findings = sorted((f for f in report.findings if f.severity != "info"),
                      key=lambda f: (-SEVERITY_RANK[f.severity], f.lang))
    if findings:
        lines += ["", "| | kind | edition | finding | confidence |", "|---|---|---|---|---:|"]
        lines += [f"| {ICON[f.severity]} | {kind_label(f.kind)} | {f.lang} | {_cell(explain(f, report).striptags())} "
                  f"| {f.confidence:.2f} |" for f in findings]
    lines.append("")
    return lines


def _edition_row(report: Report, edition: Edition) -> str:
    mine = [f for f in report.findings if f.lang == edition.lang]
    return f"| {edition.lang} | {len(edition.content)} | " + \
        " | ".join(str(sum(1 for f in mine if f.severity == s)) for s in ("error", "warning", "info")) + " |"
