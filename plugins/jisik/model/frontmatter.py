"""Split a page into YAML front matter and body, with line numbers for every key.

Timestamps are *not* resolved by YAML here: `date: 2026-13-45` must become a clear "not a real date"
message for that line, not a YAML error that hides the whole front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML without implicit timestamps (dates stay strings for the model to parse)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The same delimiters MkDocs accepts (mkdocs.utils.meta.YAML_RE), and also an empty block (`---` twice)
# and a closing line at the very end of the file without a line break.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class FrontMatter:
    """The front matter of one page."""

    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each top-level key in the file."""
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    """For keys whose value is a list: the 1-based line of each item."""
    body: str = ""
    body_line: int = 1
    """1-based line in the file where `body` starts."""
    error: str | None = None
    error_line: int | None = None
    yaml_text: str = ""
    """The YAML between the `---` lines; its first line is line 2 of the file."""
    found: bool = False
    """A closed `---` block starts the page (readable or not)."""
    not_mapping: bool = False
    """The block is YAML but not `key: value` lines (it may be Markdown between two `---` rules)."""


def normalise_newlines(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF, as MkDocs does when it reads a page."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> FrontMatter:
    """Read the `---` block at the top of a page; a broken block is reported, never raised."""
    text = normalise_newlines(text)
    match = _YAML_BLOCK.match(text)
    if match is None:
        if text.startswith("---\n"):
            return FrontMatter(
                body=text,
                error="front matter starts with `---` but has no closing `---` line",
                error_line=1,
            )
        return FrontMatter(body=text)
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    yaml_text = match.group(1) or ""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and mark.line >= yaml_text.count("\n"):
            # The parser ran off the end of the block: what is unclosed (`[`, a quote) started earlier.
            mark = getattr(exc, "context_mark", None) or mark
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter(
            body=body,
            body_line=body_line,
            error=f"front matter is not valid YAML: {problem}",
            error_line=line,
            found=True,
        )
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            body=body,
            body_line=body_line,
            error="front matter must be a mapping of `key: value` lines",
            error_line=2,
            found=True,
            not_mapping=True,
        )
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    key_lines = {str(key.value): key.start_mark.line + 2 for key, _value in pairs}
    item_lines = {
        str(key.value): [item.start_mark.line + 2 for item in value.value]
        for key, value in pairs
        if isinstance(value, yaml.SequenceNode)
    }
    return FrontMatter(
        data=data,
        key_lines=key_lines,
        item_lines=item_lines,
        body=body,
        body_line=body_line,
        yaml_text=yaml_text,
        found=True,
    )
