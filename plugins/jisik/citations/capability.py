"""The citations capability: per-article 출처 lists and the sources index page (the sources are
resolved once per build by the site-wide context, `site.Site.cited`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..cards import cards
from ..model import Article, Entry, listed
from ..templates import Renderer
from ..toc import add_to_toc
from .markdown import CitationsExtension
from .titles import Cited

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site


@dataclass
class Domain:
    """One cited domain of the sources index: the articles citing it and the URLs they cite."""

    name: str
    citing: list[tuple[Entry, list[Cited]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.citing)


class Citations(Capability):
    """Shows every article's resolved sources (the 출처 section) and the sources index page."""

    switch = "citations"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.citations
        self.extension = CitationsExtension(heading=self.options.heading)
        self.domains: list[Domain] = []
        self.index_uri = self.options.path.strip("/") + "/index.md"
        self.index_generated = False

    def extensions(self) -> Sequence[Extension]:
        return [self.extension]

    def add_files(self, files: Files, pages: PageMaker) -> None:
        titles = files.get_file_from_path(self.options.titles_file)
        if titles is not None:
            files.remove(titles)  # the cache is for writers, not for the published site
        self.domains = _domains(self.site.entries, self.site.cited)
        if self.options.index:
            file, self.index_generated = pages.add(self.index_uri, self.options.heading, in_nav=True)
            self.index_uri = file.src_uri  # moved, if a writer's page has its URL

    def listing(self, uri: str) -> Hashable:
        if uri != self.index_uri or not self.options.index:
            return None
        return tuple(  # each citing article's card (title, date) and the sources' links and titles
            (
                d.name,
                tuple(
                    (e.url, e.article.title, e.article.date, tuple((c.url, c.title) for c in cited))
                    for e, cited in d.citing
                ),
            )
            for d in self.domains
        )

    def signature(self, article: Article) -> Hashable:
        return tuple(c.title for c in self.site.cited.get(article.path, []))

    def before_render(self, page: Page, article: Article | None) -> None:
        """Give the Markdown extension the list of the page about to be converted."""
        self.extension.page_sources = self.site.cited.get(article.path, []) if article else None

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        if page.file.src_uri != self.index_uri or page.content is None or not self.options.index:
            return
        domains = []
        for domain in self.domains:
            listed = cards([entry for entry, _ in domain.citing], page.url)
            domains.append(
                (domain, [(card, cited) for card, (_, cited) in zip(listed, domain.citing, strict=True)])
            )
        names = [domain.name for domain in self.domains]
        ids = renderer.anchors.ids(names, page, "domain")
        html = renderer.render(
            "sources.html",
            domains=domains,
            ids=ids,
            title=self.options.heading if self.index_generated else None,
            total=sum(d.count for d in self.domains),
        )
        page.content = html if self.index_generated else page.content + html
        add_to_toc(page, [(name, ids[name]) for name in names])


def _domains(entries: list[Entry], cited: dict[str, list[Cited]]) -> list[Domain]:
    """Cited domains, most cited first; each with its citing articles newest first."""
    by_name: dict[str, Domain] = {}
    urls: dict[tuple[str, str], list[Cited]] = defaultdict(list)
    for entry in listed(entries):
        for source in cited.get(entry.article.path, []):
            if source.is_link and source.domain:
                domain = by_name.setdefault(source.domain, Domain(source.domain))
                key = (source.domain, entry.article.path)
                if not urls[key]:
                    domain.citing.append((entry, urls[key]))
                urls[key].append(source)
    newest = {name: d.citing[0][0].article.sort_key for name, d in by_name.items()}
    return sorted(by_name.values(), key=lambda d: (-d.count, newest[d.name], d.name))
