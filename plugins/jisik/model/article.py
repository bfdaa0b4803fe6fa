"""The article record: one page read once into everything the features need.

`parse_article` is a pure function of the page text. It never raises on bad input: what it cannot read
becomes a `Problem` with a line number, and the rest of the record is still filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal, Protocol

import yaml
from markdown import util as markdown_util

from . import conventions
from .dates import DateError, get_timezone, parse_date
from .frontmatter import YAML_ERROR, FrontMatter, split_front_matter
from .links import Link
from .text import (
    MAX_NESTING,
    drop_controls,
    flatten,
    heading_id,
    meta_text,
    one_line,
    plain_text,
    shorten,
    title_text,
    too_deep,
)

Level = Literal["error", "warning"]

RELATED_HEADING = "함께 보면 좋은 글"
EMPTY_FILE = "the file is empty"
NO_BODY = "the page has front matter but no text"
SHOWN_KEYS = ("title", "description", "summary", "author", "subtitle", "status")
"""Front-matter values shown as text (by jisik or by the theme): they must be text, not lists or maps."""


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, list):
        return "list"
    return "mapping" if isinstance(value, dict) else type(value).__name__


@dataclass(frozen=True)
class Problem:
    """Something in an article that a writer should fix; `line` is 1-based in the file."""

    message: str
    line: int | None = None
    level: Level = "warning"
    unreadable: bool = False
    """The file is not an article yet (its front matter cannot be read, or it has no text): what it
    lacks (date, tags, sources) is then not reported as well."""

    def format(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Source:
    """A cited source: from front matter (`sources:`) or a `출처:` line in the body."""

    url: str | None
    title: str | None = None
    line: int | None = None
    origin: Literal["front-matter", "body"] = "body"

    @property
    def is_link(self) -> bool:
        return self.url is not None and conventions.is_http_url(self.url)


@dataclass(frozen=True)
class Prompt:
    """An image-generation prompt and the aspect ratio of the image it asks for."""

    text: str
    ratio: tuple[int, int]
    line: int
    explicit: bool = False
    options: dict[str, str] = field(default_factory=dict)

    @property
    def full_text(self) -> str:
        """The prompt as the writer pasted it, ratio included."""
        return f"{self.text}, {self.ratio[0]}:{self.ratio[1]}"


DESCRIPTION_LENGTH = 160
"""Characters of a summary used as an article's page description (search engines show ~160)."""


