"""Article lists outside the tag pages: the home page's list of articles, newest first."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..config import HomeConfig
from ..model import Entry
from ..pages import add_page
from ..render import Renderer, cards, href


class HomeListing:
    """Appends every listed article (drafts left out), newest first, to the home page."""

    def __init__(self, options: HomeConfig, entries: list[Entry], site_name: str) -> None:
        self.options = options
        self.entries = sorted((e for e in entries if not e.article.draft), key=lambda e: e.article.sort_key)
        self.site_name = site_name
        self.generated = False
        self.feed: str | None = None
        """Site-relative URL of the site feed, for the subscribe link (set by the build)."""

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        if self.options.enabled:
            _file, self.generated = add_page(files, config, self.options.page, self.site_name)

    def decorate(self, page: Page, renderer: Renderer) -> None:
        if not self.options.enabled or page.file.src_uri != self.options.page or page.content is None:
            return
        html = renderer.render(
            "home.html",
            cards=cards(self.entries, page.url),
            title=self.site_name if self.generated else None,
            feed=href(self.feed, page.url) if self.feed else None,
        )
        page.content = html if self.generated else page.content + html
