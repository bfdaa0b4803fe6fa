"""Markdown links and images only to safe URLs: `[x](javascript:…)`, `![x](data:text/html,…)`, a URL
no browser or parser can read (`http://[::1`, which would stop MkDocs and the feeds with a ValueError)
and reference links to such URLs become plain text, and attributes given with `{: …}` (attr_list) never
add a handler (`onclick`) or such a URL. Raw HTML a writer types is left as written."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_UNSAFE = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
_URL_ATTRIBUTES = frozenset(("href", "src", "action", "formaction", "poster", "data", "xlink:href"))
_OTHER_URL_ATTRIBUTES = _URL_ATTRIBUTES - {"href", "src"}
_LINK_ATTRIBUTE = {"a": "href", "img": "src"}
_STASHED = re.compile(util.HTML_PLACEHOLDER.replace("%s", "([0-9]+)"))
"""Raw HTML (a character reference too) that an inline pattern took out of the text, by its number."""
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # what browsers skip inside a URL's scheme


def _suspect(name: str) -> bool:
    """An attribute that may be dropped: a handler (`on…`) or one that holds a URL."""
    lowered = name.lower()
    return lowered.startswith("on") or lowered in _URL_ATTRIBUTES


def unsafe(url: str) -> bool:
    """Whether a browser would run `url` (or show a document made from it) instead of following a link.
    Read as the browser reads the attribute: Python-Markdown writes a character reference in a URL as it
    is (`&#106;`, `&#x6A;`, `&colon;`, `&Tab;`), and the browser decodes it before it reads the scheme."""
    if "&" in url:
        url = html.unescape(url)
    return bool(_UNSAFE.match(_IGNORED.sub("", url)))


def unreadable(url: str) -> bool:
    """Whether `url` cannot be split into its parts (an unclosed `[` of an IPv6 host, `:99999` port)."""
    try:
        urlsplit(url).port  # noqa: B018 (reading it is the check)
    except ValueError:
        return True
    return False


class SafeLinksProcessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: SafeLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if not element.attrib:
                continue  # nothing to drop: most elements of a page (and `unsafe("")` is False)
            attribute = _LINK_ATTRIBUTE.get(element.tag)
            if attribute is None and not any(map(_suspect, element.attrib)):
                continue  # a figure's or a heading's `class`, `id`, `alt`…: nothing to drop either
            for name in [n for n in element.attrib if n.lower().startswith("on")]:
                self.extension.dropped.append((f"{name}=…", self._written(element.attrib.pop(name))))
            for name in [n for n in element.attrib if n.lower() in _OTHER_URL_ATTRIBUTES]:
                if unsafe(value := self._written(element.attrib[name])):
                    self.extension.dropped.append((name, value))
                    del element.attrib[name]
            for wanted in ("href", "src"):  # HTML reads `HREF` as `href`; `src` on a link, `href` on an image
                for name in [n for n in element.attrib if n.lower() == wanted and n != attribute]:
                    if unsafe(value := self._written(element.attrib[name])):
                        self.extension.dropped.append((name, value))
                        del element.attrib[name]
            if attribute is None:
                continue
            url = element.get(attribute)
            if url is not None and (unsafe(url := self._written(url)) or unreadable(url)):
                alt = element.get("alt", "") if element.tag == "img" else None
                element.tag = "span"  # a link's text stays; an image is its alt text
                element.attrib.clear()
                if alt is not None:
                    element.text = alt
                self.extension.dropped.append(("link" if alt is None else "image", url))

    def _written(self, value: str) -> str:
        """An attribute's value as the page will hold it: what inline patterns stashed in it put back —
        in `{: href="&#106;avascript:…"}` the character reference is stashed as raw HTML (a
        placeholder here) and written out as it is after the tree is done."""
        if util.STX not in value:
            return value
        blocks = self.md.htmlStash.rawHtmlBlocks

        def put_back(match: re.Match[str]) -> str:
            index = int(match.group(1))
            stashed = blocks[index] if index < len(blocks) else None
            return stashed if isinstance(stashed, str) else match.group(0)

        return _STASHED.sub(put_back, value)


class SafeLinksExtension(Extension):
    """Drops unsafe link and image URLs; `dropped` lists them for the page last converted."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dropped: list[tuple[str, str]] = []
        """What was taken out of the page last converted: `(what, value)`."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.dropped = []  # MkDocs makes one Markdown instance per page
        md.treeprocessors.register(SafeLinksProcessor(md, self), "jisik_safe_links", 6)  # after attr_list

    def reset(self) -> None:
        self.dropped = []
