"""Language of a paragraph: a table of paragraphs per language, running text and what is not."""

from __future__ import annotations

import re
import time

import pytest

from reconcile import langid

# (text, language it is written in) — running text in each of the five languages.
RUNNING = [
    ("The committee said on Monday that the new rules would apply to all schools from May.", "en"),
    ("Комитет сообщил в понедельник, что новые правила будут действовать во всех школах с мая.", "ru"),
    ("Der Ausschuss teilte am Montag mit, dass die neuen Regeln ab Mai für alle Schulen gelten.", "de"),
    ("El comité dijo el lunes que las nuevas normas se aplicarán a todas las escuelas a partir de mayo.", "es"),
    ("Le comité a déclaré lundi que les nouvelles règles s'appliqueraient à toutes les écoles dès mai.", "fr"),
]

# Text that is never translated, or that is translated around a foreign quotation: no edition
# language is wrong for it.
NOT_RUNNING = [
    "Smolenskaya-Sennaya Square 32/34, Moscow 119200, Russia",
    "Rue de la Loi 175, B-1048 Bruxelles, Belgique",
    "press@mid.ru, info@un.org, https://www.un.org/en/about-us",
    "Apple, Microsoft, BlackBerry, Ericsson and Sony",
    "English | Русский | Deutsch | Español | Français",
    "english · deutsch · español · français · русский",
    "ISBN 978-3-16-148410-0, ECLI:EU:C:2014:317",
    "Hamburg SV 1, Borussia Moenchengladbach 0",
]


@pytest.mark.parametrize("text,lang", RUNNING)
def test_running_text_is_identified(text, lang):
    guess = langid.identify(text)
    assert guess is not None and guess.lang == lang and guess.confidence >= 0.9


@pytest.mark.parametrize("text,lang", RUNNING)
def test_running_text_is_foreign_to_every_other_edition_and_named(text, lang):
    for expected in ("ru", "en", "de", "es", "fr"):
        reading = langid.foreign(text, expected)
        if expected == lang:
            assert reading is None
        else:
            assert reading is not None and reading.lang == lang and reading.share == 1.0
            assert "identifier" in reading.signals


@pytest.mark.parametrize("text", NOT_RUNNING)
def test_what_is_not_running_text_is_never_foreign(text):
    assert all(langid.foreign(text, expected) is None for expected in ("ru", "en", "de", "es", "fr"))


def test_german_running_text_is_running_however_many_nouns_it_capitalises():
    """Fewer than four words in ten are lower-case here: German capitalises every noun."""
    de = ("Mit Kundalini-Yoga wird die Kundalini-Energie (Aufklärungsenergie) durch Yoga-Posen, Atemübungen, "
          "Mantras und Visualisierungen erweckt.")
    for expected in ("en", "es", "fr", "ru"):
        reading = langid.foreign(de, expected)
        assert reading is not None and reading.lang == "de"
    assert langid.foreign(de, "de") is None
    # Under a quarter of lower-case words is still a list of names, in German too.
    names = "Die Grünen und die SPD mit Angela Merkel, Olaf Scholz, Annalena Baerbock, Robert Habeck und Christian Lindner"
    assert langid.frames(names) == []


def test_a_short_first_sentence_does_not_make_a_foreign_paragraph_doubtful():
    """The identifier is unsure of the first sentence alone (three running words), sure of the rest."""
    fr = "Le Vatican compte environ 800 habitants. C'est le plus petit pays indépendant au monde, et le moins peuplé."
    for expected in ("en", "es"):
        reading = langid.foreign(fr, expected)
        assert reading is not None and reading.lang == "fr" and reading.confidence >= langid.MIN_CONFIDENCE


def test_a_quoted_foreign_title_inside_a_translated_paragraph_is_not_foreign():
    de = ("Der Roman „The Old Man and the Sea“ von Ernest Hemingway erschien 1952 und wurde "
          "im folgenden Jahr mit dem Pulitzer-Preis ausgezeichnet.")
    fr = "Le film « Das Leben der Anderen » a reçu l'Oscar du meilleur film en langue étrangère en 2007."
    assert langid.foreign(de, "de") is None
    assert langid.foreign(fr, "fr") is None


def test_a_paragraph_mostly_in_another_language_is_foreign_by_its_share():
    """One English sentence in a French paragraph of three is not a foreign paragraph; two are."""
    fr = "Le ministre a présenté le budget mardi devant les députés. Il prévoit une hausse des dépenses de santé."
    en = "The minister presented the budget on Tuesday to the deputies. It provides for more spending on health."
    mixed = fr + " The opposition called the plan a disappointment for every region."
    assert langid.foreign(mixed, "fr") is None
    reading = langid.foreign(en + " " + fr.split(". ")[0] + ".", "fr")
    assert reading is not None and reading.lang == "en" and 0.5 <= reading.share < 1.0


