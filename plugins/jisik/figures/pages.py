"""Figures in a MkDocs build: bind images once per build, hand them to each page, write prompts.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from ..config import FiguresConfig
from ..model import Article, Entry
from .binding import Binding, bind
from .markdown import FiguresExtension, PageImage, relative_src
from .report import rows

_FIGURE = re.compile(r'<figure class="jisik-figure".*?</figure>', re.DOTALL)
_HIDDEN = re.compile(r"<!--jisik-figure-(\d+)-->")


class Figures:
    """Binds every article's prompts to images that exist in the docs folder."""

    def __init__(
        self, options: FiguresConfig, entries: list[Entry], files: Files, extension: FiguresExtension
    ) -> None:
        self.options = options
        self.extension = extension
        present = {file.src_uri for file in files}
        self.bindings: dict[str, list[Binding]] = {
            e.article.path: bind(e.article, present.__contains__, options.images) for e in entries
        }
        self.entries = entries

    def before_render(self, article: Article | None) -> None:
        """Give the Markdown extension the images of the page about to be converted."""
        bindings = self.bindings.get(article.path, []) if article is not None else []
        self.extension.page_images = {
            b.number: PageImage(relative_src(b.image, b.page), b.prompt.text)
            for b in bindings
            if b.image is not None
        }

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

    def post_build(self, config: MkDocsConfig) -> set[str]:
        """Write `prompts.json`; returns the path written (none when it is turned off)."""
        if not self.options.prompts_json:
            return set()
        base = config.site_url or ""
        listed = [
            (e.article, base + e.url, self.bindings[e.article.path])
            for e in self.entries
            if not e.article.draft
        ]
        # One prompt per line: small diffs, and json's fast C encoder (indent= would use the slow one).
        lines = ",\n    ".join(json.dumps(row.as_json(), ensure_ascii=False) for row in rows(listed))
        text = '{\n  "prompts": [\n    ' + lines + "\n  ]\n}\n" if lines else '{\n  "prompts": []\n}\n'
        target = str(Path(config.site_dir) / "prompts.json")
        write_file(text.encode("utf-8"), target)
        return {target}
