"""Which Pagefind binary builds the index, and whether it chunks Korean.

Pagefind 1.6 splits a Korean index into small chunks, so a query downloads tens of KB; 1.5 (the newest
on PyPI, as `pagefind-bin`) puts every Hangul word in one chunk (upstream issue #1211), which every
Korean query then downloads whole. The README's commands install 1.6 from npm into `.venv/pagefind`;
a pip-only install runs 1.5 and the build says the index is degraded.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CHUNKS_KOREAN = (1, 6)
"""The first Pagefind version whose Korean index is split into chunks."""
NPM_VERSION = "1.6.0"
"""The version scripts/_venv.sh and the deploy workflow install from npm (`npm install pagefind@…`)."""


@dataclass(frozen=True)
class Binary:
    path: str
    version: tuple[int, ...]
    origin: str  # where it was found, for the build log

    @property
    def chunks_korean(self) -> bool:
        return self.version[:2] >= CHUNKS_KOREAN

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version))


def npm_binaries(prefix: Path) -> list[Path]:
    """Binaries an `npm install --prefix PREFIX pagefind` put there (one package per platform)."""
    found = sorted((prefix / "node_modules" / "@pagefind").glob("*/bin/pagefind*"))
    return [p for p in found if p.is_file() and not p.name.endswith(".sha256")]


def candidates(configured: str | None, project: Path) -> list[tuple[str, str]]:
    """Places to look, in order: the `search.binary` option, `PAGEFIND_BINARY_PATH`, Pagefind from npm in
    this environment's folder or the project's `.venv/pagefind`, then the `pagefind-bin` wheel."""
    out: list[tuple[str, str]] = []
    if configured:
        out.append((str(project / configured), "search.binary"))
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    if env:
        out.append((env, "PAGEFIND_BINARY_PATH"))
    for prefix in (Path(sys.prefix) / "pagefind", project / ".venv" / "pagefind"):
        out.extend((str(p), f"npm ({prefix})") for p in npm_binaries(prefix))
    try:
        import pagefind_bin  # type: ignore[import-untyped]

        out.append((str(pagefind_bin.get_executable()), "PyPI pagefind-bin"))
    except (ImportError, FileNotFoundError):
        pass
    return out


def find(configured: str | None, project: Path) -> Binary | None:
    """The first binary that answers `--version`; with `configured` set, only that one."""
    for path, origin in candidates(configured, project):
        version = _version(path)
        if version is not None:
            return Binary(path, version, origin)
        if origin == "search.binary":
            return None
    return None


def _version(path: str) -> tuple[int, ...] | None:
    try:
        answer = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return None
    match = re.search(r"(\d+)\.(\d+)\.(\d+)", answer.stdout)
    return tuple(int(x) for x in match.groups()) if answer.returncode == 0 and match else None
