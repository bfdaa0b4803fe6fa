"""The `jisik` MkDocs plugin: each handler hands its work to the build's capability objects."""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .build import Build
from .config import JisikConfig
from .incremental import Session


class JisikPlugin(BasePlugin[JisikConfig]):
    """Hashtag pages, citations, prompt figures and feeds for a Korean knowledge base."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.session = Session()  # kept across `mkdocs serve` rebuilds (see incremental/)
        self.build: Build | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this object (and its session) between rebuilds."""
        self.session.start(command, dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.build = Build(self.config, config, self.session) if self.config.enabled else None
        return config

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Templates compiled once per `mkdocs serve` session, not once per rebuild."""
        env.bytecode_cache = self.session.compiled
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        return self.build.files(files) if self.build else files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.build.page_markdown(markdown, page) if self.build else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.build:
            self.build.page_content(html, page)
        return html

    @event_priority(100)  # before the search plugin indexes the page
    def _before_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.build:
            self.build.before_search(page)
        return context

    @event_priority(-50)  # after the search plugin has indexed the page's own text
    def _decorate(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.build:
            self.build.decorate(page)
        return context

    on_page_context = CombinedEvent(_before_search, _decorate)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.post_page(output, page) if self.build else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build:
            self.build.post_build()

    def on_shutdown(self) -> None:
        """`mkdocs serve` ends: stop the search indexer (and its Pagefind) with it."""
        self.session.search.stop()
