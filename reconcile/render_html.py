"""Reports → one self-contained HTML page for editors (Jinja2, autoescaped).

Everything the page needs is inline: no fonts, scripts or styles are fetched,
so the file can be attached to a ticket or archived. Edition text is escaped
by the template engine; the only markup built here wraps anchors in ``<mark>``
and every piece of text inside it goes through ``markupsafe.escape``.

The views below decide what the template shows: statements with a failure
first, names relative to the folder all statements share (no absolute paths),
findings in the order of the rows, each explained in plain words.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .explain import WHAT, explain
from .labels import FURNITURE, SEVERITY_LABELS, VERDICT_LABELS, kind_label, kind_legend
from .locales import language_name
from .model import SEVERITY_RANK, Finding, Paragraph, Report, Row, Severity
from .rows import concerns
from .version import __version__

VERDICT_ORDER = ("fail", "warn", "pass")


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    anchor: str  # id of the finding in the list
    row: str  # id of its row in the table
    label: str
    severity: str
    text: Markup
    confidence: str


@dataclass(frozen=True)
class Cell:
    lang: str
    paragraphs: Sequence[tuple[int, Markup, str]]  # number, highlighted text, block kind
    notes: list[FindingView]


@dataclass(frozen=True)
class RowView:
    anchor: str
    number: int
    confidence: float
    cells: list[Cell]
    findings: list[FindingView]


@dataclass(frozen=True)
class EditionView:
    lang: str
    name: str
    source: str
    pivot: bool
    paragraphs: int
    furniture: list[Paragraph]
    counts: dict[str, int]
    kinds: str


@dataclass(frozen=True)
class StatementView:
    anchor: str
    name: str
    verdict: str
    pivot: str
    editions: list[EditionView]
    findings: list[FindingView]
    rows: list[RowView]


def _surface_pattern(surface: str) -> re.Pattern[str]:
    """Find an anchor's surface in the published text, whatever spaces it was typed with."""
    parts = [re.escape(part) for part in re.split(r"\s+", surface.strip()) if part]
    return re.compile(r"[\s\u00a0\u202f\u2009]+".join(parts))


def highlight(paragraph: Paragraph, bad: Mapping[str, str], lost: Sequence[str] = ()) -> Markup:
    """The published text with its facts marked: quietly when they match, by severity when they do not.

    ``bad`` maps a divergent surface to the severity of its finding; ``lost``
    sentences of a truncated paragraph are marked from where they start to the end.
    """
    text = paragraph.text
    spans: list[tuple[int, int, str]] = []

    def place(pattern: re.Pattern[str], css: str, to_end: bool = False) -> None:
        match = pattern.search(text)
        if match and not any(s < match.end() and match.start() < e for s, e, _ in spans):
            spans.append((match.start(), len(text) if to_end else match.end(), css))

    for anchor in paragraph.anchors:
        if anchor.strong or anchor.surface in bad:  # names and number words only when a finding is about them
            severity = bad.get(anchor.surface)
            place(_surface_pattern(anchor.surface), f"bad {severity}" if severity else "ok")
    for sentence in lost:
        place(_surface_pattern(sentence.rstrip("…")), "lost", to_end=True)
    spans.sort()
    out: list[Markup] = []
    position = 0
    for start, end, css in spans:
        out.append(escape(text[position:start]))
        out.append(Markup('<mark class="{}">{}</mark>').format(css, text[start:end]))
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def _marks(findings: Sequence[FindingView], lang: str, pivot: str) -> tuple[dict[str, Severity], list[str]]:
    """Surfaces to mark in one edition's cell (with the worst severity behind each) and lost sentences."""
    bad: dict[str, Severity] = {}
    lost: list[str] = []
    for view in findings:
        f = view.finding
        surfaces: Sequence[str] = ()
        if f.kind in WHAT and f.lang == lang and f.edition:
            surfaces = f.found
        elif f.kind in WHAT and lang == pivot:
            surfaces = f.expected if f.lang != pivot else f.found
        for surface in surfaces:
            if surface not in bad or SEVERITY_RANK[f.severity] > SEVERITY_RANK[bad[surface]]:
                bad[surface] = f.severity
        if f.kind == "truncated" and lang == pivot:
            lost += list(f.expected)
    return bad, lost


def _finding_view(finding: Finding, report: Report, anchor: str, row: str) -> FindingView:
    return FindingView(finding, anchor, row, kind_label(finding.kind), SEVERITY_LABELS.get(finding.severity, ""),
                       explain(finding, report), f"{finding.confidence:.0%}".replace("%", " %"))