@dataclass(frozen=True)
class Article:
    """Everything jisik knows about one article."""

    path: str
    title: str
    date: dt.datetime | None
    updated: dt.datetime | None
    tags: tuple[str, ...]
    sources: tuple[Source, ...]
    prompts: tuple[Prompt, ...]
    summary: str
    draft: bool
    related_slot: bool
    """True when the body has a `함께 보면 좋은 글` heading for the related-articles list."""
    meta: dict[str, Any]
    problems: tuple[Problem, ...] = ()
    tag_lines: tuple[int | None, ...] = ()
    """The file line each of `tags` was written on (the `tags:` key for front-matter tags)."""
    title_heading: str | None = None
    """The `# …` line the title was read from, as written (None when it came from elsewhere)."""
    links: tuple[Link, ...] = ()
    """Outgoing links, in the order written: `[[wikilinks]]` and Markdown links to `.md` pages."""
    aliases: tuple[str, ...] = ()
    """Other names `[[…]]` may use for this article (front matter `aliases:`, e.g. a former title)."""
    redirect_from: tuple[str, ...] = ()
    """Former paths of the file (front matter `redirect_from:`): their old URLs redirect here."""
    headings: tuple[str, ...] = ()
    """The text of every top-level heading, in order (what `[[제목#소제목]]` may name)."""
    heading_ids: tuple[tuple[str, str], ...] = ()
    """`(text, id)` of each heading that gives itself an id (`## 제목 {#id}`): the page's id for it."""

    @property
    def description(self) -> str:
        """The page's description (`<meta name="description">`, JSON-LD): the front matter's
        `description` as written, else the summary cut at a word to about 160 characters."""
        given = self.meta.get("description")
        return one_line(meta_text(given)) if given else shorten(self.summary, DESCRIPTION_LENGTH)

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first, undated last, ties by path: `sorted(articles, key=lambda a: a.sort_key)`."""
        stamp = self.date.timestamp() if self.date else float("inf")
        return (-stamp if self.date else stamp, self.path)


@dataclass(frozen=True)
class Entry:
    """An article as a site lists it: its record and its URL (relative to the site root)."""

    article: Article
    url: str


def listed(entries: Iterable[Entry]) -> list[Entry]:
    """The entries a list or feed shows: no drafts, newest first (undated last)."""
    return sorted((e for e in entries if not e.article.draft), key=lambda e: e.article.sort_key)


# --- the body scanner -----------------------------------------------------------------------------

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+\u2022]|\d{1,9}[.)])(?:[ \t]|$)")
_BLOCK_START = re.compile(r"^///[ \t]*(?P<name>[\w-]+)?[ \t]*(?:\|[ \t]*(?P<arg>.*?))?[ \t]*$")
_BLOCK_END = re.compile(r"^///[ \t]*$")
_FENCE_HEADS = ("`", "~")
_LIST_HEADS = ("-", "*", "+", "\u2022")
_BREAK_HEADS = ("#", "`", "~")  # what can end a paragraph: a hashtag line, a fence, a heading
_OPTION = re.compile(r"^[ ]{4}(?P<key>[\w-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_SETEXT = re.compile(r"^(=+|-+)[ ]*$")  # Python-Markdown's underline: no indent, one sign repeated
_HTML_BLOCK = re.compile(r"^[ ]{0,3}<(?:[!?]|/?(?P<tag>[A-Za-z][\w-]*))")


@dataclass
class Block:
    """A run of body lines of one kind, with the file line of its first line."""

    kind: Literal["paragraph", "heading", "hashtags", "code", "list", "quote", "html", "prompt-block"]
    lines: list[str]
    line: int
    name: str = ""
    arg: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def scan_blocks(body: str, first_line: int = 1) -> Iterator[Block]:
    """Split a Markdown body into top-level blocks, the way Python-Markdown will see them.

    Fenced and indented code is one `code` block (nothing in it is a tag or a prompt); a hashtag line
    is always a block of its own, even inside a paragraph, because Python-Markdown would otherwise
    turn it into a heading there too.
    """
    lines = body.split("\n")
    i, n = 0, len(lines)
    previous_kind = ""
    while i < n:
        line = lines[i]
        number = first_line + i
        head = line.lstrip(" ")[:1]  # the first character decides which rules can apply at all
        if not head or not line.strip():
            i += 1
            previous_kind = "blank" if previous_kind != "list" else "list"
            continue
        fence = _FENCE.match(line) if head in _FENCE_HEADS else None
        if fence:
            marker = fence.group(1)
            j = i + 1
            while j < n and not lines[j].lstrip(" ").startswith(marker[0] * len(marker)):
                j += 1
            yield Block("code", lines[i : j + 1], number)
            i, previous_kind = j + 1, "code"
            continue
        if line.startswith(("    ", "\t")) and previous_kind in ("", "blank", "code"):
            j = i
            while j < n and (lines[j].startswith(("    ", "\t")) or not lines[j].strip()):
                j += 1
            yield Block("code", lines[i:j], number)
            i, previous_kind = j, "code"
            continue
        start = _BLOCK_START.match(line) if line.startswith("///") else None
        if start and start.group("name"):
            j = i + 1
            while j < n and not _BLOCK_END.match(lines[j]):
                j += 1
            yield Block(
                "prompt-block" if start.group("name") == "prompt" else "html",
                lines[i:j],
                number,
                name=start.group("name") or "",
                arg=start.group("arg") or "",
            )
            i, previous_kind = j + 1, "html"
            continue
        if head == "#" and conventions.hashtag_line(line) is not None:
            yield Block("hashtags", [line], number)
            i, previous_kind = i + 1, "hashtags"
            continue
        if head == "#" and conventions.atx_heading(line) is not None:
            yield Block("heading", [line], number)
            i, previous_kind = i + 1, "heading"
            continue
        if i + 1 < n and _SETEXT.match(lines[i + 1]) and _setext_text(line):
            yield Block("heading", lines[i : i + 2], number)  # `제목` over `===`, as Python-Markdown reads it
            i, previous_kind = i + 2, "heading"
            continue
        kind: Literal["paragraph", "list", "quote", "html"] = "paragraph"
        if ((head in _LIST_HEADS or head.isdigit()) and _LIST_ITEM.match(line)) or (
            previous_kind == "list" and line.startswith(("    ", "\t"))
        ):
            kind = "list"
        elif head == ">":
            kind = "quote"
        elif head == "<":
            kind = "html"
        j = i + 1
        while j < n and lines[j].strip():
            following = lines[j]
            if following.lstrip(" ")[:1] in _BREAK_HEADS and (
                conventions.hashtag_line(following) is not None
                or _FENCE.match(following)
                or conventions.atx_heading(following) is not None
            ):
                break
            j += 1
        yield Block(kind, lines[i:j], number)
        i, previous_kind = j, kind


def _setext_text(line: str) -> bool:
    """True when Python-Markdown reads `line` over an underline as a heading: any text that is not
    the start of a raw HTML block (an inline tag such as `<img>` or `<b>` is heading text)."""
    match = _HTML_BLOCK.match(line)
    if match is None:
        return True
    tag = match.group("tag")
    return tag is not None and tag.lower() not in _BLOCK_TAGS


_BLOCK_TAGS = frozenset(markdown_util.BLOCK_LEVEL_ELEMENTS)


def heading_of(block: Block) -> tuple[int, str] | None:
    """The level and text of a `heading` block: `# 제목`, or `제목` over `===` (1) or `---` (2)."""
    if len(block.lines) == 2 and (underline := _SETEXT.match(block.lines[1])):
        return (1 if underline.group(1)[0] == "=" else 2), block.lines[0].strip()
    return conventions.atx_heading(block.lines[0])


def repeated_keys(fm: FrontMatter) -> list[Problem]:
    """A front-matter key written twice keeps only its later value: said, not silent."""
    return [
        Problem(
            f"`{name}` is written twice (lines {first} and {line}); only the value on line {line} is used",
            line,
        )
        for name, first, line in fm.repeated
    ]


# --- reading front matter values ------------------------------------------------------------------


def _tags_from_meta(value: object, line: int | None, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    items: list[object]
    if isinstance(value, str):
        items = [part for part in re.split(r"[,\s]+", value) if part]
    elif isinstance(value, list):
        items = value
    else:
        problems.append(Problem("`tags` must be a list such as `tags: [AI번아웃, OpenAI]`", line))
        return []
    tags: list[str] = []
    for item in items:
        if item is None:
            problems.append(Problem("empty `tags` entry", line))
            continue
        if isinstance(item, (list, dict)):
            shown = one_line(meta_text(item))[:60]
            problems.append(
                Problem(f"a `tags` entry must be one tag, not a list or mapping ({shown!r})", line)
            )
            continue
        text = str(item).strip().lstrip("#").strip()
        if text:
            tags.append(text)
    return tags


def tags_from_meta(value: object) -> list[str]:
    """The tags of a front-matter `tags` value (a list, or a string of comma- or space-separated tags)."""
    return _tags_from_meta(value, None, [])


_TOP_KEY = re.compile(r"^([^\s#][^:]*):")
_COMMENTED_TAG = re.compile(r"^(?:tags\s*:\s*|\s*-\s*)#\S|^(?:tags\s*:)?[^#]*[\[,]\s*#\S")
_WRITTEN_TAG = re.compile(r"#[^\s,\[\]\"'#][^\s,\[\]\"']*")


def _hashtag_comments(yaml_text: str) -> list[Problem]:
    """`tags: #AI번아웃`, `tags: [#AI번아웃, #OpenAI]`, `tags: [AI, #OpenAI]` and `- #AI번아웃` are YAML
    comments: the tags would vanish without a word (or break the YAML further down). The hint quotes
    the writer's own tags."""
    problems = []
    key = ""
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if top := _TOP_KEY.match(line):
            key = top.group(1).strip()
        if key != "tags" or not _COMMENTED_TAG.match(line):
            continue
        if "[" in line:
            inside = line.split("[", 1)[1].split("]", 1)[0]
            written = [part.strip().strip("\"'") for part in inside.split(",") if part.strip()]
            fix = f"tags: [{', '.join(json.dumps(t, ensure_ascii=False) for t in written)}]"
        elif line.lstrip().startswith("-"):
            fix = "- " + json.dumps(line.lstrip()[1:].strip().split()[0], ensure_ascii=False)
        else:
            written = _WRITTEN_TAG.findall(line)
            fix = f"tags: [{', '.join(json.dumps(t, ensure_ascii=False) for t in written)}]"
        problems.append(
            Problem(f"`#` starts a YAML comment, so this tag is lost; quote it: `{fix}`", number, "error")
        )
    return problems


