"""Python-Markdown extension for links between articles: `[[제목]]`, `[[제목|보이는 글]]`,
`[[제목#소제목]]`, and the "이 글을 언급한 글" (backlinks) section at the end of a page.

* A wikilink is an inline pattern that runs after code spans, escapes, links, autolinks and raw HTML
  have taken their text: never inside code, a URL or an HTML tag. One written inside another link's
  text is put back as it was written (a link in a link is no link).
* Its target is looked up by `resolve` (set per page by the jisik plugin); the link then points to the
  article's page, else it is shown as text with a visible "(없는 글)" mark and a title saying why.
* Every link of the page (wikilinks and ordinary `<a href>`) is kept on `md.jisik_links`, in order:
  the article model reads links with this same extension, so the record and the page agree.

Usable without MkDocs:
`markdown.markdown(text, extensions=[WikiLinkExtension(targets={"제목": "/제목/"})])`.
"""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown, util
from markdown.extensions.toc import slugify as default_slugify
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..model.links import ESCAPED_CHAR, WIKILINK, Link, link_key, parse_inner
from ..model.text import literal

WIKILINK_CLASS = "jisik-wikilink"
MISSING_CLASS = "jisik-wikilink--missing"
MISSING_MARK = "없는 글"
BACKLINKS_HEADING = "이 글을 언급한 글"
BACKLINKS_ID = "jisik-backlinks"
BACKLINKS_CLASS = "jisik-backlinks"
WIKILINK_PRIORITY = 85
"""After raw HTML (90), links (160), code spans (190): their text is theirs."""
_HTML_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER.replace("%s", "([0-9]+)"))
_TAG = re.compile(r"<[^>]*>")
_RAW = "data-jisik-raw"  # the written form, while the page is parsed (taken off before it is serialised)
_INDEX = "data-jisik-link"
PREVIEW_TITLE = "data-jisik-title"
PREVIEW_DATE = "data-jisik-date"
PREVIEW_SUMMARY = "data-jisik-summary"
_PREVIEW = (PREVIEW_TITLE, PREVIEW_DATE, PREVIEW_SUMMARY)
"""A link's preview (wikilinks.js): on the page's first link to each article, read by all its links."""


@dataclass(frozen=True)
class Resolved:
    """Where a wikilink goes: the URL relative to the linking page (fragment not included), and the
    target's title; or why it goes nowhere (`href` None)."""

    href: str | None
    title: str
    why: str = ""
    mark: str = MISSING_MARK
    heading: str | None = None
    """The heading the link goes to (None when the whole text, `#` included, named the article)."""
    date: str = ""
    """The target's date as shown (`2026년 11월 27일`), for the link's preview."""
    summary: str = ""
    """The start of the target's summary, for the link's preview."""
    anchor: str | None = None
    """The id the heading gave itself (`## 절 {#id}`), used as it is; None: the slug of `heading`."""


@dataclass(frozen=True)
class Backlink:
    """An article linking to the page, as the backlinks section lists it."""

    title: str
    href: str
    date: str
    """`2026년 11월 27일`, or empty."""
    datetime: str


