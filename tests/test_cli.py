"""The command line through its single entry point, with golden reports."""

from __future__ import annotations

import json
import os
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
    assert report["schema_version"] == 1 and report["pivot"] == "ru"
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
    (["align", "ru"], "Missing argument"),
    (["align", "ru", "en", "samples/statement", "--format", "xml"], "'xml' is not one of"),
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
    assert json.loads(target.read_text("utf-8"))["schema_version"] == 1
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
