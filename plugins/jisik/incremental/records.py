"""Article records kept between `mkdocs serve` rebuilds, keyed by path and content (never stale)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import JisikConfig
from ..model import Article, parse_article

if TYPE_CHECKING:
    from ..wikilinks.reader import LinkReader


class RecordCache:
    """Records kept between `mkdocs serve` rebuilds, keyed by path and content, never stale."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], Article] = {}
        self._stamps: dict[tuple[str, str], tuple[object, ...]] = {}
        self._current: dict[str, tuple[str, str]] = {}
        self._dated: dict[str, tuple[Article, dt.datetime | None, dt.datetime | None, Article]] = {}
        self._html: dict[tuple[str, str], str] = {}
        self.links: LinkReader | None = None
        """Reads each article's links with the site's Markdown extensions (set by `Collection.read`)."""

    def unchanged(self, path: str, stamp: tuple[object, ...]) -> Article | None:
        """The record of a file whose stamp (`Collection._stamp`) is the same as when it was last
        read: `mkdocs serve` rebuilds then skip reading every unchanged article again."""
        key = self._current.get(path)
        if key is None or self._stamps.get(key) != stamp:
            return None
        return self._records.get(key)

    def get(self, path: str, text: str, options: JisikConfig, stamp: tuple[object, ...] = ()) -> Article:
        reader = self.links
        settings = (
            f"{options.articles.timezone}\0{options.related.heading}\0{reader.signature if reader else ''}"
        )
        digest = hashlib.blake2b(f"{settings}\0{text}".encode(), digest_size=16).hexdigest()
        key = (path, digest)
        self._current[path] = key
        if stamp:
            self._stamps[key] = stamp
        record = self._records.get(key)
        if record is None:
            record = parse_article(
                text,
                path,
                timezone=options.articles.timezone,
                related_heading=options.related.heading,
                read_links=reader,
            )
            self._records[key] = record
        return record

    def prune(self, live: dict[str, Article]) -> None:
        """Forget records (and rendered HTML) of files that are gone or changed."""
        self._records = {k: v for k, v in self._records.items() if live.get(k[0]) is v}
        self._stamps = {k: v for k, v in self._stamps.items() if k in self._records}
        self._current = {path: key for path, key in self._current.items() if path in live}
        self._html = {k: v for k, v in self._html.items() if self._current.get(k[0]) == k}

    def remember_html(self, path: str, html: str) -> None:
        """Keep an article's rendered body for the feeds of later `--dirty` builds (same content only)."""
        if path in self._current:
            self._html[self._current[path]] = html

    def html(self, path: str) -> str | None:
        """The rendered body of an article as it is now (this build's, or an unchanged one's)."""
        key = self._current.get(path)
        return self._html.get(key) if key else None

    def dated(self, article: Article, date: dt.datetime | None, updated: dt.datetime | None) -> Article:
        """`article` with dates from git: the same record as last build while nothing changed, so that
        `--dirty` rebuilds (which compare records by identity) do not render it again."""
        kept = self._dated.get(article.path)
        if kept is not None and kept[0] is article and kept[1] == date and kept[2] == updated:
            return kept[3]
        result = replace(article, date=date, updated=updated)
        self._dated[article.path] = (article, date, updated, result)
        return result
