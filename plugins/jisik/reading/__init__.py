"""What an article page shows around its text: the date line under the title (published, updated,
reading time) and, at its end, the previous (older) and next (newer) article by date."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import math
import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..cards import format_date, href
from ..model import Article, Entry, listed
from ..model.dates import iso_datetime
from ..templates import Renderer, after_title

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site

_FIGURE = re.compile(r"<figure\b.*?</figure>", re.DOTALL | re.IGNORECASE)
_TITLE = re.compile(r"<h1\b.*?</h1>", re.DOTALL | re.IGNORECASE)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BACKLINKS = re.compile(r'<section class="jisik-backlinks".*?</section>', re.DOTALL)


def reading_minutes(content_html: str, per_minute: int) -> int:
    """Minutes to read a page's body (its title, figures, prompts, permalinks and markup not
    counted), at least 1."""
    for pattern in (_FIGURE, _TITLE, _PERMALINK, _HIDDEN, _BACKLINKS):
        content_html = pattern.sub(" ", content_html)
    text = _TAG.sub(" ", content_html)
    # str.split() splits at exactly the characters str.isspace() calls spaces: the same count, 7× faster
    characters = sum(map(len, htmllib.unescape(text).split()))
    return max(1, math.ceil(characters / max(1, per_minute)))


@dataclass(frozen=True)
class Neighbour:
    """An article linked from another one's end."""

    title: str
    href: str


class Reading(Capability):
    """Decorates article pages: the date line after the title, the previous/next links at the end."""

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.reading
        self.older: dict[str, Entry] = {}
        self.newer: dict[str, Entry] = {}
        self._minutes: dict[str, int] = {}

    def add_files(self, files: Files, pages: PageMaker) -> None:
        order = listed(self.site.entries)  # newest first, as the archive lists them
        for position, entry in enumerate(order):
            if position + 1 < len(order):
                self.older[entry.article.path] = order[position + 1]
            if position > 0:
                self.newer[entry.article.path] = order[position - 1]

    def signature(self, article: Article) -> Hashable:
        """What an article page shows of other articles here (for `--dirty` rebuilds)."""
        return tuple(
            (e.url, e.article.title) if e else None
            for e in (self.older.get(article.path), self.newer.get(article.path))
        )

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        """The reading time counts the page's own HTML (before chips and related lists)."""
        if article is not None and self.options.byline and (article.date or article.updated):
            self._minutes[article.path] = reading_minutes(html, self.options.characters_per_minute)

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        if page.content is None or article is None:
            return
        content = page.content
        minutes = self._minutes.pop(article.path, None)
        if self.options.byline and (article.date or article.updated) and minutes is not None:
            byline = renderer.render(
                "byline.html",
                published=_stamp(article.date),
                updated=_updated_stamp(article.date, article.updated),
                minutes=minutes,
            )
            content = after_title(content, byline)
        if self.options.neighbours:
            older = self.older.get(article.path)
            newer = self.newer.get(article.path)
            if older or newer:
                content += renderer.render(
                    "neighbours.html",
                    older=self._neighbour(older, page.url),
                    newer=self._neighbour(newer, page.url),
                )
        page.content = content

    @staticmethod
    def _neighbour(entry: Entry | None, page_url: str) -> Neighbour | None:
        if entry is None:
            return None
        return Neighbour(entry.article.title, href(entry.url, page_url))


def _updated_stamp(published: object, updated: object) -> tuple[str, str] | None:
    """The updated date, unless it shows as the published day (a same-day fix is not news)."""
    stamp = _stamp(updated)
    shown = _stamp(published)
    return None if stamp is None or (shown is not None and stamp[0] == shown[0]) else stamp


def _stamp(value: object) -> tuple[str, str] | None:
    """(`2026년 11월 27일`, ISO 8601) of a date, or None."""
    if not isinstance(value, dt.datetime):
        return None
    return format_date(value), iso_datetime(value)
