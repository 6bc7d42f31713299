"""The command line through its single entry point, with golden reports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from reconcile.cli import main

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("RECONCILE_UPDATE_GOLDEN") == "1"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.parametrize("args, golden", [
    (["align", "ru", "en", "samples/divergent"], "divergent_ru_en.txt"),
    (["align", "ru", "es", "samples/divergent", "--format", "json"], "divergent_ru_es.json"),
    (["align", "ru", "de", "samples/divergent/ru.txt", "samples/divergent/de.txt", "-f", "json"], "divergent_ru_de.json"),
])
def test_golden_reports(capsys, args, golden):
    code, out, err = run(capsys, *args)
    assert code == 1 and err == ""
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_json_report_contract(capsys):
    out = run(capsys, "align", "ru", "fr", "samples/divergent", "-f", "json")[1]
    report = json.loads(out)
    assert list(report)[:7] == ["schema_version", "tool", "signature", "pivot", "editions", "alignments", "findings"]
    assert report["rows"][0]["cells"] == {"ru": [2], "fr": [2]}
    assert report["schema_version"] == 2 and report["pivot"] == "ru"
    assert [e["lang"] for e in report["editions"]] == ["ru", "fr"]
    paragraph = report["editions"][0]["paragraphs"][0]
    assert list(paragraph)[:3] == ["n", "text", "chrome"] and paragraph["chrome"] is True
    link = report["alignments"][0]["links"][0]
    assert {"pivot", "edition", "confidence", "evidence"} <= set(link) and 0 <= link["confidence"] <= 1
    for finding in report["findings"]:
        assert list(finding)[:7] == ["kind", "severity", "lang", "pivot", "edition", "message", "confidence"]


def test_same_input_gives_byte_identical_output(capsys):
    first = run(capsys, "align", "ru", "es", "samples/divergent", "-f", "json")[1]
    second = run(capsys, "align", "ru", "es", "samples/divergent", "-f", "json")[1]
    assert first == second


def test_exit_zero_without_errors(capsys):
    code, out, _ = run(capsys, "align", "ru", "en", "samples/statement")
    assert code == 0 and "0 errors, 0 warnings" in out


@pytest.mark.parametrize("args, message", [
    (["align", "ru", "en", "no/such/folder"], "no/such/folder: no such file or folder"),
    (["align", "ru", "it", "samples/statement"], "no it edition in samples/statement"),
    (["align", "ru", "ru", "samples/statement"], "name two different languages"),
    (["align", "ru"], "missing argument 'TGT' (see reconcile align --help)"),
    (["align"], "missing argument 'SRC'"),
    (["align", "ru", "en", "samples/statement", "--format", "xml"], "invalid choice: 'xml'"),
    (["align", "ru", "en", "samples/statement/ru.txt", "pyproject.toml"], "unsupported file type .toml"),
    (["align", "ru", "en", "--lang", "oops", "samples/statement"], "expected PATH=LANG"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_lang_option_names_an_edition(capsys, tmp_path):
    (tmp_path / "notes.txt").write_text((ROOT / "samples/statement/en.txt").read_text("utf-8"), "utf-8")
    code, _, err = run(capsys, "align", "ru", "en", "samples/statement/ru.txt", str(tmp_path / "notes.txt"),
                         "--lang", f"{tmp_path / 'notes.txt'}=en")
    assert code == 0, err


def test_language_is_detected_when_the_name_does_not_say(capsys, tmp_path):
    (tmp_path / "version-b.txt").write_text((ROOT / "samples/statement/de.txt").read_text("utf-8"), "utf-8")
    code, _, err = run(capsys, "align", "ru", "de", "samples/statement/ru.txt", str(tmp_path / "version-b.txt"))
    assert code == 0, err


def test_output_file_is_written_atomically(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "align", "ru", "en", "samples/divergent", "-f", "json", "-o", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text("utf-8"))["schema_version"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_bad_input_writes_nothing(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, _, _ = run(capsys, "align", "ru", "en", "missing", "-o", str(target))
    assert code == 2 and not target.exists()


def test_python_dash_m_and_no_traceback_in_a_real_process(tmp_path):
    empty = tmp_path / "en.txt"
    empty.write_text("", "utf-8")
    result = subprocess.run([sys.executable, "-m", "reconcile", "align", "ru", "en", "samples/statement/ru.txt", str(empty)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, check=False)
    assert result.returncode == 2
    assert result.stderr == f"reconcile: error: {empty}: file is empty\n"


def test_help_lists_every_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "align" in out


# --- conventions users of ruff, vale or sacrebleu expect (issue 12) ---------------------------------

@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(capsys, flag):
    from reconcile import __version__

    code, out, err = run(capsys, flag)
    assert code == 0 and out == f"reconcile {__version__}\n" and err == ""


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["align", "-h"], ["check", "--help"], ["report", "-h"],
                                  ["export", "-h"]])
def test_help_is_plain_text_with_examples_and_exit_codes(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert "examples:" in out and "exit codes:" in out and "3  internal error" in out
    assert not re.search(r"<(list|str|int|float|bool|path)\b", out, re.IGNORECASE), "no Python types"
    assert "╭" not in out and "\x1b[" not in out, "no box drawing or colour"
    # report and export write what they find: no threshold, so no exit code 1 is promised
    assert ("1  findings at or above it" in out) == (args[0] not in ("report", "export"))


def test_help_keeps_bracketed_config_table(capsys):
    out = run(capsys, "check", "--help")[1]
    assert "[tool.reconcile]" in " ".join(out.split())


SHARED = ("--encoding", "--content-selector", "--max-input-mb", "--pivot", "--langs", "--jobs", "--config",
          "--output", "--quiet", "--verbose", "--color")


def test_shared_options_are_declared_once():
    """Each shared option is one ``typer.Option(...)`` in cli.py (an ``Annotated`` alias) that every command reuses.

    A command declaring its own copy would add a second ``typer.Option`` call
    naming it; one that forgot the alias would not have the option; a copy
    with other words would show another help text.
    """
    import ast

    from typer.main import get_command

    from reconcile import cli

    tree = ast.parse((ROOT / "reconcile" / "cli.py").read_text("utf-8"))
    declarations = [[a.value for a in node.args if isinstance(a, ast.Constant)] for node in ast.walk(tree)
                    if isinstance(node, ast.Call) and ast.unparse(node.func) == "typer.Option"]
    commands = get_command(cli.app).commands.values()
    for option in SHARED:
        assert sum(option in names for names in declarations) == 1, option
        declared = [p for command in commands for p in command.params if option in p.opts]
        assert len(declared) >= 3 and len({p.help for p in declared}) == 1, option


@pytest.mark.parametrize("args, message", [
    ([], "no command given; choose one of align, check, report, export (see reconcile --help)"),
    (["-v"], "no command given"),
    (["--no-such-option"], "no such option: --no-such-option (see reconcile --help)"),
    (["frobnicate"], "no such command 'frobnicate'"),
    (["algin", "ru", "en"], "no such command 'algin'. Did you mean 'align'?"),
    (["check", "--jobs", "0"], "invalid value for '-j' / '--jobs': '0': expected 1 or more (see reconcile check --help)"),
    (["check", "--fail-on", "sometimes"], "invalid choice: 'sometimes' (choose from error, warning, never)"),
    (["check", "--langs", "english"], "expected two-letter codes"),
    (["report", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["export", "--include-flagged", "--format"], "option '--format' requires an argument (see reconcile export --help)"),
    (["-q", "check", "--jobs"], "option '--jobs' requires an argument (see reconcile check --help)"),
    (["--color", "sometimes", "align", "ru", "en"], "invalid choice: 'sometimes'"),
])
def test_usage_errors_exit_2_with_one_line(capsys, args, message):
    """No arguments included: one line on stderr and exit 2, never the help, a box or exit 1."""
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("reconcile: error: "), err


def test_help_names_arguments_by_metavar(capsys):
    """typer would print ``{SRC}`` in the usage and ``PATH <list[Path]>``, ``TEXT`` for an option without one."""
    out = run(capsys, "align", "--help")[1]
    assert "Usage: reconcile align [OPTIONS] SRC TGT [PATH]..." in out
    for noise in ("{", "<str>", "TEXT", "INTEGER", "FLOAT", "BOOLEAN"):
        assert noise not in out, noise
    assert "--lang PATH=LANG" in out and "-j, --jobs N" in run(capsys, "check", "-h")[1]


def test_every_option_of_the_argparse_cli_is_still_there(capsys):
    """Same names, same commands (issue 12's list), so scripts written against the argparse CLI keep working."""
    shared = ["-o, --output", "--encoding", "--content-selector", "--max-input-mb", "-q, --quiet", "-v, --verbose",
              "--color, --colour", "-h, --help"]
    statements = ["--pivot", "--langs", "-j, --jobs", "--config", "--semantic"]
    expected = {
        "align": [*shared, "-f, --format", "--lang", "--semantic", "--level"],
        "check": [*shared, *statements, "-f, --format", "--fail-on", "--baseline", "--write-baseline", "--base",
                  "--changed"],
        "report": [*shared, *statements, "-f, --format"],
        "export": [*shared, *statements, "-f, --format", "--include-flagged"],
    }
    for command, options in expected.items():
        out = run(capsys, command, "--help")[1]
        for option in options:
            assert f"  {option}" in out, (command, option)
    top = run(capsys, "--help")[1]
    assert all(f"  {o}" in top for o in ("-q, --quiet", "-v, --verbose", "--color", "-V, --version", "-h, --help"))


def test_options_may_follow_or_precede_paths(capsys):
    first = run(capsys, "align", "ru", "en", "samples/divergent", "-f", "json")[1]
    second = run(capsys, "align", "-f", "json", "ru", "en", "samples/divergent")[1]
    third = run(capsys, "-q", "align", "ru", "en", "-f", "json", "samples/divergent", "-v")[1]
    assert first == second == third and first.startswith("{")


def test_stdin_edition_with_lang(monkeypatch, capsys):
    import io

    expected = run(capsys, "align", "ru", "en", "samples/divergent/ru.txt", "samples/divergent/en.txt", "-f", "json")[1]
    data = (ROOT / "samples/divergent/en.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsys, "align", "ru", "en", "samples/divergent/ru.txt", "-", "--lang", "-=en", "-f", "json")
    assert code == 1, err
    report, reference = json.loads(out), json.loads(expected)
    assert report["editions"][1]["source"] == "<stdin>"
    assert report["findings"] == reference["findings"]


def test_stdin_html_is_recognised(monkeypatch, capsys):
    import io

    expected = run(capsys, "align", "ru", "en", "samples/html/divergent", "-f", "json")[1]
    data = (ROOT / "samples/html/divergent/en.html").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsys, "align", "ru", "en", "samples/html/divergent/ru.html", "-", "--lang", "-=en", "-f", "json")
    assert code == 1, err
    assert json.loads(out)["findings"] == json.loads(expected)["findings"]


def test_stdin_given_twice_is_a_usage_error(capsys):
    code, _, err = run(capsys, "align", "ru", "en", "-", "-")
    assert code == 2 and "only once" in err


@pytest.mark.parametrize("env, choice, tty, expected", [
    ({}, "auto", True, True),
    ({}, "auto", False, False),
    ({"NO_COLOR": "1"}, "auto", True, False),
    ({"FORCE_COLOR": "1"}, "auto", False, True),
    ({"FORCE_COLOR": "0"}, "auto", False, False),
    ({"TERM": "dumb"}, "auto", True, False),
    ({"NO_COLOR": "1"}, "always", False, True),
    ({"FORCE_COLOR": "1"}, "never", True, False),
])
def test_colour_decision(monkeypatch, env, choice, tty, expected):
    from reconcile.commands import colour_wanted

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    class Stream:
        def isatty(self):
            return tty

    assert colour_wanted(choice, Stream()) is expected


def test_color_always_and_never_end_to_end(capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[31m" in run(capsys, "--color", "always", "align", "ru", "en", "samples/divergent")[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in run(capsys, "align", "ru", "en", "samples/divergent")[1]
    assert "\x1b[" not in run(capsys, "align", "ru", "en", "samples/divergent", "--color", "never")[1]


def test_quiet_hides_warnings_but_not_errors(capsys):
    code, _, err = run(capsys, "check", "tests/repos/trees", "-f", "json")
    assert "warning: " in err
    code, _, err = run(capsys, "-q", "check", "tests/repos/trees", "-f", "json")
    assert err == ""
    code, _, err = run(capsys, "-q", "check", "no/such/folder")
    assert code == 2 and "no such file or folder" in err


def _explode(*args, **kwargs):
    raise RuntimeError("simulated bug")


@pytest.mark.parametrize("extra, env, traceback", [([], {}, False), (["-v"], {}, True),
                                                   ([], {"RECONCILE_DEBUG": "1"}, True)])
def test_internal_error_is_exit_3_with_traceback_only_when_asked(capsys, monkeypatch, extra, env, traceback):
    monkeypatch.setattr("reconcile.pipeline.reconcile_editions", _explode)
    monkeypatch.delenv("RECONCILE_DEBUG", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, err = run(capsys, *extra, "align", "ru", "en", "samples/divergent")
    assert code == 3 and out == ""
    assert err.startswith("reconcile: internal error: RuntimeError: simulated bug; please report it")
    assert ("Traceback" in err) is traceback


def test_internal_error_in_one_statement_is_isolated_and_exit_3(capsys, monkeypatch):
    from reconcile import pipeline

    real = pipeline.reconcile_editions

    def flaky(editions, settings):
        if any("siblings" in e.source for e in editions):
            raise RuntimeError("simulated bug")
        return real(editions, settings)

    monkeypatch.setattr("reconcile.pipeline.reconcile_editions", flaky)
    code, out, err = run(capsys, "check", "tests/repos", "-f", "json", "-j", "1")
    data = json.loads(out)
    assert code == 3 and data["summary"]["statements"] == 3
    assert [p["internal"] for p in data["problems"]] == [True]
    assert "internal error: RuntimeError: simulated bug; please report it" in err


def test_memory_error_is_a_clean_exit_2(capsys, monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("reconcile.pipeline.reconcile_editions", exhausted)
    code, _, err = run(capsys, "align", "ru", "en", "samples/divergent")
    assert code == 2 and "out of memory" in err and "Traceback" not in err


@pytest.mark.parametrize("raised, expected", [(BrokenPipeError, 2), (KeyboardInterrupt, 130)])
def test_broken_pipe_and_interrupt_are_not_findings(capsys, monkeypatch, raised, expected):
    """click's and typer's own ``main`` would exit 1 (the findings code) on a broken pipe; ours says 2."""
    def interrupted(*args, **kwargs):
        raise raised

    monkeypatch.setattr("reconcile.commands.deliver", interrupted)
    code, _, err = run(capsys, "align", "ru", "en", "samples/divergent")
    assert code == expected and "Traceback" not in err


def test_lang_for_stdin_in_both_spellings(monkeypatch, capsys):
    import io

    outputs = []
    for spelling in (["--lang", "-=en"], ["--lang=-=en"]):
        data = (ROOT / "samples/divergent/en.txt").read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, out, err = run(capsys, "align", "ru", "en", "samples/divergent/ru.txt", "-", *spelling, "-f", "json")
        assert code == 1, err
        outputs.append(out)
    assert outputs[0] == outputs[1]


def test_options_after_a_lone_double_dash_are_paths(capsys):
    code, _, err = run(capsys, "align", "ru", "en", "--", "samples/divergent", "-f")
    assert code == 2 and "-f: no such file or folder" in err


def test_no_args_is_help_would_still_give_one_line_and_exit_2(capsys, monkeypatch):
    """click (8.4, and the copy inside typer 0.29) exits 2 with the whole help on stderr for ``no_args_is_help``.

    No command of ours sets it, but if one did, the boundary keeps to its rule: one line, exit 2.
    """
    from reconcile import cli

    align = next(c for c in cli.app.registered_commands if c.name == "align")
    monkeypatch.setattr(align, "no_args_is_help", True)
    code, out, err = run(capsys, "align")
    assert code == 2 and out == ""
    assert err == "reconcile: error: usage: reconcile align [OPTIONS] SRC TGT [PATH]... (see reconcile align --help)\n"
