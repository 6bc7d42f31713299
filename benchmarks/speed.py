"""Speed benchmark: time per stage, cold CLI, corpus throughput, scaling with length.

    python benchmarks/speed.py [CORPUS_ROOT] [--quick] [--max-paragraphs 50000]
                               [--hunalign PATH] [--baseline DIR] [--hard-only]
                               [--check-only] [--check-runs 3]

Medians of repeated runs; the peers (NLTK's Gale–Church, hunalign) are timed
in the same run on the same inputs and reported as a ratio, since the machine
is shared and absolute times drift.

Two scaling series. The clean one joins corpus documents into one ru/en pair
with equal paragraph counts. The hard one joins Text+Berg's seven de-fr test
documents (991 / 1,011 sentences, one per line: editions that differ in
sentence count, with 1-2, 2-1 and 0-1 beads throughout) and repeats them 1×,
10× and 50×; each measurement is a child process (interpreter start, reading,
segmenting, anchors and alignment for reconcile; the whole run for hunalign),
timed with its wall and CPU time and peak RSS (``/usr/bin/time``, else
``os.wait4``). hunalign runs without a dictionary, from ``--hunalign PATH`` or
``$HUNALIGN`` (skipped with a message if absent); ``--baseline DIR`` adds
another checkout of reconcile (a before/after in the same run) to the hard
series and to the corpus check (``reconcile check`` on the clean corpora,
--jobs 1 and 2, runs alternating between the two checkouts).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.align import align_pair
from reconcile.anchors import annotate
from reconcile.diagnose import diagnose
from reconcile.ingest import load_edition, mark_shared_chrome
from reconcile.model import Settings
from reconcile.pipeline import find_editions, reconcile
from reconcile.render_json import render_json
from reconcile.segment import segment

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpus beside the checkout (or beside the folder of worktrees)
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
PEER_MAX = 2000
LANGS = ("ru", "en", "de", "es", "fr")


# The clean, five-language corpora (wmt_dev lacks Russian, wmt_dev_ruen has only ru/en).
CLEAN = ("ntrex", "flores", "udhr")


def corpora(corpus: Path) -> list[Path]:
    """The clean corpora under the corpus root, or every corpus there if it has none of them."""
    found = [corpus / name for name in CLEAN if (corpus / name).is_dir()]
    return found or sorted(c for c in corpus.iterdir() if c.is_dir())


def documents(corpus: Path) -> list[Path]:
    return sorted(p for c in corpora(corpus) for p in c.iterdir() if p.is_dir())


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def stages(folder: Path, repeat: int) -> dict[str, float]:
    """Median milliseconds per stage for one statement, all editions against ru."""
    sources = find_editions([folder])
    out: dict[str, float] = {}
    out["ingest"] = median_ms(lambda: mark_shared_chrome([load_edition(s.path, s.lang) for s in sources]), repeat)
    raw = mark_shared_chrome([load_edition(s.path, s.lang) for s in sources])
    out["segment"] = median_ms(lambda: [segment(e) for e in raw], repeat)
    segmented = [segment(e) for e in raw]
    out["anchors"] = median_ms(lambda: [annotate(e) for e in segmented], repeat)
    editions = [annotate(e) for e in segmented]
    pivot, others = editions[[e.lang for e in editions].index("ru")], [e for e in editions if e.lang != "ru"]
    out["align"] = median_ms(lambda: [align_pair(pivot, e) for e in others], repeat)
    alignments = [align_pair(pivot, e) for e in others]
    settings = Settings(pivot="ru")
    out["diagnose"] = median_ms(lambda: [diagnose(pivot, e, a, settings) for e, a in zip(others, alignments)], repeat)
    report = reconcile(sources, settings)
    out["render"] = median_ms(lambda: render_json(report), repeat)
    out["total"] = median_ms(lambda: reconcile(sources, settings), repeat)
    return out


def corpus_stage_medians(corpus: Path, limit: int) -> dict[str, float]:
    folders = documents(corpus)[:limit]
    rows = [stages(f, 3) for f in folders]
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]} if rows else {}


def html_throughput(repeat: int) -> tuple[float, float]:
    """MB/s reading the HTML sample pages (parse, choose content, strip chrome, normalise)."""
    pages = sorted((ROOT / "samples" / "html").rglob("*.html"))
    size = sum(p.stat().st_size for p in pages)
    seconds = median_ms(lambda: [load_edition(p, p.stem) for p in pages], repeat) / 1000
    return size / 2**20, size / 2**20 / seconds


def report_render(corpus: Path) -> tuple[str, int, float]:
    """Size and render time of the HTML report for the largest corpus document."""
    from reconcile.render_html import render_html

    largest = max(documents(corpus),
                  key=lambda p: sum(f.stat().st_size for f in p.glob("*.txt")))
    report = reconcile(find_editions([largest]), Settings(pivot="en"))
    start = time.perf_counter()
    page = render_html([report])
    return largest.name, len(page.encode("utf-8")), time.perf_counter() - start


def cold_cli(args: list[str], cwd: Path, repeat: int) -> float:
    compile_bytecode(cwd)
    return statistics.median(_wall_and_cpu(args, cwd)[0] for _ in range(repeat))


def corpus_check(corpus: Path, baseline: Path | None, runs: int) -> list[str]:
    """`reconcile check` on the corpus with --jobs 1 and 2, a cold CLI per run: medians of ``runs``, and with a
    baseline checkout its runs alternating with ours (load drifts alike for both) and the ratio."""
    statements = len(documents(corpus))
    command = ["check", *(str(c.resolve()) for c in corpora(corpus)), "--fail-on", "never", "-f", "jsonl"]
    roots = {"reconcile": ROOT, **({"baseline": baseline.resolve()} if baseline else {})}
    for root in roots.values():
        compile_bytecode(root)
    lines = []
    for jobs in (1, 2):
        seconds: dict[str, list[tuple[float, float]]] = {name: [] for name in roots}
        for _ in range(runs):
            for name, root in roots.items():  # `python -m reconcile` in a checkout runs that checkout
                seconds[name].append(_wall_and_cpu([*command, "--jobs", str(jobs)], root))
        wall, cpu = (statistics.median(run[k] for run in seconds["reconcile"]) for k in (0, 1))
        line = (f"`reconcile check` on the corpus, --jobs {jobs}: {wall:.2f} s (CPU {cpu:.2f} s), "
                f"{statements / wall:.1f} statements/s ({statements} statements, median of {runs})")
        if baseline:
            before, before_cpu = (statistics.median(run[k] for run in seconds["baseline"]) for k in (0, 1))
            line += (f"; baseline {before:.2f} s (CPU {before_cpu:.2f} s): {before / wall:.2f}× faster "
                     f"(CPU {before_cpu / cpu:.2f}×)")
        lines.append(line)
    return lines


def compile_bytecode(root: Path) -> None:
    """Compile a checkout's modules before timing cold runs, as installing a package does: with
    PYTHONDONTWRITEBYTECODE set, or a checkout never run before, every cold run would otherwise compile
    its sources again (about 50 ms), and the two checkouts of a before/after would not pay it alike."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "reconcile")], check=False,
                   capture_output=True)


