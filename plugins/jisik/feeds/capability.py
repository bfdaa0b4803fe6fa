"""The feeds capability: items from the article records, the site's and every tag's feeds written
after the build."""

from __future__ import annotations

import mimetypes
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from .. import __version__
from ..capability import Capability
from ..config import JisikConfig
from ..hashtags.index import Tag
from ..head.sitemap import SITEMAP_NAME, folder_sitemap
from ..log import log
from ..model import Article, Entry, listed
from .content import feed_html
from .items import (
    JSON_NAME,
    RSS_NAME,
    Enclosure,
    Feed,
    FeedItem,
    folder_url,
    newest,
    site_title,
    tag_title,
    url_text,
)
from .jsonfeed import item_json, render_json
from .rss import item_xml, render_rss

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site


def feeds_written(options: JisikConfig, config: MkDocsConfig) -> bool:
    """Feeds are written when enabled and the site has a `site_url` (they need absolute URLs)."""
    return options.feeds.enabled and bool(config.site_url)


class Feeds(Capability):
    """The site feed and one feed per tag, from the same items. Their autodiscovery links are the page
    head's (head/feedlinks.py)."""

    @classmethod
    def wanted(cls, options: JisikConfig, config: MkDocsConfig) -> bool:
        if options.feeds.enabled and not config.site_url:
            log.warning("feeds need absolute URLs: set `site_url` in mkdocs.yml (no feed was written)")
        return feeds_written(options, config)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.feeds
        self.config = config = site.config
        self.site_url = (config.site_url or "").rstrip("/") + "/"
        self.serialised = site.session.items
        self.language = str(config.theme.get("language") or "ko")
        self.entries: list[Entry] = []
        self._full: set[str] = set()
        """The articles whose rendered HTML goes into a feed."""

    def add_files(self, files: Files, pages: PageMaker) -> None:
        options = self.options
        self.entries = [e for e in listed(self.site.entries) if e.article.date is not None]  # newest first
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

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        """Keep an article's HTML, as Markdown made it, when it goes into a feed (also for the next
        `--dirty` build, while the article is unchanged)."""
        path = page.file.src_uri
        if self.options.full_content != "none" and path in self._full:
            self.site.session.records.remember_html(path, html)

    def finish(self, site_dir: str) -> set[str]:
        written = self.write(site_dir)
        self.site.session.forget_outputs("feeds", written)
        return written

    # --- after the build ---

    def write(self, site_dir: str) -> set[str]:
        """Write every feed; returns the paths of the files written."""
        self.written: set[str] = set()
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
        for tag in self.site.index.tags.values():
            url = self.site.urls.tags.get(tag.key)
            if url is None:
                continue
            feed = Feed(
                title=self._tag_title(tag),
                link=self.site_url + url,
                rss_url=self.site_url + folder_url(url) + RSS_NAME,
                json_url=self.site_url + folder_url(url) + JSON_NAME if self.options.json else None,
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
        folder = Path(site_dir, *[part for part in unquote(folder_url(url)).split("/") if part])
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
        content = (
            self.site.session.records.html(article.path) if self.options.full_content != "none" else None
        )
        return FeedItem(
            title=article.title,
            link=link,
            guid=link,
            published=article.date,
            updated=article.updated,
            categories=tuple(self.site.chip_names(article)),
            summary=article.summary,
            content_html=feed_html(content, link, self._page_only) if content else None,
            enclosure=self._enclosure(article.path),
        )

    def _page_only(self, html: str) -> str:
        for capability in self.site.capabilities:
            html = capability.for_feeds(html)
        return html

    def _enclosure(self, path: str) -> Enclosure | None:
        bound = next((b for b in self.site.bindings.get(path, []) if b.image is not None), None)
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
        return site_title(self.options, self.config)

    def _site_description(self) -> str:
        return self.options.description or self.config.site_description or f"{self.config.site_name}의 새 글"

    def _tag_title(self, tag: Tag) -> str:
        return tag_title(self.options, self.config, tag)
