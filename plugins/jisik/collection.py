"""Reading the site's articles into records, once per build (and once per content under serve), and
taking out the files MkDocs should not see (folder-link loops, dangling links)."""

from __future__ import annotations

import os
import posixpath
import time
from collections.abc import Callable
from pathlib import Path
from stat import S_ISREG

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import JisikConfig
from .generated import readme_for
from .gitdates import read_git_dates
from .globs import matches
from .incremental.records import RecordCache
from .log import display_path, log
from .model import Article, Entry, Problem
from .model.frontmatter import split_front_matter
from .wikilinks.reader import for_site

RACY_NS = 2_000_000_000
"""Files modified this recently (ns) are read again even if their stamp looks unchanged."""


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
        self._drop_special_files(files, config)
        reader = for_site(config.markdown_extensions, config.mdx_configs, self.options.wikilinks.enabled)
        if self.cache.links is None or self.cache.links.signature != reader.signature:
            self.cache.links = reader
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

    def _drop_special_files(self, files: Files, config: MkDocsConfig) -> None:
        """A named pipe, socket or device in the docs folder (`mkfifo docs/x.md`) is no file to read:
        reading it waits for a writer forever, and copying it stops the build. It is left out and said."""
        for file in list(files):
            path = file.abs_src_path
            if file.generated_by or not path:
                continue
            try:
                if S_ISREG(os.stat(path).st_mode):  # one stat per file: this runs on every rebuild
                    continue
            except (OSError, ValueError):
                continue  # not there (MkDocs says so when it reads it)
            files.remove(file)
            reason = "not a regular file (a named pipe, socket or device): it is left out of the site"
            if self.unreadable is not None:
                self.unreadable(file, reason, 1)
            else:
                log.warning(Problem(reason, None).format(display_path(file, config)))

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
                source = file.abs_src_path or ""
                reason = (
                    f"a link to a file that does not exist ({os.readlink(source)})"
                    if os.path.islink(source) and not os.path.exists(source)
                    else f"cannot read as UTF-8 text: {exc}"
                )
                self.unreadable(file, reason, bad_byte_line(exc))
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
        links = self.cache.links
        return (
            file.abs_src_path,
            stat.st_ino,
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            options.articles.timezone,
            options.related.heading,
            # which text is a link depends on the site's Markdown extensions (mkdocs.yml may change)
            links.signature if links is not None else "",
        )


def drop_link_loops(files: Files, config: MkDocsConfig) -> None:
    """Take out the files MkDocs found by following a folder link inside its own target (`docs/loop`
    linking to `..`): the same files again under ever longer paths, until the system refuses the path
    and the build stops. Each such link is reported once; the files themselves stay, at their real path.
    The build and the `jisik` command both call this, so neither takes those copies for articles."""
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
    shown = display_path(File("x", config.docs_dir, config.site_dir, False), config)[: -len("x")]
    for link in sorted(loops):
        if not any(link.startswith(other + "/") for other in loops):
            log.warning(
                f"{shown}{link}: a link to a folder that contains it (a loop); the files seen through it "
                "are left out (they are in the site at their own path)"
            )


def drop_dangling_links(files: Files, config: MkDocsConfig) -> None:
    """Take out (and report) each link to a file that does not exist: MkDocs would stop the whole
    build copying it. (The `jisik` command reports a dangling article as unreadable instead.)"""
    for file in list(files):
        if not file.generated_by and file.abs_src_path and not os.path.exists(file.abs_src_path):
            files.remove(file)
            log.warning(
                f"{display_path(file, config)}: a link to a file that does not exist "
                f"({os.readlink(file.abs_src_path) if os.path.islink(file.abs_src_path) else 'gone'}); "
                "it is left out of the site"
            )
