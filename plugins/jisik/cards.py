"""An article as one entry of a list (`Card`), the Korean date, and links between pages."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from functools import lru_cache

from .model import Entry
from .model.dates import iso_datetime


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
    """A link from the page at `page_url` to `target_url` (both relative to the site root): what MkDocs'
    `get_relative_url` gives, with each URL's normalised parts remembered rather than worked out
    for every link (≈ 20,000 links at 500 articles, to a few hundred pages from a few hundred pages)."""
    folder, _, name = page_url.rpartition("/")
    base = _parts(folder if "." in name else page_url)
    target = _parts(target_url)
    common = 0
    for a, b in zip(base, target, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join(("..",) * (len(base) - common) + target[common:]) or "."
    return relative + "/" if target_url.endswith("/") else relative


@lru_cache(maxsize=16384)
def _parts(url: str) -> tuple[str, ...]:
    """A URL's path normalised into its parts, as MkDocs' `get_relative_url` reads it (`..` goes up,
    never above the root)."""
    path = posixpath.normpath(url if url.startswith("/") else "/" + url)[1:]
    return tuple(path.split("/")) if path else ()


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
