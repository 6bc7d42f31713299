"""Report → JSON (schema_version 1). Other tools read it: names and order are a contract."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .model import Finding, Link, Report

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding in contract order; ``expected``/``found``/``sentence`` only when known."""
    out: dict[str, Any] = {"kind": f.kind, "severity": f.severity, "lang": f.lang,
                           "pivot": list(f.pivot), "edition": list(f.edition),
                           "message": f.message, "confidence": f.confidence}
    if f.expected:
        out["expected"] = list(f.expected)
    if f.found:
        out["found"] = list(f.found)
    if f.sentence is not None:
        out["sentence"] = f.sentence
    return out


def _link_dict(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {"pivot": list(link.pivot), "edition": list(link.edition),
                           "confidence": link.confidence, "evidence": list(link.evidence)}
    if link.moved:
        out["moved"] = True  # out of order: the edition paragraph stands elsewhere
    return out


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, keys in the documented order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": report.tool,
        "signature": report.signature,
        "pivot": report.pivot,
        "editions": [
            {"lang": e.lang, "source": e.source,
             "paragraphs": [{"n": p.n, "text": p.text, "chrome": p.chrome, "line": p.line} for p in e.paragraphs]}
            for e in report.editions
        ],
        "alignments": [
            {"lang": a.lang, "length_ratio": a.length_ratio,
             "links": [_link_dict(link) for link in a.links]}
            for a in report.alignments
        ],
        "findings": [finding_dict(f) for f in report.findings],
        "rows": [{"cells": {lang: list(cell) for lang, cell in row.cells}, "confidence": row.confidence}
                 for row in report.rows],
        "statement": report.name,
        "suppressed": report.suppressed,
        "signals": list(report.signals),  # what the findings rest on (added at the end: older readers keep working)
    }


def summary_dict(reports: Sequence[Report]) -> dict[str, Any]:
    """Totals over many statements: counts by severity and kind, per edition."""
    by_severity = Counter(f.severity for r in reports for f in r.findings)
    by_kind = Counter(f.kind for r in reports for f in r.findings)
    by_lang = Counter(f.lang for r in reports for f in r.findings if f.severity == "error")
    return {"statements": len(reports), "editions": sum(len(r.editions) for r in reports),
            "findings": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "kinds": dict(sorted(by_kind.items())), "errors_by_lang": dict(sorted(by_lang.items())),
            "suppressed": sum(r.suppressed for r in reports)}


def render_json(report: Report | Sequence[Report]) -> str:
    """One report, or many as ``{"statements": [...], "summary": {...}}``; byte-identical for identical input."""
    if isinstance(report, Report):
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
    data = {"schema_version": SCHEMA_VERSION, "statements": [report_dict(r) for r in report],
            "summary": summary_dict(report)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(reports: Sequence[Report]) -> str:
    """One compact report per line, for streaming large runs."""
    return "".join(json.dumps(report_dict(r), ensure_ascii=False, separators=(",", ":")) + "\n" for r in reports)
