"""Reports → a compact Markdown summary for a pull-request comment."""

from __future__ import annotations

from collections.abc import Sequence

from .model import SEVERITY_RANK, Report

ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(reports: Sequence[Report]) -> str:
    errors = sum(1 for r in reports for f in r.findings if f.severity == "error")
    warnings = sum(1 for r in reports for f in r.findings if f.severity == "warning")
    verdict = "❌ fail" if errors else ("⚠️ pass with warnings" if warnings else "✅ pass")
    lines = [f"## reconcile: {verdict}", "",
             f"{len(reports)} statement(s), {errors} error(s), {warnings} warning(s).", ""]
    for report in reports:
        lines += [f"### {_cell(report.name or 'statement')} (pivot {report.pivot})", "",
                  "| edition | paragraphs | errors | warnings | notes |", "|---|---:|---:|---:|---:|"]
        for edition in report.editions:
            mine = [f for f in report.findings if f.lang == edition.lang]
            lines.append(f"| {edition.lang} | {len(edition.content)} | " +
                         " | ".join(str(sum(1 for f in mine if f.severity == s)) for s in ("error", "warning", "info")) + " |")
        findings = sorted((f for f in report.findings if f.severity != "info"),
                          key=lambda f: (-SEVERITY_RANK[f.severity], f.lang))
        if findings:
            lines += ["", "| | kind | edition | finding | confidence |", "|---|---|---|---|---:|"]
            lines += [f"| {ICON[f.severity]} | `{f.kind}` | {f.lang} | {_cell(f.message)} | {f.confidence:.2f} |"
                      for f in findings]
        lines.append("")
    return "\n".join(lines)
