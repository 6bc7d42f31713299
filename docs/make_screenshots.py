"""Rebuild the README's screenshots of the HTML report from samples/divergent.

    python docs/make_screenshots.py          # needs playwright and Debian's chromium

report.png: two editions (ru, de), only rows with findings, jumped to the changed figure;
report-summary.png: the top of the page; report-phone.png: the same jump on a 390-px phone.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from reconcile import Settings, find_editions, reconcile
from reconcile.render_html import render_html

ROOT = Path(__file__).resolve().parent.parent

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def best_view(page, keep: tuple[str, ...]) -> None:
    page.click("#filters-toggle")
    for box in page.query_selector_all("input[name=lang]"):
        if box.get_attribute("value") not in keep:
            box.uncheck()
    page.check("#only-findings")
    page.click("#filters-toggle")
    page.click("li.finding[data-kind=number_mismatch] a")
    page.mouse.move(0, 0)


def main() -> None:
    report = reconcile(find_editions([ROOT / "samples" / "divergent"]), Settings(pivot="ru"))
    report = dataclasses.replace(report, name="samples/divergent")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "report.html"
        path.write_text(render_html([report]), "utf-8")
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(path.as_uri())
        page.screenshot(path=ROOT / "docs" / "report-summary.png")
        best_view(page, ("ru", "de"))
        page.screenshot(path=ROOT / "docs" / "report.png")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
        phone.goto(path.as_uri())
        best_view(phone, ("ru", "de", "en", "es", "fr"))
        phone.screenshot(path=ROOT / "docs" / "report-phone.png")
        browser.close()


if __name__ == "__main__":
    main()
