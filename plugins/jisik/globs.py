"""File patterns of `articles.paths`: `**/` spans folders, `*` and `?` stay within one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=64)
def _glob(pattern: str) -> re.Pattern[str]:
    """`**/` spans folders, `*` and `?` stay within one."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(path: str, patterns: Iterable[str]) -> bool:
    """Whether `path` matches one of `patterns`. Hangul is compared composed (NFC): a folder named on
    macOS is often decomposed (NFD), a pattern typed in mkdocs.yml composed, and they look the same."""
    path = unicodedata.normalize("NFC", path)
    return any(_glob(unicodedata.normalize("NFC", pattern)).match(path) for pattern in patterns)
