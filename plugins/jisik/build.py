"""One build of a jisik site: the state every plugin event works on, made anew for each build."""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .collection import Collection, RecordCache, display_path
from .config import JisikConfig
from .frontmatter_repair import repair_front_matter
from .hashtags.index import TagIndex
from .hashtags.markdown import HashtagExtension
from .hashtags.pages import HashtagPages
from .listings import HomeListing
from .log import log
from .render import STYLESHEET, THEME_DIR, Renderer


def setup(options: JisikConfig, config: MkDocsConfig) -> None:
    """Register jisik's Markdown extension, templates (after the site's overrides) and stylesheet."""
    config.markdown_extensions.append(HashtagExtension(related_heading=options.related.heading))  # type: ignore[arg-type]
    config.theme.dirs.append(THEME_DIR)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)


class Build:
    """Collects records in `on_files`, resolves the site in `on_files`/`on_env`, decorates pages."""

    def __init__(self, options: JisikConfig, config: MkDocsConfig, cache: RecordCache) -> None:
        self.options = options
        self.config = config
        self.collection = Collection(options, cache)
        self.renderer = Renderer(None)
        self.hashtags: HashtagPages | None = None
        self.home: HomeListing | None = None

    def files(self, files: Files) -> Files:
        entries = self.collection.read(files, self.config)
        index = TagIndex(entries)
        self.hashtags = HashtagPages(self.options.hashtags, self.options.related, index)
        self.hashtags.add_files(files, self.config)
        self.home = HomeListing(self.options.home, entries, self.config.site_name)
        self.home.add_files(files, self.config)
        self._report(files, index)
        return files

    def _report(self, files: Files, index: TagIndex) -> None:
        for path, article in self.collection.by_path.items():
            file = files.get_file_from_path(path)
            shown = display_path(file, self.config) if file else path
            for problem in (*article.problems, *index.problems.get(path, ())):
                (log.info if problem.level == "info" else log.warning)(problem.format(shown))
        for key, wanted, given in index.clashes:
            log.warning(f"tag {key!r} would share the URL '{wanted}/' with another tag; it uses '{given}/'")

    def page_markdown(self, markdown: str, page: Page) -> str:
        article = self.collection.by_path.get(page.file.src_uri)
        return repair_front_matter(markdown, page, article) if article else markdown

    def env(self, env: jinja2.Environment) -> None:
        self.renderer = Renderer(env.loader)

    def decorate(self, page: Page) -> None:
        article = self.collection.by_path.get(page.file.src_uri)
        if self.hashtags is not None:
            self.hashtags.decorate(page, article, self.renderer)
        if self.home is not None:
            self.home.decorate(page, self.renderer)
