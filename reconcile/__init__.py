"""reconcile: find what language editions of one statement lost or changed.

The public API; importing it does no work (Babel, langdetect load on first use).
"""

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
    Source,
)
from .pipeline import find_editions, reconcile, reconcile_editions
from .version import __version__

__all__ = [
    "Alignment", "Anchor", "ConfigError", "Edition", "Finding", "InputError", "Link", "Paragraph",
    "ReconcileError", "Report", "Settings", "Source", "__version__", "find_editions", "reconcile", "reconcile_editions",
]