def test_a_short_headline_needs_two_signals():
    """The identifier alone does not decide under 60 characters: names in a headline fool it."""
    assert langid.foreign("Le Fabuleux Marcel", "de") is None  # a film title kept in French
    assert langid.foreign("Der Spiegel (spiegel.de)", "en") is None
    reading = langid.foreign("Le président est arrivé à Paris", "es")  # function words agree: French
    assert reading is not None and reading.lang == "fr" and "function words" in reading.signals
    latin = langid.foreign("The talks will resume on Monday", "ru")  # the script agrees
    assert latin is not None and latin.lang == "en" and "script" in latin.signals


def test_another_script_is_other():
    guess = langid.identify("政府宣布了新的措施，以保护儿童的安全。")
    assert guess is not None and guess.lang == langid.OTHER and guess.script == "other"
    reading = langid.foreign("政府宣布了新的措施，以保护儿童的安全。政府宣布了新的措施，以保护儿童的安全。", "fr")
    assert reading is None or reading.lang == langid.OTHER


def test_an_edition_in_a_sixth_language_is_judged_among_its_own_candidates():
    italian = "Il governo ha annunciato martedì nuove misure per le scuole di tutto il paese."
    langs = langid.candidates("it", "en")
    assert "it" in langs and langid.known("it") and not langid.known("und")
    assert langid.foreign(italian, "it", langs) is None
    assert langid.identify(italian, langs).lang == "it"


def test_same_input_same_answer():
    text = RUNNING[3][0]
    assert {langid.identify(text) for _ in range(5)} == {langid.identify(text)}
    assert {langid.foreign(text, "fr") for _ in range(5)} == {langid.foreign(text, "fr")}


def test_running_text_filter_does_not_backtrack_on_long_tokens():
    """The token filter is applied to whitespace-separated tokens: a 100 kB token is linear."""
    start = time.perf_counter()
    langid.running_text("a." * 50_000 + " " + "x@" * 50_000 + " " + "w" * 100_000)
    assert time.perf_counter() - start < 1.0


def test_function_words_count_elisions_and_only_words_of_one_language():
    assert langid.function_word_language(langid.tokens("L'avenir de l'Europe est dans l'unité")) == "fr"
    assert langid.function_word_counts(langid.tokens("de la que en"))  == {l: 0 for l in ("en", "ru", "de", "es", "fr")}
    assert re.fullmatch(r"[a-z]+", "".join(langid.tokens("Hello, World!")))


def test_the_unpacked_model_copy_reads_back_the_same_and_a_broken_one_is_rebuilt(tmp_path, monkeypatch):
    from py3langid.langid import LanguageIdentifier

    path = tmp_path / "model"
    langid._write_unpacked(langid._model(), path)
    copy = langid._read_unpacked(path, LanguageIdentifier)
    for text, _ in RUNNING:
        assert copy.rank(text)[:3] == langid._model().rank(text)[:3]
    (path / "nextmove.npy").write_bytes(b"not a model")
    with pytest.raises((OSError, ValueError)):
        langid._read_unpacked(path, LanguageIdentifier)
    monkeypatch.setenv("RECONCILE_CACHE", str(tmp_path / "fresh"))
    langid._model.cache_clear()
    langid._identifier.cache_clear()
    try:
        assert langid.identify(RUNNING[2][0]).lang == "de"  # read from py3langid's own file, copy written
        assert len(list((tmp_path / "fresh").glob("py3langid-*/nextmove.npy"))) == 1
    finally:
        langid._model.cache_clear()
        langid._identifier.cache_clear()


def test_a_headline_half_cyrillic_half_latin_is_in_no_other_script():
    """A Russian headline naming a Latin brand ("Let's Encrypt") was read as a script none of the five uses."""
    from reconcile.langid import OTHER, identify, script_of

    assert script_of("График роста Let's Encrypt") is None
    assert identify("График роста Let's Encrypt") is None
    assert identify("Обзор сервиса Let's Encrypt").lang == "ru"
    assert identify("政府宣布了新的措施 Let's go").lang == OTHER


def test_identifiers_are_not_running_text():
    """A table cell of field names ("Client_id, session_id.") is kept as it is by translators."""
    assert langid.running_text("Client_id, session_id.") == ""
    assert langid.running_text("The client_id field is sent each time.") == "The field is sent each time"
