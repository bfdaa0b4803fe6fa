"""The wikilinks capability: `[[wikilinks]]` shown on every page, backlinks, redirects from former paths.

Hooks: `setup` (the link preview's script), `extensions` (the Markdown extension), `add_files`
(redirect pages), `before_render` (hands the page its resolver and backlinks), `page_content` (a writer
page's broken links, said at their lines), `signature` (for `serve --dirty`), `for_feeds` (the backlinks
section stays on the site). Who links to whom is worked out once in the site-wide context
(`site.Site.links`, wikilinks/graph.py), which the head's JSON-LD also reads (`mentions`).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..cards import format_date, href
from ..log import display_path, log
from ..model import Article, Entry, Problem
from ..model.dates import iso_datetime
from ..model.frontmatter import normalise_newlines
from ..model.links import Link, locate
from ..model.text import shorten
from .graph import LinkGraph
from .markdown import Backlink, Resolved, WikiLinkExtension
from .resolve import explain

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site

SCRIPT = "assets/jisik/wikilinks.js"
PREVIEW_LENGTH = 80
"""Characters of the target's summary a link's preview shows (cut at a word, with …): two or three
lines of the preview box, and the page carries it once per linked article."""
# The backlinks section is the site's navigation, and changes whenever another article links here:
# in a feed, an item would change in every reader without its article changing.
_BACKLINKS = re.compile(r'<section class="jisik-backlinks"[^>]*>.*?</section>', re.DOTALL)


class Wikilinks(Capability):
    """Resolves links between the build's articles and shows them on every page."""

    switch = "wikilinks"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.wikilinks
        self.config = site.config
        self.extension = WikiLinkExtension(backlinks_heading=self.options.backlinks_heading)
        self.redirects: dict[str, str] = {}
        """Redirect files written (their output path) → the article path they point to."""

    @property
    def graph(self) -> LinkGraph:
        return self.site.links

    def setup(self, config: MkDocsConfig) -> None:
        """The link preview's script (the stylesheet is jisik's own)."""
        if self.options.preview and SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]

    def extensions(self) -> Sequence[Extension]:
        return [self.extension]

    def add_files(self, files: Files, pages: PageMaker) -> None:
        """Redirect pages at the former paths of moved articles."""
        if self.options.redirects:
            self._add_redirects(files, [a for a in self.graph.articles.values() if not a.draft])

    def backlinks_of(self, article: Article) -> list[Entry]:
        return self.graph.backlinks_of(article)

    def before_render(self, page: Page, article: Article | None) -> None:
        """Hand the extension what this page links to and what links to it."""
        source = article.path if article is not None else page.file.src_uri

        def resolve(link: Link) -> Resolved:
            found = self.graph.resolver.resolve(link, source)
            if found.outcome != "ok" or found.target is None:
                mark = "여러 글" if found.outcome == "ambiguous" else "없는 글"
                return Resolved(None, link.target, _tooltip(found.outcome, link.target), mark)
            target = self.graph.articles.get(found.target)
            if target is None:  # `[[#소제목]]` on a page that is no article: a heading of that page
                return Resolved("", "", heading=found.heading)
            url = "" if found.target == source else file_link(found.target, source)
            anchor = self.graph.resolver.anchor(target.path, found.heading) if found.heading else None
            if not url or not self.options.preview:  # no preview of the page itself, or none at all
                return Resolved(url, "", heading=found.heading, anchor=anchor)
            return Resolved(
                url,
                target.title,
                heading=found.heading,
                date=format_date(target.date),
                summary=_preview(target.summary),
                anchor=anchor,
            )

        self.extension.resolve = resolve
        self.extension.backlinks = (
            [
                Backlink(
                    e.article.title,
                    file_link(e.article.path, source),
                    format_date(e.article.date),
                    iso_datetime(e.article.date) if e.article.date else "",
                )
                for e in self.backlinks_of(article)
            ]
            if article is not None and not article.draft
            else []
        )

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        """A page that is no article (its links are in no record): its wikilinks that reach no article
        are said here, at their line, as `jisik check` says an article's."""
        if article is not None:
            return
        written = list(getattr(getattr(self.extension, "md", None), "jisik_wikilinks", []))
        if not written:
            return
        try:
            text = normalise_newlines(page.file.content_string)
        except (OSError, UnicodeDecodeError):
            text = ""
        for link in locate(written, text, 1, lambda link: [f"[[{link.whole or link.target}", "[["]):
            found = self.graph.resolver.resolve(link, page.file.src_uri)
            if found.outcome != "ok":
                where = display_path(page.file, self.config)
                log.warning(Problem(f"{link.written}: {explain(found, link)}", link.line).format(where))

    def signature(self, article: Article) -> tuple[object, ...]:
        """What an article page shows of other articles here: where each of its links goes (URL and
        title, or why nowhere) and its backlinks (URL, title, date). A retitled article changes both."""
        reached = []
        for link in article.links:
            found = self.graph.resolver.resolve(link, article.path)
            target = self.graph.articles.get(found.target or "")
            # the preview too, and the ids its headings gave themselves (where a `#절` link goes)
            shown = (target.title, target.date, target.summary, target.heading_ids) if target else None
            reached.append((found.outcome, self.graph.urls.get(found.target or ""), shown))
        listed = tuple((e.url, e.article.title, e.article.date) for e in self.backlinks_of(article))
        return tuple(reached), listed

    def for_feeds(self, html: str) -> str:
        return _BACKLINKS.sub("", html) if "jisik-backlinks" in html else html

    def _add_redirects(self, files: Files, published: list[Article]) -> None:
        """A small page at each former URL (`redirect_from:`) sending readers and crawlers to the article."""
        made: dict[str, str] = {}  # output path → the article whose former path it is
        for article in sorted(published, key=lambda a: a.path):  # the first by path keeps a shared one
            for old in article.redirect_from:
                probe = File(old, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
                if probe.dest_uri in made:
                    why = f"also a former path of {made[probe.dest_uri]}, which keeps it"
                else:
                    taken = files.get_file_from_path(old) or next(
                        (f for f in files if f.dest_uri == probe.dest_uri), None
                    )
                    why = f"the path of a page that exists ({taken.src_uri})" if taken is not None else ""
                if why:
                    where = self._where(files, article, old)
                    log.warning(f"{where}: `redirect_from: {old}` is {why}; no redirect is made there")
                    continue
                made[probe.dest_uri] = article.path
                target = href(self.graph.urls[article.path], probe.url)
                site_url = self.config.site_url or ""
                canonical = site_url.rstrip("/") + "/" + self.graph.urls[article.path] if site_url else target
                page = _redirect_page(article.title, target, canonical)
                files.append(File.generated(self.config, probe.dest_uri, content=page))
                self.redirects[probe.dest_uri] = article.path

    def _where(self, files: Files, article: Article, old: str) -> str:
        """`docs/articles/a.md:5`: the file as the writer knows it, at the line naming `old`."""
        file = files.get_file_from_path(article.path)
        if file is None:
            return article.path
        try:
            lines = normalise_newlines(file.content_string).split("\n")
        except (OSError, UnicodeDecodeError):
            lines = []
        line = next((n for n, text in enumerate(lines, 1) if old in text), None)
        where = display_path(file, self.config)
        return f"{where}:{line}" if line else where


def file_link(target: str, source: str) -> str:
    """A link from the page of file `source` to the page of file `target`, as a writer writes it
    (`../b.md`): MkDocs turns it into the page's URL (and checks it, with its anchor) as for any link."""
    return _relative(target, posixpath.dirname(source) or ".")


@lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return quote(posixpath.relpath(target, folder))


@lru_cache(maxsize=65536)
def _preview(summary: str) -> str:
    return shorten(summary, PREVIEW_LENGTH)


def _tooltip(outcome: str, name: str) -> str:
    if outcome == "ambiguous":
        return f"‘{name}’은(는) 여러 글의 제목입니다: 어느 글인지 알 수 없습니다"
    if outcome == "draft":
        return f"‘{name}’은(는) 아직 공개되지 않은 글입니다"
    return f"‘{name}’이라는 글이 없습니다"


def _redirect_page(title: str, target: str, canonical: str) -> str:
    """A page at a former URL: refreshes to `target` at once; crawlers read the canonical link."""
    t, c, name = (html.escape(v, quote=True) for v in (target, canonical, title))
    return (
        '<!doctype html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        f'<link rel="canonical" href="{c}">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={t}">\n</head>\n'
        f'<body>\n<p>이 글은 <a href="{t}">{name}</a>(으)로 옮겨졌습니다.</p>\n</body>\n</html>\n'
    )
