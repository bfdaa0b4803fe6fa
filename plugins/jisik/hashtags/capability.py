"""The hashtags capability: a page per tag, the all-tags page, tag chips and related lists."""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability, Changes
from ..cards import cards, href
from ..feeds.items import RSS_NAME, folder_url
from ..listings.paging import Paged
from ..model import Article, Entry
from ..templates import Renderer, after_title
from ..toc import add_to_toc
from .index import Tag, TagIndex
from .markdown import RELATED_SLOT_HTML, HashtagExtension

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site


# The related list is filled in on the site only: in feeds its heading would stand over nothing (it
# stays when the writer put text of their own under it).
_EMPTY_RELATED = re.compile(
    rf"<h([1-6])\b[^>]*>(?:(?!</h\1>).)*</h\1>\s*{re.escape(RELATED_SLOT_HTML)}(?=\s*(?:<h[1-6]\b|$))",
    re.DOTALL,
)


class Hashtags(Capability):
    """Adds a page per tag and the all-tags page, and decorates article pages with chips and related
    lists. Always in the build: its Markdown extension takes the hashtag line out of every article
    (`hashtags.enabled: false` turns off chips and tag pages, `related.enabled: false` related lists)."""

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.hashtags
        self.related = site.options.related
        self.base = self.options.path.strip("/")
        self.tag_pages: dict[str, tuple[Tag, Paged, int]] = {}
        self.generated: set[str] = set()
        self.index_uri = f"{self.base}/index.md" if self.base else "index.md"
        self._related: dict[str, list[Entry]] = {}
        self.extension = HashtagExtension(related_heading=self.related.heading)

    @property
    def index(self) -> TagIndex:
        return self.site.index

    def extensions(self) -> Sequence[Extension]:
        return [self.extension]

    def add_files(self, files: Files, pages: PageMaker) -> None:
        if not self.options.enabled:
            return
        for tag in self.index.sorted_tags():
            paged = Paged(
                f"{self.base}/{tag.slug}/index.md", tag.entries, self.options.per_page, f"#{tag.name}"
            )
            for uri, number in paged.add_files(pages).items():
                self.tag_pages[uri] = (tag, paged, number)
        file, made = pages.add(self.index_uri, "태그", in_nav=True)
        self.index_uri = file.src_uri  # moved, if a writer's page has its URL
        if made:
            self.generated.add(self.index_uri)

    def listing(self, uri: str) -> Hashable:
        if uri in self.tag_pages:
            tag, paged, number = self.tag_pages[uri]
            return tag.name, tag.count, self.site.urls.feed, paged.listing(number)
        if uri == self.index_uri and self.options.enabled:
            return tuple((t.name, t.slug, t.count) for t in self.index.sorted_tags())
        return None

    def _feed(self, tag: Tag) -> str | None:
        """Site-relative URL of a tag's RSS feed (when feeds are written)."""
        url = self.site.urls.tags.get(tag.key)
        return folder_url(url) + RSS_NAME if self.site.urls.feed and url is not None else None

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        """Add this capability's HTML to a rendered page (runs after the whole site is known)."""
        if page.content is None:
            return
        uri = page.file.src_uri
        if article is not None:
            page.content = self._article(page, article, renderer, page.content)
        elif uri in self.tag_pages:
            tag, paged, number = self.tag_pages[uri]
            generated = number in paged.generated
            html = renderer.render(
                "tag.html",
                tag=tag,
                title=generated,
                cards=cards(paged.slice(number), page.url),
                all_tags=href(self.site.urls.tag_index or "", page.url),
                feed=href(feed, page.url) if (feed := self._feed(tag)) else None,
                pager=paged.pager(number, page.url),
            )
            page.content = html if generated else page.content + html
        elif uri == self.index_uri and self.options.enabled:
            groups = [
                (group, [(t.name, href(self.site.urls.tags[t.key], page.url), t.count) for t in tags])
                for group, tags in self.index.groups()
            ]
            labels = [group.label for group, _tags in groups]
            ids = renderer.anchors.ids(labels, page, "group")
            html = renderer.render(
                "tags.html", groups=groups, ids=ids, total=len(self.index.tags), title=uri in self.generated
            )
            page.content = self._place(page.content, html, uri)
            add_to_toc(page, [(label, ids[label]) for label in labels])

    def related_to(self, article: Article) -> list[Entry]:
        """The related articles of one article (computed once per build)."""
        if article.path not in self._related:
            self._related[article.path] = self.index.related(article, self.related.limit)
        return self._related[article.path]

    def signature(self, article: Article) -> Hashable:
        """What an article page shows of other articles: its chips' pages and its related list."""
        urls = self.site.urls.tags
        chips = tuple((name, urls.get(tag.key) if tag else None) for name, tag in self.index.chips(article))
        related = tuple((e.url, e.article.title, e.article.date) for e in self.related_to(article))
        return chips, related

    def unchanged(self, article: Article, previous: Hashable, changes: Changes) -> bool:
        """Ranking every article again on each edit would cost more than the edit: an article's related
        list can only change if an edited article is on it, or shares one of the tags the edit added or
        removed (their weights changed), or the number of articles changed (every weight did)."""
        if changes.counted or article.path in changes.edited or not isinstance(previous, tuple):
            return False
        if not changes.tags.isdisjoint(self.index.keys(article)):
            return False
        _chips, related = previous
        return not any(url in changes.edited_urls for url, _title, _date in related)

    def for_feeds(self, html: str) -> str:
        return _EMPTY_RELATED.sub("", html).replace(RELATED_SLOT_HTML, "")

    def _place(self, content: str, html: str, uri: str) -> str:
        return html if uri in self.generated else content + html

    def _article(self, page: Page, article: Article, renderer: Renderer, content: str) -> str:
        if self.options.enabled and self.options.chips:
            chips = [
                (name, href(self.site.urls.tags[tag.key], page.url) if tag else None)
                for name, tag in self.index.chips(article)
            ]
            if chips:
                content = after_title(content, renderer.render("chips.html", chips=chips))
        slot = RELATED_SLOT_HTML in content
        if not self.related.enabled or not (slot or self.related.append):
            return content.replace(RELATED_SLOT_HTML, "")
        related = self.related_to(article)
        html = renderer.render(
            "related.html",
            cards=cards(related, page.url),
            heading=None if slot else self.related.heading,
            label=self.related.heading,
        )
        return content.replace(RELATED_SLOT_HTML, html, 1) if slot else content + html
