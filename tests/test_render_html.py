"""The HTML report's markup, its Markdown summary and the TMX export (the page in a browser: test_report_browser.py)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import ROOT, SAMPLES
from lxml import etree, html

from reconcile import Settings, reconcile
from reconcile.cli import main
from reconcile.explain import explain, quotation
from reconcile.kinds import KINDS
from reconcile.model import Finding
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
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def divergent_report():
    report = reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot="ru"))
    return dataclasses.replace(report, name="samples/divergent")


@pytest.fixture(scope="module")
def divergent():
    return divergent_report()


@pytest.fixture(scope="module")
def page(divergent):
    return html.fromstring(render_html([divergent]))


def test_report_is_self_contained(divergent):
    text = render_html([divergent])
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", text)
    assert "@import" not in text and "url(" not in text and "<link" not in text
    assert text.count("<script>") == 1  # the page's own script, inline


def test_edition_text_cannot_inject_markup():
    texts = ["A statement about 90,000 people.", HOSTILE, "The end of it all."]
    editions = prepare([edition_from_text("en", texts), edition_from_text("de", texts[:1] + texts[2:])])
    text = render_html([reconcile_editions(editions, Settings(pivot="en"))])
    assert "<script>alert" not in text and "<img src=x" not in text and "</td></tr></table> " not in text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text


def test_rendering_is_deterministic(divergent):
    assert render_html([divergent]) == render_html([divergent])


def test_every_finding_is_listed_once_and_noted_in_its_cell(page, divergent):
    assert len(page.cssselect("li.finding")) == len(divergent.findings)
    assert len(page.cssselect("td li.note")) == len(divergent.findings)
    for note in page.cssselect("td li.note"):
        assert note.get("data-lang") == note.getparent().getparent().get("data-lang")


def test_marks_say_error_or_warning_and_hide_nothing_in_tooltips(page):
    de = page.cssselect("td[data-lang=de] mark.bad.error")
    assert [m.text for m in de] == ["80.000"]
    assert [m.text for m in page.cssselect("td[data-lang=ru] mark.bad.error")] == ["90\u00a0тыс.", "9\u00a0ноября"]
    assert not page.cssselect("mark[title]")
    assert page.cssselect("td[data-lang=ru] mark.lost")  # the lost half of the truncated paragraph


def test_missing_paragraph_cell_holds_its_message(page):
    (cell,) = page.cssselect("td.missing")
    assert cell.get("data-lang") == "de"
    assert cell.cssselect("li.note.error")[0].text_content().startswith("Error · Missing paragraph: ru ¶12")


def test_cells_and_values_carry_their_language(page):
    for para in page.cssselect("p.para"):
        assert para.get("lang") == para.getparent().get("data-lang")
    assert [(v.text, v.get("lang")) for v in page.cssselect("li.finding[data-kind=date_mismatch] .value")] == \
        [("19\u00a0novembre", "fr"), ("9\u00a0ноября", "ru")]


def test_plain_words_only(page):
    text = page.text_content()
    for jargon in ("chrome", "matched on", "name:azerb", "number_mismatch", "pivot", "found nothing", "figure nothing", "«"):
        assert jargon not in text, jargon
    assert "both mention 1992 and 1994" in text and "page furniture" in text


def test_every_kind_has_a_label_and_a_legend():
    from typing import get_args

    from reconcile.model import FindingKind

    assert set(KINDS) == set(get_args(FindingKind))
    assert all(info.title and info.legend.endswith(".") for info in KINDS.values())


@pytest.mark.parametrize("finding, words", [
    (Finding("number_mismatch", "warning", "de", (3,), (3,), "", 0.6, expected=("500",)),
     "de ¶3 does not give the figure 500 of en ¶3."),
    (Finding("number_mismatch", "warning", "de", (3,), (3,), "", 0.6, found=("500", "7")),
     "de ¶3 gives the figures 500 and 7, which en ¶3 does not give."),
    (Finding("date_mismatch", "error", "en", (3,), (), "", 0.9, expected=("1 May",), found=("2 May",)),
     "en ¶3 gives 2 May, where every other edition has something else: 1 May."),
    (Finding("name_mismatch", "warning", "de", (3,), (3,), "", 0.8, expected=("OSCE",), found=("NATO",)),
     "de ¶3 gives NATO where en ¶3 gives OSCE."),
    (Finding("brand_new_kind", "warning", "de", (3,), (3,), "de ¶3 is odd", 0.8), "de ¶3 is odd"),
])
def test_findings_in_plain_words(finding, words):
    editions = prepare([edition_from_text("en", ["One."] * 3), edition_from_text("de", ["Eins."] * 3)])
    report = reconcile_editions(editions, Settings(pivot="en"))
    assert explain(finding, report).striptags() == words


def test_quotations_get_one_pair_of_quote_marks():
    assert quotation("«Мы готовы…»", "ru").striptags() == "«Мы готовы…»"
    assert quotation("We are ready…", "en").striptags() == "“We are ready…”"


def test_many_statements_fail_first_with_names_relative_to_their_folder(divergent):
    def placed(report, name):
        editions = tuple(dataclasses.replace(e, source=f"{name}/{e.lang}.txt") for e in report.editions)
        return dataclasses.replace(report, name=name, editions=editions)

    clean = reconcile(find_editions([SAMPLES / "statement"]), Settings(pivot="ru"))
    reports = [placed(clean, "/srv/site/content/news/a-clean"), placed(divergent, "/srv/site/content/news/b-failing")]
    page = html.fromstring(render_html(reports))
    assert [s.get("data-verdict") for s in page.cssselect("section.statement")] == ["fail", "pass"]
    assert [h.text.strip() for h in page.cssselect("section.statement h2")] == ["b-failing", "a-clean"]
    assert page.cssselect("header code")[0].text == "/srv/site/content/news"
    assert "/srv" not in page.cssselect("main")[0].text_content()
    assert [i.get("value") for i in page.cssselect("input[name=verdict]")] == ["fail", "warn", "pass"]


def test_markdown_summary(divergent):
    text = render_markdown([divergent])
    assert text.startswith("## reconcile: ❌ fail")
    assert "| ❌ | Missing paragraph | de | ru ¶12 has no counterpart in the German edition" in text
    assert "| de | 15 | 2 | 0 | 1 |" in text and "_mismatch" not in text


def test_markdown_keeps_edition_text_as_text():
    texts = ["A statement about 90,000 people.", "<b>bold</b> | <img src=x onerror=alert(1)> and more words here."]
    editions = prepare([edition_from_text("en", texts), edition_from_text("de", texts[:1])])
    text = render_markdown([reconcile_editions(editions, Settings(pivot="en"))])
    assert "<b>" not in text and "<img" not in text and "&lt;b&gt;bold&lt;/b&gt; \\| &lt;img" in text


# --- TMX -------------------------------------------------------------------------------------------

def units(report, **options):
    dtd = etree.DTD(str(ROOT / "tests" / "data" / "tmx14.dtd"))
    document = etree.fromstring(render_tmx([report], **options).encode("utf-8"))
    assert dtd.validate(document), dtd.error_log
    return {tu.get("tuid"): {tuv.get(XML_LANG): (tuv.findtext("seg"), [p.text for p in tuv.findall("prop")])
                             for tuv in tu.iter("tuv")} for tu in document.findall("body/tu")}


def test_tmx_export_is_valid(divergent):
    found = units(divergent)
    assert len(found) == 15  # every row with the pivot and another edition; the inserted paragraph has no pivot
    first = found["samples/divergent#1"]
    assert set(first) == {"ru", "de", "en", "es", "fr"} and first["en"][0].startswith("Foreign Minister Sergey Lavrov")


def test_tmx_leaves_out_what_an_error_finding_is_about(divergent):
    found = units(divergent)
    untranslated = next(tu for tu in found.values() if tu["ru"][0].startswith("Больше предстоит работать"))
    assert "fr" not in untranslated and set(untranslated) == {"ru", "de", "en", "es"}  # no Russian text as French
    figure = next(tu for tu in found.values() if "90\u00a0тыс." in tu["ru"][0] or "90 тыс." in tu["ru"][0])
    assert "de" not in figure and "80.000" not in str(figure)
    moved = next(tu for tu in found.values() if tu["ru"][0].startswith("Наконец"))
    assert moved["es"][1] and moved["es"][1][0].startswith("warning moved:")  # warnings stay, marked


def test_tmx_can_keep_them_marked(divergent):
    found = units(divergent, include_flagged=True)
    untranslated = next(tu for tu in found.values() if tu["ru"][0].startswith("Больше предстоит работать"))
    assert untranslated["fr"][1] == [("error untranslated: fr ¶9 is not in French: it is in Russian, the language of the reference edition (its "
                                      "counterpart is ru ¶8). (de, en and es agree with the reference edition.)")]


def test_tmx_drops_a_unit_whose_reference_is_wrong():
    en = ["The agency counted 360 km of new roads in the region this year.", "Work will go on next year."]
    de = ["Die Behörde zählte dieses Jahr 620 km neue Straßen in der Region.", "Die Arbeit geht nächstes Jahr weiter."]
    fr = ["L'agence a compté 620 km de nouvelles routes dans la région cette année.", "Le travail continuera l'an prochain."]
    report = reconcile_editions(prepare([edition_from_text(lang, texts) for lang, texts in
                                         (("en", en), ("de", de), ("fr", fr))]), Settings(pivot="en"))
    assert [(f.kind, f.lang) for f in report.findings] == [("number_mismatch", "en")]
    assert len(units(report)) == 1 and len(units(report, include_flagged=True)) == 2


def test_report_and_export_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["report", "samples/divergent", "samples/statement", "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text("utf-8")
    assert 'aria-labelledby="overview-title"' in page and page.count('<section class="statement"') == 2
    assert main(["report", "samples/divergent", "-f", "md"]) == 0
    assert "## reconcile: ❌ fail" in capsys.readouterr().out
    assert main(["export", "samples/divergent", "-o", str(tmp_path / "tm.tmx")]) == 0
    assert ">error " not in (tmp_path / "tm.tmx").read_text("utf-8")
    assert main(["export", "samples/divergent", "--include-flagged", "-o", str(tmp_path / "all.tmx")]) == 0
    assert "error untranslated" in (tmp_path / "all.tmx").read_text("utf-8")
    assert main(["report", "no/such/place"]) == 2


def test_each_line_of_page_furniture_says_why_it_was_left_out(page, divergent):
    items = page.cssselect("details.furniture li")
    chrome = [p for e in divergent.editions for p in e.paragraphs if p.chrome]
    assert len(items) == len(chrome) and all(p.chrome_reason for p in chrome)
    for item, paragraph in zip(items, chrome):
        assert item.text_content().endswith(f"({paragraph.chrome_reason})")
