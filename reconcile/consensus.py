"""Findings across all editions: let the agreement of the other editions decide.

Pair by pair, the pivot is always right. With three or more editions it need
not be: when every other edition disagrees with the pivot in the same way
(each lacks the pivot's paragraph, each has the same other figure), the odd
edition out is the pivot, and one finding on the pivot replaces one finding
per edition. When only one edition disagrees, its finding says that the
others agree with the pivot, and is surer for it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import SEVERITY_RANK, Edition, Finding

# Kinds whose per-edition findings can be pooled into one finding on the pivot.
POOLED = ("missing", "number_mismatch", "date_mismatch")


def _key(finding: Finding) -> tuple:
    """Findings of different editions about the same thing: same kind, pivot paragraphs and lost values."""
    return finding.kind, finding.pivot, tuple(sorted(finding.expected)) if finding.kind != "missing" else ()


def agree(pivot: Edition, others: list[Edition], findings: list[Finding]) -> list[Finding]:
    """Pool findings every other edition shares onto the pivot; note agreement on the rest."""
    langs = [e.lang for e in others]
    if len(langs) < 2:
        return findings
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.kind in POOLED and finding.pivot:
            groups[_key(finding)].append(finding)
    flagged = {(f.kind, f.pivot, f.lang) for f in findings}
    pooled: dict[int, Finding] = {}
    for (kind, numbers, _expected), members in groups.items():
        if sorted(f.lang for f in members) != sorted(langs):
            continue
        merged = _on_pivot(pivot.lang, kind, numbers, members)
        for member in members:
            pooled[id(member)] = merged
    out: list[Finding] = []
    emitted: set[int] = set()
    for finding in findings:
        merged = pooled.get(id(finding))
        if merged is not None:
            if id(merged) not in emitted:
                emitted.add(id(merged))
                out.append(merged)
            continue
        out.append(_with_support(finding, flagged, langs))
    return out


def _on_pivot(pivot: str, kind: str, numbers: tuple[int, ...], members: list[Finding]) -> Finding:
    others = ", ".join(sorted(f.lang for f in members))
    where = f"{pivot} ¶" + "+".join(map(str, numbers))
    first = members[0]
    if kind == "missing":
        return Finding("extra", first.severity, pivot, numbers, (),
                       f"{where} has no counterpart in any other edition ({others}): «{first.expected[0] if first.expected else ''}»",
                       round(min(0.99, max(f.confidence for f in members) + 0.05), 2), found=first.expected)
    what = "figure" if kind == "number_mismatch" else "date"
    theirs = "; ".join(f"{f.lang} {', '.join(f.found) or 'nothing'}" for f in sorted(members, key=lambda f: f.lang))
    return Finding(kind, max((f.severity for f in members), key=SEVERITY_RANK.__getitem__), pivot, numbers, (),
                   f"{where} has {what} {', '.join(first.expected)} where every other edition differs ({theirs})",
                   round(min(0.99, max(f.confidence for f in members) + 0.05), 2),
                   expected=tuple(dict.fromkeys(a for f in members for a in f.found)), found=first.expected)


def _with_support(finding: Finding, flagged: set[tuple], langs: list[str]) -> Finding:
    """"(de, es, fr agree with the pivot)": the editions with no such finding here side with the pivot."""
    if finding.kind not in POOLED + ("untranslated", "truncated") or not finding.pivot:
        return finding
    agreeing = [lang for lang in langs if (finding.kind, finding.pivot, lang) not in flagged]
    if not agreeing:
        return finding
    verb = "agrees" if len(agreeing) == 1 else "agree"
    return replace(finding, message=f"{finding.message} ({', '.join(agreeing)} {verb} with the pivot)",
                   confidence=round(min(0.99, finding.confidence + 0.02 * len(agreeing)), 2))
