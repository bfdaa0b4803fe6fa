"""What an article page shows around its text: the date line under the title (published, updated,
reading time) and, at its end, the previous (older) and next (newer) article by date."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import math
import re
from dataclasses import dataclass

from mkdocs.structure.pages import Page

from ..config import ReadingConfig
from ..model import Article, Entry, listed
from ..model.dates import iso_datetime
from ..render import Renderer, after_title, format_date, href

_FIGURE = re.compile(r"<figure\b.*?</figure>", re.DOTALL | re.IGNORECASE)
_TITLE = re.compile(r"<h1\b.*?</h1>", re.DOTALL | re.IGNORECASE)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BACKLINKS = re.compile(r'<section class="jisik-backlinks".*?</section>', re.DOTALL)  # wikilinks


def reading_minutes(content_html: str, per_minute: int) -> int:
    """Minutes to read a page's body (its title, figures, prompts, permalinks and markup not
    counted), at least 1."""
    for pattern in (_FIGURE, _TITLE, _PERMALINK, _HIDDEN, _BACKLINKS):  # wikilinks: other articles' titles
        content_html = pattern.sub(" ", content_html)
    text = _TAG.sub(" ", content_html)
    characters = sum(1 for char in htmllib.unescape(text) if not char.isspace())
    return max(1, math.ceil(characters / max(1, per_minute)))


@dataclass(frozen=True)
class Neighbour:
    """An article linked from another one's end."""

    title: str
    href: str


class Reading:
    """Decorates article pages: the date line after the title, the previous/next links at the end."""

    def __init__(self, options: ReadingConfig, entries: list[Entry]) -> None:
        self.options = options
        order = listed(entries)  # newest first, as the archive lists them
        self.older: dict[str, Entry] = {}
        self.newer: dict[str, Entry] = {}
        for position, entry in enumerate(order):
            if position + 1 < len(order):
                self.older[entry.article.path] = order[position + 1]
            if position > 0:
                self.newer[entry.article.path] = order[position - 1]

    def signature(self, article: Article) -> tuple[object, ...]:
        """What an article page shows of other articles here (for `--dirty` rebuilds)."""
        return tuple(
            (e.url, e.article.title) if e else None
            for e in (self.older.get(article.path), self.newer.get(article.path))
        )

    def decorate(self, page: Page, article: Article, renderer: Renderer, body: str) -> None:
        """`body` is the page's own HTML (before chips and related lists): what the reading time counts."""
        if page.content is None:
            return
        content = page.content
        if self.options.byline and (article.date or article.updated):
            minutes = reading_minutes(body, self.options.characters_per_minute)
            byline = renderer.render(
                "byline.html",
                published=_stamp(article.date),
                updated=_stamp(article.updated) if article.updated != article.date else None,
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


def _stamp(value: object) -> tuple[str, str] | None:
    """(`2026년 11월 27일`, ISO 8601) of a date, or None."""
    if not isinstance(value, dt.datetime):
        return None
    return format_date(value), iso_datetime(value)
