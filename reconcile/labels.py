"""Plain words for the names the pipeline uses: one place for every renderer that speaks to people.

Finding kinds, severities and anchor kinds are identifiers in JSON, SARIF and
config files (``number_mismatch``); readers of a report or a pull-request
comment get these labels instead. What a finding kind is called and means is
described once, in ``kinds.KINDS``; a kind added later without an entry still
reads as words.

>>> kind_label("number_mismatch"), kind_label("brand_new_kind")
('Figure differs', 'Brand new kind')
"""

from __future__ import annotations

from .kinds import describe

SEVERITY_LABELS: dict[str, str] = {"error": "Error", "warning": "Warning", "info": "Note"}

VERDICT_LABELS: dict[str, str] = {"fail": "fail", "warn": "pass with warnings", "pass": "pass"}

FURNITURE = "page furniture (menus, date lines, share links), not part of the statement"


def kind_label(kind: str) -> str:
    """A finding kind's title ("Figure differs")."""
    return describe(kind).title


def kind_legend(kind: str) -> str:
    """The sentence the report's legend shows for a kind; "" for a kind without an entry."""
    return describe(kind).legend
