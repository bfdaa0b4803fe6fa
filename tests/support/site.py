"""Test sites: real MkDocs projects written into a temporary folder and built as users build them."""

from __future__ import annotations

import logging
import shutil
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

import yaml
from bs4 import BeautifulSoup

from .engine import ENGINE, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
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


@dataclass
class Deployed:
    """The site as deployed to a project page: built for `root` and served there."""

    built: Built
    root: str  # http://127.0.0.1:<port>/jisik-kb/


def write(docs: Path, path: str, text: str) -> Path:
    """Write `text` (dedented, leading newline dropped) to `docs/path`, making its folders."""
    target = docs / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return target


def make_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write a file tree under `root`: `{"docs/a.md": "...", "docs/img/x.png": b"..."}`.

    Text is dedented (so it can be written indented in a test) and saved as UTF-8; bytes are saved as
    they are. Folders are made as needed. Returns `root`."""
    for path, content in files.items():
        if isinstance(content, bytes):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        else:
            write(root, path, content)
    return root


def build_tree(
    root: Path,
    files: Mapping[str, str | bytes],
    *,
    jisik: Mapping[str, object] | None = None,
    config: Mapping[str, object] | None = None,
    strict: bool = False,
) -> Built:
    """A site made of `files` (paths under the project folder `root`, e.g. `docs/a.md`), built in this
    process with the test configuration plus `config` (mkdocs.yml keys) and `jisik` (plugin options)."""
    project = SiteProject(root)
    make_tree(root, files)
    project.config.update(config or {})
    project.plugin_options = dict(jisik or {})
    return project.build(strict=strict)


class SiteProject:
    """A MkDocs project in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)
        self.config: dict[str, object] = {k: v for k, v in BASE_CONFIG.items()}
        self.plugin_options: dict[str, object] = {}

    def write(self, path: str, text: str) -> Path:
        return write(self.docs, path, text)

    def tree(self, files: Mapping[str, str | bytes]) -> None:
        """Write files under `docs/` (see `make_tree`)."""
        make_tree(self.docs, files)

    def article(
        self,
        path: str,
        title: str,
        *,
        date: str | None = "2026-01-01",
        tags: list[str] = (),  # type: ignore[assignment]
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
        for plugin in config["plugins"]:  # type: ignore[attr-defined]
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

    def load_config(self, strict: bool = False) -> Any:
        from mkdocs.config import load_config

        return load_config(str(self.write_config()), strict=strict)

    def build(self, strict: bool = False, config: Any = None) -> Built:
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


def text_of(soup: BeautifulSoup) -> str:
    """The visible text of the article body, whitespace folded."""
    main = soup.select_one("article.md-content__inner") or soup
    return " ".join(main.get_text(" ").split())
