from __future__ import annotations

import pytest

from reconcile.pipeline import edition_from_text
from reconcile.segment import segment, split_sentences


@pytest.mark.parametrize("text, count", [
    ("One. Two! Three?", 3),
    ("Mr. Smith met Dr. Jones.", 1),
    ("Он сказал: «Да». Потом ушёл.", 2),
    ("Am 9. November 2020 unterzeichnet. Danach nicht.", 2),
    ("The U.S. Army left. Then peace.", 2),
    ("No final stop", 1),
])
def test_split_sentences_counts(text, count):
    assert len(split_sentences(text, "de" if "November" in text else "")) == count


def test_segment_skips_chrome():
    edition = segment(edition_from_text("en", ["20 November 2020", "One. Two."]))
    assert edition.paragraphs[0].chrome and edition.paragraphs[0].sentences == ()
    assert edition.paragraphs[1].sentences == ("One.", "Two.")


def test_cjk_full_stops_end_sentences():
    assert split_sentences("约有9万人离开。其中4.5万人是儿童！他们需要帮助吗？是的。") == \
        ("约有9万人离开。", "其中4.5万人是儿童！", "他们需要帮助吗？", "是的。")
    assert split_sentences("「はい。」と彼は言った。") == ("「はい。」と彼は言った。",)
    assert split_sentences("「はい。」「いいえ。」") == ("「はい。」", "「いいえ。」")
