"""The `head` capability in a MkDocs build: link-preview metadata for every page's `<head>`."""

from __future__ import annotations

import html
import mimetypes
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..config import HeadConfig
from ..figures.binding import Binding
from ..log import log
from ..model import Article
from ..model.conventions import is_http_url
from .imagesize import image_size
from .opengraph import Preview, PreviewImage, meta_tags, og_locale, render

SOCIAL_PLUGINS = ("social", "material/social")
"""Material's social-cards plugin writes its own Open Graph and Twitter meta."""


class Head:
    """Open Graph and Twitter card meta: the full set on articles, the site-level subset elsewhere."""

    def __init__(
        self,
        options: HeadConfig,
        config: MkDocsConfig,
        bindings: dict[str, list[Binding]],
        tags_of: Callable[[Article], list[str]],
        home_page: str,
    ) -> None:
        self.config = config
        self.bindings = bindings
        self.tags_of = tags_of
        self.home_page = home_page
        self.site_url = _base(config.site_url or "")
        self.locale = og_locale(str(config.theme.get("language") or "ko"))
        social = next((name for name in SOCIAL_PLUGINS if name in config.plugins), None)
        self.enabled = options.open_graph and social is None
        if options.open_graph and social is not None:
            log.info(
                f"Open Graph: Material's `{social}` plugin writes the link-preview meta; jisik adds none"
            )
        self._sizes: dict[str, tuple[int, int] | None] = {}

    def html(self, page: Page, article: Article | None) -> str:
        if not self.enabled:
            return ""
        return render(meta_tags(self.preview(page, article)))

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
                tags=tuple(self.tags_of(article)),
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
        bound = next((b for b in self.bindings.get(article.path, []) if _previewable(b.image)), None)
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
