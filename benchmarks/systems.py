"""The systems the accuracy benchmark runs, each reduced to findings and links.

- ``pairs``: each edition against the pivot alone, as ``reconcile align`` does;
- ``editions``: every edition of the document at once, as ``reconcile check``
  does (``reconcile_editions`` with all editions, so the others' agreement counts);
- ``peer``: NLTK's Gale–Church aligner, missing/extra from the paragraphs it
  leaves unlinked, and a pofilter-style comparison of digit runs on its links.

Only the public pipeline API is used (``reconcile.pipeline``, ``reconcile.model``):
the benchmark must not see the detector's extraction or segmentation.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reconcile.model import Edition, Report, Settings
from reconcile.pipeline import edition_from_text, prepare, reconcile_editions

SYSTEMS = ("pairs", "editions", "peer")
Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Found:
    """A finding reduced to what scoring needs."""

    kind: str
    severity: str
    lang: str
    pivot: tuple[int, ...]
    edition: tuple[int, ...]
    message: str = field(default="", compare=False)


@dataclass(frozen=True)
class Outcome:
    """What one system reported about one edition (and, for ``editions``, on the pivot itself)."""

    findings: tuple[Found, ...]
    links: frozenset[Bead]


def peer_missing() -> str | None:
    """Why the peer cannot run here, or None."""
    if importlib.util.find_spec("nltk") is None:
        return "nltk is not installed (pip install nltk)"
    return None


def _outcomes(report: Report, langs: Sequence[str]) -> dict[str, Outcome]:
    """Each edition's findings and links; findings on the pivot go with every edition's outcome key ``pivot``."""
    out: dict[str, Outcome] = {}
    for lang in langs:
        alignment = next(a for a in report.alignments if a.lang == lang)
        out[lang] = Outcome(tuple(_found(f) for f in report.findings if f.lang == lang),
                            frozenset((link.pivot, link.edition) for link in alignment.links))
    out[report.pivot] = Outcome(tuple(_found(f) for f in report.findings if f.lang == report.pivot), frozenset())
    return out


def _found(finding: object) -> Found:
    return Found(finding.kind, finding.severity, finding.lang, finding.pivot,  # type: ignore[attr-defined]
                 finding.edition, finding.message)  # type: ignore[attr-defined]


def prepared(lang: str, paragraphs: Sequence[str]) -> Edition:
    """One edition built in memory and prepared alone (as a pair run sees it)."""
    return prepare([edition_from_text(lang, paragraphs)])[0]


SEMANTIC: str | None = None  # the embedding model of the semantic signal (accuracy.py --semantic), else None


def use_semantic(model: str | None) -> None:
    """Pool initializer: every worker runs with the same signals."""
    global SEMANTIC  # one setting for the whole run, set once per process
    SEMANTIC = model


def run_pair(pivot: Edition, edition: Edition) -> Outcome:
    """The edition against the pivot alone (``reconcile align``)."""
    report = reconcile_editions([pivot, edition], Settings(pivot=pivot.lang, semantic=SEMANTIC))
    return _outcomes(report, [edition.lang])[edition.lang]


def run_editions(pivot: str, texts: Mapping[str, Sequence[str]]) -> dict[str, Outcome]:
    """Every edition at once (``reconcile check``); the pivot's key holds findings put on the pivot."""
    editions = prepare([edition_from_text(lang, paragraphs) for lang, paragraphs in texts.items()])
    report = reconcile_editions(editions, Settings(pivot=pivot, semantic=SEMANTIC))
    return _outcomes(report, [lang for lang in texts if lang != pivot])


DIGITS = re.compile(r"\d+")


def run_peer(pivot: Sequence[str], edition: Sequence[str], lang: str) -> Outcome:
    """Gale–Church on character lengths; digit runs compared on its links (pofilter ``numbers`` style)."""
    from nltk.translate.gale_church import align_blocks

    pairs = align_blocks([len(t) for t in pivot], [len(t) for t in edition])
    owner_s: dict[int, int] = {}
    owner_t: dict[int, int] = {}
    groups: list[tuple[set[int], set[int]]] = []
    for s, t in pairs:  # connected components of the pair graph are beads
        g = owner_s.get(s, owner_t.get(t, len(groups)))
        if g == len(groups):
            groups.append((set(), set()))
        groups[g][0].add(s + 1)
        groups[g][1].add(t + 1)
        owner_s[s], owner_t[t] = g, g
    links = {(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups}
    findings = [Found("missing", "error", lang, (i,), ()) for i in range(1, len(pivot) + 1) if i - 1 not in owner_s]
    findings += [Found("extra", "error", lang, (), (j,)) for j in range(1, len(edition) + 1) if j - 1 not in owner_t]
    links |= {(f.pivot, f.edition) for f in findings}
    for a, b in sorted(links):
        if a and b:
            left = sorted(DIGITS.findall(" ".join(pivot[i - 1] for i in a)))
            right = sorted(DIGITS.findall(" ".join(edition[j - 1] for j in b)))
            if left != right:
                findings.append(Found("number_mismatch", "error", lang, a, b))
    return Outcome(tuple(findings), frozenset(links))
