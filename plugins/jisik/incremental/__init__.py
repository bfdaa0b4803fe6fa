"""Everything `mkdocs serve --dirty` keeps between rebuilds, in one place.

MkDocs keeps the plugin object for a whole `serve` session; the plugin keeps one `Session`. A `--dirty`
rebuild renders only the pages whose file changed, so the session works out which other pages show
something that changed (an article's chips, related list, neighbours; a tag page's list) and deletes
their output, which makes MkDocs render them again. What each page shows of the rest of the site is its
signature: every capability contributes its part (`Capability.signature`, `Capability.listing`).
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping, Sequence
from functools import partial

from mkdocs.structure.files import Files

from ..capability import Capability, Changes
from ..citations.titles import Cited
from ..figures.binding import Binding
from ..hashtags.tags import tag_key
from ..model import Article, Entry
from ..search import Session as SearchSession
from .compiled import CompiledTemplates
from .derived import PerArticle, PerSource
from .memo import ItemMemo
from .records import RecordCache
from .store import PageStore
from .written import WrittenFiles

__all__ = [
    "CompiledTemplates",
    "ItemMemo",
    "PageStore",
    "PerArticle",
    "RecordCache",
    "Session",
    "WrittenFiles",
]

Signature = tuple[Hashable, ...]
"""One page's signature: a part per capability, in list order."""


