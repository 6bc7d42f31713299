from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, shared_path
from hypothesis import given
from hypothesis import strategies as st

from reconcile.errors import InputError
from reconcile.filenames import lang_from_name
from reconcile.furniture import (
    furniture_reasons,
    is_language_switcher,
    mark_shared_chrome,
)
from reconcile.ingest import decode, load_edition, normalise, text_blocks
from reconcile.pipeline import edition_from_text
from reconcile.text import plain


def test_normalise_unifies_spaces_and_drops_invisibles():
    assert normalise("a\u00a0 b") == "a b"
    assert normalise("90\u202f000") == "90\u00a0000"
    assert normalise("co\u00adoperation\u200b") == "cooperation"
    assert normalise("\u00abquoted\u00bb \u201cone\u201d") == '"quoted" "one"'
    assert normalise("20 November 202019:00") == "20 November 2020 19:00"


def test_text_blocks_joins_soft_breaks_and_keeps_line_numbers():
    blocks = text_blocks("first line\nsame paragraph\n\n\n  \nsecond\n")
    assert [(b.text, b.line) for b in blocks] == [("first line same paragraph", 1), ("second", 6)]


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (bytes(range(128, 256)) * 10, "cannot be decoded"),
])
def test_decode_refuses_bad_bytes(data, problem):
    with pytest.raises(InputError, match=problem):
        decode(Path("x.txt"), data)


def test_decode_legacy_encodings_and_forced_encoding():
    assert decode(Path("x"), "café au lait, déjà vu".encode("cp1252")) == "café au lait, déjà vu"
    assert decode(Path("x"), "caf\u00e9".encode("cp1252"), encoding="cp1252") == "café"
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(Path("x"), "café".encode("cp1252"), encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode(Path("x"), b"abc", encoding="no-such-codec")


def test_decode_accepts_bom_and_utf16():
    assert decode(Path("x"), "\ufeffПривет".encode("utf-8")) == "Привет"
    assert decode(Path("x"), "Привет".encode("utf-16")) == "Привет"


def test_load_edition_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_edition(tmp_path / "ru.txt", "ru")
    with pytest.raises(InputError, match="is a directory"):
        load_edition(tmp_path, "ru")
    (tmp_path / "ru.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported file type .pdf"):
        load_edition(tmp_path / "ru.pdf", "ru")


def test_input_files_are_not_modified():
    path = SAMPLES / "statement" / "en.txt"
    before = path.read_bytes()
    load_edition(path, "en")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, lang", [
    ("ru.txt", "ru"), ("statement.en.txt", "en"), ("2020-11-20-statement.de.txt", "de"),
    ("fr-FR.txt", "fr"), ("notes.txt", None), ("README.txt", None),
])
def test_lang_from_name(name, lang):
    assert lang_from_name(Path(name)) == lang


def test_language_switcher():
    assert is_language_switcher("• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1")
    assert is_language_switcher("EN | RU | DE")
    assert not is_language_switcher("Russia and the EU agreed")
    assert is_language_switcher("en | ru | de | it")
    assert not is_language_switcher("Mixing it up")  # (a W3C heading: "up" is no language's code)


def test_seed_chrome_is_recognised():
    """The sample English edition is the seed, byte for byte: chrome as the issue lists it."""
    edition = load_edition(SAMPLES / "statement" / "en.txt", "en")
    chrome = [plain(p.norm) for p in edition.paragraphs if p.chrome]
    assert chrome == [
        "20 November 2020 19:00", "• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1",
        "Source: Official website of the President of Russian kremlin.ru",
        "Council of Europe (CoE)", "NATO (North Atlantic Treaty Organization)", "European Union (EU)",
        "Web Content Display", "Advanced settings",
    ]
    content = [p for p in edition.paragraphs if not p.chrome]
    assert plain(content[0].norm).startswith("Foreign Minister Sergey Lavrov")
    assert plain(content[-1].norm) == "My report is complete. Thank you."


def test_shared_seed_matches_sample():
    assert (SAMPLES / "statement" / "en.txt").read_bytes() == \
        shared_path("seed", "000_96b7d5c5907925ac.txt").read_bytes()


def test_a_lone_short_title_is_not_chrome():
    assert furniture_reasons(["Statement", "A long paragraph of the statement that says things.", "Thanks."]) == \
        ["", "", ""]


def test_short_lines_every_edition_repeats_are_chrome_long_ones_are_not():
    long = "This sentence was left untranslated in every edition of the statement, verbatim."
    editions = mark_shared_chrome([
        edition_from_text("en", ["Share on Twitter", "Elite League", "The minister spoke.", long]),
        edition_from_text("de", ["Share on Twitter", "Elite League", "Der Minister sprach.", long]),
        edition_from_text("fr", ["Share on Twitter", "La Ligue d'élite", "Le ministre a parlé.", long]),
    ])
    for edition in editions:
        assert [p.chrome for p in edition.paragraphs] == [True, False, False, False]
    pair = mark_shared_chrome(editions[:2])
    assert pair == editions[:2]  # two editions: too little evidence, nothing marked


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
                min_size=1, max_size=8))
