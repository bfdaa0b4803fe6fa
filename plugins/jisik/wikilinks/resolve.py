"""Which article a link names, and which articles link to each: pure functions of article records.

A wikilink names an article by its title, one of its `aliases`, its file stem (`ai-burnout`) or its
path without `.md` (`articles/ai-burnout`), matched the way tags are: NFC/NFD, full-/half-width, Latin
case and spacing do not matter. A name two articles share is ambiguous: the link goes nowhere and
says so. Drafts are no target (they are not published): a link to one is broken, and said to be.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from ..model import Article, Problem
from ..model.links import Link, link_key

Outcome = Literal["ok", "missing", "ambiguous", "draft", "empty"]
ADDED_HEADINGS = ("출처", "함께 보면 좋은 글", "이 글을 언급한 글")
"""Headings jisik adds to an article (its default names): a `[[제목#출처]]` is no broken heading."""


@dataclass(frozen=True)
class Resolution:
    """What a link reaches: `target` (an article's path) when `outcome` is ok."""

    outcome: Outcome
    target: str | None = None
    heading: str | None = None
    candidates: tuple[str, ...] = ()
    """The articles an ambiguous name, or a draft, stands for (paths)."""


def names(article: Article) -> list[str]:
    """Every name a wikilink may use for `article`: title, aliases, file stem, path without `.md`."""
    path = PurePosixPath(article.path)
    stem = path.parent.name if path.stem in ("index", "README") and path.parent.name else path.stem
    return [article.title, *article.aliases, stem, str(path.with_suffix(""))]


class Resolver:
    """Looks names and paths up among one corpus of articles."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.published: dict[str, set[str]] = defaultdict(set)
        self.drafts: dict[str, set[str]] = defaultdict(set)
        self.paths: dict[str, Article] = {}
        for article in articles:
            self.paths[article.path] = article
            keys = self.drafts if article.draft else self.published
            for name in names(article):
                if key := link_key(name):
                    keys[key].add(article.path)

    def _named(self, name: str, heading: str | None) -> Resolution | None:
        key = link_key(name)
        found = self.published.get(key)
        if found and len(found) == 1:
            return Resolution("ok", next(iter(found)), heading)
        if found:
            return Resolution("ambiguous", None, heading, tuple(sorted(found)))
        if key in self.drafts:
            return Resolution("draft", None, heading, tuple(sorted(self.drafts[key])))
        return None

    def resolve(self, link: Link, source: str | None = None) -> Resolution:
        """The article a link reaches. `source` (the linking article's path) is where `[[#소제목]]`
        goes."""
        if link.kind == "page":
            article = self.paths.get(link.target)
            if article is None:
                return Resolution("missing")  # MkDocs itself reports a link to a file that is not there
            return Resolution(
                "draft" if article.draft else "ok", None if article.draft else article.path, link.heading
            )
        if not link.target:
            return Resolution("ok", source, link.heading) if source and link.heading else Resolution("empty")
        if link.whole is not None and (whole := self._named(link.whole, None)) and whole.outcome == "ok":
            return whole  # a title with `#` in it (`C# 입문`)
        return self._named(link.target, link.heading) or Resolution("missing", None, link.heading)

    def anchor(self, target: str, heading: str) -> str | None:
        """The id a heading of article `target` gave itself (`## 절 {#id}`), when `heading` names it by
        its text or by that id; None: the page's id is the slug of `heading`."""
        article = self.paths.get(target)
        key = link_key(heading)
        for text, given in article.heading_ids if article is not None else ():
            if key in (link_key(text), link_key(given)):
                return given
        return None

    def targets(self, article: Article) -> list[str]:
        """The published articles `article` links to (each once, in order; itself left out)."""
        found: dict[str, None] = {}
        for link in article.links:
            resolution = self.resolve(link, article.path)
            if resolution.outcome == "ok" and resolution.target and resolution.target != article.path:
                found[resolution.target] = None
        return list(found)

    def problems(self, article: Article) -> list[Problem]:
        """Each wikilink that reaches no article: said at its line, the way the reader is shown it."""
        found = []
        for link in article.links:
            if link.kind != "wiki":
                continue
            resolution = self.resolve(link, article.path)
            if resolution.outcome == "ok":
                if resolution.heading and resolution.target in self.paths:
                    target = self.paths[resolution.target]
                    known = {link_key(h) for h in (*target.headings, *ADDED_HEADINGS)}
                    given = self.anchor(target.path, resolution.heading)
                    if link_key(resolution.heading) not in known and given is None:
                        found.append(
                            Problem(
                                f"{link.written}: ‘{target.title}’ has no heading ‘{resolution.heading}’; "
                                "the link goes to the top of the article",
                                link.line,
                            )
                        )
                continue
            found.append(Problem(f"{link.written}: {explain(resolution, link)}", link.line))
        return found


def explain(resolution: Resolution, link: Link) -> str:
    """Why a link reaches no article, for the writer (and the reader's tooltip)."""
    name = link.target
    if resolution.outcome == "ambiguous":
        return (
            f"‘{name}’ names more than one article ({', '.join(resolution.candidates)}); "
            "it is shown as text marked 없는 글 — use the file name (`[[stem]]`) or an alias"
        )
    if resolution.outcome == "draft":
        return (
            f"‘{name}’ is a draft ({', '.join(resolution.candidates)}), which is not published; "
            "it is shown as text marked 없는 글"
        )
    if resolution.outcome == "empty":
        return "the link names no article; it is shown as text"
    return f"no article is titled, aliased or named ‘{name}’; it is shown as text marked 없는 글"


def backlinks(
    outgoing: Mapping[str, Iterable[str]], order: Mapping[str, tuple[float, str]]
) -> dict[str, list[str]]:
    """For every linked article, the articles linking to it: each once, never itself, in the order of
    `order` (an article's sort key: newest first)."""
    found: dict[str, set[str]] = defaultdict(set)
    for source, targets in outgoing.items():
        for target in targets:
            if target != source:
                found[target].add(source)
    return {target: sorted(sources, key=lambda s: (order[s], s)) for target, sources in found.items()}