def _sources_from_meta(
    value: object, key_line: int | None, item_lines: list[int], problems: list[Problem]
) -> list[Source]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    sources: list[Source] = []
    for number, item in enumerate(items):
        line = item_lines[number] if number < len(item_lines) else key_line
        if isinstance(item, str) and item.strip():
            sources.append(Source(url=item.strip(), line=line, origin="front-matter"))
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            title = item.get("title")
            sources.append(
                Source(
                    url=item["url"].strip(),
                    title=(one_line(meta_text(title)) or None) if title is not None else None,
                    line=line,
                    origin="front-matter",
                )
            )
        else:
            problems.append(Problem("a `sources` entry must be a URL or `{url: …, title: …}`", line))
    return sources


def _date_from_meta(
    meta: dict[str, Any], key: str, lines: dict[str, int], tz: dt.tzinfo, problems: list[Problem]
) -> dt.datetime | None:
    if key not in meta or meta[key] in (None, ""):
        return None
    try:
        return parse_date(meta[key], tz)
    except DateError as exc:
        problems.append(Problem(f"`{key}`: {exc}", lines.get(key), "error"))
        return None


def _day_or_time(value: dt.datetime) -> str:
    """`2026-01-02` for a date written without a time, else `2026-01-02T09:30+09:00`."""
    return value.date().isoformat() if value.time() == dt.time() else value.isoformat(timespec="minutes")


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    return bool(value)


