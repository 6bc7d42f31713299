"""Real publications as they are: one fixture per failure mode of issue 11 (tests/fixtures/pages/README.md).

Each fixture is a statement folder in the shape real sites publish; the test
runs the whole pipeline on it, as ``reconcile check`` does, and asserts what
the reader must see: which paragraphs are content (with which kind), which
are furniture (with which reason), and the findings that remain.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from reconcile import Settings
from reconcile.model import Report
from reconcile.pipeline import find_editions, load, reconcile_editions
from reconcile.text import plain

PAGES = ROOT / "tests" / "fixtures" / "pages"


def run(name: str, pivot: str) -> Report:
    return reconcile_editions(load(find_editions([PAGES / name])), Settings(pivot=pivot))


def edition(report: Report, lang: str):
    return next(e for e in report.editions if e.lang == lang)


def errors(report: Report) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(f.kind, f.lang, f.pivot) for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("name, pivot", [
    ("glued", "ru"), ("list-end", "en"), ("copyright-definition", "en"), ("translator-credit", "en"),
    ("cms-metadata", "en"), ("kramdown", "en"), ("language-footer", "en"), ("accessibility-widgets", "ru"),
    ("reprint", "en"), ("untranslated-names", "ru"), ("unknown-script", "en"),
])
def test_faithful_pages_give_no_error_and_no_warning(name, pivot):
    report = run(name, pivot)
    assert [(f.kind, f.lang, f.message) for f in report.findings if f.severity != "info"] == []


def test_words_at_the_edges_of_inline_markup_stay_apart():
    texts = [plain(p.norm) for p in edition(run("glued", "ru"), "en").content]
    assert texts[0] == "Prices in the capital rose again"
    assert "on November 9 by the leaders of Russia, Azerbaijan and Armenia." in texts[2]


def test_news_headline_kicker_and_byline_are_content_and_aligned_in_txt_md_and_html():
    """ru.txt, es.txt, en.md, fr.md, de.html: kicker, title and byline are content, and linked one to one."""
    report = run("news-article", "ru")
    for e in report.editions:
        assert [p.block for p in e.paragraphs[:4]] == ["kicker", "title", "byline", "paragraph"], e.source
        assert not any(p.chrome for p in e.paragraphs[:4])
    for alignment in report.alignments:
        assert [(link.pivot, link.edition) for link in alignment.links[:3]] == [((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    # the es headline says 7 where every other says 5: a changed headline is checked now
    assert errors(report) == [("number_mismatch", "es", (2,))]


def test_the_last_steps_of_a_list_are_content():
    en = edition(run("list-end", "en"), "en")
    assert [plain(p.norm) for p in en.paragraphs[-2:]] == ["Check Install updates automatically", "Click Save"]
    assert all(p.block == "list_item" and not p.chrome for p in en.paragraphs[-5:])


def test_a_definition_of_copyright_is_content():
    en = edition(run("copyright-definition", "en"), "en")
    definition = next(p for p in en.paragraphs if plain(p.norm).startswith("Copyright and Similar Rights means"))
    assert not definition.chrome and [p.block for p in en.paragraphs[:2]] == ["title", "heading"]


@pytest.mark.parametrize("name, pivot, lang, reasons", [
    ("translator-credit", "en", "fr", {4: "translator credit"}),
    ("translator-credit", "en", "ru", {4: "translator credit"}),
    ("cms-metadata", "en", "de", {2: "metadata element <version>", 3: "metadata element <translator>",
                                  4: "metadata element <tags>"}),
    ("language-footer", "en", "ru", {4: "language switcher"}),
    ("accessibility-widgets", "ru", "ru", {1: "accessibility widget", 2: "accessibility widget",
                                           3: "accessibility widget"}),
    ("reprint", "en", "de", {1: "reprint notice"}),
    ("kramdown", "en", "en", {2: "date line"}),
])
def test_furniture_is_recognised_with_its_reason(name, pivot, lang, reasons):
    paragraphs = edition(run(name, pivot), lang).paragraphs
    assert {p.n: p.chrome_reason for p in paragraphs if p.chrome} == reasons


def test_kramdown_attribute_lists_never_reach_the_text():
    report = run("kramdown", "en")
    assert all("{:" not in p.text for e in report.editions for p in e.paragraphs)


def test_a_faithful_edition_in_an_unknown_script_is_content_aligned_and_noted():
    report = run("unknown-script", "en")
    assert not [f for f in report.findings if f.kind in ("missing", "extra")]
    for lang in ("zh", "ja"):
        paragraphs = edition(report, lang).paragraphs
        assert not any(p.chrome for p in paragraphs)
        assert all("not in one of the languages reconcile reads" in p.note for p in paragraphs)
        assert paragraphs[0].block == "title" and len(paragraphs[1].sentences) == 1
        links = next(a for a in report.alignments if a.lang == lang).links
        assert [(link.pivot, link.edition) for link in links] == [((n,), (n,)) for n in range(1, 5)]


def test_a_revised_original_is_not_blamed():
    (finding,) = run("revision", "en").findings
    assert finding.lang == "en" and finding.kind == "date_mismatch"
    assert finding.message.startswith("the en edition differs from all others: en ¶2 has date 12 March")
    assert finding.message.endswith("the translations may be outdated or the original wrong")


def test_agreement_is_claimed_only_for_editions_that_agree():
    """es was updated, ru and de lag, fr dropped the paragraph: fr agrees with nobody about the date."""
    messages = {f.lang: f.message for f in run("revision-partial", "en").findings}
    assert messages["de"].endswith("(es agrees with the pivot; ru differs in the same way)")
    assert messages["ru"].endswith("(es agrees with the pivot; de differs in the same way)")
    assert messages["fr"].endswith("(de, es, ru agree with the pivot)")


def test_headings_and_titles_reach_the_checks_with_their_kind():
    """For the content checks (truncated, untranslated): the kinds they need, in Markdown and plain text."""
    report = run("heading-truncated", "en")
    assert [p.block for p in edition(report, "de").paragraphs] == ["title", "paragraph", "heading", "paragraph"]
    museum = edition(run("untranslated-names", "ru"), "en")
    assert museum.paragraphs[0].block == "title" and not any(p.chrome for p in museum.paragraphs)
