"""Shared fixtures: real sites written into `tmp_path` and built with MkDocs, as users build them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import settings

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Property tests explore new inputs on every run locally; in CI they replay a fixed set, so a
# landing never depends on luck (a failure found locally is kept in .hypothesis/ and fixed).
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

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


def _write(docs: Path, path: str, text: str) -> Path:
    target = docs / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return target


class SiteProject:
    """A MkDocs project in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)
        self.config: dict[str, object] = {k: v for k, v in BASE_CONFIG.items()}
        self.plugin_options: dict[str, object] = {}

    def write(self, path: str, text: str) -> Path:
        return _write(self.docs, path, text)

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
            if plugin == "jisik":
                # jisik's search (a Pagefind run, Korean analysis) only where a test asks for it
                plugins.append({"jisik": {"search": {"enabled": False}, **self.plugin_options}})
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


def pagefind_pages(site_dir: Path) -> dict[str, dict[str, Any]]:
    """The pages of a site's Pagefind index by URL, as its fragment files hold them (gzipped JSON), with
    `text`: the indexed text as the search page shows it (each word's search terms, after `-~-`, cut)."""
    pages = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = zlib.decompress(path.read_bytes(), 16 + zlib.MAX_WBITS)
        for fragment in _fragments(data.removeprefix(b"pagefind_dcd")):
            fragment["text"] = re.sub(r"-~-\S*", "", fragment["content"])
            pages[fragment["url"]] = fragment
    return pages


def _fragments(data: bytes) -> list[dict[str, Any]]:
    import json

    value = json.loads(data)
    return value if isinstance(value, list) else [value]


def tool(name: str) -> str:
    """A console script of this environment (mkdocs, properdocs, jisik); `mkdocs` means the ENGINE."""
    name = ENGINE if name == "mkdocs" else name
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_build(
    name: str, site_dir: Path, cwd: Path = ROOT, *, strict: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`<name> build [--strict] --site-dir DIR` in `cwd`, as a user runs it (`env` adds variables)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [tool(name), "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)],
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
    """`python3 -m http.server`, quiet; with a `prefix`, it serves the folder under that path only."""

    def __init__(self, *args: Any, prefix: str = "/", **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        if not urlsplit(self.path).path.startswith(self.prefix):
            self.send_error(404, f"outside {self.prefix}")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :])


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (to build a site whose site_url names it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, prefix: str = "/") -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port by default) as `python3 -m http.server` would.

    With `prefix="/repo/"` the folder is served at `/repo/…`, as GitHub Pages serves a project site,
    and every other path is a 404. Yields the site's root URL (ending with the prefix).
    """
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    handler = functools.partial(_QuietHandler, directory=str(directory), prefix=prefix)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
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


def png(width: int, height: int, rgb: tuple[int, int, int] = (70, 110, 160)) -> bytes:
    """A real PNG of one colour (for images a browser has to decode)."""
    row = b"\x00" + bytes(rgb) * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


REPO_PATH = "/jisik-kb/"  # GitHub Pages serves a project site at https://<user>.github.io/<repo>/


@dataclass
class Deployed:
    """The site as deployed to a project page: built for `root` and served there."""

    built: Built
    root: str  # http://127.0.0.1:<port>/jisik-kb/


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployed]:
    """This repository's docs and mkdocs.yml plus three articles (Korean file name, Korean tags, images,
    sources), built with `mkdocs build --strict` for `site_url: http://127.0.0.1:<port>/jisik-kb/` and served
    under that path only, as GitHub Pages serves `https://<user>.github.io/<repo>/`."""
    project = tmp_path_factory.mktemp("deployed") / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    port = free_port()
    root = f"http://127.0.0.1:{port}{REPO_PATH}"
    config, count = re.subn(
        r"(?m)^site_url:.*$", f"site_url: {root}", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    )
    assert count == 1, "mkdocs.yml has no site_url line"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = project / "docs"
    (docs / "assets" / "prompts").mkdir(parents=True)
    (docs / "assets" / "prompts" / "2026-11-27-ai-burnout-1.png").write_bytes(png(400, 300))
    (docs / "assets" / "도표.png").write_bytes(png(60, 40, (200, 80, 60)))
    write = functools.partial(_write, docs)
    write(
        "articles/2026-11-20-개인정보-보안.md",
        """
        ---
        date: 2026-11-20
        sources:
          - {url: "https://www.boho.or.kr/", title: 한국인터넷진흥원 보호나라}
        ---

        # 개인정보 유출을 막는 보안 습관

        비밀번호 관리자와 2단계 인증으로 개인정보 유출을 막는 방법을 정리했습니다.

        ![보안 점검 도표](../assets/도표.png)

        [AI 번아웃 글](2026-11-27-ai-burnout.md)에서 본 인재 이탈도 보안 공백을 만듭니다.

        A padlock made of light over a laptop keyboard in a dark room, cinematic, 16:9

        출처: https://ko.wikipedia.org/wiki/개인정보

        ## 함께 보면 좋은 글

        #보안 #개인정보 #실리콘밸리 #C#
        """,
    )
    write(
        "articles/2026-11-25-hacking.md",
        """
        ---
        date: 2026-11-25 09:30
        ---

        # 해킹 사고 이후 복구 절차

        해킹 사고가 난 뒤 무엇부터 해야 하는지 순서대로 정리했습니다.

        출처 1: KISA 안내 https://www.kisa.or.kr/

        #보안 #해킹 #R&D
        """,
    )
    result = run_build("mkdocs", project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site", port, REPO_PATH) as served:
        assert served == root
        yield Deployed(Built(project / "site"), root)
