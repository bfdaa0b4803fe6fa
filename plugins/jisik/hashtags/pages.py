"""Tag pages, the all-tags page, tag chips and related lists in a MkDocs build."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.pages import Page

from ..config import HashtagsConfig, RelatedConfig
from ..listings.paging import Paged
from ..model import Article, Entry
from ..pages import PageMaker
from ..render import Renderer, after_title, cards, href
from ..toc import add_to_toc
from .index import Tag, TagIndex
from .markdown import RELATED_SLOT_HTML


class HashtagPages:
    """Adds a page per tag and the all-tags page, and decorates article pages with chips/related."""

    def __init__(self, options: HashtagsConfig, related: RelatedConfig, index: TagIndex) -> None:
        self.options = options
        self.related = related
        self.index = index
        self.base = options.path.strip("/")
        self.tag_pages: dict[str, tuple[Tag, Paged, int]] = {}
        self.tag_urls: dict[str, str] = {}
        self.generated: set[str] = set()
        self.index_uri = f"{self.base}/index.md" if self.base else "index.md"
        self.index_url = ""
        self._related: dict[str, list[Entry]] = {}
        self.feed_for: Callable[[Tag], str | None] = lambda tag: None
        """Site-relative URL of a tag's feed, for the subscribe link (set by the build when feeds are on)."""

    def add_files(self, pages: PageMaker, feeds: bool) -> None:
        if not self.options.enabled:
            return
        for tag in self.index.sorted_tags():
            paged = Paged(
                f"{self.base}/{tag.slug}/index.md", tag.entries, self.options.per_page, f"#{tag.name}"
            )
            for uri, number in paged.add_files(pages, shows=(tag.name, tag.count, feeds)).items():
                self.tag_pages[uri] = (tag, paged, number)
            self.tag_urls[tag.key] = paged.urls[1]
        shows = [(t.name, t.slug, t.count) for t in self.index.sorted_tags()]
        file, made = pages.add(self.index_uri, "태그", in_nav=True, shows=shows)
        self.index_uri = file.src_uri  # moved, if a writer's page has its URL
        if made:
            self.generated.add(self.index_uri)
        self.index_url = file.url

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
                all_tags=href(self.index_url, page.url),
                feed=href(feed, page.url) if (feed := self.feed_for(tag)) else None,
                pager=paged.pager(number, page.url),
            )
            page.content = html if generated else page.content + html
        elif uri == self.index_uri and self.options.enabled:
            groups = [
                (group, [(t.name, href(self.tag_urls[t.key], page.url), t.count) for t in tags])
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

    def signature(self, article: Article) -> tuple[object, ...]:
        """What an article page shows of other articles: its chips' pages and its related list."""
        chips = tuple(
            (name, self.tag_urls.get(tag.key) if tag else None) for name, tag in self.index.chips(article)
        )
        related = tuple((e.url, e.article.title, e.article.date) for e in self.related_to(article))
        return chips, related

    def _place(self, content: str, html: str, uri: str) -> str:
        return html if uri in self.generated else content + html

    def _article(self, page: Page, article: Article, renderer: Renderer, content: str) -> str:
        if self.options.enabled and self.options.chips:
            chips = [
                (name, href(self.tag_urls[tag.key], page.url) if tag else None)
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
