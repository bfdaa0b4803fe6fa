"""The home capability: the home page lists the newest articles; older ones continue on `page/2/`…"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import quote

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..cards import Card, CardImage, cards, href
from ..figures.binding import Binding
from ..hashtags.index import Tag
from ..listings.paging import Paged
from ..model import Article, Entry, listed
from ..templates import Renderer

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site


class Home(Capability):
    """The home page lists the newest articles; older ones continue on `page/2/`, `page/3/`…"""

    switch = "home"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.home
        self.pages: dict[str, int] = {}
        self.paged = Paged(self.options.page, [], self.options.per_page, site.config.site_name)

    def add_files(self, files: Files, pages: PageMaker) -> None:
        self.paged.entries = listed(self.site.entries)
        self.pages = self.paged.add_files(pages, in_nav=True)

    def listing(self, uri: str) -> Hashable:
        """What a home page shows of the site (for `serve --dirty`): its cards as shown (title, date,
        summary, chips and their links, image), the number of pages, the most used tags and the links to
        the tag index, the feed and the archive."""
        number = self.pages.get(uri)
        if number is None:
            return None
        # what each card is made from (the record, its URL, its chips' names and pages, its image), not
        # the cards themselves: the same, and cheaper than making every card of every home page
        shown = tuple(
            (entry.url, entry.article, self._chips(entry.article), self._image(entry.article))
            for entry in self.paged.slice(number)
        )
        urls = self.site.urls
        return self.paged.count, shown, self._top_listing, urls.tag_index, urls.feed, urls.archive

    def _chips(self, article: Article) -> tuple[tuple[str, str | None], ...]:
        if not self.site.options.hashtags.enabled:
            return ()
        urls = self.site.urls.tags
        return tuple((name, urls.get(t.key) if t else None) for name, t in self.site.index.chips(article))

    def _image(self, article: Article) -> Binding | None:
        return next((b for b in self.site.bindings.get(article.path, []) if b.image), None)

    @cached_property
    def _top_listing(self) -> tuple[tuple[str, str | None, int], ...]:
        urls = self.site.urls.tags
        return tuple((t.name, urls.get(t.key), t.count) for t in self._ranked)

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        number = self.pages.get(page.file.src_uri)
        if number is None or page.content is None:
            return
        urls = self.site.urls
        generated = number in self.paged.generated
        entries = self.paged.slice(number)
        html = renderer.render(
            "home.html",
            cards=[
                self._card(card, entry, page.url)
                for card, entry in zip(cards(entries, page.url), entries, strict=True)
            ],
            top_tags=self.top_tags(page.url),
            all_tags=href(urls.tag_index, page.url) if urls.tag_index else None,
            title=page.title if generated else None,
            feed=href(urls.feed, page.url) if urls.feed else None,
            archive=href(urls.archive, page.url) if urls.archive else None,
            pager=self.paged.pager(number, page.url),
        )
        page.content = html if generated else page.content + html

    def top_tags(self, page_url: str) -> list[tuple[str, str | None, int]]:
        """The most used tags (name, link, count): most articles first, ties in the all-tags page's
        order (가나다, then A–Z)."""
        urls = self.site.urls.tags
        return [
            (t.name, href(urls[t.key], page_url) if t.key in urls else None, t.count) for t in self._ranked
        ]

    @cached_property
    def _ranked(self) -> list[Tag]:
        """The most used tags, worked out once per build (every home page shows them)."""
        if not self.site.options.hashtags.enabled or self.options.tags <= 0:
            return []
        return sorted(self.site.index.sorted_tags(), key=lambda t: -t.count)[: self.options.tags]

    def _card(self, card: Card, entry: Entry, page_url: str) -> Card:
        tags: tuple[tuple[str, str | None], ...] = ()
        if self.site.options.hashtags.enabled:
            urls = self.site.urls.tags
            tags = tuple(
                (name, href(urls[t.key], page_url) if t and t.key in urls else None)
                for name, t in self.site.index.chips(entry.article)
            )
        bound = self._image(entry.article)
        image = None
        if bound is not None and bound.image is not None:
            src = bound.image if "://" in bound.image else href(quote(bound.image), page_url)
            image = CardImage(src, bound.prompt.ratio[0] * 100, bound.prompt.ratio[1] * 100)
        return replace(card, tags=tags, image=image)
