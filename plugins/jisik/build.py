"""One build of a jisik site: the state every plugin event works on, made anew for each build."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .checks import NOTES, check
from .citations.markdown import CitationsExtension
from .citations.pages import Citations
from .collection import Collection, RecordCache, drop_link_loops
from .config import JisikConfig
from .feeds.pages import RSS_NAME, Feeds, feeds_wanted
from .figures.markdown import FiguresExtension
from .figures.pages import Figures
from .hashtags.index import TagIndex
from .hashtags.markdown import HashtagExtension
from .hashtags.pages import HashtagPages
from .hashtags.tags import tag_key
from .head.pages import Head
from .listings import Archive, HomeListing
from .log import display_path, log
from .model import Problem
from .model.frontmatter import normalise_newlines
from .pagemeta import (
    as_plain_text,
    escape_heading_title,
    prepare_article,
    prepare_page,
    renders,
    theme_meta,
)
from .pages import PageMaker, PageStore, default_nav
from .reading import Reading
from .render import SCRIPT, STYLESHEET, THEME_DIR, Renderer
from .safelinks import SafeLinksExtension, unsafe
from .search import Search, Session
from .wikilinks import Wikilinks  # wikilinks


@dataclass
class Extensions:
    """jisik's Markdown extensions for this build (the per-page syntax of each capability)."""

    hashtags: HashtagExtension
    citations: CitationsExtension | None
    figures: FiguresExtension | None
    links: SafeLinksExtension


def setup(options: JisikConfig, config: MkDocsConfig) -> Extensions:
    """Register jisik's Markdown extensions, templates (after the site's overrides) and assets."""
    extensions = Extensions(
        hashtags=HashtagExtension(related_heading=options.related.heading),
        citations=CitationsExtension(heading=options.citations.heading)
        if options.citations.enabled
        else None,
        figures=FiguresExtension() if options.figures.enabled else None,
        links=SafeLinksExtension(),
    )
    for extension in (extensions.hashtags, extensions.citations, extensions.figures, extensions.links):
        if extension is not None:
            config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    config.theme.dirs.append(THEME_DIR)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if options.figures.enabled and SCRIPT not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]
    return extensions


