"""Figures out of the accuracy benchmark's tallies, printed as Markdown tables (and kept for ``--json``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from inject import EXPECT
from scoring import Tally
from systems import SYSTEMS

GROUPS = ("all", "clean", "messy")
NAMES = {"pairs": "reconcile (pairs, as `align`)", "editions": "reconcile (all editions, as `check`)",
         "peer": "Gale–Church + digits (peer)"}


def summary(t: Tally, kinds: Sequence[str]) -> dict[str, Any]:
    """The headline figures of one tally."""
    c = t.counts
    faulty = [k for k in kinds if EXPECT[k]]
    faithful = [k for k in kinds if not EXPECT[k]]
    n = sum(c[f"{k}:n"] for k in faulty)
    p, r, f1 = t.link_scores()
    return {
        "faults": n,
        "found": round(sum(c[f"{k}:found"] for k in faulty) / n, 3) if n else None,
        "right_kind": round(sum(c[f"{k}:kind"] for k in faulty) / n, 3) if n else None,
        "as_error": round(sum(c[f"{k}:error"] for k in faulty) / n, 3) if n else None,
        "faithful": sum(c[f"{k}:n"] for k in faithful),
        "faithful_error": _share(sum(c[f"{k}:error"] for k in faithful), sum(c[f"{k}:n"] for k in faithful)),
        "error_precision": t.rate("true_errors", "errors"),
        "warning_precision": t.rate("true_warnings", "warnings"),
        "untouched_pairs": c["pairs"],
        "false_errors_per_100": t.rate("false_error", "pairs", 100),
        "false_warnings_per_100": t.rate("false_warning", "pairs", 100),
        "untouched_error_precision": _share(c["genuine_error"], c["genuine_error"] + c["false_error"]),
        "genuine_total": len(t.genuine_all),
        "genuine_found": len(t.genuine_found & t.genuine_all) if t.genuine_all else len(t.genuine_found),
        "link_precision": p, "link_recall": r, "link_f1": f1,
        "reshaped_recall": t.rate("reshaped_hit", "reshaped"),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def per_kind(t: Tally, kinds: Sequence[str]) -> dict[str, dict[str, Any]]:
    c = t.counts
    out: dict[str, dict[str, Any]] = {}
    for k in kinds:
        n = c[f"{k}:n"]
        if EXPECT[k]:
            out[k] = {"n": n, "found": _share(c[f"{k}:found"], n), "right_kind": _share(c[f"{k}:kind"], n),
                      "as_error": _share(c[f"{k}:error"], n)}
        else:
            out[k] = {"n": n, "error": _share(c[f"{k}:error"], n), "error_or_warning": _share(c[f"{k}:alarm"], n)}
    return out


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    lines += [" | ".join(fmt(v) for v in row) for row in rows]
    return "\n".join(lines)


def fault_table(figures: dict[str, Any], group: str, systems: Sequence[str]) -> str:
    kinds = figures["kinds"]
    rows = []
    for k in kinds:
        cells = [figures["faults"][s][group][k] for s in systems if s in figures["faults"]]
        n = cells[0]["n"] if cells else 0
        if EXPECT[k]:
            rows.append([f"{k} → {EXPECT[k]}", n] + [f"{fmt(x['found'])} / {fmt(x['right_kind'])} / {fmt(x['as_error'])}"
                                                      for x in cells])
        else:
            rows.append([f"{k} (faithful)", n] + [f"raised {fmt(x['error'])} / {fmt(x['error_or_warning'])}"
                                                  for x in cells])
    header = ["fault → expected", "n"] + [NAMES[s] for s in systems if s in figures["faults"]]
    return table(header, rows)


def summary_table(figures: dict[str, Any], systems: Sequence[str]) -> str:
    rows = []
    for s in systems:
        for g in GROUPS:
            x = figures["summary"].get(s, {}).get(g)
            if x is None:
                continue
            genuine = f"{x['genuine_found']}/{x['genuine_total']}" if g != "clean" else "—"
            genuine_share = x["untouched_error_precision"] if g != "clean" else None
            rows.append([NAMES[s], g, x["right_kind"], x["as_error"], x["error_precision"], x["warning_precision"],
                         x["false_errors_per_100"], x["false_warnings_per_100"], genuine, genuine_share,
                         x["link_f1"], x["reshaped_recall"]])
    return table(["system", "corpora", "faults: right kind", "as error", "error precision", "warning precision",
                  "false errors /100", "false warnings /100", "genuine found", "genuine share of errors as published",
                  "link F1 (faulted)", "reshaped beads"], rows)


def scope_table(figures: dict[str, Any], key: str, label: str) -> str:
    rows = []
    for s, groups in figures[key].items():
        for g, entries in groups.items():
            for name, x in entries.items():
                rows.append([NAMES[s], g, name, x["faults"], x["right_kind"], x["error_precision"],
                             x["untouched_pairs"], x["false_errors_per_100"], x["false_warnings_per_100"]])
    return table(["system", "corpora", label, "faults", "right kind", "error precision", "untouched pairs",
                  "false errors /100", "false warnings /100"], rows)


def tables(tallies: dict[tuple[str, ...], Tally], kinds: Sequence[str]) -> dict[str, Any]:
    """Figures per system and scope; prints the tables on the way."""
    systems = [s for s in SYSTEMS if (s, "all") in tallies]
    group_key = {"all": ("all",), "clean": ("group", "clean"), "messy": ("group", "messy")}
    figures: dict[str, Any] = {"kinds": list(kinds), "summary": {}, "faults": {}, "pivots": {}, "pairs": {},
                               "corpora": {}}
    for s in systems:
        figures["summary"][s] = {g: summary(tallies[(s, *key)], kinds) for g, key in group_key.items()
                                 if (s, *key) in tallies}
        figures["faults"][s] = {g: per_kind(tallies[(s, *key)], kinds) for g, key in group_key.items()
                                if (s, *key) in tallies}
        for kind_of_scope, name in (("pivot", "pivots"), ("pair", "pairs")):
            found: dict[str, dict[str, Any]] = {}
            for scope in sorted(k for k in tallies if k[0] == s and k[1] == kind_of_scope):
                found.setdefault(scope[2], {})[scope[3]] = summary(tallies[scope], kinds)
            figures[name][s] = found
        figures["corpora"][s] = {scope[2]: summary(tallies[scope], kinds)
                                 for scope in sorted(k for k in tallies if k[0] == s and k[1] == "corpus")}
    for g in GROUPS:
        if any(g in figures["faults"][s] for s in systems):
            print(f"\nFaults found ({g} corpora): found / right kind / as error; faithful changes: share that raised "
                  f"an error / an error or warning\n")
            print(fault_table(figures, g, [s for s in systems if g in figures["faults"][s]]))
    print("\nSummary (precision over the faulted runs; false alarms per 100 untouched paragraph pairs)\n")
    print(summary_table(figures, systems))
    print("\nPer pivot\n")
    print(scope_table(figures, "pivots", "pivot"))
    print("\nPer language pair\n")
    print(scope_table(figures, "pairs", "pair"))
    return figures


def markdown(figures: dict[str, Any]) -> str:
    """The tables the README shows."""
    systems = list(figures["summary"])
    parts = [fault_table(figures, "all", systems), summary_table(figures, systems)]
    if figures.get("textberg"):
        rows = [[r["system"], r["strict_f1"], r["lax_f1"]] for r in figures["textberg"]]
        parts.append(table(["Text+Berg de-fr (report documents)", "strict F1", "lax F1"], rows))
    return "\n\n".join(parts) + "\n"


def print_textberg(split: str) -> list[dict[str, Any]] | None:
    """The Text+Berg table of ``textberg.py`` (the aligner's benchmark) when it is on this branch."""
    try:
        import textberg
    except ImportError:
        print("\nText+Berg sentence alignment: benchmarks/textberg.py is not on this branch; no figures")
        return None
    names = textberg.DEV_DOCS if split == "dev" else textberg.REPORT_DOCS
    print()
    results = textberg.evaluate(names)
    textberg.print_table(results, names)
    return [{"system": r.system, "strict_f1": round(r.scores.f1_strict, 3), "lax_f1": round(r.scores.f1_lax, 3)}
            for r in results]
