"""What each command does once its options are parsed: call the library, render, write, choose the exit code.

``cli.py`` declares the options; these functions receive them and return an
``ExitCode`` (``errors.decide`` picks it). Nothing here catches an exception:
that happens once, in ``cli.main``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import ConfigError, ExitCode, decide, shown
from .model import Settings
from .output import check_target, deliver, write_atomically
from .reading import STDIN, ReadOptions

if TYPE_CHECKING:
    from .checking import CheckOptions, Gathered
    from .pipeline import Source


def _option(args: argparse.Namespace, name: str, default: object) -> object:
    """-q, -v and --color may be absent from the namespace (SUPPRESS): their default then."""
    return getattr(args, name, default)


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


def _colour(args: argparse.Namespace, output: Path | None) -> bool:
    choice = str(_option(args, "color", "auto"))
    if output is not None and str(output) != "-":
        return choice == "always"  # a file is never a terminal
    return colour_wanted(choice, sys.stdout)


def _progress(args: argparse.Namespace) -> bool:
    """A progress bar only on a terminal: never in CI logs, when piped, with -q or TERM=dumb."""
    return (sys.stderr.isatty() and not os.environ.get("CI") and not _option(args, "quiet", False)
            and os.environ.get("TERM") != "dumb")


def _read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(args.encoding, args.content_selector, int(args.max_input_mb * 1024 * 1024))


def _emit(args: argparse.Namespace, lines: list[str]) -> None:
    """Messages on stderr, one line each; -q keeps only the errors."""
    quiet = _option(args, "quiet", False)
    for line in lines:
        if not (quiet and line.startswith(("warning:", "note:"))):
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


def _align_sources(args: argparse.Namespace) -> list[Source]:
    """The sources named on the command line, standard input (``-``) included."""
    from .pipeline import Source, find_editions

    paths = args.paths or [Path(".")]
    langs = parse_langs(args.lang)
    stdin_lang = langs.pop(Path(STDIN), None)
    named = [p for p in paths if str(p) != STDIN]
    if len(paths) - len(named) > 1:
        raise ConfigError("- (standard input) can be given only once")
    sources = find_editions(named, langs) if named else []
    if len(named) < len(paths):
        sources.append(Source(Path(STDIN), stdin_lang))
    return sources


def align(args: argparse.Namespace) -> ExitCode:
    """One edition against the reference; only the two editions asked for are read."""
    from .pipeline import load, reconcile_editions
    from .render_json import render_json
    from .render_text import render_text

    src, tgt = args.src, args.tgt
    if src == tgt:
        raise ConfigError(f"SRC and TGT are both {src!r}: name two different languages")
    sources = _align_sources(args)
    if args.output is not None:
        check_target("--output", args.output, [s.path for s in sources])
    # A file whose name says another language is not read: a broken en.txt does not stop "align ru de".
    wanted = [s for s in sources if s.lang in (src, tgt) or s.lang is None]
    editions = [e for e in load(wanted, _read_options(args)) if e.lang in (src, tgt)]
    for lang in (src, tgt):
        if lang not in {e.lang for e in editions}:
            where = ", ".join(shown(p) for p in args.paths or [Path(".")])
            raise ConfigError(f"no {lang} edition in {where} (editions are found by name: {lang}.txt, "
                              f"name.{lang}.txt, or --lang PATH={lang})")
    report = reconcile_editions(editions, Settings(pivot=src, semantic=args.semantic))
    if args.format == "json":
        text = render_json(report)
    else:
        terminal = args.output is None and sys.stdout.isatty()
        width = os.get_terminal_size().columns if terminal else 120
        text = render_text(report, width=width, colour=_colour(args, args.output))
    deliver(text, args.output)
    return decide(failing=report.worst == "error")


def _check_options(args: argparse.Namespace, fmt: str) -> CheckOptions:
    from .checking import CheckOptions

    return CheckOptions(pivot=args.pivot, langs=args.langs, fail_on=getattr(args, "fail_on", None), jobs=args.jobs,
                        config=args.config, baseline=getattr(args, "baseline", None),
                        write_baseline=getattr(args, "write_baseline", None), read=_read_options(args), fmt=fmt,
                        base=getattr(args, "base", None), colour=_colour(args, args.output),
                        progress=_progress(args), changed=getattr(args, "changed", False))


def _given(args: argparse.Namespace) -> list[Path]:
    """Files named on the command line that a report must never overwrite."""
    return [*args.paths, *([args.config] if args.config else []), *([args.baseline] if args.baseline else [])]


def _check_targets(args: argparse.Namespace) -> None:
    """Refuse bad places to write before any work is done."""
    output, baseline_out = args.output, args.write_baseline
    if baseline_out is not None and str(baseline_out) == "-":
        raise ConfigError("--write-baseline -: the baseline needs a file (standard output carries the report)")
    for option, target in (("--output", output), ("--write-baseline", baseline_out)):
        if target is not None:
            check_target(option, target, _given(args))
    if output is not None and baseline_out is not None and os.path.realpath(output) == os.path.realpath(baseline_out):
        raise ConfigError("--output and --write-baseline name the same file")
    if args.base is not None and not args.base.is_dir():
        raise ConfigError(f"--base {shown(args.base)}: not a folder")


def check(args: argparse.Namespace) -> ExitCode:
    """Every statement; the report is written even when a statement could not be checked (exit 2 then)."""
    from .checking import run_check

    _check_targets(args)
    output, baseline_out = args.output, args.write_baseline
    result = run_check(args.paths or [Path(".")], _check_options(args, args.format))
    in_output = output is None and args.format in ("text", "github")  # these show the warnings already
    _emit(args, result.errors + ([] if in_output else [f"warning: {w}" for w in result.warnings]) + result.notes)
    if _option(args, "verbose", 0):
        sys.stderr.write("".join(p.detail for p in result.problems))
    if output is not None:  # again, now that every edition read is known
        check_target("--output", output, [*result.inputs, *_given(args), *([baseline_out] if baseline_out else [])])
    if baseline_out is not None and result.baseline_text is not None:
        check_target("--write-baseline", baseline_out, [*result.inputs, *([args.config] if args.config else [])])
    deliver(result.text, output)
    if baseline_out is not None and result.baseline_text is not None:
        write_atomically(baseline_out, result.baseline_text, "--write-baseline")
    return result.exit_code


def _gathered(args: argparse.Namespace) -> Gathered:
    """The reports of ``check`` (same discovery, pivot, config and baseline) for report and export.

    Unlike ``check``, a statement that cannot be read stops these: a page or
    a translation memory silently missing a statement would mislead.
    """
    from .checking import gather

    if args.output is not None:
        check_target("--output", args.output, args.paths)
    found = gather(args.paths or [Path(".")], _check_options(args, "text"))
    _emit(args, [f"error: {p.message}" for p in found.problems] + [f"warning: {w}" for w in found.warnings]
          + [f"warning: {n}" for n in found.notes])
    if found.problems:
        raise ConfigError(f"{len(found.problems)} statement(s) could not be read; nothing written")
    if args.output is not None:
        check_target("--output", args.output, found.inputs)
    return found


def report(args: argparse.Namespace) -> ExitCode:
    found = _gathered(args)
    if args.format == "html":
        from .render_html import render_html as render
    else:
        from .render_markdown import render_markdown as render
    deliver(render(found.reports), args.output)
    return ExitCode.OK


def export(args: argparse.Namespace) -> ExitCode:
    from .render_tmx import render_tmx

    found = _gathered(args)
    deliver(render_tmx(found.reports, include_flagged=args.include_flagged), args.output)
    return ExitCode.OK
