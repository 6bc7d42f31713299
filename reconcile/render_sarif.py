"""Reports → SARIF 2.1.0, so code scanning shows findings inline in the edition files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import get_args

from . import __version__
from .locations import locate
from .model import FindingKind, Report
from .policy import fingerprints

RULES = {
    "missing": "A paragraph of the reference edition has no counterpart in this edition.",
    "extra": "A paragraph of this edition has no counterpart in the reference edition.",
    "number_mismatch": "A figure differs from the reference edition.",
    "date_mismatch": "A date, year or time differs from the reference edition.",
    "untranslated": "The paragraph is not in this edition's language.",
    "truncated": "The paragraph is much shorter than its counterpart in the reference edition.",
    "moved": "The paragraph is out of order compared with the reference edition.",
    "name_mismatch": "An organisation or a name differs from the reference edition.",
    "split": "One reference paragraph is rendered as several paragraphs (faithful).",
    "merge": "Several reference paragraphs are rendered as one paragraph (faithful).",
    "number_format": "A figure agrees with the reference edition only when read in another locale's convention.",
}
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(reports: Sequence[Report]) -> str:
    kinds = list(get_args(FindingKind))
    rules = [{"id": kind, "name": kind.replace("_", " ").title().replace(" ", ""),
              "shortDescription": {"text": RULES[kind]}, "fullDescription": {"text": RULES[kind]},
              "helpUri": "https://pypi.org/project/reconcile/", "properties": {"tags": ["translation"]}}
             for kind in kinds]
    results = []
    for report in reports:
        for finding, key in zip(report.findings, fingerprints(report)):
            where = locate(finding, report)
            results.append({
                "ruleId": finding.kind, "ruleIndex": kinds.index(finding.kind), "level": LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": where.path},
                                                    "region": {"startLine": where.line}}}],
                "partialFingerprints": {"reconcile/v1": key},
                "properties": {"confidence": finding.confidence, "statement": report.name,
                               "pivot": report.pivot, "lang": finding.lang},
            })
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "reconcile", "version": __version__,
                                         "informationUri": "https://pypi.org/project/reconcile/", "rules": rules}},
                     "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
