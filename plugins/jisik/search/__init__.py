"""Search: a Pagefind index of the site's pages with Korean words analysed, a search page, a header box.

The build hands this capability its pages (`page_content`) and calls `post_build`; the index is made
from the collected pages afterwards (in the background under `mkdocs serve`). See documents.py for how
analysed words are written so that excerpts still show the words as written.
"""

from __future__ import annotations

import atexit
import ctypes
import functools
import hashlib
import html as htmllib
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..log import log
from ..model import Article
from ..templates import Renderer
from . import binary as binaries
from .analysis import Analyser
from .documents import TAIL, Document, body_words, parse, render, words_of

if TYPE_CHECKING:
    from ..generated import PageMaker
    from ..site import Site

SCRIPT = "assets/jisik/search.js"
STYLESHEET = "assets/jisik/search.css"
BUNDLE = "pagefind"
_SOURCE = Path(__file__).parent
THEME_DIR = str(_SOURCE / "theme")
"""The search page's template (`jisik/search.html`) and stylesheet, after the site's own overrides."""


_EMPTY_INDEX = """// jisik: the site has no page to index yet; this stands in for Pagefind's pagefind.js
export async function options() {}
export async function search() { return { results: [] }; }
"""


@dataclass
class _Indexed:
    digest: str
    words: int


@dataclass
class Session:
    """What search keeps for a whole `mkdocs serve` session: analysed words, the pages as Pagefind reads
    them (rewritten only when a page changed), the last finished index, and the one indexer thread.

    Under serve a rebuild never waits for an index: it hands its pages to the indexer (`submit`) and
    returns. The indexer runs one index at a time; a rebuild made meanwhile is indexed once the running
    index is done (several such rebuilds: once, with all their pages, the newest winning)."""

    analyser: Analyser | None = None
    folder: Path | None = None
    pages: dict[str, _Indexed] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    generation: int = 0
    command: str = "build"
    key: tuple[object, ...] = ()
    current: bool = False
    """Whether the last published index (`workdir()/last`) was made from the pages as they are now."""
    wake: threading.Condition = field(default_factory=threading.Condition)
    pending: Search | None = None
    worker: threading.Thread | None = None
    process: subprocess.Popen[str] | None = None
    stopping: bool = False
    busy: bool = False

    def start(self, key: tuple[object, ...]) -> None:
        """Keep what was kept only for the same site and settings (MkDocs may reuse a plugin object
        for another site in the same process)."""
        if key != self.key:
            self.key = key
            self.analyser = None
            self.pages.clear()
            self.current = False
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = None

    def workdir(self) -> Path:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="jisik-search-"))
            atexit.register(shutil.rmtree, self.folder, True)
        return self.folder

    def submit(self, job: Search) -> None:
        """Index `job` (one build's pages) in the background, after the index running now."""
        with self.wake:
            if self.stopping:
                return
            if self.pending is not None:
                job.absorb(self.pending)  # a build no index started for: its pages go with the newer one
            self.pending = job
            if self.worker is None:
                self.worker = threading.Thread(target=self._loop, daemon=True, name="jisik-search")
                self.worker.start()
            self.wake.notify()

    def _loop(self) -> None:
        first = True
        while True:
            with self.wake:
                while self.pending is None and not self.stopping:
                    self.wake.wait()
                job, self.pending = self.pending, None
                if self.stopping or job is None:
                    return
                self.busy = True
            try:
                if first and self.analyser is not None:
                    first = False
                    # the first new word of an edit would load kiwipiepy's model: load it now, before
                    # the first index (which may need it anyway), not after it, where it would slow
                    # the first edit's rebuild (the same process, the same cores)
                    try:
                        self.analyser.preload()
                    except Exception as error:  # analysed later, when a word needs it (and said then)
                        log.info(f"search: kiwipiepy was not loaded ahead: {error}")
                job.index_now()
            finally:
                with self.wake:
                    self.busy = False
                    self.wake.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every build handed over so far is indexed (for tools that measure the server)."""
        with self.wake:
            return self.wake.wait_for(lambda: self.pending is None and not self.busy, timeout)

    def run(self, command: list[str]) -> tuple[int, str]:
        """Run Pagefind (a child `stop` can end); its exit code and what it said on stderr."""
        with self.wake:
            if self.stopping:
                return -1, "stopped"
            self.process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                preexec_fn=_die_with_parent(),
            )
        try:
            _out, err = self.process.communicate()
            return self.process.returncode, err
        finally:
            with self.wake:
                self.process = None

    def stop(self) -> None:
        """`mkdocs serve` ends: no index is started any more, a running Pagefind is ended, and the
        indexer is waited for (no child process outlives the server)."""
        with self.wake:
            self.stopping = True
            self.pending = None
            process = self.process
            self.wake.notify_all()
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if self.worker is not None:
            self.worker.join(timeout=30)
            self.worker = None


def _die_with_parent() -> Callable[[], object] | None:
    """On Linux, a child that gets SIGTERM when the thread that started it ends: a server killed without
    a chance to stop its indexer (SIGTERM, SIGKILL) leaves no Pagefind behind either."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return functools.partial(prctl, 1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG


