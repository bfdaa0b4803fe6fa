"""An article page's front matter and title made whole and safe before MkDocs converts the page.

* Front matter that MkDocs' own reader gives up on but the article model can read: MkDocs loads front
  matter with YAML timestamps, so `date: 2026-13-45` makes it drop the whole block into the page body.
  The model reads dates itself (and reports the bad one), so its reading is used. A block that is not
  YAML at all has been reported with its line; it is taken out of the page rather than shown as text.
* Values the theme prints as HTML are escaped. Material writes `page.meta.title` into `<title>` and the
  header, `description` and `author` into `<meta content="…">`, and its search shows titles and
  `tags` with `innerHTML`, all without escaping: a front-matter title such as `</title><script>…` or a
  summary with a `"` would run or inject in every reader's browser. They become the article's text,
  HTML-escaped (the form MkDocs itself gives titles it takes from a heading), so they show as written.
* The title heading (`# <script>…`) has its raw HTML shown as text, as the model reads it.
"""

from __future__ import annotations

import html

from mkdocs.structure.pages import Page

from .hashtags.tags import is_valid_tag, tag_form, tag_key
from .model import Article
from .model.article import tags_from_meta
from .model.conventions import atx_heading
from .model.frontmatter import split_front_matter
from .model.text import drop_controls, text_heading


def prepare_article(markdown: str, page: Page, article: Article) -> str:
    """An article page's front matter read whole, its theme-printed values escaped, its title text."""
    if not page.meta and markdown.startswith("---"):
        front = split_front_matter(markdown)
        if front.found and not front.not_mapping:
            page.meta = dict(front.data)
            markdown = front.body.lstrip("\n")
    _escape_meta(page, article)
    return _text_title(markdown, article)


def _escape(text: str) -> str:
    return html.escape(" ".join(drop_controls(text).split()), quote=True)


def escape_page_meta(page: Page) -> None:
    """Any other page (the writer's own, the home page): the values the theme prints unescaped."""
    for key in ("title", "description", "author"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = _escape(page.meta[key])


def _escape_meta(page: Page, article: Article) -> None:
    """The front-matter values the theme prints unescaped, as escaped text."""
    meta = page.meta
    meta["title"] = _escape(article.title)
    if article.description:
        meta["description"] = _escape(article.description)
    if isinstance(meta.get("author"), str):
        meta["author"] = _escape(meta["author"])
    if "tags" in meta:
        forms: dict[str, str] = {}
        for tag in tags_from_meta(meta["tags"]):
            if is_valid_tag(tag):
                forms.setdefault(tag_key(tag), tag_form(tag))
        meta["tags"] = [_escape(form) for form in forms.values()]


def _text_title(markdown: str, article: Article) -> str:
    """The `# title` line the model read (no second parse of the page) with its raw HTML made text."""
    line = article.title_heading
    if line is None:
        return markdown
    level, text = atx_heading(line) or (0, "")
    safe = text_heading(text)
    if level != 1 or safe == text:
        return markdown
    return markdown.replace(line, f"# {safe}", 1)
