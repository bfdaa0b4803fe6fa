"""JSON Feed 1.1 writer (https://jsonfeed.org/version/1.1); items are serialised once and shared."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..model.dates import iso_datetime
from .items import Feed, FeedItem, clean

VERSION = "https://jsonfeed.org/version/1.1"


def item_json(item: FeedItem) -> str:
    entry: dict[str, Any] = {
        "id": item.guid,
        "url": item.link,
        "title": clean(item.title),
        "summary": clean(item.summary),
        "date_published": iso_datetime(item.published),
    }
    if item.updated is not None:
        entry["date_modified"] = iso_datetime(item.updated)
    if item.categories:
        entry["tags"] = [clean(c) for c in item.categories]
    if item.content_html:
        entry["content_html"] = clean(item.content_html)
    else:
        entry["content_text"] = clean(item.summary)
    if item.enclosure is not None and item.enclosure.safe:
        entry["image"] = item.enclosure.url
    return json.dumps(entry, ensure_ascii=False, indent=None)


def render_json(feed: Feed, items: Callable[[FeedItem], str] = item_json) -> str:
    head: dict[str, Any] = {
        "version": VERSION,
        "title": clean(feed.title),
        "home_page_url": feed.link,
        "feed_url": feed.json_url,
        "description": clean(feed.description),
        "language": feed.language,
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    entries = ",\n    ".join(items(item) for item in feed.items)
    return (
        text[:-2] + ',\n  "items": [\n    ' + entries + "\n  ]\n}\n"
        if feed.items
        else text[:-2] + ',\n  "items": []\n}\n'
    )
