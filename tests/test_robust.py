"""Issue 13, case by case: never a traceback, never a lost file, limits that hold.

Each test is one line of the issue's "Why". A case passes when the run ends
with exit 0, 1 or 2 (never 3, never a traceback), says what is wrong in one
line naming the file, writes nothing it should not, and stays fast and small.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, shared_path

from reconcile.cli import main

STATEMENT = SAMPLES / "statement"
REPOS = ROOT / "tests" / "repos"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("reconcile: error: ")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("NO_COLOR", "FORCE_COLOR", "SOURCE_DATE_EPOCH", "RECONCILE_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def statement(folder: Path, **editions: str | bytes) -> Path:
    """A statement folder with the sample's ru edition and the given others."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(STATEMENT / "ru.txt", folder / "ru.txt")
    for name, content in editions.items():
        target = folder / name.replace("_", ".")
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


# --- tracebacks ------------------------------------------------------------------------------------------

def test_figure_of_35_digits_beside_a_rounded_figure(capsys, tmp_path):
    english = (STATEMENT / "en.txt").read_text("utf-8").replace(
        "90,000", "123456789012345678901234567890123456789 and about 1.5 million", 1)
    code, out, _ = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english))
    assert code in (0, 1) and out


@pytest.mark.parametrize("control", ["&#11;", "\f", "&#x0C;", "&#xFFFF;"])
def test_control_character_before_a_dropped_element(capsys, tmp_path, control):
    page = (f"<html><body><article><p>The minister met the delegation on Monday.{control}<script>x()</script> "
            f"More text follows here.</p><p>Second paragraph.{control}<nav>menu</nav> It ends.</p>"
            "</article></body></html>")
    code, out, _ = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_html=page))
    assert code in (0, 1) and "\x0b" not in out and "\x0c" not in out


@pytest.mark.parametrize("fmt", ["junit", "sarif", "json", "jsonl", "github", "text"])
def test_control_characters_reach_no_renderer(capsys, tmp_path, fmt):
    from lxml import etree

    english = (STATEMENT / "en.txt").read_text("utf-8") + "\nExtra \x01 paragraph \x1b[31m with ESC\x07 and DEL\x7f.\n"
    folder = statement(tmp_path / "s", en_txt=english)
    code, out, _ = run(capsys, "check", folder, "-f", fmt)
    assert code == 1
    assert not any(ch in out for ch in "\x01\x1b\x07\x7f")
    if fmt == "junit":
        etree.fromstring(out.encode("utf-8"))


def test_control_characters_reach_no_tmx(capsys, tmp_path):
    from lxml import etree

    english = (STATEMENT / "en.txt").read_text("utf-8").replace("Thank you.", "Thank \x01 you \x1b.")
    code, _, _ = run(capsys, "export", statement(tmp_path / "s", en_txt=english), "-o", tmp_path / "tm.tmx")
    assert code == 0
    etree.parse(str(tmp_path / "tm.tmx"))


def _docx(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _members() -> dict[str, bytes]:
    with zipfile.ZipFile(ROOT / "tests" / "fixtures" / "formats" / "statement.docx") as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_docx_whose_document_xml_is_not_xml(capsys, tmp_path):
    members = _members()
    members["word/document.xml"] = b"<w:document><not xml"
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_docx=_docx(members)))
    assert code == 2 and one_line(err) and "en.docx: is not a readable Word .docx file" in err


@pytest.mark.parametrize("claimed", [10, 10**9])
def test_docx_whose_zip_header_lies_about_sizes(capsys, tmp_path, claimed):
    """The central directory claims 10 bytes (or 1 GB) for a member that unpacks to 60 MB: counted as read."""
    members = _members()
    members["word/media/padding.bin"] = b"\0" * (60 * 1024 * 1024)
    data = bytearray(_docx(members))
    name = b"word/media/padding.bin"
    central = data.rindex(name) - 46
    assert data[central:central + 4] == b"PK\x01\x02"
    data[central + 24: central + 28] = claimed.to_bytes(4, "little")  # uncompressed size in the central directory
    started = time.perf_counter()
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_docx=bytes(data)))
    assert code == 2 and one_line(err) and "en.docx" in err
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize("abbreviation", ["EE.\u00a0UU.", "СБ\u00a0ООН"])
def test_organisation_with_a_no_break_space_inside(capsys, tmp_path, abbreviation):
    english = (STATEMENT / "en.txt").read_text("utf-8").replace("OSCE", abbreviation, 1)
    code, _, _ = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english))
    assert code in (0, 1)


