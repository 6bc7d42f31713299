"""Paths → statements: find every statement and its editions in a repository.

Three layouts, as static-site generators and translation teams keep them:

- a folder of editions named by language: ``2020-11-20-statement/{ru,en,de}.md``;
- siblings ``<name>.<lang>.<ext>``: ``statement.ru.html`` beside ``statement.en.html``;
- parallel trees ``<root>/<lang>/<path>``: ``content/ru/news/x.md`` and ``content/en/news/x.md``.

A file that fits none (README.md, notes) is left alone. Paths matching an
``ignore`` glob are skipped.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.localedata import locale_identifiers

from .errors import InputError
from .filenames import FORMAT_OF_SUFFIX, lang_from_name
from .model import Source

_TAG = re.compile(r"^(?P<lang>[a-z]{2})(?:[-_][A-Za-z]{2})?$")


@cache
def iso_languages() -> frozenset[str]:
    """Two-letter language codes CLDR knows (folder names that mean a language)."""
    return frozenset(code for code in locale_identifiers() if len(code) == 2)


def lang_of_folder(name: str) -> str | None:
    match = _TAG.match(name)
    return match["lang"] if match and match["lang"] in iso_languages() else None


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement: a display name and its editions."""

    name: str
    editions: tuple[Source, ...]

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(s.lang or "?" for s in self.editions)


def _ignored(path: Path, root: Path, ignore: Sequence[str]) -> bool:
    """Globs match the path below the searched folder, the path as given, or the file name."""
    if not ignore:  # (the usual case: no path to work out for each file)
        return False
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    given = path.relative_to(Path.cwd()) if path.is_absolute() and path.is_relative_to(Path.cwd()) else path
    return any(fnmatch.fnmatch(name, pattern) for pattern in ignore
               for name in (rel, given.as_posix(), path.name))


def _key(path: Path, root: Path) -> tuple[Path, str] | None:
    """(statement path, language) of an edition file under root, or None if it is not one."""
    rel = path.relative_to(root)
    for depth, part in enumerate(rel.parts[:-1]):
        lang = lang_of_folder(part)
        if lang:  # parallel trees: <root>/<lang>/<rest>
            return root.joinpath(*rel.parts[:depth], *rel.parts[depth + 1:]).with_suffix(""), lang
    stem = path.name[: -len(path.suffix)]
    if lang_of_folder(stem):  # a folder of <lang>.<ext>
        return path.parent, stem[:2].lower()
    lang = lang_from_name(path)
    if lang and "." in stem:  # <name>.<lang>.<ext>
        return path.parent / stem.rsplit(".", 1)[0], lang
    return None


def _collect(root: Path, files: list[Path], ignore: Sequence[str], found: dict[Path, dict[str, Path]]) -> None:
    for file in files:
        if file.suffix.lower() not in FORMAT_OF_SUFFIX or _ignored(file, root, ignore):
            continue
        key = _key(file, root)
        if key is None:
            continue
        statement, lang = key
        editions = found.setdefault(statement, {})
        if lang in editions and editions[lang] != file:
            raise InputError(file, f"second {lang} edition of statement {statement} (the first is {editions[lang]})")
        editions[lang] = file


def _tree_root(file: Path) -> Path | None:
    """The root of the parallel trees a file lives in (``content`` for ``content/ru/news/x.md``), or None.

    The topmost folder named like a language decides, as when the current
    folder is searched; parts above the current folder are not looked at.
    """
    parts = file.parts
    skip = len(Path.cwd().parts) if file.is_absolute() and file.is_relative_to(Path.cwd()) else 0
    if file.is_absolute() and not skip:
        skip = len(parts) - 1  # outside the current folder: no trees are guessed
    for depth in range(skip, len(parts) - 1):
        if lang_of_folder(parts[depth]):
            return Path(*parts[:depth]) if depth else Path(".")
    return None


def _neighbours(file: Path) -> tuple[Path, list[Path]]:
    """The root to read a file's statement from, and the files that may be its other editions."""
    root = _tree_root(file)
    if root is None:
        return file.parent, sorted(p for p in file.parent.iterdir() if p.is_file())
    rest = Path(*file.relative_to(root).parts[1:])
    folders = sorted(d for d in root.iterdir() if d.is_dir() and lang_of_folder(d.name))
    places = [folder / rest.parent for folder in folders]
    return root, [p for place in places if place.is_dir() for p in sorted(place.iterdir())
                  if p.is_file() and p.stem == file.stem]


def _statement_of(file: Path, ignore: Sequence[str]) -> dict[Path, dict[str, Path]]:
    """The statement an edition file belongs to, with all its editions (empty if the file is not an edition)."""
    if file.suffix.lower() not in FORMAT_OF_SUFFIX:
        return {}
    root, candidates = _neighbours(file)
    around: dict[Path, dict[str, Path]] = {}
    _collect(root, candidates, ignore, around)
    return {statement: editions for statement, editions in around.items() if file in editions.values()}


def discover(paths: Sequence[Path], ignore: Sequence[str] = (), changed: bool = False) -> list[Statement]:
    """Statements under the given folders, or containing the given files, in a stable order.

    ``changed`` is for a pre-commit hook, which passes the files a commit
    touches: each file stands for its whole statement, and files that are
    not editions (README.md, deleted or ignored files) are passed over
    instead of refused.
    """
    found: dict[Path, dict[str, Path]] = {}
    for path in paths:
        if not path.exists():
            if changed:
                continue
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            _collect(path, sorted(p for p in path.rglob("*") if p.is_file()), ignore, found)
            continue
        mine = _statement_of(path, ignore)
        if not mine and not changed:
            raise InputError(path, "is not named like an edition (<lang>.<ext>, <name>.<lang>.<ext> "
                                   "or <root>/<lang>/<path>)")
        for statement, editions in mine.items():
            found.setdefault(statement, {}).update(editions)
    return [Statement(statement.as_posix(), tuple(Source(p, lang) for lang, p in sorted(editions.items())))
            for statement, editions in sorted(found.items())]
