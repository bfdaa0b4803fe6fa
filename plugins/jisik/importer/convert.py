"""Raw article text (ARTICLE-FORMAT section 1) to a jisik Markdown article (section 2). Pure functions.

The raw text is plain text, not Markdown: prose, headings and bullets are escaped so that a `*`, a
`<b>` or a line starting with `#` shows as written. Image prompts (joined into one line), `출처:`
lines and the hashtag line are kept as they are, because the plugin recognises them in the page with
the same functions (`jisik.model.conventions`) that recognise them here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Literal

import yaml

from ..model import RELATED_HEADING, get_timezone
from ..model.conventions import HANGUL, hashtag_line, prompt_paragraph, same_heading, source_line
from ..model.dates import DEFAULT_TIMEZONE
from ..model.frontmatter import normalise_newlines
from ..model.links import link_key
from .romanize import slugify_title

DEFAULT_JUNK: tuple[str, ...] = ("Leave a Comment", "error: Content is protected !!")
"""Scraper footer lines dropped by default (compared whole-line, ignoring case and spacing)."""

MAX_HEADING = 50
"""A section heading is at most this many characters long."""

_LONG_TITLE = 100


class ConvertError(ValueError):
    """Raw text that cannot become an article (it has no text at all)."""


@dataclass(frozen=True)
class Imported:
    """One converted article: its Markdown, the title and date it got, and notes for the writer."""

    markdown: str
    title: str
    date: dt.date
    notices: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return article_filename(self.date, self.title)


def article_filename(date: dt.date, title: str, number: int = 1) -> str:
    """`2026-11-27-ai-beonaut-geomul-….md`; the `number`-th file of that day and slug gets `-number`."""
    suffix = f"-{number}" if number > 1 else ""
    return f"{date.isoformat()}-{slugify_title(title)}{suffix}.md"


def today_in(timezone: str = DEFAULT_TIMEZONE) -> dt.date:
    """Today's date where the writers are (a Seoul morning is still yesterday in UTC). A set
    `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/) is the time instead."""
    zone = get_timezone(timezone)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), zone).date()
    return dt.datetime.now(zone).date()


# --- escaping plain text for Markdown -------------------------------------------------------------

_ENTITY = re.compile(r"&(?=#|\w+;)")  # `&#0` without `;` is an entity for Python-Markdown too
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_LINK_LIKE = re.compile(r"\]\s*[(\[]|^\s*\[[^\]]*\]:")
_LONG_NUMBER_ITEM = re.compile(r"^(\d{3,})\.(?=\s)")
_HEADING_NUMBER_ITEM = re.compile(r"^(\d+)\.(?=\s|$)")
_RULE = re.compile(r"^-(?:\s*-){2,}$")
_SETEXT_LINE = re.compile(r"^[=-]+$")


