"""Findings → one plain sentence each, for people reading the HTML report.

The pipeline's messages are written for a terminal and a log; a report is read
by editors who do not know anchor keys (``num:1992``) or finding kinds. These
sentences are built from the finding's fields: values and quotations carry
their edition's ``lang`` (so a screen reader switches voice), quotations get
one pair of quote marks (none added when the text already starts with one),
and a value never reads "nothing".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from .locales import language_name
from .model import Finding, Link, Report

_QUOTES = "\"'«»“”„‘’‚‹›"
_SHARE = re.compile(r"(\d+)% of the length")
WHAT = {"number_mismatch": "figure", "date_mismatch": "date", "name_mismatch": "name"}


def ref(lang: str, numbers: Sequence[int]) -> str:
    """ "de ¶10", "de ¶5–6", "ru ¶3, ¶7" (paragraph numbers as in the JSON report).

    >>> ref("de", [5, 6]), ref("ru", [3, 7]), ref("en", [])
    ('de ¶5–6', 'ru ¶3, ¶7', 'en')
    """
    if not numbers:
        return lang
    if len(numbers) > 1 and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"{lang} ¶{numbers[0]}–{numbers[-1]}"
    return f"{lang} " + ", ".join(f"¶{n}" for n in numbers)


def listing(items: Sequence[Markup | str]) -> Markup:
    """ "a", "a and b", "a, b and c", every item escaped unless it is markup already."""
    items = [escape(item) for item in items]
    if len(items) <= 1:
        return Markup("").join(items)
    return Markup(", ").join(items[:-1]) + Markup(" and ") + items[-1]


def value(text: str, lang: str | None) -> Markup:
    """A figure, date or name as written, in its edition's language."""
    if lang:
        return Markup('<b class="value" lang="{}">{}</b>').format(lang, text)
    return Markup('<b class="value">{}</b>').format(text)


def quotation(text: str, lang: str) -> Markup:
    """An excerpt of edition text in one pair of quote marks."""
    inner = Markup('<span class="excerpt" lang="{}">{}</span>').format(lang, text)
    return inner if text[:1] in _QUOTES else Markup("“") + inner + Markup("”")


def agreeing(finding: Finding, report: Report) -> list[str]:
    """Other editions with no finding of this kind on these pivot paragraphs: they side with the reference."""
    if finding.lang == report.pivot or not finding.pivot:
        return []
    flagged = {f.lang for f in report.findings if f.kind == finding.kind and f.pivot == finding.pivot}
    return [e.lang for e in report.editions if e.lang not in (report.pivot, finding.lang) and e.lang not in flagged]


def explain(finding: Finding, report: Report) -> Markup:
    """The finding in plain words; a kind this module does not know keeps its own message."""
    build = _BUILDERS.get(finding.kind)
    if build is None:
        return escape(finding.message)
    text = _stop(build(finding, report))
    support = agreeing(finding, report)
    if support and finding.kind not in ("moved", "split", "merge"):
        verb = "agrees" if len(support) == 1 else "agree"
        text += Markup(" ({} {} with the reference edition.)").format(listing(support), verb)
    return text


def _stop(text: Markup) -> Markup:
    """End a sentence with one full stop, not a second one after "90 тыс." or "…"."""
    return text if text.striptags().endswith((".", "…", "!", "?")) else text + Markup(".")


def _missing(f: Finding, r: Report) -> Markup:
    excerpt = Markup(": ") + quotation(f.expected[0], r.pivot) if f.expected else Markup("")
    return Markup("{} has no counterpart in the {} edition{}").format(
        ref(r.pivot, f.pivot), language_name(f.lang), excerpt)


def _extra(f: Finding, r: Report) -> Markup:
    lang, numbers = (r.pivot, f.pivot) if f.lang == r.pivot else (f.lang, f.edition)
    excerpt = Markup(": ") + quotation(f.found[0], lang) if f.found else Markup("")
    where = "in any other edition" if f.lang == r.pivot else f"in the {language_name(r.pivot)} reference edition"
    return Markup("{} has no counterpart {}{}").format(ref(lang, numbers), where, excerpt)


