"""Frozen data at the seams of the pipeline.

Every stage takes and returns these; nothing crosses a module boundary as a
bare dict or tuple. Paragraph numbers (``n``) are 1-based positions in their
edition's paragraph list, as in the JSON report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AnchorKind = Literal["number", "percent", "year", "date", "time", "decade", "century", "org", "name"]
BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table_cell"]
FindingKind = Literal[
    "missing",
    "extra",
    "number_mismatch",
    "date_mismatch",
    "untranslated",
    "truncated",
    "moved",
    "name_mismatch",
    "split",
    "merge",
]
Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Anchor:
    """A fact that survives translation, under a language-neutral key.

    ``key`` is what editions are compared on (``num:90000``, ``date:--11-09``,
    ``org:UNHCR``, ``name:stepanakert``); ``surface`` is the text as written,
    for messages; ``strong`` anchors (digits, month names, acronyms) are
    reliable enough to raise an error when they disagree, weak ones (number
    words such as "two") only support alignment. A figure with a unit that
    translators convert (miles, °F) carries the metric ``unit`` and its value
    in it (``metric``); ``scaled`` marks a figure written with a scale word
    ("1.5 million"), which may round the exact figure.
    """

    kind: AnchorKind
    key: str
    surface: str
    strong: bool = True
    unit: str = ""
    metric: float | None = None
    scaled: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of an edition: text as published plus a comparison form."""

    n: int
    text: str
    norm: str
    line: int = 1
    block: BlockKind = "paragraph"
    chrome: bool = False
    sentences: tuple[str, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    waivers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Edition:
    """One language edition of a statement, as ingested."""

    lang: str
    source: str
    digest: str
    paragraphs: tuple[Paragraph, ...]
    original: bool = False

    @property
    def content(self) -> tuple[Paragraph, ...]:
        """Paragraphs that take part in alignment (page chrome left out)."""
        return tuple(p for p in self.paragraphs if not p.chrome)


@dataclass(frozen=True, slots=True)
class Link:
    """A bead: pivot paragraphs ↔ edition paragraphs (either side may be empty)."""

    pivot: tuple[int, ...]
    edition: tuple[int, ...]
    confidence: float
    evidence: tuple[str, ...] = ()
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Bead:
    """One step of an alignment: pivot units ``pivot`` ↔ edition units ``edition``.

    0-based, half-open index ranges into the two unit lists given to the
    aligner (the sentences for ``align.align_sentences``); either side may be
    empty: a unit with no counterpart. ``cost`` is what the DP paid for the
    bead (lower: surer); ``confidence`` is in 0–1.

    >>> bead = Bead(2, 4, 3, 4)
    >>> bead.shape, list(bead.pivot), list(bead.edition)
    ((2, 1), [2, 3], [3])
    """

    pivot_start: int
    pivot_stop: int
    edition_start: int
    edition_stop: int
    cost: float = 0.0
    confidence: float = 0.0

    @property
    def pivot(self) -> range:
        return range(self.pivot_start, self.pivot_stop)

    @property
    def edition(self) -> range:
        return range(self.edition_start, self.edition_stop)

    @property
    def shape(self) -> tuple[int, int]:
        return self.pivot_stop - self.pivot_start, self.edition_stop - self.edition_start


@dataclass(frozen=True, slots=True)
class Alignment:
    """The links of one edition against the pivot, in document order."""

    lang: str
    links: tuple[Link, ...]
    length_ratio: float = 1.0


@dataclass(frozen=True, slots=True)
class Row:
    """One unit of content across all editions: the paragraphs of each edition that say it."""

    cells: tuple[tuple[str, tuple[int, ...]], ...]
    confidence: float

    def cell(self, lang: str) -> tuple[int, ...]:
        return dict(self.cells).get(lang, ())


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a reviewer should look at, with where, what and how sure.

    ``sentence`` (1-based) is the sentence of the edition paragraph holding a
    divergent figure or date, or, for ``truncated``, the first sentence of the
    pivot paragraph with no counterpart.
    """

    kind: FindingKind
    severity: Severity
    lang: str
    pivot: tuple[int, ...]
    edition: tuple[int, ...]
    message: str
    confidence: float
    expected: tuple[str, ...] = ()
    found: tuple[str, ...] = ()
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Knobs that change results; all of them enter the report's signature."""

    pivot: str = "ru"
    truncation_ratio: float = 0.6
    name_threshold: float = 82.0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found about one statement."""

    tool: str
    signature: str
    pivot: str
    editions: tuple[Edition, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    settings: Settings = field(default_factory=Settings)
    rows: tuple[Row, ...] = ()
    name: str = ""
    suppressed: int = 0

    @property
    def worst(self) -> Severity | None:
        """The highest severity among the findings, or None when there are none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)