def _wall_and_cpu(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its workers) of one cold CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reconcile", *args], cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def long_document(corpus: Path, lang: str, n: int) -> list[str]:
    """n paragraphs by concatenating corpus documents (the same order in every language)."""
    folders = documents(corpus)
    out: list[str] = []
    while len(out) < n:
        for folder in folders:
            out += [b.strip() for b in (folder / f"{lang}.txt").read_text("utf-8").split("\n\n") if b.strip()]
            if len(out) >= n:
                break
    return out[:n]


def gale_church_seconds(left: list[str], right: list[str]) -> float | None:
    try:
        from nltk.translate.gale_church import align_blocks
    except ImportError:
        return None
    start = time.perf_counter()
    align_blocks([len(t) for t in left], [len(t) for t in right])
    return time.perf_counter() - start


_CHILD = """
import sys, time, json
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from speed import long_document
from pathlib import Path
from reconcile.align import align_pair
from reconcile.pipeline import edition_from_text, prepare
n = {n}
left_text, right_text = long_document(Path({corpus!r}), "ru", n), long_document(Path({corpus!r}), "en", n)
del right_text[n // 2]
def high_water_kb():  # VmHWM: this process's peak RSS (ru_maxrss would inherit the parent's across exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
import gc; gc.collect()
before = high_water_kb()
start = time.perf_counter()
left = prepare([edition_from_text("ru", left_text)])[0]
right = prepare([edition_from_text("en", right_text)])[0]
prepared = time.perf_counter()
alignment = align_pair(left, right)
aligned = time.perf_counter()
peak = high_water_kb()
missing = [list(l.pivot) for l in alignment.links if not l.edition]
print(json.dumps({{"prepare_s": prepared - start, "align_s": aligned - prepared, "total_s": aligned - start,
                  "peak_mb": peak / 1024, "added_mb": (peak - before) / 1024, "found_drop": missing == [[n // 2 + 1]]}}))
"""


