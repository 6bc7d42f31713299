"""Plain words for the names the pipeline uses: one table for every renderer that speaks to people.

Finding kinds, severities and anchor kinds are identifiers in JSON, SARIF and
config files (``number_mismatch``); readers of a report or a pull-request
comment get these labels instead. A kind added later without a label still
reads as words.

>>> kind_label("number_mismatch"), kind_label("brand_new_kind")
('Figure differs', 'Brand new kind')
>>> language_name("de"), language_name("xx")
('German', 'xx')
"""

from __future__ import annotations

from functools import cache

# The titles of i13-robust's ``kinds.py`` (SARIF rules, help text), word for word, so the two
# tables can become one when the branches meet.
KIND_LABELS: dict[str, str] = {
    "missing": "Missing paragraph",
    "extra": "Extra paragraph",
    "number_mismatch": "Figure differs",
    "date_mismatch": "Date differs",
    "number_format": "Figure in another locale's format",
    "untranslated": "Untranslated paragraph",
    "truncated": "Truncated paragraph",
    "moved": "Paragraph moved",
    "name_mismatch": "Name differs",
    "split": "Paragraph split",
    "merge": "Paragraphs merged",
}

# What each kind means, in a sentence (report legends, SARIF rule help).
KIND_HELP: dict[str, str] = {
    "missing": "A paragraph of the reference edition has no counterpart in this edition.",
    "extra": "A paragraph of this edition has no counterpart in the reference edition.",
    "number_mismatch": "A figure differs from the reference edition's, or is stated on one side only.",
    "date_mismatch": "A date, year or time differs from the reference edition's, or is stated on one side only.",
    "number_format": "A figure agrees with the reference edition only when read in another locale's convention.",
    "untranslated": "The paragraph is not in this edition's language (for example, it is the reference text).",
    "truncated": "The paragraph is much shorter than its counterpart, or sentences of the counterpart are lost.",
    "moved": "The paragraph is there, but out of order.",
    "name_mismatch": "An organisation or a name is replaced by another, or misspelt.",
    "split": "One paragraph is rendered as several: faithful, noted so the rows make sense.",
    "merge": "Several paragraphs are rendered as one: faithful, noted so the rows make sense.",
}

SEVERITY_LABELS: dict[str, str] = {"error": "Error", "warning": "Warning", "info": "Note"}
SEVERITY_PLURALS: dict[str, str] = {"error": "errors", "warning": "warnings", "info": "notes"}

VERDICT_LABELS: dict[str, str] = {"fail": "fail", "warn": "pass with warnings", "pass": "pass"}

FURNITURE = "page furniture (menus, date lines, share links), not part of the statement"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or kind.replace("_", " ").capitalize()


@cache
def language_name(code: str) -> str:
    """The English name of a language code, from CLDR (Babel); the code itself when unknown."""
    from babel import Locale

    return str(Locale("en").languages.get(code.split("-")[0].lower(), code))
