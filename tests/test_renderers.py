"""The format registry: one signature for every renderer, the CLI's choices taken from it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import SAMPLES

from reconcile import Settings, reconcile
from reconcile.cli import main
from reconcile.errors import ConfigError
from reconcile.model import Problem
from reconcile.pipeline import find_editions
from reconcile.render_json import render_check_json, render_json
from reconcile.render_junit import render_junit
from reconcile.render_text import render_check_text
from reconcile.renderers import FORMATS, Rendering, formats, listed, render


@pytest.fixture(scope="module")
def divergent():
    report = reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot="ru"))
    return dataclasses.replace(report, name="samples/divergent")


def test_every_format_renders_a_report_from_the_same_value(divergent):
    problem = Problem("broken", "broken/en.txt", "broken/en.txt: file is empty")
    given = Rendering((divergent,), (problem,), ("a warning",), base=Path("."))
    for command, table in FORMATS.items():
        for fmt in table:
            text = render(command, fmt, given)
            assert text.strip(), (command, fmt)


def test_the_registry_renders_what_each_renderer_does(divergent):
    problem = Problem("broken", "broken/en.txt", "broken/en.txt: file is empty")
    given = Rendering((divergent,), (problem,), ("a warning",), fail_on="warning")
    assert render("align", "json", given) == render_json(divergent)
    assert render("check", "json", given) == render_check_json([divergent], [problem])
    assert render("check", "text", given) == render_check_text([divergent], ["a warning"], False, [problem])
    junit = render("check", "junit", given)
    assert junit.split("timestamp=")[0] == render_junit([divergent], "warning", [problem]).split("timestamp=")[0]


def test_an_unknown_format_is_a_clear_error(divergent):
    with pytest.raises(ConfigError, match="check writes text, json, jsonl, junit, sarif or github"):
        render("check", "xml", Rendering((divergent,)))


def test_the_cli_offers_the_registered_formats(capsys):
    assert listed(("text",)) == "text" and listed(("html", "md")) == "html or md"
    for command in FORMATS:
        assert main([command, "--help"]) == 0
        assert "-f, --format FORMAT" in capsys.readouterr().out
        assert formats(command)[0] in {"text", "html", "tmx"}  # each command's default comes first
    assert main(["check", "--format", "xml", str(SAMPLES / "divergent")]) == 2
    assert "choose from text, json, jsonl, junit, sarif, github" in capsys.readouterr().err
