"""Reports → GitHub Actions workflow commands (``::error file=…,line=…::message``)."""

from __future__ import annotations

from collections.abc import Sequence

from .locations import locate
from .model import Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: Sequence[Report]) -> str:
    lines = []
    for report in reports:
        for finding in report.findings:
            where = locate(finding, report)
            title = f"reconcile {finding.kind} ({finding.lang})"
            lines.append(f"::{COMMAND[finding.severity]} file={_property(where.path)},line={where.line},"
                         f"title={_property(title)}::{_data(finding.message)} (confidence {finding.confidence:.2f})")
    return "\n".join(lines) + ("\n" if lines else "")
