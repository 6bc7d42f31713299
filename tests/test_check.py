"""``reconcile check`` end to end on a test repository per layout, every output format golden."""

from __future__ import annotations

import datetime
import gc
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import ROOT, shared_path

from reconcile.checking import CheckOptions, run_check
from reconcile.cli import main
from reconcile.errors import ConfigError

REPOS = ROOT / "tests" / "repos"
GOLDEN = ROOT / "tests" / "golden" / "check"
UPDATE = os.environ.get("RECONCILE_UPDATE_GOLDEN") == "1"
FORMATS = {"text": "txt", "json": "json", "jsonl": "jsonl", "junit": "xml", "sarif": "sarif", "github": "github"}


def run(capsys, *argv):
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def plain_env(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "SOURCE_DATE_EPOCH", "RECONCILE_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def stable(out: str, root) -> str:
    """SARIF names the base folder as an absolute file URI: the same golden file on every machine."""
    return out.replace(root.as_uri() + "/", "file:///REPOSITORY/")


@pytest.mark.parametrize("layout", ["folders", "siblings", "trees"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_layout_golden(capsys, monkeypatch, layout, fmt):
    monkeypatch.chdir(REPOS / layout)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    code, out, err = run(capsys, "--format", fmt, "--jobs", "1")
    assert code == 1, err
    out = stable(out, REPOS / layout)
    path = GOLDEN / f"{layout}.{FORMATS[fmt]}"
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


EXPECTED = {  # what each test repository was built to contain (tests/repos/README.md)
    "folders": [("2020-11-20-aid", "de", "number_mismatch", "error")],
    "siblings": [("aid", "fr", "missing", "error")],
    "trees": [("content/news/aid", "es", "untranslated", "error")],
}


@pytest.mark.parametrize("layout", list(EXPECTED))
def test_layout_findings(monkeypatch, layout):
    monkeypatch.chdir(REPOS / layout)
    result = run_check([REPOS / layout], CheckOptions(jobs=1))
    found = [(r.name.removeprefix(str(REPOS / layout) + "/"), f.lang, f.kind, f.severity)
             for r in result.reports for f in r.findings if f.severity != "info"]
    assert found == EXPECTED[layout]


def test_discovery_reports_what_was_found(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "trees")
    _code, out, _err = run(capsys, "--langs", "ru,en,es,de")
    assert "1 statement, 3 editions (en, es, ru)" in out
    assert "content/news/only-russian: only a ru edition" in out
    assert "content/news/aid: no de edition" in out


def test_inline_waiver_suppresses_its_finding(monkeypatch):
    monkeypatch.chdir(REPOS / "siblings")
    (report,) = run_check([REPOS / "siblings"], CheckOptions(jobs=1)).reports
    assert report.suppressed == 1 and all(f.lang != "en" for f in report.findings)


def test_a_library_run_leaves_the_garbage_collector_as_it_found_it(monkeypatch):
    monkeypatch.chdir(REPOS)
    before = gc.get_threshold()
    run_check([REPOS / "siblings"], CheckOptions(jobs=1))
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_parallel_run_gives_the_same_report(capsys, monkeypatch):
    monkeypatch.chdir(REPOS)
    one = run(capsys, "-f", "json", "--jobs", "1")[1]
    two = run(capsys, "-f", "json", "--jobs", "2")[1]
    assert one == two and json.loads(one)["summary"]["statements"] == 4


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(capsys, monkeypatch, fail_on, code):
    monkeypatch.chdir(REPOS / "folders")
    assert run(capsys, "--fail-on", fail_on)[0] == code


def test_clean_statement_exits_zero(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "folders")
    assert run(capsys, "2020-11-21-thanks")[0] == 0


def test_sarif_is_valid_against_the_schema(capsys, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text("utf-8"))
    for layout in EXPECTED:
        monkeypatch.chdir(REPOS / layout)
        log = json.loads(run(capsys, "-f", "sarif")[1])
        jsonschema.Draft4Validator(schema).validate(log)
        assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_junit_is_valid_against_the_schema(capsys, monkeypatch):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "junit.xsd"))))
    for layout in EXPECTED:
        monkeypatch.chdir(REPOS / layout)
        document = etree.fromstring(run(capsys, "-f", "junit")[1].encode("utf-8"))
        assert schema.validate(document), schema.error_log


