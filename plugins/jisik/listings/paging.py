"""Lists of articles spread over numbered pages: `x/`, `x/page/2/`, `x/page/3/`…"""

from __future__ import annotations

import posixpath
from collections.abc import Hashable
from dataclasses import dataclass, field

from ..cards import href
from ..generated import PageMaker
from ..model import Entry


@dataclass(frozen=True)
class PagerLink:
    label: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class Pager:
    """Links between the pages of one list (None when it has one page)."""

    links: list[PagerLink]
    previous: str | None
    next: str | None
    number: int
    count: int


@dataclass
class Paged:
    """`entries` in pages of `per_page`: the first at `first` (e.g. `tags/x/index.md`), the others at
    `<folder>/page/<n>/index.md`. Every entry is on exactly one page."""

    first: str
    entries: list[Entry]
    per_page: int
    title: str
    urls: dict[int, str] = field(default_factory=dict)
    generated: set[int] = field(default_factory=set)

    @property
    def count(self) -> int:
        if self.per_page <= 0:
            return 1
        return max(1, -(-len(self.entries) // self.per_page))

    def uri(self, number: int) -> str:
        if number == 1:
            return self.first
        folder = posixpath.dirname(self.first)
        return posixpath.join(folder, "page", str(number), "index.md")

    def add_files(self, pages: PageMaker, in_nav: bool = False) -> dict[str, int]:
        """Create the pages that do not exist; returns `uri → page number`."""
        numbers = {}
        for number in range(1, self.count + 1):
            title = self.title if number == 1 else f"{self.title} ({number}쪽)"
            file, made = pages.add(self.uri(number), title, in_nav=in_nav and number == 1)
            self.urls[number] = file.url
            if made:
                self.generated.add(number)
            if number == 1 and made and file.src_uri != self.first:
                self.first = file.src_uri  # moved off a writer's page's URL: the other pages follow
            numbers[file.src_uri] = number  # the writer's README.md may be the page at index.md
        return numbers

    def listing(self, number: int) -> Hashable:
        """What page `number` shows (for `serve --dirty`): how many pages there are and its entries."""
        return self.count, tuple(
            (e.url, e.article.title, e.article.date, e.article.summary) for e in self.slice(number)
        )

    def slice(self, number: int) -> list[Entry]:
        if self.per_page <= 0:
            return self.entries
        return self.entries[(number - 1) * self.per_page : number * self.per_page]

    def pager(self, number: int, page_url: str) -> Pager | None:
        if self.count == 1:
            return None
        shown = sorted({1, self.count, *range(max(1, number - 2), min(self.count, number + 2) + 1)})
        links: list[PagerLink] = []
        for n in shown:
            if links and n - int(links[-1].label) > 1:
                links.append(PagerLink("…", ""))
            links.append(PagerLink(str(n), href(self.urls[n], page_url), n == number))
        return Pager(
            links=links,
            previous=href(self.urls[number - 1], page_url) if number > 1 else None,
            next=href(self.urls[number + 1], page_url) if number < self.count else None,
            number=number,
            count=self.count,
        )
