"""The HTML report in headless Chromium: desktop (1366×800) and phone (390×844), one test per behaviour, and axe-core.

Without a browser (or without axe-core for the accessibility test) these tests
skip and say what is missing; with ``RECONCILE_REQUIRE_BROWSER=1``, as
``.ci/run`` sets it, they fail instead, so CI cannot pass without running them.
axe-core comes from npm, installed by ``.ci/run`` (never by a test) into
``~/.cache/reconcile/npm``; ``RECONCILE_AXE`` may point at another ``axe.min.js``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reconcile import Settings, reconcile
from reconcile.checking import CheckOptions, gather
from reconcile.pipeline import (
    edition_from_text,
    find_editions,
    prepare,
    reconcile_editions,
)
from reconcile.render_html import render_html

REPOS = ROOT / "tests" / "repos"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
REQUIRED = os.environ.get("RECONCILE_REQUIRE_BROWSER") == "1"
AXE = Path(os.environ.get("RECONCILE_AXE") or
           Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reconcile/npm/node_modules/axe-core/axe.min.js")

# Figures: one changed (an error) and one stated by the edition only (a warning).
FIGURES_EN = ["The fund paid money to 30 families in the north of the country last week.",
              "About 90,000 people left their homes during the floods of the spring.",
              "The ministry thanks every volunteer who helped."]
FIGURES_DE = ["Der Fonds zahlte letzte Woche 500 Dollar an 30 Familien im Norden des Landes aus.",
              "Etwa 80.000 Menschen verließen während der Überschwemmungen im Frühjahr ihre Häuser.",
              "Das Ministerium dankt allen Freiwilligen, die geholfen haben."]


def unavailable(what: str) -> None:
    if REQUIRED:
        pytest.fail(f"{what}, and RECONCILE_REQUIRE_BROWSER=1 says the browser tests must run")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[test]')")
    executable = os.environ.get("RECONCILE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        unavailable("no Chromium on this machine (apt-get install chromium; .ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The pages under test, rendered once: the divergent sample, a figures case, and a run of many statements."""
    folder = tmp_path_factory.mktemp("reports")
    divergent = dataclasses.replace(reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot="ru")),
                                    name="samples/divergent")
    figures = reconcile_editions(prepare([edition_from_text("en", FIGURES_EN), edition_from_text("de", FIGURES_DE)]),
                                 Settings(pivot="en"))
    content = folder / "site" / "content"
    for k in range(13):  # more than the 12 statements whose list opens by itself
        shutil.copytree(SAMPLES / "statement", content / "news" / f"clean-{k:02}")
    for name in ("zz-failing", "aa-failing"):  # a short statement with a changed figure
        shutil.copytree(REPOS / "folders" / "2020-11-20-aid", content / "news" / name)
    (content / "news" / "warn").mkdir()
    (content / "news" / "warn" / "en.txt").write_text("\n\n".join(FIGURES_EN[:1] + FIGURES_EN[2:]), "utf-8")
    (content / "news" / "warn" / "de.txt").write_text("\n\n".join(FIGURES_DE[:1] + FIGURES_DE[2:]), "utf-8")
    many = gather([content], CheckOptions(jobs=1)).reports
    pages = {"divergent": render_html([divergent]), "figures": render_html([figures]), "many": render_html(many)}
    paths = {}
    for name, html in pages.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(html, "utf-8")
    paths["root"] = content
    return paths


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the whole module (a fresh one per test costs more than the test): each test loads its page."""
    page = browser.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url.split("#")[0]))
    yield page
    page.close()


def open_report(tab, path: Path, viewport: dict):
    """Load a report afresh in the shared tab at this viewport, and check it asked for nothing else."""
    tab.set_viewport_size(viewport)
    tab.emulate_media(media="screen")
    tab.goto("about:blank")
    tab.errors.clear()
    tab.requests.clear()
    tab.goto(path.as_uri())
    if tab.evaluate("localStorage.length"):  # a choice another test saved: start from the defaults
        tab.evaluate("localStorage.clear()")
        tab.reload()
    return tab


@pytest.fixture
def desktop(tab, reports):
    yield open_report(tab, reports["divergent"], DESKTOP)
    assert tab.errors == [] and set(tab.requests) == {reports["divergent"].as_uri()}


@pytest.fixture
def phone(tab, reports):
    yield open_report(tab, reports["divergent"], PHONE)
    assert tab.errors == [] and set(tab.requests) == {reports["divergent"].as_uri()}


def show_filters(tab):
    if tab.get_attribute("#filters-toggle", "aria-expanded") != "true":
        tab.click("#filters-toggle")


def best_view(tab, keep=("ru", "de")):
    """Two editions, only rows with findings: the view editors use most."""
    show_filters(tab)
    for box in tab.query_selector_all("input[name=lang]"):
        if box.get_attribute("value") not in keep:
            box.uncheck()
    tab.check("#only-findings")
    tab.click("#filters-toggle")


def rect(tab, selector: str) -> dict:
    return tab.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def jump_to(tab, kind: str, lang: str) -> str:
    """Step with n until the current finding is of this kind and edition; the target row's id."""
    for _ in range(tab.eval_on_selector_all("li.finding", "els => els.length") + 1):
        tab.keyboard.press("n")
        if tab.eval_on_selector("li.finding.current", "e => e.dataset.kind + ' ' + e.dataset.lang") == f"{kind} {lang}":
            return tab.eval_on_selector("tr.target", "e => e.id")
    raise AssertionError(f"no {kind} finding in {lang}")


