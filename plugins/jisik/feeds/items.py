"""The feed item model: what every feed (site, tag; RSS, JSON) says about an article. Pure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..model.conventions import is_http_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..config import FeedsConfig
    from ..hashtags.index import Tag

RSS_NAME = "feed.xml"
"""A feed's file name, in the site's root folder and in each tag page's folder."""
JSON_NAME = "feed.json"


# Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text made safe for XML and JSON: characters no feed may carry are dropped."""
    return _NOT_XML.sub("", text)


def url_text(url: str) -> str:
    """A URL as feeds must carry it (RFC 3986): spaces, quotes, `<`, `>` and non-ASCII characters
    percent-encoded, existing `%XX` escapes and the URL's own delimiters kept."""
    return quote(clean(url).strip(), safe=":/?#[]@!$&()*+,;=%~")


@dataclass(frozen=True)
class Enclosure:
    url: str
    type: str
    length: int

    @property
    def safe(self) -> bool:
        """Only an http(s) image is offered to readers (never `javascript:` or `data:`)."""
        return is_http_url(self.url)


@dataclass(frozen=True)
class FeedItem:
    """One article as a feed item; every URL is absolute."""

    title: str
    link: str
    guid: str
    published: dt.datetime
    updated: dt.datetime | None
    categories: tuple[str, ...]
    summary: str
    content_html: str | None = None
    enclosure: Enclosure | None = None


@dataclass(frozen=True)
class Feed:
    """A channel: the site's or one tag's."""

    title: str
    link: str
    """The HTML page the feed belongs to (absolute)."""
    rss_url: str
    json_url: str | None
    description: str
    language: str
    items: list[FeedItem] = field(default_factory=list)

    @property
    def last_build(self) -> dt.datetime | None:
        """The newest item's date (updated or published): never the clock, so builds reproduce."""
        stamps = [item.updated or item.published for item in self.items]
        return max(stamps) if stamps else None


def newest(items: Iterable[FeedItem], length: int) -> list[FeedItem]:
    """The `length` newest items, newest first (ties by link, for stable output)."""
    ordered = sorted(items, key=lambda i: (-i.published.timestamp(), i.link))
    return ordered[:length] if length > 0 else ordered


def site_title(options: FeedsConfig, config: MkDocsConfig) -> str:
    """The site feed's title."""
    return options.title or config.site_name


def tag_title(options: FeedsConfig, config: MkDocsConfig, tag: Tag) -> str:
    """A tag feed's title."""
    return f"#{tag.name} · {site_title(options, config)}"
