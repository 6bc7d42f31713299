"""How the accuracy benchmark counts: everything a user sees is scored.

- **Faults** (per kind): *found* = an error or warning on the faulted edition
  touching the fault's paragraphs; *kind* = one of the expected family (a digit
  changed may be a number or a date finding; a year must be a date finding);
  *error* = of that family and an error. Faithful merges and splits count the
  share that raised an error (and an error or a warning) on the edited paragraphs.
- **Precision** (errors and warnings apart), over the findings of the faulted
  runs on the faulted edition and on the pivot: true when it touches the fault's
  paragraphs (a faithful merge or split is no fault) or meets a reviewed genuine
  divergence of the corpus (``genuine.py``).
- **False alarms per 100 untouched paragraph pairs**, errors and warnings apart:
  every finding on an edition as published that meets no genuine divergence.
  In the ``editions`` system, findings put on the pivot count too.
- **Links** on faulted pairs only (an untouched pair's identity gold is true by
  construction): precision/recall/F1 of every bead, 1-0 and 0-1 included,
  against the injector's gold, and *fault-bead recall*: the share of the beads
  the fault reshaped (the dropped, inserted, moved, merged or split paragraph's
  bead) found exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from genuine import Entry, Index
from inject import Case
from systems import Bead, Found, Outcome

ALARMS = ("error", "warning")
FIGURE_KINDS = ("number_mismatch", "date_mismatch")
RIGHT_KIND: dict[str, tuple[str, ...]] = {
    "missing": ("missing",), "extra": ("extra",), "moved": ("moved",), "figure": FIGURE_KINDS,
    "date": ("date_mismatch",), "number": ("number_mismatch",), "untranslated": ("untranslated",),
    "truncated": ("truncated",),
}
CLEAN = ("ntrex", "flores", "udhr")


def group_of(corpus: str) -> str:
    return "clean" if corpus in CLEAN else "messy"


@dataclass(frozen=True)
class Result:
    """One system's outcome for one case; ``on_pivot`` holds findings put on the pivot in that run."""

    system: str
    case: Case
    outcome: Outcome
    on_pivot: tuple[Found, ...] = ()


@dataclass
class Tally:
    """Counts for one system over one scope (everything, a corpus group, a pivot, a language pair)."""

    counts: Counter[str] = field(default_factory=Counter)
    genuine_found: set[str] = field(default_factory=set)
    genuine_all: set[str] = field(default_factory=set)

    def rate(self, part: str, whole: str, scale: float = 1.0) -> float | None:
        return round(scale * self.counts[part] / self.counts[whole], 3) if self.counts[whole] else None

    def link_scores(self) -> tuple[float | None, float | None, float | None]:
        p, r = self.rate("link_hit", "link_pred"), self.rate("link_hit", "link_gold")
        f1 = round(2 * p * r / (p + r), 3) if p is not None and r is not None and p + r else None
        return p, r, f1


def _original(case: Case, finding: Found) -> set[int]:
    """Original paragraph numbers a finding is about (edition numbers mapped back through the fault)."""
    numbers = set(finding.pivot)
    for j in finding.edition:
        numbers |= set(case.origin[j - 1]) if case.origin and 0 < j <= len(case.origin) else {j}
    return numbers


def genuine_entry(index: Index, case: Case, finding: Found) -> Entry | None:
    langs = (finding.lang,) if finding.lang == case.pivot else (case.pivot, case.lang)
    return index.match(case.corpus, case.document, langs, _original(case, finding), finding.kind)


def _at_fault(case: Case, finding: Found) -> bool:
    return finding.lang == case.lang and bool(set(finding.pivot) & set(case.at[0]) or
                                              set(finding.edition) & set(case.at[1]))


def _reshaped(case: Case) -> set[Bead]:
    """Gold beads the fault reshaped: not 1-1, or the moved paragraph's."""
    return {bead for bead in case.gold if len(bead[0]) != 1 or len(bead[1]) != 1 or
            (case.kind == "move" and bead == case.at)}


def score(result: Result, index: Index, tallies: Sequence[Tally]) -> None:
    """Add one result to every tally of its scopes."""
    case, alarms = result.case, [f for f in result.outcome.findings if f.severity in ALARMS]
    pivot_alarms = [f for f in result.on_pivot if f.severity in ALARMS]
    counts: Counter[str] = Counter()
    found_genuine: set[str] = set()
    if case.kind == "none":
        counts["pairs"] += len(case.edition)
        for finding in alarms + pivot_alarms:
            entry = genuine_entry(index, case, finding)
            if entry:
                found_genuine.add(entry.id)
                counts[f"genuine_{finding.severity}"] += 1
            else:
                counts[f"false_{finding.severity}"] += 1
    else:
        _score_fault(case, alarms, pivot_alarms, index, counts)
        _score_links(case, result.outcome.links, counts)
    for tally in tallies:
        tally.counts.update(counts)
        tally.genuine_found |= found_genuine


def _score_fault(case: Case, alarms: list[Found], pivot_alarms: list[Found], index: Index,
                 counts: Counter[str]) -> None:
    kind, expect = case.kind, case.expect
    at_fault = [f for f in alarms if _at_fault(case, f)]
    counts[f"{kind}:n"] += 1
    if expect is None:  # a faithful change: anything at it is a false alarm
        counts[f"{kind}:error"] += any(f.severity == "error" for f in at_fault)
        counts[f"{kind}:alarm"] += bool(at_fault)
    else:
        right = [f for f in at_fault if f.kind in RIGHT_KIND[expect]]
        counts[f"{kind}:found"] += bool(at_fault)
        counts[f"{kind}:kind"] += bool(right)
        counts[f"{kind}:error"] += any(f.severity == "error" for f in right)
    for finding in alarms + pivot_alarms:
        true = (expect is not None and finding in at_fault) or genuine_entry(index, case, finding) is not None
        counts[f"{finding.severity}s"] += 1
        counts[f"true_{finding.severity}s"] += true


def _score_links(case: Case, links: Iterable[Bead], counts: Counter[str]) -> None:
    predicted, gold = set(links), set(case.gold)
    counts["link_pred"] += len(predicted)
    counts["link_gold"] += len(gold)
    counts["link_hit"] += len(predicted & gold)
    reshaped = _reshaped(case)
    counts["reshaped"] += len(reshaped)
    counts["reshaped_hit"] += len(reshaped & predicted)


def add_applicable(tally: Tally, index: Index, corpus: str, document: str, pivot: str,
                   langs: Iterable[str]) -> None:
    """Genuine divergences an untouched run of these editions could have found."""
    tally.genuine_all |= {e.id for e in index.applicable(corpus, document, pivot, langs)}
