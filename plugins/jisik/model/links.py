"""Links between articles as the model records them: `[[제목]]` wikilinks and Markdown links to pages.

The syntax is read by Python-Markdown itself (the `jisik.wikilinks.markdown` extension, with the
site's own extensions): the record and the page agree on what is a link — never inside code, never
inside a URL or another link — because one parser decides both. Pure functions and records only.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import unquote

from markdown import util

from .text import drop_controls

WIKILINK = re.compile(r"\[\[(?P<inner>[^\[\]\n]+?)\]\]")
"""A wikilink in the text an inline processor sees (escaped characters are placeholders there)."""

ESCAPED_CHAR = re.compile(f"{util.STX}([0-9]+){util.ETX}")
"""How Python-Markdown keeps an escaped character (`\\|`) while inline patterns run."""


@dataclass(frozen=True)
class Link:
    """One outgoing link of an article, at the line it was written on."""

    kind: Literal["wiki", "page"]
    target: str
    """`wiki`: the text naming the article (`제목` of `[[제목#소제목|보이는 글]]`); `page`: the linked
    Markdown file's path relative to `docs_dir` (`articles/other.md`)."""
    heading: str | None = None
    """The heading named after `#` (a wikilink) or the URL's fragment (a page link)."""
    label: str | None = None
    """The text shown instead of the target (`보이는 글`), when given."""
    line: int | None = None
    whole: str | None = None
    """A wikilink's text before `|` with its `#` kept (`C# 입문`), tried first: a title may hold `#`."""

    @property
    def written(self) -> str:
        """The wikilink as a writer would write it again (for messages)."""
        if self.kind == "page":
            return self.target + (f"#{self.heading}" if self.heading else "")
        inner = self.whole if self.whole is not None else self.target
        return f"[[{inner}{'|' + self.label if self.label else ''}]]"


@lru_cache(maxsize=65536)
def link_key(text: str) -> str:
    """Title identity for links, the way tags are matched: NFC/NFD, full-/half-width, Latin case and
    spacing do not matter (`ＯｐｅｎＡＩ 소개` and `openai  소개` are one key). Remembered: every
    title is a key of the resolver and every link is looked up two or three times a build."""
    return " ".join(drop_controls(unicodedata.normalize("NFKC", text)).casefold().split())


def parse_inner(inner: str) -> tuple[str, str | None, str | None, str] | None:
    """`(target, heading, label, whole)` of a wikilink's inside as an inline processor sees it:
    `\\#` and `\\]` (escaped, so placeholders here) are the characters themselves, not separators;
    `|` and `\\|` both start the label. None when it names nothing (`[[ ]]`, `[[|x]]`) or holds code
    or markup."""
    if util.INLINE_PLACEHOLDER_PREFIX in inner:
        return None  # a code span or raw HTML inside: not a link
    if util.STX not in inner:  # no escaped character (nearly every link): the same, on the text itself
        head, _bar, rest = inner.partition("|")
        if head.endswith("\\"):
            head = head[:-1]
        whole = head.strip()
        target, hashed, after = head.partition("#")
        target, heading = (target.strip(), after.strip() or None) if hashed else (whole, None)
        label = rest.strip() or None
        return (target, heading, label, whole) if target or heading else None
    return _parse_escaped(inner)


def _parse_escaped(inner: str) -> tuple[str, str | None, str | None, str] | None:
    """`parse_inner` character by character, knowing which characters were escaped."""
    parts: list[tuple[str, bool]] = []  # (character, escaped)
    position = 0
    for match in ESCAPED_CHAR.finditer(inner):
        parts.extend((ch, False) for ch in inner[position : match.start()])
        parts.append((chr(int(match.group(1))), True))
        position = match.end()
    parts.extend((ch, False) for ch in inner[position:])
    # `\\|` separates too: a table needs it (`| [[제목\\|보이는 글]] |`); a title with `|` is reached by
    # its file name or an alias
    bar = next((i for i, (ch, _escaped) in enumerate(parts) if ch == "|"), None)
    head, label_parts = (parts[:bar], parts[bar + 1 :]) if bar is not None else (parts, [])
    if head and head[-1] == ("\\", False):
        head = head[:-1]  # `\|` where the site's extensions make no escape of it (only `tables` does)
    hash_at = next((i for i, (ch, escaped) in enumerate(head) if ch == "#" and not escaped), None)
    whole = "".join(ch for ch, _ in head).strip()
    if hash_at is None:
        target, heading = whole, None
    else:
        target = "".join(ch for ch, _ in head[:hash_at]).strip()
        heading = "".join(ch for ch, _ in head[hash_at + 1 :]).strip() or None
    label = "".join(ch for ch, _ in label_parts).strip() or None
    if not target and not heading:
        return None
    return target, heading, label, whole


def page_target(href: str, source: str) -> tuple[str, str | None] | None:
    """The Markdown file a relative link from the page `source` points to, and its fragment:
    `../b.md#x` from `a/a.md` is `("b.md", "x")`. None for URLs, absolute paths and other files."""
    if not href or href.startswith(("/", "#")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href):
        return None
    path, _, fragment = href.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path.endswith(".md"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if joined.startswith("../") or joined == "..":
        return None
    return joined, (unquote(fragment) or None)


def locate(links: Iterable[Link], text: str, first_line: int, raw: Callable[[Link], list[str]]) -> list[Link]:
    """Give each link the line it was written on: the next place in `text` (the body, starting at file
    line `first_line`) where one of its written forms stands, in document order; the first such place
    when the order was changed (footnotes move to the end). Code and HTML comments are skipped (an
    example of the link written in code before it is not where it stands) unless only they hold it."""
    found: list[Link] = []
    cursor = 0
    blank = _without_code(text)
    for link in links:
        offset = -1
        for form in raw(link):
            for searched in (blank, text) if blank is not text else (text,):
                offset = searched.find(form, cursor)
                if offset < 0:
                    offset = searched.find(form)
                if offset >= 0:
                    break
            if offset >= 0:
                break
        if offset >= 0:
            cursor = offset + 1
        line = first_line + text.count("\n", 0, offset) if offset >= 0 else None
        found.append(Link(link.kind, link.target, link.heading, link.label, line, link.whole))
    return found


_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _without_code(text: str) -> str:
    """`text` with what holds no link blanked out, line for line and character for character: fenced
    code, code spans, HTML comments. A link is then located where it was written, not at an example of
    it in code before it (a broken link's message names its own line)."""
    if "`" not in text and "~~~" not in text and "<!--" not in text:
        return text
    lines = text.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        mark = _FENCE.match(line)
        if fence:
            if mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence):
                fence = ""
            lines[number] = " " * len(line)
        elif mark:
            fence = mark.group(1)
            lines[number] = " " * len(line)
    blank = "\n".join(lines)
    for pattern in (_CODE_SPAN, _COMMENT):
        blank = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), blank)
    return blank
