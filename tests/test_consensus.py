"""Consensus across editions: a lone pivot is named neutrally; agreement is claimed only where it holds."""

from __future__ import annotations

from reconcile import Settings
from reconcile.consensus import REVISION, agree
from reconcile.model import Alignment, Finding, Link
from reconcile.pipeline import edition_from_text, prepare, reconcile_editions

TEXT = {
    "en": ["The conference opens on 12 March in the city hall.", "About 300 people registered.", "Registration closes soon."],
    "de": ["Die Konferenz beginnt am 10. März im Rathaus.", "Rund 300 Menschen haben sich angemeldet.", "Die Anmeldung endet bald."],
    "fr": ["La conférence s'ouvre le 10 mars à la mairie.", "Environ 300 personnes se sont inscrites.", "L'inscription se termine bientôt."],
    "ru": ["Конференция откроется 10 марта в мэрии.", "Зарегистрировались около 300 человек.", "Регистрация скоро завершится."],
}


def report(texts: dict[str, list[str]], pivot: str = "en"):
    editions = prepare([edition_from_text(lang, paragraphs) for lang, paragraphs in texts.items()])
    return reconcile_editions(editions, Settings(pivot=pivot))


def test_a_pivot_every_edition_contradicts_is_reported_once_and_neutrally():
    (finding,) = report(TEXT).findings
    assert (finding.kind, finding.lang, finding.pivot) == ("date_mismatch", "en", (1,))
    assert finding.message == ("the en edition differs from all others: en ¶1 has date 12 March, the others have "
                               f"de 10. März; fr 10 mars; ru 10 марта; {REVISION}")
    assert "every other edition differs" not in finding.message


def test_editions_that_lack_the_paragraph_do_not_count_against_pooling_or_for_agreement():
    texts = {**TEXT, "fr": TEXT["fr"][1:]}  # fr dropped the dated paragraph
    findings = {(f.kind, f.lang): f for f in report(texts).findings}
    pooled = findings[("date_mismatch", "en")]
    assert pooled.message.startswith("the en edition differs from all others: en ¶1 has date 12 March, the others "
                                     "have de 10. März; ru 10 марта")
    assert findings[("missing", "fr")].message.endswith("(de, ru agree with the pivot)")


def test_agreement_is_named_only_for_editions_with_the_paragraph_and_no_finding_on_it():
    texts = {**TEXT, "fr": ["La conférence s'ouvre le 12 mars à la mairie.", *TEXT["fr"][1:]]}
    findings = {f.lang: f for f in report(texts).findings}
    assert findings["de"].message.endswith("(fr agrees with the pivot; ru differs in the same way)")
    assert findings["ru"].message.endswith("(fr agrees with the pivot; de differs in the same way)")


def test_without_alignments_agreement_falls_back_to_the_findings():
    """Callers that pass no alignments (the old signature) still get a consistent answer."""
    editions = prepare([edition_from_text(lang, TEXT[lang]) for lang in ("en", "de", "fr", "ru")])
    finding = Finding("number_mismatch", "error", "de", (2,), (2,), "de ¶2: expected 300, found 30", 0.9,
                      expected=("300",), found=("30",))
    (out,) = agree(editions[0], editions[1:], [finding])
    assert out.message.endswith("(fr, ru agree with the pivot)") and out.confidence == 0.94
    links = (Link((1,), (1,), 1.0), Link((2,), (), 0.5), Link((3,), (2,), 1.0))
    alignments = [Alignment("fr", links), Alignment("ru", tuple(Link((n,), (n,), 1.0) for n in (1, 2, 3)))]
    (out,) = agree(editions[0], editions[1:], [finding], alignments)
    assert out.message.endswith("(ru agrees with the pivot)")  # fr has no counterpart of en ¶2


# --- a truncated edition as long as the others' renderings ---------------------------------------------------

FILLER = ["Second paragraph.", "Third paragraph.", "Fourth paragraph.", "Fifth paragraph."]


def _shares_case(lengths: dict[str, int], flagged: tuple[str, ...] = ("de",)):
    """A pivot (en) whose first paragraph is 200 characters, editions whose first is ``lengths[lang]`` long,
    linked one to one with ratio 1.0, and a ``truncated`` error on each edition in ``flagged``."""
    texts = {"en": ["x" * 199 + ".", *FILLER], **{lang: ["y" * (n - 1) + ".", *FILLER] for lang, n in lengths.items()}}
    editions = prepare([edition_from_text(lang, paragraphs) for lang, paragraphs in texts.items()])
    alignments = [Alignment(lang, tuple(Link((n,), (n,), 0.9) for n in range(1, 6)), 1.0) for lang in lengths]
    findings = [Finding("truncated", "error", lang, (1,), (1,), f"{lang} ¶1 is {lengths[lang] / 200:.0%} of the "
                        "length expected from en ¶1", 0.8, signals=("length", "sentences")) for lang in flagged]
    return {f.lang: f for f in agree(editions[0], editions[1:], findings, alignments)}


def test_a_truncated_edition_as_long_as_the_others_is_the_pivot_being_long():
    found = _shares_case({"de": 150, "fr": 160, "ru": 165})
    assert found["de"].severity == "info"
    assert found["de"].message.endswith("; the others are as short (fr 80%, ru 82% of the expected length): "
                                        "the en paragraph is the long one")


def test_a_truncated_edition_shorter_than_the_others_stays_an_error():
    found = _shares_case({"de": 150, "fr": 190, "ru": 200})  # 150 < 0.9 × 195
    assert found["de"].severity == "error"
    assert found["de"].message.endswith("(fr, ru agree with the pivot)")


def test_one_witness_is_not_enough_and_a_truncated_one_is_no_witness():
    assert _shares_case({"de": 150, "fr": 160})["de"].severity == "error"
    both = _shares_case({"de": 150, "fr": 160, "ru": 165}, flagged=("de", "fr"))
    assert both["de"].severity == both["fr"].severity == "error"


def test_a_sentence_the_semantic_signal_finds_left_out_stays_an_error():
    """The semantic route finds sentences left out of paragraphs of about their expected length: the others'
    being as short says nothing against it."""
    from dataclasses import replace

    editions = prepare([edition_from_text(lang, ["x" * 199 + ".", *FILLER]) for lang in ("en", "de", "fr", "ru")])
    alignments = [Alignment(lang, tuple(Link((n,), (n,), 0.9) for n in range(1, 6)), 1.0) for lang in ("de", "fr", "ru")]
    finding = Finding("truncated", "error", "de", (1,), (1,), "de ¶1 lost a sentence", 0.8,
                      signals=("length", "sentences", "semantic"))
    (out,) = agree(editions[0], editions[1:], [finding], alignments)
    assert out.severity == "error"
    (out,) = agree(editions[0], editions[1:], [replace(finding, signals=("length", "sentences"))], alignments)
    assert out.severity == "info"
