"""Aligned rows → TMX 1.4, one translation unit per row, so the alignment can feed translation memories.

Only rows where the pivot and at least one other edition have text become
units; page chrome is left out. A unit's ``tuid`` is the statement and row.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from . import __version__
from .ingest import plain
from .model import Report

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_tmx(reports: Sequence[Report]) -> str:
    pivots = {r.pivot for r in reports}
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="reconcile", creationtoolversion=__version__,
                     segtype="paragraph", **{"o-tmf": "reconcile"}, adminlang="en",
                     srclang=pivots.pop() if len(pivots) == 1 else "*all*", datatype="plaintext")
    body = etree.SubElement(root, "body")
    for report in reports:
        texts = {e.lang: {p.n: plain(p.norm) for p in e.paragraphs} for e in report.editions}
        for number, row in enumerate(report.rows, start=1):
            filled = [(lang, cell) for lang, cell in row.cells if cell]
            if len(filled) < 2 or not row.cell(report.pivot):
                continue
            unit = etree.SubElement(body, "tu", tuid=f"{report.name or 'statement'}#{number}")
            etree.SubElement(unit, "prop", type="x-confidence").text = f"{row.confidence:.2f}"
            for lang, cell in filled:
                variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
                etree.SubElement(variant, "seg").text = " ".join(texts[lang][n] for n in cell)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">').decode("utf-8")
