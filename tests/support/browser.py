"""Debian's headless Chromium driven by Playwright (Playwright's own browsers can't be fetched here)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A launched Chromium (Playwright's `Browser`) for as long as the block runs."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run ./scripts/test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()
