"""One build of a jisik site: the state every plugin event works on, made anew for each build.

`Build` does what every page needs whatever the capabilities (read the articles, make front matter and
titles safe, report problems, restore a page's HTML once it is written) and calls each capability's
hook in list order (capabilities.py). It knows no capability by name."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cached_property

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .checks import NOTES, check
from .collection import drop_dangling_links, drop_link_loops
from .config import JisikConfig
from .generated import PageMaker, default_nav
from .incremental import Session
from .log import display_path, log
from .options import fingerprint
from .pagemeta import (
    as_plain_text,
    escape_heading_title,
    prepare_article,
    prepare_page,
    renders,
    theme_meta,
)
from .site import Site
from .templates import STYLESHEET, THEME_DIR, Renderer
from .toc import Anchors
from .wikilinks.reader import markdown_settings


class Build:
    """Reads records in `on_files`, hands pages their data while they render, decorates them after."""

    def __init__(self, options: JisikConfig, config: MkDocsConfig, session: Session) -> None:
        self.options = options
        self.config = config
        self.session = session
        self.site = Site(options, config, session)
        self.capabilities = self.site.capabilities
        config.theme.dirs.append(THEME_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for capability in self.capabilities:
            capability.setup(config)
            for extension in capability.extensions():
                config.markdown_extensions.append(extension)  # type: ignore[arg-type]
        self._undecorated: dict[str, str | None] = {}
        self._static: dict[str, File] = {}
        self._templates: dict[str, bool] = {}

    @cached_property
    def renderer(self) -> Renderer:
        """jisik's templates, found through the theme's loader (after the site's overrides)."""
        renderer = Renderer(self.config.theme.get_env().loader, Anchors.of(self.config))
        renderer.env.bytecode_cache = self.session.compiled
        return renderer

    def files(self, files: Files) -> Files:
        drop_link_loops(files, self.config)
        drop_dangling_links(files, self.config)
        self._static = {  # the writer's own files that are not pages (`docs/feed.xml`…), by output path
            os.path.normpath(f.abs_dest_path): f
            for f in files
            if not f.generated_by and not f.is_documentation_page()
        }
        pages = PageMaker(files, self.config, self.session.store)
        self.site.read(files, pages)
        for capability in self.capabilities:
            capability.add_files(files, pages)
        if self.config.nav is None:
            self.config.nav = default_nav(files, self.site.by_path, self.config)
        self.session.rerender_stale(
            files,
            self.site.entries,
            self.site.by_path,
            self.capabilities,
            # every page is converted with the site's Markdown extensions: when mkdocs.yml changes them,
            # every page may show something else, as when jisik's options change
            (
                fingerprint(self.options),
                markdown_settings(self.config.markdown_extensions, self.config.mdx_configs),
            ),
        )
        self._report(files)
        return files

    def _report(self, files: Files) -> None:
        """The same findings as `jisik check`; problems fail `--strict`, missing tags/sources do not."""
        shown: dict[str, str] = {}  # the file as the writer knows it, worked out only for those with findings
        links = self.options.wikilinks.enabled
        resolver = self.site.links.resolver if links else None  # made from the same articles
        by_path = {file.src_uri: file for file in files}
        for finding in check(self.site.by_path.values(), self.site.index, links, resolver):
            if finding.path not in shown:
                file = by_path.get(finding.path) if finding.path in self.site.by_path else None
                shown[finding.path] = display_path(file, self.config) if file else finding.path
            message = replace(finding, path=shown[finding.path]).format()
            (log.info if finding.code in NOTES else log.warning)(message)

    def _compiles(self, name: str) -> bool:
        """Whether the theme's template `name` loads (Material's `blog-post.html` needs its blog plugin's
        filters: a page naming it would stop the whole build)."""
        if name not in self._templates:
            try:
                env = self.config.theme.get_env()
                env.bytecode_cache = self.session.compiled
                env.get_template(name)
                self._templates[name] = True
            except jinja2.TemplateError:
                self._templates[name] = False
        return self._templates[name]

    def page_markdown(self, markdown: str, page: Page) -> str:
        article = self.site.article(page.file.src_uri)
        for problem in theme_meta(page, list(self.config.theme.dirs), self._compiles):
            log.warning(problem.format(display_path(page.file, self.config)))
        for capability in self.capabilities:
            capability.before_render(page, article)
        if article is None:
            markdown, problems = prepare_page(markdown, page)
            for problem in problems:
                log.warning(problem.format(display_path(page.file, self.config)))
        else:
            markdown = prepare_article(markdown, page, article, self.site.chip_names(article))
        if not renders(markdown, list(self.config.markdown_extensions), dict(self.config.mdx_configs or {})):
            log.warning(
                f"{display_path(page.file, self.config)}: emphasis or HTML nested too deep for Markdown "
                "(it would stop the build with a RecursionError); the page is shown as plain text"
            )
            return as_plain_text(markdown)
        return markdown

    def page_content(self, html: str, page: Page) -> None:
        article = self.site.article(page.file.src_uri)
        if article is None:
            escape_heading_title(page)
        for capability in self.capabilities:
            capability.page_content(html, page, article)

    def before_search(self, page: Page) -> None:
        """Runs before the search plugin indexes the page."""
        for capability in self.capabilities:
            capability.before_search(page)

    def decorate(self, page: Page) -> None:
        for capability in self.capabilities:
            capability.after_search(page)
        self._undecorated[page.file.src_uri] = page.content
        article = self.site.article(page.file.src_uri)
        for capability in self.capabilities:
            capability.decorate(page, article, self.renderer)

    def post_page(self, output: str, page: Page) -> str:
        """Add the capabilities' `<head>` elements (feed links, JSON-LD, link previews) to the finished
        HTML of a page.

        The page is written: its content goes back to what Markdown made of it, so the build does not
        hold every tag page's list and every article's chips and related list until it ends."""
        if page.file.src_uri in self._undecorated:
            page.content = self._undecorated.pop(page.file.src_uri)
        article = self.site.article(page.file.src_uri)
        html = "\n".join(part for c in self.capabilities if (part := c.head(page, article)))
        end = output.find("</head>")
        return output if not html or end < 0 else output[:end] + html + "\n" + output[end:]

    def post_build(self) -> None:
        for capability in self.capabilities:
            for path in sorted(capability.finish(self.config.site_dir)):
                mine = self._static.get(os.path.normpath(path))
                if mine is not None:  # a file of the writer's that jisik's output replaced: never silently
                    log.warning(
                        f"{display_path(mine, self.config)}: jisik writes its own '{mine.dest_uri}' (a feed "
                        f"or prompts.json) there, which replaces your file; give your file another name"
                    )
