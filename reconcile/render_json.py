"""Report → JSON (schema_version 1). Other tools read it: names and order are a contract."""

from __future__ import annotations

import json
from typing import Any

from .model import Finding, Report

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
             "links": [{"pivot": list(l.pivot), "edition": list(l.edition), "confidence": l.confidence,
                        "evidence": list(l.evidence)} for l in a.links]}
            for a in report.alignments
        ],
        "findings": [finding_dict(f) for f in report.findings],
    }


def render_json(report: Report) -> str:
    """Byte-identical for identical inputs and settings (no timestamps, stable order)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
