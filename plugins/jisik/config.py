"""Typed configuration of the `jisik` plugin: one sub-config per capability."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .model import DEFAULT_TIMEZONE, RELATED_HEADING, get_timezone


class TimeZone(c.Type[str]):
    """An IANA time zone name, checked when the config is loaded."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            get_timezone(name)
        except ValueError as exc:
            raise base.ValidationError(str(exc)) from None
        return name


class ArticlesConfig(base.Config):
    paths = c.ListOfItems(c.Type(str), default=["**/*.md"])
    """Glob patterns (relative to `docs_dir`) of the pages that are articles. `**` spans folders.
    The home page, generated pages and pages with `article: false` in their front matter never are."""
    timezone = TimeZone(default=DEFAULT_TIMEZONE)
    """Time zone of front-matter dates written without one (an IANA name such as `Asia/Seoul`)."""


class HashtagsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build tag pages and show each article's tags as `#태그` chips."""
    path = c.Type(str, default="tags")
    """Folder of the tag pages: `<path>/` lists every tag, `<path>/<slug>/` lists one tag's articles.
    A page you write at `<path>/index.md` or `<path>/<slug>/index.md` is used as is, with the list added."""
    chips = c.Type(bool, default=True)
    """Show the tag chips under the article title."""


class RelatedConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """List related articles (those sharing the most, and the rarest, tags)."""
    heading = c.Type(str, default=RELATED_HEADING)
    """The heading under which the list is placed, where an article has it."""
    limit = c.Type(int, default=5)
    """How many related articles to list at most."""
    append = c.Type(bool, default=False)
    """Also add the heading and the list at the end of articles that do not have the heading."""


class HomeConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Add the list of articles, newest first, with date and summary, to the home page."""
    page = c.Type(str, default="index.md")
    """The home page, relative to `docs_dir`. It is generated when it does not exist."""


class JisikConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for a quick build of the plain pages)."""
    articles = c.SubConfig(ArticlesConfig)
    """Which pages are articles, and how their dates are read."""
    hashtags = c.SubConfig(HashtagsConfig)
    """Hashtag chips and tag pages."""
    related = c.SubConfig(RelatedConfig)
    """Related articles."""
    home = c.SubConfig(HomeConfig)
    """The article list of the home page."""
