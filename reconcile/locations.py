"""Where a finding lives in the files, for CI annotations (file and line)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding, Report


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int


class Locator:
    """The file and line of each finding of one report, with the lookups built once.

    Time and memory are linear in the report's paragraphs and links (a report
    with 20,000 findings is located in one pass, not 20,000).
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.sources = {e.lang: e.source for e in report.editions}
        self.lines = {e.lang: {p.n: p.line for p in e.paragraphs} for e in report.editions}
        self.before: dict[tuple[str, tuple[int, ...]], int] = {}
        self.last: dict[str, int] = {}
        for alignment in report.alignments:
            lines, line = self.lines[alignment.lang], 1
            for link in alignment.links:
                self.before.setdefault((alignment.lang, link.pivot), line)
                if link.edition and not link.moved:
                    line = lines[link.edition[-1]]
            self.last[alignment.lang] = line

    def __call__(self, finding: Finding) -> Location:
        """The edition file and line a reviewer should open.

        A finding on edition paragraphs points at the first of them; a missing
        paragraph points at the edition's paragraph after which it is expected
        (or its first line); a finding on the pivot alone points into the pivot.
        """
        source, lines = self.sources[finding.lang], self.lines[finding.lang]
        if finding.edition:
            return Location(source, lines[finding.edition[0]])
        if finding.lang == self.report.pivot:
            return Location(source, lines[finding.pivot[0]] if finding.pivot else 1)
        last = self.last.get(finding.lang, 1)
        return Location(source, self.before.get((finding.lang, finding.pivot), last) if finding.pivot else last)


def locate(finding: Finding, report: Report) -> Location:
    """One finding's location (build a ``Locator`` to locate many)."""
    return Locator(report)(finding)
