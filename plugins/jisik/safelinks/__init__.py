"""Safe links: a Markdown link or image whose URL would run in the reader's browser (`javascript:`…)
or that no browser can read is made text (markdown.py), and said at its line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..log import display_path, log
from ..model import Article, Problem
from ..model.frontmatter import normalise_newlines
from .markdown import SafeLinksExtension, unsafe

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["SafeLinks"]


class SafeLinks(Capability):
    """Always in the build: every page's links go through its Markdown extension."""

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.extension = SafeLinksExtension()

    def extensions(self) -> Sequence[Extension]:
        return [self.extension]

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        dropped, self.extension.dropped = self.extension.dropped, []
        if not dropped:
            return
        try:
            text = normalise_newlines(page.file.content_string)
        except (OSError, UnicodeDecodeError):
            text = ""
        for what, value in dict.fromkeys(dropped):
            offset = text.find(value)
            line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
            why = (
                "is not a URL a browser can follow (it cannot be read)"
                if what in ("link", "image") and not unsafe(value)
                else "would run in the reader's browser (not an http(s) URL)"
            )
            message = f"{what} {value[:80]!r} {why}; it is left out, a link or image shown as its text"
            log.warning(Problem(message, line).format(display_path(page.file, self.site.config)))