def test_github_annotations_point_at_files_and_lines(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "siblings")
    out = run(capsys, "-f", "github")[1]
    assert re.match(r"::error file=aid\.fr\.html,line=\d+,title=reconcile missing \(fr\)::", out)


def test_output_file_and_jsonl(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(REPOS)
    code, out, _ = run(capsys, "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert out == "" and code == 1
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 4 and all(json.loads(line)["schema_version"] == 2 for line in lines)


def test_config_file_and_overrides(capsys, monkeypatch, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    (tmp_path / "repo" / "reconcile.toml").write_text('[severity]\nnumber_mismatch = "warning"\n', "utf-8")
    assert run(capsys)[0] == 0
    assert run(capsys, "--fail-on", "warning")[0] == 1
    (tmp_path / "repo" / "reconcile.toml").write_text('[tool]\nx = 1\n', "utf-8")
    code, _, err = run(capsys)
    assert code == 2 and "reconcile.toml: unknown key 'tool'" in err
    (tmp_path / "repo" / "reconcile.toml").write_text('jobs = 0\n', "utf-8")
    code, _, err = run(capsys)
    assert code == 2 and "jobs = 0: expected a whole number" in err


def test_pyproject_tool_section(capsys, monkeypatch, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    (tmp_path / "repo" / "pyproject.toml").write_text('[tool.reconcile]\npivot = "de"\n', "utf-8")
    result = run_check([tmp_path / "repo"], CheckOptions(jobs=1))
    assert {r.pivot for r in result.reports} == {"de"}
    (tmp_path / "repo" / "pyproject.toml").write_text('[tool.reconcile]\npivot = "german"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.reconcile\]: pivot = 'german'"):
        run_check([tmp_path / "repo"], CheckOptions(jobs=1))


def test_pivot_marked_original_is_the_default(monkeypatch):
    monkeypatch.chdir(REPOS / "folders")
    reports = run_check([REPOS / "folders" / "2020-11-20-aid"], CheckOptions(jobs=1)).reports
    assert [r.pivot for r in reports] == ["ru"]  # ru.md says original: true
    reports = run_check([REPOS / "folders" / "2020-11-20-aid"], CheckOptions(jobs=1, pivot="en")).reports
    assert [r.pivot for r in reports] == ["en"]


def test_baseline_accepts_todays_findings_and_reports_new_ones(capsys, monkeypatch, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    assert run(capsys, "--write-baseline", "baseline.json")[0] == 0
    entries = json.loads((tmp_path / "repo" / "baseline.json").read_text("utf-8"))["entries"]
    assert [e["kind"] for e in entries] == ["number_mismatch"]
    assert run(capsys, "--baseline", "baseline.json")[0] == 0
    # Re-paragraphing elsewhere (a new paragraph at the top of de) does not reset the entry.
    de = tmp_path / "repo" / "2020-11-20-aid" / "de.md"
    text = de.read_text("utf-8").replace("---\n\nAm 9.", "---\n\nDies ist ein neuer Absatz ohne Gegenstück im Original.\n\nAm 9.")
    de.write_text(text, "utf-8")
    code, out, err = run(capsys, "--baseline", "baseline.json")
    assert code == 1 and "extra" in out and "number_mismatch" not in out
    # Fixing the figure leaves the entry stale.
    de.write_text(text.replace("80.000", "90.000"), "utf-8")
    code, out, err = run(capsys, "--baseline", "baseline.json", "-f", "json")
    assert "matches no finding any more" in err


def test_baseline_entries_expire(tmp_path, monkeypatch):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    result = run_check([tmp_path / "repo"], CheckOptions(jobs=1, write_baseline=tmp_path / "b.json"))
    data = json.loads(result.baseline_text)
    data["entries"][0].update(reason="figure under review", expires="2026-01-31")
    (tmp_path / "b.json").write_text(json.dumps(data), "utf-8")
    accepted = CheckOptions(jobs=1, baseline=tmp_path / "b.json")
    before = run_check([tmp_path / "repo"], replace(accepted, today=datetime.date(2026, 1, 1)))
    after = run_check([tmp_path / "repo"], replace(accepted, today=datetime.date(2026, 2, 1)))
    assert before.exit_code == 0 and after.exit_code == 1
    assert any("expired on 2026-01-31" in m for m in after.messages)


def test_bad_baseline_is_a_config_error(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(REPOS / "folders")
    (tmp_path / "b.json").write_text("{}", "utf-8")
    code, _, err = run(capsys, "--baseline", str(tmp_path / "b.json"))
    assert code == 2 and "not a reconcile baseline" in err


def test_bad_input_in_one_statement_is_reported_and_the_others_are_checked(capsys, monkeypatch, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    (tmp_path / "repo" / "2020-11-21-thanks" / "de.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path / "repo")
    code, out, err = run(capsys, "-o", str(tmp_path / "report.txt"))
    assert code == 2 and out == ""
    assert err == "reconcile: error: 2020-11-21-thanks/de.txt: file is empty\n"
    text = (tmp_path / "report.txt").read_text("utf-8")
    assert "error: 2020-11-21-thanks/de.txt: file is empty" in text and "number_mismatch" in text


def test_pre_commit_hook_definition_runs(tmp_path):
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "reconcile-check" and hook["language"] == "python" and hook["pass_filenames"]
    assert re.search(hook["files"], "content/ru/news/aid.md")
    command = [sys.executable, "-m", "reconcile", *shlex.split(hook["entry"])[1:]]
    assert subprocess.run([*command, "de.txt", "README.md"], cwd=REPOS / "folders" / "2020-11-21-thanks",
                          capture_output=True, check=False).returncode == 0
    failing = subprocess.run([*command, "README.md", "2020-11-20-aid/en.md"], cwd=REPOS / "folders", capture_output=True,
                             text=True, check=False)
    assert failing.returncode == 1 and "number_mismatch" in failing.stdout


def test_github_workflow_example_in_readme_runs(tmp_path):
    yaml = pytest.importorskip("yaml")
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(name: translations\n.*?)```", readme, re.DOTALL).group(1)
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["reconcile"]["steps"]
    commands = [s["run"] for s in steps if "run" in s and s["run"].startswith("reconcile ")]
    assert commands, "the workflow runs reconcile"
    shutil.copytree(REPOS / "trees" / "content", tmp_path / "content")
    for command in commands:
        result = subprocess.run([sys.executable, "-m", "reconcile", *shlex.split(command)[1:]], cwd=tmp_path,
                                capture_output=True, text=True, check=False)
        assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / "reconcile.sarif").exists()


def test_stale_baseline_note_is_shown_with_text_output_too(capsys, monkeypatch, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    assert run(capsys, "--write-baseline", "baseline.json")[0] == 0
    de = tmp_path / "repo" / "2020-11-20-aid" / "de.md"
    de.write_text(de.read_text("utf-8").replace("80.000", "90.000"), "utf-8")
    code, _out, err = run(capsys, "--baseline", "baseline.json")
    assert code == 0 and "matches no finding any more" in err


# --- CI formats (issue 12) --------------------------------------------------------------------------------

def test_json_has_one_shape_for_one_statement_or_many(capsys, monkeypatch):
    monkeypatch.chdir(REPOS)
    one = json.loads(run(capsys, "folders/2020-11-20-aid", "-f", "json")[1])
    many = json.loads(run(capsys, "-f", "json")[1])
    assert list(one) == list(many) == ["schema_version", "statements", "problems", "summary"]
    assert one["schema_version"] == many["schema_version"] == 2
    assert len(one["statements"]) == 1 and len(many["statements"]) == 4
    assert list(one["summary"]) == list(many["summary"])


def test_github_format_warns_with_workflow_commands(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "trees")
    _code, out, err = run(capsys, "-f", "github")
    assert "::warning title=reconcile::content/news/only-russian: only a ru edition" in out
    assert "only a ru edition" not in err


def _sarif(capsys, *args):
    code, out, _err = run(capsys, "-f", "sarif", *args)
    return code, json.loads(out)


def test_sarif_rules_have_help_from_the_one_table(capsys, monkeypatch):
    from reconcile.kinds import KINDS

    monkeypatch.chdir(REPOS / "folders")
    _, log = _sarif(capsys)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(KINDS)
    for rule in rules:
        info = KINDS[rule["id"]]
        assert rule["help"]["text"].endswith(info.advice) and info.advice in rule["help"]["markdown"]
        assert rule["shortDescription"]["text"] == info.title and rule["name"] != rule["id"]
    assert "pypi.org" not in json.dumps(log)


def test_sarif_uris_are_relative_and_percent_encoded(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "Заявление 100%, итог"
    shutil.copytree(REPOS / "folders" / "2020-11-20-aid", folder)
    monkeypatch.chdir(tmp_path)
    _, log = _sarif(capsys, str(folder))  # an absolute path on the command line
    run_ = log["runs"][0]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "%D0%97%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%20100%25%2C%20%D0%B8%D1%82%D0%BE%D0%B3"
                               "/de.md", "uriBaseId": "%SRCROOT%"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    from urllib.parse import unquote
    assert (tmp_path / unquote(location["uri"])).is_file()


def test_sarif_base_option(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    _, log = _sarif(capsys, str(REPOS / "folders"), "--base", str(REPOS))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "folders/2020-11-20-aid/de.md"
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPOS.as_uri() + "/"
    _, log = _sarif(capsys, str(REPOS / "folders"), "--base", str(tmp_path))  # outside the base: absolute URI
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (REPOS / "folders/2020-11-20-aid/de.md").as_uri()}
    code, _, err = run(capsys, "-f", "sarif", "--base", str(tmp_path / "nope"))
    assert code == 2 and "--base" in err


def test_sarif_multitool_github_rules(tmp_path, capsys, monkeypatch):
    """Runs Microsoft's SARIF Multitool when it is installed (npm @microsoft/sarif-multitool); tests never download."""
    tool = os.environ.get("RECONCILE_SARIF_MULTITOOL") or shutil.which("sarif-multitool")
    if not tool:
        pytest.skip("SARIF Multitool not installed (set RECONCILE_SARIF_MULTITOOL to its binary)")
    monkeypatch.chdir(REPOS / "folders")
    (tmp_path / "log.sarif").write_text(run(capsys, "-f", "sarif")[1], "utf-8")
    result = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", "-o", str(tmp_path / "v.sarif"),
                             str(tmp_path / "log.sarif")], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0 and ": error " not in result.stdout, result.stdout


def _junit(capsys, *args):
    from lxml import etree

    _code, out, _err = run(capsys, "-f", "junit", *args)
    return etree.fromstring(out.encode("utf-8"))


def test_junit_timestamp_is_now_or_source_date_epoch(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "folders")
    stamp = _junit(capsys).find("testsuite").get("timestamp")
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    assert abs((datetime.datetime.fromisoformat(stamp) - now).total_seconds()) < 3600
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _junit(capsys).find("testsuite").get("timestamp") == "2023-11-14T22:13:20"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, err = run(capsys, "-f", "junit")
    assert code == 2 and out == "" and "SOURCE_DATE_EPOCH='yesterday'" in err


def test_junit_keeps_findings_below_the_threshold(capsys, monkeypatch):
    monkeypatch.chdir(REPOS / "folders")
    suite = _junit(capsys, "--fail-on", "never").find("testsuite")
    assert suite.find("testcase/failure") is None
    assert "de against ru: 2020-11-20-aid/de.md:8: error number_mismatch" in suite.find("system-out").text


def xunitparser_style(document) -> dict[str, str]:
    """What xunitparser does with properties: one table for the whole file, a repeated name is an error."""
    table: dict[str, str] = {}
    for suite in document.iter("testsuite"):
        for prop in suite.iter("property"):
            assert prop.get("name") not in table, f"repeated property {prop.get('name')}"
            table[prop.get("name")] = prop.get("value")
    return table


def test_junit_of_many_statements_and_a_problem_is_strictly_valid(capsys, monkeypatch, tmp_path):
    from lxml import etree

    shutil.copytree(REPOS, tmp_path / "repos")
    (tmp_path / "repos" / "siblings" / "aid.de.html").write_bytes(b"")
    monkeypatch.chdir(tmp_path / "repos")
    schema = etree.XMLSchema(etree.parse(str(shared_path("schemas", "junit.xsd"))))
    code, out, _ = run(capsys, "-f", "junit")
    document = etree.fromstring(out.encode("utf-8"))
    assert code == 2 and schema.validate(document), schema.error_log
    properties = xunitparser_style(document)
    assert len(properties) == 2 * 3 + 1 and "folders/2020-11-20-aid pivot" in properties
    (error,) = document.findall(".//testcase/error")
    assert error.get("type") == "input-error" and "aid.de.html: file is empty" in error.get("message")


def test_every_finding_kind_is_described():
    from typing import get_args

    from reconcile.kinds import KINDS
    from reconcile.model import FindingKind

    assert list(KINDS) == list(get_args(FindingKind))


def test_readme_kinds_table_is_the_kinds_table():
    from reconcile.kinds import readme_table

    assert readme_table() in (ROOT / "README.md").read_text("utf-8")
