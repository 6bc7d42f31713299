"""A finding's identity from content, shared by the baseline (``policy``) and SARIF (``render_sarif``).

Both must agree, or a finding accepted in the baseline would reappear in
code scanning under another key.
"""

from __future__ import annotations

import hashlib

from .model import Report
from .text import plain


def fingerprints(report: Report) -> list[str]:
    """Each finding's identity from content: kind, edition and the text of the paragraphs concerned.

    Not the paragraph numbers, so re-paragraphing elsewhere keeps the identity.
    """
    texts = {(e.lang, p.n): plain(p.norm) for e in report.editions for p in e.paragraphs}
    keys = []
    for finding in report.findings:
        parts = [finding.kind, finding.lang]
        parts += [texts.get((report.pivot, n), "") for n in finding.pivot]
        parts += ["|"] + [texts.get((finding.lang, n), "") for n in finding.edition]
        parts += ["|"] + list(finding.expected) + ["|"] + list(finding.found)
        keys.append(hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24])
    return keys