# --- desktop -------------------------------------------------------------------------------------

def test_edition_labels_stay_in_view_after_a_jump(desktop):
    for view in ("all editions", "two editions, rows with findings"):
        if view != "all editions":
            best_view(desktop)
        for kind, lang in (("number_mismatch", "de"), ("missing", "de")):
            row = jump_to(desktop, kind, lang)
            bar, head = rect(desktop, "form.controls"), rect(desktop, "#s0 thead th[data-lang=de]")
            target = rect(desktop, f"#{row}")
            assert desktop.evaluate("scrollY") > 400  # the page scrolled, not a box inside it
            assert bar["bottom"] - 2 <= head["top"] and head["bottom"] <= target["top"] + 2, view  # names above the row
            assert target["top"] < DESKTOP["height"] - 200, view
        if view == "all editions":  # and the names stick under the bar as the page scrolls on
            desktop.evaluate("window.scrollBy(0, 300)")
            assert abs(rect(desktop, "#s0 thead th[data-lang=de]")["top"] - bar["bottom"]) <= 2


def test_a_row_taller_than_the_window_starts_under_the_edition_names(desktop):
    desktop.set_viewport_size({"width": 1366, "height": 360})
    row = jump_to(desktop, "truncated", "es")
    assert rect(desktop, f"#{row} td[data-lang=es]")["height"] > 360
    head, target = rect(desktop, "#s0 thead th[data-lang=es]"), rect(desktop, f"#{row}")
    assert head["bottom"] - 2 <= target["top"] <= head["bottom"] + 20


def test_missing_cell_is_hatched_and_its_message_reads(desktop):
    jump_to(desktop, "missing", "de")
    cell = "tr.target td.missing[data-lang=de]"
    assert "repeating-linear-gradient" in desktop.eval_on_selector(cell, "e => getComputedStyle(e).backgroundImage")
    note = desktop.eval_on_selector(f"{cell} li.note", """e => { const s = getComputedStyle(e);
        return {color: s.color, background: s.backgroundColor, text: e.innerText}; }""")
    assert note["color"] == "rgb(27, 31, 36)" and note["background"] == "rgb(255, 255, 255)"  # body text on white
    assert note["text"].startswith("Error · Missing paragraph: ru ¶12 has no counterpart in the German edition")


def test_warning_figures_are_marked_less_loudly_than_errors(tab, reports):
    tab = open_report(tab, reports["figures"], DESKTOP)
    style = """e => { const s = getComputedStyle(e);
        return {bg: s.backgroundColor, weight: s.fontWeight, line: s.borderBottomStyle, colour: s.color}; }"""
    error = tab.eval_on_selector("td[data-lang=de] mark.bad.error", style)
    warning = tab.eval_on_selector("td[data-lang=de] mark.bad.warning", style)
    assert tab.inner_text("td[data-lang=de] mark.bad.error") == "80.000"
    assert tab.inner_text("td[data-lang=de] mark.bad.warning") == "500 Dollar"
    assert error["bg"] != "rgba(0, 0, 0, 0)" and error["weight"] == "600" and error["line"] == "solid"
    assert warning["bg"] == "rgba(0, 0, 0, 0)" and warning["weight"] == "400" and warning["line"] == "dashed"


def test_unticking_an_edition_hides_its_column_summary_row_and_findings(desktop):
    show_filters(desktop)
    desktop.uncheck("input[name=lang][value=fr]")
    hidden = "els => els.every(e => e.offsetParent === null)"
    assert desktop.eval_on_selector_all("table.aligned [data-lang=fr]", hidden)
    assert desktop.eval_on_selector_all("table.summary tr[data-lang=fr]", hidden)
    assert desktop.eval_on_selector_all("li.finding[data-lang=fr]", hidden)
    assert desktop.eval_on_selector_all("table.summary tr[data-lang=de], li.finding[data-lang=de]",
                                        "els => els.every(e => e.offsetParent !== null)")


