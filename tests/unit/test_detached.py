"""Handles of detached servers: kept while their process runs, so none is dropped running."""

from __future__ import annotations

import subprocess
import sys

from graph import detached


def test_a_running_server_keeps_its_handle_until_it_has_ended() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                            stdin=subprocess.DEVNULL)
    try:
        detached.hold(proc)
        detached.release(proc.pid)  # still running: dropping it now would warn
        assert detached.held(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    detached.release(proc.pid)
    assert not detached.held(proc.pid)


def _held(code: str) -> subprocess.Popen:
    """A held process that prints a line once it is set up."""
    proc = subprocess.Popen([sys.executable, "-c", code + "\nprint('ready', flush=True)\n"
                             "time.sleep(60)"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    detached.hold(proc)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    proc.stdout.close()
    return proc


def test_terminate_stops_a_server_cleanly_or_kills_one_that_ignores_it() -> None:
    polite = _held("import time")
    stubborn = _held("import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)")
    assert detached.terminate(polite.pid, 10) is True
    assert detached.terminate(stubborn.pid, 0.5) is False  # killed after the timeout
    for proc in (polite, stubborn):
        assert not detached.alive(proc.pid) and not detached.held(proc.pid)
