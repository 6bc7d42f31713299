"""Where a finding lives in the files, for CI annotations (file and line)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding, Report


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int


def locate(finding: Finding, report: Report) -> Location:
    """The edition file and line a reviewer should open.

    A finding on edition paragraphs points at the first of them; a missing
    paragraph points at the edition's paragraph after which it is expected
    (or its first line); a finding on the pivot alone points into the pivot.
    """
    editions = {e.lang: e for e in report.editions}
    edition = editions[finding.lang]
    lines = {p.n: p.line for p in edition.paragraphs}
    if finding.edition:
        return Location(edition.source, lines[finding.edition[0]])
    if finding.lang == report.pivot:
        return Location(edition.source, lines[finding.pivot[0]] if finding.pivot else 1)
    alignment = next(a for a in report.alignments if a.lang == finding.lang)
    before = 1
    for link in alignment.links:
        if finding.pivot and link.pivot == finding.pivot:
            break
        if link.edition and not link.moved:
            before = lines[link.edition[-1]]
    return Location(edition.source, before)
