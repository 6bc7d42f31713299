"""Discovery of statements, and the changed-files mode the pre-commit hook uses."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from reconcile.cli import main
from reconcile.discover import discover
from reconcile.ingest import FORMATS

REPOS = ROOT / "tests" / "repos"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A copy of the three test repositories side by side, as the current folder (paths relative, as pre-commit gives them)."""
    shutil.copytree(REPOS, tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def names(statements):
    return [(s.name, [(e.lang, e.path.as_posix()) for e in s.editions]) for s in statements]


@pytest.mark.parametrize("changed, statement", [
    ("folders/2020-11-20-aid/de.md", "folders/2020-11-20-aid"),
    ("siblings/aid.fr.html", "siblings/aid"),
    ("trees/content/es/news/aid.txt", "trees/content/news/aid"),
])
def test_a_changed_edition_stands_for_its_whole_statement(repo, changed, statement):
    whole = {s.name: s for s in discover([Path(".")])}
    assert names(discover([Path(changed)], changed=True)) == names([whole[statement]])


def test_files_that_are_not_editions_are_skipped_in_changed_mode_only(repo):
    others = [Path("README.md"), Path("folders/README.md"), Path("trees/reconcile.toml"), Path("deleted/ru.txt")]
    assert discover(others, changed=True) == []
    with pytest.raises(Exception, match="not named like an edition"):
        discover([Path("folders/README.md")])


def test_statements_touched_twice_are_checked_once_and_ignore_globs_apply(repo):
    files = [Path("siblings/aid.fr.html"), Path("siblings/aid.ru.html"), Path("folders/2020-11-21-thanks/en.txt")]
    assert [s.name for s in discover(files, changed=True)] == ["folders/2020-11-21-thanks", "siblings/aid"]
    assert [s.name for s in discover(files, ["siblings/**"], changed=True)] == ["folders/2020-11-21-thanks"]


def test_absolute_paths_find_the_same_statement(repo):
    statement = discover([repo / "trees/content/en/news/aid.txt"], changed=True)
    assert [s.name for s in statement] == [(repo / "trees/content/news/aid").as_posix()]
    assert sorted(e.lang for e in statement[0].editions) == ["en", "es", "ru"]


def test_check_changed_exit_codes(repo, capsys):
    assert main(["check", "--changed", "README.md", "folders/README.md"]) == 0  # nothing to check: pass
    assert "0 statements" in capsys.readouterr().out
    assert main(["check", "--changed", "README.md", "folders/2020-11-21-thanks/de.txt"]) == 0  # faithful
    assert main(["check", "--changed", "folders/2020-11-20-aid/en.md"]) == 1  # de's wrong figure in the same statement
    out = capsys.readouterr().out
    assert "folders/2020-11-20-aid" in out and "siblings" not in out and "2020-11-21-thanks" not in out
    assert main(["check", "folders/README.md"]) == 2  # without --changed a non-edition is still an error


def test_the_hook_definition_passes_file_names_to_check_changed():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["pass_filenames"] is True and hook["language"] == "python"
    assert shlex.split(hook["entry"]) == ["reconcile", "check", "--changed"]
    files = re.compile(hook["files"])
    assert all(files.search(f"statement.ru{suffix}") for suffix in FORMATS)
    assert all(files.search(f"x/EN{suffix.upper()}") for suffix in FORMATS)
    assert not files.search("logo.png") and not files.search("reconcile.toml")


def test_the_readme_pins_the_hook_to_a_ref_that_can_exist():
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(repos:.*?)```", readme, re.DOTALL)]
    remote = next(r for b in blocks for r in b["repos"] if r["repo"] != "local")
    assert re.fullmatch(r"[0-9a-f]{40}", remote["rev"])  # a commit SHA: this repository has no release tags
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    local = next(r for b in blocks for r in b["repos"] if r["repo"] == "local")["hooks"][0]
    assert (local["id"], local["entry"], local["files"]) == (hook["id"], hook["entry"], hook["files"])
