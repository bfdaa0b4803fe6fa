"""Reading the site's articles into records, once per build (and once per content under serve)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import JisikConfig
from .feeds.pages import ItemMemo
from .gitdates import read_git_dates
from .log import display_path, log
from .model import Article, Entry, Problem, parse_article
from .model.frontmatter import split_front_matter
from .pages import readme_for
from .wikilinks.reader import LinkReader, for_site  # wikilinks

RACY_NS = 2_000_000_000
"""Files modified this recently (ns) are read again even if their stamp looks unchanged."""


class RecordCache:
    """Records kept between `mkdocs serve` rebuilds, keyed by path and content, never stale."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], Article] = {}
        self._stamps: dict[tuple[str, str], tuple[object, ...]] = {}
        self._current: dict[str, tuple[str, str]] = {}
        self._html: dict[tuple[str, str], str] = {}
        self._signatures: dict[str, object] = {}
        self._last: dict[str, Article] = {}
        self._dated: dict[str, tuple[Article, dt.datetime | None, dt.datetime | None, Article]] = {}
        self._outputs: dict[str, set[str]] = {}
        self.feed_items = ItemMemo()
        """Serialised feed items, reused while an article's item is unchanged."""
        self.links: LinkReader | None = None  # wikilinks
        """Reads each article's links with the site's Markdown extensions (set by `Collection.read`)."""

    def unchanged(self, path: str, stamp: tuple[object, ...]) -> Article | None:
        """The record of a file whose stamp (see `Collection._stamp`) is the same as when it was last
        read: `mkdocs serve` rebuilds then skip reading every unchanged article again."""
        key = self._current.get(path)
        if key is None or self._stamps.get(key) != stamp:
            return None
        return self._records.get(key)

    def get(self, path: str, text: str, options: JisikConfig, stamp: tuple[object, ...] = ()) -> Article:
        reader = self.links  # wikilinks
        settings = (
            f"{options.articles.timezone}\0{options.related.heading}\0{reader.signature if reader else ''}"
        )
        digest = hashlib.blake2b(f"{settings}\0{text}".encode(), digest_size=16).hexdigest()
        key = (path, digest)
        self._current[path] = key
        if stamp:
            self._stamps[key] = stamp
        record = self._records.get(key)
        if record is None:
            record = parse_article(
                text,
                path,
                timezone=options.articles.timezone,
                related_heading=options.related.heading,
                read_links=reader,  # wikilinks
            )
            self._records[key] = record
        return record

    def prune(self, live: dict[str, Article]) -> None:
        """Forget records (and rendered HTML) of files that are gone or changed."""
        self._records = {k: v for k, v in self._records.items() if live.get(k[0]) is v}
        self._stamps = {k: v for k, v in self._stamps.items() if k in self._records}
        self._current = {path: key for path, key in self._current.items() if path in live}
        self._html = {k: v for k, v in self._html.items() if self._current.get(k[0]) == k}

    def remember_html(self, path: str, html: str) -> None:
        """Keep an article's rendered body for the feeds of later `--dirty` builds (same content only)."""
        if path in self._current:
            self._html[self._current[path]] = html

    def html(self, path: str) -> str | None:
        key = self._current.get(path)
        return self._html.get(key) if key else None

    def signature_changed(self, path: str, signature: object) -> bool:
        """Record what an article page shows from the rest of the site; True if it differs from the last
        build's (so a `--dirty` build must render the page again although its file did not change)."""
        before = self._signatures.get(path)
        self._signatures[path] = signature
        return before is not None and before != signature

    def signature(self, path: str) -> object:
        """The last build's signature of a page (None before the first)."""
        return self._signatures.get(path)

    def dated(self, article: Article, date: dt.datetime | None, updated: dt.datetime | None) -> Article:
        """`article` with dates from git: the same record as last build while nothing changed, so that
        `--dirty` rebuilds (which compare records by identity) do not render it again."""
        kept = self._dated.get(article.path)
        if kept is not None and kept[0] is article and kept[1] == date and kept[2] == updated:
            return kept[3]
        result = replace(article, date=date, updated=updated)
        self._dated[article.path] = (article, date, updated, result)
        return result

    def swap_outputs(self, kind: str, paths: set[str]) -> set[str]:
        """Remember the files this build writes (`kind`: pages, feeds); returns those the last build
        wrote and this one does not (a deleted article's page, a vanished tag's feed), for `--dirty`
        builds to delete: they leave every other file of the last build in place."""
        before = self._outputs.get(kind, set())
        self._outputs[kind] = set(paths)
        return before - paths

    def swap_articles(self, articles: dict[str, Article]) -> dict[str, Article]:
        """Remember this build's records; returns the last build's (empty on the first build)."""
        before, self._last = self._last, dict(articles)
        return before


