"""RSS 2.0 writer. ElementTree escapes every text and attribute, so no tag or title breaks the XML.

Items are serialised once (`item_xml`) and reused by every feed that carries them: an article is in
the site feed and in each of its tags' feeds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from email.utils import format_datetime

from ..model.dates import whole_minute_offset
from .items import Feed, FeedItem, clean

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
GENERATOR = "jisik"
_NAMESPACES = f'xmlns:atom="{ATOM}" xmlns:content="{CONTENT}"'


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = clean(text)
    return element


def _serialise(element: ET.Element, level: int) -> str:
    ET.indent(element, space="  ", level=level)
    text = ET.tostring(element, encoding="unicode")
    # ElementTree declares the namespaces on each fragment; the <rss> element declares them once.
    return text.replace(f' xmlns:atom="{ATOM}"', "").replace(f' xmlns:content="{CONTENT}"', "")


def item_xml(item: FeedItem) -> str:
    """One `<item>`, indented for its place in a channel."""
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("content", CONTENT)
    element = ET.Element("item")
    _text(element, "title", item.title)
    _text(element, "link", item.link)
    _text(element, "guid", item.guid, isPermaLink="true" if item.guid == item.link else "false")
    _text(element, "pubDate", format_datetime(whole_minute_offset(item.published)))
    for category in item.categories:
        _text(element, "category", category)
    _text(element, "description", item.summary)
    if item.content_html:
        _text(element, f"{{{CONTENT}}}encoded", item.content_html)
    if item.enclosure is not None and item.enclosure.safe:
        ET.SubElement(
            element,
            "enclosure",
            {
                "url": item.enclosure.url,
                "type": item.enclosure.type,
                "length": str(item.enclosure.length),
            },
        )
    return "    " + _serialise(element, 2).strip() + "\n"


def render_rss(feed: Feed, generator: str = GENERATOR, items: Callable[[FeedItem], str] = item_xml) -> bytes:
    """The whole feed; `items` serialises one item (pass a memoised one to share work between feeds)."""
    ET.register_namespace("atom", ATOM)
    channel = ET.Element("channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.link)
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language)
    ET.SubElement(
        channel, f"{{{ATOM}}}link", {"href": feed.rss_url, "rel": "self", "type": "application/rss+xml"}
    )
    if feed.last_build is not None:
        _text(channel, "lastBuildDate", format_datetime(whole_minute_offset(feed.last_build)))
    _text(channel, "generator", generator)
    head = _serialise(channel, 1).rstrip()
    assert head.endswith("</channel>")
    body = "".join(items(item) for item in feed.items)
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {_NAMESPACES}>\n  '
        + head[: -len("</channel>")].rstrip()
        + "\n"
        + body
        + "  </channel>\n</rss>\n"
    )
    return text.encode("utf-8")