def test_text_blocks_never_lose_words(paragraphs):
    """Every visible character of the input is in the blocks, in order (property).

    Zero-width characters and spaces may go: a line of only those is blank.
    """
    def visible(text: str) -> str:
        return "".join(ch for ch in text if not ch.isspace() and ch not in "\ufeff\u200b")

    text = "\n\n".join(paragraphs)
    assert visible("".join(b.text for b in text_blocks(text))) == visible(text)


@given(st.text(max_size=200))
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


def test_normalise_is_linear_on_long_space_runs():
    """Runs of hundreds of thousands of spaces terminate (the space patterns cannot backtrack)."""
    import signal

    def runaway(signum, frame):
        raise AssertionError("normalise backtracked for over 30 s")

    previous = signal.signal(signal.SIGALRM, runaway)
    signal.alarm(30)
    try:
        assert normalise("\u00a0" * 200_000 + "x") == "x"
        assert normalise("a" + "\u00a0 " * 100_000 + "b") == "a b"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_unreadable_file_is_a_one_line_error(tmp_path, monkeypatch):
    """Permission denied (simulated: the test may run as root, who can read anything)."""
    path = tmp_path / "ru.txt"
    path.write_text("Текст.", "utf-8")

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reconcile.reading._open_input", denied)
    with pytest.raises(InputError, match="ru.txt: permission denied"):
        load_edition(path, "ru")


@pytest.mark.parametrize("line", ["© 2020 Министерство иностранных дел", "Copyright 2020 MFA", "(c) MFA Russia",
                                  "https://mid.ru/ru/foreign_policy/news/1", "Photo: TASS", "Источник: kremlin.ru",
                                  "20 ноября 2020 года, 19:00", "EN | RU | DE", "Версия для печати", "Partager"])
def test_single_chrome_lines(line):
    reasons = furniture_reasons(["A real paragraph of the statement, with a verb.", line, "Another real one."])
    assert reasons[0] == reasons[2] == "" and reasons[1]


@pytest.mark.parametrize("line, reason", [
    ("Translation: Ana García", "translator credit"),
    ("«Перевод: Ирина Смирнова»".strip("«»"), "translator credit"),
    ("Traducción: Ana García", "translator credit"),
    ("Übersetzung: Jonas Weber", "translator credit"),
    ("Traduction\u00a0: Marie Dupont", "translator credit"),
    ("Translated by Ana García", "translator credit"),
    ("Source: Official website of the President of Russia kremlin.ru", "source line"),
    ("Фото: ТАСС", "photo credit"),
    ("© 2020 Министерство иностранных дел", "copyright notice"),
    ("Copyright © 2024 Mozilla", "copyright notice"),
    ("Alle Rechte vorbehalten.", "copyright notice"),
    ("Авторское право © принадлежит корпорации Mozilla, 2012–2022 гг. Все права сохранены.", "copyright notice"),
    ("(c) Firefox Monitor is an informational service that tells you of public data breaches.", ""),
    ("Версия для слабовидящих", "accessibility widget"),
    ("Version for the visually impaired", "accessibility widget"),
    ("Version für Sehbehinderte", "accessibility widget"),
    ("Versión para personas con discapacidad visual", "accessibility widget"),
    ("Version pour malvoyants", "accessibility widget"),
    ("A- A A+", "accessibility widget"),
    ("Размер шрифта: А А А", "accessibility widget"),
    ("Web Content Display", "portal widget label"),
    ("Paramètres avancés", "portal widget label"),
    ("Originally published in The Conversation.", "reprint notice"),
    ("Впервые опубликовано в журнале «Город и климат».", "reprint notice"),
    (("English · Español · Français · Deutsch · Русский · Italiano · Português · Polski · Nederlands · Türkçe · "
      "Українська · Ελληνικά · Čeština · Magyar · 中文 · 日本語 · العربية"), "language switcher"),
])
def test_furniture_reasons_in_five_languages(line, reason):
    reasons = furniture_reasons(["A real paragraph of the statement, with a verb.", line, "Another real one."])
    assert reasons == ["", reason, ""]


@pytest.mark.parametrize("text", [
    "Copyright means the exclusive legal right to copy a work.",
    "Photo: Protesters gather in front of the parliament building on Monday.",
    "Хэллоуин 2013 в числах",
    "Translation matters: a short history of the Bible in 40 languages",
    "First published in 1925, the novel was banned for decades.",
    "Neue Regeln für Schulen",
    "联合国难民署周五表示，约有90000人离开了家园。",
])
def test_content_that_looks_like_furniture_is_content(text):
    assert furniture_reasons(["A real paragraph of the statement, with a verb.", text, "Another real one."]) == \
        ["", "", ""]