def scaling(corpus: Path, sizes: list[int]) -> list[dict[str, float]]:
    """Each size in a fresh process: wall time without profiler overhead, and peak RSS."""
    import json

    rows = []
    for n in sizes:
        code = _CHILD.format(root=str(ROOT), bench=str(Path(__file__).resolve().parent), corpus=str(corpus), n=n)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        row = {"paragraphs": n, **json.loads(result.stdout.strip().splitlines()[-1])}
        # NLTK's Gale–Church fills the whole n×m table: quadratic, and it refuses over 4,000 blocks.
        row["peer_s"] = gale_church_seconds(long_document(corpus, "ru", n), long_document(corpus, "en", n)[:-1]) \
            if n <= PEER_MAX else None
        rows.append(row)
    return rows


def exponent(rows: list[dict[str, float]], key: str) -> float:
    xs = [math.log(r["paragraphs"]) for r in rows]
    ys = [math.log(max(r[key], 1e-9)) for r in rows]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


HARD_REPEATS = (1, 10, 50)
TEXTBERG = next((p / "shared" / "textberg" for p in ROOT.parents if (p / "shared" / "textberg").is_dir()),
                ROOT.parent / "shared" / "textberg")

_HARD_CHILD = """
import json, sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
from reconcile.align import align_pair
from reconcile.pipeline import edition_from_text, prepare
imported = time.perf_counter()
def lines(name):
    return open({folder!r} + "/" + name, encoding="utf-8").read().rstrip("\\n").split("\\n")
pivot, edition = prepare([edition_from_text("de", lines("de.txt")), edition_from_text("fr", lines("fr.txt"))])
prepared = time.perf_counter()
links = align_pair(pivot, edition).links
aligned = time.perf_counter()
print(json.dumps({{"import_s": imported - start, "prepare_s": prepared - imported, "align_s": aligned - prepared,
                  "links": len(links)}}))
"""


@dataclass(frozen=True)
class Run:
    """One child process: wall and CPU seconds, peak resident memory, what it printed."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    output: str


def run_child(command: list[str], cwd: Path, timeout: float | None = None) -> Run | str:
    """Run a command in a child process and measure it; what went wrong instead if it failed or ran out of time.

    Through ``/usr/bin/time`` where there is one: a child forked from this
    (large) process would otherwise report this process's peak memory as its own.
    """
    timed = Path("/usr/bin/time").exists()
    with tempfile.TemporaryDirectory() as tmp:
        out, err = Path(tmp, "out"), Path(tmp, "err")
        wrapped = ["/usr/bin/time", "-f", "%e %U %S %M", *command] if timed else command
        start = time.perf_counter()
        with out.open("w") as stdout, err.open("w") as stderr:
            process = subprocess.Popen(wrapped, cwd=cwd, stdout=stdout, stderr=stderr, start_new_session=True)
            timer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL)) if timeout else None
            if timer:
                timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        if status != 0:
            if timeout and wall >= timeout:
                return f"> {timeout:.0f} (stopped)"
            last = err.read_text().strip().splitlines()
            peak = f", peak {int(last[-1].split()[-1]) / 1024:.0f} MB" if timed and last and \
                last[-1].split()[-1].isdigit() else ""
            why = next((line for line in reversed(last) if "signal" in line or "exit status" in line), "failed")
            print(f"speed: {command[0]} failed: {why}", file=sys.stderr)
            return f"failed after {wall:.1f} s ({why.replace('Command terminated by ', '')}{peak})"
        if timed:
            elapsed, user, system, peak_kb = err.read_text().strip().splitlines()[-1].split()
            return Run(float(elapsed), float(user) + float(system), int(peak_kb) / 1024, out.read_text())
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read_text())


def write_hard_inputs(folder: Path, repeat: int) -> int:
    """Text+Berg's test documents joined, repeated, one sentence per line; returns the German sentence count."""
    de: list[str] = []
    fr: list[str] = []
    for k in range(7):
        de += (TEXTBERG / f"test{k}.de").read_text("utf-8").rstrip("\n").split("\n")
        fr += (TEXTBERG / f"test{k}.fr").read_text("utf-8").rstrip("\n").split("\n")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "de.txt").write_text("\n".join(de * repeat) + "\n", "utf-8")
    (folder / "fr.txt").write_text("\n".join(fr * repeat) + "\n", "utf-8")
    (folder / "null.dic").write_text("")
    return len(de) * repeat


