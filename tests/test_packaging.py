"""The distribution's name: `reconcile` on PyPI is another project, so every install line names ours."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_the_distribution_is_reconcile_editions_and_the_command_reconcile():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == "reconcile-editions"
    assert project["scripts"] == {"reconcile": "reconcile.cli:main"}


def test_every_install_line_in_the_readme_names_this_distribution():
    code = "\n".join(re.findall(r"```(?:sh|yaml)\n(.*?)```", README, re.DOTALL))
    installs = [target.strip() for target in re.findall(r"pip install ([^&\n]+)", code)]
    assert len(installs) == 5, installs  # the quick start's two, the CI workflow's, the semantic extra's two
    for target in installs:
        assert (target in (".", "-e '.[test]'") or target.startswith(('"reconcile-editions @ git+https://', "'reconcile-editions[semantic]'", "--require-hashes --no-deps -r requirements-semantic.txt"))), target
    assert not re.search(r"pip install [\"']?reconcile(?![-\w])(?! *@)", code)
