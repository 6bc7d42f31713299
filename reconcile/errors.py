"""Errors written for the user: one line, naming the file and the problem."""

from __future__ import annotations


class ReconcileError(Exception):
    """Base of every error the CLI turns into exit code 2."""


class InputError(ReconcileError):
    """An input file or folder cannot be used as an edition."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple:
        """Picklable, so a worker process can hand the error back to the CLI."""
        return type(self), (self.path, self.problem)


class ConfigError(ReconcileError):
    """Options or settings that do not make sense together."""