class LinkReading(Protocol):
    """Reads a body's links (`jisik.wikilinks.reader.LinkReader`): body, its first file line, path."""

    def __call__(self, body: str, first_line: int, path: str) -> tuple[Link, ...]: ...


def _texts_from_meta(
    key: str, value: object, key_line: int | None, item_lines: list[int], problems: list[Problem]
) -> list[str]:
    """A front-matter list of text (`aliases: [옛 제목]`, or one text); what is not text is said."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    texts: list[str] = []
    for number, item in enumerate(items):
        line = item_lines[number] if isinstance(value, list) and number < len(item_lines) else key_line
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            shown = one_line(meta_text(item))[:60] if item is not None else "empty"
            problems.append(
                Problem(f"a `{key}` entry must be text, not a {_kind(item)} ({shown!r}); it is ignored", line)
            )
            continue
        text = one_line(str(item))
        if text:
            texts.append(text)
    return texts


def _redirects_from_meta(
    value: object, key_line: int | None, item_lines: list[int], problems: list[Problem]
) -> list[str]:
    """`redirect_from: [old/path.md]`: former paths of the file, relative to `docs_dir`."""
    paths = []
    texts = _texts_from_meta("redirect_from", value, key_line, item_lines, problems)
    for number, text in enumerate(texts):
        line = item_lines[number] if number < len(item_lines) else key_line
        path = str(PurePosixPath(text.strip().lstrip("/")))
        if not path.endswith(".md") or ".." in PurePosixPath(path).parts or path in (".md", "."):
            problems.append(
                Problem(
                    f"`redirect_from` entry {text!r} must be a former path of this file relative to "
                    "`docs_dir`, ending in `.md` (such as `old/name.md`); it is ignored",
                    line,
                )
            )
            continue
        paths.append(path)
    return paths


_default_reader: LinkReading | None = None


def default_link_reader() -> LinkReading:
    """The link reader for a bare `parse_article` (common Markdown extensions)."""
    global _default_reader
    if _default_reader is None:
        from ..wikilinks.reader import LinkReader  # the parser of links is the wikilinks extension

        _default_reader = LinkReader()
    return _default_reader


# --- the record -----------------------------------------------------------------------------------


def parse_article(
    text: str,
    path: str,
    *,
    timezone: str | dt.tzinfo = "Asia/Seoul",
    related_heading: str = RELATED_HEADING,
    read_links: LinkReading | None = None,
) -> Article:
    """Read one article (front matter + body conventions) into its record.

    `path` is only used for messages and as the fallback title.
    """
    tz = get_timezone(timezone) if isinstance(timezone, str) else timezone
    problems: list[Problem] = []
    fm = split_front_matter(text)
    comments = _hashtag_comments(fm.yaml_text)
    caused = (
        bool(comments)
        and (fm.error or "").startswith(YAML_ERROR)
        and (comments[0].line or 0) <= (fm.error_line or 0)
    )
    if fm.error and not caused:  # a YAML error after a `#` tag is what the `#` hint explains
        problems.append(Problem(fm.error, fm.error_line, "error", unreadable=True))
    meta, lines = fm.data, fm.key_lines
    problems.extend(comments)
    problems.extend(repeated_keys(fm))
    tags = _tags_from_meta(meta.get("tags"), lines.get("tags"), [] if comments else problems)
    tag_lines: list[int | None] = [lines.get("tags")] * len(tags)
    sources = _sources_from_meta(
        meta.get("sources"), lines.get("sources"), fm.item_lines.get("sources", []), problems
    )
    aliases = _texts_from_meta(
        "aliases", meta.get("aliases"), lines.get("aliases"), fm.item_lines.get("aliases", []), problems
    )
    redirects = _redirects_from_meta(
        meta.get("redirect_from"),
        lines.get("redirect_from"),
        fm.item_lines.get("redirect_from", []),
        problems,
    )
    prompts: list[Prompt] = []
    headings: list[str] = []
    heading_ids: list[tuple[str, str]] = []
    heading_number = 0
    heading_title: str | None = None
    heading_line: str | None = None
    heading_setext = False
    summary: str | None = None
    related_slot = False
    korean = conventions.HANGUL.search(fm.body) is not None

    for block in scan_blocks(fm.body, fm.body_line):
        if block.kind == "hashtags":
            found = conventions.hashtag_line(block.lines[0]) or []
            tags.extend(found)
            tag_lines.extend([block.line] * len(found))
        elif block.kind == "heading":
            level, heading = heading_of(block) or (0, "")
            headings.append(title_text(heading))
            if (given := heading_id(heading)) is not None:
                heading_ids.append((headings[-1], given))
            if level == 1 and heading_title is None:
                heading_title = title_text(heading)
                heading_line = block.lines[0]
                heading_number = block.line
                heading_setext = len(block.lines) == 2
            if conventions.same_heading(plain_text(heading), related_heading):
                related_slot = True
        elif block.kind == "prompt-block":
            prompts.append(_explicit_prompt(block, problems))
        elif block.kind == "paragraph":
            prose = _read_paragraph(block, sources, prompts, korean)
            if summary is None and prose:
                summary = plain_text(prose)

    for source in sources:
        if source.url is not None and not source.is_link:
            problems.append(
                Problem(
                    f"source {source.url!r} is not an http(s) URL; it will be shown as text, not a link",
                    source.line,
                    "error",
                )
            )

    if not text.strip():
        problems.append(
            Problem(
                f"{EMPTY_FILE}: it is published as a blank page (write the article or delete it)",
                1,
                unreadable=True,
            )
        )
    elif fm.found and not fm.body.strip():
        problems.append(
            Problem(
                f"{NO_BODY}: it is published as a blank page (write the article or delete it)",
                max(fm.body_line - 1, 1),
                unreadable=True,
            )
        )
    for key in SHOWN_KEYS:
        value = meta.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            problems.append(
                Problem(
                    f"`{key}` is a {_kind(value)}, not text; it is shown as {one_line(meta_text(value))!r} "
                    f'(write one line, in quotes if it starts with `[`, `{{` or `-`: `{key}: "…"`)',
                    lines.get(key),
                    "error",
                )
            )
    if deep := too_deep(fm.body):
        problems.append(
            Problem(
                f"lists or quotes nested more than {MAX_NESTING} levels deep ({len(deep)} lines); "
                f"they are shown {MAX_NESTING} levels deep",
                fm.body_line + deep[0],
                "error",
            )
        )
    for key, meaning in (
        ("draft", _flag(meta.get("draft", False))),
        ("article", meta.get("article") is not False),
    ):
        value = meta.get(key)
        if value is not None and not isinstance(value, bool):
            problems.append(
                Problem(
                    f"`{key}` must be true or false, not {one_line(meta_text(value))[:80]!r}; "
                    f"it is read as {'true' if meaning else 'false'}",
                    lines.get(key),
                )
            )
    title = one_line(meta_text(meta["title"])) if meta.get("title") else heading_title
    if not title:
        title = PurePosixPath(path).stem
    meta_summary = meta_text(meta.get("summary") or meta.get("description") or "")
    date = _date_from_meta(meta, "date", lines, tz, problems)
    updated = _date_from_meta(meta, "updated", lines, tz, problems)
    if date and updated and updated < date:
        problems.append(
            Problem(
                f"`updated` ({_day_or_time(updated)}) is before `date` ({_day_or_time(date)}); "
                "it is ignored (an article is updated after it is published)",
                lines.get("updated"),
            )
        )
        updated = None
    return Article(
        path=path,
        title=title,
        date=date,
        updated=updated,
        tags=tuple(tags),
        sources=tuple(sources),
        prompts=tuple(prompts),
        summary=plain_text(meta_summary) if meta_summary else (summary or ""),
        draft=_flag(meta.get("draft", False)),
        related_slot=related_slot,
        meta=meta,
        problems=tuple(problems),
        tag_lines=tuple(tag_lines),
        title_heading=heading_line,
        links=(read_links or default_link_reader())(
            _as_rendered(
                fm.body,
                deep,
                heading_number - fm.body_line if heading_line is not None else None,
                heading_setext,
            ),
            fm.body_line,
            path,
        )
        if fm.body
        else (),
        aliases=tuple(aliases),
        redirect_from=tuple(redirects),
        headings=tuple(headings),
        heading_ids=tuple(heading_ids),
    )


def _as_rendered(body: str, deep: list[int], title: int | None, setext: bool) -> str:
    """The body as its page is converted (see `pagemeta.prepare_article`), line for line: lines nested
    too deep brought up to `MAX_NESTING` levels, the title heading (0-based line `title`) as its text,
    which holds no link — the record's links are the page's, wherever the title heading's text
    reappears."""
    if not deep and title is None:
        return body
    text = flatten(body, deep) if deep else body
    if title is None:
        return text
    lines = text.split("\n")
    lines[title] = "제목" if setext else "# 제목"
    return "\n".join(lines)


def _read_paragraph(block: Block, sources: list[Source], prompts: list[Prompt], korean: bool) -> str:
    """Take sources and a prompt out of a paragraph block; return what is left as prose."""
    prose_lines: list[str] = []
    for offset, line in enumerate(block.lines):
        ref = conventions.source_line(line)
        if ref is not None:
            title = one_line(ref.title) if ref.title else None
            sources.append(Source(url=ref.url, title=title or None, line=block.line + offset))
        else:
            prose_lines.append(line)
    prose = "\n".join(prose_lines).strip()
    if prose and korean and (found := conventions.prompt_paragraph(prose)):
        prompts.append(Prompt(text=found[0], ratio=found[1], line=block.line))
        return ""
    if prose.startswith(("![", "|", "!!!", "???", "[TOC]", "{")):
        return ""
    return prose


def _explicit_prompt(block: Block, problems: list[Problem]) -> Prompt:
    options: dict[str, str] = {}
    content: list[str] = []
    found, read = _read_options(block)
    problems.extend(found)
    for offset, line in enumerate(block.lines[1:], start=1):
        option = _OPTION.match(line)
        if option and not content:
            written = read.get(option.group("key"))  # as the page reads it: quotes, `#` comments
            value = written if isinstance(written, str) else option.group("value").strip("\"'")
            options[option.group("key")] = value
            if (
                option.group("key") == "image"
                and conventions.has_scheme(value)
                and not conventions.is_http_url(value)
            ):
                problems.append(
                    Problem(
                        f"prompt image {value!r} is neither an http(s) URL nor a path; it is not shown",
                        block.line + offset,
                        "error",
                    )
                )
        elif line.strip() or content:
            content.append(line)
    ratio = conventions.parse_ratio(block.arg or options.get("ratio", ""))
    if ratio is None:
        problems.append(
            Problem(
                f"prompt block has no aspect ratio (write `/// prompt | 4:3`); got {block.arg!r}",
                block.line,
                "error",
            )
        )
        ratio = (1, 1)
    text = conventions.block_prompt_text(" ".join(content), ratio)
    return Prompt(text=text, ratio=ratio, line=block.line, explicit=True, options=options)


_PROMPT_OPTIONS = ("image", "alt")
_OPTION_LINE = re.compile(r"^[ ]{4,}(?!\s)")
"""pymdownx.blocks' option lines: those right after `/// prompt`, indented 4 spaces or more."""


