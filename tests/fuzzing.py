"""A seeded generator of hostile statements and command lines, and the rules a run must keep.

Used by ``tests/test_fuzz.py`` (a bounded run in the test suite, and every
saved crash replayed) and ``tests/fuzz_campaign.py`` (long runs in
subprocesses, with time and memory measured). One ``random.Random(seed)``
decides everything, so a case is rebuilt exactly from its seed.

What it generates: editions built from the sample statement's real
paragraphs, mutated (paragraphs dropped, repeated, merged; figures changed to
35-digit numbers, dates, organisations with no-break spaces; control
characters, NULs, form feeds, bidi marks, combining marks, very long words)
and written as text, Markdown (front matter good and bad, code spans, template tags), HTML (chrome,
scripts, character references to control characters, many attributes,
broken markup) or Word (real documents, mutated XML, lying or truncated
zips), in UTF-8 with or without BOM, UTF-16/32 with and without BOM,
windows-1251, KOI8-R, windows-1252, with bytes flipped or cut; files that
are empty, binary, folders named like editions, links to /dev/zero, FIFOs;
config files and baselines good and bad; and command lines mixing valid and
hostile options (NaN sizes, 64 jobs, bad selectors, outputs onto inputs,
folders, devices, FIFOs, /proc). Sizes stay small (up to about 80
paragraphs), except cases that test a limit, which the tool must refuse fast.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LANGS = ("ru", "en", "de", "es", "fr")
ALLOWED_EXIT = (0, 1, 2)
MAX_SECONDS = 20.0


def _paragraphs() -> dict[str, list[str]]:
    out = {}
    for lang in LANGS:
        text = (SAMPLES / "statement" / f"{lang}.txt").read_text("utf-8")
        out[lang] = [p.strip() for p in text.split("\n\n") if p.strip()]
    return out


PARAGRAPHS = _paragraphs()
ODD = ["\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u200b", "\u200e", "\u202e", "\ufeff",
       "\ufffe", "\uffff", "\u00ad", "\u0301", "\u00a0", "\u202f", "\u2028", "\r", "\r\n", "\t", "\U0001f600",
       "&#11;", "&#x0C;", "&#0;", "&#xFFFF;", "&#150;", "<!-- reconcile: ignore -->", "<", ">", "&", "]]>", "%", "\\"]
ANCHORS = ["123456789012345678901234567890123456789", "1.5 million", "EE.\u00a0UU.", "СБ\u00a0ООН", "ООН", "UNESCO",
           "9 ноября", "November 9", "1990s", "XXI век", "19:00", "7 p.m.", "90 000", "90,000.5", "1e308", "0,0",
           "-0", "½", "١٢٣", "²³", "NaN", "∞", "100 %", "5 Milliarden", "два", "zwei"]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
             "cp1251", "koi8_r", "cp1252", "latin-1"]


class Rng(random.Random):
    """The case's one source of randomness, with how hostile the case is.

    A hostile case (one in three) damages files and passes hostile options;
    the others are plausible runs over odd but readable content.
    """

    hostility = 1.0

    @property
    def hostile(self) -> bool:
        return self.hostility == 1.0


@dataclass
class Case:
    """One generated run: files to create (relative path → bytes), links, FIFOs, stdin, and the command line.

    ``argv`` may hold ``{root}`` for the case's folder.
    """

    seed: int
    files: dict[str, bytes] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    fifos: list[str] = field(default_factory=list)
    stdin: bytes = b""
    argv: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"seed": self.seed, "files": {k: v.hex() for k, v in self.files.items()}, "folders": self.folders,
                "links": self.links, "fifos": self.fifos, "stdin": self.stdin.hex(), "argv": self.argv}

    @classmethod
    def from_json(cls, data: dict) -> Case:
        return cls(data["seed"], {k: bytes.fromhex(v) for k, v in data["files"].items()}, data["folders"],
                   data["links"], data["fifos"], bytes.fromhex(data["stdin"]), data["argv"])


# --- text -------------------------------------------------------------------------------------------------

def _mutate_text(rng: Rng, text: str) -> str:
    for _ in range(rng.choice((0, 0, 1, 2, 5))):
        where = rng.randrange(len(text) + 1)
        if rng.hostile and rng.random() < 0.05:
            insert = rng.choice(("\x00", "x" * 1000, "x" * 5000, "\x00", "x" * 1000, "x" * 120_000))
        else:
            insert = rng.choice(ODD + ANCHORS)
        text = text[:where] + insert + text[where:]
    if rng.random() < 0.1:
        text = text.replace(" ", "\u00a0")
    if rng.random() < 0.05:
        text = text.upper()
    return text


def paragraphs(rng: Rng, lang: str) -> list[str]:
    source = list(PARAGRAPHS[lang if lang in PARAGRAPHS else rng.choice(LANGS)])
    roll = rng.random()
    if roll < 0.1:
        source = source[: rng.randrange(0, 3)]
    elif roll < 0.2:
        source = source * rng.randrange(2, 4)
    elif roll < 0.35:
        rng.shuffle(source)
    elif roll < 0.45:
        source = [p for p in source if rng.random() < 0.7]
    if rng.random() < 0.1 and source:
        k = rng.randrange(len(source))
        source[k:k + 2] = [" ".join(source[k:k + 2])]
    if rng.random() < 0.05:
        source += [rng.choice(ANCHORS)] * rng.randrange(1, 200)
    return [_mutate_text(rng, p) for p in source]


# --- formats ----------------------------------------------------------------------------------------------

def as_text(rng: random.Random, paras: list[str]) -> str:
    gap = rng.choice(("\n\n", "\n\n", "\n", "\r\n\r\n", "\n\n\n\n", "\f", " "))
    return gap.join(paras) + rng.choice(("\n", "", "\n\n"))


def as_markdown(rng: Rng, paras: list[str], lang: str) -> str:
    front = rng.choice(["", f"---\nlang: {lang}\n---\n\n", f"---\nlang: {lang}\noriginal: true\n---\n\n",
                        f"+++\nlang = \"{lang}\"\n+++\n\n"])
    if rng.random() < 0.1 * rng.hostility:
        front = rng.choice(["---\nlang: [1, 2\n---\n\n", "---\n: :\n---\n\n", "---\n" + "a: " * 50 + "\n---\n"])
    marks = ["", "# ", "- ", "> ", "1. ", "| ", "    ", "```\n", "`", "{{< note >}}\n", "{% raw %}"]
    return front + "\n\n".join(rng.choice(marks) + p for p in paras) + "\n"


def _attributes(rng: Rng) -> str:
    roll = rng.random()
    if roll < 0.7:
        return ""
    if roll < 1 - 0.02 * rng.hostility:
        return " " + rng.choice(['class="menu"', 'id="content"', 'lang="de"', 'role="navigation"',
                                 'class="share"', 'style="x"', "data-x='<>'"])
    return " " + " ".join(f'a{i}="x"' for i in range(rng.choice((150, 250, 5000))))


def as_html(rng: random.Random, paras: list[str], lang: str) -> str:
    import html

    tags = ["p", "p", "p", "div", "li", "h2", "blockquote", "td", "span", "script", "nav", "footer", "pre", "section",
            "code"]
    body = []
    for p in paras:
        tag = rng.choice(tags)
        text = p if rng.random() < 0.2 else html.escape(p, quote=False)
        body.append(f"<{tag}{_attributes(rng)}>{text}</{tag}>" if rng.random() > 0.05 else f"<{tag}>{text}")
        if rng.random() < 0.1:
            body.append(rng.choice(["<br><br>", "&#11;<script>var a = 1;</script>", "\f<nav>Menu</nav>", "{{< x >}}",
                                    "<!-- reconcile: ignore number_mismatch -->", "<div>" * 50, "</div>" * 50]))
    head = rng.choice(["", '<meta charset="utf-8">', '<meta charset="windows-1251">', '<meta charset="nonsense">',
                       '<?xml version="1.0" encoding="utf-8"?>'])
    wrapper = rng.choice(("article", "main", "div", "body"))
    page = (f"<!DOCTYPE html><html lang=\"{lang}\"><head>{head}<title>t</title></head><body><{wrapper}>"
            + "\n".join(body) + f"</{wrapper}></body></html>")
    if rng.random() < 0.03:
        page = "<div>" * rng.choice((300, 3000, 30000)) + page
    if rng.random() < 0.05:  # a static site's page: front matter over an HTML fragment
        page = rng.choice(("---\ntitle: T\n---\n", "---\n---\n", "+++\ntitle = 'T'\n+++\n")) + "\n".join(body)
    return page


def as_docx(rng: Rng, paras: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paras:
        clean = "".join(ch for ch in p if ch in "\t\n" or (ord(ch) >= 32 and ch not in "\ufffe\uffff\x7f"))
        clean = "".join(ch for ch in clean if not 0xD800 <= ord(ch) <= 0xDFFF)
        if rng.random() < 0.1:
            document.add_heading(clean[:200], level=1)
        elif rng.random() < 0.05:
            document.add_table(rows=1, cols=2).rows[0].cells[0].text = clean
        else:
            document.add_paragraph(clean, style=rng.choice((None, None, "List Bullet", "Quote")))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    roll = rng.random() if rng.hostile else 1.0
    if roll < 0.1:
        return _rezip(rng, data)
    if roll < 0.15:
        return data[: rng.randrange(len(data))]
    if roll < 0.2:
        cut = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            cut[rng.randrange(len(cut))] = rng.randrange(256)
        return bytes(cut)
    return data


def _rezip(rng: random.Random, data: bytes) -> bytes:
    """Rebuild the archive with document.xml damaged, emptied or stuffed with empty paragraphs."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["word/document.xml"]
    members["word/document.xml"] = rng.choice([
        xml[: len(xml) // 2], b"", b"<not xml", xml.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 100_000, 1),
        xml.replace(b"<w:body>", b"", 1), xml.replace(b"w:t>", b"w:t >"),
    ])
    if rng.random() < 0.3:
        members.pop("[Content_Types].xml", None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace" if encoding.startswith(("cp", "koi", "latin")) else "surrogatepass")
    roll = rng.random() if rng.hostile else 1.0
    if roll < 0.05 and data:
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 10)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        data = bytes(flipped)
    elif roll < 0.08:
        data = data[: rng.randrange(len(data) + 1)]
    elif roll < 0.1:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
    return data


def edition(rng: random.Random, lang: str, ext: str) -> bytes:
    paras = paragraphs(rng, lang)
    if ext == ".docx":
        return as_docx(rng, paras)
    text = {".txt": lambda: as_text(rng, paras), ".md": lambda: as_markdown(rng, paras, lang),
            ".html": lambda: as_html(rng, paras, lang)}[ext]()
    return encode(rng, text)


# --- statements and repositories ----------------------------------------------------------------------

def _name(scheme: int, lang: str, ext: str) -> str:
    return (f"{lang}{ext}", f"statement.{lang}{ext}", f"{lang}-{lang.upper()}{ext}")[scheme]


def _folder(rng: random.Random) -> str:
    return rng.choice(["s", "s", "2020-11-20-statement", "Заявление 100%, итог", "a b", "x" * 100, "deep/er/one"])


def repository(rng: random.Random, case: Case) -> list[str]:
    """Statement folders with editions; returns the folders."""
    folders = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        folder = _folder(rng)
        langs = rng.sample(LANGS, rng.choice((1, 2, 2, 3, 3, 4, 5)))
        scheme = rng.choice((0, 0, 1, 2)) if rng.random() > 0.1 * rng.hostility else -1
        for lang in langs:
            ext = rng.choice((".txt", ".txt", ".md", ".html", ".docx"))
            case.files[f"{folder}/{_name(rng.randrange(3) if scheme < 0 else scheme, lang, ext)}"] = _special(rng, case, folder, lang, ext) or \
                edition(rng, lang, ext)
        folders.append(folder)
    return folders


def _special(rng: random.Random, case: Case, folder: str, lang: str, ext: str) -> bytes | None:
    roll = rng.random() if rng.hostile else 1.0
    if roll < 0.02:
        return b""
    if roll < 0.03:
        return b"\x00" * 100 + b"text"
    if roll < 0.035:
        case.links[f"{folder}/{lang}.txt"] = "/dev/zero"
    elif roll < 0.04:
        case.fifos.append(f"{folder}/{lang}.md")
    elif roll < 0.045:
        case.folders.append(f"{folder}/{lang}.html")
    return None


# --- command lines ------------------------------------------------------------------------------------

HOSTILE = {
    "--max-input-mb": ["nan", "inf", "-1", "0", "1e308", "0.0001", "", "1e-9", "1024", "2000", "50", "0.01"],
    "--jobs": ["0", "-1", "1", "2", "64", str(10**20), "x"],
    "--pivot": ["ru", "en", "xx", "", "r u", "RU"],
    "--langs": ["ru,en", ",,", "xx,yy", "ru,en,de,es,fr", "r"],
    "--encoding": ["utf-8", "cp1251", "nonsense", "utf-16", "ascii", "utf-32"],
    "--content-selector": ["article", "[[", "//p", "p:has(", "main p", "x" * 2000, "//*[", "#content"],
    "--fail-on": ["error", "warning", "never", "sometimes"],
    "--color": ["auto", "always", "never", "maybe"],
}
FORMATS = {"align": ["text", "json", "xml"], "check": ["text", "json", "jsonl", "junit", "sarif", "github", "x"],
           "report": ["html", "md", "pdf"], "export": ["tmx", "csv"]}


def _target(rng: random.Random, case: Case, inputs: list[str]) -> str:
    choice = rng.random()
    if choice < 0.5:
        return "{root}/out/report"
    if choice < 0.6 and inputs:
        return "{root}/" + rng.choice(inputs)
    if choice < 0.7:
        case.folders.append("outdir")
        return "{root}/outdir"
    if choice < 0.75:
        case.fifos.append("out.fifo")
        return "{root}/out.fifo"
    return rng.choice(["/proc/x", "{root}/no/such/folder/r", "-", "{root}/out/report"])


def command(rng: random.Random, case: Case, folders: list[str]) -> list[str]:
    name = rng.choice(("align", "align", "check", "check", "check", "report", "export"))
    inputs = list(case.files)
    argv = [name]
    if name == "align":
        present = sorted({Path(f).name[:2] for f in case.files if f.startswith(folders[0] + "/")})
        pool = present if len(present) >= 2 and rng.random() > 0.2 * rng.hostility else list(LANGS)
        argv += rng.sample(pool, 2) if rng.random() > 0.05 * rng.hostility else [rng.choice(LANGS)] * 2
    targets = [f"{{root}}/{f}" for f in folders] or ["{root}"]
    if rng.random() < 0.2 and inputs:
        targets = [f"{{root}}/{p}" for p in rng.sample(inputs, min(len(inputs), rng.randrange(1, 4)))]
    if rng.random() < 0.05:
        targets.append(rng.choice(["{root}/missing", "", "{root}/" + "x" * 300]))
    if name == "align" and rng.random() < 0.15:
        case.stdin = edition(rng, rng.choice(LANGS), rng.choice((".txt", ".html")))
        targets.append("-")
        argv += ["--lang", f"-={argv[2]}"]
    argv += targets
    formats = FORMATS[name] if rng.hostility == 1.0 else FORMATS[name][:-1]
    argv += ["-f", rng.choice(formats)] if rng.random() < 0.8 else []
    for option, values in HOSTILE.items():
        if rng.random() < 0.12 * rng.hostility:
            argv += [option, rng.choice(values)]
    if rng.random() < 0.3:
        argv += ["-o", _target(rng, case, inputs) if rng.random() < rng.hostility else "{root}/out/report"]
    if name == "check":
        _check_options(rng, case, argv)
    extras = ["-q", "-v", "--no-such-option", "--", "-V"] if rng.hostility == 1.0 else ["-q", "-v"]
    argv += rng.sample(extras, rng.choice((0, 0, 0, 1)))
    return argv


def _check_options(rng: random.Random, case: Case, argv: list[str]) -> None:
    if rng.random() < 0.15 * rng.hostility:
        case.files["baseline.json"] = rng.choice([b"[]", b'"x"', b"{", b'{"schema_version": 1, "entries": []}',
                                                  b'{"schema_version": 1, "entries": [{"fingerprint": ["a"]}]}'])
        argv += [rng.choice(["--baseline", "--write-baseline"]), "{root}/baseline.json"]
    if rng.random() < 0.1:
        argv += ["--write-baseline", "{root}/out/new-baseline.json"]
    if rng.random() < 0.1 * rng.hostility:
        case.files["reconcile.toml"] = rng.choice([b'pivot = "ru"\n', b"jobs = 0\n", b"[[x]]\n", b"\xff\xfe",
                                                   b'severity = { moved = "off" }\n', b'langs = "ru"\n'])
    if rng.random() < 0.1 * rng.hostility:
        case.files["pyproject.toml"] = rng.choice([b'[[tool.reconcile]]\npivot = "ru"\n', b'[tool]\nreconcile = "ru"\n',
                                                   b'[tool.reconcile]\nfail_on = "never"\n', b"[tool.reconcile\n"])
    if rng.random() < 0.1 * rng.hostility:
        argv += ["--base", rng.choice(["{root}", "{root}/nope", "/"])]


def generate(seed: int) -> Case:
    """Two cases in three are plausible runs over damaged content; one in three is hostile throughout."""
    rng = Rng(seed)
    rng.hostility = 1.0 if rng.random() < 1 / 3 else 0.15
    case = Case(seed)
    folders = repository(rng, case)
    case.argv = command(rng, case, folders)
    return case


# --- running a case and judging it --------------------------------------------------------------------

def materialise(case: Case, root: Path) -> list[str]:
    """Create the case's files under root; return the command line with {root} filled in."""
    (root / "out").mkdir(parents=True, exist_ok=True)
    for folder in case.folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        path = root / name
        if path.is_dir():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, target in case.links.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() and not path.is_symlink():
            path.symlink_to(target)
    for name in case.fifos:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.mkfifo(path)
    return [arg.replace("{root}", str(root)) for arg in case.argv]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file's bytes (symlinks and FIFOs aside): inputs must never change."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(root))] = path.read_bytes()
    return found


@dataclass
class Verdict:
    """What a run did and what it broke (``problems`` empty: it kept every rule)."""

    code: int | None
    seconds: float
    problems: list[str]
    peak_mb: float = 0.0


def judge(code: int | None, stderr: str, seconds: float, before: dict[str, bytes], after: dict[str, bytes],
          argv: list[str]) -> list[str]:
    """The rules: exit 0, 1 or 2; no traceback; at most 20 s; inputs unchanged; nothing written on a failed align."""
    problems = []
    if code not in ALLOWED_EXIT:
        problems.append(f"exit code {code}")
    if "Traceback" in stderr or "internal error" in stderr:
        lines = stderr.strip().splitlines()
        problems.append("traceback or internal error: " + (lines[-1][:300] if lines else ""))
    if seconds > MAX_SECONDS:
        problems.append(f"took {seconds:.1f} s")
    writing_baseline = "--write-baseline" in argv
    report_target = _unrelated_output(argv) if code in (0, 1) else None
    changed = [name for name in before if before[name] != after.get(name, before[name])
               and not (writing_baseline and name == "baseline.json") and name != report_target]
    if changed:
        problems.append(f"input changed: {changed[:3]}")
    new = [name for name in after if name not in before]
    if code == 2 and argv and argv[0] in ("align", "report", "export") and new:
        problems.append(f"wrote {new[:3]} although the run failed")
    return problems


_VALUED = ("-o", "--output", "--config", "--baseline", "--write-baseline", "--base", "--lang", "--pivot", "--langs",
           "-f", "--format", "--fail-on", "-j", "--jobs", "--encoding", "--content-selector", "--max-input-mb",
           "--color", "--colour", "--semantic")


def _unrelated_output(argv: list[str]) -> str | None:
    """The ``-o`` target (relative to the case root) when it lies outside every folder the run was pointed at.

    Writing the report there is what the user asked for: that file was no
    input of the run, so replacing it is not "an input changed". A target in
    a folder the run searched stays protected by the rule.
    """
    prefix = "{root}/"
    target, given, expect_value = None, [], False
    for previous, token in zip(["", *argv], argv):
        if expect_value:
            expect_value = False
            if previous in ("-o", "--output") and token.startswith(prefix):
                target = token[len(prefix):]
            continue
        if token in _VALUED:
            expect_value = True
        elif token.startswith(prefix):
            given.append(token[len(prefix):])
    if target is None or not given:
        return None
    folders = {str(Path(g).parent) if Path(g).suffix else g for g in given}
    inside = any(f in (".", "") or target == f or target.startswith(f.rstrip("/") + "/") for f in folders)
    return None if inside else target


def save(case: Case, folder: Path, why: list[str]) -> Path:
    """Keep a case that broke a rule as a regression case (tests/fuzz_cases/<seed>.json)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{case.seed}.json"
    path.write_text(json.dumps({"why": why, **case.to_json()}, indent=1) + "\n", "utf-8")
    return path


class Timeout(BaseException):
    """Raised by the alarm in an in-process run: a BaseException, so no ``except Exception`` swallows it."""


def run_in_process(case: Case, root: Path, limit: float = 2 * MAX_SECONDS) -> Verdict:
    """Run the case through ``reconcile.cli.main`` in this process (fast; no memory measurement)."""
    import contextlib
    import signal
    import sys
    import time

    from reconcile.cli import main

    argv = materialise(case, root)
    before = snapshot(root)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(case.stdin))

    def expire(signum: int, frame: object) -> None:
        raise Timeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    code: int | None = None
    try:
        with contextlib.chdir(root), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            saved, sys.stdin = sys.stdin, stdin
            try:
                code = main(argv)
            finally:
                sys.stdin = saved
    except Timeout:
        code = None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - started
    after = snapshot(root)
    problems = judge(code, stderr.getvalue(), seconds, before, after, case.argv)
    if code is None:
        problems.append(f"no answer within {limit:.0f} s")
    return Verdict(code, seconds, problems)
