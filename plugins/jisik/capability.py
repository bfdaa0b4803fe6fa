"""The one interface every jisik capability implements (hashtags, citations, figures, feeds, …).

A capability is a folder `plugins/jisik/<name>/` whose `__init__.py` exports a `Capability` subclass.
`capabilities.py` lists them; the build makes one object of each wanted class per build from the
site-wide context (`site.Site`), and calls every hook of every object in list order. Each hook has a
no-op default, so a capability writes only the ones it needs.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .model import Article

if TYPE_CHECKING:
    from .config import JisikConfig
    from .generated import PageMaker
    from .site import Site
    from .templates import Renderer


@dataclass(frozen=True)
class Changes:
    """What changed since the last `mkdocs serve --dirty` build (see incremental/)."""

    edited: frozenset[str] = frozenset()
    """Paths of articles added, removed or changed."""
    edited_urls: frozenset[str] = frozenset()
    """Their URLs (of those still in the site)."""
    tags: frozenset[str] = frozenset()
    """Keys of the tags an edit added to or removed from an article."""
    moved: frozenset[str] = frozenset()
    """Keys of the tags of each edited article whose place in date order changed (a new `date`)."""
    counted: bool = False
    """Whether the number of listed articles changed."""


class Capability:
    """One feature of jisik. Made anew for every build, from the site-wide context (its options are
    `site.options.<name>`)."""

    switch: ClassVar[str | None] = None
    """The option section whose `enabled` decides whether the capability is in the build (`citations`);
    None: always in it."""

    def __init__(self, site: Site) -> None:
        self.site = site

    @classmethod
    def wanted(cls, options: JisikConfig, config: MkDocsConfig) -> bool:
        """Whether this capability takes part in the build (by default: its `switch` section's `enabled`)."""
        return cls.switch is None or bool(getattr(options, cls.switch).enabled)

    def setup(self, config: MkDocsConfig) -> None:
        """`on_config`: templates, stylesheets and scripts this capability adds to the theme."""

    def extensions(self) -> Sequence[Extension]:
        """Python-Markdown extensions for the per-page syntax, registered once per build (`on_config`)."""
        return ()

    def add_files(self, files: Files, pages: PageMaker) -> None:
        """`on_files`, after the articles are read and the shared URLs computed (`self.site`): may add
        generated pages (`pages.add`) or take files out."""

    def before_render(self, page: Page, article: Article | None) -> None:
        """`on_page_markdown`: hand the page's data to this capability's Markdown extension."""

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        """`on_page_content`: the page's HTML as Markdown made it."""

    def before_search(self, page: Page) -> None:
        """`on_page_context`, before Material's search plugin indexes the page."""

    def after_search(self, page: Page) -> None:
        """`on_page_context`, after the search plugin, before any capability decorates the page."""

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        """`on_page_context`: add this capability's HTML to the page (chips, lists, cards…)."""

    def head(self, page: Page, article: Article | None) -> str:
        """`on_post_page`: HTML for the page's `<head>`."""
        return ""

    def signature(self, article: Article) -> Hashable:
        """What an article's page shows of the rest of the site: under `serve --dirty` the page is
        rendered again when this changes although its file did not."""
        return None

    def listing(self, uri: str) -> Hashable:
        """What the page `uri` (not an article) lists of the site, when this capability adds a list to
        it: under `serve --dirty` the page is rendered again when this changes."""
        return None

    def unchanged(self, article: Article, previous: Hashable, changes: Changes) -> bool:
        """True when `signature(article)` is certainly still `previous` (to skip working it out again)."""
        return False

    def for_feeds(self, html: str) -> str:
        """An article's HTML (as Markdown made it) without this capability's page-only markup (a slot
        filled on the site only, a placeholder), as feed readers get it."""
        return html

    def finish(self, site_dir: str) -> set[str]:
        """`on_post_build`: write this capability's files; returns their paths."""
        return set()
