"""HTML paragraphs read as a browser shows them: each equals Chromium's innerText of its element.

The pages in tests/fixtures/inline nest inline markup every way real pages do
(spaces at the edges of <a>, <em>, <b>, <span>; <br>; no-break spaces; <pre>;
lists, tables, quotes, hidden elements). Every element a paragraph is read
from carries an id; the test loads the page in headless Chromium, takes the
innerText of that element without the blocks inside it that are paragraphs
of their own, and compares both, whitespace-normalised as the report
normalises (``ingest.normalise``).
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict

import pytest
from conftest import ROOT

from reconcile.ingest import normalise
from reconcile.read_html import page_blocks

PAGES = sorted((ROOT / "tests" / "fixtures" / "inline").glob("*.html"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# innerText of an element, without the descendants that are paragraphs of their own (they have an id):
# each is swapped for an empty block, which keeps the line break it stood for, while innerText is read.
INNER_TEXT = """ids => ids.map(id => {
    const element = document.getElementById(id);
    const moved = [];
    for (const inner of element.querySelectorAll('[id]')) {
        const mark = document.createElement('div');
        inner.replaceWith(mark);
        moved.push([mark, inner]);
    }
    const text = element.innerText;
    for (const [mark, inner] of moved.reverse()) mark.replaceWith(inner);
    return text;
})"""


def _chromium() -> str:
    executable = os.environ.get("RECONCILE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(executable):
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does)")
    return executable


def _ours(page: str) -> dict[str, str]:
    """Our paragraphs by the id of the element each was read from (several from one element are joined)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for block, element in page_blocks(page):
        assert element.get("id"), f"paragraph {block.text!r} comes from an element without an id"
        texts[element.get("id")].append(block.text)
    return {key: normalise(" ".join(parts)) for key, parts in texts.items()}


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    executable = _chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_paragraph_is_what_chromium_shows(browser, path):
    ours = _ours(path.read_text("utf-8"))
    tab = browser.new_page()
    tab.goto(path.as_uri())
    shown = dict(zip(ours, (normalise(t) for t in tab.evaluate(INNER_TEXT, list(ours)))))
    tab.close()
    assert ours == shown
    assert len(ours) >= 5


def test_the_pages_cover_what_the_issue_lists():
    """The inline-markup pages hold every construct the comparison is meant to cover."""
    text = "".join(p.read_text("utf-8") for p in PAGES)
    for construct in ("<a ", "<em>", "<b>", "<span>", "<br>", "&nbsp;", "<pre", "<li", "<td", "<th", "<blockquote",
                      "hidden", "display: none", "<q>", "<sup>", "&shy;", "<wbr>", "<figcaption"):
        assert construct in text, construct


def test_edge_spaces_are_kept_without_a_browser():
    """The issue's example, checked on every run (the browser comparison skips without Chromium)."""
    (block, _), = page_blocks("<p><strong>Prices in the capital </strong>rose again</p>")
    assert block.text == "Prices in the capital rose again"