def test_filters_by_kind_severity_and_rows_with_findings(desktop):
    show_filters(desktop)
    desktop.uncheck("input[name=kind][value=split]")
    desktop.uncheck("input[name=severity][value=warning]")
    visible = desktop.eval_on_selector_all("li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.kind)")
    assert sorted(visible) == ["date_mismatch", "extra", "missing", "number_mismatch", "truncated", "untranslated"]
    desktop.check("#only-findings")
    assert desktop.eval_on_selector_all("table.aligned tbody tr", "els => els.filter(e => !e.hidden).length") == 6
    assert desktop.inner_text("#position") == "6 findings"


def test_shortcuts_work_while_a_filter_checkbox_has_focus(desktop):
    show_filters(desktop)
    for box in ("#only-findings", "input[name=lang][value=de]", "input[name=kind][value=missing]"):
        desktop.focus(box)
        before = desktop.inner_text("#position")
        desktop.keyboard.press("n")
        assert desktop.inner_text("#position") != before and desktop.query_selector("li.finding.current")
    desktop.keyboard.press("k")
    desktop.keyboard.press("p")
    desktop.keyboard.press("j")
    assert desktop.inner_text("#position") == "finding 2 of 11"


def test_single_key_shortcuts_can_be_turned_off(desktop):
    show_filters(desktop)
    desktop.uncheck("#shortcuts")
    desktop.keyboard.press("n")
    assert desktop.query_selector("li.finding.current") is None
    desktop.click("#next-finding")  # the buttons still step through the findings
    assert desktop.inner_text("#position") == "finding 1 of 11"
    desktop.wait_for_timeout(500)  # Chromium writes localStorage through to disk asynchronously
    desktop.reload()  # the choice is remembered
    assert not desktop.is_checked("#shortcuts")
    show_filters(desktop)
    desktop.check("#shortcuts")
    assert desktop.evaluate("localStorage.getItem('reconcile-shortcuts')") == "on"


def test_each_cell_is_read_in_its_own_language(desktop):
    langs = desktop.eval_on_selector_all("td[data-lang] p.para", "els => els.map(e => [e.closest('td').dataset.lang, e.lang])")
    assert langs and all(cell == para for cell, para in langs)
    assert {para for _, para in langs} == {"ru", "de", "en", "es", "fr"}
    # the notes in a cell are English, values and quotations in them carry their own language
    assert desktop.eval_on_selector_all("li.note", "els => els.every(e => e.closest('[lang]').lang === 'en')")
    values = desktop.eval_on_selector_all("li.finding[data-kind=number_mismatch] .value", "els => els.map(e => [e.innerText, e.lang])")
    assert values == [["80.000", "de"], ["90\u00a0тыс.", "ru"]]


def test_expected_and_found_are_visible_without_hover(tab, reports):
    for viewport in (DESKTOP, PHONE):
        tab = open_report(tab, reports["divergent"], viewport)
        jump_to(tab, "number_mismatch", "de")
        note = tab.query_selector("tr.target td[data-lang=de] li.note")
        assert note.is_visible() and "de ¶10 gives 80.000 where ru ¶9 gives 90\u00a0тыс." in note.inner_text()
        assert tab.eval_on_selector_all("mark", "els => els.every(e => !e.title)")  # nothing hides in a tooltip


def test_plain_words_and_nothing_for_the_keyboard_on_paper(desktop):
    text = desktop.inner_text("body")
    for jargon in ("chrome", "matched on", "name:", "num:", "number_mismatch", "date_mismatch", "nothing,", "«", "»",
                   "pivot"):
        assert jargon not in text, jargon
    assert "Figure differs" in text and "Paragraph moved" in text and "both mention 1992 and 1994" in text
    assert "page furniture" in text
    desktop.emulate_media(media="print")
    assert desktop.eval_on_selector_all("kbd, button, input", "els => els.every(e => e.offsetParent === null)")
    assert "n or j" not in desktop.inner_text("body")


# --- phone ---------------------------------------------------------------------------------------

def test_phone_has_no_horizontal_overflow(tab, reports):
    for name in ("divergent", "many", "figures"):
        tab = open_report(tab, reports[name], PHONE)
        width = "document.documentElement.scrollWidth"
        assert tab.evaluate(width) <= PHONE["width"], name
        show_filters(tab)
        assert tab.evaluate(width) <= PHONE["width"], name
        tab.keyboard.press("n")
        assert tab.evaluate(width) <= PHONE["width"], name