@pytest.mark.parametrize("pyproject, message", [
    ('[[tool.reconcile]]\npivot = "ru"\n', "tool.reconcile must be a table written [tool.reconcile], found an array"),
    ('[tool]\nreconcile = "ru"\n', "tool.reconcile must be a table written [tool.reconcile], found the str 'ru'"),
    ('[tool.reconcile]\njobs = "two"\n', "[tool.reconcile]: jobs = 'two': expected a whole number"),
    ('[tool.reconcile]\ntruncation_ratio = nan\n', "truncation_ratio = nan: expected a number between 0 and 1"),
    ('[tool.reconcile]\nname_threshold = true\n', "name_threshold = True: expected a number between 0 and 100"),
    ('[tool.reconcile]\nseverity = { moved = 3 }\n', "severity.moved = 3: expected one of error"),
    ('[tool.reconcile\n', "not valid TOML"),
])
def test_bad_pyproject_is_one_line(capsys, tmp_path, pyproject, message):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    (tmp_path / "repo" / "pyproject.toml").write_text(pyproject, "utf-8")
    code, out, err = run(capsys, "check")
    assert code == 2 and out == "" and one_line(err) and "pyproject.toml" in err and message in err


@pytest.mark.parametrize("content, message", [
    ("[]", "a JSON list, expected an object"),
    ('"entries"', "a JSON str, expected an object"),
    (('{"schema_version": 1, "entries": [{"fingerprint": ["a"], "statement": "s", "kind": "missing", "lang": "de", '
     '"message": "m"}]}'), "entry 1: fingerprint must be a string, found list"),
    ('{"schema_version": 1, "entries": {}}', "entries must be a list"),
    (('{"schema_version": 1, "entries": [{"fingerprint": "a", "statement": "s", "kind": "missing", "lang": "de", '
     '"message": "m", "expires": "soon"}]}'), "expires 'soon' is not a date"),
    ("{", "not JSON"),
    ("[" * 100000, "not JSON"),
])
def test_bad_baseline_is_one_line(capsys, tmp_path, content, message):
    (tmp_path / "b.json").write_text(content, "utf-8")
    code, out, err = run(capsys, "check", REPOS / "folders", "--baseline", tmp_path / "b.json")
    assert code == 2 and out == "" and one_line(err) and "b.json: not a reconcile baseline" in err and message in err


