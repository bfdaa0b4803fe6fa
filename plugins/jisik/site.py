"""The site-wide context of one build: what more than one capability needs, worked out once.

Made in `on_config` (each capability gets it when it is made) and filled in `on_files` by `Site.read`,
before any capability's `add_files`: the articles, the tag index, each article's bound images and cited
sources, and every URL more than one capability links to. Nothing is patched in afterwards.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from .capabilities import CAPABILITIES
from .capability import Capability
from .citations.titles import Cited, TitleCache, cite
from .collection import Collection
from .config import JisikConfig
from .feeds.capability import feeds_written
from .feeds.items import RSS_NAME
from .figures.binding import Binding, bind
from .generated import PageMaker
from .hashtags.index import Tag, TagIndex
from .incremental import Session
from .log import log
from .model import Article, Entry
from .wikilinks.graph import LinkGraph


def url_folder(url: str) -> str:
    """The folder of a page's URL, ending in `/` (`tags/ai/` for `tags/ai/` and `tags/ai/index.html`)."""
    if not url or url.endswith("/"):
        return url
    folder = posixpath.dirname(url)
    return folder + "/" if folder else ""


@dataclass
class Urls:
    """Site-relative URLs of the pages and files several capabilities link to (None: not in this site)."""

    home: str
    """The home page's source path (`index.md`)."""
    tags: dict[str, str] = field(default_factory=dict)
    """Each tag's page, by tag key (empty when hashtag pages are off)."""
    tag_pages: dict[str, Tag] = field(default_factory=dict)
    """The first page of each tag by its source path (`tags/ai/index.md`)."""
    tag_index: str | None = None
    """The all-tags page."""
    archive: str | None = None
    """The archive's first page."""
    feed: str | None = None
    """The site's RSS feed (written when feeds are on and the site has a `site_url`)."""
    tag_feeds: dict[str, str] = field(default_factory=dict)
    """The folder of each tag's feeds (`tags/ai/`), by tag key, when feeds are written: its page's folder
    (the page is `tags/ai/index.html` under `use_directory_urls: false`)."""


class Site:
    """One build's shared context. `read` fills it in `on_files`; capabilities read it afterwards."""

    def __init__(self, options: JisikConfig, config: MkDocsConfig, session: Session) -> None:
        self.options = options
        self.config = config
        self.session = session
        self.collection = Collection(options, session.records)
        self.index = TagIndex([])
        self.urls = Urls(home=options.home.page)
        self.bindings: dict[str, list[Binding]] = {}
        """Each article's prompts bound to their images (empty when figures are off)."""
        self.cited: dict[str, list[Cited]] = {}
        """Each article's sources, numbered and titled (empty when citations are off)."""
        self.links = LinkGraph()
        """Where each article's links go, and its backlinks (empty when wikilinks are off)."""
        self.capabilities: list[Capability] = [
            kind(self) for kind in CAPABILITIES if kind.wanted(options, config)
        ]
        """This build's capabilities, in list order (capabilities.py); those switched off are not in it."""

    @property
    def entries(self) -> list[Entry]:
        return self.collection.entries

    @property
    def by_path(self) -> dict[str, Article]:
        return self.collection.by_path

    def article(self, path: str) -> Article | None:
        return self.collection.by_path.get(path)

    def read(self, files: Files, pages: PageMaker) -> None:
        """Read the articles and work out everything shared."""
        options = self.options
        entries = self.collection.read(files, self.config)
        self.index = TagIndex(entries)
        if options.figures.enabled:
            present = frozenset(file.src_uri for file in files)
            images = options.figures.images
            bound = self.session.bindings
            bound.start((present, images))
            self.bindings = {
                e.article.path: bound.get(e.article, lambda a: bind(a, present.__contains__, images))
                for e in entries
            }
        if options.citations.enabled:
            cache, problem = TitleCache.load(Path(self.config.docs_dir) / options.citations.titles_file)
            if problem is not None:
                log.warning(
                    problem.format(f"{Path(self.config.docs_dir).name}/{options.citations.titles_file}")
                )
            cited = self.session.citations
            cited.start(cache.titles)
            self.cited = {
                e.article.path: cited.get(e.article, lambda a: cite(a.sources, cache)) for e in entries
            }
        if options.wikilinks.enabled:
            self.links = LinkGraph(entries, with_backlinks=options.wikilinks.backlinks)
        urls = self.urls
        if options.hashtags.enabled:
            base = options.hashtags.path.strip("/")
            for tag in self.index.sorted_tags():
                uri, _writers = pages.where(f"{base}/{tag.slug}/index.md")
                urls.tags[tag.key] = pages.url(uri)
                urls.tag_pages[uri] = tag
            urls.tag_index = pages.url(f"{base}/index.md" if base else "index.md")
        if options.archive.enabled:
            urls.archive = pages.url(f"{options.archive.path.strip('/')}/index.md")
        urls.feed = RSS_NAME if feeds_written(options, self.config) else None
        if urls.feed is not None:
            urls.tag_feeds = {key: url_folder(url) for key, url in urls.tags.items()}

    def chip_names(self, article: Article) -> list[str]:
        """An article's tags as its chips name them: one name per tag, none the build ignored."""
        return [name for name, _tag in self.index.chips(article)]
