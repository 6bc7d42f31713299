"""Report → JSON (schema_version 2). Other tools read it: names and order are a contract.

``align`` gives one report; ``check`` always gives ``{"schema_version",
"statements", "problems", "summary"}``, however many statements (version 2:
before, one statement gave a bare report), with the statements that could
not be checked in ``problems``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from .model import Finding, Link, Paragraph, Problem, Report

SCHEMA_VERSION = 2


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
    if link.sentences:  # align --level sentence: [paragraph, 1-based sentence] on each side
        out["sentences"] = [{"pivot": [list(r) for r in s.pivot], "edition": [list(r) for r in s.edition],
                             "confidence": s.confidence} for s in link.sentences]
    return out


def _paragraph_dict(p: Paragraph) -> dict[str, Any]:
    """A paragraph; its kind when it is not a plain paragraph, why it is furniture, a note on its script."""
    out: dict[str, Any] = {"n": p.n, "text": p.text, "chrome": p.chrome, "line": p.line}
    if p.block != "paragraph":
        out["block"] = p.block
    if p.chrome_reason:
        out["chrome_reason"] = p.chrome_reason
    if p.note:
        out["note"] = p.note
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
             "paragraphs": [_paragraph_dict(p) for p in e.paragraphs]}
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


def problem_dict(problem: Problem) -> dict[str, Any]:
    """A statement that could not be checked: which, which file, why, and whether it is a bug."""
    return {"statement": problem.statement, "source": problem.source, "message": problem.message,
            "internal": problem.internal}


def summary_dict(reports: Sequence[Report], problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """Totals over many statements: counts by severity and kind, per edition, and the problems."""
    by_severity = Counter(f.severity for r in reports for f in r.findings)
    by_kind = Counter(f.kind for r in reports for f in r.findings)
    by_lang = Counter(f.lang for r in reports for f in r.findings if f.severity == "error")
    return {"statements": len(reports), "editions": sum(len(r.editions) for r in reports),
            "findings": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "kinds": dict(sorted(by_kind.items())), "errors_by_lang": dict(sorted(by_lang.items())),
            "suppressed": sum(r.suppressed for r in reports), "problems": len(problems)}


def render_json(report: Report) -> str:
    """One report; byte-identical for identical input."""
    return dumps_indented(report_dict(report)) + "\n"


def render_check_json(reports: Sequence[Report], problems: Sequence[Problem] = ()) -> str:
    """A check run: the same shape for one statement or many."""
    data = {"schema_version": SCHEMA_VERSION, "statements": [report_dict(r) for r in reports],
            "problems": [problem_dict(p) for p in problems], "summary": summary_dict(reports, problems)}
    return dumps_indented(data) + "\n"


def render_jsonl(reports: Sequence[Report], problems: Sequence[Problem] = ()) -> str:
    """One compact report per line, then one line per statement that could not be checked."""
    lines = [report_dict(r) for r in reports]
    lines += [{"schema_version": SCHEMA_VERSION, "problem": problem_dict(p)} for p in problems]
    return "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines)


# --- indented output ---------------------------------------------------------------

_CONSTANTS = {None: "null", True: "true", False: "false"}


class _Unusual(Exception):
    """A value left to ``json.dumps``: a key that is not a string, a float that is not finite, a type JSON has not."""


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text at twice the speed.

    The standard library indents in pure Python, through a generator per
    container; the report of a corpus check is megabytes of it. Strings are
    escaped by the same (C) function; anything unusual goes to ``json.dumps``.
    """
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, out: list[str], newline: str) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None or value is True or value is False:
        out.append(_CONSTANTS[value])
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and value - value == 0:  # finite (NaN and infinities: json.dumps)
        out.append(float.__repr__(value))
    elif isinstance(value, list | tuple):
        _write_list(value, out, newline)
    elif isinstance(value, dict):
        _write_dict(value, out, newline)
    else:
        raise _Unusual


def _write_list(value: list[Any] | tuple[Any, ...], out: list[str], newline: str) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + "  "
    out.append("[")
    for k, item in enumerate(value):
        out.append(inner if k == 0 else "," + inner)
        _write(item, out, inner)
    out.append(newline + "]")


def _write_dict(value: dict[Any, Any], out: list[str], newline: str) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + "  "
    out.append("{")
    for k, (key, item) in enumerate(value.items()):
        if not isinstance(key, str):
            raise _Unusual
        out.append((inner if k == 0 else "," + inner) + encode_basestring(key) + ": ")
        _write(item, out, inner)
    out.append(newline + "}")