@lru_cache(maxsize=64)
def _glob(pattern: str) -> re.Pattern[str]:
    """`**/` spans folders, `*` and `?` stay within one."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(path: str, patterns: Iterable[str]) -> bool:
    return any(_glob(pattern).match(path) for pattern in patterns)


def article_pages(files: Files, options: JisikConfig) -> list[File]:
    """The pages that may be articles, in file order: every Markdown page MkDocs builds (its
    `exclude_docs` and `draft_docs` applied) whose path matches `articles.paths`, except the home page
    and generated pages. Reading a page then decides (`is_article`). The build and the `jisik` command
    both ask these two functions, so they agree on which files are articles."""
    home = options.home.page
    readme = readme_for(files, home)  # a README.md standing for the home page is the home page
    homes = {home, readme.src_uri} if readme is not None else {home}
    return [
        file
        for file in files.documentation_pages()
        if file.src_uri not in homes
        and not file.generated_by
        and matches(file.src_uri, options.articles.paths)
    ]


def is_article(article: Article) -> bool:
    """A page read from `article_pages` is an article unless its front matter says `article: false`.
    Drafts are articles (checked, rendered by `mkdocs serve`), listed nowhere."""
    return article.meta.get("article") is not False


Unreadable = Callable[[File, str, int], None]
"""Told about a page that cannot be read as UTF-8 text (the file, the reason and the line at fault)."""


def bad_byte_line(exc: Exception) -> int:
    """The line of the first byte that is not UTF-8 (1 for any other reading error)."""
    if isinstance(exc, UnicodeDecodeError) and isinstance(exc.object, bytes):
        return exc.object.count(b"\n", 0, exc.start) + 1
    return 1


class Collection:
    """The articles of one build: records in file order, and which page each belongs to."""

    def __init__(
        self, options: JisikConfig, cache: RecordCache, unreadable: Unreadable | None = None
    ) -> None:
        self.options = options
        self.cache = cache
        self.by_path: dict[str, Article] = {}
        self.entries: list[Entry] = []
        self.unreadable = unreadable
        """Where unreadable pages are reported; None: logged as a warning naming the file (the build)."""

    def read(self, files: Files, config: MkDocsConfig) -> list[Entry]:
        reader = for_site(
            config.markdown_extensions, config.mdx_configs, self.options.wikilinks.enabled
        )  # wikilinks
        if self.cache.links is None or self.cache.links.signature != reader.signature:  # wikilinks
            self.cache.links = reader  # wikilinks
        for file in files.documentation_pages():
            if not file.generated_by and not matches(file.src_uri, self.options.articles.paths):
                self._misnamed(file, config)
        for file in article_pages(files, self.options):
            article = self._read(file, config)
            if article is None:
                files.remove(file)  # reported; MkDocs itself would stop the build with a traceback
                continue
            if article.draft:
                file.inclusion = InclusionLevel.DRAFT  # `article: false` pages too: a draft is a draft
            if not is_article(article):
                continue
            if not article.draft and not self.options.articles.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # every page would repeat the whole list
            self.by_path[file.src_uri] = article
            self.entries.append(Entry(article, file.url))
        self.cache.prune(self.by_path)
        if self.options.articles.git_dates and any(e.article.date is None for e in self.entries):
            self._dates_from_git(config)
        return self.entries

    def _misnamed(self, file: File, config: MkDocsConfig) -> None:
        """A page MkDocs reads as Markdown (`.markdown`, `.mkd`…) that would be an article with an `.md`
        name is said, not silently left out of every list and feed (`article: false` says it is a page)."""
        stem, suffix = posixpath.splitext(file.src_uri)
        if suffix == ".md" or not matches(stem + ".md", self.options.articles.paths):
            return
        try:
            front = split_front_matter(file.content_string)
        except (OSError, UnicodeDecodeError):
            return  # MkDocs reports a file it cannot read
        if front.data.get("article") is False:
            return
        log.warning(
            f"{display_path(file, config)}: jisik reads articles from files named like "
            f"{', '.join(self.options.articles.paths)}, so this page is not an article (not on the home "
            f"page, tag pages or feeds, and its #tag line is a heading); rename it to "
            f"{posixpath.basename(stem)}.md, or write `article: false` in its front matter if it is a page"
        )

    def _dates_from_git(self, config: MkDocsConfig) -> None:
        """Undated articles take their first commit as `date` and last as `updated`: one git process."""
        dates = read_git_dates(Path(config.docs_dir))
        if dates.error:
            log.info(f"dates from git: {dates.error}")
            return
        if dates.shallow:
            log.warning(
                "dates from git: this is a shallow clone, so first-commit dates would be wrong; "
                "undated articles stay undated (fetch the whole history: actions/checkout fetch-depth: 0)"
            )
        for index, entry in enumerate(self.entries):
            article = entry.article
            created = None if dates.shallow else dates.created.get(article.path)
            if article.date is not None or created is None:
                continue
            modified = dates.modified.get(article.path)
            updated = article.updated or (modified if modified and modified != created else None)
            dated = self.cache.dated(article, created, updated)
            self.entries[index] = Entry(dated, entry.url)
            self.by_path[article.path] = dated

    def _read(self, file: File, config: MkDocsConfig) -> Article | None:
        stamp = self._stamp(file)
        if stamp and (record := self.cache.unchanged(file.src_uri, stamp)) is not None:
            return record
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError) as exc:
            if self.unreadable is not None:
                self.unreadable(file, f"cannot read as UTF-8 text: {exc}", bad_byte_line(exc))
                return None
            log.warning(
                Problem(
                    f"cannot read the page as UTF-8 text ({exc}); it is left out of the site",
                    bad_byte_line(exc),
                ).format(display_path(file, config))
            )
            return None
        return self.cache.get(file.src_uri, text, self.options, stamp)

    def _stamp(self, file: File) -> tuple[object, ...]:
        """What identifies a file's content on disk without reading it (path, inode, size, change and
        modification times) with the settings its record depends on; `()` when that is not safe.

        As git does with "racy" files: a file modified in the last two seconds may be written again
        within the same timestamp tick (filesystems with coarse clocks), so it is always read."""
        if file.generated_by or not file.abs_src_path:
            return ()
        try:
            stat = os.stat(file.abs_src_path)
        except OSError:
            return ()
        if time.time_ns() - stat.st_mtime_ns < RACY_NS:
            return ()
        options = self.options
        return (
            file.abs_src_path,
            stat.st_ino,
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            options.articles.timezone,
            options.related.heading,
        )


def drop_link_loops(files: Files, config: MkDocsConfig) -> None:
    """Take out the files MkDocs found by following a folder link inside its own target (`docs/loop`
    linking to `..`): the same files again under ever longer paths, until the system refuses the path
    and the build stops. Each such link is reported once; the files themselves stay, at their real path.
    A link to a file that does not exist is reported and taken out too."""
    real: dict[str, str] = {}

    def resolved(folder: str) -> str:
        if folder not in real:
            real[folder] = os.path.realpath(folder)
        return real[folder]

    docs = os.path.abspath(config.docs_dir)
    loops: set[str] = set()
    for file in list(files):
        if file.generated_by or not file.abs_src_path or "/" not in file.src_uri:
            continue
        seen = {resolved(docs)}
        folder = docs
        for part in file.src_uri.split("/")[:-1]:
            folder = os.path.join(folder, part)
            target = resolved(folder)
            if target in seen or any(target == s or s.startswith(target + os.sep) for s in seen):
                loops.add(os.path.relpath(folder, docs).replace(os.sep, "/"))
                files.remove(file)
                break
            seen.add(target)
    for file in list(files):  # a link to nothing: MkDocs would stop the whole build copying it
        if not file.generated_by and file.abs_src_path and not os.path.exists(file.abs_src_path):
            files.remove(file)
            log.warning(
                f"{display_path(file, config)}: a link to a file that does not exist "
                f"({os.readlink(file.abs_src_path) if os.path.islink(file.abs_src_path) else 'gone'}); "
                "it is left out of the site"
            )
    shown = display_path(File("x", config.docs_dir, config.site_dir, False), config)[: -len("x")]
    for link in sorted(loops):
        if not any(link.startswith(other + "/") for other in loops):
            log.warning(
                f"{shown}{link}: a link to a folder that contains it (a loop); the files seen through it "
                "are left out (they are in the site at their own path)"
            )
