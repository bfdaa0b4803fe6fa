"""A generated corpus of ~60 articles built for real: tag pages, the all-tags page and the home page.

The corpus mixes Hangul tags (NFC and NFD), Latin tags in several cases and widths, `C`/`C#`/`C++`,
tags in front matter and on the hashtag line, dates with and without a time and zone, and drafts.
The expected lists are computed here from the generated data, independently of the plugin.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from support import Built, SiteProject

SEED = 20261127
SEOUL = ZoneInfo("Asia/Seoul")
ARTICLES = 60
DRAFTS = 8
DRAFT_ONLY = "초안전용"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# One concept per tag; every spelling of a concept must end up on one tag page.
CONCEPTS: dict[str, list[str]] = {
    "인공지능": ["인공지능", nfd("인공지능")],
    "번아웃": ["번아웃", nfd("번아웃")],
    "핵융합": ["핵융합"],
    "로봇": ["로봇", nfd("로봇")],
    "까치": ["까치"],
    "반도체": ["반도체"],
    "실리콘밸리": ["실리콘밸리", nfd("실리콘밸리")],
    "openai": ["OpenAI", "openai", "OPENAI", "ＯｐｅｎＡＩ"],
    "xai": ["xAI", "XAI", "xai"],
    "python": ["Python", "python"],
    "c++": ["C++"],
    "c#": ["C#"],
    "c": ["C"],
    "it트렌드": ["IT트렌드", "it트렌드", nfd("IT트렌드")],
    "2026": ["2026"],
}


def concept_of(name: str) -> str:
    """The concept a displayed tag name belongs to (NFKC + casefold, as the format defines identity)."""
    key = unicodedata.normalize("NFKC", name).lstrip("#").casefold()
    for concept, spellings in [*CONCEPTS.items(), (DRAFT_ONLY, [DRAFT_ONLY])]:
        if key in {unicodedata.normalize("NFKC", s).casefold() for s in spellings}:
            return concept
    raise AssertionError(f"tag {name!r} matches no tag of the corpus")


@dataclass
class Doc:
    path: str
    url: str
    title: str
    when: dt.datetime
    concepts: set[str]
    draft: bool


def generate(project: SiteProject) -> list[Doc]:
    rng = random.Random(SEED)
    total = ARTICLES + DRAFTS
    days = rng.sample(range(900), total)
    docs: list[Doc] = []
    for i in range(total):
        draft = i >= ARTICLES
        day = dt.date(2024, 1, 1) + dt.timedelta(days=days[i])
        if i % 3 == 0:
            # A time with a zone; minutes never 0, so never equal to another article's midnight.
            when = dt.datetime(day.year, day.month, day.day, rng.randint(0, 23), rng.randint(1, 59))
            when = when.replace(tzinfo=dt.timezone.utc if i % 2 else SEOUL)
            date = when.isoformat()
        else:
            when = dt.datetime(day.year, day.month, day.day, tzinfo=SEOUL)
            date = day.isoformat()
        concepts = rng.sample(sorted(CONCEPTS), rng.randint(1, 4))
        if draft and i % 2 == 0:
            concepts.append(DRAFT_ONLY)
        spellings = [rng.choice(CONCEPTS.get(c, [c])) for c in concepts]
        if rng.random() < 0.3:
            # the same tag written a second time, in another spelling
            spellings.append(rng.choice(CONCEPTS.get(concepts[0], [concepts[0]])))
        in_front = [s for s in spellings if rng.random() < 0.3]
        in_body = [s for s in spellings if s not in in_front]
        folder = "articles/sub/" if i % 4 == 0 else "articles/"
        name = f"draft-{i:02d}" if draft else f"post-{i:02d}"
        title = f"초안 글 {i:02d}" if draft else f"코퍼스 글 {i:02d}"
        project.article(
            f"{folder}{name}.md",
            title,
            date=date,
            tags=in_body,
            draft=draft,
            extra=f"tags: {json.dumps(in_front, ensure_ascii=False)}" if in_front else "",
        )
        docs.append(Doc(f"{folder}{name}.md", f"{folder}{name}/", title, when, set(concepts), draft))
    return docs


@dataclass
class Site:
    built: Built
    docs: list[Doc]
    _soups: dict[Path, BeautifulSoup] = field(default_factory=dict)

    def html(self, page_url: str) -> BeautifulSoup:
        """The parsed page, parsed once."""
        path = self.built.path(page_url)
        if path not in self._soups:
            self._soups[path] = self.built.html(page_url)
        return self._soups[path]

    @property
    def listed(self) -> list[Doc]:
        """Non-draft articles, newest first."""
        return sorted((d for d in self.docs if not d.draft), key=lambda d: d.when, reverse=True)

    @property
    def drafts(self) -> list[Doc]:
        return [d for d in self.docs if d.draft]

    def cards(self, page_url: str, scope: str = "") -> list[str]:
        """Site-relative URLs of the article cards on a page, in page order."""
        soup = self.html(page_url)
        links = soup.select(f"{scope} ol.jisik-cards a.jisik-card__title".strip())
        return [self.built.follow(page_url, a["href"]) for a in links]

    def tag_index(self) -> list[tuple[str, str, int]]:
        """(name, tag page URL, count shown) for every tag on the all-tags page."""
        soup = self.html("tags/")
        rows = []
        for count in soup.select("span.jisik-count"):
            link = count.find_previous_sibling("a")
            assert link is not None, count
            name = " ".join(link.get_text().split())
            rows.append((name, self.built.follow("tags/", link["href"]), int(count.get_text().strip())))
        return rows


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    # The `project` fixture is function-scoped; the corpus is built once for the whole module with the
    # same SiteProject class, to keep the file fast.
    project = SiteProject(tmp_path_factory.mktemp("corpus") / "project")
    docs = generate(project)
    built = project.build(strict=True)
    return Site(built, docs)


def test_build_is_clean(site: Site) -> None:
    assert site.built.warnings == []
    assert site.built.path("tags/").is_file()
    assert site.built.path("index.html").is_file()


def test_every_tag_with_a_listed_article_has_exactly_one_page(site: Site) -> None:
    rows = site.tag_index()
    concepts = Counter(concept_of(name) for name, _, _ in rows)
    duplicated = {c: n for c, n in concepts.items() if n > 1}
    assert not duplicated, f"one tag split over several pages: {duplicated}"
    used = {c for d in site.listed for c in d.concepts}
    assert set(concepts) == used
    assert DRAFT_ONLY not in concepts
    urls = [url for _, url, _ in rows]
    assert len(set(urls)) == len(urls), "two tags share a URL"
    for url in urls:
        assert site.built.path(url).is_file(), url


def test_tag_pages_list_their_articles_once_newest_first(site: Site) -> None:
    by_url = {d.url: d for d in site.docs}
    for name, url, _count in site.tag_index():
        concept = concept_of(name)
        shown = site.cards(url)
        assert len(shown) == len(set(shown)), f"{name}: an article is listed twice"
        expected = [d.url for d in site.listed if concept in d.concepts]
        assert sorted(shown) == sorted(expected), f"{name}: wrong articles"
        assert shown == expected, f"{name}: not newest first"
        assert [by_url[u].when for u in shown] == sorted((by_url[u].when for u in shown), reverse=True)


def test_counts_on_the_all_tags_page_match_the_tag_pages(site: Site) -> None:
    for name, url, count in site.tag_index():
        assert count == len(site.cards(url)), name


def test_tag_page_of_each_article_tag_lists_it(site: Site) -> None:
    pages = {concept_of(name): url for name, url, _ in site.tag_index()}
    for doc in site.listed:
        for concept in doc.concepts:
            assert site.cards(pages[concept]).count(doc.url) == 1, (doc.path, concept)


def test_article_chips_link_to_the_pages_of_its_tags(site: Site) -> None:
    pages = {concept_of(name): url for name, url, _ in site.tag_index()}
    for doc in site.listed:
        soup = site.html(doc.url)
        chips = soup.select("a.jisik-tag")
        linked = {site.built.follow(doc.url, a["href"]) for a in chips}
        assert linked == {pages[c] for c in doc.concepts}, doc.path


def _paged_cards(site: Site, first: str) -> tuple[list[str], int]:
    """Cards of a paginated list, following its "다음" links to the end; and the number of pages."""
    shown: list[str] = []
    url: str | None = first
    pages = 0
    while url is not None:
        pages += 1
        shown += site.cards(url)
        following = site.html(url).select_one("nav.jisik-pager a[rel=next]")
        url = site.built.follow(url, following["href"]) if following else None
        assert pages < 100
    return shown, pages


def test_home_and_archive_pages_list_every_article_once_newest_first(site: Site) -> None:
    shown, pages = _paged_cards(site, "")
    assert len(shown) == len(set(shown))
    assert shown == [d.url for d in site.listed]
    assert pages == -(-len(site.listed) // 20)  # 20 a page by default
    archived, _ = _paged_cards(site, "archive/")
    assert archived == [d.url for d in site.listed]


def _page_url(site_dir: Path, file: Path) -> str:
    relative = file.relative_to(site_dir).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def test_no_draft_appears_anywhere(site: Site) -> None:
    site_dir = site.built.site_dir
    draft_urls = {d.url for d in site.drafts}
    draft_titles = {d.title for d in site.drafts}
    own_pages = {site.built.path(d.url) for d in site.drafts}
    for file in site_dir.rglob("*.html"):
        if file in own_pages:
            continue
        page = _page_url(site_dir, file)
        soup = site.html(page)
        text = soup.get_text(" ")
        for title in draft_titles:
            assert title not in text, (page, title)
        for a in soup.find_all("a", href=True):
            parts = urlsplit(a["href"])
            if parts.scheme or parts.netloc:
                continue
            target = unquote(urljoin("http://site/" + page, a["href"]).split("#")[0])
            assert target[len("http://site/") :] not in draft_urls, (page, a["href"])
    for extra in ("search/search_index.json", "sitemap.xml"):
        path = site_dir / extra
        if path.exists():
            content = path.read_text(encoding="utf-8")
            for doc in site.drafts:
                assert doc.title not in content, (extra, doc.title)
                assert doc.url not in content, (extra, doc.url)
    tag_dirs = [p.name for p in (site_dir / "tags").iterdir()]
    assert not [n for n in tag_dirs if unicodedata.normalize("NFC", n) == DRAFT_ONLY], tag_dirs
