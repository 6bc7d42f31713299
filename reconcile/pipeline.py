"""The library API: editions in, Report out.

``reconcile(sources, settings)`` runs ingest → segment → anchors → align →
diagnose for every edition against the pivot. ``find_editions`` turns what a
user typed (a statement folder, files, ``--lang PATH=LANG``) into sources.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .align import align_editions
from .anchors import annotate
from .consensus import agree
from .diagnose import diagnose
from .errors import ConfigError, InputError
from .filenames import FORMAT_OF_SUFFIX, lang_from_name
from .ingest import UNDETERMINED, edition_from_blocks, load_edition, mark_shared_chrome
from .model import Block, Edition, Report, Settings
from .model import Source as Source  # noqa: PLC0414 (re-exported: Source was defined here)
from .policy import waive
from .reading import READ_DEFAULTS, ReadOptions
from .rows import build_rows
from .segment import segment
from .sentences import with_sentences
from .text import plain
from .untranslated import pivot_not_in_its_language
from .version import __version__

if TYPE_CHECKING:
    from .embed import Embedder


def find_editions(paths: Sequence[Path], langs: dict[Path, str] | None = None) -> list[Source]:
    """Editions named by the user: files as given, folders searched one level deep.

    In a folder, only files whose name says the language (``ru.txt``,
    ``statement.ru.txt``) are taken, so stray files (README, notes) are left alone.
    """
    langs = {p.resolve(): lang for p, lang in (langs or {}).items()}
    sources: list[Source] = []
    for path in paths:
        if path.is_dir():
            found = [Source(f, lang_from_name(f)) for f in sorted(path.iterdir())
                     if f.is_file() and f.suffix.lower() in FORMAT_OF_SUFFIX and lang_from_name(f)]
            if not found:
                raise InputError(path, f"no edition files (<lang>{'|'.join(sorted(FORMAT_OF_SUFFIX))}) in this folder")
            sources.extend(found)
        elif path.exists():
            sources.append(Source(path, langs.get(path.resolve()) or lang_from_name(path)))
        else:
            raise InputError(path, "no such file or folder")
    return sources


@cache
def _language_detector() -> object:
    """langdetect's profiles take a while to load: only when a language must be guessed."""
    # Lazy: only when no edition names its language (~10 ms to import)
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    return DetectorFactory


def detect_language(edition: Edition) -> str:
    """Language of a whole edition, with langdetect seeded for the same answer every run."""
    # Lazy, as above
    from langdetect import LangDetectException, detect

    _language_detector()
    text = " ".join(plain(p.norm) for p in edition.content)[:5000]
    try:
        return str(detect(text))
    except LangDetectException:
        raise InputError(edition.source, "cannot tell its language; name it with --lang PATH=LANG") from None


def load(sources: Iterable[Source], options: ReadOptions = READ_DEFAULTS,
         langs: Collection[str] | None = None) -> list[Edition]:
    """Ingest, segment and annotate the editions; refuse two editions of one language.

    With ``langs``, every edition is still read (page chrome that three or
    more editions repeat is found across all of them), but only those
    languages are segmented, annotated and returned: ``reconcile align ru en``
    in a folder of five editions prepares two.
    """
    editions: list[Edition] = []
    for source in sources:
        edition = load_edition(source.path, source.lang, options)
        if edition.lang == UNDETERMINED:
            edition = replace(edition, lang=detect_language(edition))
        editions.append(edition)
    seen: dict[str, str] = {}
    for edition in editions:
        if edition.lang in seen:
            raise InputError(edition.source, f"second {edition.lang} edition (the first is {seen[edition.lang]})")
        seen[edition.lang] = edition.source
    return prepare(editions, langs)


def prepare(editions: Sequence[Edition], langs: Collection[str] | None = None) -> list[Edition]:
    """Cross-edition chrome, sentences and anchors for ingested editions (also built in memory).

    With ``langs``, only the editions of those languages are prepared and returned.
    """
    return [annotate(segment(e)) for e in mark_shared_chrome(editions) if langs is None or e.lang in langs]


def edition_from_text(lang: str, paragraphs: Sequence[str], source: str = "<memory>") -> Edition:
    """An ingested edition from a list of paragraph texts, for tests, benchmarks and callers."""
    blocks = [Block(text, line) for line, text in enumerate(paragraphs, start=1)]
    return edition_from_blocks(blocks, lang, source, digest_text("\n\n".join(paragraphs)))


BASE_SIGNALS = ("length", "anchors", "langid")


