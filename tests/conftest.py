"""Shared fixtures: paths to the repository's samples and, when present, ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reconcile.pipeline import edition_from_text, prepare

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# ../shared beside the checkout, or beside the folder of worktrees (/work/wt/<branch> → /work/shared).
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Caches (the language model's unpacked copy, embeddings) go to a temporary folder, never the user's."""
    os.environ["RECONCILE_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def make_edition():
    """Build a prepared (segmented, annotated) edition from paragraph texts."""
    def build(lang: str, paragraphs: list[str]):
        return prepare([edition_from_text(lang, paragraphs)])[0]
    return build


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (tests that read ../shared skip without it)")
    return path
