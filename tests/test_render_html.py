"""The HTML report, its Markdown summary and the TMX export; the page driven in headless Chromium."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil

import pytest
from conftest import ROOT, SAMPLES
from lxml import etree

from reconcile import Settings, reconcile
from reconcile.cli import main
from reconcile.pipeline import (
    edition_from_text,
    find_editions,
    prepare,
    reconcile_editions,
)
from reconcile.render_html import render_html
from reconcile.render_markdown import render_markdown
from reconcile.render_tmx import render_tmx

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> "quoted" & 90,000 </td></tr></table>'


def divergent_report():
    report = reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot="ru"))
    return dataclasses.replace(report, name="samples/divergent")


def test_report_is_self_contained():
    page = render_html([divergent_report()])
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "@import" not in page and "url(" not in page and "<link" not in page
    assert page.count("<script>") == 1  # the page's own script, inline


def test_edition_text_cannot_inject_markup():
    texts = ["A statement about 90,000 people.", HOSTILE, "The end of it all."]
    editions = prepare([edition_from_text("en", texts), edition_from_text("de", texts[:1] + texts[2:])])
    page = render_html([reconcile_editions(editions, Settings(pivot="en"))])
    assert "<script>alert" not in page and "<img src=x" not in page and "</td></tr></table> " not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_report_shows_findings_rows_and_marks():
    page = render_html([divergent_report()])
    assert page.count('class="finding ') == len(divergent_report().findings)
    assert '<mark class="bad" title="expected 90\u00a0тыс., found 80.000">80.000</mark>' in page
    assert 'class="missing"' in page and "Page chrome, not aligned" in page
    assert '<mark class="lost"' in page  # the lost half of the truncated paragraph


def test_markdown_summary():
    text = render_markdown([divergent_report()])
    assert text.startswith("## reconcile: ❌ fail")
    assert "| ❌ | `missing` | de |" in text and "| de | 15 | 2 | 0 | 1 |" in text


def test_tmx_export_is_valid():
    dtd = etree.DTD(str(ROOT / "tests" / "data" / "tmx14.dtd"))
    document = etree.fromstring(render_tmx([divergent_report()]).encode("utf-8"))
    assert dtd.validate(document), dtd.error_log
    units = document.findall("body/tu")
    assert len(units) == 15  # every row with the pivot and another edition; the inserted paragraph has no pivot
    first = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg") for tuv in units[0].iter("tuv")}
    assert set(first) == {"ru", "de", "en", "es", "fr"} and first["en"].startswith("Foreign Minister Sergey Lavrov")


def test_report_and_export_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["report", "samples/divergent", "samples/statement", "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text("utf-8")
    assert 'aria-label="Statements"' in page and page.count("<section id=") == 2
    assert main(["report", "samples/divergent", "-f", "md"]) == 0
    assert "## reconcile: ❌ fail" in capsys.readouterr().out
    assert main(["export", "samples/statement", "-o", str(tmp_path / "tm.tmx")]) == 0
    assert etree.parse(str(tmp_path / "tm.tmx")).getroot().tag == "tmx"
    assert main(["report", "no/such/place"]) == 2


def _browser():
    """Playwright driving the system Chromium, or a skip that says what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    executable = os.environ.get("RECONCILE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does)")
    return sync_playwright, executable


@pytest.fixture
def page(tmp_path):
    sync_playwright, executable = _browser()
    report_path = tmp_path / "report.html"
    report_path.write_text(render_html([divergent_report()]), "utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        tab = browser.new_page(viewport={"width": 1366, "height": 800})
        tab.console_errors, tab.requests = [], []
        tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
        tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
        tab.on("request", lambda request: tab.requests.append(request.url))
        tab.goto(report_path.as_uri())
        yield tab
        browser.close()


def test_browser_filters(page):
    page.uncheck("input[name=kind][value=split]")
    page.uncheck("input[name=severity][value=warning]")
    visible = page.eval_on_selector_all("li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.kind)")
    assert sorted(visible) == ["date_mismatch", "extra", "missing", "number_mismatch", "truncated", "untranslated"]
    page.check("#only-findings")
    rows = page.eval_on_selector_all("table.aligned tbody tr", "els => els.filter(e => !e.hidden).length")
    assert rows == 6
    page.uncheck("input[name=lang][value=de]")
    assert page.eval_on_selector_all("th[data-lang=de], td[data-lang=de]",
                                     "els => els.every(e => getComputedStyle(e).display === 'none')")
    assert page.console_errors == [] and page.requests == [page.url]


def test_browser_jump_to_finding(page):
    page.click("li.finding[data-kind=missing] a")
    target = page.eval_on_selector("tr.target", "e => e.id")
    assert target and page.eval_on_selector(f"#{target}", "e => { const r = e.getBoundingClientRect(); "
                                                          "return r.top < innerHeight && r.bottom > 0; }")
    page.keyboard.press("n")  # the next finding after the one clicked
    assert page.eval_on_selector("li.finding.current", "e => e.dataset.kind") == "extra"
    page.keyboard.press("p")
    page.keyboard.press("p")
    assert page.eval_on_selector("li.finding.current", "e => e.dataset.kind") == "number_mismatch"
    assert page.eval_on_selector("tr.target", "e => e.dataset.kinds") == "number_mismatch"
    assert page.console_errors == [] and [url.split("#")[0] for url in page.requests] == [page.url.split("#")[0]]
