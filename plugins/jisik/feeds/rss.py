"""RSS 2.0 writer. ElementTree escapes every text and attribute, so no tag or title breaks the XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from email.utils import format_datetime

from .items import Feed, clean

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
GENERATOR = "jisik"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = clean(text)
    return element


def render_rss(feed: Feed, generator: str = GENERATOR) -> bytes:
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("content", CONTENT)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.link)
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language)
    ET.SubElement(
        channel, f"{{{ATOM}}}link", {"href": feed.rss_url, "rel": "self", "type": "application/rss+xml"}
    )
    if feed.last_build is not None:
        _text(channel, "lastBuildDate", format_datetime(feed.last_build))
    _text(channel, "generator", generator)
    for item in feed.items:
        element = ET.SubElement(channel, "item")
        _text(element, "title", item.title)
        _text(element, "link", item.link)
        _text(element, "guid", item.guid, isPermaLink="true" if item.guid == item.link else "false")
        _text(element, "pubDate", format_datetime(item.published))
        for category in item.categories:
            _text(element, "category", category)
        _text(element, "description", item.summary)
        if item.content_html:
            _text(element, f"{{{CONTENT}}}encoded", item.content_html)
        if item.enclosure is not None:
            ET.SubElement(
                element,
                "enclosure",
                {
                    "url": item.enclosure.url,
                    "type": item.enclosure.type,
                    "length": str(item.enclosure.length),
                },
            )
    ET.indent(rss, space="  ")
    body = ET.tostring(rss, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
