"""Dates from git for articles whose front matter has none: one `git log` for the whole build."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GitDates:
    """First and last commit date of every file under the docs folder (paths relative to it)."""

    created: dict[str, dt.datetime] = field(default_factory=dict)
    modified: dict[str, dt.datetime] = field(default_factory=dict)
    shallow: bool = False
    error: str | None = None


def parse_log(output: str) -> GitDates:
    """Read `git log --format=%x00%cI --name-only` output, newest commit first."""
    dates = GitDates()
    current: dt.datetime | None = None
    for line in output.splitlines():
        if line.startswith("\0"):
            current = dt.datetime.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            path = line.strip()
            dates.modified.setdefault(path, current)
            dates.created[path] = current  # older commits come later and overwrite
    return dates


def _git_dir(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        marker = folder / ".git"
        if marker.is_dir():
            return marker
        if marker.is_file():  # a worktree or submodule: "gitdir: <path>"
            text = marker.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return (folder / text[len("gitdir:") :].strip()).resolve()
    return None


def read_git_dates(docs_dir: Path) -> GitDates:
    """Run `git log` once over the docs folder. Never raises: problems are in `.error`."""
    git_dir = _git_dir(docs_dir.resolve())
    if git_dir is None:
        return GitDates(error="the docs folder is not in a git repository")
    shallow = (git_dir / "shallow").exists()
    try:
        result = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                "--format=%x00%cI",
                "--name-only",
                "--relative",
                "--no-renames",
                "--",
                ".",
            ],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return GitDates(error=f"git could not run: {exc}", shallow=shallow)
    if result.returncode != 0:
        return GitDates(error=f"git log failed: {result.stderr.strip()[:200]}", shallow=shallow)
    dates = parse_log(result.stdout)
    dates.shallow = shallow
    return dates
