"""Reports → GitHub Actions workflow commands (``::error file=…,line=…::message``).

Findings annotate their file and line; a statement that could not be checked
is an ``::error`` on its file; the run's warnings (a statement skipped, a
language missing) are ``::warning`` commands, so they show in the run's
summary too. Paths are relative to ``--base`` (default: the current folder,
which in a workflow is the checkout).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .locations import Locator
from .model import Problem, Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _relative(source: str, base: Path) -> str:
    path, root = os.path.abspath(source), os.path.abspath(base)
    return Path(path).relative_to(root).as_posix() if Path(path).is_relative_to(root) else source


def render_github(reports: Sequence[Report], problems: Sequence[Problem] = (), warnings: Sequence[str] = (),
                  base: Path | None = None) -> str:
    root = Path(base or os.getcwd())
    lines = [f"::warning title=reconcile::{_data(w)}" for w in warnings]
    lines += [f"::error file={_property(_relative(p.source, root))},title={_property('reconcile: cannot check')}::"
              f"{_data(p.message)}" for p in problems]
    for report in reports:
        locate = Locator(report)
        for finding in report.findings:
            where = locate(finding)
            title = f"reconcile {finding.kind} ({finding.lang})"
            lines.append(f"::{COMMAND[finding.severity]} file={_property(_relative(where.path, root))},"
                         f"line={where.line},title={_property(title)}::{_data(finding.message)} "
                         f"(confidence {finding.confidence:.2f})")
    return "\n".join(lines) + ("\n" if lines else "")
