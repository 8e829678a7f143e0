"""Headless Chromium through Playwright, for end-to-end checks and screenshots.

Uses the system's Chromium (Debian package `chromium`, or $IIKG_CHROMIUM), never a browser
download. Playwright is a development dependency and is imported only here, lazily.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str | None:
    """The Chromium executable: $IIKG_CHROMIUM, else the first one on PATH."""
    configured = os.environ.get("IIKG_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def launch() -> Iterator[Any]:
    """Yield a Playwright Browser running the system Chromium headless."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError(
            "no Chromium found: install it (Debian: apt-get install chromium) or set IIKG_CHROMIUM"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()