def hard_series(repeats: tuple[int, ...], runs: int, hunalign: str | None, baseline: Path | None,
                baseline_max: int, peer_timeout: float) -> list[dict]:
    """Median wall, CPU and peak RSS per system and size, children one after another (no overlap)."""
    for root in (ROOT, *([baseline] if baseline is not None else [])):
        compile_bytecode(root)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in repeats:
            folder = Path(tmp, f"x{repeat}")
            sentences = write_hard_inputs(folder, repeat)
            systems: dict[str, list[str]] = {
                "reconcile": [sys.executable, "-c", _HARD_CHILD.format(root=str(ROOT), folder=str(folder))]}
            if baseline is not None and repeat <= baseline_max:
                systems["reconcile (baseline)"] = [sys.executable, "-c",
                                                   _HARD_CHILD.format(root=str(baseline), folder=str(folder))]
            if hunalign:
                systems["hunalign"] = [hunalign, "null.dic", "de.txt", "fr.txt"]
            measured: dict[str, list[Run | str]] = {name: [] for name in systems}
            for _ in range(runs if repeat < max(repeats) else 1):
                for name, command in systems.items():  # interleaved: load drifts alike for all
                    measured[name].append(run_child(command, folder, peer_timeout if name == "hunalign" else None))
            for name, found in measured.items():
                done = [r for r in found if isinstance(r, Run)]
                row = {"system": name, "sentences": sentences, "runs": len(found), "finished": len(done),
                       "why": next((r for r in found if isinstance(r, str)), "")}
                if done:
                    row |= {key: statistics.median(getattr(r, key) for r in done) for key in ("wall_s", "cpu_s", "peak_mb")}
                    if name.startswith("reconcile"):
                        parts = [json.loads(r.output.strip().splitlines()[-1]) for r in done]
                        row |= {key: statistics.median(p[key] for p in parts) for key in ("prepare_s", "align_s")}
                rows.append(row)
    return rows


