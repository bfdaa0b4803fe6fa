"""Headings jisik adds to its list pages, as entries of the page's table of contents.

The all-tags page's initials (ㄱ, A, 기타), the sources page's domains and the archive's months are
headings a reader jumps to from Material's TOC sidebar. Their ids come from the site's own `toc`
slugify (Korean stays Korean; `pymdownx.slugs.slugify(case="lower")`, Material's advice for non-Latin
headings, when the site sets none), so an id names its group and stays the same when other groups come
and go. Ids the page already has, and ids two groups would share, get `_1`, `_2`… in the order of the
groups' names, never of their places on the page.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

Slugify = Callable[[str, str], str]

_ID = re.compile(r"""\sid=["']([^"']*)["']""")


def _material_slugify() -> Slugify:
    from pymdownx.slugs import slugify

    return slugify(case="lower")  # type: ignore[no-any-return]


class Anchors:
    """Stable, unique ids for a list page's headings, and their entries in the page's TOC."""

    def __init__(self, slugify: Slugify | None = None, separator: str = "-") -> None:
        self.slugify = slugify or _material_slugify()
        self.separator = separator

    @classmethod
    def of(cls, config: MkDocsConfig) -> Anchors:
        """The site's `toc` slugify and separator (`markdown_extensions: [toc: {slugify: …}]`)."""
        options = config.mdx_configs.get("toc", {}) if config.mdx_configs else {}
        slugify = options.get("slugify")
        return cls(slugify if callable(slugify) else None, str(options.get("separator", "-")))

    def ids(self, names: Sequence[str], page: Page, fallback: str) -> dict[str, str]:
        """An id for each heading name on `page`: its slug (`fallback` when nothing of it is left),
        unique among these names and the ids `page` already has."""
        taken = set(_ID.findall(page.content or "")) | set(_toc_ids(page.toc))
        wanted: dict[str, list[str]] = defaultdict(list)
        for name in sorted(set(names)):
            slug = self._slug(name) or fallback
            wanted[slug].append(name)
        ids: dict[str, str] = {}
        used = taken | set(wanted)
        for slug, sharing in wanted.items():
            number = 0
            for name in sharing:
                ident = slug
                if slug in taken or name != sharing[0]:
                    number += 1
                    while f"{slug}_{number}" in used:
                        number += 1
                    ident = f"{slug}_{number}"
                    used.add(ident)
                ids[name] = ident
        return ids

    def _slug(self, name: str) -> str:
        try:
            slug = self.slugify(name, self.separator)
        except Exception:  # a site's own slugify that cannot take this text
            slug = ""
        return slug if isinstance(slug, str) and not _ID_BREAKER.search(slug) else ""


_ID_BREAKER = re.compile(r"[\s\"'<>&]")  # what an id attribute or a `#fragment` could not hold as text


def add_to_toc(page: Page, headings: Iterable[tuple[str, str]]) -> None:
    """Add `(text, id)` level-2 headings to the end of the page's TOC: under the page's `<h1>` entry
    when the page has one (as Material shows a page's TOC), else at the top level."""
    links = [AnchorLink(html.escape(text, quote=False), ident, 2) for text, ident in headings]
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items[0].children.extend(links)
    else:
        items.extend(links)


def _toc_ids(items: Iterable[AnchorLink]) -> Iterable[str]:
    for item in items:
        yield item.id
        yield from _toc_ids(item.children)
