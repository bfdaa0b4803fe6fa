"""The head capability: page metadata for every page's `<head>` (feed links, JSON-LD, link previews)."""

from __future__ import annotations

import html
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..log import log
from ..model import Article
from ..model.conventions import is_http_url
from .feedlinks import FeedLinks
from .imagesize import image_size
from .jsonld import article_jsonld, script_tag
from .opengraph import Preview, PreviewImage, meta_tags, og_locale, render

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site

SOCIAL_PLUGINS = ("social", "material/social")
"""Material's social-cards plugin writes its own Open Graph and Twitter meta."""


class Head(Capability):
    """What a page's `<head>` says about it: feed autodiscovery links, an article's schema.org JSON-LD,
    and Open Graph and Twitter card meta (the full set on articles, the site-level subset elsewhere).
    Independent of the other capabilities' switches: `citations.enabled: false` keeps the JSON-LD."""

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        options = site.options.head
        self.config = config = site.config
        self.home_page = site.options.home.page
        self.site_url = _base(config.site_url or "")
        self.language = str(config.theme.get("language") or "ko")
        self.locale = og_locale(self.language)
        social = next((name for name in SOCIAL_PLUGINS if name in config.plugins), None)
        self.open_graph = options.open_graph and social is None
        if options.open_graph and social is not None:
            log.info(
                f"Open Graph: Material's `{social}` plugin writes the link-preview meta; jisik adds none"
            )
        self.jsonld = site.options.citations.jsonld
        self.feeds: FeedLinks | None = None
        self._sizes: dict[str, tuple[int, int] | None] = {}

    def add_files(self, files: Files, pages: PageMaker) -> None:
        if self.site.urls.feed is not None:
            self.feeds = FeedLinks(
                self.site.options.feeds,
                self.config,
                self.site.index.tags,
                self.site.urls.tags,
                self.site.urls.tag_feeds,
            )

    def head(self, page: Page, article: Article | None) -> str:
        parts = [self.feeds.html(page, article is not None)] if self.feeds is not None else []
        if article is not None and self.jsonld:
            cited = self.site.cited.get(article.path, [])
            keywords = self.site.chip_names(article)
            mentions = self.site.links.mentions(article, self.config.site_url)
            parts.append(
                script_tag(
                    article_jsonld(article, cited, page.canonical_url, self.language, keywords, mentions)
                )
            )
        if self.open_graph:
            parts.append(render(meta_tags(self.preview(page, article))))
        return "\n".join(part for part in parts if part)

    def preview(self, page: Page, article: Article | None) -> Preview:
        site_name = self.config.site_name
        # MkDocs' canonical URL is site_url + the page's URL, even after a `?query` in site_url.
        url = urljoin(self.site_url, page.url) if self.site_url else None
        if article is not None:
            return Preview(
                title=article.title,
                site_name=site_name,
                kind="article",
                description=article.description or self.config.site_description,
                url=url,
                locale=self.locale,
                published=article.date,
                modified=article.updated,
                tags=tuple(self.site.chip_names(article)),
                image=self._image(article),
            )
        # Other pages: the theme prints page.title and meta description as HTML, so they hold escaped
        # text (pagemeta.escape_page_meta); the meta wants the text itself.
        is_home = page.file.src_uri == self.home_page
        title = site_name if is_home or not page.title else html.unescape(str(page.title))
        given = page.meta.get("description")
        description = html.unescape(given) if isinstance(given, str) and given else None
        return Preview(
            title=title,
            site_name=site_name,
            description=description or self.config.site_description,
            url=url,
            locale=self.locale,
        )

    def _image(self, article: Article) -> PreviewImage | None:
        bound = next((b for b in self.site.bindings.get(article.path, []) if _previewable(b.image)), None)
        if bound is None or bound.image is None:
            return None
        alt = bound.prompt.options.get("alt") or bound.prompt.text
        kind = _kind(bound.image)
        if "://" in bound.image:
            if not is_http_url(bound.image):
                return None
            # A space, quote or Hangul is no URL for a preview fetcher; `%XX` already written stays.
            return PreviewImage(quote(bound.image, safe=_URL_SIGNS), alt, type=kind)
        if not self.site_url:
            return None  # a preview image must be absolute
        size = self._size(bound.image)
        return PreviewImage(
            urljoin(self.site_url, quote(bound.image)),
            alt,
            width=size[0] if size else None,
            height=size[1] if size else None,
            type=kind,
        )

    def _size(self, image: str) -> tuple[int, int] | None:
        if image not in self._sizes:
            self._sizes[image] = image_size(Path(self.config.docs_dir) / image)
        return self._sizes[image]


_URL_SIGNS = "%:/?#[]@!$&'()*+,;=~"
"""What `quote` keeps of an absolute URL: its reserved signs and `%XX` escapes."""

UNDRAWN = frozenset({"image/svg+xml"})
"""Image types that link previews (KakaoTalk, X, Facebook) do not draw."""


def _kind(image: str) -> str | None:
    """The type of a bound image: a URL's path, or a file name (which may hold `#` or `?`)."""
    return mimetypes.guess_type(urlsplit(image).path if "://" in image else image)[0]


def _previewable(image: str | None) -> bool:
    return image is not None and _kind(image) not in UNDRAWN


def _base(site_url: str) -> str:
    """`site_url` as the base of absolute URLs: ending in `/`, without a query or fragment, which MkDocs
    would keep in front of every page path (`https://example.org/?ref=x/page/`); reported."""
    if not site_url:
        return ""
    parts = urlsplit(site_url)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
    if parts.query or parts.fragment:
        log.warning(
            f"mkdocs.yml: `site_url` {site_url!r} has a query or fragment; page URLs are built "
            f"by adding paths to it, so they go after it. Link previews use {base!r}; write that."
        )
    return base
