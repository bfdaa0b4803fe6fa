"""JSON Feed 1.1 writer (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json
from typing import Any

from .items import Feed, clean

VERSION = "https://jsonfeed.org/version/1.1"


def render_json(feed: Feed) -> str:
    data: dict[str, Any] = {
        "version": VERSION,
        "title": clean(feed.title),
        "home_page_url": feed.link,
        "feed_url": feed.json_url,
        "description": clean(feed.description),
        "language": feed.language,
        "items": [],
    }
    for item in feed.items:
        entry: dict[str, Any] = {
            "id": item.guid,
            "url": item.link,
            "title": clean(item.title),
            "summary": clean(item.summary),
            "date_published": item.published.isoformat(),
        }
        if item.updated is not None:
            entry["date_modified"] = item.updated.isoformat()
        if item.categories:
            entry["tags"] = [clean(c) for c in item.categories]
        if item.content_html:
            entry["content_html"] = clean(item.content_html)
        else:
            entry["content_text"] = clean(item.summary)
        if item.enclosure is not None:
            entry["image"] = item.enclosure.url
        data["items"].append(entry)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
