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
from ..toc import add_to_toc

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
        # Newest first, each under the month its date shows (as written, in its own offset): ordered by
        # instant alone, `2026-11-30 20:00+00:00` would split 12월 1일 (+09:00) from the rest of 12월.
        self.paged.entries = sorted(listed(self.site.entries), key=_month, reverse=True)
        self.pages = self.paged.add_files(pages, in_nav=True)

    def listing(self, uri: str) -> Hashable:
        number = self.pages.get(uri)
        return None if number is None else self.paged.listing(number)

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
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
