"""Plain text from a line or paragraph of Markdown (for titles and summaries)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# Control characters (tabs and line breaks stay), and the direction embeddings, overrides and isolates
# (U+202A–202E, U+2066–2069), which turn the rest of a line around: `#‮역순 1` shows as `#1 순역`.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_ENTITY_AMP = re.compile(r"&(?=(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\s*\{:?(?:\s*(?:[#.][\w-]+|[\w-]+=\S+))+\s*\}\s*$")


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=[])


def drop_controls(text: str) -> str:
    """Text without control characters (tabs and line breaks stay) or direction overrides: no page,
    feed or JSON can use them."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """User text on one line: control characters dropped, any run of spaces and line breaks one space."""
    return " ".join(drop_controls(text).split())


_WIKILINK = re.compile(r"\[\[([^\[\]\n]+?)\]\]")


def _wikilink_shown(match: re.Match[str]) -> str:
    """`[[제목|보이는 글]]` → `보이는 글`, `[[제목#소제목]]` → `제목 › 소제목` (as the page shows it)."""
    inner = match.group(1)
    target, bar, label = inner.partition("|")
    if bar and label.strip():
        return label.strip()
    name, _hash, heading = target.partition("#")
    return " › ".join(part.strip() for part in (name, heading) if part.strip()) or match.group(0)


def wikilink_text(source: str) -> str:
    """Wikilinks outside code spans as the text a page shows for them (for summaries and titles)."""
    if "[[" not in source:
        return source
    out: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(source):
        out.append(_WIKILINK.sub(_wikilink_shown, source[position : span.start()]))
        out.append(span.group())
        position = span.end()
    out.append(_WIKILINK.sub(_wikilink_shown, source[position:]))
    return "".join(out)


def plain_text(source: str) -> str:
    """Render inline Markdown and keep only its text: `**굵게** [링크](u)` gives `굵게 링크`."""
    source = wikilink_text(source)
    if not any(ch in source for ch in "*_`[]<>&\\!"):
        return _SPACE.sub(" ", _CONTROL.sub("", source)).strip()
    md = _renderer()
    md.reset()
    rendered = md.convert(source)
    text = html.unescape(_TAG.sub("", rendered))
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def shorten(text: str, width: int, placeholder: str = "…") -> str:
    """Whitespace folded; if longer than `width`, the whole words that fit with `placeholder` after
    them (as `textwrap.shorten`, which costs ten times more: every article page has a description)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    limit = max(width - len(placeholder), 0)
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    return cut.rstrip() + placeholder


def literal(text: str) -> str:
    """Text for an element Python-Markdown will serialise, so that it shows exactly as written: its
    serialiser escapes `&` except where it starts an entity (`&amp;`, `&lt;`), which it passes on as
    markup. Those `&` are escaped here, so `AT&amp;T` shows as `AT&amp;T`, not `AT&T`."""
    return _ENTITY_AMP.sub("&amp;", text)


def text_heading(source: str) -> str:
    """A title heading's Markdown with raw HTML made text: `<` outside code spans becomes `&lt;` and
    control characters go. A title is text: `# <script>…` shows as written and runs nothing."""
    out: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(source):
        out.append(source[position : span.start()].replace("<", "&lt;"))
        out.append(span.group())
        position = span.end()
    out.append(source[position:].replace("<", "&lt;"))
    return drop_controls("".join(out))


def title_text(heading: str) -> str:
    """The plain text of a title heading, as the page shows it after `text_heading` (and without a
    trailing attribute list such as `{#id}`, which attr_list takes out of the heading)."""
    return plain_text(text_heading(_ATTR_LIST.sub("", heading)))


def heading_id(heading: str) -> str | None:
    """The id a heading gives itself with a trailing attribute list (`제목 {#id}`, `{: #id .wide}`);
    attr_list sets it, and the table of contents keeps it instead of a slug of the text."""
    found = _ATTR_LIST.search(heading)
    ids = re.findall(r"(?<=[\s{:])#([\w-]+)", found.group(0)) if found else []
    return ids[-1] if ids else None


MAX_NESTING = 50
"""Deepest list/quote nesting a page may have: Python-Markdown recurses once per level, and a list
nested a thousand levels deep stops the whole build with a RecursionError."""

_DEEP = re.compile(rf"^[ \t>]{{{MAX_NESTING + 1},}}", re.MULTILINE)
_LEAD = re.compile(r"^[ \t>]*")
_FENCE_LINE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def _cut(lead: str) -> tuple[int, int]:
    """The nesting depth of a line's lead (4 columns or one `>` per level), and where the lead
    reaches `MAX_NESTING` levels (its length when it does not)."""
    columns = quotes = 0
    for position, ch in enumerate(lead):
        if ch == ">":
            quotes += 1
        elif ch == "\t":
            columns += 4 - columns % 4
        else:
            columns += 1
        if columns // 4 + quotes > MAX_NESTING:
            return MAX_NESTING + 1, position
    return columns // 4 + quotes, len(lead)


def too_deep(markdown: str) -> list[int]:
    """0-based numbers of the lines (outside fenced code) nested more than `MAX_NESTING` levels."""
    if _DEEP.search(markdown) is None:
        return []  # nearly every page
    found = []
    fence = ""
    for number, line in enumerate(markdown.split("\n")):
        if mark := _FENCE_LINE.match(line):
            if not fence:
                fence = mark.group(1)[0] * len(mark.group(1))
            elif mark.group(1).startswith(fence):
                fence = ""
            continue
        if not fence and _cut(_LEAD.match(line).group())[0] > MAX_NESTING:  # type: ignore[union-attr]
            found.append(number)
    return found


def flatten(markdown: str, lines: list[int]) -> str:
    """`markdown` with the given lines brought up to `MAX_NESTING` levels (their text is kept)."""
    out = markdown.split("\n")
    for number in lines:
        lead = _LEAD.match(out[number]).group()  # type: ignore[union-attr]
        out[number] = lead[: _cut(lead)[1]] + out[number][len(lead) :]
    return "\n".join(out)


def meta_text(value: object) -> str:
    """A front-matter value as one line of text: a list's items joined by `, ` (a mapping's values too),
    `true`/`false` for YAML booleans, and any other value as written."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(meta_text(item) for item in value if item is not None)
    if isinstance(value, dict):
        return ", ".join(meta_text(item) for item in value.values() if item is not None)
    return "" if value is None else str(value)
