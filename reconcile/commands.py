"""What each command does once its options are parsed: call the library, render, write, choose the exit code.

``cli.py`` declares the options and hands them over as the small frozen
values below; these functions return an ``ExitCode`` (``errors.decide``
picks it). Nothing here catches an exception: that happens once, in
``cli.main``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import ConfigError, ExitCode, decide, shown
from .model import Edition, Settings
from .output import check_target, deliver, write_atomically
from .reading import STDIN, ReadOptions

# Imports inside the commands below, on purpose: ``checking`` (process pools, discovery, config,
# baseline: ~45 ms) only for the commands that run checks, and each renderer only for its format
# (lxml, Jinja: 20-60 ms), so ``reconcile --help`` and ``reconcile align`` do not pay for them. The
# pipeline functions are looked up when a command runs (tests replace them to simulate a bug).
if TYPE_CHECKING:
    from .checking import CheckOptions, Gathered
    from .pipeline import Source


@dataclass(frozen=True, slots=True)
class Ui:
    """-q, -v and --color, wherever on the command line they were given."""

    quiet: bool = False
    verbose: int = 0
    color: str = "auto"


@dataclass(frozen=True, slots=True)
class Statements:
    """What check, report and export share: where to look, how to read, where to write."""

    paths: tuple[Path, ...] = ()
    output: Path | None = None
    pivot: str | None = None
    langs: tuple[str, ...] | None = None
    jobs: int | None = None
    config: Path | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    ui: Ui = field(default_factory=Ui)
    semantic: str | None = None  # the embedding model of the semantic signal, if asked for

    @property
    def roots(self) -> list[Path]:
        """The paths given, else the current folder."""
        return list(self.paths) or [Path(".")]


@dataclass(frozen=True, slots=True)
class Gate:
    """What only ``check`` is asked: the format, the threshold, the baseline, the pre-commit mode."""

    fmt: str = "text"
    fail_on: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    base: Path | None = None
    changed: bool = False


def colour_wanted(choice: str, stream: TextIO) -> bool:
    """``--color``: always, never, or auto = NO_COLOR off, FORCE_COLOR on, TERM=dumb off, else a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "").lower() not in ("", "0", "false"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _colour(ui: Ui, output: Path | None) -> bool:
    if output is not None and str(output) != "-":
        return ui.color == "always"  # a file is never a terminal
    return colour_wanted(ui.color, sys.stdout)


def _progress(ui: Ui) -> bool:
    """A progress bar only on a terminal: never in CI logs, when piped, with -q or TERM=dumb."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not ui.quiet and os.environ.get("TERM") != "dumb"


def _emit(ui: Ui, lines: list[str]) -> None:
    """Messages on stderr, one line each; -q keeps only the errors."""
    for line in lines:
        if not (ui.quiet and line.startswith(("warning:", "note:"))):
            print(f"reconcile: {line}", file=sys.stderr)


def parse_langs(pairs: list[str]) -> dict[Path, str]:
    """``--lang PATH=LANG`` options → {path: lang}; ``-=LANG`` names standard input."""
    out: dict[Path, str] = {}
    for pair in pairs:
        path, sep, lang = pair.rpartition("=")
        if not sep or not path or not (len(lang) == 2 and lang.isalpha() and lang.isascii()):
            raise ConfigError(f"--lang {pair!r}: expected PATH=LANG with a two-letter code, for example "
                              "--lang notes.txt=de")
        out[Path(path)] = lang.lower()
    return out


def _align_sources(paths: list[Path], lang: list[str]) -> list[Source]:
    """The sources named on the command line, standard input (``-``) included."""
    from .pipeline import Source, find_editions

    langs = parse_langs(lang)
    stdin_lang = langs.pop(Path(STDIN), None)
    named = [p for p in paths if str(p) != STDIN]
    if len(paths) - len(named) > 1:
        raise ConfigError("- (standard input) can be given only once")
    sources = find_editions(named, langs) if named else []
    if len(named) < len(paths):
        sources.append(Source(Path(STDIN), stdin_lang))
    return sources


def align(src: str, tgt: str, paths: tuple[Path, ...], *, fmt: str, output: Path | None, lang: tuple[str, ...],
          semantic: str | None, read: ReadOptions, ui: Ui, level: str = "paragraph") -> ExitCode:
    """One edition against the reference; only the two editions asked for are read."""
    from .pipeline import reconcile_editions
    from .renderers import Rendering, render

    if src == tgt:
        raise ConfigError(f"SRC and TGT are both {src!r}: name two different languages")
    editions = _two_editions(src, tgt, list(paths) or [Path(".")], list(lang), read, output)
    report = reconcile_editions(editions, Settings(pivot=src, semantic=semantic,
                                                   level="sentence" if level == "sentence" else "paragraph"))
    terminal = output is None and sys.stdout.isatty()
    width = os.get_terminal_size().columns if terminal else 120
    deliver(render("align", fmt, Rendering((report,), width=width, colour=_colour(ui, output))), output)
    return decide(failing=report.worst == "error")


def _two_editions(src: str, tgt: str, roots: list[Path], lang: list[str], read: ReadOptions,
                  output: Path | None) -> list[Edition]:
    """The editions in SRC and TGT under ``roots``; a file whose name says another language is not read.

    A broken en.txt does not stop "align ru de".
    """
    from .pipeline import load

    sources = _align_sources(roots, lang)
    if output is not None:
        check_target("--output", output, [s.path for s in sources])
    wanted = [s for s in sources if s.lang in (src, tgt) or s.lang is None]
    editions = [e for e in load(wanted, read) if e.lang in (src, tgt)]
    _require((src, tgt), editions, roots)
    return editions


def _require(codes: tuple[str, ...], editions: list[Edition], roots: list[Path]) -> None:
    """Refuse a run missing an edition asked for, saying how editions are found."""
    found = {e.lang for e in editions}
    for code in codes:
        if code not in found:
            where = ", ".join(shown(p) for p in roots)
            raise ConfigError(f"no {code} edition in {where} (editions are found by name: {code}.txt, "
                              f"name.{code}.txt, or --lang PATH={code})")


def _check_options(job: Statements, gate: Gate) -> CheckOptions:
    from .checking import CheckOptions

    return CheckOptions(pivot=job.pivot, langs=job.langs, fail_on=gate.fail_on, jobs=job.jobs, config=job.config,
                        semantic=job.semantic,
                        baseline=gate.baseline, write_baseline=gate.write_baseline, read=job.read, fmt=gate.fmt,
                        base=gate.base, colour=_colour(job.ui, job.output), progress=_progress(job.ui),
                        changed=gate.changed)


def _given(job: Statements, gate: Gate) -> list[Path]:
    """Files named on the command line that a report must never overwrite."""
    return [*job.paths, *([job.config] if job.config else []), *([gate.baseline] if gate.baseline else [])]


def _check_targets(job: Statements, gate: Gate) -> None:
    """Refuse bad places to write before any work is done."""
    output, baseline_out = job.output, gate.write_baseline
    if baseline_out is not None and str(baseline_out) == "-":
        raise ConfigError("--write-baseline -: the baseline needs a file (standard output carries the report)")
    for option, target in (("--output", output), ("--write-baseline", baseline_out)):
        if target is not None:
            check_target(option, target, _given(job, gate))
    if output is not None and baseline_out is not None and os.path.realpath(output) == os.path.realpath(baseline_out):
        raise ConfigError("--output and --write-baseline name the same file")
    if gate.base is not None and not gate.base.is_dir():
        raise ConfigError(f"--base {shown(gate.base)}: not a folder")


def check(job: Statements, gate: Gate) -> ExitCode:
    """Every statement; the report is written even when a statement could not be checked (exit 2 then)."""
    from .checking import run_check

    _check_targets(job, gate)
    output, baseline_out = job.output, gate.write_baseline
    result = run_check(job.roots, _check_options(job, gate))
    in_output = output is None and gate.fmt in ("text", "github")  # these show the warnings already
    _emit(job.ui, result.errors + ([] if in_output else [f"warning: {w}" for w in result.warnings]) + result.notes)
    if job.ui.verbose:
        sys.stderr.write("".join(p.detail for p in result.problems))
    if output is not None:  # again, now that every edition read is known
        written = [baseline_out] if baseline_out else []
        check_target("--output", output, [*result.inputs, *_given(job, gate), *written])
    if baseline_out is not None and result.baseline_text is not None:
        check_target("--write-baseline", baseline_out, [*result.inputs, *([job.config] if job.config else [])])
    deliver(result.text, output)
    if baseline_out is not None and result.baseline_text is not None:
        write_atomically(baseline_out, result.baseline_text, "--write-baseline")
    return result.exit_code


def _gathered(job: Statements) -> Gathered:
    """The reports of ``check`` (same discovery, pivot, config and baseline) for report and export.

    Unlike ``check``, a statement that cannot be read stops these: a page or
    a translation memory silently missing a statement would mislead.
    """
    from .checking import gather

    if job.output is not None:
        check_target("--output", job.output, list(job.paths))
    found = gather(job.roots, _check_options(job, Gate()))
    _emit(job.ui, [f"error: {p.message}" for p in found.problems] + [f"warning: {w}" for w in found.warnings]
          + [f"warning: {n}" for n in found.notes])
    if found.problems:
        raise ConfigError(f"{len(found.problems)} statement(s) could not be read; nothing written")
    if job.output is not None:
        check_target("--output", job.output, found.inputs)
    return found


def report(job: Statements, fmt: str = "html") -> ExitCode:
    """A page for editors (html) or a pull-request summary (md) of every statement."""
    from .renderers import Rendering, render

    found = _gathered(job)
    deliver(render("report", fmt, Rendering(found.reports)), job.output)
    return ExitCode.OK


def export(job: Statements, include_flagged: bool = False) -> ExitCode:
    """Every statement's aligned paragraphs as TMX; paragraphs behind an error left out unless asked."""
    from .renderers import Rendering, render

    found = _gathered(job)
    deliver(render("export", "tmx", Rendering(found.reports, include_flagged=include_flagged)), job.output)
    return ExitCode.OK