def material_search_configured(config: MkDocsConfig) -> bool:
    return any(name in config.plugins for name in ("search", "material/search"))


class Search(Capability):
    """One build's search: the search page, the pages to index, then the index."""

    switch = "search"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.search
        self.config = config = site.config
        self.session = site.session.search
        self.project = Path(config.config_file_path or ".").resolve().parent
        self.base = self.options.path.strip("/")
        self.page_uri = f"{self.base}/index.md" if self.base else "search.md"
        self.page_url = ""
        self.documents: dict[str, Document] = {}
        self.wanted_pages: set[str] = set()
        self.tag_pages: dict[str, str] = {}
        self.dropped: set[str] = set()
        self.site_dir = Path(config.site_dir)

    def setup(self, config: MkDocsConfig) -> None:
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.append(THEME_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]
        if material_search_configured(config):
            log.warning(
                "Material's search plugin is configured as well as jisik's search: every reader's browser "
                "downloads its whole index (search_index.json) on the first page view, and the header shows "
                "Material's search box instead of jisik's. Remove `search` from `plugins` in mkdocs.yml, or "
                "set `search: {enabled: false}` under `jisik` to keep Material's search alone."
            )

    # -- files -----------------------------------------------------------------------------------------

    def add_files(self, files: Files, pages: PageMaker) -> None:
        """Add the search page and the search script; note which pages will be indexed."""
        if self.base:  # the writer's own page at either spelling of `<path>/` is the search page
            for uri in (f"{self.base}/index.md", f"{self.base}.md"):
                if files.get_file_from_path(uri) is not None:
                    self.page_uri = uri
                    break
        file, _made = pages.add(self.page_uri, "검색")
        self.page_url = file.url
        if self.options.tag_pages:
            self.tag_pages = {uri: tag.name for uri, tag in self.site.urls.tag_pages.items()}
        if files.get_file_from_path(SCRIPT) is None:  # a site's overrides/assets/jisik/search.js wins
            files.append(File.generated(self.config, SCRIPT, content=self._script()))
        self.wanted_pages = {f.dest_uri for f in files.documentation_pages() if f.src_uri != self.page_uri}

    def _script(self) -> str:
        settings = {
            "page": self.page_url,
            "bundle": f"{BUNDLE}/pagefind.js",
            "tail": TAIL,
        }
        code = (_SOURCE / "search.js").read_text(encoding="utf-8")
        return f"var JISIK_SEARCH = {json.dumps(settings, ensure_ascii=False)};\n{code}"

    # -- pages -----------------------------------------------------------------------------------------

    def page_content(self, html: str, page: Page, article: Article | None) -> None:
        """Keep a page's body (as Markdown made it: no chips nor related list yet) to index later; an
        article's tags as its chips name them (one name per tag, none the build ignored)."""
        uri = page.file.src_uri
        if uri == self.page_uri:
            return
        if article is not None:
            if article.draft:
                self.documents.pop(page.file.dest_uri, None)
                self.dropped.add(page.file.dest_uri)
                return
            document = Document(page.file.dest_uri, article.title, html, self.site.chip_names(article), "글")
        elif uri in self.tag_pages:
            name = self.tag_pages[uri]
            document = Document(page.file.dest_uri, f"#{name}", html, [name], "태그")
        elif page.file.generated_by:
            return  # lists (home, archive, sources): their entries are indexed as the pages they list
        else:
            # the theme prints page.title as HTML, so it holds escaped text (pagemeta.escape_page_meta);
            # the search page shows the index's title with textContent: the text itself
            title = htmllib.unescape(str(page.title or ""))
            document = Document(page.file.dest_uri, title, html, [], "문서")
        self.documents[document.url] = document

    def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
        if page.file.src_uri == self.page_uri:
            page.content = (page.content or "") + renderer.render("search.html")

    # -- the index -------------------------------------------------------------------------------------

    def finish(self, site_dir: str) -> set[str]:
        """Index the site (in the background under `mkdocs serve`); the index is not reported as
        jisik's files (it has its own folder)."""
        self._post_build()
        return set()

    def _post_build(self) -> None:
        session = self.session
        serving = session.command == "serve" and self.options.background
        self.site_dir = Path(self.config.site_dir)
        if serving:
            self._restore_last(self.site_dir)
            session.submit(self)
        else:
            self.index_now()

    def absorb(self, older: Search) -> None:
        """Take the pages of an older build whose index never started (a `--dirty` build hands over only
        the pages it rendered): this build's own pages win."""
        for url, document in older.documents.items():
            if url not in self.documents and url not in self.dropped:
                self.documents[url] = document
        self.dropped |= older.dropped - self.documents.keys()

    def _restore_last(self, site: Path) -> None:
        """A rebuild under serve empties the site: put the last index back until the new one is done."""
        with self.session.lock:
            last = self.session.workdir() / "last"
            if last.is_dir() and not (site / BUNDLE).exists():
                shutil.copytree(last, site / BUNDLE, dirs_exist_ok=True)

    def index_now(self) -> None:
        """Make the index (in the indexer thread under serve)."""
        start = time.perf_counter()
        session = self.session
        cache = self.project / self.options.cache_dir / "search-words.json"
        session.start((self.project, self.config.site_dir, cache, self.options.korean_analysis))
        session.generation += 1
        try:
            self._run(self.site_dir, session.generation, start)
        except Exception as error:  # the site is built; a failed index must not stop `mkdocs serve`
            if not session.stopping:
                log.warning(f"search: the index was not built: {error}")

    def _run(self, site: Path, generation: int, start: float) -> None:
        session = self.session
        work = session.workdir()
        pages_dir = work / "pages"
        if session.analyser is None:
            cache = self.project / self.options.cache_dir / "search-words.json"
            session.analyser = Analyser(cache, use_kiwi=self.options.korean_analysis)
        analyser = session.analyser
        before, seconds = analyser.analysed, analyser.seconds
        changed = 0
        for url, document in self.documents.items():
            # the digest of what the page is made from, so that an unchanged page is not even parsed
            digest = hashlib.blake2b(
                repr((document.title, document.tags, document.kind, document.body_html)).encode(),
                digest_size=16,
            ).hexdigest()
            target = pages_dir / url
            known = session.pages.get(url)
            if known is not None and known.digest == digest and target.is_file():
                continue
            parts = parse(document.body_html)
            words = body_words(parts) + words_of(document.title)
            words += [w for tag in document.tags for w in words_of(tag)]
            terms = analyser.terms(words)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(document, terms, parts, self._language()), encoding="utf-8")
            session.pages[url] = _Indexed(digest, len(words))
            changed += 1
        removed = 0
        for url in list(session.pages):
            stale = session.command != "serve" and url not in self.documents
            if url not in self.wanted_pages or url in self.dropped or stale:
                session.pages.pop(url)
                (pages_dir / url).unlink(missing_ok=True)
                removed += 1
        if changed or removed:
            session.current = False
        analyser.save()
        analysis_time = analyser.seconds - seconds
        prepared = time.perf_counter() - start
        if not session.pages:
            self._empty(site, generation)
            return
        if session.command == "serve" and session.current and (work / "last").is_dir():
            # a serve rebuild that changed no indexed page (the same words saved again): the index stays
            self._restore_last(site)
            log.info("search: no indexed page changed; the index is kept as it is")
            return
        found = binaries.find(self.options.binary, self.project)
        if found is None:
            log.warning(
                "search: no Pagefind binary was found, so the site has no search index "
                "(install jisik with pip, or Pagefind with `npm install --prefix .venv/pagefind "
                f"pagefind@{binaries.NPM_VERSION}`, or set PAGEFIND_BINARY_PATH)"
            )
            return
        output = work / f"bundle-{generation}"
        shutil.rmtree(output, ignore_errors=True)
        pages_dir.mkdir(parents=True, exist_ok=True)
        code, err = session.run(
            [
                found.path,
                "--site",
                str(pages_dir),
                "--output-path",
                str(output),
                "--force-language",
                self._language(),
                "--silent",
            ]
        )
        if code != 0:
            shutil.rmtree(output, ignore_errors=True)
            raise RuntimeError(f"Pagefind {found.version_text} failed: {err.strip()[-500:]}")
        with session.lock:
            session.current = True
            last = work / "last"
            shutil.rmtree(last, ignore_errors=True)
            output.rename(last)
            # over the old files, not after deleting them: a reader searching meanwhile never meets a
            # missing pagefind.js (files of the old index stay until the site is cleaned)
            shutil.copytree(last, site / BUNDLE, dirs_exist_ok=True)
        counts = (len(session.pages), changed, analyser.analysed - before)
        self._report(found, counts, analyser, analysis_time, prepared, start)

    def _empty(self, site: Path, generation: int) -> None:
        """Nothing to index (a site with no article yet): Pagefind refuses an empty site, so the search
        page gets an index that finds nothing, and says so to the reader."""
        with self.session.lock:
            self.session.current = False
            shutil.rmtree(self.session.workdir() / "last", ignore_errors=True)
            shutil.rmtree(site / BUNDLE, ignore_errors=True)
            (site / BUNDLE).mkdir(parents=True)
            (site / BUNDLE / "pagefind.js").write_text(_EMPTY_INDEX, encoding="utf-8")
        log.info("search: no page to index yet (no article): the search page finds nothing")

    def _language(self) -> str:
        return str(self.config.theme["language"] or "ko").split("-")[0] or "ko"

    def _report(
        self,
        found: binaries.Binary,
        counts: tuple[int, int, int],
        analyser: Analyser,
        analysis_time: float,
        prepared: float,
        start: float,
    ) -> None:
        pages, changed, analysed = counts
        korean = (
            f"Korean words analysed by {analyser.engine}: {analysed} new in {analysis_time:.1f} s"
            if analyser.available
            else "Korean analysis off (kiwipiepy not installed or search.korean_analysis: false): "
            "only particles are cut, compound parts and verb forms do not match"
        )
        log.info(
            f"search: indexed {pages} pages ({changed} changed) in {time.perf_counter() - start:.1f} s "
            f"(pages prepared in {prepared:.1f} s, then Pagefind {found.version_text} [{found.origin}]); "
            f"{korean}"
        )
        if not found.chunks_korean:
            log.info(
                f"search: DEGRADED index: Pagefind {found.version_text} puts every Korean word in one file, "
                "which every Korean query downloads whole. Install Pagefind "
                f"{binaries.NPM_VERSION}: "
                f"`npm install --prefix .venv/pagefind pagefind@{binaries.NPM_VERSION}` "
                "(./scripts/serve and ./scripts/test do it when npm is there)"
            )
