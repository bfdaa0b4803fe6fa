"""HTML from jisik's own templates, and the few places it is spliced into a rendered page.

Templates live in `theme/jisik/` and are found through the theme's loader, so a site's
`overrides/jisik/<name>.html` replaces any of them. Unlike MkDocs' own environment, this one
autoescapes: titles, tags and summaries are user text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.utils import get_relative_url

from .model import Entry
from .model.dates import iso_datetime
from .toc import Anchors

THEME_DIR = str(Path(__file__).parent / "theme")
STYLESHEET = "assets/jisik/jisik.css"
SCRIPT = "assets/jisik/jisik.js"

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


class Renderer:
    """Renders `jisik/*.html` partials with autoescaping."""

    def __init__(self, loader: jinja2.BaseLoader | None, anchors: Anchors | None = None) -> None:
        self.anchors = anchors or Anchors()
        """Ids and TOC entries for the headings of list pages, as the site's `toc` makes them."""
        self.env = jinja2.Environment(
            loader=loader or jinja2.FileSystemLoader(THEME_DIR),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # made anew for each build; no need to stat a template on every use
        )

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(f"jisik/{name}").render(**context)


def after_title(content: str, html: str) -> str:
    """Insert `html` right after the page's `<h1>`, or at the start when it has none."""
    match = _H1_END.search(content)
    if match is None:
        return html + content
    return content[: match.end()] + html + content[match.end() :]


def format_date(value: dt.datetime | None) -> str:
    """`2026년 11월 27일`."""
    return f"{value.year}년 {value.month}월 {value.day}일" if value else ""


@dataclass(frozen=True)
class Card:
    """An article as one entry of a list: what the templates show."""

    title: str
    href: str
    date: str
    datetime: str
    summary: str
    tags: tuple[tuple[str, str | None], ...] = ()
    """(name, link) of each tag, where the list shows them (the home page)."""
    image: CardImage | None = None
    """The article's first bound prompt image, where the list shows it (the home page)."""


@dataclass(frozen=True)
class CardImage:
    src: str
    width: int
    height: int


def href(target_url: str, page_url: str) -> str:
    """A link from the page at `page_url` to `target_url` (both relative to the site root)."""
    return get_relative_url(target_url, page_url)  # percent-encoded, as MkDocs writes URLs


SUMMARY_LENGTH = 220
"""Characters of a summary shown in a list (the rest is cut at a word, with …)."""


@lru_cache(maxsize=8192)
def _listed(summary: str, date: dt.datetime | None) -> tuple[str, str, str]:
    """What a card shows of an article's date and summary (an article is listed on many pages)."""
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
    return format_date(date), iso_datetime(date) if date else "", summary


def cards(entries: list[Entry], page_url: str) -> list[Card]:
    out = []
    for entry in entries:
        date, stamp, summary = _listed(entry.article.summary, entry.article.date)
        out.append(Card(entry.article.title, href(entry.url, page_url), date, stamp, summary))
    return out
