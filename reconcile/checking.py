"""``reconcile check`` as a library call: discover, configure, check in parallel, gate.

The CLI only parses options and prints; everything that decides lives here,
so a CI script can call ``run_check`` from Python as well.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .config import Config, find_config, load_config
from .discover import discover
from .errors import ConfigError, ReconcileError
from .ingest import ReadOptions
from .model import SEVERITY_RANK, Report, Settings
from .pipeline import CheckJob, check_statement
from .policy import apply_baseline, baseline_json, read_baseline, set_severity


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a check run produced: the rendered report, messages for stderr, the exit code."""

    reports: list[Report]
    text: str
    messages: list[str]
    exit_code: int
    baseline_text: str = ""


def _merge(config: Config, **overrides: object) -> Config:
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rreconcile: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} statements")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def check_all(jobs: list[CheckJob], workers: int, progress: bool) -> list[Report | ReconcileError]:
    """Run the jobs, in order, on ``workers`` processes when there is more than one statement."""
    results: list[Report | ReconcileError] = []
    with contextlib.ExitStack() as stack:
        if workers > 1 and len(jobs) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            outcomes = pool.map(_guarded_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
        else:
            outcomes = map(_guarded_job, jobs)
        for done, result in enumerate(outcomes, start=1):
            results.append(result)
            if progress:
                _progress(done, len(jobs))
    return results


def _guarded_job(job: CheckJob) -> Report | ReconcileError:
    try:
        return check_statement(job)
    except ReconcileError as exc:
        return exc


def render(reports: list[Report], fmt: str, warnings: list[str], fail_on: str, colour: bool) -> str:
    from .render_github import render_github
    from .render_json import render_json, render_jsonl
    from .render_junit import render_junit
    from .render_sarif import render_sarif
    from .render_text import render_check_text

    if fmt == "json":
        return render_json(reports[0] if len(reports) == 1 else reports)
    if fmt == "jsonl":
        return render_jsonl(reports)
    if fmt == "junit":
        return render_junit(reports, fail_on)
    if fmt == "sarif":
        return render_sarif(reports)
    if fmt == "github":
        return render_github(reports)
    return render_check_text(reports, warnings, colour)


@dataclass(frozen=True, slots=True)
class Gathered:
    """Reports of every statement found, after configuration, waivers and baseline."""

    reports: list[Report]
    warnings: list[str]
    notes: list[str]
    config: Config
    errors: list[str]


def gather(paths: Sequence[Path], *, pivot: str | None = None, langs: str | None = None,
           fail_on: str | None = None, jobs: int | None = None, config_path: Path | None = None,
           baseline: Path | None = None, use_baseline: bool = True, encoding: str | None = None,
           content_selector: str | None = None, max_bytes: int = 50 * 1024 * 1024,
           progress: bool = False, today: datetime.date | None = None, changed: bool = False) -> Gathered:
    """Discover, configure and check every statement: what ``check``, ``report`` and ``export`` share."""
    if config_path is not None and not config_path.is_file():
        raise ConfigError(f"--config {config_path}: no such file")
    config = load_config(config_path or find_config(Path.cwd()))
    wanted = tuple(l.strip() for l in langs.split(",") if l.strip()) if langs else None
    config = _merge(config, pivot=pivot, langs=wanted, fail_on=fail_on, jobs=jobs,
                    baseline=str(baseline) if baseline else None)
    statements = discover(paths, config.ignore, changed=changed)
    if not statements and not changed:  # a commit that touches no edition has nothing to check
        raise ConfigError(f"no statements found in {', '.join(map(str, paths))} "
                          "(editions are <lang>.<ext>, <name>.<lang>.<ext> or <root>/<lang>/<path>)")
    warnings = [f"{s.name}: only a {s.langs[0]} edition, nothing to compare it with; skipped"
                for s in statements if len(s.editions) < 2]
    statements = [s for s in statements if len(s.editions) >= 2]
    warnings += [f"{s.name}: no {', '.join(sorted(set(config.langs) - set(s.langs)))} edition"
                 for s in statements if config.langs and set(config.langs) - set(s.langs)]
    settings = Settings(truncation_ratio=config.truncation_ratio, name_threshold=config.name_threshold)
    options = ReadOptions(encoding, content_selector, max_bytes)
    work = [CheckJob(s.name, s.editions, config.pivot, config.langs, settings, options) for s in statements]
    results = check_all(work, config.jobs or os.cpu_count() or 1, progress)
    errors = [str(r) for r in results if isinstance(r, ReconcileError)]
    reports = [set_severity(r, config.severity) for r in results if isinstance(r, Report)]
    notes: list[str] = []
    if config.baseline and use_baseline and not errors:
        outcome = apply_baseline(reports, read_baseline(Path(config.baseline)), today or datetime.date.today())
        reports = outcome.reports
        notes += [f"warning: baseline entry {e.fingerprint} ({e.kind}, {e.lang}, {e.statement}) matches no "
                  f"finding any more: remove it" for e in outcome.stale
                  if not changed or e.statement in {r.name for r in reports}]
        notes += [f"warning: baseline entry {e.fingerprint} expired on {e.expires}: its finding is reported again"
                  for e in outcome.expired]
    return Gathered(reports, warnings, notes, config, errors)


def run_check(paths: Sequence[Path], *, fmt: str = "text", write_baseline: Path | None = None,
              colour: bool = False, **options: object) -> CheckResult:
    """Check every statement under ``paths``; see ``reconcile check --help`` for the options."""
    found = gather(paths, use_baseline=write_baseline is None, **options)  # type: ignore[arg-type]
    if found.errors:
        return CheckResult([], "", [f"error: {e}" for e in found.errors], 2)
    messages = ([f"warning: {w}" for w in found.warnings] if fmt != "text" else []) + found.notes
    threshold = SEVERITY_RANK.get(found.config.fail_on, 99)
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in found.reports for f in r.findings)
    text = render(found.reports, fmt, found.warnings, found.config.fail_on, colour)
    baseline_text = baseline_json(found.reports) if write_baseline is not None else ""
    code = 0 if write_baseline is not None else int(failing)
    return CheckResult(found.reports, text, messages, code, baseline_text)
