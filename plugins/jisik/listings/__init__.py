"""Article lists outside the tag pages: the home page's newest articles and the archive by month."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from urllib.parse import quote

from mkdocs.structure.pages import Page

from ..config import ArchiveConfig, HomeConfig
from ..figures.binding import Binding
from ..hashtags.index import TagIndex
from ..model import Entry, listed
from ..pages import PageMaker
from ..render import Card, CardImage, Renderer, cards, href
from ..toc import add_to_toc
from .paging import Paged


class HomeListing:
    """The home page lists the newest articles; older ones continue on `page/2/`, `page/3/`…"""

    def __init__(self, options: HomeConfig, entries: list[Entry], site_name: str) -> None:
        self.options = options
        self.site_name = site_name
        self.paged = Paged(options.page, listed(entries), options.per_page, site_name)
        self.pages: dict[str, int] = {}
        self.feed: str | None = None
        """Site-relative URL of the site feed, for the subscribe link (set by the build)."""
        self.archive: str | None = None
        """Site-relative URL of the archive (set by the build)."""
        self.index: TagIndex | None = None
        """The site's tags, for the most used tags and each card's chips (set by the build)."""
        self.tag_urls: dict[str, str] = {}
        """Site-relative URL of each tag's page, by tag key (set by the build)."""
        self.bindings: dict[str, list[Binding]] = {}
        """Each article's prompt images, for the cards' pictures (set by the build)."""
        self.tag_index_url: str | None = None
        """Site-relative URL of the all-tags page (set by the build)."""

    def add_files(self, pages: PageMaker) -> None:
        if self.options.enabled:
            self.pages = self.paged.add_files(pages, in_nav=True, shows=(self.feed, self.archive))

    def decorate(self, page: Page, renderer: Renderer) -> None:
        number = self.pages.get(page.file.src_uri)
        if number is None or page.content is None:
            return
        generated = number in self.paged.generated
        entries = self.paged.slice(number)
        html = renderer.render(
            "home.html",
            cards=[
                self._card(card, entry, page.url)
                for card, entry in zip(cards(entries, page.url), entries, strict=True)
            ],
            top_tags=self.top_tags(page.url),
            all_tags=href(self.tag_index_url, page.url) if self.tag_index_url else None,
            title=page.title if generated else None,
            feed=href(self.feed, page.url) if self.feed else None,
            archive=href(self.archive, page.url) if self.archive else None,
            pager=self.paged.pager(number, page.url),
        )
        page.content = html if generated else page.content + html

    def top_tags(self, page_url: str) -> list[tuple[str, str | None, int]]:
        """The most used tags (name, link, count): most articles first, ties in the all-tags page's
        order (가나다, then A–Z)."""
        if self.index is None or self.options.tags <= 0:
            return []
        ranked = sorted(self.index.sorted_tags(), key=lambda t: -t.count)[: self.options.tags]
        return [
            (t.name, href(self.tag_urls[t.key], page_url) if t.key in self.tag_urls else None, t.count)
            for t in ranked
        ]

    def _card(self, card: Card, entry: Entry, page_url: str) -> Card:
        tags: tuple[tuple[str, str | None], ...] = ()
        if self.index is not None:
            tags = tuple(
                (name, href(self.tag_urls[t.key], page_url) if t and t.key in self.tag_urls else None)
                for name, t in self.index.chips(entry.article)
            )
        bound = next((b for b in self.bindings.get(entry.article.path, []) if b.image), None)
        image = None
        if bound is not None and bound.image is not None:
            src = bound.image if "://" in bound.image else href(quote(bound.image), page_url)
            image = CardImage(src, bound.prompt.ratio[0] * 100, bound.prompt.ratio[1] * 100)
        return replace(card, tags=tags, image=image)


class Archive:
    """Every article, newest first, under year-and-month headings, on numbered pages."""

    def __init__(self, options: ArchiveConfig, entries: list[Entry]) -> None:
        self.options = options
        first = f"{options.path.strip('/')}/index.md"
        self.paged = Paged(first, listed(entries), options.per_page, "보관함")
        self.pages: dict[str, int] = {}

    @property
    def url(self) -> str | None:
        return self.paged.urls.get(1)

    def add_files(self, pages: PageMaker) -> None:
        if self.options.enabled:
            self.pages = self.paged.add_files(pages, in_nav=True)

    def decorate(self, page: Page, renderer: Renderer) -> None:
        number = self.pages.get(page.file.src_uri)
        if number is None or page.content is None:
            return
        entries = self.paged.slice(number)
        grouped = [(month, list(group)) for month, group in groupby(entries, key=_month)]
        names = [f"{year:04d}-{month:02d}" if year else "undated" for (year, month), _ in grouped]
        ids = renderer.anchors.ids(names, page, "month")
        months = []
        for ((year, month), group), name in zip(grouped, names, strict=True):
            label = f"{year}년 {month}월" if year else "날짜 없음"
            months.append((label, ids[name], cards(group, page.url)))
        generated = number in self.paged.generated
        html = renderer.render(
            "archive.html",
            months=months,
            total=len(self.paged.entries),
            title=page.title if generated else None,
            pager=self.paged.pager(number, page.url),
        )
        page.content = html if generated else page.content + html
        add_to_toc(page, [(label, ident) for label, ident, _cards in months])


def _month(entry: Entry) -> tuple[int, int]:
    date = entry.article.date
    return (date.year, date.month) if date else (0, 0)
