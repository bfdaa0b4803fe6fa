"""Citations in a MkDocs build: per-article 출처 lists, the sources index page, JSON-LD."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..config import CitationsConfig
from ..log import log
from ..model import Article, Entry, listed
from ..pages import PageMaker
from ..render import Renderer, cards
from .jsonld import article_jsonld, script_tag
from .markdown import CitationsExtension
from .titles import Cited, TitleCache, cite


@dataclass
class Domain:
    """One cited domain of the sources index: the articles citing it and the URLs they cite."""

    name: str
    citing: list[tuple[Entry, list[Cited]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.citing)


class Citations:
    """Resolves every article's sources once per build and shows them."""

    def __init__(
        self, options: CitationsConfig, entries: list[Entry], docs_dir: str, extension: CitationsExtension
    ) -> None:
        self.options = options
        self.extension = extension
        self.titles_path = Path(docs_dir) / options.titles_file
        self.cache, problem = TitleCache.load(self.titles_path)
        if problem is not None:
            log.warning(problem.format(f"{Path(docs_dir).name}/{options.titles_file}"))
        self.cited = {e.article.path: cite(e.article.sources, self.cache) for e in entries}
        self.domains = _domains(entries, self.cited)
        self.index_uri = options.path.strip("/") + "/index.md"
        self.index_generated = False

    def add_files(self, files: Files, pages: PageMaker) -> None:
        titles = files.get_file_from_path(self.options.titles_file)
        if titles is not None:
            files.remove(titles)  # the cache is for writers, not for the published site
        if self.options.enabled and self.options.index:
            shows = [
                (d.name, [(e.url, e.article.title, [c.url for c in cited]) for e, cited in d.citing])
                for d in self.domains
            ]
            file, self.index_generated = pages.add(
                self.index_uri, self.options.heading, in_nav=True, shows=shows
            )
            self.index_uri = file.src_uri  # moved, if a writer's page has its URL

    def before_render(self, article: Article | None) -> None:
        """Give the Markdown extension the list of the page about to be converted."""
        if self.options.enabled:
            self.extension.page_sources = self.cited.get(article.path, []) if article else None

    def decorate(self, page: Page, renderer: Renderer) -> None:
        if page.file.src_uri != self.index_uri or page.content is None or not self.options.index:
            return
        domains = []
        for domain in self.domains:
            listed = cards([entry for entry, _ in domain.citing], page.url)
            domains.append(
                (domain, [(card, cited) for card, (_, cited) in zip(listed, domain.citing, strict=True)])
            )
        html = renderer.render(
            "sources.html",
            domains=domains,
            title=self.options.heading if self.index_generated else None,
            total=sum(d.count for d in self.domains),
        )
        page.content = html if self.index_generated else page.content + html

    def head(
        self,
        page: Page,
        article: Article,
        keywords: list[str],
        language: str,
        mentions: list[dict[str, Any]] | None = None,  # wikilinks
    ) -> str:
        """The JSON-LD `<script>` for an article page's `<head>`."""
        if not self.options.jsonld:
            return ""
        cited = self.cited.get(article.path, [])
        return script_tag(article_jsonld(article, cited, page.canonical_url, language, keywords, mentions))


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
