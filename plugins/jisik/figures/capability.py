"""The figures capability: each page's bound images to its Markdown extension, figures out of the way
of Material's search, `prompts.json` after the build (images are bound by `site.Site.bindings`)."""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..capability import Capability
from ..model import Article
from ..templates import SCRIPT
from .binding import Binding
from .markdown import FiguresExtension, PageImage, relative_src
from .report import rows

if TYPE_CHECKING:
    from ..site import Site

_FIGURE = re.compile(r'<figure class="jisik-figure".*?</figure>', re.DOTALL)
_HIDDEN = re.compile(r"<!--jisik-figure-(\d+)-->")
_PAGE_ONLY = [  # a reader shows the caption instead of the placeholder; the fold's 접기 label
    re.compile(r'<div[^>]*class="jisik-figure__placeholder"[^>]*>.*?</div>', re.DOTALL),
    re.compile(r'<span class="jisik-prompt__less">.*?</span>', re.DOTALL),
]


class Figures(Capability):
    """Hands each page its bound images (`site.Site.bindings`) and writes `prompts.json`."""

    switch = "figures"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.options = site.options.figures
        self.extension = FiguresExtension()
        self._hidden: dict[str, list[str]] = {}

    def setup(self, config: MkDocsConfig) -> None:
        if SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]

    def extensions(self) -> Sequence[Extension]:
        return [self.extension]

    def signature(self, article: Article) -> Hashable:
        return tuple(b.image for b in self.site.bindings.get(article.path, []))

    def before_render(self, page: Page, article: Article | None) -> None:
        """Give the Markdown extension the images of the page about to be converted."""
        bindings = self.site.bindings.get(article.path, []) if article is not None else []
        self.extension.page_images = {
            b.number: PageImage(relative_src(b.image, b.page), b.prompt.text)
            for b in bindings
            if b.image is not None
        }

    def before_search(self, page: Page) -> None:
        self._hidden[page.file.src_uri] = self.hide(page)

    def after_search(self, page: Page) -> None:
        self.show(page, self._hidden.pop(page.file.src_uri, []))

    def hide(self, page: Page) -> list[str]:
        """Take the page's figures out of its content while the search plugin indexes it.

        Figures carry `data-search-exclude`, so search would parse every element of them only to
        leave them out: a third of what it spends on an article page. They come back (`show`) before
        anything else is added to the page; the written page is the same."""
        if not page.content or "jisik-figure" not in page.content:
            return []
        hidden: list[str] = []

        def stash(match: re.Match[str]) -> str:
            hidden.append(match.group())
            return f"<!--jisik-figure-{len(hidden) - 1}-->"

        page.content = _FIGURE.sub(stash, page.content)
        return hidden

    @staticmethod
    def show(page: Page, hidden: list[str]) -> None:
        if not hidden or not page.content:
            return

        def restore(match: re.Match[str]) -> str:
            number = int(match.group(1))
            return hidden[number] if number < len(hidden) else match.group()

        page.content = _HIDDEN.sub(restore, page.content)

    def for_feeds(self, html: str) -> str:
        for pattern in _PAGE_ONLY:
            html = pattern.sub("", html)
        return html

    def finish(self, site_dir: str) -> set[str]:
        """Write `prompts.json`; returns the path written (none when it is turned off)."""
        if not self.options.prompts_json:
            return set()
        base = self.site.config.site_url or ""
        listed = [
            (e.article, base + e.url, self.site.bindings[e.article.path])
            for e in self.site.entries
            if not e.article.draft
        ]
        target = str(Path(site_dir) / "prompts.json")
        # made only from `listed`: under `serve --dirty`, while it is the same (the same records and
        # bindings, kept between rebuilds) the file is neither made nor written again
        self.site.session.written.from_source(target, listed, lambda: self._prompts_json(listed))
        return {target}

    def _prompts_json(self, listed: list[tuple[Article, str, list[Binding]]]) -> bytes:
        """One prompt per line (small diffs; json's fast C encoder, which indent= would not use), in
        article path order, then prompt number; an article's lines are kept while it, its URL and its
        images are the same."""
        memo = self.site.session.prompt_lines
        memo.start()
        lines: list[str] = []
        for article, url, bindings in sorted(listed, key=lambda row: row[0].path):
            lines += memo.get(article.path, (article, url, bindings), partial(_lines, article, url, bindings))
        text = ",\n    ".join(lines)
        text = '{\n  "prompts": [\n    ' + text + "\n  ]\n}\n" if lines else '{\n  "prompts": []\n}\n'
        return text.encode("utf-8")


def _lines(article: Article, url: str, bindings: list[Binding]) -> list[str]:
    return [json.dumps(row.as_json(), ensure_ascii=False) for row in rows([(article, url, bindings)])]
