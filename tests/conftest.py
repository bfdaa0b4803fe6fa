"""Shared fixtures: real sites written into `tmp_path` and built with MkDocs, as users build them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# JISIK_ENGINE=properdocs runs the suite's builds under ProperDocs instead of MkDocs: in-process builds
# (ProperDocs' import hook makes every `mkdocs.*` import load `properdocs.*`, as its own CLI does) and
# every `tool("mkdocs")` subprocess (build, serve).
ENGINE = os.environ.get("JISIK_ENGINE", "mkdocs")
if ENGINE not in ("mkdocs", "properdocs"):
    raise RuntimeError(f"JISIK_ENGINE must be mkdocs or properdocs, not {ENGINE!r}")
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL_ARTICLE = ROOT / "docs" / "articles" / "2026-11-27-ai-burnout.md"

BASE_CONFIG: dict[str, object] = {
    "site_name": "지식 테스트",
    "site_url": "https://example.org/kb/",
    "theme": {"name": "material", "language": "ko", "font": False},
    "markdown_extensions": [
        {"toc": {"permalink": True, "slugify": "SLUGIFY"}},
        "attr_list",
        "pymdownx.superfences",
    ],
    "plugins": ["search", "jisik"],
}
_SLUGIFY = "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}"


@dataclass
class Built:
    """The result of one build: the output folder and every log record."""

    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def path(self, url: str) -> Path:
        """The file a browser gets for a site-relative URL (percent-encoded or not)."""
        target = self.site_dir / unquote(url.split("#")[0].split("?")[0]).lstrip("/")
        return target / "index.html" if url.endswith("/") or target.is_dir() else target

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "lxml")

    def follow(self, page_url: str, href: str) -> str:
        """Resolve a link found on `page_url` to a site-relative URL."""
        base = "http://site/" + page_url.lstrip("/")
        resolved = urljoin(base, href)
        assert resolved.startswith("http://site/"), f"{href} leaves the site"
        return resolved[len("http://site/") :]


class SiteProject:
    """A MkDocs project in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)
        self.config: dict[str, object] = {k: v for k, v in BASE_CONFIG.items()}
        self.plugin_options: dict[str, object] = {}

    def write(self, path: str, text: str) -> Path:
        target = self.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return target

    def article(
        self,
        path: str,
        title: str,
        *,
        date: str | None = "2026-01-01",
        tags: list[str] = (),
        body: str = "",
        draft: bool = False,
        extra: str = "",
    ) -> Path:
        front = []
        if date:
            front.append(f"date: {date}")
        if draft:
            front.append("draft: true")
        if extra:
            front.append(extra.strip())
        hashtags = " ".join(f"#{t}" for t in tags)
        text = (
            "---\n"
            + "\n".join(front)
            + "\n---\n\n"
            + f"# {title}\n\n{body or title + ' 요약 문단입니다.'}\n\n{hashtags}\n"
        )
        target = self.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def copy_real_article(self) -> None:
        target = self.docs / "articles" / REAL_ARTICLE.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REAL_ARTICLE, target)

    def write_config(self) -> Path:
        config = dict(self.config)
        plugins = []
        for plugin in config["plugins"]:  # type: ignore[union-attr]
            if plugin == "jisik" and self.plugin_options:
                plugins.append({"jisik": self.plugin_options})
            else:
                plugins.append(plugin)
        config["plugins"] = plugins
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).replace("SLUGIFY", _SLUGIFY)
        path = self.root / "mkdocs.yml"
        path.write_text(text, encoding="utf-8")
        return path

    def load_config(self, strict: bool = False):  # type: ignore[no-untyped-def]
        from mkdocs.config import load_config

        return load_config(str(self.write_config()), strict=strict)

    def build(self, strict: bool = False, config=None) -> Built:  # type: ignore[no-untyped-def]
        """Build in this process, capturing every log record; `config` lets a test reuse plugins."""
        from mkdocs.commands.build import build

        config = config or self.load_config(strict=strict)
        built = Built(Path(config.site_dir))
        handler = _Collect(built.records)
        logger = logging.getLogger(ENGINE)
        logger.addHandler(handler)
        old_level = logger.level
        logger.setLevel(logging.INFO)
        try:
            build(config)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old_level)
        return built


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.INFO)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[SiteProject]:
    yield SiteProject(tmp_path / "project")


def text_of(soup: BeautifulSoup) -> str:
    """The visible text of the article body, whitespace folded."""
    main = soup.select_one("article.md-content__inner") or soup
    return " ".join(main.get_text(" ").split())


def tool(name: str) -> str:
    """A console script of this environment (mkdocs, properdocs, jisik); `mkdocs` means the ENGINE."""
    name = ENGINE if name == "mkdocs" else name
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_build(name: str, site_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [tool(name), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own mkdocs.yml, built with `mkdocs build --strict` as a user would."""
    site_dir = tmp_path_factory.mktemp("repo") / "site"
    result = run_build("mkdocs", site_dir)
    assert result.returncode == 0, result.stderr
    return Built(site_dir)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (to build a site whose site_url names it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port by default) as `python3 -m http.server` would."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (Playwright's own browsers can't be fetched here)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run ./scripts/test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield launched
        launched.close()
