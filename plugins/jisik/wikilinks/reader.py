"""Reading an article's outgoing links from its Markdown, with the parser its page is rendered with.

The model calls a `LinkReader` once per article text (records are cached by content). It converts the
body with the site's own Markdown extensions plus the wikilinks extension, so code blocks, code spans,
URLs, raw HTML, tables, footnotes and admonitions are what the page makes of them — the record and
the page cannot disagree on which text is a link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

import markdown

from ..model.links import Link, locate, page_target
from .markdown import WikiLinkExtension

DEFAULT_EXTENSIONS = ("tables", "footnotes", "admonition", "attr_list", "pymdownx.superfences")
"""Read with when no site configuration is known (a bare `parse_article`)."""


class LinkReader:
    """Reads the links of a Markdown body; one Markdown instance reused for every article."""

    def __init__(
        self, extensions: Sequence[str] = DEFAULT_EXTENSIONS, configs: Mapping[str, Any] | None = None
    ) -> None:
        self.extensions = [name for name in extensions if isinstance(name, str)]
        self.configs = {k: v for k, v in (configs or {}).items() if k in self.extensions}
        self.signature = repr((self.extensions, sorted(self.configs.items(), key=lambda kv: kv[0])))
        """Which parser reads links (part of the record cache's key)."""
        self._md: markdown.Markdown | None = None

    def _markdown(self) -> markdown.Markdown:
        if self._md is None:
            try:
                self._md = markdown.Markdown(
                    extensions=[*self.extensions, WikiLinkExtension()], extension_configs=dict(self.configs)
                )
            except Exception:
                self._md = markdown.Markdown(extensions=[WikiLinkExtension()])
        return self._md

    def __call__(self, body: str, first_line: int, path: str) -> tuple[Link, ...]:
        if "[" not in body:
            return ()  # no link of either kind can be written without one
        md = self._markdown()
        md.reset()
        try:
            md.convert(body)
        except RecursionError:  # nested too deep: the page is shown as plain text (see pagemeta)
            return ()
        found: list[Link] = []
        for item in md.jisik_links:  # type: ignore[attr-defined]
            if isinstance(item, Link):
                found.append(item)
            elif (target := page_target(item, path)) is not None:
                found.append(Link("page", target[0], target[1]))
        return tuple(locate(found, body, first_line, _written))


def _written(link: Link) -> list[str]:
    """Text the link's source surely starts with, best guess first (to find its line)."""
    if link.kind == "page":
        return [posixpath.basename(link.target), "]("]
    return [f"[[{link.whole or link.target}", f"[[{link.target}", "[["]


def for_site(extensions: Sequence[object], configs: Mapping[str, Any] | None) -> LinkReader:
    """The reader for a site: its configured extensions (by name; jisik's own are left out)."""
    return LinkReader([e for e in extensions if isinstance(e, str)], configs)