def test_headline_kicker_byline_and_list_ends_are_never_furniture_by_position():
    """What the old rule (a run of short unpunctuated lines at the start or end) ate."""
    head = ["ECONOMY", "Prices in the capital rose again", "By Ana García"]
    tail = ["Open the settings", "Click Save", "Restart the browser"]
    assert furniture_reasons([*head, "The statistics office said so on Monday, in a long sentence.", *tail]) == \
        [""] * 7


def test_labels_after_the_closing_line_are_the_site_footer():
    reasons = furniture_reasons(["Body text of the statement, in a sentence.", "Source: kremlin.ru",
                                 "Council of Europe (CoE)", "NATO", "European Union (EU)"])
    assert reasons[1] == "source line" and reasons[2:] == ["page footer (after the source line)"] * 3
    kept = furniture_reasons(["Source: kremlin.ru", "The statement begins here, in a full sentence.", "Thanks"])
    assert kept[1:] == ["", ""]  # running text after the source line: no footer


def test_a_list_of_language_names_one_per_line_is_furniture():
    names = ["English", "Español", "Français", "Deutsch", "Русский", "中文 (简体)"]
    assert furniture_reasons(["Body text of the statement, in a sentence.", *names]) == \
        ["", *["list of languages"] * len(names)]
    assert furniture_reasons(["Deutsch", "Body text of the statement, in a sentence."]) == ["", ""]


def test_language_names_are_cldr_endonyms():
    """The typed endonyms in locales.py are what CLDR (through Babel) calls each language in itself."""
    from babel import Locale

    from reconcile import locales

    for code in ("ar", "de", "el", "en", "es", "fr", "he", "hi", "ja", "ko", "pl", "pt", "ru", "tr", "uk", "zh"):
        assert Locale.parse(code).get_display_name(code).casefold() in locales.LANGUAGE_NAMES, code


@pytest.mark.parametrize("lines, kinds", [
    (["ECONOMY", "Prices in the capital rose again", "By Ana García", "Prices rose by 5 percent, the office said."],
     ["kicker", "title", "byline", "paragraph"]),
    (["Цены снова выросли", "Автор: Анна Гарсия", "Цены выросли на 5 процентов, сообщило управление."],
     ["title", "byline", "paragraph"]),
    (["Wirtschaft", "Die Preise sind wieder gestiegen", "Von Ana García und Jonas Weber, dpa", "Die Preise stiegen."],
     ["kicker", "title", "byline", "paragraph"]),
    (["Los precios vuelven a subir", "Por Ana García", "Los precios subieron un 5 por ciento."],
     ["title", "byline", "paragraph"]),
    (["Les prix augmentent de nouveau", "Par Marie Dupont, AFP", "Les prix ont augmenté de 5 %."],
     ["title", "byline", "paragraph"]),
    (["Von den 90.000 Menschen kehrten viele zurück.", "Abschnitt 3 – Pflichten", "Der Text des Abschnitts."],
     ["paragraph", "heading", "paragraph"]),
    (["A statement in a sentence.", "GENERAL PROVISIONS", "Short line", "Article 5", "Text of the article."],
     ["paragraph", "heading", "paragraph", "heading", "paragraph"]),
])
def test_kinds_of_plain_text_blocks(lines, kinds):
    assert [p.block for p in edition_from_text("en", lines).paragraphs] == kinds


def test_list_items_in_plain_text():
    blocks = text_blocks("Steps:\n\n1. Open the settings\n2. Click Save\n\n- one\n\n- two\n\n— Да, — сказал он.")
    assert [(b.text, b.kind) for b in blocks] == [
        ("Steps:", "paragraph"), ("1. Open the settings", "list_item"), ("2. Click Save", "list_item"),
        ("- one", "list_item"), ("- two", "list_item"), ("— Да, — сказал он.", "paragraph")]


def test_unknown_script_gets_a_note_and_stays_content():
    edition = edition_from_text("zh", ["联合国难民署周五表示，约有90000人离开了家园。", "UNHCR"])
    assert not any(p.chrome for p in edition.paragraphs)
    assert "Han (CJK) script" in edition.paragraphs[0].note and edition.paragraphs[1].note == ""


def test_furniture_and_kind_patterns_do_not_backtrack():
    """Long runs of letters, spaces or markers finish in linear time (patterns that could backtrack cannot)."""
    import signal

    from reconcile.block_kinds import is_byline, is_section_heading

    def runaway(signum, frame):
        raise AssertionError("a furniture or kind pattern backtracked for over 30 s")

    previous = signal.signal(signal.SIGALRM, runaway)
    signal.alarm(30)
    try:
        for text in ("A" * 50_000 + "x", "A " * 25_000 + "x", "Размер шрифта: " + "А" * 50_000 + "!",
                     "by" + " " * 50_000, "Source" + " " * 50_000 + "x", "© " + "(" * 50_000,
                     "English " * 5_000 + "x", "1." * 25_000 + " x"):
            furniture_reasons([text])
            is_byline(text)
            is_section_heading(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
