"""Errors written for the user (one line, naming the file and the problem) and the exit codes.

Every failure a user can cause is a ``ReconcileError``: bad input, bad
options or configuration, an output that cannot be written. The CLI turns
them into exit code 2; anything else escaping the library is a bug and
exits 3 (``internal error``). Exit code 1 is only ever "findings".
"""

from __future__ import annotations

import os
from enum import IntEnum


class ExitCode(IntEnum):
    """What the process tells CI. One table, read by ``decide`` and the CLI's error boundary."""

    OK = 0  # nothing at or above the failure threshold
    FINDINGS = 1  # findings at or above it
    BAD_INPUT = 2  # bad input, usage, configuration or output
    INTERNAL = 3  # a bug: "internal error: … please report"
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


def decide(*, failing: bool = False, bad_input: bool = False, internal: bool = False) -> ExitCode:
    """The exit code of a run that finished: a bug outranks bad input, which outranks findings.

    >>> decide(failing=True, bad_input=True)
    <ExitCode.BAD_INPUT: 2>
    """
    if internal:
        return ExitCode.INTERNAL
    if bad_input:
        return ExitCode.BAD_INPUT
    return ExitCode.FINDINGS if failing else ExitCode.OK


def shown(path: object) -> str:
    """A path as text that can be printed and written into JSON or XML.

    File names are bytes on POSIX; a name that is not valid UTF-8 reaches
    Python as lone surrogates, which no UTF-8 output accepts. They become
    ``\\xNN`` escapes here, once, for every message and report.

    >>> shown(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def os_problem(exc: OSError) -> str:
    """An OSError as one line naming the file: ``x…x: File name too long``."""
    reason = exc.strerror or type(exc).__name__
    return f"{shown(exc.filename)}: {reason}" if exc.filename is not None else reason


class ReconcileError(Exception):
    """Base of every error the CLI turns into exit code 2."""


class InputError(ReconcileError):
    """An input file or folder cannot be used as an edition."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{shown(path)}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[object, str]]:
        """Picklable, so a worker process can hand the error back to the CLI."""
        return type(self), (self.path, self.problem)


class ConfigError(ReconcileError):
    """Options or settings that do not make sense together."""


class UsageError(ConfigError):
    """The command line itself is wrong (unknown option, missing argument)."""


class OutputError(ReconcileError):
    """The report cannot be written where asked (nothing is written then)."""
