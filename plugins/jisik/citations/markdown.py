"""Python-Markdown extension for sources: `출처:` lines leave the body, a 출처 section ends it.

Standalone (`markdown.markdown(text, extensions=["jisik.citations.markdown"])`) the section lists the
source lines of the page. In a jisik site the plugin hands the extension each article's full list
(front matter sources too, with titles from the title cache) before the page is converted.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.treeprocessors import Treeprocessor

from ..linemarkdown import LineProcessor
from ..model import Source
from ..model.conventions import SourceRef, source_line
from ..model.text import literal
from .titles import Cited, TitleCache, cite

HEADING = "출처"
LINK_REL = "noopener noreferrer"


class SourceLineProcessor(LineProcessor[SourceRef]):
    """Takes top-level `출처:`/`Source:` lines out of the body."""

    marker = ":"

    def __init__(self, parser: BlockParser, extension: CitationsExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def recognise(self, line: str) -> SourceRef | None:
        return source_line(line)

    def take(self, found: SourceRef) -> None:
        self.extension.sources.append(Source(url=found.url, title=found.title))


class SourcesSectionProcessor(Treeprocessor):
    """Appends the numbered 출처 section (after inline processing, before the table of contents)."""

    def __init__(self, md: Markdown, extension: CitationsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        cited = self.extension.page_sources
        if cited is None:
            cited = cite(self.extension.sources, TitleCache())
        if cited:
            section_html(root, cited, self.extension.getConfig("heading"))


def section_html(root: etree.Element, cited: list[Cited], heading: str) -> None:
    """The 출처 section: an `<h2>` and an `<ol>` whose items show title, domain and (http only) link."""
    title = etree.SubElement(root, "h2")
    title.text = heading
    listing = etree.SubElement(root, "ol", {"class": "jisik-sources"})
    for source in cited:
        item = etree.SubElement(listing, "li", {"class": "jisik-source", "value": str(source.number)})
        if source.is_link:
            assert source.url is not None
            link = etree.SubElement(
                item, "a", {"href": source.url, "rel": LINK_REL, "class": "jisik-source__link"}
            )
            link.text = literal(source.title)
            shown = link
        else:
            shown = etree.SubElement(item, "span", {"class": "jisik-source__text"})
            shown.text = literal(source.title)
        if source.domain:
            # The separator is text, not CSS: feed readers and text browsers show the page unstyled.
            shown.tail = " — "
            where = etree.SubElement(item, "span", {"class": "jisik-source__domain"})
            where.text = literal(source.domain)
        if source.url and not source.is_link and source.url != source.title:
            raw = etree.SubElement(item, "code", {"class": "jisik-source__unsafe"})
            raw.text = literal(source.url)


class CitationsExtension(Extension):
    """Registers the source-line processor and the 출처 section."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"heading": [HEADING, "Heading of the sources section."]}
        super().__init__(**kwargs)
        self.page_sources: list[Cited] | None = None
        """Set by the jisik plugin for the page about to be converted; None outside a jisik site."""
        self.sources: list[Source] = []
        """The `출처:` lines of the page being converted (reset for every page)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.md = md
        self.reset()
        md.parser.blockprocessors.register(SourceLineProcessor(md.parser, self), "jisik_sources", 74)
        md.treeprocessors.register(SourcesSectionProcessor(md, self), "jisik_sources_section", 7)

    def reset(self) -> None:
        self.sources = []


def makeExtension(**kwargs: Any) -> CitationsExtension:  # noqa: N802 (Python-Markdown's name)
    return CitationsExtension(**kwargs)
