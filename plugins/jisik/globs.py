"""File patterns of `articles.paths`: `**/` spans folders, `*` and `?` stay within one, `[abc]`/`[!abc]`
match one character of a set, `{a,b}` one of several alternatives (as in shell and editor globs)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


def _closing(pattern: str, start: int, close: str) -> int:
    """The index of the `close` that ends the group opened at `start` (-1: none; it is then literal)."""
    i = start + 1
    if close == "]":
        if i < len(pattern) and pattern[i] in "!^":
            i += 1
        if i < len(pattern) and pattern[i] == "]":  # `[]…]` and `[!]…]`: the first `]` is a member
            i += 1
    return pattern.find(close, i)


def _alternatives(body: str) -> list[str]:
    """`a,b{c,d},e` split at the commas outside nested braces."""
    parts, depth, last = [], 0, 0
    for i, char in enumerate(body):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[last:i])
            last = i + 1
    return [*parts, body[last:]]


def _translate(pattern: str) -> str:
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[" and (end := _closing(pattern, i, "]")) > i:
            members = pattern[i + 1 : end]
            negated = members[0] in "!^"
            members = members[1:] if negated else members
            escaped = "".join("\\" + m if m in "\\[]^" else m for m in members)
            out.append(f"[^/{escaped}]" if negated else f"(?!/)[{escaped}]")
            i = end + 1
        elif char == "{" and (end := _closing_brace(pattern, i)) > 0 and "," in pattern[i + 1 : end]:
            out.append("(?:" + "|".join(_translate(a) for a in _alternatives(pattern[i + 1 : end])) + ")")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def _closing_brace(pattern: str, start: int) -> int:
    """The `}` closing the `{` at `start`, braces nested (-1: none)."""
    depth = 0
    for i in range(start, len(pattern)):
        if pattern[i] == "{":
            depth += 1
        elif pattern[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


@lru_cache(maxsize=64)
def _glob(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(_translate(pattern) + r"\Z")
    except re.error:  # a set such as `[z-a]`: the pattern is taken literally
        return re.compile(re.escape(pattern) + r"\Z")


def matches(path: str, patterns: Iterable[str]) -> bool:
    """Whether `path` matches one of `patterns`. Hangul is compared composed (NFC): a folder named on
    macOS is often decomposed (NFD), a pattern typed in mkdocs.yml composed, and they look the same."""
    path = unicodedata.normalize("NFC", path)
    return any(_glob(unicodedata.normalize("NFC", pattern)).match(path) for pattern in patterns)
