"""Every output format in one registry: command → format name → renderer, all with one signature.

A renderer takes a ``Rendering`` (the reports, what could not be checked,
and the few options some formats read) and returns the document as text.
The CLI offers a command the formats registered under it, so adding a format
is one entry in ``FORMATS``. The ``render_*`` modules keep their own
signatures for library callers; the adapters below only unpack the value.
Each adapter imports its module when called: the CLI reads this registry
for its choices, and a run of one format should not load lxml or the HTML
templates of the others (cold start).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .errors import ConfigError
from .model import Problem, Report


@dataclass(frozen=True, slots=True)
class Rendering:
    """What any renderer may need; each format reads the fields that concern it.

    ``align`` renders one report (``reports[0]``); the other commands render
    every statement checked. ``fail_on`` is the JUnit failure threshold,
    ``base`` the folder SARIF and GitHub paths are relative to, ``width`` and
    ``colour`` shape text for a terminal, ``include_flagged`` keeps flagged
    paragraphs in a translation memory.
    """

    reports: Sequence[Report]
    problems: Sequence[Problem] = ()
    warnings: Sequence[str] = ()
    fail_on: str = "error"
    base: Path | None = None
    colour: bool = False
    width: int = 120
    include_flagged: bool = False


Renderer = Callable[[Rendering], str]


def _one_text(given: Rendering) -> str:
    from .render_text import render_text

    return render_text(given.reports[0], width=given.width, colour=given.colour)


def _one_json(given: Rendering) -> str:
    from .render_json import render_json

    return render_json(given.reports[0])


def _check_text(given: Rendering) -> str:
    from .render_text import render_check_text

    return render_check_text(list(given.reports), list(given.warnings), given.colour, given.problems)


def _check_json(given: Rendering) -> str:
    from .render_json import render_check_json

    return render_check_json(given.reports, given.problems)


def _jsonl(given: Rendering) -> str:
    from .render_json import render_jsonl

    return render_jsonl(given.reports, given.problems)


def _junit(given: Rendering) -> str:
    from .render_junit import render_junit

    return render_junit(given.reports, given.fail_on, given.problems)


def _sarif(given: Rendering) -> str:
    from .render_sarif import render_sarif

    return render_sarif(given.reports, given.problems, given.base)


def _github(given: Rendering) -> str:
    from .render_github import render_github

    return render_github(given.reports, given.problems, given.warnings, given.base)


def _html(given: Rendering) -> str:
    from .render_html import render_html

    return render_html(given.reports)


def _markdown(given: Rendering) -> str:
    from .render_markdown import render_markdown

    return render_markdown(given.reports)


def _tmx(given: Rendering) -> str:
    from .render_tmx import render_tmx

    return render_tmx(given.reports, include_flagged=given.include_flagged)


# The first format of each command is its default; the order is the order the help lists them in.
FORMATS: Mapping[str, Mapping[str, Renderer]] = MappingProxyType({
    "align": MappingProxyType({"text": _one_text, "json": _one_json}),
    "check": MappingProxyType({"text": _check_text, "json": _check_json, "jsonl": _jsonl, "junit": _junit,
                               "sarif": _sarif, "github": _github}),
    "report": MappingProxyType({"html": _html, "md": _markdown}),
    "export": MappingProxyType({"tmx": _tmx}),
})


def formats(command: str) -> tuple[str, ...]:
    """The format names ``command`` offers, its default first."""
    return tuple(FORMATS[command])


def listed(names: tuple[str, ...]) -> str:
    """Names as the help lists them: "text, json or jsonl"."""
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else list(names))


def render(command: str, fmt: str, given: Rendering) -> str:
    """The document ``command`` writes in format ``fmt``."""
    renderer = FORMATS[command].get(fmt)
    if renderer is None:
        raise ConfigError(f"format {fmt!r}: {command} writes {listed(formats(command))}")
    return renderer(given)
