"""Reading an article's outgoing links from its Markdown, with the parser its page is rendered with.

The model calls a `LinkReader` once per article text (records are cached by content). It converts the
body with the site's own Markdown extensions plus the wikilinks extension, so code blocks, code spans,
URLs, raw HTML, tables, footnotes and admonitions are what the page makes of them — the record and
the page cannot disagree on which text is a link.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from collections.abc import Mapping, Sequence
from typing import Any

import markdown
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..model.conventions import hashtag_line, source_line
from ..model.links import WIKILINK, Link, locate, page_target, parse_inner
from .markdown import WIKILINK_PRIORITY, Resolved, WikiLinkExtension

DEFAULT_EXTENSIONS = ("tables", "footnotes", "admonition", "attr_list", "pymdownx.superfences")
"""Read with when no site configuration is known (a bare `parse_article`)."""

PLAIN_EXTENSIONS = frozenset(
    f"{prefix}{name}"
    for name in ("toc", "tables", "fenced_code", "footnotes", "admonition", "attr_list")
    for prefix in ("", "markdown.extensions.")
) | {"pymdownx.superfences"}
"""Extensions that make no link of text with no `[`, no code, no HTML and no indentation: with only these,
a plain body's links are read without the parser (`plain_links`), as the parser reads them."""
BLOCKS = "pymdownx.blocks."
"""pymdownx's blocks (`/// caption`, `/// details`…) are plain too: a plain body has no `///`."""
_NOT_PLAIN = re.compile(r"[`<\\\t\r\x02\x03]|~~~|\]\(|///")
"""Code spans and fences, raw HTML and autolinks, escapes, tabs (the parser expands them), Python-Markdown's
own placeholders, a Markdown link (`](`), a pymdownx block (`///`)."""
_PLAIN_START = re.compile(r"[^\s>!?=/:|<~`]")
"""How a line holding a wikilink starts when it is plain: not indented (code, a list's inner block), not
a quote, an admonition, a tab, a table row, HTML, a fence."""
_RATIO_END = re.compile(r"\d\s*:\s*\d+\s*\.?\s*$", re.MULTILINE)
"""A line ending like a bare image prompt (`…, 4:3`): its paragraph may be a figure, whose text is no link."""
_BLOCKS = re.compile(r"\n *\n")
"""Where Python-Markdown splits a body into blocks (a line of spaces is blank)."""


class LinkReader:
    """Reads the links of a Markdown body; one Markdown instance reused for every article."""

    def __init__(
        self, extensions: Sequence[str] = DEFAULT_EXTENSIONS, configs: Mapping[str, Any] | None = None
    ) -> None:
        self.extensions = [name for name in extensions if isinstance(name, str)]
        self.configs = {k: v for k, v in (configs or {}).items() if k in self.extensions}
        self.signature = repr(
            (self.extensions, [(k, _stable(v)) for k, v in sorted(self.configs.items())], PAGE_EXTENSIONS)
        )
        """Which parser reads links (part of the record cache's key)."""
        self._md: markdown.Markdown | None = None
        self.plain = all(name in PLAIN_EXTENSIONS or name.startswith(BLOCKS) for name in self.extensions)
        """Whether a plain body is read without the parser (`plain_links`): only these extensions."""
        self.tables = "tables" in {name.rsplit(".", 1)[-1] for name in self.extensions}

    def _markdown(self) -> markdown.Markdown:
        if self._md is None:
            try:
                self._md = markdown.Markdown(
                    extensions=[*self.extensions, *page_extensions(), WikiLinkExtension()],
                    extension_configs=dict(self.configs),
                )
            except Exception:  # a site extension that cannot load: MkDocs says so itself
                self._md = markdown.Markdown(extensions=[*page_extensions(), WikiLinkExtension()])
            _links_only(self._md)
        return self._md

    def __call__(self, body: str, first_line: int, path: str) -> tuple[Link, ...]:
        if "[" not in body or ("[[" not in body and ".md" not in body and "%" not in body):
            return ()  # a wikilink needs `[[`, a link to a page its `.md` (perhaps percent-encoded)
        plain = plain_links(body, self.tables) if self.plain else None
        if plain is not None:
            return tuple(locate(plain, body, first_line, _written))
        md = self._markdown()
        md.reset()
        try:
            _read(md, body)
        except RecursionError:  # nested too deep: the page is shown as plain text (see pagemeta)
            return ()
        found: list[Link] = []
        for item in md.jisik_links:  # type: ignore[attr-defined]
            if isinstance(item, Link):
                found.append(item)
            elif (target := page_target(item, path)) is not None:
                found.append(Link("page", target[0], target[1]))
        return tuple(locate(found, body, first_line, _written))


