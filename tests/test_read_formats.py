"""HTML, Markdown and Word editions read into the same paragraphs as clean text; encodings; failure modes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reconcile import Settings, reconcile
from reconcile.errors import InputError
from reconcile.ingest import ReadOptions, load_edition, plain
from reconcile.pipeline import find_editions
from reconcile.read_html import html_blocks

FIXTURES = ROOT / "tests" / "fixtures"


def content(path: Path, lang: str | None = "en", **options) -> list[str]:
    return [plain(p.norm) for p in load_edition(path, lang, ReadOptions(**options)).content]


@pytest.mark.parametrize("name", ["page.html", "statement.md", "statement.docx"])
def test_every_format_gives_the_clean_texts_paragraphs(name):
    assert content(FIXTURES / "formats" / name) == content(FIXTURES / "formats" / "clean.txt")


@pytest.mark.parametrize("name", ["page.html", "statement.md", "statement.docx"])
def test_block_kinds_are_kept(name):
    kinds = [p.block for p in load_edition(FIXTURES / "formats" / name, "en").content]
    assert kinds == ["title", "paragraph", "paragraph", "list_item", "list_item", "quote", "paragraph"]


def test_html_line_numbers_point_into_the_file():
    path = FIXTURES / "formats" / "page.html"
    lines = path.read_text("utf-8").splitlines()
    for paragraph in load_edition(path, "en").paragraphs:
        assert plain(paragraph.norm)[:20] in plain(lines[paragraph.line - 1].replace("&quot;", '"')) or \
            paragraph.text[:20] in lines[paragraph.line - 1]


def test_markdown_front_matter_is_metadata():
    edition = load_edition(FIXTURES / "formats" / "statement.md", None)
    assert edition.lang == "en"
    assert all("2020-11-20" not in p.text for p in edition.paragraphs)
    assert edition.paragraphs[1].line == 7


def test_html_page_chrome_is_left_out():
    texts = " ".join(content(FIXTURES / "formats" / "page.html"))
    for chrome in ("cookies", "Home", "RU", "Related", "Share on Twitter", "rights reserved", "not content", "color"):
        assert chrome not in texts


def test_html_entities_inline_markup_and_double_br():
    blocks = html_blocks("<article><p>A&amp;B <b>bold</b>&nbsp;C<br><br>second &laquo;q&raquo;</p></article>")
    assert [b.text for b in blocks] == ["A&B bold\u00a0C", "second «q»"]


def test_densest_block_without_article_or_main():
    page = ("<html><body><div class='menu'><a>One</a> <a>Two</a></div><div id='x'><div><p>" + "Real text. " * 30
            + "</p><p>More real text here.</p></div></div><div><p><a>link</a></p></div></body></html>")
    assert [b.text[:9] for b in html_blocks(page)] == ["Real text", "More real"]


def test_content_selector_css_and_xpath(tmp_path):
    page = tmp_path / "en.html"
    page.write_text("<html><body><div class='a'><p>Not this.</p></div><div class='b'><p>This one.</p></div></body></html>")
    assert content(page, content_selector="div.b") == ["This one."]
    assert content(page, content_selector="//div[@class='b']") == ["This one."]
    with pytest.raises(InputError, match="matches nothing"):
        content(page, content_selector="section.none")


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "encodings").iterdir()))
def test_encodings_are_detected(name):
    lang = name[:2]
    expected = content(FIXTURES / "encodings" / ("ru.utf8-bom.txt" if lang == "ru" else "fr.crlf.txt"), lang)
    got = content(FIXTURES / "encodings" / name, lang, **({"encoding": "iso8859_15"} if "latin9" in name else {}))
    assert got == expected


def test_latin9_without_encoding_reads_letters_right_but_not_the_euro_sign():
    """ISO-8859-15 and windows-1252 differ only in a few symbols: detection cannot tell, --encoding can."""
    got = content(FIXTURES / "encodings" / "fr.latin9.txt", "fr")
    assert "Déclaration" in got[0] and "¤" in got[2]


@pytest.mark.parametrize("name, message", [
    ("empty.txt", "file is empty"),
    ("blank.txt", "file is empty"),
    ("binary.txt", "binary"),
    ("undecodable.txt", "cannot be decoded"),
    ("not-a-zip.docx", "not a Word .docx file"),
    ("no-content.html", "has no text paragraphs"),
])
def test_broken_inputs_are_one_line_errors(name, message):
    with pytest.raises(InputError, match=message) as caught:
        load_edition(FIXTURES / "broken" / name, "en")
    assert str(caught.value).startswith(str(FIXTURES / "broken" / name)) and "\n" not in str(caught.value)


def test_entity_bomb_and_external_entities_are_not_expanded():
    (text,) = content(FIXTURES / "broken" / "entity-bomb.html")
    assert "lollol" not in text and "root:" not in text and len(text) < 100


def test_deeply_nested_markup_is_refused(tmp_path):
    page = tmp_path / "en.html"
    page.write_text("<html><body>" + "<div>" * 20000 + "<p>deep</p>" + "</div>" * 20000 + "</body></html>")
    with pytest.raises(InputError, match="nested too deeply"):
        load_edition(page, "en")


def test_zip_bomb_docx_is_refused(monkeypatch):
    from reconcile import read_docx

    monkeypatch.setattr(read_docx, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match="unpacks to"):
        load_edition(FIXTURES / "formats" / "statement.docx", "en")


def test_size_limit(tmp_path):
    with pytest.raises(InputError, match="over the 10-byte input limit"):
        load_edition(FIXTURES / "formats" / "clean.txt", "en", ReadOptions(max_bytes=10))


def test_html_sample_gives_the_same_findings_as_the_text_sample():
    def summary(folder):
        report = reconcile(find_editions([folder]), Settings(pivot="ru"))
        by_lang = {e.lang: {p.n: plain(p.norm)[:40] for p in e.paragraphs} for e in report.editions}
        return sorted((f.lang, f.kind, f.severity, tuple(by_lang["ru"][n] for n in f.pivot),
                       tuple(by_lang[f.lang][n] for n in f.edition)) for f in report.findings)

    for name in ("statement", "divergent"):
        assert summary(SAMPLES / "html" / name) == summary(SAMPLES / name)


def test_mixed_formats_in_one_statement(tmp_path):
    shutil.copy(SAMPLES / "html" / "divergent" / "ru.html", tmp_path / "ru.html")
    text = (SAMPLES / "divergent" / "de.txt").read_text("utf-8")
    (tmp_path / "de.md").write_text(text.replace("•", "-"), "utf-8")
    report = reconcile(find_editions([tmp_path]), Settings(pivot="ru"))
    assert sorted(f.kind for f in report.findings if f.severity == "error") == ["missing", "number_mismatch"]


def test_double_br_in_loose_text_separates_paragraphs():
    page = "<html><body><div class='text'>One, a sentence.<br><br>Two <b>bold</b>.<br>same.<br/>\n<br/>Three.</div></body></html>"
    assert [b.text for b in html_blocks(page)] == ["One, a sentence.", "Two bold. same.", "Three."]
