"""Settings for ``reconcile check`` from ``reconcile.toml`` or ``[tool.reconcile]`` in ``pyproject.toml``.

Every key is checked: an unknown key or a bad value is an error naming the
file and the key, never silently ignored. Command-line options override the
file. Example::

    pivot = "ru"
    langs = ["ru", "en", "de", "es", "fr"]
    fail_on = "error"            # or "warning", "never"
    truncation_ratio = 0.6
    ignore = ["drafts/**"]
    baseline = "reconcile-baseline.json"
    jobs = 2

    [severity]                   # per finding kind: error, warning, info or off
    moved = "error"
    name_mismatch = "off"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from .errors import ConfigError
from .model import FindingKind

FAIL_ON = ("error", "warning", "never")
LEVELS = ("error", "warning", "info", "off")


@dataclass(frozen=True, slots=True)
class Config:
    """The check settings after the file and the command line are combined."""

    pivot: str | None = None
    langs: tuple[str, ...] = ()
    fail_on: str = "error"
    truncation_ratio: float = 0.6
    name_threshold: float = 82.0
    severity: dict[str, str] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    jobs: int | None = None
    source: str | None = None


def _lang(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isalpha() and value.islower()


CHECKS = {
    "pivot": (_lang, "a two-letter language code such as \"ru\""),
    "langs": (lambda v: isinstance(v, list) and all(map(_lang, v)), "a list of two-letter language codes"),
    "fail_on": (lambda v: v in FAIL_ON, f"one of {', '.join(FAIL_ON)}"),
    "truncation_ratio": (lambda v: isinstance(v, (int, float)) and 0 < v < 1, "a number between 0 and 1"),
    "name_threshold": (lambda v: isinstance(v, (int, float)) and 0 < v <= 100, "a number between 0 and 100"),
    "severity": (lambda v: isinstance(v, dict), "a table of finding kind = level"),
    "ignore": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of glob patterns"),
    "baseline": (lambda v: isinstance(v, str) and v, "a file path"),
    "jobs": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "a whole number, 1 or more"),
}


def find_config(start: Path) -> Path | None:
    """``reconcile.toml``, else a ``pyproject.toml`` with ``[tool.reconcile]``, in ``start``."""
    candidate = start / "reconcile.toml"
    if candidate.is_file():
        return candidate
    pyproject = start / "pyproject.toml"
    if pyproject.is_file() and "[tool.reconcile]" in pyproject.read_text("utf-8", errors="replace"):
        return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None: defaults)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reconcile", {})
    where = f"{path}" + (" [tool.reconcile]" if path.name == "pyproject.toml" else "")
    for key, value in data.items():
        if key not in CHECKS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(CHECKS))})")
        accept, expected = CHECKS[key]
        if not accept(value):
            raise ConfigError(f"{where}: {key} = {value!r}: expected {expected}")
    kinds = get_args(FindingKind)
    for kind, level in data.get("severity", {}).items():
        if kind not in kinds:
            raise ConfigError(f"{where}: severity.{kind}: unknown finding kind (known: {', '.join(kinds)})")
        if level not in LEVELS:
            raise ConfigError(f"{where}: severity.{kind} = {level!r}: expected one of {', '.join(LEVELS)}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return Config(**values, source=str(path))
