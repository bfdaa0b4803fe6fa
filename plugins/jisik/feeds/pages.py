"""Feeds in a MkDocs build: items from the article records, files written after the build."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from .. import __version__
from ..config import FeedsConfig
from ..figures.binding import Binding
from ..hashtags.index import Tag, TagIndex
from ..head.sitemap import SITEMAP_NAME, folder_sitemap
from ..log import log
from ..model import Entry, listed
from .content import feed_html
from .items import Enclosure, Feed, FeedItem, newest, url_text
from .jsonfeed import item_json, render_json
from .rss import item_xml, render_rss

RSS_NAME = "feed.xml"
JSON_NAME = "feed.json"


def feeds_wanted(options: FeedsConfig, config: MkDocsConfig) -> bool:
    """Feeds are written when enabled and the site has a `site_url` (they need absolute URLs)."""
    return options.enabled and bool(config.site_url)


class ItemMemo:
    """Feed items serialised once and shared: by the site feed and each of the article's tag feeds,
    and (kept by the plugin) by the next `mkdocs serve` rebuild while the item is unchanged."""

    def __init__(self) -> None:
        self._kept: dict[tuple[object, ...], str] = {}
        self._used: dict[tuple[object, ...], str] = {}

    def start(self) -> None:
        """A new build: keep what the last one used, forget the rest (edited or removed articles)."""
        self._kept, self._used = self._used or self._kept, {}

    def get(self, kind: str, item: FeedItem, serialise: Callable[[FeedItem], str]) -> str:
        # Aware datetimes are equal across time zones; the feeds write the offset, so it is part of the key.
        key = (kind, item, item.published.isoformat(), item.updated.isoformat() if item.updated else None)
        text = self._used.get(key)
        if text is None:
            text = self._kept.get(key)
            if text is None:
                text = serialise(item)
            self._used[key] = text
        return text


class Feeds:
    """The site feed and one feed per tag, from the same items."""

    def __init__(
        self,
        options: FeedsConfig,
        config: MkDocsConfig,
        entries: list[Entry],
        index: TagIndex,
        tag_urls: dict[str, str],
        bindings: dict[str, list[Binding]],
        contents: Callable[[str], str | None],
        serialised: ItemMemo | None = None,
    ) -> None:
        self.options = options
        self.site_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        self.enabled = feeds_wanted(options, config)
        if options.enabled and not self.site_url:
            log.warning("feeds need absolute URLs: set `site_url` in mkdocs.yml (no feed was written)")
        self.config = config
        self.entries = [e for e in listed(entries) if e.article.date is not None]  # newest first
        self.index = index
        self.tag_urls = tag_urls
        self._tag_pages = {url: index.tags[key] for key, url in tag_urls.items() if key in index.tags}
        self.bindings = bindings
        self.contents = contents
        carried = (
            self.entries
            if options.full_content == "all" or options.length <= 0
            else self.entries[: options.length]
        )
        self._full = (
            {e.article.path for e in carried}
            if options.full_content == "site"
            else {e.article.path for e in self.entries}
        )
        """An article's rendered HTML (this build's, or an unchanged one's from the last build)."""
        self.serialised = serialised if serialised is not None else ItemMemo()
        self.language = str(config.theme.get("language") or "ko")

    # --- while pages render ---

    def wants_html(self, path: str) -> bool:
        """Whether an article's rendered HTML will go into a feed (kept only for those)."""
        return self.enabled and self.options.full_content != "none" and path in self._full

    def tag_feed(self, tag: Tag) -> str | None:
        """Site-relative URL of a tag's RSS feed."""
        return self.tag_urls[tag.key] + RSS_NAME if self.enabled and tag.key in self.tag_urls else None

    def head(self, page: Page, article: bool) -> str:
        """Autodiscovery links for a page's `<head>`: the site feed, and a tag page's own. Article pages
        (most of the site) link the RSS feed only; other pages also the JSON Feed beside it."""
        if not self.enabled:
            return ""
        links = [(self._site_title(), "")]
        tag = self._tag_pages.get(page.url)
        if tag is not None:
            links.append((self._tag_title(tag), self.tag_urls[tag.key]))
        kinds = [("application/rss+xml", RSS_NAME)]
        if self.options.json and not article:
            kinds.append(("application/feed+json", JSON_NAME))
        return "\n".join(
            f'<link rel="alternate" type="{kind}" title="{escape(title)}" '
            f'href="{escape(self.site_url + folder + name)}">'
            for title, folder in links
            for kind, name in kinds
        )

    # --- after the build ---

    def write(self, site_dir: str) -> set[str]:
        """Write every feed; returns the paths of the files written."""
        self.written: set[str] = set()
        if not self.enabled:
            return self.written
        self.serialised.start()
        items = {e.article.path: self._item(e) for e in self.entries}
        short = items
        if self.options.full_content == "site":  # tag feeds: the same items without the full HTML
            short = {path: replace(item, content_html=None) for path, item in items.items()}
        site = Feed(
            title=self._site_title(),
            link=self.site_url,
            rss_url=self.site_url + RSS_NAME,
            json_url=self.site_url + JSON_NAME if self.options.json else None,
            description=self._site_description(),
            language=self.language,
            items=newest(items.values(), self.options.length),
        )
        self._write(site, site_dir, "")
        for tag in self.index.tags.values():
            url = self.tag_urls.get(tag.key)
            if url is None:
                continue
            feed = Feed(
                title=self._tag_title(tag),
                link=self.site_url + url,
                rss_url=self.site_url + url + RSS_NAME,
                json_url=self.site_url + url + JSON_NAME if self.options.json else None,
                description=f"{self._site_title()}에서 #{tag.name} 태그가 붙은 글",
                language=self.language,
                items=newest(
                    (short[e.article.path] for e in tag.entries if e.article.path in short),
                    self.options.length,
                ),
            )
            self._write(feed, site_dir, url)
        return self.written

    def _write(self, feed: Feed, site_dir: str, url: str) -> None:
        folder = Path(site_dir, *[part for part in unquote(url).split("/") if part])
        write_file(render_rss(feed, f"jisik {__version__}", self._xml), str(folder / RSS_NAME))
        self.written.add(str(folder / RSS_NAME))
        if url:  # a tag page's <head> links this feed: see head/sitemap.py
            write_file(folder_sitemap([feed.link]), str(folder / SITEMAP_NAME))
            self.written.add(str(folder / SITEMAP_NAME))
        if self.options.json:
            write_file(render_json(feed, self._json).encode("utf-8"), str(folder / JSON_NAME))
            self.written.add(str(folder / JSON_NAME))

    def _xml(self, item: FeedItem) -> str:
        return self.serialised.get("rss", item, item_xml)

    def _json(self, item: FeedItem) -> str:
        return self.serialised.get("json", item, item_json)

    def _item(self, entry: Entry) -> FeedItem:
        article = entry.article
        assert article.date is not None
        link = self.site_url + entry.url
        content = self.contents(article.path) if self.options.full_content != "none" else None
        return FeedItem(
            title=article.title,
            link=link,
            guid=link,
            published=article.date,
            updated=article.updated,
            categories=tuple(name for name, _tag in self.index.chips(article)),
            summary=article.summary,
            content_html=feed_html(content, link) if content else None,
            enclosure=self._enclosure(article.path),
        )

    def _enclosure(self, path: str) -> Enclosure | None:
        bound = next((b for b in self.bindings.get(path, []) if b.image is not None), None)
        if bound is None or bound.image is None:
            return None
        kind = mimetypes.guess_type(bound.image)[0] or "image/*"
        if "://" in bound.image:
            return Enclosure(url_text(bound.image), kind, 0)
        try:
            size = os.stat(Path(self.config.docs_dir) / bound.image).st_size
        except OSError:
            size = 0
        return Enclosure(urljoin(self.site_url, quote(bound.image)), kind, size)

    def _site_title(self) -> str:
        return self.options.title or self.config.site_name

    def _site_description(self) -> str:
        return self.options.description or self.config.site_description or f"{self.config.site_name}의 새 글"

    def _tag_title(self, tag: Tag) -> str:
        return f"#{tag.name} · {self._site_title()}"
