"""What would hurt the site, for a whole corpus of articles: one function for `jisik check` and builds.

`check(articles)` is a pure function of article records (no MkDocs). It gathers each article's own
problems (bad dates, broken front matter, non-http sources, prompt blocks without a ratio), what is
missing (date, tags, sources), and what only shows across articles (tag URL clashes, duplicate
titles). Findings whose place is the whole file (a missing date, no tags) are reported at line 1.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..hashtags.index import TagIndex
from ..hashtags.tags import is_valid_tag, tag_key
from ..model import Article, Entry
from ..model.article import Level
from ..wikilinks.resolve import Resolver


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to fix, at a line of a file (1-based)."""

    path: str
    line: int
    level: Level
    message: str
    code: str = ""
    """What kind of finding; the completeness notes in `NOTES` do not fail `mkdocs build --strict`."""

    def format(self, *, level: bool = False) -> str:
        """`path:line: message`, or `path:line: error: message` with `level=True`."""
        shown = f"{self.level}: {self.message}" if level else self.message
        return f"{self.path}:{self.line}: {shown}"


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """Title identity for duplicates: NFC/NFD, full-width, case and spacing do not matter."""
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


NOTES = frozenset({"no-date", "no-tags", "no-sources", "duplicate-title"})
"""Findings about what an article lacks: `jisik check` warns; a build only mentions them (INFO)."""


def check(
    articles: Iterable[Article],
    index: TagIndex | None = None,
    links: bool = True,
    resolver: Resolver | None = None,
) -> list[Finding]:
    """Every finding for the corpus, sorted by path, then line (pass the build's tag index and link
    resolver, made from the same articles, to reuse them). `links`: report `[[wikilinks]]` that reach
    no article (off when the site turns wikilinks off)."""
    corpus = list(articles)
    findings: list[Finding] = []
    if links and resolver is None:
        resolver = Resolver(corpus)
    elif not links:
        resolver = None
    for article in corpus:
        findings.extend(_article_findings(article))
        if resolver is not None:
            findings.extend(
                Finding(article.path, p.line or 1, p.level, p.message, "broken-link")
                for p in resolver.problems(article)
            )
    if index is None:
        index = TagIndex(Entry(article, article.path) for article in corpus)
    for path, problems in index.problems.items():
        findings.extend(Finding(path, p.line or 1, p.level, p.message) for p in problems)
    findings.extend(_clashes(index))
    findings.extend(_duplicate_titles(corpus))
    return sorted(findings)


def _article_findings(article: Article) -> list[Finding]:
    path = article.path
    found = [Finding(path, p.line or 1, p.level, p.message) for p in article.problems]
    if any(p.unreadable for p in article.problems):
        return found  # one clear message: what is "missing" is only unreadable, or not written yet
    if article.date is None and article.meta.get("date") in (None, ""):
        found.append(
            Finding(path, 1, "warning", "no date: add `date: YYYY-MM-DD` to the front matter", "no-date")
        )
    if not article.tags:
        found.append(
            Finding(
                path, 1, "warning", "no tags: add a line of hashtags such as `#AI번아웃 #OpenAI`", "no-tags"
            )
        )
    if not article.sources:
        found.append(
            Finding(path, 1, "warning", "no sources: add a line such as `출처: https://…`", "no-sources")
        )
    return found


def _clashes(index: TagIndex) -> list[Finding]:
    found = []
    owners = {tag.slug.casefold(): tag for tag in index.tags.values()}
    for key, wanted, given in index.clashes:
        tag = index.tags[key]
        other = owners.get(wanted.casefold())
        first = min((entry.article for entry in tag.entries), key=lambda a: a.path)
        where = f" {other.name!r} ({min(e.article.path for e in other.entries)})" if other else ""
        found.append(
            Finding(
                first.path,
                _tag_line(first, key),
                "warning",
                f"tag {tag.name!r} would share the URL '{wanted}/' with tag{where}; it gets '{given}/'",
            )
        )
    return found


def _tag_line(article: Article, key: str) -> int:
    """The line where `article` names the tag with this key (its front matter or its hashtag line)."""
    for number, raw in enumerate(article.tags):
        if number < len(article.tag_lines) and is_valid_tag(raw) and tag_key(raw) == key:
            return article.tag_lines[number] or 1
    return 1


def _duplicate_titles(corpus: list[Article]) -> list[Finding]:
    by_title: dict[str, list[Article]] = defaultdict(list)
    for article in corpus:
        by_title[title_key(article.title)].append(article)
    found = []
    for same in by_title.values():
        for article in same:
            others = ", ".join(sorted(o.path for o in same if o is not article))
            if others:
                found.append(
                    Finding(
                        article.path,
                        1,
                        "warning",
                        f"title {article.title!r} is also the title of {others}",
                        "duplicate-title",
                    )
                )
    return found
