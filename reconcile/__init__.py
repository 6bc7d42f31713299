"""reconcile: find what language editions of one statement lost or changed.

The public API; importing it does no work (Babel, langdetect load on first use).
"""

__version__ = "0.1.0"

from .errors import ConfigError, InputError, ReconcileError
from .model import (
    Alignment,
    Anchor,
    Edition,
    Finding,
    Link,
    Paragraph,
    Report,
    Settings,
)
from .pipeline import Source, find_editions, reconcile, reconcile_editions

__all__ = [
    "Alignment", "Anchor", "ConfigError", "Edition", "Finding", "InputError", "Link", "Paragraph",
    "ReconcileError", "Report", "Settings", "Source", "find_editions", "reconcile", "reconcile_editions",
]
