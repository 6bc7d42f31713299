"""The long fuzzing campaign: random cases in real processes, time and peak memory measured per run.

    python tests/fuzz_campaign.py --seconds 600 --workers 2 [--seed 1] [--save tests/fuzz_cases]

Each case (``fuzzing.generate``) runs as ``python -m reconcile …`` in its own
folder, killed after 40 s; its peak resident memory comes from ``wait4``
(through GNU time: the process and the workers it waited for). A case that breaks a rule
(exit code outside 0/1/2, a traceback or internal error, over 20 s, an input
changed, a failed run that wrote something) is saved with its seed. The
summary (counts, exit codes, worst time and memory with their seeds) is
printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzing import (
    MAX_SECONDS,
    Case,
    Verdict,
    generate,
    judge,
    materialise,
    save,
    snapshot,
)

KILL_AFTER = 2 * MAX_SECONDS
TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time, for a child's own peak memory


def run_in_subprocess(case: Case, root: Path) -> Verdict:
    """One case as a real process; wall time, exit code and peak RSS (MB).

    The peak comes from GNU time, which forks a tiny process that execs
    Python: Linux carries a process's peak RSS across exec, so measuring a
    child forked straight from this (large) harness would report the
    harness's own memory.
    """
    argv = materialise(case, root)
    before = snapshot(root)
    side = {suffix: root.parent / f"{root.name}.{suffix}" for suffix in ("stdin", "out", "err", "time")}
    side["stdin"].write_bytes(case.stdin)
    command = [sys.executable, "-m", "reconcile", *argv]
    if TIME:
        command = [TIME, "-f", "%M %x", "-o", str(side["time"]), *command]
    with open(side["stdin"], "rb") as stdin, open(side["out"], "wb") as stdout, open(side["err"], "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, stdin=stdin, stdout=stdout, stderr=stderr,
                                   start_new_session=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        try:
            process.wait(timeout=KILL_AFTER)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        seconds = time.perf_counter() - started
    code, peak_kb = _status(process.returncode, side["time"])
    err = side["err"].read_text("utf-8", errors="replace")
    problems = judge(code, err, seconds, before, snapshot(root), case.argv)
    if code is None:
        problems.append(f"killed after {seconds:.1f} s")
    return Verdict(code, seconds, problems, peak_kb / 1024)


def _status(returncode: int, report: Path) -> tuple[int | None, float]:
    """(exit code or None if killed, peak RSS in KB) from GNU time's report, else from the return code alone."""
    if not TIME:
        return (returncode if returncode >= 0 else None), 0.0
    lines = report.read_text("utf-8", errors="replace").split("\n") if report.exists() else []
    fields = lines[-2].split() if len(lines) >= 2 else []  # "Command terminated by signal 9" may come first
    if len(fields) == 2 and fields[0].isdigit():
        code = int(fields[1]) if fields[1].lstrip("-").isdigit() else None
        killed = any("terminated by signal" in line for line in lines)
        return (None if killed else code), float(fields[0])
    return None, 0.0


def worker(index: int, workers: int, first: int, deadline: float, scratch: Path, results: list) -> None:
    seed = first + index
    while time.monotonic() < deadline:
        case = generate(seed)
        root = scratch / str(seed)
        root.mkdir(parents=True)
        try:
            verdict = run_in_subprocess(case, root)
        except Exception as exc:  # noqa: BLE001  # the harness itself: recorded, never hidden
            verdict = Verdict(None, 0.0, [f"harness: {type(exc).__name__}: {exc}"])
        results.append((seed, case, verdict))
        shutil.rmtree(root, ignore_errors=True)
        for suffix in (".stdin", ".out", ".err"):
            (scratch / f"{seed}{suffix}").unlink(missing_ok=True)
        seed += workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--save", type=Path, default=None, help="keep failing cases here (default: print only)")
    args = parser.parse_args()
    first = args.seed * 1_000_000
    results: list = []
    deadline = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory(prefix="reconcile-fuzz-") as scratch:
        threads = [threading.Thread(target=worker, args=(i, args.workers, first, deadline, Path(scratch), results))
                   for i in range(args.workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    failures = [(seed, case, v) for seed, case, v in results if v.problems]
    for seed, case, verdict in failures:
        where = save(case, args.save, verdict.problems) if args.save else "not saved"
        print(f"FAIL seed {seed}: {verdict.problems} ({where})", file=sys.stderr)
    times = [v.seconds for _, _, v in results]
    slowest = max(results, key=lambda r: r[2].seconds)
    biggest = max(results, key=lambda r: r[2].peak_mb)
    summary = {
        "seconds": args.seconds, "workers": args.workers, "first_seed": first, "runs": len(results),
        "exit_codes": dict(sorted(Counter(str(v.code) for _, _, v in results).items())),
        "failures": len(failures),
        "time_s": {"median": round(statistics.median(times), 3), "max": round(slowest[2].seconds, 2),
                   "max_seed": slowest[0], "max_argv": slowest[1].argv},
        "peak_rss_mb": {"median": round(statistics.median(v.peak_mb for _, _, v in results), 1),
                        "max": round(biggest[2].peak_mb, 1), "max_seed": biggest[0], "max_argv": biggest[1].argv},
        "commands": dict(Counter(c.argv[0] for _, c, _ in results)),
    }
    print(json.dumps(summary, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