def _read_options(block: Block) -> tuple[list[Problem], dict[Any, Any]]:
    """A prompt block's options as Python-Markdown (pymdownx.blocks) reads them (YAML: quotes, `#`
    comments), and what makes it refuse them: YAML it cannot read, a key it does not know, a value that
    is not text. It then shows the block as its raw text, the figure lost without a word; said here, at
    the option's line."""
    lines: list[str] = []
    for line in block.lines[1:]:
        if not _OPTION_LINE.match(line):
            break
        lines.append(line)
    if not lines:
        return [], {}
    first = block.line + 1
    hint = "quote a value holding `:`, `#` or a quote sign: `alt: '고양이: 지붕 위'`"
    try:
        loaded = yaml.safe_load(textwrap.dedent("\n".join(lines)))
    except (yaml.YAMLError, RecursionError) as exc:  # RecursionError: `[[[…]]]` thousands deep
        problem = "nested too deep" if isinstance(exc, RecursionError) else None
        problem = problem or getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return (
            [
                Problem(
                    f"prompt block options cannot be read ({problem}); the block is shown as text, "
                    f"not as a figure: {hint}",
                    first,
                    "error",
                )
            ],
            {},
        )
    if not isinstance(loaded, dict):
        return (
            [
                Problem(
                    f"prompt block options cannot be read as `key: value` lines; the block is shown as text, "
                    f"not as a figure: {hint}",
                    first,
                    "error",
                )
            ],
            {},
        )
    problems = []
    for key, value in loaded.items():
        at = next((first + n for n, line in enumerate(lines) if line.strip().startswith(f"{key}")), first)
        if key not in _PROMPT_OPTIONS:
            problems.append(
                Problem(
                    f"prompt block option `{drop_controls(str(key))}` is not one of `image`, `alt`; "
                    "the block is shown as text, not as a figure",
                    at,
                    "error",
                )
            )
        elif not isinstance(value, str):
            problems.append(
                Problem(
                    f"prompt block option `{key}` must be text, not {type(value).__name__}; the block "
                    f"is shown as text, not as a figure: write `{key}: '…'`",
                    at,
                    "error",
                )
            )
    return problems, loaded
