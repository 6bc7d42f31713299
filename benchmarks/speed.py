"""Speed benchmark: time per stage, cold CLI, corpus throughput, scaling with length.

    python benchmarks/speed.py [CORPUS_ROOT] [--quick] [--max-paragraphs 50000]

Medians of repeated runs; the peer (NLTK's Gale–Church) is timed in the same
run on the same inputs and reported as a ratio, since the machine is shared
and absolute times drift.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
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
PEER_MAX = 2000
LANGS = ("ru", "en", "de", "es", "fr")


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
    folders = sorted(p for p in corpus.glob("*/*") if p.is_dir())[:limit]
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

    largest = max((p for p in corpus.glob("*/*") if p.is_dir()),
                  key=lambda p: sum(f.stat().st_size for f in p.glob("*.txt")))
    report = reconcile(find_editions([largest]), Settings(pivot="en"))
    start = time.perf_counter()
    page = render_html([report])
    return largest.name, len(page.encode("utf-8")), time.perf_counter() - start


def cold_cli(args: list[str], cwd: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reconcile", *args], cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_document(corpus: Path, lang: str, n: int) -> list[str]:
    """n paragraphs by concatenating corpus documents (the same order in every language)."""
    folders = sorted(p for p in corpus.glob("*/*") if p.is_dir())
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--quick", action="store_true", help="few repetitions and small sizes (smoke test)")
    parser.add_argument("--max-paragraphs", type=int, default=50000)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"speed: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    repeat = 3 if args.quick else 15
    print(f"speed benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")

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
        n_statements = sum(1 for p in args.corpus.glob("*/*") if p.is_dir())
        for jobs in (1, 2):
            seconds = cold_cli(["check", str(args.corpus), "--jobs", str(jobs), "--fail-on", "never", "-f", "jsonl"], ROOT, 1)
            print(f"`reconcile check` on the corpus, --jobs {jobs}: {seconds:.1f} s, "
                  f"{n_statements / seconds:.1f} statements/s ({n_statements} statements)")

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
