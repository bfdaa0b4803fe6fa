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
import os
import re
from collections.abc import Callable
from typing import Any

import markdown
from markupsafe import Markup
from mkdocs.structure.pages import Page

from .hashtags.tags import is_valid_tag, tag_form
from .model import Article, Problem
from .model.article import SHOWN_KEYS, heading_of, repeated_keys, scan_blocks, tags_from_meta
from .model.frontmatter import MAX_VALUES, normalise_newlines, split_front_matter, too_big
from .model.text import MAX_NESTING, flatten, meta_text, one_line, title_text, too_deep

_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_ID_ATTRS = re.compile(r"\s*\{:?(?:\s*[#.][\w-]+)+\s*\}\s*$")


def prepare_article(markdown: str, page: Page, article: Article, tags: list[str]) -> str:
    """An article page's front matter read whole, its theme-printed values escaped, its title text.
    `tags`: the article's tags as its chips name them (front matter and hashtag line), which become
    `page.meta["tags"]` for Material's search index."""
    if too_big(page.meta):
        page.meta = dict(article.meta)  # reported by the model; MkDocs' own reading would expand it
    if not page.meta and markdown.startswith("---"):
        front = split_front_matter(markdown)
        if front.found and not front.not_mapping:
            page.meta = dict(front.data)
            markdown = front.body.lstrip("\n")
    _escape_meta(page, article, tags)
    if deep := too_deep(markdown):
        markdown = flatten(markdown, deep)  # reported by the model, with its line
    return _text_title(markdown, article)


def _escape(text: str) -> str:
    return html.escape(one_line(text), quote=True)


def prepare_page(markdown: str, page: Page) -> tuple[str, list[Problem]]:
    """Any other page (the writer's own, the home page): the values the theme prints unescaped become
    escaped text, as for articles, and what would stop the build is bounded. Returns the Markdown and
    the problems (with their lines in the file) for the build to report."""
    problems: list[Problem] = []
    source: list[str] = []

    def text() -> str:
        if not source:
            try:
                source.append(normalise_newlines(page.file.content_string))
            except (OSError, UnicodeDecodeError):
                source.append(markdown)
        return source[0]

    problems.extend(repeated_keys(split_front_matter(text())))
    if too_big(page.meta):
        problems.append(
            Problem(
                f"front matter repeats itself through YAML aliases into more than {MAX_VALUES:,} values; "
                "it is ignored",
                1,
                "error",
            )
        )
        page.meta = {}
    for key in SHOWN_KEYS:
        value = page.meta.get(key)
        if value is None or isinstance(value, str):
            if isinstance(value, str):
                page.meta[key] = _escape(value)
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            line = split_front_matter(text()).key_lines.get(key)
            problems.append(
                Problem(f"`{key}` is not text; it is shown as {one_line(meta_text(value))!r}", line, "error")
            )
        page.meta[key] = _escape(meta_text(value))
    if "tags" in page.meta:  # Material's search shows them with innerHTML, as for articles
        page.meta["tags"] = [
            _escape(tag_form(tag)) for tag in tags_from_meta(page.meta["tags"]) if is_valid_tag(tag)
        ]
    if deep := too_deep(markdown):
        whole = text()
        offset = whole[: len(whole) - len(markdown)].count("\n") if whole.endswith(markdown) else 0
        problems.append(
            Problem(
                f"lists or quotes nested more than {MAX_NESTING} levels deep ({len(deep)} lines); "
                f"they are shown {MAX_NESTING} levels deep",
                offset + deep[0] + 1,
                "error",
            )
        )
        markdown = flatten(markdown, deep)
    return markdown, problems


def escape_heading_title(page: Page) -> None:
    """A page of yours without a front-matter `title` is titled by MkDocs from its first heading, as
    HTML; Material prints it in `<title>` through `striptags`, which resolves entities
    (`# &lt;/title&gt;…` would close the element). It is handed over as a front-matter title is: the
    same text, escaped. Runs once the page is converted (before any page is laid out)."""
    if "title" not in page.meta and page.title and not page.is_homepage:
        page.meta["title"] = _escape(Markup(page.title).striptags())  # what the theme would have shown


THEME_TEXT_KEYS = ("revision_date", "git_revision_date_localized", "git_creation_date_localized")
"""Front-matter keys Material prints unescaped (the page's date line): shown as escaped text."""