def test_baseline_that_is_a_folder(capsys, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    (tmp_path / "repo" / "reconcile.toml").write_text('baseline = "/etc"\n', "utf-8")
    code, _, err = run(capsys, "check")
    assert code == 2 and one_line(err) and "/etc: cannot be read as a baseline (is a directory" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1", "0", "abc", "2000"])
def test_max_input_mb_is_validated(capsys, value):
    code, out, err = run(capsys, "align", "ru", "en", STATEMENT, f"--max-input-mb={value}")
    assert code == 2 and out == "" and one_line(err) and "--max-input-mb" in err


def test_output_onto_a_directory(capsys, tmp_path):
    (tmp_path / "out").mkdir()
    code, out, err = run(capsys, "align", "ru", "en", STATEMENT, "-o", tmp_path / "out")
    assert code == 2 and out == "" and one_line(err) and "is a directory" in err
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_output_onto_proc(capsys):
    code, _, err = run(capsys, "check", REPOS / "folders", "-o", "/proc/x")
    assert code == 2 and one_line(err) and "/proc/x: cannot write in /proc" in err


def test_output_into_a_read_only_folder(capsys, tmp_path, monkeypatch):
    """Simulated (the tests may run as root, who may write anywhere): the folder refuses new files."""
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    code, _, err = run(capsys, "align", "ru", "en", STATEMENT, "-o", tmp_path / "report.txt")
    assert code == 2 and one_line(err) and "report.txt: cannot write in" in err and "Permission denied" in err
    assert not (tmp_path / "report.txt").exists()


@pytest.mark.parametrize("fmt", ["junit", "json", "sarif", "text", "github", "jsonl"])
def test_file_name_that_is_not_utf8(capsys, tmp_path, fmt):
    from lxml import etree

    folder = tmp_path / os.fsdecode(b"statement-\xff\xfe")
    statement(folder, en_txt=(SAMPLES / "divergent" / "en.txt").read_bytes())
    code, out, _ = run(capsys, "check", tmp_path, "-f", fmt)
    assert code == 1
    out.encode("utf-8")
    if fmt == "junit":
        etree.fromstring(out.encode("utf-8"))
    if fmt in ("json", "jsonl"):
        report = json.loads(out)["statements"][0] if fmt == "json" else json.loads(out.splitlines()[0])
        assert "statement-\\xff\\xfe" in report["editions"][0]["source"]
    elif fmt == "sarif":
        assert "statement-%5Cxff%5Cxfe/en.txt" in out
    else:
        assert "statement-\\xff\\xfe" in out


# --- data lost -------------------------------------------------------------------------------------------

def test_output_onto_an_input_edition_is_refused(capsys, tmp_path):
    folder = statement(tmp_path / "s", en_txt=(STATEMENT / "en.txt").read_bytes())
    before = (folder / "ru.txt").read_bytes()
    code, out, err = run(capsys, "align", "ru", "en", folder, "-o", folder / "ru.txt")
    assert code == 2 and out == "" and one_line(err) and "is an input of this run" in err
    assert (folder / "ru.txt").read_bytes() == before
    code, _, err = run(capsys, "check", folder, "-o", folder / "en.txt")
    assert code == 2 and "is an input of this run" in err and (folder / "en.txt").read_bytes() == \
        (STATEMENT / "en.txt").read_bytes()


def test_output_through_a_link_to_an_input_is_refused(capsys, tmp_path):
    folder = statement(tmp_path / "s", en_txt=(STATEMENT / "en.txt").read_bytes())
    (tmp_path / "link.txt").symlink_to(folder / "en.txt")
    code, _, err = run(capsys, "align", "ru", "en", folder, "-o", tmp_path / "link.txt")
    assert code == 2 and "is an input of this run" in err


def test_output_onto_a_device_is_refused(capsys, tmp_path):
    """A private copy of /dev/null (mknod needs root); the real one is never put at risk by a test."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot create a device node here")
    code, _, err = run(capsys, "align", "ru", "en", STATEMENT, "-o", device)
    assert code == 2 and one_line(err) and "is a device, not a regular file" in err
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_onto_a_fifo_is_refused_without_hanging(capsys, tmp_path):
    os.mkfifo(tmp_path / "fifo")
    code, _, err = run(capsys, "align", "ru", "en", STATEMENT, "-o", tmp_path / "fifo")
    assert code == 2 and "is a FIFO" in err and stat.S_ISFIFO(os.stat(tmp_path / "fifo").st_mode)


def test_write_baseline_keeps_reasons_and_expiry_dates(capsys, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    assert run(capsys, "check", "--write-baseline", "b.json")[0] == 0
    data = json.loads(Path("b.json").read_text("utf-8"))
    data["entries"][0].update(reason="figure checked with the press office", expires="2031-12-31")
    other = dict(data["entries"][0], fingerprint="f" * 24, statement="elsewhere/not-checked", reason="kept")
    data["entries"].append(other)
    Path("b.json").write_text(json.dumps(data), "utf-8")
    assert run(capsys, "check", "--write-baseline", "b.json")[0] == 0
    entries = json.loads(Path("b.json").read_text("utf-8"))["entries"]
    assert entries[0]["reason"] == "figure checked with the press office" and entries[0]["expires"] == "2031-12-31"
    assert entries[1] == other, "an entry of a statement not checked in this run stays"


def test_no_baseline_is_written_when_the_run_fails(capsys, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    Path("2020-11-21-thanks/de.txt").write_bytes(b"")
    code, _, err = run(capsys, "check", "--write-baseline", "b.json")
    assert code == 2 and not Path("b.json").exists() and "baseline b.json not written" in err
    Path("b.json").write_text('{"schema_version": 1, "entries": []}', "utf-8")
    code, _, _ = run(capsys, "check", "--write-baseline", "b.json")
    assert code == 2 and Path("b.json").read_text("utf-8") == '{"schema_version": 1, "entries": []}'


def test_write_baseline_over_a_file_that_is_not_a_baseline_is_refused(capsys, tmp_path):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    Path("notes.json").write_text('["my notes"]', "utf-8")
    code, _, err = run(capsys, "check", "--write-baseline", "notes.json")
    assert code == 2 and "notes.json: not a reconcile baseline" in err
    assert Path("notes.json").read_text("utf-8") == '["my notes"]'


def test_atomic_output_keeps_mode_and_follows_links(capsys, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    (tmp_path / "latest.json").symlink_to(target)
    code, _, _ = run(capsys, "align", "ru", "en", STATEMENT, "-f", "json", "-o", tmp_path / "latest.json")
    assert code == 0 and json.loads(target.read_text("utf-8"))["pivot"] == "ru"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and (tmp_path / "latest.json").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "report.json"]


# --- limits --------------------------------------------------------------------------------------------

def _within(seconds: float, command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reconcile", *command], capture_output=True, text=True,
                          timeout=seconds, check=False, **kwargs)


def test_symlink_to_dev_zero_is_refused(capsys, tmp_path):
    folder = statement(tmp_path / "s")
    (folder / "en.txt").symlink_to("/dev/zero")
    code, _, err = run(capsys, "align", "ru", "en", folder / "ru.txt", folder / "en.txt")
    assert code == 2 and one_line(err) and "en.txt: is a character device, not a regular file" in err


def test_fifo_edition_does_not_hang(tmp_path):
    folder = statement(tmp_path / "s")
    os.mkfifo(folder / "en.txt")
    result = _within(30, ["align", "ru", "en", str(folder / "ru.txt"), str(folder / "en.txt")], cwd=tmp_path)
    assert result.returncode == 2 and "en.txt: is a FIFO, not a regular file" in result.stderr


def test_stdin_is_read_within_the_limit(tmp_path):
    """A stream has no size to check first: it is counted as it is read (here: /dev/zero as stdin)."""
    with open("/dev/zero", "rb") as zero:
        result = _within(60, ["align", "ru", "en", str(STATEMENT / "ru.txt"), "-", "--lang", "-=en",
                              "--max-input-mb", "1"], stdin=zero, cwd=tmp_path)
    assert result.returncode == 2 and "<stdin>: more than 1,048,576 bytes" in result.stderr


def test_docx_with_200000_empty_paragraphs(capsys, tmp_path):
    members = _members()
    xml = members["word/document.xml"].decode("utf-8")
    members["word/document.xml"] = xml.replace("<w:body>", "<w:body>" + "<w:p/>" * 200_000, 1).encode("utf-8")
    data = _docx(members)
    assert len(data) < 600_000
    started = time.perf_counter()
    code, _, _ = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_docx=data))
    assert code in (0, 1) and time.perf_counter() - started < 30


def test_too_many_paragraphs_is_a_clear_error(capsys, tmp_path):
    english = "\n\n".join(f"Paragraph number {i} of a very long edition." for i in range(5_001))
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english))
    assert code == 2 and one_line(err) and "has 5,001 paragraphs, over the limit of 5,000 per edition" in err


def test_a_long_single_line_is_refused_quickly(capsys, tmp_path):
    english = "word " * 2_000_000  # 10 MB, one line: one paragraph of 10 million characters
    started = time.perf_counter()
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english))
    assert code == 2 and one_line(err) and "characters, over the limit of 100,000" in err
    assert time.perf_counter() - started < 20


def test_a_paragraph_with_200000_attributes_is_refused_quickly(capsys, tmp_path):
    attributes = " ".join(f'a{i}="x"' for i in range(200_000))
    page = f"<html><body><p {attributes}>Hello.</p><p>World.</p></body></html>"
    started = time.perf_counter()
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_html=page))
    assert code == 2 and one_line(err) and "has 200,000 attributes, over the limit of 200" in err
    assert time.perf_counter() - started < 20


def test_jobs_never_exceed_the_cores(monkeypatch):
    from reconcile import checking

    started = []

    class Recorder(checking.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(checking, "ProcessPoolExecutor", Recorder)
    monkeypatch.setattr(checking, "cpu_count", lambda: 2)
    os.chdir(REPOS)
    result = checking.run_check([REPOS], checking.CheckOptions(jobs=64))
    assert len(result.reports) == 4 and started == [2]


# --- one bad file does not stop unrelated work ----------------------------------------------------------

def test_align_ignores_a_broken_edition_it_does_not_compare(capsys, tmp_path):
    folder = statement(tmp_path / "s", de_txt=(STATEMENT / "de.txt").read_bytes(), en_txt=b"")
    code, out, _ = run(capsys, "align", "ru", "de", folder)
    assert code == 0 and "editions ru de" in out


@pytest.mark.parametrize("fmt", ["sarif", "json", "junit", "github", "text", "jsonl"])
def test_one_empty_file_under_a_check_root(capsys, tmp_path, fmt):
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    Path("2020-11-21-thanks/de.txt").write_bytes(b"")
    code, _, err = run(capsys, "check", "-f", fmt, "-o", tmp_path / "out")
    assert code == 2 and "2020-11-21-thanks/de.txt: file is empty" in err
    out = (tmp_path / "out").read_text("utf-8")
    assert "number_mismatch" in out, "the other statement was checked and reported"
    if fmt == "sarif":
        log = json.loads(out)
        (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert note["message"]["text"] == "2020-11-21-thanks/de.txt: file is empty"
        assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "2020-11-21-thanks/de.txt"
    if fmt == "json":
        data = json.loads(out)
        assert data["problems"] == [{"statement": "2020-11-21-thanks", "source": "2020-11-21-thanks/de.txt",
                                     "message": "2020-11-21-thanks/de.txt: file is empty", "internal": False}]
    if fmt == "junit":
        assert '<error message="2020-11-21-thanks/de.txt: file is empty" type="input-error">' in out
    if fmt == "github":
        assert "::error file=2020-11-21-thanks/de.txt,title=reconcile%3A cannot check::" in out


def test_readme_workflow_uploads_sarif_even_with_a_broken_file(tmp_path):
    """The documented GitHub Actions step: the SARIF is written even when one statement cannot be read."""
    shutil.copytree(REPOS / "trees" / "content", tmp_path / "content")
    (tmp_path / "content" / "en" / "news" / "aid.txt").write_bytes(b"\x00\x01binary")
    result = _within(120, ["check", "content", "--format", "sarif", "--output", "reconcile.sarif", "--fail-on",
                           "never"], cwd=tmp_path)
    assert result.returncode == 2 and (tmp_path / "reconcile.sarif").exists()


# --- orphans -------------------------------------------------------------------------------------------

_POOL = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from reconcile.workers import bind_to_parent
pool = ProcessPoolExecutor(2, initializer=bind_to_parent, initargs=(os.getpid(),))
pids = {f.result() for f in [pool.submit(os.getpid) for _ in range(8)]}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:  # a zombie is dead
        return handle.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", _POOL], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers and all(_alive(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


# --- text --------------------------------------------------------------------------------------------

def test_nul_after_the_first_4_kb_is_binary(capsys, tmp_path):
    english = (STATEMENT / "en.txt").read_bytes()
    data = english[:6000] + b"\x00" + english[6000:]
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=data))
    assert code == 2 and one_line(err) and "en.txt: looks like a binary file" in err


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_utf32_and_utf16_without_bom(capsys, tmp_path, encoding):
    reference = run(capsys, "align", "ru", "en", STATEMENT, "-f", "json")[1]
    data = (STATEMENT / "en.txt").read_text("utf-8").encode(encoding)
    code, out, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=data), "-f", "json")
    assert code == 0, err
    assert json.loads(out)["findings"] == json.loads(reference)["findings"]


def test_russian_utf16_without_bom(capsys, tmp_path):
    folder = statement(tmp_path / "s", en_txt=(STATEMENT / "en.txt").read_bytes())
    (folder / "ru.txt").write_bytes((STATEMENT / "ru.txt").read_text("utf-8").encode("utf-16-le"))
    code, _, err = run(capsys, "align", "ru", "en", folder)
    assert code == 0, err


def test_sarif_of_a_failed_statement_is_valid(capsys, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text("utf-8"))
    shutil.copytree(REPOS / "folders", tmp_path / "repo")
    os.chdir(tmp_path / "repo")
    Path("2020-11-21-thanks/de.txt").write_bytes(b"\xff\xfe\x00")
    code, out, _ = run(capsys, "check", "-f", "sarif")
    assert code == 2
    jsonschema.Draft4Validator(schema).validate(json.loads(out))


def test_utf16_without_bom_with_emoji_and_long_words_is_text(capsys, tmp_path):
    """Found by the fuzzer: an emoji's low surrogate puts a zero at an even offset; a long word has no spaces."""
    english = (STATEMENT / "en.txt").read_text("utf-8").replace("Thank you.", "Thank you \U0001f600\U0001f600. "
                                                                + "x" * 40_000)
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english.encode("utf-16-le")))
    assert code in (0, 1), err


