"""A Python-Markdown block processor base for one-line conventions (hashtag lines, `출처:` lines).

Such a line is taken out of the top-level block it stands in, wherever it stands: the lines before it
are parsed as usual and the lines after it go back to the parser.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from typing import Generic, TypeVar

from markdown.blockprocessors import BlockProcessor

T = TypeVar("T")


class LineProcessor(BlockProcessor, Generic[T]):  # type: ignore[misc]
    """Subclasses give `marker` (a quick pre-check), `recognise(line)` and `take(found)`."""

    marker = ""

    def recognise(self, line: str) -> T | None:
        raise NotImplementedError

    def take(self, found: T) -> None:
        raise NotImplementedError

    def test(self, parent: etree.Element, block: str) -> bool:
        return (
            self.marker in block
            and parent is getattr(self.parser, "root", None)
            and any(self.recognise(line) is not None for line in block.split("\n"))
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        lines = blocks.pop(0).split("\n")
        index, found = next((i, f) for i, f in enumerate(map(self.recognise, lines)) if f is not None)
        self.take(found)
        if after := lines[index + 1 :]:
            blocks.insert(0, "\n".join(after))
        if before := lines[:index]:
            self.parser.parseBlocks(parent, ["\n".join(before)])
        return True