def theme_meta(
    page: Page, theme_dirs: list[str], compiles: Callable[[str], bool] | None = None
) -> list[Problem]:
    """Front-matter keys Material itself reads, checked so one page can neither stop the whole build nor
    put markup in it: an `icon` or `template` the theme does not have (TemplateNotFound), a `hide`
    that is not a list or a `search` that is not a mapping (Material's templates and search plugin
    fail on them), a redirect `location` that is not an http(s) or relative URL. Each is reported and
    left out; the date keys Material prints are escaped text."""
    meta = page.meta
    problems: list[str] = []
    icon = meta.get("icon")
    if icon is not None and not _theme_has(f".icons/{icon}.svg" if isinstance(icon, str) else "", theme_dirs):
        problems.append("icon")
        del meta["icon"]
    template = meta.get("template")
    if template is not None and not (
        isinstance(template, str)
        and template.endswith(".html")
        and "/" not in template.replace("\\", "/")  # a page template, not a partial or jisik's lists
        and _theme_has(template, theme_dirs)
        and (compiles is None or compiles(template))
    ):
        problems.append("template")
        del meta["template"]
    hide = meta.get("hide")
    if hide is not None and not (isinstance(hide, list) and all(isinstance(h, str) for h in hide)):
        problems.append("hide")
        del meta["hide"]
    search = meta.get("search")
    if search is not None and not isinstance(search, dict):
        problems.append("search")
        del meta["search"]
    location = meta.get("location")
    if location is not None:
        text = location if isinstance(location, str) else ""
        if not text or _UNSAFE_LOCATION.match(text) or _NOT_IN_URL.search(text):
            problems.append("location")
            del meta["location"]
        else:
            meta["location"] = _escape(text)
    for key in THEME_TEXT_KEYS:
        if meta.get(key) is not None:
            meta[key] = _escape(meta_text(meta[key]))
    if not problems:
        return []
    try:
        lines = split_front_matter(page.file.content_string).key_lines
    except (OSError, UnicodeDecodeError):
        lines = {}
    why = {
        "icon": "is not an icon of the theme",
        "template": "is not a page template of the theme (such as main.html) that works here",
        "hide": "must be a list such as `hide: [navigation, toc]`",
        "search": "must be a mapping such as `search: {exclude: true}`",
        "location": "is not an http(s) or relative URL",
    }
    shown = {"icon": icon, "template": template, "hide": hide, "search": search, "location": location}
    return [
        Problem(f"`{key}: {one_line(meta_text(shown[key]))[:80]}` {why[key]}; it is left out", lines.get(key))
        for key in problems
    ]


_UNSAFE_LOCATION = re.compile(r"^\s*(?!https?:)[A-Za-z][A-Za-z0-9+.-]*:", re.IGNORECASE)
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f\"'<>\\`]")  # nothing that could leave the quoted string


def _theme_has(name: str, theme_dirs: list[str]) -> bool:
    """True when `name` is a file of the theme (never a path leaving its folders)."""
    parts = name.replace("\\", "/").split("/")
    if not name or name.startswith("/") or ".." in parts or os.path.isabs(name):
        return False
    return any(os.path.isfile(os.path.join(d, *parts)) for d in theme_dirs)


RISKY_SIGNS = 500
"""Pages with more `*`, `_` and `<` than this are converted once on trial before the build does it."""


def renders(markdown_text: str, extensions: list[object], configs: dict[str, Any]) -> bool:
    """Whether Python-Markdown can convert the page without running out of stack: emphasis or HTML
    nested hundreds deep (`**a **a …`, `<div markdown>` in `<div markdown>`) raises RecursionError and
    would stop the whole build. Only pages with many such signs are tried (the others cannot nest that
    deep); jisik's own extensions are left out of the trial, which must not touch their state."""
    if sum(markdown_text.count(sign) for sign in "*_<") <= RISKY_SIGNS:
        return True
    own = ("jisik.",)
    chosen = [e for e in extensions if not type(e).__module__.startswith(own)]
    try:
        trial = markdown.Markdown(extensions=chosen, extension_configs=configs)  # type: ignore[arg-type]
        trial.convert(markdown_text)
    except RecursionError:
        return False
    except Exception:  # anything else is for the real conversion to report
        return True
    return True


def as_plain_text(markdown_text: str) -> str:
    """A page shown as its text, unconverted (what `renders` refused)."""
    return f'<pre class="jisik-unrendered">{html.escape(markdown_text)}</pre>\n'


def _escape_meta(page: Page, article: Article, tags: list[str]) -> None:
    """The front-matter values the theme prints unescaped, as escaped text."""
    meta = page.meta
    meta["title"] = _escape(article.title)
    if article.description:
        meta["description"] = _escape(article.description)
    for key in SHOWN_KEYS:
        if key not in ("title", "description") and meta.get(key) is not None:
            meta[key] = _escape(meta_text(meta[key]))  # a list or mapping was reported by the model
    if tags or "tags" in meta:
        meta["tags"] = [_escape(name) for name in tags]


def title_markdown(title: str) -> str:
    """Markdown that shows `title` as written and is nothing else: every ASCII sign a Markdown
    extension could read (`*`, `[`, `<`, `&`, `:`…) is written as a character reference."""
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};", title)


def _text_title(markdown: str, article: Article) -> str:
    """The page's `# title` heading (the first level-1 heading outside code, as the model reads it)
    written as its plain text: the text of the rendered heading, never markup, links or raw HTML."""
    if article.title_heading is None:
        return markdown
    for block in scan_blocks(markdown):
        if block.kind != "heading":
            continue
        level, text = heading_of(block) or (0, "")
        if level != 1:
            continue
        ids = _ID_ATTRS.search(text)
        setext = len(block.lines) == 2  # the underline stays on its line
        line = f"{'' if setext else '# '}{title_markdown(title_text(text))}{ids.group() if ids else ''}"
        if line == block.lines[0]:
            return markdown
        lines = markdown.split("\n")
        lines[block.line - 1] = line
        return "\n".join(lines)
    return markdown