def _rows(report: Report, prefix: str) -> tuple[list[RowView], list[FindingView]]:
    """Rows of the side-by-side table and the findings, in row order (a finding lives in its first row)."""
    by_n = {e.lang: {p.n: p for p in e.paragraphs} for e in report.editions}
    placed: set[int] = set()
    views: list[RowView] = []
    listed: list[FindingView] = []
    for number, row in enumerate(report.rows, start=1):
        anchor = f"{prefix}-r{number}"
        mine = sorted((f for f in report.findings if id(f) not in placed and concerns(f, row, report.pivot)),
                      key=lambda f: (-SEVERITY_RANK[f.severity], f.lang))
        placed.update(id(f) for f in mine)
        found = [_finding_view(f, report, f"{prefix}-f{len(listed) + k + 1}", anchor) for k, f in enumerate(mine)]
        listed += found
        views.append(RowView(anchor, number, row.confidence, _cells(row, found, by_n, report.pivot), found))
    rest = [f for f in report.findings if id(f) not in placed]  # about paragraphs in no row: listed all the same
    listed += [_finding_view(f, report, f"{prefix}-f{len(listed) + k + 1}", "") for k, f in enumerate(rest)]
    return views, listed


def _cells(row: Row, found: list[FindingView], by_n: dict[str, dict[int, Paragraph]], pivot: str) -> list[Cell]:
    """A row's cell per edition: its paragraphs with what the row's findings mark in them, and those findings."""
    cells = []
    for lang, numbers in row.cells:
        bad, lost = _marks(found, lang, pivot)
        paragraphs = [(n, highlight(by_n[lang][n], bad, lost), by_n[lang][n].block) for n in numbers]
        cells.append(Cell(lang, paragraphs, [v for v in found if v.finding.lang == lang]))
    return cells


def verdict(worst: Severity | None) -> str:
    return {"error": "fail", "warning": "warn"}.get(worst or "", "pass")


def _edition_views(report: Report, display: dict[str, str]) -> list[EditionView]:
    views = []
    for edition in report.editions:
        mine = [f for f in report.findings if f.lang == edition.lang]
        kinds = Counter(kind_label(f.kind) for f in mine)
        views.append(EditionView(
            edition.lang, language_name(edition.lang), display.get(edition.source, edition.source),
            edition.lang == report.pivot, len(edition.content), [p for p in edition.paragraphs if p.chrome],
            {s: sum(1 for f in mine if f.severity == s) for s in SEVERITY_LABELS},
            ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(kinds.items()))))
    return views


def shown_path(path: str) -> str:
    """An absolute path under the current folder is shown relative to it; anything else as given."""
    if not posixpath.isabs(path):
        return path
    here = Path.cwd().as_posix()
    return posixpath.relpath(path, here) if path.startswith(here.rstrip("/") + "/") else path


def common_root(reports: Sequence[Report]) -> str:
    """The folder all statements lie in, so their names can be shown relative to it.

    >>> from reconcile.model import Report
    >>> common_root([Report("", "", "ru", (), (), (), name="/srv/site/content/news/a"),
    ...              Report("", "", "ru", (), (), (), name="/srv/site/content/about/b")])
    '/srv/site/content'
    """
    folders = [posixpath.dirname(shown_path(r.name)) for r in reports if r.name]
    try:
        return posixpath.commonpath(folders) if folders else ""
    except ValueError:  # absolute and relative names mixed
        return ""


def _relative(path: str, root: str) -> str:
    path = shown_path(path)
    inside = bool(root) and (path == root or path.startswith(root.rstrip("/") + "/"))
    return posixpath.relpath(path, root) if inside else path


def statement_view(report: Report, index: int, root: str) -> StatementView:
    prefix = f"s{index}"
    rows, findings = _rows(report, prefix)
    display = {e.source: _relative(e.source, root) for e in report.editions}
    name = _relative(report.name, root) if report.name else "statement"
    return StatementView(prefix, name, verdict(report.worst), report.pivot, _edition_views(report, display),
                         findings, rows)


def render_html(reports: Sequence[Report]) -> str:
    environment = Environment(loader=PackageLoader("reconcile", "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    template = environment.get_template("report.html.j2")
    root = common_root(reports)
    statements = [statement_view(r, k, root) for k, r in enumerate(reports)]
    statements.sort(key=lambda s: (VERDICT_ORDER.index(s.verdict), s.name))
    kinds = sorted({f.kind for r in reports for f in r.findings}, key=lambda k: kind_label(k))
    langs = list(dict.fromkeys(e.lang for r in reports for e in r.editions))
    verdicts = Counter(s.verdict for s in statements)
    return template.render(
        statements=statements, root=root, version=__version__, furniture=FURNITURE, verdict_labels=VERDICT_LABELS,
        kinds=[(k, kind_label(k), kind_legend(k)) for k in kinds],
        langs=[(lang, language_name(lang)) for lang in langs],
        severities=sorted(SEVERITY_LABELS.items(), key=lambda item: -SEVERITY_RANK[item[0]]),
        verdicts=[(v, VERDICT_LABELS[v], verdicts[v]) for v in VERDICT_ORDER])
