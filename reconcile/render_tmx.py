"""Aligned rows → TMX 1.4, one translation unit per row, so the alignment can feed translation memories.

Only rows where the pivot and at least one other edition have text become
units; page furniture is left out. A unit's ``tuid`` is the statement and row.

A translation memory is reused without a second look, so what the checks
call an error must not enter it as a translation: by default the variant of
an edition with an error finding in that row (an untranslated paragraph, a
changed figure, a truncated paragraph) is left out, and so is the whole unit
when the error is the pivot's or fewer than two variants remain. With
``include_flagged`` they are kept, each marked with a
``<prop type="x-reconcile-finding">``; warnings are always kept, marked
the same way (notes such as a faithful split are not marked).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .explain import explain
from .model import Finding, Report, Row
from .rows import concerns
from .text import plain
from .version import __version__

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FINDING_PROP = "x-reconcile-finding"


def render_tmx(reports: Sequence[Report], include_flagged: bool = False) -> str:
    pivots = {r.pivot for r in reports}
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", creationtool="reconcile", creationtoolversion=__version__,
                              segtype="paragraph", **{"o-tmf": "reconcile"}, adminlang="en",
                              srclang=pivots.pop() if len(pivots) == 1 else "*all*", datatype="plaintext")
    etree.SubElement(header, "prop", type="x-reconcile-errors").text = \
        "kept, marked with x-reconcile-finding" if include_flagged else "left out"
    body = etree.SubElement(root, "body")
    for report in reports:
        texts = {e.lang: {p.n: plain(p.norm) for p in e.paragraphs} for e in report.editions}
        for number, row in enumerate(report.rows, start=1):
            variants = _variants(report, row, include_flagged)
            if variants is None:
                continue
            unit = etree.SubElement(body, "tu", tuid=f"{report.name or 'statement'}#{number}")
            etree.SubElement(unit, "prop", type="x-confidence").text = f"{row.confidence:.2f}"
            for lang, cell, findings in variants:
                variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
                for finding in findings:
                    etree.SubElement(variant, "prop", type=FINDING_PROP).text = \
                        f"{finding.severity} {finding.kind}: {explain(finding, report).striptags()}"
                etree.SubElement(variant, "seg").text = " ".join(texts[lang][n] for n in cell)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                                 doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    return data.decode("utf-8")


def _variants(report: Report, row: Row, include_flagged: bool
              ) -> list[tuple[str, tuple[int, ...], list[Finding]]] | None:
    """The (language, paragraphs, findings) of a row's unit, or None when the row makes no unit."""
    if not row.cell(report.pivot):
        return None
    findings = [f for f in report.findings if concerns(f, row, report.pivot)]
    variants = []
    for lang, cell in row.cells:
        mine = [f for f in findings if f.lang == lang and f.severity != "info"]
        if not cell:
            continue
        if not include_flagged and any(f.severity == "error" for f in mine):
            if lang == report.pivot:
                return None
            continue
        variants.append((lang, cell, mine))
    return variants if len(variants) >= 2 else None
