"""The README's promises: quick-start commands, CI command, every CLI command documented."""

from __future__ import annotations

import re

from conftest import ROOT
from typer.main import get_command

from reconcile.cli import app

README = (ROOT / "README.md").read_text("utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "reconcile align" in commands[0] and "samples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_every_command_has_help_and_is_in_the_readme():
    """The commands as typer registered them: each has a summary, examples, and a section in the README."""
    group = get_command(app)
    names = group.list_commands(group.make_context("reconcile", [], resilient_parsing=True))
    assert {"align", "check", "report", "export"} <= set(names)
    for name in names:
        command = group.commands[name]
        with command.make_context(f"reconcile {name}", [], resilient_parsing=True) as ctx:
            text = command.get_help(ctx)
        assert command.help and "examples:" in text and f"reconcile {name}" in text, name
        assert f"reconcile {name}" in README, name


def test_every_finding_kind_is_explained():
    from typing import get_args

    from reconcile.model import FindingKind

    for kind in get_args(FindingKind):
        assert f"`{kind}`" in README, kind
