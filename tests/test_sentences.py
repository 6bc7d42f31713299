"""Sentence alignment inside linked paragraphs: ``align --level sentence`` and ``sentences`` in JSON links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.cli import main
from reconcile.model import Edition, Link, Paragraph, Settings
from reconcile.pipeline import find_editions, load, reconcile_editions
from reconcile.sentences import link_sentences

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _edition(lang: str, paragraphs: list[list[str]]) -> Edition:
    return Edition(lang, f"{lang}.txt", "", tuple(Paragraph(n + 1, " ".join(s), " ".join(s), sentences=tuple(s))
                                                  for n, s in enumerate(paragraphs)))


def test_a_sentence_joined_by_the_translator_is_one_bead_and_a_lost_one_stands_alone() -> None:
    de = _edition("de", [["Der Bergführer kam am 9. Mai 1988 in Vernier an.",
                          "Wir warteten drei lange Tage im strömenden Regen auf besseres Wetter in der Hütte.",
                          "Dann stiegen wir zum Gipfel.", "Es war kalt."]])
    fr = _edition("fr", [["Le guide est arrivé à Vernier le 9 mai 1988.",
                          "Puis nous sommes montés au sommet, et il faisait froid."]])
    beads = link_sentences(de, fr, Link((1,), (1,), 1.0), 1.0)
    assert [(b.pivot, b.edition) for b in beads] == [
        (((1, 1),), ((1, 1),)), (((1, 2),), ()), (((1, 3), (1, 4)), ((1, 2),))]


def test_a_link_with_an_empty_side_has_no_sentence_beads() -> None:
    de = _edition("de", [["Ein Satz."]])
    assert link_sentences(de, de, Link((1,), (), 1.0), 1.0) == ()


sentence = st.text(st.sampled_from("abcdefgh ,"), min_size=1, max_size=40).map(lambda t: t.strip() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=3),
       st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=3))
def test_every_sentence_of_a_link_is_in_exactly_one_bead_in_order(left: list[list[str]],
                                                                   right: list[list[str]]) -> None:
    pivot, edition = _edition("en", left), _edition("fr", right)
    link = Link(tuple(p.n for p in pivot.paragraphs), tuple(p.n for p in edition.paragraphs), 1.0)
    beads = link_sentences(pivot, edition, link, 1.0)
    assert [r for b in beads for r in b.pivot] == [(p.n, k + 1) for p in pivot.paragraphs
                                                   for k in range(len(p.sentences))]
    assert [r for b in beads for r in b.edition] == [(p.n, k + 1) for p in edition.paragraphs
                                                     for k in range(len(p.sentences))]
    assert all(0.0 <= b.confidence <= 1.0 and (b.pivot or b.edition) for b in beads)


def test_paragraph_level_reports_are_unchanged_by_the_option() -> None:
    editions = load(find_editions([SAMPLES / "divergent"]), langs=("ru", "de"))
    plain = reconcile_editions(editions, Settings(pivot="ru"))
    sentences = reconcile_editions(editions, Settings(pivot="ru", level="sentence"))
    assert all(not link.sentences for a in plain.alignments for link in a.links)
    assert plain.findings == sentences.findings
    assert [[(k.pivot, k.edition) for k in a.links] for a in plain.alignments] == \
        [[(k.pivot, k.edition) for k in a.links] for a in sentences.alignments]
    assert plain.signature != sentences.signature


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_links_name_existing_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("align", "ru", "de", str(SAMPLES / "divergent"), "--level", "sentence", "--format", "json")
    code, out, err = _run(capsys, *argv)
    assert code == 1, err  # the sample's divergences are errors
    report = json.loads(out)
    counts = {(e["lang"], p["n"]): p for e in report["editions"] for p in e["paragraphs"]}
    links = report["alignments"][0]["links"]
    both = [link for link in links if link["pivot"] and link["edition"]]
    assert both and all(link["sentences"] for link in both)
    for link in both:
        pivot_refs = [tuple(r) for s in link["sentences"] for r in s["pivot"]]
        assert sorted({n for n, _ in pivot_refs}) == link["pivot"]
        assert all(("ru", n) in counts for n, _ in pivot_refs)
    assert _run(capsys, *argv)[1] == out


def test_cli_text_shows_sentence_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "align", "ru", "de", str(SAMPLES / "divergent"), "--level", "sentence")[1]
    assert "¶5.3" in out and "¶6.1" in out
    code, _, err = _run(capsys, "align", "ru", "de", str(SAMPLES / "divergent"), "--level", "word")
    assert code == 2 and "invalid choice" in err