def test_utf32_without_bom_beyond_the_basic_plane_is_text(capsys, tmp_path):
    english = (STATEMENT / "en.txt").read_text("utf-8").replace("Thank you.", "Thank you \U0001f600 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.")
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=english.encode("utf-32-le")))
    assert code in (0, 1), err


def test_binary_data_is_not_taken_for_utf16(capsys, tmp_path):
    import random

    rng = random.Random(1)
    noise = bytes(rng.randrange(256) if i % 2 == 0 else 0 for i in range(20_000))
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=noise))
    assert code == 2 and "looks like a binary file" in err


def test_a_file_of_control_characters_only(capsys, tmp_path):
    code, _, err = run(capsys, "align", "ru", "en", statement(tmp_path / "s", en_txt=b"\x01\x02\x1b\x07"))
    assert code == 2 and one_line(err) and "en.txt: has no text, only control characters" in err


def test_a_path_too_long_for_the_system(capsys, tmp_path):
    """Found by the fuzzer: ENAMETOOLONG escaped as an internal error."""
    code, _, err = run(capsys, "check", REPOS / "folders", tmp_path / ("x" * 300))
    assert code == 2 and one_line(err) and "File name too long" in err


def test_write_baseline_to_standard_output_is_refused(capsys, tmp_path):
    code, out, err = run(capsys, "check", REPOS / "folders", "--write-baseline", "-")
    assert code == 2 and out == "" and "--write-baseline -" in err and not (tmp_path / "-").exists()