class Build:
    """Reads records in `on_files`, hands pages their data while they render, decorates them after."""

    def __init__(
        self,
        options: JisikConfig,
        config: MkDocsConfig,
        cache: RecordCache,
        dirty: bool = False,
        store: PageStore | None = None,
        search: Session | None = None,
    ) -> None:
        self.options = options
        self.cache = cache
        self.dirty = dirty
        self.store = store if dirty else None
        self.config = config
        self.collection = Collection(options, cache)
        self.renderer = Renderer(None)
        self.extensions = setup(options, config)
        self.wikilinks = Wikilinks(options.wikilinks, config)  # wikilinks
        config.markdown_extensions.extend(self.wikilinks.extensions())  # type: ignore[arg-type]  # wikilinks
        self.wikilinks.assets(config)  # wikilinks
        self.hashtags: HashtagPages | None = None
        self.citations: Citations | None = None
        self.figures: Figures | None = None
        self.feeds: Feeds | None = None
        self.home: HomeListing | None = None
        self.archive: Archive | None = None
        self.reading: Reading | None = None
        self.head: Head | None = None
        self.search = Search(options.search, config, search or Session()) if options.search.enabled else None
        self._undecorated: dict[str, str | None] = {}
        self._hidden: dict[str, list[str]] = {}
        self._static: dict[str, File] = {}
        self._templates: dict[str, bool] = {}

    def files(self, files: Files) -> Files:
        drop_link_loops(files, self.config)
        self._static = {  # the writer's own files that are not pages (`docs/feed.xml`…), by output path
            os.path.normpath(f.abs_dest_path): f
            for f in files
            if not f.generated_by and not f.is_documentation_page()
        }
        entries = self.collection.read(files, self.config)
        index = TagIndex(entries)
        self.wikilinks.add_files(files, entries)  # wikilinks
        pages = PageMaker(files, self.config, self.store)
        self.hashtags = HashtagPages(self.options.hashtags, self.options.related, index)
        self.hashtags.add_files(pages, feeds_wanted(self.options.feeds, self.config))
        if self.extensions.citations is not None:
            self.citations = Citations(
                self.options.citations, entries, self.config.docs_dir, self.extensions.citations
            )
            self.citations.add_files(files, pages)
        if self.extensions.figures is not None:
            self.figures = Figures(self.options.figures, entries, files, self.extensions.figures)
        self.feeds = Feeds(
            self.options.feeds,
            self.config,
            entries,
            index,
            self.hashtags.tag_urls,
            self.figures.bindings if self.figures else {},
            self.cache.html,
            self.cache.feed_items,
        )
        self.hashtags.feed_for = self.feeds.tag_feed
        self.archive = Archive(self.options.archive, entries)
        self.archive.add_files(pages)
        self.home = HomeListing(self.options.home, entries, self.config.site_name)
        self.home.feed = RSS_NAME if self.feeds.enabled else None
        self.home.archive = self.archive.url
        self.home.index = index if self.options.hashtags.enabled else None
        self.home.tag_urls = self.hashtags.tag_urls
        self.home.tag_index_url = self.hashtags.index_url or None
        self.home.bindings = self.figures.bindings if self.figures else {}
        self.home.add_files(pages)
        self.reading = Reading(self.options.reading, entries)
        hashtags = self.hashtags
        self.head = Head(
            self.options.head,
            self.config,
            self.figures.bindings if self.figures else {},
            lambda article: [name for name, _tag in hashtags.index.chips(article)],
            self.options.home.page,
        )
        if self.search is not None:
            tag_pages = {uri: tag.name for uri, (tag, _p, n) in self.hashtags.tag_pages.items() if n == 1}
            self.search.add_files(files, pages, tag_pages)
        if self.config.nav is None:
            self.config.nav = default_nav(files, self.collection.by_path, self.config)
        self._rerender_stale(files)
        self._report(files, index)
        return files

    def _rerender_stale(self, files: Files) -> None:
        """`--dirty` renders only pages whose file changed. An unchanged article whose chips, related
        list, image or source titles changed, and the home page, are made to render again.

        Ranking every article again on each edit would cost more than the edit: an article's related
        list can only change if an edited article is on it, or shares one of the tags the edit added or
        removed (their weights changed), or the number of articles changed (every weight did)."""
        if not self.dirty or self.hashtags is None:
            return
        pages = {file.abs_dest_path for file in files.documentation_pages()}
        for gone in self.cache.swap_outputs("pages", pages):
            if os.path.isfile(gone):
                os.remove(gone)  # a deleted article's page, a tag page no article lists any more
        current = self.collection.by_path
        before = self.cache.swap_articles(current)
        edited = {p for p in current.keys() | before.keys() if before.get(p) is not current.get(p)}
        urls = {entry.article.path: entry.url for entry in self.collection.entries}
        edited_urls = {urls[p] for p in edited if p in urls}
        touched: set[str] = set()
        for path in edited:
            old = {tag_key(t) for t in before[path].tags} if path in before else set()
            new = {tag_key(t) for t in current[path].tags} if path in current else set()
            touched |= old ^ new
        counted = len([a for a in current.values() if not a.draft]) != len(
            [a for a in before.values() if not a.draft]
        )
        stale = [self.options.home.page]
        for path, article in current.items():
            previous = self.cache.signature(path)
            again = (
                previous is None
                or counted
                or path in edited
                or not touched.isdisjoint(self.hashtags.index.keys(article))
                or any(url in edited_urls for url, _title, _date in previous[0][1])  # type: ignore[index]
            )
            signature = (
                self.hashtags.signature(article) if again else previous[0],  # type: ignore[index]
                [b.image for b in self.figures.bindings.get(path, [])] if self.figures else None,
                [c.title for c in self.citations.cited.get(path, [])] if self.citations else None,
                self.reading.signature(article) if self.reading else None,
                self.wikilinks.signature(article),  # wikilinks
            )
            # An edited article is rendered again even when its file looks older than its page (a
            # rewrite that kept the modification time), which MkDocs alone would skip.
            if self.cache.signature_changed(path, signature) or path in edited:
                stale.append(path)
        for path in stale:
            file = files.get_file_from_path(path)
            if file is not None and file.abs_src_path and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)  # MkDocs renders a page again when its output is missing

    def _report(self, files: Files, index: TagIndex) -> None:
        """The same findings as `jisik check`; problems fail `--strict`, missing tags/sources do not."""
        shown = {}
        for path in self.collection.by_path:
            file = files.get_file_from_path(path)
            shown[path] = display_path(file, self.config) if file else path
        for finding in check(
            self.collection.by_path.values(), index, self.options.wikilinks.enabled
        ):  # wikilinks
            message = replace(finding, path=shown.get(finding.path, finding.path)).format()
            (log.info if finding.code in NOTES else log.warning)(message)

    def _compiles(self, name: str) -> bool:
        """Whether the theme's template `name` loads (Material's `blog-post.html` needs its blog plugin's
        filters: a page naming it would stop the whole build)."""
        if name not in self._templates:
            try:
                self.config.theme.get_env().get_template(name)
                self._templates[name] = True
            except jinja2.TemplateError:
                self._templates[name] = False
        return self._templates[name]

    def page_markdown(self, markdown: str, page: Page) -> str:
        article = self.collection.by_path.get(page.file.src_uri)
        for problem in theme_meta(page, list(self.config.theme.dirs), self._compiles):
            log.warning(problem.format(display_path(page.file, self.config)))
        if self.citations is not None:
            self.citations.before_render(article)
        if self.figures is not None:
            self.figures.before_render(article)
        self.wikilinks.before_render(page, article)  # wikilinks
        if article is None:
            markdown, problems = prepare_page(markdown, page)
            for problem in problems:
                log.warning(problem.format(display_path(page.file, self.config)))
        else:
            markdown = prepare_article(markdown, page, article)
        if not renders(markdown, list(self.config.markdown_extensions), dict(self.config.mdx_configs or {})):
            log.warning(
                f"{display_path(page.file, self.config)}: emphasis or HTML nested too deep for Markdown "
                "(it would stop the build with a RecursionError); the page is shown as plain text"
            )
            return as_plain_text(markdown)
        return markdown

    def page_content(self, html: str, page: Page) -> None:
        self._report_links(page)
        self.wikilinks.page_content(html, page, self.collection.by_path.get(page.file.src_uri))  # wikilinks
        if page.file.src_uri not in self.collection.by_path:
            escape_heading_title(page)
        if self.feeds is not None and self.feeds.wants_html(page.file.src_uri):
            self.cache.remember_html(page.file.src_uri, html)
        if self.search is not None:
            article = self.collection.by_path.get(page.file.src_uri)
            # the tags as the page's chips show them: one name per tag, none the build ignored
            tags: list[str] = []
            if article is not None:
                chips = self.hashtags.index.chips(article) if self.hashtags else None
                tags = [name for name, _tag in chips] if chips is not None else list(article.tags)
            self.search.page_content(html, page, article, tags)

    def _report_links(self, page: Page) -> None:
        """A Markdown link or image whose URL would run (`javascript:`…) was made text: said at its line."""
        dropped, self.extensions.links.dropped = self.extensions.links.dropped, []
        if not dropped:
            return
        try:
            text = normalise_newlines(page.file.content_string)
        except (OSError, UnicodeDecodeError):
            text = ""
        for what, value in dict.fromkeys(dropped):
            offset = text.find(value)
            line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
            why = (
                "is not a URL a browser can follow (it cannot be read)"
                if what in ("link", "image") and not unsafe(value)
                else "would run in the reader's browser (not an http(s) URL)"
            )
            message = f"{what} {value[:80]!r} {why}; it is left out, a link or image shown as its text"
            log.warning(Problem(message, line).format(display_path(page.file, self.config)))

    def env(self, env: jinja2.Environment) -> None:
        self.renderer = Renderer(env.loader)

    def before_search(self, page: Page) -> None:
        """Runs before the search plugin indexes the page (see `Figures.hide`)."""
        if self.figures is not None:
            self._hidden[page.file.src_uri] = self.figures.hide(page)

    def decorate(self, page: Page) -> None:
        if self.figures is not None:
            self.figures.show(page, self._hidden.pop(page.file.src_uri, []))
        self._undecorated[page.file.src_uri] = page.content
        article = self.collection.by_path.get(page.file.src_uri)
        if self.hashtags is not None:
            self.hashtags.decorate(page, article, self.renderer)
        if self.reading is not None and article is not None:
            body = self._undecorated[page.file.src_uri] or ""
            self.reading.decorate(page, article, self.renderer, body)
        if self.citations is not None:
            self.citations.decorate(page, self.renderer)
        if self.home is not None:
            self.home.decorate(page, self.renderer)
        if self.archive is not None:
            self.archive.decorate(page, self.renderer)
        if self.search is not None:
            self.search.decorate(page, self.renderer)

    def post_page(self, output: str, page: Page) -> str:
        """Add `<head>` elements (feed autodiscovery, JSON-LD) to the finished HTML of a page.

        The page is written: its content goes back to what Markdown made of it, so the build does not
        hold every tag page's list and every article's chips and related list until it ends."""
        if page.file.src_uri in self._undecorated:
            page.content = self._undecorated.pop(page.file.src_uri)
        article = self.collection.by_path.get(page.file.src_uri)
        head = [self.feeds.head(page, article is not None)] if self.feeds is not None else []
        if article is not None and self.citations is not None:
            keywords = [name for name, _tag in self.hashtags.index.chips(article)] if self.hashtags else []
            language = str(self.config.theme.get("language") or "ko")
            mentions = self.wikilinks.mentions(article, self.config.site_url)  # wikilinks
            head.append(self.citations.head(page, article, keywords, language, mentions))
        if self.head is not None:
            head.append(self.head.html(page, article))
        html = "\n".join(part for part in head if part)
        end = output.find("</head>")
        return output if not html or end < 0 else output[:end] + html + "\n" + output[end:]

    def post_build(self) -> None:
        ours: set[str] = set()
        if self.figures is not None:
            ours |= self.figures.post_build(self.config)
        if self.feeds is not None:
            written = self.feeds.write(self.config.site_dir)
            ours |= written
            if self.dirty:
                for gone in self.cache.swap_outputs("feeds", written):
                    if os.path.isfile(gone):
                        os.remove(gone)
        for path in sorted(ours):
            mine = self._static.get(os.path.normpath(path))
            if mine is not None:  # a file of the writer's that jisik's output replaced: never silently
                log.warning(
                    f"{display_path(mine, self.config)}: jisik writes its own '{mine.dest_uri}' (a feed or "
                    f"prompts.json) there, which replaces your file; give your file another name"
                )
        if self.search is not None:
            self.search.post_build()
