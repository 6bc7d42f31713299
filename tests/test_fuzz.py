"""The fuzzer, bounded: random hostile statements and command lines for a time budget, and every saved crash.

``RECONCILE_FUZZ_SECONDS`` (default 20) is the budget of the random run and
``RECONCILE_FUZZ_SEED`` (default 13) where its seeds start, so a CI run is
repeatable; ``tests/fuzz_campaign.py`` runs the long campaign in
subprocesses. A case that breaks a rule is written to the pytest temporary
folder with its seed; a crash found is kept in ``tests/fuzz_cases/`` and
replayed here for good.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from fuzzing import Case, generate, run_in_process, save
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

CASES = Path(__file__).parent / "fuzz_cases"
BUDGET = float(os.environ.get("RECONCILE_FUZZ_SECONDS", "20"))
FIRST_SEED = int(os.environ.get("RECONCILE_FUZZ_SEED", "13")) * 1_000_000


def test_random_cases_within_the_budget(tmp_path):
    deadline = time.monotonic() + BUDGET
    seed, runs, failures = FIRST_SEED, 0, []
    while time.monotonic() < deadline or runs == 0:
        case = generate(seed)
        verdict = run_in_process(case, tmp_path / str(seed))
        if verdict.problems:
            failures.append(f"seed {seed}: {verdict.problems} (saved: {save(case, tmp_path / 'failed', verdict.problems)})")
        shutil.rmtree(tmp_path / str(seed), ignore_errors=True)
        seed, runs = seed + 1, runs + 1
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda p: p.stem)
def test_saved_crash_stays_fixed(tmp_path, path):
    data = json.loads(path.read_text("utf-8"))
    verdict = run_in_process(Case.from_json(data), tmp_path)
    assert not verdict.problems, f"{data['why']} came back: {verdict.problems}"


# --- properties of the reading seam ---------------------------------------------------------------------

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([None, "utf-8", "cp1251", "utf-16"]), st.booleans())
@example(b"\x01", None, False)  # found by hypothesis: only a control character
def test_decode_gives_clean_text_or_a_one_line_error(data, encoding, html):
    from reconcile.errors import InputError
    from reconcile.reading import decode

    try:
        text = decode(Path("x.txt"), data, encoding, html)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt: ")
        return
    assert text.strip()
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text)
    assert "\x7f" not in text and "\ufffe" not in text and "\uffff" not in text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sanitised_text_is_accepted_by_xml(text):
    from lxml import etree

    from reconcile.reading import sanitise

    clean = sanitise(text)
    clean = "".join(ch for ch in clean if not 0xD800 <= ord(ch) <= 0xDFFF)  # lone surrogates never come from a decoder
    etree.SubElement(etree.Element("r"), "t").text = clean


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 40_000), st.integers(0, 255)), max_size=12))
def test_damaged_word_files_are_read_or_refused_in_one_line(flips):
    from reconcile.errors import InputError
    from reconcile.read_docx import docx_blocks

    data = bytearray((Path(__file__).parent / "fixtures" / "formats" / "statement.docx").read_bytes())
    for where, value in flips:
        data[where % len(data)] = value
    try:
        docx_blocks(bytes(data), "x.docx")
    except InputError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('<>"\' =abp/\n'), max_size=400))
def test_markup_check_is_fast_and_never_raises_but_input_errors(markup):
    from reconcile.errors import InputError
    from reconcile.reading import check_markup

    started = time.perf_counter()
    try:
        check_markup("x.html", markup * 50)
    except InputError:
        pass
    assert time.perf_counter() - started < 1
