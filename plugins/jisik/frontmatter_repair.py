"""Front matter that MkDocs' own reader gives up on but the article model can read.

MkDocs loads front matter with YAML timestamps, so `date: 2026-13-45` makes it drop the whole block
into the page body. The model reads dates itself (and reports the bad one), so its reading is used.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from .model import Article
from .model.frontmatter import split_front_matter


def repair_front_matter(markdown: str, page: Page, article: Article) -> str:
    if page.meta or not article.meta or not markdown.startswith("---"):
        return markdown
    front = split_front_matter(markdown)
    if front.error or not front.data:
        return markdown
    page.meta = dict(front.data)
    return front.body.lstrip("\n")