def _values(values: Sequence[str], lang: str | None) -> Markup:
    return listing([value(v, lang) for v in values])


def _mismatch(f: Finding, r: Report) -> Markup:
    what = WHAT.get(f.kind, "value")
    plural = "s" if max(len(f.expected), len(f.found)) > 1 else ""
    if f.lang == r.pivot:  # every other edition disagrees with the reference
        return Markup("{} gives {}, where every other edition has something else: {}").format(
            ref(r.pivot, f.pivot), _values(f.found, r.pivot), _values(f.expected, None))
    mine, theirs = ref(f.lang, f.edition), ref(r.pivot, f.pivot)
    if f.expected and f.found:
        return Markup("{} gives {} where {} gives {}").format(
            mine, _values(f.found, f.lang), theirs, _values(f.expected, r.pivot))
    if f.found:
        return Markup("{} gives the {}{} {}, which {} does not give.").format(
            mine, what, plural, _values(f.found, f.lang), theirs)
    return Markup("{} does not give the {}{} {} of {}").format(mine, what, plural, _values(f.expected, r.pivot), theirs)


def _untranslated(f: Finding, r: Report) -> Markup:
    """``found`` holds the code of the language the paragraph is in ("other": a script none of the five uses)."""
    found = f.found[0] if f.found else ""
    if found == "other":
        because = ": it is written in a script none of the five languages uses"
    elif found == r.pivot:
        because = f": it is in {language_name(found)}, the language of the reference edition"
    else:
        because = f": it reads as {language_name(found)}" if found else ""
    return Markup("{} is not in {}{} (its counterpart is {}).").format(
        ref(f.lang, f.edition), language_name(f.lang), because, ref(r.pivot, f.pivot))


def _truncated(f: Finding, r: Report) -> Markup:
    share = _SHARE.search(f.message)
    size = f", {share[1]} % of the length expected" if share else ""
    text = Markup("{} is shorter than {}{}").format(ref(f.lang, f.edition), ref(r.pivot, f.pivot), size)
    if not f.expected:
        return text
    noun, verb = ("this sentence", "has") if len(f.expected) == 1 else ("these sentences", "have")
    return text + Markup("; {} of {} {} no counterpart: {}").format(
        noun, ref(r.pivot, f.pivot), verb, listing([quotation(s, r.pivot) for s in f.expected[:3]]))


def _link(f: Finding, r: Report) -> Link | None:
    alignment = next((a for a in r.alignments if a.lang == f.lang), None)
    return next((l for l in alignment.links if l.pivot == f.pivot and l.moved), None) if alignment else None


def _moved(f: Finding, r: Report) -> Markup:
    link = _link(f, r)
    pivot = next(e for e in r.editions if e.lang == r.pivot)
    surfaces = {str(a.key): a for p in pivot.paragraphs if p.n in f.pivot for a in p.anchors}
    shared = [surfaces[key] for key in (link.evidence if link else ()) if key in surfaces]
    if shared:
        why = Markup("both mention {}").format(_values(list(dict.fromkeys(a.surface for a in shared)), r.pivot))
    else:
        why = Markup("they share many words")
    return Markup("{} appears out of order, as {}; they were paired because {}.").format(
        ref(r.pivot, f.pivot), ref(f.lang, f.edition), why)


def _split(f: Finding, r: Report) -> Markup:
    return Markup("{} is split into {}: nothing is lost.").format(ref(r.pivot, f.pivot), ref(f.lang, f.edition))


def _merge(f: Finding, r: Report) -> Markup:
    return Markup("{} are merged into {}: nothing is lost.").format(ref(r.pivot, f.pivot), ref(f.lang, f.edition))


_BUILDERS = {"missing": _missing, "extra": _extra, "number_mismatch": _mismatch, "date_mismatch": _mismatch,
             "name_mismatch": _mismatch, "untranslated": _untranslated, "truncated": _truncated,
             "moved": _moved, "split": _split, "merge": _merge}