class WikiLinkProcessor(InlineProcessor):
    def __init__(self, md: Markdown, extension: WikiLinkExtension) -> None:
        super().__init__(WIKILINK.pattern, md)
        self.extension = extension

    def handleMatch(  # type: ignore[override]  # noqa: N802 (Python-Markdown's name)
        self, m: Any, data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        parsed = parse_inner(self._escapes(m.group("inner")))
        if parsed is None:
            return None, None, None
        target, heading, label, whole = parsed
        link = Link("wiki", target, heading, label, None, whole if heading is not None else None)
        links: list[Link] = self.md.jisik_wikilinks  # type: ignore[attr-defined]
        links.append(link)
        element = self.extension.element(link, self.md)
        element.set(_RAW, self._written(m.group(0)))
        element.set(_INDEX, str(len(links) - 1))
        return element, m.start(0), m.end(0)

    def _escapes(self, inner: str) -> str:
        """The inside with each stashed escaped character (`\\|`) as its `STX code ETX` form; anything
        else stashed there (a code span, raw HTML) is left as a placeholder, which is no link."""
        if util.INLINE_PLACEHOLDER_PREFIX not in inner:
            return inner
        stash = self.md.treeprocessors["inline"].stashed_nodes  # type: ignore[attr-defined]

        def escaped(match: re.Match[str]) -> str:
            value = stash.get(match.group(1))
            return value if isinstance(value, str) and ESCAPED_CHAR.fullmatch(value) else match.group(0)

        text = str(util.INLINE_PLACEHOLDER_RE.sub(escaped, inner))
        bars = [at for at in (text.find("|"), text.find(f"{util.STX}124{util.ETX}")) if at >= 0]
        if not bars:
            return text
        # in the visible text (after `|`), a code span or raw HTML is shown as its text
        bar = min(bars)
        return text[:bar] + str(util.INLINE_PLACEHOLDER_RE.sub(lambda m: self._as_text(m, stash), text[bar:]))

    def _written(self, raw: str) -> str:
        """The link as written, for when it is put back as text (inside another link): a code span as
        `` `code` ``, an escaped character and raw HTML as their placeholders, which Python-Markdown
        restores after the tree is done (an inline placeholder would show as such)."""
        if util.INLINE_PLACEHOLDER_PREFIX not in raw:
            return raw
        stash = self.md.treeprocessors["inline"].stashed_nodes  # type: ignore[attr-defined]

        def restored(match: re.Match[str]) -> str:
            value = stash.get(match.group(1))
            if isinstance(value, etree.Element) and value.tag == "code":
                return "`" + "".join(value.itertext()) + "`"
            return value if isinstance(value, str) else str(match.group(0))

        return str(util.INLINE_PLACEHOLDER_RE.sub(restored, raw))

    def _as_text(self, match: re.Match[str], stash: dict[str, Any]) -> str:
        """A code span's or raw HTML's text (its tags left out); anything else (a link, an image) stays
        a placeholder, which is no wikilink."""
        value = stash.get(match.group(1))
        if isinstance(value, etree.Element) and value.tag == "code":
            return "".join(value.itertext())
        if isinstance(value, str) and (html := _HTML_PLACEHOLDER.fullmatch(value)):
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(html.group(1))
            raw = blocks[index] if index < len(blocks) else ""
            return html_module.unescape(_TAG.sub("", raw if isinstance(raw, str) else ""))
        return match.group(0)


class LinkTreeprocessor(Treeprocessor):
    """After inline patterns: a wikilink inside another link becomes its written text again; then every
    link of the page is listed in order on `md.jisik_links`."""

    def run(self, root: etree.Element) -> None:
        wikilinks: list[Link] = self.md.jisik_wikilinks  # type: ignore[attr-defined]
        for anchor in root.iter("a"):
            if anchor.get(_RAW) is None:
                _unwrap_inside(anchor)
        found: list[Link | str] = []
        previewed: set[str] = set()  # the pages whose preview a link already carries
        for element in root.iter():
            raw = element.get(_RAW)
            if raw is not None:
                found.append(wikilinks[int(element.get(_INDEX) or 0)])
                del element.attrib[_RAW]
                del element.attrib[_INDEX]
                page = (element.get("href") or "").partition("#")[0]
                if page in previewed:
                    for name in _PREVIEW:
                        element.attrib.pop(name, None)
                elif any(name in element.attrib for name in _PREVIEW):
                    previewed.add(page)
            elif element.tag == "a" and element.get("href"):
                found.append(element.get("href") or "")
        self.md.jisik_links = found  # type: ignore[attr-defined]


def _unwrap_inside(anchor: etree.Element) -> None:
    """Wikilink elements anywhere inside `anchor` become the text they were written as."""
    for parent in list(anchor.iter()):
        for position in reversed(range(len(parent))):  # from the end: the earlier ones keep their place
            child = parent[position]
            raw = child.get(_RAW)
            if raw is None:
                continue
            text = raw + (child.tail or "")
            parent.remove(child)
            if position == 0:
                parent.text = (parent.text or "") + text
            else:
                previous = parent[position - 1]
                previous.tail = (previous.tail or "") + text


class BacklinksTreeprocessor(Treeprocessor):
    """Ends the page with the backlinks section, when the plugin gave the page any."""

    def __init__(self, md: Markdown, extension: WikiLinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        backlinks = self.extension.backlinks
        if not backlinks:
            return
        section = etree.SubElement(root, "section", {"class": BACKLINKS_CLASS, "data-pagefind-ignore": ""})
        section.text = "\n"
        title = etree.SubElement(section, "h2", {"id": BACKLINKS_ID})
        title.text = AtomicString(literal(self.extension.backlinks_heading))
        title.tail = "\n"
        listing = etree.SubElement(section, "ul", {"class": f"{BACKLINKS_CLASS}__list"})
        listing.text = "\n"
        listing.tail = "\n"
        for backlink in backlinks:
            item = etree.SubElement(listing, "li")
            link = etree.SubElement(item, "a", {"href": backlink.href})
            link.text = AtomicString(literal(backlink.title))
            if backlink.date:
                link.tail = " "
                when = etree.SubElement(item, "time", {"datetime": backlink.datetime})
                when.text = AtomicString(backlink.date)
            item.tail = "\n"
        section.tail = "\n"


class WikiLinkExtension(Extension):
    """Registers the wikilink pattern, the link list and the backlinks section."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "targets": [{}, "Standalone use: title → URL of the pages `[[title]]` may link to."],
            "backlinks_heading": [BACKLINKS_HEADING, "Heading of the backlinks section."],
        }
        super().__init__(**kwargs)
        self.resolve: Callable[[Link], Resolved] | None = None
        """Set by the jisik plugin for the page about to be converted; None: the `targets` option."""
        self.backlinks: list[Backlink] = []
        """Set by the jisik plugin: the articles linking to the page about to be converted."""
        self.backlinks_heading: str = self.getConfig("backlinks_heading")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.md = md
        self.reset()
        # After raw HTML (90): `<a href="[[x]]">` and `<https://x/[[y]]>` keep their text.
        md.inlinePatterns.register(WikiLinkProcessor(md, self), "jisik_wikilink", WIKILINK_PRIORITY)
        md.treeprocessors.register(LinkTreeprocessor(md), "jisik_links", 19)
        md.treeprocessors.register(BacklinksTreeprocessor(md, self), "jisik_backlinks", 6.5)

    def reset(self) -> None:
        self.md.jisik_wikilinks = []  # type: ignore[attr-defined]
        self.md.jisik_links = []  # type: ignore[attr-defined]

    def _standalone(self, link: Link) -> Resolved:
        targets: dict[str, str] = {link_key(k): v for k, v in dict(self.getConfig("targets")).items()}
        if link.whole is not None and link_key(link.whole) in targets:
            return Resolved(targets[link_key(link.whole)], link.whole)
        if link_key(link.target) in targets:
            return Resolved(targets[link_key(link.target)], link.target, heading=link.heading)
        return Resolved(None, link.target, f"‘{link.target}’이라는 글이 없습니다")

    def element(self, link: Link, md: Markdown) -> etree.Element:
        """The `<a>` of a resolved wikilink, or the marked text of one that goes nowhere."""
        if not link.target and link.heading:  # `[[#소제목]]`: a heading of this page
            found = Resolved("", "", heading=link.heading)
            if self.resolve is not None:  # the plugin knows the ids this page's headings gave themselves
                found = self.resolve(link)
        else:
            found = (self.resolve or self._standalone)(link)
        if found.href is None:
            shown = link.label or link.whole or link.target
            span = etree.Element(
                "span", {"class": f"{WIKILINK_CLASS} {MISSING_CLASS}", "title": literal(found.why)}
            )
            span.text = AtomicString(literal(shown) + " ")
            mark = etree.SubElement(
                span, "small", {"class": f"{WIKILINK_CLASS}__mark", "data-pagefind-ignore": ""}
            )
            mark.text = AtomicString(f"({found.mark})")
            return span
        shown = link.label or " › ".join(
            p for p in (link.target if found.heading else link.whole or link.target, found.heading) if p
        )
        slug = found.anchor or (_slug(md, found.heading) if found.heading else "")
        href = found.href + ("#" + slug if slug else "")
        anchor = etree.Element("a", {"class": WIKILINK_CLASS, "href": href or "#"})
        if found.title:  # the preview (wikilinks.js) shows these; no request
            # the title when the link's text is not it (the preview shows the text otherwise); once
            # per linked article: LinkTreeprocessor keeps them on the first link there only
            if found.title != shown or not (found.date or found.summary):
                anchor.set(PREVIEW_TITLE, literal(found.title))
            if found.date:
                anchor.set(PREVIEW_DATE, found.date)
            if found.summary:
                anchor.set(PREVIEW_SUMMARY, literal(found.summary))
        anchor.text = AtomicString(literal(shown))
        return anchor


def _slug(md: Markdown, heading: str) -> str:
    """The id the page's table of contents gives a heading (its configured slugify, when toc is on)."""
    toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None  # noqa: SIM401 (a Registry)
    if toc is not None:
        return str(toc.slugify(heading, toc.sep))
    return str(default_slugify(heading, "-"))


def makeExtension(**kwargs: Any) -> WikiLinkExtension:  # noqa: N802 (Python-Markdown's name)
    return WikiLinkExtension(**kwargs)
