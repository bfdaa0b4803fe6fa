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
    repeated: list[tuple[str, int, int]] = field(default_factory=list)
    """Keys written twice: `(key, first line, later line)`; YAML keeps the later value."""
    """1-based line in the file where `body` starts."""
    error: str | None = None
    error_line: int | None = None
    yaml_text: str = ""
    """The YAML between the `---` lines; its first line is line 2 of the file."""
    found: bool = False
    """A closed `---` block starts the page (readable or not)."""
    not_mapping: bool = False
    """The block is YAML but not `key: value` lines (it may be Markdown between two `---` rules)."""


YAML_ERROR = "front matter is not valid YAML"

MAX_VALUES = 10_000
"""The most values front matter may expand to: aliases (`*a`) can repeat a list inside itself until
it would take all memory to print (a "billion laughs"), or hold itself."""


def _too_big(root: yaml.Node) -> yaml.Node | None:
    """The top-level value (or the root) whose expansion has more than `MAX_VALUES` values, counting
    every alias as a copy of what it names; None when the whole front matter is small enough."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if id(node) in visiting:
            return MAX_VALUES + 1  # an alias inside what it names: endless when expanded
        visiting.add(id(node))
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
                if total > MAX_VALUES:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                total += size(key) + size(value)
                if total > MAX_VALUES:
                    break
        visiting.discard(id(node))
        sizes[id(node)] = total = min(total, MAX_VALUES + 1)
        return total

    if size(root) <= MAX_VALUES:
        return None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if size(value) > MAX_VALUES or size(key) > MAX_VALUES:
                found: yaml.Node = key
                return found  # an alias value's own mark is where its anchor was written
    return root


def too_big(value: object) -> bool:
    """Whether loaded YAML data (e.g. MkDocs' `page.meta`) expands to more than `MAX_VALUES` values:
    the same count as `_too_big`, on the objects (shared lists are counted each time they appear)."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(item: object) -> int:
        if not isinstance(item, (list, dict)):
            return 1
        known = sizes.get(id(item))
        if known is not None:
            return known
        if id(item) in visiting:
            return MAX_VALUES + 1
        visiting.add(id(item))
        total = 1
        for child in item.items() if isinstance(item, dict) else item:
            total += size(child[1]) + 1 if isinstance(item, dict) else size(child)
            if total > MAX_VALUES:
                break
        visiting.discard(id(item))
        sizes[id(item)] = total = min(total, MAX_VALUES + 1)
        return total

    return size(value) > MAX_VALUES


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
            error=f"{YAML_ERROR}: {problem}",
            error_line=line,
            yaml_text=yaml_text,
            found=True,
        )
    finally:
        loader.dispose()
    if node is not None and (big := _too_big(node)) is not None:
        return FrontMatter(
            body=body,
            body_line=body_line,
            error=(
                "front matter repeats itself through YAML aliases (`*name`) into more than "
                f"{MAX_VALUES:,} values (or into itself); it is ignored"
            ),
            error_line=big.start_mark.line + 2,
            found=True,
        )
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
    key_lines: dict[str, int] = {}
    repeated: list[tuple[str, int, int]] = []
    for key, _value in pairs:
        name, line = str(key.value), key.start_mark.line + 2
        if name in key_lines and name != "<<":
            repeated.append((name, key_lines[name], line))
        key_lines[name] = line  # the last one is the value YAML keeps
    item_lines = {
        str(key.value): [item.start_mark.line + 2 for item in value.value]
        for key, value in pairs
        if isinstance(value, yaml.SequenceNode)
    }
    return FrontMatter(
        data=data,
        key_lines=key_lines,
        item_lines=item_lines,
        repeated=repeated,
        body=body,
        body_line=body_line,
        yaml_text=yaml_text,
        found=True,
    )
