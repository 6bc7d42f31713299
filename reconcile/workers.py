"""Worker processes that die with the run they serve.

``ProcessPoolExecutor`` workers wait for work on a queue; if the parent is
killed (SIGKILL, the OOM killer, a CI timeout) nobody tells them, and they
linger as orphans. Each worker therefore asks Linux to kill it when its
parent dies (``prctl(PR_SET_PDEATHSIG)``), and everywhere else (and as a
second line on Linux) watches its parent id from a daemon thread.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def bind_to_parent(main: int) -> None:
    """Pool initializer: exit as soon as the parent process is gone.

    ``main`` is the pid of the run; the parent may be it or, with the
    forkserver start method, the server it started (which exits with it).
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no libc prctl: the watcher below still works
    if parent == 1 != main:  # reparented to init: the run died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="reconcile-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)
