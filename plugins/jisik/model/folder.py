"""Reading every article of a docs folder without MkDocs (for the `jisik` command)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .article import Article, parse_article
from .dates import DEFAULT_TIMEZONE


@dataclass(frozen=True)
class Unreadable:
    """A Markdown file that could not be read as UTF-8 text."""

    path: Path
    reason: str
    line: int = 1


def bad_byte_line(exc: Exception) -> int:
    """The line of the first byte that is not UTF-8 (1 for any other reading error)."""
    if isinstance(exc, UnicodeDecodeError) and isinstance(exc.object, bytes):
        return exc.object.count(b"\n", 0, exc.start) + 1
    return 1


def read_folder(
    docs: Path, timezone: str | dt.tzinfo = DEFAULT_TIMEZONE
) -> Iterator[tuple[Path, Article | Unreadable]]:
    """Each `*.md` under `docs` in path order, read into its record (paths relative to `docs`)."""
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            yield path, Unreadable(path, f"cannot read as UTF-8 text: {exc}", bad_byte_line(exc))
            continue
        yield path, parse_article(text, relative, timezone=timezone)
