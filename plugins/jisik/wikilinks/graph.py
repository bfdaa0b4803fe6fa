"""Who links to whom: every article's resolved links and backlinks, worked out once per build (part of
the site-wide context, `site.Site.links`: the wikilinks capability shows them, the head's JSON-LD names
them as `mentions`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, Entry
from .resolve import Resolver, backlinks


class LinkGraph:
    """The build's articles with where their links go (drafts link nowhere and are no target)."""

    def __init__(self, entries: Sequence[Entry] = (), with_backlinks: bool = True) -> None:
        self.urls = {e.article.path: e.url for e in entries}
        self.articles = {e.article.path: e.article for e in entries}
        self.resolver = Resolver(self.articles.values())
        published = [a for a in self.articles.values() if not a.draft]
        self.outgoing: dict[str, list[str]] = {a.path: self.resolver.targets(a) for a in published}
        """Each published article's targets (article paths), each once, in the order written."""
        order = {a.path: a.sort_key for a in published}
        self.incoming: dict[str, list[str]] = backlinks(self.outgoing, order) if with_backlinks else {}
        """Each article's backlinks: the articles linking to it, newest first."""

    def backlinks_of(self, article: Article) -> list[Entry]:
        return [Entry(self.articles[p], self.urls[p]) for p in self.incoming.get(article.path, [])]

    def mentions(self, article: Article, site_url: str | None) -> list[dict[str, Any]]:
        """JSON-LD `mentions`: the articles this one links to, as schema.org `Article`s with absolute URLs."""
        found = []
        for path in self.outgoing.get(article.path, []):
            item: dict[str, Any] = {"@type": "Article", "headline": self.articles[path].title}
            if site_url:
                item["url"] = site_url.rstrip("/") + "/" + self.urls[path]
            found.append(item)
        return found