class Session:
    """What is kept from one build to the next: records, rendered article bodies, serialised feed
    items (every build), and under `--dirty` the generated pages' files, each page's signature and the
    files the last build wrote."""

    def __init__(self) -> None:
        self.records = RecordCache()
        """Article records by path and content; also each article's rendered HTML (for the feeds)."""
        self.items = ItemMemo()
        """Serialised feed items, reused while an article's item is unchanged."""
        self.search = SearchSession()
        """Search's analysed words and last index (search/)."""
        self.written = WrittenFiles()
        """Feeds and prompts.json as last written: unchanged ones are not written again."""
        self.compiled = CompiledTemplates()
        """The theme's and jisik's Jinja templates, compiled once for the session (set in `on_env`)."""
        self.bindings: PerArticle[list[Binding]] = PerArticle()
        """Each article's prompts bound to images, kept while its record and the site's files are the same."""
        self.prompt_lines: PerSource[list[str]] = PerSource()
        """Each article's lines of prompts.json, kept while its record, URL and bindings are the same."""
        self.citations: PerArticle[list[Cited]] = PerArticle()
        """Each article's numbered, titled sources, kept while its record and the title cache are the same."""
        self.dirty = False
        self.store: PageStore | None = None
        """Generated pages as files (`--dirty` only: MkDocs then compares file times)."""
        self._signatures: dict[str, Signature] = {}
        self._outputs: dict[str, set[str]] = {}
        self._last: dict[str, Article] = {}
        self._settings: Hashable = None

    def start(self, command: str, dirty: bool) -> None:
        """`on_startup`: a `--dirty` session keeps generated pages as files."""
        self.search.command = command
        self.search.stopping = False
        self.dirty = dirty
        if dirty and self.store is None:
            self.store = PageStore()

    def forget_outputs(self, kind: str, paths: set[str]) -> None:
        """Remember the files this build writes (`kind`: pages, feeds) and delete those the last build
        wrote and this one does not (a deleted article's page, a vanished tag's feed): `--dirty` builds
        leave every other file of the last build in place. Nothing happens outside `--dirty`."""
        if not self.dirty:
            return
        before = self._outputs.get(kind, set())
        self._outputs[kind] = set(paths)
        for gone in before - paths:
            if os.path.isfile(gone):
                os.remove(gone)

    def rerender_stale(
        self,
        files: Files,
        entries: Sequence[Entry],
        articles: Mapping[str, Article],
        capabilities: Sequence[Capability],
        settings: Hashable = None,
    ) -> None:
        """`--dirty` renders only pages whose file changed. An unchanged page that shows something that
        changed (its signature differs from the last build's) and an edited article are made to render
        again by deleting their output. When jisik's options (`settings`) changed in mkdocs.yml, every
        page may show something else: every page is rendered again.

        Working out every signature again on each edit would cost more than the edit: a capability may
        say a signature cannot have changed (`Capability.unchanged`) from what changed (`Changes`)."""
        if not self.dirty:
            return
        pages = {file.abs_dest_path for file in files.documentation_pages()}
        self.forget_outputs("pages", pages)
        before, self._last = self._last, dict(articles)
        changes = _changes(before, articles, entries)
        stale: list[str] = []
        if settings != self._settings:
            if self._settings is not None:
                stale.extend(file.src_uri for file in files.documentation_pages())
            self._settings = settings
        kept: list[str] = []
        # only capabilities that say something (the base class's hooks answer None for every page)
        signing = [c for c in capabilities if type(c).signature is not Capability.signature]
        listing = [c for c in capabilities if type(c).listing is not Capability.listing]
        for path, article in articles.items():
            previous = self._signatures.get(path)
            if previous is not None and len(previous) != len(signing):
                previous = ()  # another set of capabilities (their options changed): all stale anyway
            signature = tuple(
                previous[n]
                if previous and c.unchanged(article, previous[n], changes)
                else c.signature(article)
                for n, c in enumerate(signing)
            )
            self._signatures[path] = signature
            # An edited article is rendered again even when its file looks older than its page (a
            # rewrite that kept the modification time), which MkDocs alone would skip.
            if (previous is not None and previous != signature) or path in changes.edited:
                stale.append(path)
            elif previous is not None:
                kept.append(path)
        for file in files.documentation_pages():
            if file.src_uri in articles:
                continue
            previous = self._signatures.get(file.src_uri)
            signature = tuple(c.listing(file.src_uri) for c in listing)
            self._signatures[file.src_uri] = signature
            if previous is not None and previous != signature:
                stale.append(file.src_uri)
        # one lookup table (`Files.get_file_from_path` makes a PurePath per call: 50 µs × every article)
        by_path = {file.src_uri: file for file in files}
        for path in stale:
            found = by_path.get(path)
            if found is not None and found.abs_src_path and os.path.isfile(found.abs_dest_path):
                os.remove(found.abs_dest_path)  # MkDocs renders a page again when its output is missing
        for path in kept:
            # saved again with the same bytes (the same record) and showing the same of the site: its
            # page would come out the same, so it is not rendered again although its file is newer
            found = by_path.get(path)
            if found is not None and found.abs_src_path:
                found.is_modified = partial(_missing, found.abs_dest_path)  # type: ignore[method-assign]


def _missing(output: str) -> bool:
    """`File.is_modified` (MkDocs' File API) of an article page kept as it is, for this build: rendered
    only when its output is missing."""
    return not os.path.isfile(output)


def _changes(
    before: Mapping[str, Article], current: Mapping[str, Article], entries: Sequence[Entry]
) -> Changes:
    edited = {p for p in current.keys() | before.keys() if before.get(p) is not current.get(p)}
    urls = {entry.article.path: entry.url for entry in entries}
    tags: set[str] = set()
    moved: set[str] = set()
    for path in edited:
        old = {tag_key(t) for t in before[path].tags} if path in before else set()
        new = {tag_key(t) for t in current[path].tags} if path in current else set()
        tags |= old ^ new
        if path in before and path in current and before[path].sort_key != current[path].sort_key:
            moved |= old | new
    counted = len([a for a in current.values() if not a.draft]) != len(
        [a for a in before.values() if not a.draft]
    )
    return Changes(
        edited=frozenset(edited),
        edited_urls=frozenset(urls[p] for p in edited if p in urls),
        tags=frozenset(tags),
        moved=frozenset(moved),
        counted=counted,
    )
