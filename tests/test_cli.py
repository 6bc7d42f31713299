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
    code, out, _ = run(capsys, "align", "ru", "fr", "samples/divergent", "-f", "json")
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
    (["align", "ru"], "the following arguments are required: TGT"),
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
    code, out, err = run(capsys, "align", "ru", "en", "samples/statement/ru.txt", str(tmp_path / "notes.txt"),
                         "--lang", f"{tmp_path / 'notes.txt'}=en")
    assert code == 0, err


def test_language_is_detected_when_the_name_does_not_say(capsys, tmp_path):
    (tmp_path / "version-b.txt").write_text((ROOT / "samples/statement/de.txt").read_text("utf-8"), "utf-8")
    code, out, err = run(capsys, "align", "ru", "de", "samples/statement/ru.txt", str(tmp_path / "version-b.txt"))
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
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
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


def test_help_keeps_bracketed_config_table(capsys):
    out = run(capsys, "check", "--help")[1]
    assert "[tool.reconcile]" in " ".join(out.split())


def test_shared_options_are_declared_once():
    """--encoding, --max-input-mb, --pivot… come from one parent parser each, not from each command."""
    source = (ROOT / "reconcile" / "cli.py").read_text("utf-8")
    for option in ("--encoding", "--content-selector", "--max-input-mb", "--pivot", "--langs", "--jobs", "--config"):
        assert source.count(f'"{option}"') == 1, option


@pytest.mark.parametrize("args, message", [
    ([], ""),
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["check", "--jobs", "0"], "expected 1 or more"),
    (["check", "--fail-on", "sometimes"], "invalid choice: 'sometimes'"),
    (["-v"], "no command given"),
])
def test_usage_errors_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    if message:
        assert err.count("\n") == 1 and message in err and err.startswith("reconcile: error: ")
    else:
        assert "usage: reconcile" in err  # no arguments: the help, on stderr, and exit 2


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
