"""The README's promises: quick-start commands, CI command, every CLI command documented."""

from __future__ import annotations

import re

from conftest import ROOT

from reconcile.cli import COMMANDS, build_parser

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
    subcommands = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(subcommands.choices) == set(COMMANDS)
    for name, command in subcommands.choices.items():
        assert command.description and command.format_help(), name
        assert f"reconcile {name}" in README, name


def test_every_finding_kind_is_explained():
    from typing import get_args

    from reconcile.model import FindingKind

    for kind in get_args(FindingKind):
        assert f"`{kind}`" in README, kind
