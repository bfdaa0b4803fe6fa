"""Python-Markdown extension for the hashtag conventions of one page.

* A line made only of `#tokens` is taken out of the body (Python-Markdown would make it an `<h1>`);
  the article model reads the tags (once, for every output).
* The related-posts heading (`함께 보면 좋은 글`) gets an empty slot element after it, which the
  jisik plugin fills with related articles once the whole site is known.

Usable without MkDocs: `markdown.markdown(text, extensions=["jisik.hashtags.markdown"])`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..linemarkdown import LineProcessor
from ..model import RELATED_HEADING
from ..model.conventions import hashtag_line, same_heading

RELATED_SLOT_CLASS = "jisik-related-slot"
RELATED_SLOT_HTML = f'<div class="{RELATED_SLOT_CLASS}"></div>'


class HashtagLineProcessor(LineProcessor[list[str]]):
    """Removes top-level hashtag lines, wherever they stand in a block."""

    marker = "#"

    def recognise(self, line: str) -> list[str] | None:
        return hashtag_line(line)

    def take(self, found: list[str]) -> None:
        """The line is only taken out: the article model has read its tags."""


class RelatedSlotProcessor(Treeprocessor):
    """Puts an empty slot after the related-posts heading."""

    def __init__(self, md: Markdown, heading: str) -> None:
        super().__init__(md)
        self.heading = heading

    def run(self, root: etree.Element) -> None:
        children = list(root)
        for position, element in enumerate(children):
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and same_heading(
                "".join(element.itertext()), self.heading
            ):
                slot = etree.Element("div", {"class": RELATED_SLOT_CLASS})
                root.insert(position + 1, slot)
                return


class HashtagExtension(Extension):
    """Registers the hashtag-line block processor and the related-slot tree processor."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "related_heading": [RELATED_HEADING, "Heading under which related articles are listed."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After indented code (80), before `#` headings (70).
        md.parser.blockprocessors.register(HashtagLineProcessor(md.parser), "jisik_hashtags", 75)
        md.treeprocessors.register(
            RelatedSlotProcessor(md, self.getConfig("related_heading")), "jisik_related_slot", 6
        )


def makeExtension(**kwargs: Any) -> HashtagExtension:  # noqa: N802 (Python-Markdown's name)
    return HashtagExtension(**kwargs)
