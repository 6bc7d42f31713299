"""What a team has decided to accept: inline waivers, severity per kind, a baseline.

- A waiver is an HTML comment before a paragraph in any edition file,
  ``<!-- reconcile: ignore number_mismatch -->`` (kinds comma-separated; none:
  all kinds). It excuses findings that involve that paragraph.
- Severity overrides (``[severity]`` in the config) change a kind's level or
  turn it off.
- A baseline records today's findings so later runs report only new ones.
  Entries are keyed on content, a fingerprint of the paragraphs involved (their
  text, not their numbers), so re-paragraphing elsewhere in the statement does
  not reset them. An entry may carry a ``reason`` and an ``expires`` date;
  expired entries stop hiding their finding, and entries that match nothing
  any more are reported as stale.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import cast

from .errors import ConfigError, InputError, shown
from .fingerprint import fingerprints
from .model import Finding, Report, Severity
from .reading import read_bytes

BASELINE_VERSION = 1


def waive(report: Report) -> Report:
    """Drop findings excused by a waiver comment on a paragraph they involve."""
    waivers = {(e.lang, p.n): set(p.waivers) for e in report.editions for p in e.paragraphs if p.waivers}
    if not waivers:
        return report

    def excused(f: Finding) -> bool:
        places = [(report.pivot, n) for n in f.pivot] + [(f.lang, n) for n in f.edition]
        return any(f.kind in waivers.get(place, ()) or "all" in waivers.get(place, ()) for place in places)

    kept = tuple(f for f in report.findings if not excused(f))
    return replace(report, findings=kept, suppressed=report.suppressed + len(report.findings) - len(kept))


def set_severity(report: Report, levels: dict[str, str]) -> Report:
    """Apply the configured level per kind; ``off`` removes the kind."""
    if not levels:
        return report
    findings = tuple(replace(f, severity=cast(Severity, levels.get(f.kind, f.severity))) for f in report.findings
                     if levels.get(f.kind) != "off")
    return replace(report, findings=findings)


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    statement: str
    kind: str
    lang: str
    message: str
    reason: str = ""
    expires: str | None = None

    def expired(self, today: datetime.date) -> bool:
        return self.expires is not None and datetime.date.fromisoformat(self.expires) < today


_REQUIRED = ("fingerprint", "statement", "kind", "lang", "message")
MAX_BASELINE_BYTES = 50 * 1024 * 1024


def _entry(item: object, index: int) -> Entry:
    """One baseline entry, every field checked; a TypeError or ValueError says which entry and field is wrong."""
    if not isinstance(item, dict):
        raise TypeError(f"entry {index} is {type(item).__name__}, expected an object")
    unknown = sorted(set(item) - {f.name for f in fields(Entry)})
    if unknown:
        raise ValueError(f"entry {index} has unknown field {unknown[0]!r}")
    for name in _REQUIRED:
        if not isinstance(item.get(name), str):
            raise TypeError(f"entry {index}: {name} must be a string, found {type(item.get(name)).__name__}")
    if not isinstance(item.get("reason", ""), str):
        raise TypeError(f"entry {index}: reason must be a string")
    expires = item.get("expires")
    if expires is not None:
        if not isinstance(expires, str):
            raise TypeError(f"entry {index}: expires must be a date written \"2026-03-31\", or null")
        try:
            datetime.date.fromisoformat(expires)
        except ValueError:
            raise ValueError(f"entry {index}: expires {expires[:40]!r} is not a date written \"2026-03-31\"") from None
    return Entry(**item)


def read_baseline(path: Path) -> list[Entry]:
    """Entries of a baseline file; anything else (a folder, a device, a JSON array…) is a config error naming it."""
    try:
        data = json.loads(read_bytes(path, MAX_BASELINE_BYTES).decode("utf-8"))
    except InputError as exc:
        if exc.problem == "no such file":
            raise ConfigError(f"{shown(path)}: baseline file not found (write one with --write-baseline)") from None
        raise ConfigError(f"{shown(path)}: cannot be read as a baseline ({exc.problem})") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise ConfigError(f"{shown(path)}: not a reconcile baseline (not JSON: {str(exc)[:80]})") from None
    try:
        if not isinstance(data, dict):
            raise TypeError(f"a JSON {type(data).__name__}, expected an object with schema_version and entries")
        if data.get("schema_version") != BASELINE_VERSION:
            raise ValueError(f"schema_version {str(data.get('schema_version'))[:20]!r}, expected {BASELINE_VERSION}")
        if not isinstance(data.get("entries"), list):
            raise TypeError("entries must be a list")
        return [_entry(item, index) for index, item in enumerate(data["entries"], start=1)]
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{shown(path)}: not a reconcile baseline ({exc})") from None


def baseline_json(reports: Iterable[Report], keep: list[Entry] | None = None) -> str:
    """Today's findings as baseline entries, for writing over ``keep`` (the file as it was).

    A hand-written ``reason`` and ``expires`` of an entry whose finding is
    still there survive; entries of statements not checked in this run are
    kept as they were (a run over part of a repository does not forget the
    rest); entries of checked statements that match nothing any more go.
    """
    reports = list(reports)
    previous = {e.fingerprint: e for e in keep or []}
    entries = []
    for report in reports:
        for finding, key in zip(report.findings, fingerprints(report)):
            old = previous.get(key)
            entries.append({"fingerprint": key, "statement": report.name, "kind": finding.kind,
                            "lang": finding.lang, "message": finding.message,
                            "reason": old.reason if old else "", "expires": old.expires if old else None})
    checked, seen = {r.name for r in reports}, {e["fingerprint"] for e in entries}
    entries += [asdict(e) for e in keep or [] if e.statement not in checked and e.fingerprint not in seen]
    unique = list({e["fingerprint"]: e for e in entries}.values())
    return json.dumps({"schema_version": BASELINE_VERSION, "entries": unique}, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    reports: list[Report]
    stale: list[Entry]
    expired: list[Entry]


def apply_baseline(reports: list[Report], entries: list[Entry], today: datetime.date) -> BaselineOutcome:
    """Hide findings the baseline accepts (unless expired); report entries that matched nothing."""
    live = {e.fingerprint: e for e in entries if not e.expired(today)}
    used: set[str] = set()
    out = []
    for report in reports:
        kept = []
        for finding, key in zip(report.findings, fingerprints(report)):
            if key in live:
                used.add(key)
            else:
                kept.append(finding)
        out.append(replace(report, findings=tuple(kept), suppressed=report.suppressed + len(report.findings) - len(kept)))
    checked = {r.name for r in reports}  # an entry of a statement not checked this run is not stale
    stale = [e for e in entries if e.fingerprint not in used and not e.expired(today) and e.statement in checked]
    return BaselineOutcome(out, stale, [e for e in entries if e.expired(today)])
