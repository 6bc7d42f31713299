"""Reports → one self-contained HTML page for editors (Jinja2, autoescaped).

Everything the page needs is inline: no fonts, scripts or styles are fetched,
so the file can be attached to a ticket or archived. Edition text is escaped
by the template engine; the only markup built here wraps anchors in ``<mark>``
and every piece of text inside it goes through ``markupsafe.escape``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from . import __version__
from .model import SEVERITY_RANK, Finding, Paragraph, Report, Row

FIGURE_KINDS = ("number_mismatch", "date_mismatch", "name_mismatch")


@dataclass(frozen=True)
class Cell:
    lang: str
    paragraphs: list[tuple[int, Markup, str]]  # number, highlighted text, block kind
    missing: str = ""  # message when the edition has nothing here


@dataclass(frozen=True)
class RowView:
    anchor: str
    number: int
    confidence: float
    cells: list[Cell]
    findings: list[Finding]


def _surface_pattern(surface: str) -> re.Pattern[str]:
    """Find an anchor's surface in the published text, whatever spaces it was typed with."""
    parts = [re.escape(part) for part in re.split(r"\s+", surface.strip()) if part]
    return re.compile(r"[\s\u00a0\u202f\u2009]+".join(parts))


def highlight(paragraph: Paragraph, bad: dict[str, str], lost: Sequence[str] = ()) -> Markup:
    """The published text with its facts marked: quietly when matched, loudly (with expected vs found) when not.

    ``lost`` sentences of a truncated paragraph are marked from where they start to the end.
    """
    text = paragraph.text
    spans: list[tuple[int, int, str, str]] = []

    def free(match: re.Match[str] | None) -> bool:
        return bool(match) and not any(s < match.end() and match.start() < e for s, e, _, _ in spans)

    for anchor in paragraph.anchors:
        if not anchor.strong and anchor.surface not in bad:
            continue  # names and number words only when a finding is about them
        match = _surface_pattern(anchor.surface).search(text)
        if free(match):
            title = bad.get(anchor.surface)
            spans.append((match.start(), match.end(), "bad" if title else f"ok {anchor.kind}",
                          title or f"{anchor.kind}: {str(anchor.key).partition(':')[2]}"))
    for sentence in lost:
        match = _surface_pattern(sentence.rstrip("…")).search(text)
        if free(match):
            spans.append((match.start(), len(text), "lost", "no counterpart in the edition"))
    spans.sort()
    out, position = [], 0
    for start, end, css, title in spans:
        out.append(escape(text[position:start]))
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(css, title, text[start:end]))
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def _row_views(report: Report, prefix: str) -> list[RowView]:
    by_n = {e.lang: {p.n: p for p in e.paragraphs} for e in report.editions}
    views = []
    for number, row in enumerate(report.rows, start=1):
        findings = [f for f in report.findings if _in_row(f, row, report.pivot)]
        cells = []
        for lang, paragraph_numbers in row.cells:
            bad: dict[str, str] = {}
            lost: list[str] = []
            for f in findings:
                if f.kind in FIGURE_KINDS and f.lang == lang and f.edition:
                    for surface in f.found:
                        bad[surface] = f"expected {', '.join(f.expected) or 'nothing'}, found {surface}"
                if f.kind in FIGURE_KINDS and lang == report.pivot:
                    for surface in (f.expected if f.lang != report.pivot else f.found):
                        bad[surface] = f"{f.lang}: {f.message}"
                if f.kind == "truncated" and lang == report.pivot:
                    lost += list(f.expected)
            paragraphs = [(n, highlight(by_n[lang][n], bad, lost), by_n[lang][n].block) for n in paragraph_numbers]
            missing = next((f.message for f in findings if f.kind == "missing" and f.lang == lang), "")
            cells.append(Cell(lang, paragraphs, missing))
        views.append(RowView(f"{prefix}-r{number}", number, row.confidence, cells, findings))
    return views


def _in_row(finding: Finding, row: Row, pivot: str) -> bool:
    if finding.pivot and set(finding.pivot) & set(row.cell(pivot)):
        return True
    return bool(finding.edition) and not finding.pivot and bool(set(finding.edition) & set(row.cell(finding.lang)))


@dataclass(frozen=True)
class StatementView:
    report: Report
    anchor: str
    rows: list[RowView]
    counts: dict[str, dict[str, object]]
    verdict: str
    chrome: list[tuple[str, list[Paragraph]]]
    row_of: dict[int, str]


def statement_view(report: Report, index: int) -> StatementView:
    prefix = f"s{index}"
    rows = _row_views(report, prefix)
    counts: dict[str, dict[str, object]] = {}
    for edition in report.editions:
        mine = [f for f in report.findings if f.lang == edition.lang]
        kinds = Counter(f.kind for f in mine)
        counts[edition.lang] = {**{s: sum(1 for f in mine if f.severity == s) for s in ("error", "warning", "info")},
                                "kinds": ", ".join(f"{k} ×{n}" for k, n in sorted(kinds.items()))}
    worst = report.worst
    verdict = {"error": "fail", "warning": "pass with warnings", "info": "pass", None: "pass"}[worst]
    row_of = {id(f): row.anchor for row in reversed(rows) for f in row.findings}
    chrome = [(e.lang, [p for p in e.paragraphs if p.chrome]) for e in report.editions]
    return StatementView(report, prefix, rows, counts, verdict, chrome, row_of)


def render_html(reports: Sequence[Report]) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("reconcile", "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["id"] = id
    template = environment.get_template("report.html.j2")
    statements = [statement_view(r, k) for k, r in enumerate(reports)]
    kinds = sorted({f.kind for r in reports for f in r.findings})
    langs = list(dict.fromkeys(e.lang for r in reports for e in r.editions))
    severity_order = sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True)
    return template.render(statements=statements, kinds=kinds, langs=langs, severities=severity_order,
                           version=__version__)