def signature(editions: Sequence[Edition], settings: Settings, signals: Sequence[str] = BASE_SIGNALS) -> str:
    """Tool version, settings, the signals that ran and input digests: equal signatures, equal reports."""
    parts = [f"reconcile {__version__}", f"pivot={settings.pivot}",
             f"truncation={settings.truncation_ratio}", f"names={settings.name_threshold}",
             f"signals={'+'.join(signals)}"]
    if settings.level != "paragraph":  # only when asked, so paragraph-level signatures stay as they were
        parts.append(f"level={settings.level}")
    parts += [f"{e.lang}:sha256:{e.digest[:16]}" for e in editions]
    return "|".join(parts)


def semantic_signal(settings: Settings) -> Embedder | None:
    """The embedder ``settings.semantic`` asks for, if it can run here (loaded once per process)."""
    if settings.semantic is None:
        return None
    # Lazy: sqlite3, subprocess and metadata (~50 ms) only with --semantic
    from .embed import load_embedder

    return load_embedder(settings.semantic)


def reconcile_editions(editions: Sequence[Edition], settings: Settings) -> Report:
    """Align and diagnose already loaded editions against ``settings.pivot``."""
    by_lang = {e.lang: e for e in editions}
    if settings.pivot not in by_lang:
        have = ", ".join(sorted(by_lang)) or "none"
        raise ConfigError(f"no {settings.pivot} edition to use as the reference (editions found: {have})")
    pivot = by_lang[settings.pivot]
    others = [e for e in editions if e.lang != settings.pivot]
    embedder = semantic_signal(settings)
    signals = BASE_SIGNALS + ((f"semantic:{embedder.name}",) if embedder else ())
    alignments = align_editions(pivot, others, embedder)
    if settings.level == "sentence":
        alignments = tuple(with_sentences(pivot, e, a, embedder) for e, a in zip(others, alignments))
    rows = build_rows(pivot, alignments)
    findings = tuple(agree(pivot, others, pivot_not_in_its_language(pivot) +
                           [f for e, a in zip(others, alignments) for f in diagnose(pivot, e, a, settings, embedder)],
                           alignments))
    ordered = (pivot, *others)
    report = Report(tool=f"reconcile {__version__}", signature=signature(ordered, settings, signals), pivot=pivot.lang,
                    editions=ordered, alignments=alignments, findings=findings, settings=settings, rows=rows,
                    signals=signals)
    return waive(report)


def reconcile(sources: Iterable[Source | Path], settings: Settings | None = None,
              options: ReadOptions = READ_DEFAULTS) -> Report:
    """Reconcile the editions of one statement: the whole pipeline in one call.

    >>> report = reconcile([Path("samples/statement/ru.txt"), Path("samples/statement/en.txt")],
    ...                    Settings(pivot="ru"))
    >>> [(f.kind, f.pivot, f.edition) for f in report.findings]
    [('split', (5,), (5, 6))]
    """
    settings = settings or Settings()
    named = [s if isinstance(s, Source) else Source(s, lang_from_name(s)) for s in sources]
    return reconcile_editions(load(named, options), settings)


def digest_text(text: str) -> str:
    """sha256 of a text, for editions built in memory."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


DEFAULT_PIVOTS = ("ru", "en", "fr", "de", "es")


def choose_pivot(editions: Sequence[Edition], asked: str | None, order: Sequence[str] = ()) -> str:
    """The reference edition: as asked, else the one marked original, else by a fixed order.

    The order is ``--langs`` (or the config's ``langs``) if given, else
    ru, en, fr, de, es: ru first because the publishers this tool is for
    write their originals in Russian.
    """
    langs = [e.lang for e in editions]
    if asked:
        return asked
    originals = [e.lang for e in editions if e.original]
    if len(originals) == 1:
        return originals[0]
    for lang in (*order, *DEFAULT_PIVOTS):
        if lang in langs:
            return lang
    return min(langs)


@dataclass(frozen=True, slots=True)
class CheckJob:
    """Everything one worker needs to check one statement."""

    name: str
    sources: tuple[Source, ...]
    pivot: str | None
    order: tuple[str, ...]
    settings: Settings
    options: ReadOptions


def check_statement(job: CheckJob) -> Report:
    """Load, pick the pivot and reconcile one statement (runs in a worker process)."""
    editions = load(job.sources, job.options)
    if len(editions) < 2:
        raise InputError(job.name, "a statement needs two or more editions")
    pivot = choose_pivot(editions, job.pivot, job.order)
    try:
        report = reconcile_editions(editions, replace(job.settings, pivot=pivot))
    except ConfigError as exc:  # say which statement lacks the reference
        raise ConfigError(f"{job.name}: {exc}") from None
    return replace(report, name=job.name)
