"""Reports → SARIF 2.1.0, so code scanning shows findings inline in the edition files.

Locations are URIs relative to a base folder (``--base``, default the
current folder: run it from the repository root), percent-encoded, with the
base itself in ``originalUriBaseIds`` as ``%SRCROOT%``; a file outside the
base keeps an absolute ``file:`` URI. Each rule carries help text from the
one table of finding kinds (``kinds.py``). Statements that could not be
checked are ``toolExecutionNotifications`` of the run's invocation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote

from .fingerprint import fingerprints
from .kinds import describe
from .locations import Locator
from .model import FindingKind, Problem, Report
from .version import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "%SRCROOT%"


def _base_uri(base: Path) -> str:
    uri = Path(os.path.abspath(base)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact(source: str, base: Path) -> dict[str, str]:
    """An ``artifactLocation``: relative and percent-encoded under the base, else an absolute file URI.

    >>> artifact("/repo/Заявление 100%, итог/ru.txt", Path("/repo"))["uri"]
    '%D0%97%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%20100%25%2C%20%D0%B8%D1%82%D0%BE%D0%B3/ru.txt'
    """
    path = Path(os.path.abspath(source))  # a relative source is relative to the current folder
    root = Path(os.path.abspath(base))
    if path.is_relative_to(root):
        return {"uri": quote(path.relative_to(root).as_posix(), safe="/"), "uriBaseId": BASE_ID}
    return {"uri": path.as_uri()}


def _rule(kind: FindingKind) -> dict[str, Any]:
    info = describe(kind)
    return {"id": kind, "name": info.title.title().replace(" ", ""),
            "shortDescription": {"text": info.title},
            "fullDescription": {"text": info.text[:1].upper() + info.text[1:] + "."},
            "help": {"text": f"{info.text[:1].upper()}{info.text[1:]}. {info.advice}",
                     "markdown": f"**{info.title}**: {info.meaning}.\n\n{info.advice}"},
            "defaultConfiguration": {"level": LEVEL[info.severity.split(" ")[0]]},
            "properties": {"tags": ["translation"]}}


def _notification(problem: Problem, base: Path) -> dict[str, Any]:
    return {"level": "error", "message": {"text": problem.message},
            "descriptor": {"id": "internal-error" if problem.internal else "input-error"},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(problem.source, base)}}]}


def render_sarif(reports: Sequence[Report], problems: Sequence[Problem] = (), base: Path | None = None) -> str:
    base = Path(base or os.getcwd())
    kinds = list(get_args(FindingKind))
    results = []
    for report in reports:
        locate = Locator(report)
        for finding, key in zip(report.findings, fingerprints(report)):
            where = locate(finding)
            results.append({
                "ruleId": finding.kind, "ruleIndex": kinds.index(finding.kind), "level": LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(where.path, base),
                                                    "region": {"startLine": where.line}}}],
                "partialFingerprints": {"reconcile/v1": key},
                "properties": {"confidence": finding.confidence, "statement": report.name,
                               "pivot": report.pivot, "lang": finding.lang},
            })
    invocation = {"executionSuccessful": not problems,
                  "toolExecutionNotifications": [_notification(p, base) for p in problems]}
    run = {"tool": {"driver": {"name": "reconcile", "version": __version__, "rules": [_rule(k) for k in kinds]}},
           "originalUriBaseIds": {BASE_ID: {"uri": _base_uri(base)}},
           "invocations": [invocation], "results": results}
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