def print_hard(rows: list[dict], peer_timeout: float) -> None:
    print("\nhard scaling: Text+Berg de-fr test documents joined and repeated, one sentence per line "
          "(a child process per run; medians)")
    print("system | de sentences | wall s | CPU s | peak RSS MB | prepare s | align s | wall / hunalign")
    print("--- | --- | --- | --- | --- | --- | --- | ---")
    peers = {r["sentences"]: r for r in rows if r["system"] == "hunalign" and "wall_s" in r}
    for r in rows:
        if "wall_s" not in r:
            print(f"{r['system']} | {r['sentences']} | {r['why']} | — | — | — | — | —")
            continue
        peer = peers.get(r["sentences"])
        ratio = f"{r['wall_s'] / peer['wall_s']:.2f}×" if peer and r["system"] != "hunalign" else "—"
        extra = f"{r['prepare_s']:.2f} | {r['align_s']:.2f}" if "align_s" in r else "— | —"
        print(f"{r['system']} | {r['sentences']} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['peak_mb']:.0f} | "
              f"{extra} | {ratio}")
    for system in dict.fromkeys(r["system"] for r in rows):
        mine = [dict(r, paragraphs=r["sentences"]) for r in rows if r["system"] == system and "wall_s" in r]
        if len(mine) > 1:
            print(f"{system}: fitted exponent, wall {exponent(mine, 'wall_s'):.2f}, CPU {exponent(mine, 'cpu_s'):.2f}, "
                  f"peak RSS {exponent(mine, 'peak_mb'):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--quick", action="store_true", help="few repetitions and small sizes (smoke test)")
    parser.add_argument("--max-paragraphs", type=int, default=50000)
    parser.add_argument("--hunalign", default=None, help="hunalign binary for the hard series (default: $HUNALIGN)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another reconcile checkout, in the corpus check and the hard series")
    parser.add_argument("--check-runs", type=int, default=3, help="runs of the corpus check per --jobs (default 3)")
    parser.add_argument("--check-only", action="store_true", help="only the corpus check (with --baseline if given)")
    parser.add_argument("--baseline-max", type=int, default=10, help="largest repeat the baseline runs (default 10×)")
    parser.add_argument("--peer-timeout", type=float, default=900.0, help="seconds before a hunalign run is stopped")
    parser.add_argument("--hard-only", action="store_true", help="only the hard scaling series")
    args = parser.parse_args(argv)
    hunalign = args.hunalign or os.environ.get("HUNALIGN")
    if hunalign and not (Path(hunalign).is_file() or shutil.which(hunalign)):
        hunalign = None
    if hunalign is None:
        print("speed: hunalign not found (--hunalign PATH or $HUNALIGN): the hard series runs without it",
              file=sys.stderr)
    if not TEXTBERG.is_dir():
        print(f"speed: Text+Berg folder {TEXTBERG} not found: no hard series", file=sys.stderr)
        if args.hard_only:
            return 2
    elif args.hard_only:
        repeats = HARD_REPEATS[:1] if args.quick else HARD_REPEATS
        rows = hard_series(repeats, 1 if args.quick else 3, hunalign, args.baseline, args.baseline_max, args.peer_timeout)
        print_hard(rows, args.peer_timeout)
        return 0
    if not args.corpus.is_dir():
        print(f"speed: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    repeat = 3 if args.quick else 15
    print(f"speed benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.check_only:
        print("\n".join(corpus_check(args.corpus, args.baseline, args.check_runs)))
        return 0

    sample = stages(ROOT / "samples" / "statement", repeat)
    corpus = corpus_stage_medians(args.corpus, 5 if args.quick else 60)
    print("\nin-process time per statement, 5 editions against ru (median ms)")
    print("stage | sample statement | corpus document (median over documents)")
    print("--- | --- | ---")
    for key in sample:
        print(f"{key} | {sample[key]:.1f} | {corpus.get(key, float('nan')):.1f}")

    megabytes, rate = html_throughput(3 if args.quick else 10)
    print(f"\nHTML ingest: {megabytes:.2f} MB of sample pages, {rate:.1f} MB/s")
    name, size, seconds = report_render(args.corpus)
    print(f"HTML report of the largest corpus document ({name}): {size / 1024:.0f} KiB, rendered in {seconds * 1000:.0f} ms")

    cold = cold_cli(["align", "ru", "en", "samples/statement"], ROOT, 3 if args.quick else 7)
    print(f"\ncold CLI `reconcile align ru en samples/statement`: median {cold:.2f} s")
    if not args.quick:
        for line in corpus_check(args.corpus, args.baseline, args.check_runs):
            print(line)

    sizes = [s for s in ((100, 1000) if args.quick else (100, 1000, 10000, 50000)) if s <= args.max_paragraphs]
    rows = scaling(args.corpus, sizes)
    print("\nscaling: one ru/en pair built from corpus documents, one paragraph dropped in the middle"
          f" (Gale–Church only up to {PEER_MAX} paragraphs: its table is n×m)")
    print("paragraphs | prepare s | align s | total s | peak RSS MB | added MB | drop found | Gale–Church s | reconcile/peer")
    print("--- | --- | --- | --- | --- | --- | --- | --- | ---")
    for r in rows:
        peer = f"{r['peer_s']:.3f}" if r["peer_s"] is not None else "—"
        ratio = f"{r['total_s'] / r['peer_s']:.2f}×" if r["peer_s"] else "—"
        print(f"{r['paragraphs']} | {r['prepare_s']:.2f} | {r['align_s']:.2f} | {r['total_s']:.2f} | "
              f"{r['peak_mb']:.0f} | {r['added_mb']:.0f} | {r['found_drop']} | {peer} | {ratio}")
    if len(rows) > 1:
        print(f"fitted growth exponent: time {exponent(rows, 'total_s'):.2f}, "
              f"added memory {exponent([dict(r, added_mb=max(r['added_mb'], 1)) for r in rows], 'added_mb'):.2f}")
    if TEXTBERG.is_dir():
        repeats = HARD_REPEATS[:1] if args.quick else HARD_REPEATS
        hard = hard_series(repeats, 1 if args.quick else 3, hunalign, args.baseline, args.baseline_max, args.peer_timeout)
        print_hard(hard, args.peer_timeout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
