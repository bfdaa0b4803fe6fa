"""The engine switch: JISIK_ENGINE=properdocs runs the suite's builds under ProperDocs instead of MkDocs.

In-process builds: ProperDocs' import hook makes every `mkdocs.*` import load `properdocs.*`, as its own
CLI does (so this module is imported before anything imports MkDocs). Subprocesses: `tool("mkdocs")`
(build, serve) names the engine's console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ENGINE = os.environ.get("JISIK_ENGINE", "mkdocs")
if ENGINE not in ("mkdocs", "properdocs"):
    raise RuntimeError(f"JISIK_ENGINE must be mkdocs or properdocs, not {ENGINE!r}")
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent.parent


def tool(name: str) -> str:
    """A console script of this environment (mkdocs, properdocs, jisik); `mkdocs` means the ENGINE."""
    name = ENGINE if name == "mkdocs" else name
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_build(
    name: str, site_dir: Path, cwd: Path = ROOT, *, strict: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`<name> build [--strict] --site-dir DIR` in `cwd`, as a user runs it (`env` adds variables)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [tool(name), "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
