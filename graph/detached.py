"""Servers started to outlive the process that starts them (Neo4j, the Browser asset server).

Their `subprocess.Popen` handles are kept here until the server is stopped: a handle dropped
while its process runs warns "subprocess ... is still running" (ResourceWarning).
"""

from __future__ import annotations

import subprocess

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