def test_phone_filter_bar_is_small_and_collapsible(phone):
    assert phone.get_attribute("#filters-toggle", "aria-expanded") == "false"
    assert rect(phone, "form.controls")["height"] <= 0.12 * PHONE["height"]
    phone.click("#filters-toggle")
    assert phone.is_visible("#filter-panel") and phone.get_attribute("#filters-toggle", "aria-expanded") == "true"
    phone.click("#filters-toggle")
    assert not phone.is_visible("#filter-panel")
    phone.click("#filters-toggle")
    phone.keyboard.press("n")  # a jump folds the filters away on a phone
    assert not phone.is_visible("#filter-panel") and phone.get_attribute("#filters-toggle", "aria-expanded") == "false"
    phone.keyboard.press("n")
    assert rect(phone, "form.controls")["top"] == 0  # it stays at the top while the page scrolls


def test_phone_jump_brings_the_affected_editions_cell_into_view(phone):
    best_view(phone, keep=("ru", "de", "en", "es", "fr"))
    count = phone.eval_on_selector_all("li.finding", "els => els.filter(e => !e.hidden).length")
    for _ in range(count):
        phone.keyboard.press("n")
        lang = phone.eval_on_selector("li.finding.current", "e => e.dataset.lang")
        cell, bar = rect(phone, f"tr.target td[data-lang={lang}]"), rect(phone, "form.controls")
        assert 0 <= cell["left"] and cell["right"] <= PHONE["width"], lang
        assert bar["bottom"] - 1 <= cell["top"] < PHONE["height"] * 0.6, lang
        assert phone.inner_text(f"tr.target td[data-lang={lang}] .cell-lang").startswith(
            phone.eval_on_selector(f"#s0 thead th[data-lang={lang}]", "e => e.firstChild.textContent.trim()"))


# --- many statements -----------------------------------------------------------------------------

def test_many_statements_open_on_the_failing_ones_with_relative_names(tab, reports):
    tab = open_report(tab, reports["many"], DESKTOP)
    verdicts = tab.eval_on_selector_all("section.statement", "els => els.map(e => e.dataset.verdict)")
    assert verdicts == ["fail", "fail", "warn"] + ["pass"] * 13
    names = tab.eval_on_selector_all("section.statement h2", "els => els.map(e => e.firstChild.textContent.trim())")
    assert names[:3] == ["aa-failing", "zz-failing", "warn"]
    root = reports["root"].as_posix()
    assert tab.inner_text("header").count(root) == 1 and root not in tab.inner_text("main")
    # the filters come before any list of statements, which stays short until opened
    assert rect(tab, "form.controls")["top"] < 150 and rect(tab, "section.statement")["top"] < DESKTOP["height"]


def test_verdict_filter_hides_clean_statements(tab, reports):
    tab = open_report(tab, reports["many"], DESKTOP)
    show_filters(tab)
    tab.uncheck("input[name=verdict][value=pass]")
    shown = "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.verdict)"
    assert tab.eval_on_selector_all("section.statement", shown) == ["fail", "fail", "warn"]
    assert tab.eval_on_selector_all("ul.index li", "els => els.filter(e => !e.hidden).length") == 3
    tab.uncheck("input[name=verdict][value=fail]")
    assert tab.eval_on_selector_all("section.statement", shown) == ["warn"]
    tab.keyboard.press("n")  # stepping skips hidden statements
    assert tab.eval_on_selector("li.finding.current", "e => e.closest('section').dataset.verdict") == "warn"


# --- accessibility -------------------------------------------------------------------------------

def run_axe(tab, rules: list[str] | None = None) -> list[dict]:
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    result = tab.evaluate("options => axe.run(document, options)", options)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


@pytest.mark.parametrize("name, viewport", [("divergent", DESKTOP), ("divergent", PHONE), ("figures", DESKTOP),
                                            ("many", DESKTOP)], ids=["desktop", "phone", "figures", "many"])
def test_axe_core_finds_no_violations(tab, reports, viewport, name):
    if not AXE.is_file():
        unavailable(f"axe-core is not installed at {AXE} (npm install --prefix ~/.cache/reconcile/npm axe-core; "
                    ".ci/run does)")
    tab = open_report(tab, reports[name], viewport)
    show_filters(tab)
    tab.keyboard.press("n")
    violations = run_axe(tab)
    assert violations == [], json.dumps(violations, indent=1)
    tab.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
    assert [v["id"] for v in run_axe(tab, ["image-alt"])] == ["image-alt"]  # axe is really looking