def plain_links(body: str, tables: bool = False) -> list[Link] | None:
    """The wikilinks of a plain body, in order, as the parser reads them (with `PLAIN_EXTENSIONS`), or
    None when the body is not plain. Plain: every `[` and `]` is part of a `[[wikilink]]`, each line
    holding one starts at its first column with no quote, admonition, table or HTML mark, and there is
    no code, HTML, escape, tab or Markdown link anywhere (nor a `|` outside wikilinks, with `tables`).
    Then no block can make such a line code or raw HTML, no definition or reference exists, and each
    wikilink is the inline pattern's match on the text (tested against the parser: hypothesis).
    Nor is a body plain where jisik's own conventions may take a wikilink's text out of the page: a
    `출처:` or hashtag line holding one, a block holding one and ending like a bare image prompt."""
    if _NOT_PLAIN.search(body):
        return None
    rest = WIKILINK.sub("", body)
    if "[" in rest or "]" in rest or (tables and "|" in rest):
        return None
    if _RATIO_END.search(body) and any(
        "[[" in block and _RATIO_END.search(block) for block in _BLOCKS.split(body)
    ):
        return None
    found: list[Link] = []
    for line in body.split("\n"):
        if "[[" not in line:
            continue
        if not _PLAIN_START.match(line) or source_line(line) is not None or hashtag_line(line) is not None:
            return None
        for match in WIKILINK.finditer(line):
            parsed = parse_inner(match.group("inner"))
            if parsed is not None:
                target, heading, label, whole = parsed
                found.append(
                    Link("wiki", target, heading, label, None, whole if heading is not None else None)
                )
    return found


PAGE_EXTENSIONS = ("hashtags", "citations", "figures")
"""jisik's own extensions on every article's page that take text out of it (hashtag lines, `출처:` lines,
image prompts): the reader parses with them too, so what they take out holds no link in the record."""


def page_extensions() -> list[Extension]:
    """Fresh instances of `PAGE_EXTENSIONS` for one reader's parser."""
    from ..citations.markdown import CitationsExtension
    from ..figures.markdown import FiguresExtension
    from ..hashtags.markdown import HashtagExtension

    return [HashtagExtension(), CitationsExtension(), FiguresExtension()]


def markdown_settings(extensions: Sequence[object], configs: Mapping[str, Any] | None) -> str:
    """The site's Markdown extensions (by name; jisik's own are left out) and their configuration, as
    the same text in every process and on every `mkdocs serve` rebuild (which reads mkdocs.yml again)."""
    names = [name for name in extensions if isinstance(name, str)]
    return repr((names, [(k, _stable(v)) for k, v in sorted((configs or {}).items()) if k in names]))


def _stable(value: object) -> object:
    """A configuration value as the same text in every process (a function by its name, not address)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_stable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    kind = type(value)
    return f"{kind.__module__}.{getattr(value, '__qualname__', kind.__qualname__)}"


class _Sparse(Treeprocessor):
    """Before inline patterns: text with no `[` can hold no link of either kind, so it is not parsed."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.text and "[" not in element.text and not isinstance(element.text, AtomicString):
                element.text = None
            if element.tail and "[" not in element.tail:
                element.tail = None


def _anywhere(link: Link) -> Resolved:
    return Resolved("#", "")  # the reader lists links; where they go is the resolver's business


def _links_only(md: markdown.Markdown) -> None:
    """Leave out of the reader's parser what cannot change which text is a link: inline patterns that run
    after the wikilink pattern (emphasis, entities), text without `[`, and resolving each link."""
    for extension in md.registeredExtensions:
        if isinstance(extension, WikiLinkExtension):
            extension.resolve = _anywhere
    for item in list(getattr(md.inlinePatterns, "_priority", [])):  # (name, priority) of each
        if item.priority < WIKILINK_PRIORITY:
            md.inlinePatterns.deregister(item.name)
    md.treeprocessors.register(_Sparse(md), "jisik_sparse", 20.5)


def _read(md: markdown.Markdown, source: str) -> None:
    """`md.convert` up to the list of links (`jisik_links`): no later tree processor, no serialising."""
    lines = source.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    last = md.treeprocessors["jisik_links"]
    for treeprocessor in md.treeprocessors:
        root = treeprocessor.run(root) or root
        if treeprocessor is last:
            return


def _written(link: Link) -> list[str]:
    """Text the link's source surely starts with, best guess first (to find its line)."""
    if link.kind == "page":
        return [posixpath.basename(link.target), "]("]
    return [f"[[{link.whole or link.target}", f"[[{link.target}", "[["]


class NoLinks(LinkReader):
    """For a site that turns wikilinks off: its records hold no links (nothing would use them)."""

    def __init__(self) -> None:
        super().__init__(())
        self.signature = "off"

    def __call__(self, body: str, first_line: int, path: str) -> tuple[Link, ...]:
        return ()


def for_site(
    extensions: Sequence[object], configs: Mapping[str, Any] | None, enabled: bool = True
) -> LinkReader:
    """The reader for a site: its configured extensions (by name; jisik's own are left out)."""
    if not enabled:
        return NoLinks()
    return LinkReader([e for e in extensions if isinstance(e, str)], configs)
