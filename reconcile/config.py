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

from .errors import ConfigError, InputError, shown
from .model import FindingKind
from .reading import read_bytes

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


def _number(value: Any, low: float, high: float, high_included: bool) -> bool:
    """A real number in (low, high) or (low, high]; booleans, NaN and infinities are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return low < value < high or (high_included and value == high)


CHECKS = {
    "pivot": (_lang, "a two-letter language code such as \"ru\""),
    "langs": (lambda v: isinstance(v, list) and all(map(_lang, v)), "a list of two-letter language codes"),
    "fail_on": (lambda v: isinstance(v, str) and v in FAIL_ON, f"one of {', '.join(FAIL_ON)}"),
    "truncation_ratio": (lambda v: _number(v, 0, 1, False), "a number between 0 and 1"),
    "name_threshold": (lambda v: _number(v, 0, 100, True), "a number between 0 and 100"),
    "severity": (lambda v: isinstance(v, dict), "a table of finding kind = level"),
    "ignore": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of glob patterns"),
    "baseline": (lambda v: isinstance(v, str) and bool(v.strip()), "a file path"),
    "jobs": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "a whole number, 1 or more"),
}
MAX_CONFIG_BYTES = 1024 * 1024


def _kind_of(value: Any) -> str:
    """How TOML calls a value, for messages."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array of tables" if value and all(isinstance(v, dict) for v in value) else "an array"
    return f"the {type(value).__name__} {_short(value)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = read_bytes(path, MAX_CONFIG_BYTES)
    except InputError as exc:
        raise ConfigError(f"{shown(path)}: cannot be read as a config file ({exc.problem})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{shown(path)}: not UTF-8 text, as TOML must be") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown(path)}: not valid TOML ({exc})") from None


def find_config(start: Path) -> Path | None:
    """``reconcile.toml``, else a ``pyproject.toml`` that has a ``reconcile`` entry under ``[tool]``, in ``start``."""
    candidate = start / "reconcile.toml"
    if candidate.is_file():
        return candidate
    pyproject = start / "pyproject.toml"
    try:
        mentions = pyproject.is_file() and b"reconcile" in pyproject.read_bytes()[:MAX_CONFIG_BYTES]
    except OSError:
        return None
    if not mentions:
        return None
    tool = _read_toml(pyproject).get("tool")
    return pyproject if isinstance(tool, dict) and "reconcile" in tool else None


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The settings table: the whole file, or ``[tool.reconcile]`` of a pyproject.toml."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{shown(path)}: tool must be a table, found {_kind_of(tool)}")
    if "reconcile" not in tool:
        raise ConfigError(f"{shown(path)}: has no [tool.reconcile] table")
    section = tool["reconcile"]
    if not isinstance(section, dict):
        raise ConfigError(f"{shown(path)}: tool.reconcile must be a table written [tool.reconcile], found "
                          f"{_kind_of(section)}")
    return section


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None: defaults); every problem is one ConfigError naming file and key."""
    if path is None:
        return Config()
    data = _section(path, _read_toml(path))
    where = f"{shown(path)}" + (" [tool.reconcile]" if path.name == "pyproject.toml" else "")
    for key, value in data.items():
        if key not in CHECKS:
            raise ConfigError(f"{where}: unknown key {_short(key)} (known: {', '.join(sorted(CHECKS))})")
        accept, expected = CHECKS[key]
        if not accept(value):
            raise ConfigError(f"{where}: {key} = {_short(value)}: expected {expected}")
    kinds = get_args(FindingKind)
    for kind, level in data.get("severity", {}).items():
        if kind not in kinds:
            raise ConfigError(f"{where}: severity.{_short(kind)}: unknown finding kind (known: {', '.join(kinds)})")
        if not isinstance(level, str) or level not in LEVELS:
            raise ConfigError(f"{where}: severity.{kind} = {_short(level)}: expected one of {', '.join(LEVELS)}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return Config(**values, source=shown(path))  # type: ignore[arg-type]  # every key and type checked above
