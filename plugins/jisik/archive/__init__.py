"""The archive capability: every article, newest first, under year-and-month headings."""

from __future__ import annotations

from collections.abc import Hashable
from itertools import groupby
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..cards import cards
from ..listings.paging import Paged
from ..model import Article, Entry, listed
from ..templates import Renderer

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site


class Archive(Capability):
    """Every article, newest first, under year-and-month headings, on numbered pages."""

    switch = "archive"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.archive
        first = f"{self.options.path.strip('/')}/index.md"
        self.paged = Paged(first, [], self.options.per_page, "보관함")
        self.pages: dict[str, int] = {}

    def add_files(self, files: Files, pages: PageMaker) -> None:
        self.paged.entries = listed(self.site.entries)
        self.pages = self.paged.add_files(pages, in_nav=True)

    def listing(self, uri: str) -> Hashable:
        number = self.pages.get(uri)
        return None if number is None else self.paged.listing(number)

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
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
