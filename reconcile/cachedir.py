"""Where reconcile keeps what it can rebuild: the unpacked language model, the embedding cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

CACHE_ENV = "RECONCILE_CACHE"


def cache_dir() -> Path:
    """``$RECONCILE_CACHE``, else the platform's cache folder for reconcile."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "reconcile" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "reconcile"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reconcile"
