"""HTML, Markdown and Word editions read into the same paragraphs as clean text; encodings; failure modes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from reconcile import Settings, reconcile
from reconcile.errors import InputError
from reconcile.ingest import ReadOptions, load_edition
from reconcile.pipeline import find_editions
from reconcile.read_html import html_blocks
from reconcile.text import plain

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


def test_markdown_kramdown_attribute_lists_are_markup():
    from reconcile.read_markdown import markdown_blocks

    blocks, _ = markdown_blocks('# Notice\n\nMarch 6, 2024\n{: datetime="2024-03-06" }\n\nText here.\n{: #intro .lead }\n\n'
                                "* Item\n  {: #item }\n\n*Effective June 1*{: datetime=\"2021-06-01\"} and on.\n\n"
                                "{: .note }\nNote text.\n\nBraces {: not attributes} stay.\n")
    assert [b.text for b in blocks] == ["Notice", "March 6, 2024", "Text here.", "Item", "Effective June 1 and on.",
                                        "Note text.", "Braces {: not attributes} stay."]


def test_markdown_kinds_title_caption_and_html():
    from reconcile.read_markdown import markdown_blocks

    blocks, _ = markdown_blocks("# Title\n\n## Section\n\n# Second h1\n\n![A photo](p.jpg)\n*Protesters on Monday.*\n\n"
                                "<version>2.1</version>\n\n```\ncode  here\n```\n")
    assert [(b.text, b.kind, b.furniture) for b in blocks] == [
        ("Title", "title", ""), ("Section", "heading", ""), ("Second h1", "heading", ""),
        ("Protesters on Monday.", "caption", ""), ("2.1", "paragraph", "metadata element <version>"),
        ("code here", "code", "")]


def test_markdown_front_matter_title_only_without_a_level_one_heading():
    from reconcile.read_markdown import markdown_blocks

    with_h1, _ = markdown_blocks("---\ntitle: Front\n---\n\n**KICKER**\n\n# Body title\n\nText.\n")
    without, _ = markdown_blocks("---\ntitle: Front\n---\n\n## Section\n\nText.\n")
    assert [b.text for b in with_h1] == ["KICKER", "Body title", "Text."]
    assert [(b.text, b.kind) for b in without][:2] == [("Front", "title"), ("Section", "heading")]


def test_html_kinds_from_tags_classes_and_containers():
    page = ("<article><header><p class='kicker'>Economy</p><h1>Prices rose</h1><div class='byline'>By "
            "<a href='/a'>Ana García</a></div></header><p>Body.</p><h1>Another h1</h1><ul><li><p>Item "
            "paragraph</p></li></ul><blockquote><p>Quoted.</p></blockquote><table><tr><td><p>Cell.</p></td></tr>"
            "</table><figure><img src='x.jpg'><figcaption>A caption.</figcaption></figure><pre>x  = 1</pre></article>")
    assert [(b.text, b.kind) for b in html_blocks(page)] == [
        ("Economy", "kicker"), ("Prices rose", "title"), ("By Ana García", "byline"), ("Body.", "paragraph"),
        ("Another h1", "heading"), ("Item paragraph", "list_item"), ("Quoted.", "quote"), ("Cell.", "table_cell"),
        ("A caption.", "caption"), ("x  = 1", "code")]


def test_html_furniture_inside_the_content_is_kept_with_its_reason():
    page = ("<html><body><article><h1>T</h1><version>3.2</version><p>Body text of the page.</p>"
            "<div class='share-buttons'><a>Twitter</a> <a>VK</a></div><ul><li><a>One</a></li><li><a>Two</a></li>"
            "<li><a>Three</a></li></ul><nav>Next page</nav><p hidden>Hidden</p>"
            "<p style='display:none'>None</p><my-widget>Custom element text</my-widget></article></body></html>")
    assert [(b.text, b.furniture) for b in html_blocks(page)] == [
        ("T", ""), ("3.2", "metadata element <version>"), ("Body text of the page.", ""),
        ("Twitter VK", "page furniture (share)"), ("One", "block of 3 links"), ("Two", "block of 3 links"),
        ("Three", "block of 3 links"), ("Next page", "page furniture (nav)"), ("Custom element text", "")]


def test_html_furniture_reasons_reach_the_edition(tmp_path):
    page = tmp_path / "en.html"
    page.write_text("<html><body><article><h1>Title</h1><p>Body text, a sentence.</p><p>Translation: Ana García</p>"
                    "<div class='social'><a>Share</a></div></article></body></html>", "utf-8")
    edition = load_edition(page, "en")
    assert [(p.block, p.chrome_reason) for p in edition.paragraphs] == [
        ("title", ""), ("paragraph", ""), ("paragraph", "translator credit"), ("paragraph", "page furniture (social)")]


def test_a_static_sites_html_page_has_front_matter_and_template_lines_as_markup(tmp_path):
    """Hugo keeps pages as HTML fragments under YAML front matter, with shortcodes on lines of their own."""
    page = tmp_path / "en.html"
    page.write_text("---\ntitle: CT Logs\nlastmod: 2026-06-15\n---\n\n<p>Certificate Transparency is a system.</p>\n"
                    "{{< ct_logs >}}\n<p>Let's Encrypt submits all certificates.</p>\n{{< /ct_logs >}}\n", "utf-8")
    edition = load_edition(page, None)
    assert [(p.text, p.block, p.line) for p in edition.paragraphs] == [
        ("CT Logs", "title", 1), ("Certificate Transparency is a system.", "paragraph", 6),
        ("Let's Encrypt submits all certificates.", "paragraph", 8)]


def test_markdown_template_tags_are_markup():
    from reconcile.read_markdown import markdown_blocks

    blocks, _ = markdown_blocks("Intro.\n\n{{< double_donation >}}\n\n{% include note.html %}\n\nSee {{< ref \"x\" >}}.\n"
                                "\n<div class=\"pt-2\">\n  {{< donate >}}\n    </div>\n\nLast.\n")
    assert [(b.text, b.line) for b in blocks] == [("Intro.", 1), ("See .", 7), ("Last.", 13)]


def test_markdown_a_paired_tag_around_text_keeps_the_text():
    """The Let's Encrypt glossary: each entry is one line, "{{% def … %}} text {{% /def %}}". The line was
    taken for a line of tags alone (a tag's pattern ran on to the closing tag) and the whole glossary lost."""
    from reconcile.read_markdown import markdown_blocks

    blocks, _ = markdown_blocks('# Glossary\n\n{{% def id="profile" name="Profile" %}} A Profile is a collection '
                                'of properties. {{% /def %}}\n\n{{< x >}} {{% y %}}\n\nEnd.\n')
    assert [b.text for b in blocks] == ["Glossary", "A Profile is a collection of properties.", "End."]


def test_markdown_lines_are_counted_as_markdown_it_counts_them():
    """A lone carriage return is a line break to markdown-it: the line numbers of the blocks follow it (a
    fuzzed file with one made the template-line map too short)."""
    from reconcile.read_markdown import markdown_blocks

    blocks, _ = markdown_blocks("One.\r\rTwo.\n{{< x >}}\n\nThree.")
    assert [(b.text, b.line) for b in blocks] == [("One.", 1), ("Two.", 3), ("Three.", 6)]


def test_html_a_page_cut_into_sibling_sections_is_read_whole():
    """The W3C's articles: no <article> or <main>, an answer cut into sections of its own. The densest section
    alone was read (a sixth of the text, and not the same section in every edition)."""
    section = "<section id='{0}'><h3>{0}</h3><p>{1}</p><p>{1}</p></section>"
    page = ("<html lang='en'><body><div id='audience'>For authors</div><section id='answer'>"
            + section.format("not", "Some characters are not for use with markup. " * 3)
            + section.format("ok", "Others are fine to use in any text. " * 4)
            + section.format("compat", "Compatibility characters deserve care. " * 5)
            + "</section><div class='footer'><a href='/'>Home</a></div></body></html>")
    assert [b.text for b in html_blocks(page) if b.kind == "heading"] == ["not", "ok", "compat"]
    lone = "<html><body><div><p>" + "The statement itself, at length. " * 20 + "</p></div><div><p>Short.</p></div></body></html>"
    assert [b.text for b in html_blocks(lone)] == [("The statement itself, at length. " * 20).strip()]


def test_html_code_and_text_in_another_language_are_marked():
    page = ("<html lang='en'><body><article><p>Run this:</p><p><code>tldr --list</code> <kbd>q</kbd></p>"
            "<blockquote><pre>Date: Wed, 05 Nov 2003</pre></blockquote><p lang='cs'>Příliš žluťoučký kůň.</p>"
            "<p>Back in English.</p></article></body></html>")
    assert [(b.text, b.kind, b.lang) for b in html_blocks(page)] == [
        ("Run this:", "paragraph", None), ("tldr --list q", "code", None), ("Date: Wed, 05 Nov 2003", "code", None),
        ("Příliš žluťoučký kůň.", "paragraph", "cs"), ("Back in English.", "paragraph", None)]


def test_html_a_block_in_another_language_than_its_edition_is_not_judged_untranslated(tmp_path):
    """A template's <html lang="en-us"> is left on every edition of a real site; what counts is the edition's
    language (here from the file name). A lang on a container of the whole text is no quotation."""
    page = tmp_path / "es.html"
    page.write_text("<html lang='en-us'><body><article><div lang='ru'><p>El ministro habló el lunes.</p>"
                    "<p lang='en'>\"Twemoji\" by Twitter is licensed under CC-BY 4.0.</p><blockquote lang='de'>"
                    "<p>Wir schaffen das.</p></blockquote><p lang='es-ES'>Y nada más.</p></div></article></body></html>",
                    "utf-8")
    edition = load_edition(page, "es")
    assert [p.waivers for p in edition.paragraphs] == [(), ("untranslated",), ("untranslated",), ()]


def test_html_a_sites_footer_and_embed_notices_are_furniture_and_heading_ids_are_not_marks():
    """Real sites (wz2100.net, internationalasexualityday.org): a footer <div> with more text than a one-paragraph
    post was read as the content; a video embed's privacy notice as text; a French heading's id made from its
    words ("comment-…") as a comments widget."""
    short = ("<html lang='en'><body><div class='card'><p>For archived releases, please see the forums.</p></div>"
             "<div class='bloc footer'><p>Source Code. Copyright © Warzone 2100 Project. Licensed under the GNU GPLv3.</p>"
             "<p>All trademarks are the property of their respective owners.</p></div></body></html>")
    assert [b.text for b in html_blocks(short)] == ["For archived releases, please see the forums."]
    embed = ("<html lang='en'><body><main><div class='youtube-info'><p>The video is embedded by YouTube. Google's "
             "privacy policy applies.</p></div><p>The day takes place on April 6th.</p>"
             "<h2 id='comment-mon-organisation-peut-elle-participer'>Comment mon organisation peut-elle participer ?</h2>"
             "</main></body></html>")
    assert [(b.text[:20], bool(b.furniture)) for b in html_blocks(embed)] == [
        ("The video is embedde", True), ("The day takes place ", False), ("Comment mon organisa", False)]


def test_html_sections_beside_sections_are_one_text_whatever_their_sizes():
    """The same W3C article nested two ways: sections under <body> (en), the answer's sections wrapped in a
    <section id="answer"> (de). The sizes decided before, and the de edition lost its question section."""
    question = "<section id='question'><h2>Question</h2><p>{}</p></section>"
    part = "<section id='{0}'><h3>{0}</h3><p>{1}</p></section>"
    long, short = "A long answer about characters and markup, point by point. " * 8, "A short question?"
    flat = f"<html lang='en'><body>{question.format(short)}{part.format('one', long)}{part.format('two', long)}</body></html>"
    nested = (f"<html lang='de'><body>{question.format(short)}<section id='answer'>{part.format('one', long)}"
              f"{part.format('two', long)}</section></body></html>")
    for page in (flat, nested):
        assert [b.text for b in html_blocks(page) if b.kind == "heading"] == ["Question", "one", "two"]
    language = "<html lang='en'><body><main><section id='language'><h2>Language subtag</h2><p>Text.</p></section></main></body></html>"
    assert [b.furniture for b in html_blocks(language)] == ["", ""]  # an id "language" is no switcher


def test_html_code_in_a_list_item_is_code():
    page = ("<html lang='en'><body><main><ol><li><p>Separate the languages.</p><div class='example'><code>&lt;a "
            "title='anglais' lang='en'&gt;English&lt;/a&gt;</code></div></li></ol></main></body></html>")
    assert [(b.kind, b.text[:12]) for b in html_blocks(page)] == [("list_item", "Separate the"), ("code", "<a title='an")]
