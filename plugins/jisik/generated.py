"""Generated pages: the pages jisik adds to a site (tag pages, lists, the search page) via
`File.generated`, without ever replacing a writer's page; and the default navigation."""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

if TYPE_CHECKING:
    from .incremental.store import PageStore

from .log import display_path, log

# Characters a YAML stream may not hold raw (C1 controls, BOM, non-characters) or that it would read as
# line breaks (NEL, LS, PS); lone surrogates cannot be written at all.
_NOT_RAW_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar that MkDocs' front-matter reader gives back exactly.

    JSON's escapes (`\\"`, `\\\\`, control characters) are YAML's too; what YAML reads differently is
    escaped as well. A tenth of the cost of `yaml.safe_dump`, for hundreds of generated pages."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_RAW_YAML.sub(
        lambda m: "\\ufffd" if 0xD800 <= ord(m.group()) <= 0xDFFF else f"\\u{ord(m.group()):04x}", quoted
    )


def readme_for(files: Files, uri: str) -> File | None:
    """MkDocs' rule: a folder's `README.md` is its index page when it has no `index.md`. The writer's
    README is then the page at `<folder>/index.md` (never replaced by a generated one)."""
    if posixpath.basename(uri) != "index.md" or files.get_file_from_path(uri) is not None:
        return None
    readme = files.get_file_from_path(posixpath.join(posixpath.dirname(uri), "README.md"))
    return readme if readme is not None and readme.inclusion.is_included() else None


class PageMaker:
    """Adds jisik's pages to a build's files: the writer's own page when one exists at that path."""

    def __init__(self, files: Files, config: MkDocsConfig, store: PageStore | None = None) -> None:
        self.files = files
        self.config = config
        self.store = store
        self._dests: dict[str, File] | None = None

    def _taken(self, uri: str) -> File | None:
        """The writer's page that MkDocs would write where a page at `uri` goes (`docs/tags.md` and
        `tags/index.md` are both `tags/index.html`), if any."""
        if self._dests is None:
            self._dests = {_same(f.dest_uri): f for f in self.files if not f.generated_by}
        probe = File(uri, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
        return self._dests.get(_same(probe.dest_uri))

    def _free(self, uri: str) -> str:
        """Where a generated page goes when the writer's page has its URL: its folder gets `-2`, `-3`…
        (`tags/index.md` → `tags-2/index.md`)."""
        folder, _, name = uri.rpartition("/")
        number = 2
        while True:
            moved = f"{folder}-{number}/{name}" if folder else f"{name[:-3]}-{number}.md"
            if self.files.get_file_from_path(moved) is None and self._taken(moved) is None:
                return moved
            number += 1

    def where(self, uri: str) -> tuple[str, File | None]:
        """Where the page meant for `uri` is: `(uri, the writer's page)` when the writer has one there
        (or at its URL, as a folder's README.md), else `(the uri a generated page gets, None)`: `uri`
        itself, or a free one when a writer's page of another name has its URL. Changes nothing: the
        site-wide context asks this for the URLs every capability needs before any page is added."""
        existing = self.files.get_file_from_path(uri) or readme_for(self.files, uri)
        if existing is not None:
            return existing.src_uri, existing
        taken = self._taken(uri)
        if taken is not None and taken.src_uri.rpartition("/")[2] == "README.md" and uri.endswith("index.md"):
            return taken.src_uri, taken  # MkDocs makes a folder's README.md its index page: the writer's
        return (uri if taken is None else self._free(uri)), None

    def url(self, uri: str) -> str:
        """The URL the page meant for `uri` will have (see `where`)."""
        moved, existing = self.where(uri)
        if existing is not None:
            return existing.url
        probe = File(moved, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
        return probe.url

    def add(self, uri: str, title: str, *, in_nav: bool = False) -> tuple[File, bool]:
        """The page at `uri`, generated (titled `title`, in the automatic nav only when `in_nav`) if the
        writer has none. Returns the file and whether it was generated."""
        wanted = uri
        uri, existing = self.where(uri)
        if existing is not None:
            return existing, False
        taken = self._taken(wanted)
        # Escaped for the theme by pagemeta.prepare_page, like every page that is not an article.
        content = f"---\ntitle: {yaml_string(title)}\n---\n"
        inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        if self.store is None:
            file = File.generated(self.config, uri, content=content, inclusion=inclusion)
        else:
            path = self.store.path(uri, content)
            file = File.generated(self.config, uri, abs_src_path=path, inclusion=inclusion)
        self.files.append(file)
        if self._dests is not None:
            self._dests[_same(file.dest_uri)] = file
        if taken is not None:
            log.warning(
                f"{display_path(taken, self.config)}: this page has the URL '{taken.url or './'}' that "
                f"jisik's page {title!r} ({wanted}) would have; your page is kept, and jisik's page is at "
                f"'{file.url}' instead (move your page to {wanted} to have the list added below your text)"
            )
        return file, True


def _same(dest_uri: str) -> str:
    """One key for output paths that are one file on macOS and Windows disks (`Tags/` and `tags/`,
    NFD and NFC Hangul), where the site is often built."""
    return unicodedata.normalize("NFC", dest_uri).casefold()


def default_nav(files: Files, articles: Mapping[str, object], config: MkDocsConfig) -> list[object]:
    """The navigation when `mkdocs.yml` sets none: the home page, the writer's other pages, then the
    pages jisik lists articles on (태그, 출처, 보관함). Articles stay out: lists show them instead."""
    first: list[object] = []
    rest: list[object] = []
    for file in files.documentation_pages():
        if file.src_uri in articles or not file.inclusion.is_in_nav():
            continue
        (rest if file.generated_by else first).append(file.src_uri)
    first.sort(key=lambda uri: (uri != "index.md", str(uri)))
    return first + rest
