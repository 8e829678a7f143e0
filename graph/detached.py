"""Servers started to outlive the process that starts them (Neo4j, the Browser asset server).

Their `subprocess.Popen` handles are kept here until the server is stopped: a handle dropped
while its process runs warns "subprocess ... is still running" (ResourceWarning). `terminate`
stops one, `alive` tells whether a pid still runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

_STARTED: dict[int, subprocess.Popen] = {}


def hold(proc: subprocess.Popen) -> None:
    """Keep the handle of a server that is to outlive this process."""
    _STARTED[proc.pid] = proc


def release(pid: int) -> None:
    """Forget the handle of a stopped server (poll() notes that it ended); the handle of one
    still running is kept, so it never warns."""
    handle = _STARTED.get(pid)
    if handle is not None and handle.poll() is not None:
        del _STARTED[pid]


def held(pid: int) -> bool:
    return pid in _STARTED


def alive(pid: int) -> bool:
    """True if ``pid`` runs and is not a zombie (reaping it if it is our exited child)."""
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def terminate(pid: int, timeout: float) -> bool:
    """SIGTERM, wait up to ``timeout``, then SIGKILL; the handle is released once it has
    ended. True if the clean shutdown finished."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            release(pid)
            return True
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    while alive(pid):
        time.sleep(0.1)
    release(pid)
    return False