def test_an_edition_with_nothing_but_page_furniture_beside_others_is_all_missing_not_a_crash():
    """Fuzzer seed 31235000617: one DP for every edition at once met an edition with no content paragraph."""
    from reconcile.model import Settings
    from reconcile.pipeline import edition_from_text, prepare, reconcile_editions

    pivot = edition_from_text("ru", ["Первый абзац текста о встрече.", "Второй абзац о работе."])
    en = edition_from_text("en", ["The first paragraph, on the meeting.", "The second, on the work."])
    furniture = edition_from_text("de", ["English | Русский | Deutsch"])
    for editions in (prepare([pivot, furniture]), prepare([pivot, en, furniture]), prepare([pivot, furniture, en])):
        assert not editions[-1].content or not editions[1].content
        report = reconcile_editions(editions, Settings(pivot="ru"))
        de = next(a for a in report.alignments if a.lang == "de")
        assert [(link.pivot, link.edition) for link in de.links] == [((1,), ()), ((2,), ())]


def test_a_number_too_long_for_exact_arithmetic_after_a_decade_is_read_not_a_crash():
    """Fuzzer seed 31235001573: "1960s and 1e40" asked a remainder of a 41-digit Decimal."""
    from reconcile.anchors import extract

    keys = [str(a.key) for a in extract("In the 1960s and 1" + "0" * 40 + " more.", "en")]
    assert keys[0] == "decade:1960" and len(keys) == 2
