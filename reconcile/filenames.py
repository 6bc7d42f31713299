"""File names → format and language: what discovery and reading agree on before any byte is read.

``discover`` walks folders with it and ``ingest`` picks its reader from it,
so the two never disagree about which files are editions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from . import locales

Format = Literal["text", "markdown", "html", "docx"]

# The file types an edition may be, by suffix (lower-cased).
FORMAT_OF_SUFFIX: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}

_LANG_IN_NAME = re.compile(r"(?:^|[._-])(?P<lang>[a-z]{2})(?:[-_][A-Za-z]{2})?$")


def lang_from_name(path: Path) -> str | None:
    """``ru.txt``, ``statement.ru.txt``, ``ru-RU.txt`` → ``ru``; otherwise None.

    >>> lang_from_name(Path("statement.ru.txt")), lang_from_name(Path("README.md"))
    ('ru', None)
    """
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    match = _LANG_IN_NAME.search(stem.lower())
    if match and (match.group("lang") in locales.LANGS or stem.lower() == match.group("lang")):
        return match.group("lang")
    return None