def escape_inline(text: str) -> str:
    """Escape what Python-Markdown would read as markup in one line of plain text.

    Backslashes, backticks, `*`, `{` (attribute lists) and `_` at word edges are backslash-escaped;
    `[`/`]` only where they could form a link (`[속보]` stays readable); `<` before a tag name and
    `&` before an entity name become `&lt;`/`&amp;`.
    """
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*{])", r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    if _LINK_LIKE.search(text):
        text = re.sub(r"([\[\]])", r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _HTML_START.sub("&lt;", text)


def _escape_block_start(line: str, *, heading: bool) -> str:
    """Escape what would start a block (quote, heading, admonition, fence, list) at a line start.

    In a heading, Python-Markdown itself starts no block, but `parse_article` reads heading text as
    a block of Markdown, so `> 인용`, `- 항목` and `1. 첫째` are escaped there too.
    """
    if line.startswith(("#", ">")) or line.startswith("!!!"):
        return "\\" + line
    if line.startswith("///"):
        return "&#47;" + line[1:]
    if line.startswith("~~~"):
        return "&#126;" + line[1:]
    if heading and _RULE.match(line):
        return "".join("\\" + char if char == "-" else char for char in line)
    if heading and re.match(r"[-+](?:\s|$)", line):
        return "\\" + line
    number = _HEADING_NUMBER_ITEM if heading else _LONG_NUMBER_ITEM
    return number.sub(r"\1\\.", line)


def _escape_bullet(line: str) -> str:
    """A bullet's text: as a heading's, and a leading `-`/`+` escaped (`- --` would be a rule)."""
    text = _escape_block_start(escape_inline(line), heading=True)
    return "\\" + text if text.startswith(("-", "+")) else text


def escape_heading(text: str) -> str:
    """A heading's text: inline escapes, no block start, and trailing `#` kept (Markdown drops them)."""
    text = re.sub(r"#+$", lambda m: "\\#" * len(m.group(0)), escape_inline(" ".join(text.split())))
    return _escape_block_start(text, heading=True)


def escape_line(line: str, first: bool) -> str:
    """One line of a prose paragraph: inline escapes and nothing that starts a block.

    `1. 첫째` lines stay a numbered list, as the writer meant; `2026. 봄` does not become one.
    """
    line = _escape_block_start(escape_inline(line), heading=False)
    if not first and _SETEXT_LINE.match(line):
        line = "".join("\\" + char for char in line)
    return line


# --- reading the raw text -------------------------------------------------------------------------

# `•` and the bullets CP949 (Windows' Korean code page, which has no `•`) can hold: `· ● ○ ■ □ ◆ ◇`.
_BULLET_SIGNS = "\u2022\u2023\u2219\u25e6\u25aa\u25ab\u00b7\u25cf\u25cb\u25a0\u25a1\u25c6\u25c7"
_BULLET = re.compile(rf"^(?:[{_BULLET_SIGNS}]\s*|[-*+]\s+)(?P<item>.*)$")
_DATE_LINE = re.compile(
    r"^(?:(?:작성일|게시일|등록일|발행일|날짜|일자|date|posted(?:\s+on)?|published(?:\s+on)?)\s*[:\uff1a]?\s*)?"
    r"(?P<y>\d{4})\s*(?:[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})\.?"
    r"|년\s*(?P<mk>\d{1,2})\s*월\s*(?P<dk>\d{1,2})\s*일)"
    r"(?:\s*\(?[월화수목금토일](?:요일)?\)?)?"
    r"(?:\s*(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.IGNORECASE,
)
# Control characters, and byte-order marks left in the middle by joining files.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_SENTENCE_END = (".", "!", "?", "\u3002", "\u2026", '"', "\u201d", ")", "다", "요")
_NOT_HEADING_END = (".", ",", ":", ";", "\u3002", "\uff0c", "\uff1a")

Kind = Literal["hashtags", "sources", "bullets", "text", "prompt", "heading", "related"]


@dataclass
class _Item:
    kind: Kind
    lines: list[str]
    alone: bool = False
    """The item is a whole block of the raw text (a line between blank lines, for headings)."""
    linked: set[int] = field(default_factory=set)
    """Lines (by index) that are an existing article's title under the related heading: wikilinks."""


def _fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def date_line(line: str) -> tuple[int, int, int] | None:
    """`2026-11-27`, `2026. 11. 27.`, `작성일: 2026년 11월 27일 (목) 09:30` give (2026, 11, 27)."""
    match = _DATE_LINE.match(line.strip())
    if match is None:
        return None
    month = match.group("m") or match.group("mk")
    day = match.group("d") or match.group("dk")
    return int(match.group("y")), int(month), int(day)


def _segments(block: list[str]) -> list[_Item]:
    """Split one raw block into hashtag lines, source lines, bullets and text, in order."""
    items: list[_Item] = []
    for line in block:
        kind: Kind
        if hashtag_line(line) is not None:
            kind = "hashtags"
        elif source_line(line) is not None:
            kind = "sources"
        elif bullet := _BULLET.match(line):
            kind, line = "bullets", bullet.group("item").strip()
            if not line:
                continue
        else:
            kind = "text"
        if items and items[-1].kind == kind:
            items[-1].lines.append(line)
        else:
            items.append(_Item(kind, [line]))
    if len(items) == 1:
        items[0].alone = True
    return items


def _is_prose(item: _Item) -> bool:
    text = " ".join(item.lines)
    return item.kind == "text" and (len(text) > MAX_HEADING or text.endswith(_SENTENCE_END))


def _heading_candidate(item: _Item) -> bool:
    if item.kind != "text" or not item.alone or len(item.lines) != 1:
        return False
    line = item.lines[0]
    return len(line) <= MAX_HEADING and not line.endswith(_NOT_HEADING_END)


def convert(
    text: str,
    *,
    date: dt.date | None = None,
    junk: Iterable[str] = DEFAULT_JUNK,
    today: dt.date | None = None,
    related_heading: str = RELATED_HEADING,
    titles: Container[str] = (),
) -> Imported:
    """Turn the raw text of one article into jisik Markdown.

    A line listed under the related heading (`함께 보면 좋은 글`) whose text is the title of an article
    in `titles` (title keys, see `link_key`) becomes a wikilink to it (`- [[제목]]`).

    The title is the first line; the date is `date`, else the first line of the text that is only a
    date (taken out of the body), else `today` (default: today in Seoul) with a notice. Lines equal
    to a `junk` entry are dropped. Raises ConvertError for text with nothing in it.
    """
    junk_keys = {_fold(entry) for entry in junk if entry.strip()}
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", normalise_newlines(text)))
    lines = [line.strip() for line in text.split("\n")]
    notices: list[str] = []
    found_date: dt.date | None = None
    title: str | None = None
    for number, line in enumerate(lines):
        if not line:
            continue
        if _fold(line) in junk_keys:
            lines[number] = ""
            continue
        if found_date is None and (parts := date_line(line)) is not None:
            try:
                found_date = dt.date(*parts)
            except ValueError:
                notices.append(f"line {number + 1} looks like a date but is not a real date; kept as text")
            else:
                lines[number] = ""
                if date is None:
                    notices.append(f"date {found_date.isoformat()} taken from line {number + 1}")
                continue
        if title is None:
            title = " ".join(line.split())
            lines[number] = ""
    if title is None:
        raise ConvertError("there is no text to import (the file is empty or only junk lines)")
    if len(title) > _LONG_TITLE:
        notices.append(f"the first line, used as the title, is long ({len(title)} characters)")
    if date is None:
        date = found_date
    if date is None:
        date = today or today_in()
        notices.append(f"no date in the text; dated today, {date.isoformat()}")

    korean = HANGUL.search(title + "\n".join(lines)) is not None
    items = _classify(lines, korean, related_heading)
    _link_related(items, titles)
    body = [f"# {escape_heading(title)}", *(_render(item, related_heading) for item in items)]
    front = yaml.safe_dump({"date": date}, allow_unicode=True, sort_keys=False)
    markdown = f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"
    return Imported(markdown=markdown, title=title, date=date, notices=tuple(notices))


def _classify(lines: list[str], korean: bool, related_heading: str) -> list[_Item]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    items = [item for block in blocks if block for item in _segments(block)]
    for item in items:
        if item.kind != "text":
            continue
        if item.alone and len(item.lines) == 1 and same_heading(item.lines[0], related_heading):
            item.kind = "related"
        elif korean and prompt_paragraph("\n".join(item.lines)) is not None:
            item.kind = "prompt"
    for index, item in enumerate(items):
        if not _heading_candidate(item):
            continue
        following = next((later for later in items[index + 1 :] if later.kind != "prompt"), None)
        if following is not None and _is_prose(following):
            item.kind = "heading"
    return items


_NOT_LINKABLE = re.compile(r"[\[\]|`\\<]")
"""A title with one of these cannot be written inside `[[…]]` as it is (it stays text)."""


def _link_related(items: list[_Item], titles: Container[str]) -> None:
    """Mark the lines under the related heading that are an existing article's title (wikilinks)."""
    under = False
    for item in items:
        if item.kind in ("related", "heading"):
            under = item.kind == "related"
        elif under and item.kind in ("bullets", "text"):
            for number, line in enumerate(item.lines):
                if not _NOT_LINKABLE.search(line) and not line.startswith("#") and link_key(line) in titles:
                    item.linked.add(number)


def _render(item: _Item, related_heading: str) -> str:
    if item.kind == "heading":
        return f"## {escape_heading(item.lines[0])}"
    if item.kind == "related":
        return f"## {related_heading}"
    if item.kind in ("bullets", "text") and item.linked:  # titles under the related heading: links
        return "\n".join(
            f"- [[{line}]]" if n in item.linked else f"- {_escape_bullet(line)}"
            for n, line in enumerate(item.lines)
        )
    if item.kind == "bullets":  # an item's text is parsed as blocks: `- #1` would be a heading
        return "\n".join(f"- {_escape_bullet(line)}" for line in item.lines)
    if item.kind == "text":
        return "\n".join(escape_line(line, number == 0) for number, line in enumerate(item.lines))
    if item.kind == "prompt":
        # One line: the page reads the prompt with its spacing folded, and a line of it that starts with
        # `<script>` or `<img` would otherwise be a raw HTML block that runs instead of prompt text.
        return " ".join(" ".join(item.lines).split())
    return "\n".join(item.lines)  # 출처 lines and hashtag lines stay exactly as written


def skeleton(
    title: str, date: dt.date, related_heading: str = RELATED_HEADING, *, draft: bool = False
) -> str:
    """A new, empty article for `jisik new`: front matter, title, a guide comment, the related slot.
    `draft` adds `draft: true`: the site lists it nowhere until the writer removes that line."""
    meta: dict[str, object] = {"date": date, "draft": True} if draft else {"date": date}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    guide = (
        "<!--\n"
        "첫 문단이 글의 요약이 됩니다. 소제목은 `## 소제목`, 목록은 `- 항목`으로 씁니다.\n"
        "이미지 프롬프트는 영어 문단 끝에 비율을 붙입니다: `..., photorealistic style, 4:3`\n"
        "출처는 본문 끝에 `출처: https://...` 줄로, 해시태그는 맨 끝에 `#태그 #태그` 줄로 씁니다.\n"
        "-->"
    )
    return f"---\n{front}---\n\n# {escape_heading(title)}\n\n{guide}\n\n## {related_heading}\n"
