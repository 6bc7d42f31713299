"""Reports cross the pipe from check's workers as small pickles that rebuild equal values."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

from reconcile import Settings, find_editions, reconcile
from reconcile.model import Anchor, Figure, Unit

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_a_report_comes_back_equal_and_smaller_than_field_by_field():
    report = reconcile(find_editions([SAMPLES / "divergent"]), Settings(pivot="ru"))
    blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(blob) == report
    paragraph = report.editions[0].paragraphs[1]
    assert pickle.loads(pickle.dumps(paragraph)) == paragraph


def test_an_anchor_keeps_every_field_that_is_not_at_its_default():
    plain = Anchor("number", Figure(Decimal(5)), "5")
    full = Anchor("number", Figure(Decimal(5)), "5 km", strong=False, readings=(Figure(Decimal("0.5")),),
                  unit=Unit("length", "km", 1.0), exponent=0, scaled=True)
    for anchor in (plain, full):
        assert pickle.loads(pickle.dumps(anchor)) == anchor
    assert len(pickle.dumps(plain)) < len(pickle.dumps(full))
