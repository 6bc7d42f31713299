"""Shared fixtures: paths to the repository's samples and, when present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.pipeline import edition_from_text, prepare

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# ../shared beside the checkout, or beside the folder of worktrees (/work/wt/<branch> → /work/shared).
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")


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
