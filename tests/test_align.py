"""Aligner invariants (hypothesis) and the banded DP's bounds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import align_pair
from reconcile.diagnose import diagnose
from reconcile.model import Settings
from reconcile.pipeline import edition_from_text, prepare

WORDS = ["minister", "agreement", "refugees", "mission", "statement", "council", "region", "support",
         "talks", "peace", "humanitarian", "office", "delegation", "border", "programme"]


@st.composite
def paragraphs(draw, min_size=3, max_size=12):
    """Paragraphs of varied length with some figures, like a statement."""
    out = []
    for k in range(draw(st.integers(min_size, max_size))):
        n_words = draw(st.integers(6, 60))
        words = [draw(st.sampled_from(WORDS)) for _ in range(n_words)]
        if draw(st.booleans()):
            words.insert(draw(st.integers(0, len(words))), str(draw(st.integers(10, 99999))))
        sentences = " ".join(words).capitalize() + "."
        out.append(f"{sentences} Item {k + 1} closes here.")
    return out


def prepared(lang, texts):
    return prepare([edition_from_text(lang, texts)])[0]


@settings(max_examples=40, deadline=None)
@given(paragraphs())
def test_edition_against_itself_gives_only_one_to_one_links(texts):
    edition = prepared("en", texts)
    alignment = align_pair(edition, edition)
    assert [(l.pivot, l.edition) for l in alignment.links] == [((i,), (i,)) for i in range(1, len(texts) + 1)]


@settings(max_examples=40, deadline=None)
@given(paragraphs(), st.data())
def test_links_cover_each_paragraph_once_in_order(texts, data):
    pivot = prepared("en", texts)
    other = list(texts)
    for _ in range(data.draw(st.integers(0, 3))):
        op = data.draw(st.sampled_from(["drop", "merge", "dup"]))
        k = data.draw(st.integers(0, len(other) - 1))
        if op == "drop" and len(other) > 1:
            del other[k]
        elif op == "merge" and k + 1 < len(other):
            other[k: k + 2] = [other[k] + " " + other[k + 1]]
        elif op == "dup":
            other.insert(k, other[k])
    edition = prepared("de", other)
    links = [l for l in align_pair(pivot, edition).links if not l.moved]
    pivot_seen = [n for l in links for n in l.pivot]
    edition_seen = [n for l in links for n in l.edition]
    moved = [l for l in align_pair(pivot, edition).links if l.moved]
    assert sorted(pivot_seen + [n for l in moved for n in l.pivot]) == list(range(1, len(texts) + 1))
    assert sorted(edition_seen + [n for l in moved for n in l.edition]) == list(range(1, len(other) + 1))
    assert pivot_seen == sorted(pivot_seen) and edition_seen == sorted(edition_seen)


@settings(max_examples=40, deadline=None)
@given(paragraphs(min_size=4), st.data())
def test_deleting_paragraph_k_gives_one_missing_at_k(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    pivot = prepared("en", texts)
    edition = prepared("en", texts[:k] + texts[k + 1:])
    findings = diagnose(pivot, edition, align_pair(pivot, edition), Settings(pivot="en"))
    assert [(f.kind, f.pivot) for f in findings if f.severity != "info"] == [("missing", (k + 1,))]


@settings(max_examples=30, deadline=None)
@given(paragraphs(min_size=3), st.data())
def test_splitting_a_paragraph_is_a_split_not_missing_plus_extra(texts, data):
    k = data.draw(st.integers(0, len(texts) - 1))
    first, _, rest = texts[k].partition(". ")
    edition_texts = texts[:k] + [first + ".", rest] + texts[k + 1:]
    pivot, edition = prepared("en", texts), prepared("en", edition_texts)
    findings = diagnose(pivot, edition, align_pair(pivot, edition), Settings(pivot="en"))
    assert [(f.kind, f.pivot, f.edition) for f in findings] == [("split", (k + 1,), (k + 1, k + 2))]


def test_long_pair_aligns_with_a_band(make_edition):
    texts = [f"Paragraph {i} says {i * 7} things about {i % 13} topics. It ends here." for i in range(1, 1201)]
    pivot = make_edition("en", texts)
    edition = make_edition("en", texts[:600] + texts[601:])
    links = align_pair(pivot, edition).links
    assert [l.pivot for l in links if not l.edition] == [(601,)]
    assert len(links) == 1200
