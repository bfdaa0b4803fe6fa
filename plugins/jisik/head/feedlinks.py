"""Feed autodiscovery `<link>`s for a page's `<head>`: the site feed, and a tag page's own."""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..config import FeedsConfig
from ..feeds.items import JSON_NAME, RSS_NAME, folder_url, site_title, tag_title
from ..hashtags.index import Tag


class FeedLinks:
    """Article pages (most of the site) link the RSS feed only; other pages also the JSON Feed."""

    def __init__(
        self, options: FeedsConfig, config: MkDocsConfig, tags: dict[str, Tag], tag_urls: dict[str, str]
    ):
        self.options = options
        self.config = config
        self.site_url = (config.site_url or "").rstrip("/") + "/"
        self.tag_urls = tag_urls
        self._tag_pages = {url: tags[key] for key, url in tag_urls.items() if key in tags}

    def html(self, page: Page, article: bool) -> str:
        links = [(site_title(self.options, self.config), "")]
        tag = self._tag_pages.get(page.url)
        if tag is not None:
            links.append((tag_title(self.options, self.config, tag), folder_url(self.tag_urls[tag.key])))
        kinds = [("application/rss+xml", RSS_NAME)]
        if self.options.json and not article:
            kinds.append(("application/feed+json", JSON_NAME))
        return "\n".join(
            f'<link rel="alternate" type="{kind}" title="{escape(title)}" '
            f'href="{escape(self.site_url + folder + name)}">'
            for title, folder in links
            for kind, name in kinds
        )
