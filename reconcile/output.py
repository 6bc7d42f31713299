"""Writing results without losing anything: never onto an input, a folder, a device or a FIFO.

A report goes to standard output or replaces a regular file atomically: a
temporary file in the same folder is written, flushed to disk and renamed
over the target, with the mode the target had (or a new file's usual mode),
so a reader sees the old file or the new one, never half of one. A symlink
is followed: the file it names is replaced, the link stays.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError, shown

STDOUT = "-"


def _describe(mode: int) -> str | None:
    """What a non-regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(option: str, path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before anything is written, a target that is an input or not a regular file."""
    if str(path) == STDOUT:
        return
    for source in inputs:
        if str(source) != "-" and _same_file(path, source):
            raise OutputError(f"{option} {shown(path)}: is an input of this run ({shown(source)}); "
                              "refusing to overwrite it")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{option} {shown(path)}: cannot be written ({exc.strerror})") from None
    kind = _describe(info.st_mode) if info else None
    if kind:
        raise OutputError(f"{option} {shown(path)}: is {kind}, not a regular file; refusing to write onto it "
                          "(write to standard output and redirect instead)")
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise OutputError(f"{option} {shown(path)}: folder {shown(folder)} does not exist")


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, text: str, option: str = "--output") -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one rename; on any failure the old file is untouched."""
    if str(path) == STDOUT:
        raise OutputError(f"{option} -: expected a file")
    check_target(option, path)
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    except OSError as exc:
        raise OutputError(f"{option} {shown(path)}: cannot be written ({exc.strerror})") from None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{option} {shown(path)}: cannot write in {shown(target.parent)} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{option} {shown(path)}: cannot be written ({exc.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def to_stdout(text: str) -> None:
    """Standard output in UTF-8 whatever the locale says (reports are UTF-8 documents)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def deliver(text: str, path: Path | None, option: str = "--output") -> None:
    """Standard output (no path, or ``-``), or a file replaced atomically."""
    if path is None or str(path) == STDOUT:
        to_stdout(text)
    else:
        write_atomically(path, text, option)
