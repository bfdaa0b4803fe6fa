"""Article lists outside the tag pages: the home page's newest articles and the archive by month."""

from __future__ import annotations

from itertools import groupby

from mkdocs.structure.pages import Page

from ..config import ArchiveConfig, HomeConfig
from ..model import Entry, listed
from ..pages import PageMaker
from ..render import Renderer, cards, href
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

    def add_files(self, pages: PageMaker) -> None:
        if self.options.enabled:
            self.pages = self.paged.add_files(pages, in_nav=True, shows=(self.feed, self.archive))

    def decorate(self, page: Page, renderer: Renderer) -> None:
        number = self.pages.get(page.file.src_uri)
        if number is None or page.content is None:
            return
        generated = number in self.paged.generated
        html = renderer.render(
            "home.html",
            cards=cards(self.paged.slice(number), page.url),
            title=page.title if generated else None,
            feed=href(self.feed, page.url) if self.feed else None,
            archive=href(self.archive, page.url) if self.archive else None,
            pager=self.paged.pager(number, page.url),
        )
        page.content = html if generated else page.content + html


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
        months = []
        for (year, month), group in groupby(entries, key=_month):
            label = f"{year}년 {month}월" if year else "날짜 없음"
            months.append(
                (label, f"{year:04d}-{month:02d}" if year else "undated", cards(list(group), page.url))
            )
        generated = number in self.paged.generated
        html = renderer.render(
            "archive.html",
            months=months,
            total=len(self.paged.entries),
            title=page.title if generated else None,
            pager=self.paged.pager(number, page.url),
        )
        page.content = html if generated else page.content + html


def _month(entry: Entry) -> tuple[int, int]:
    date = entry.article.date
    return (date.year, date.month) if date else (0, 0)
