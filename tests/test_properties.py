"""Nothing is lost: random corpora, built for real, read back from the pages and feeds.

Hypothesis draws small corpora (3–15 articles) with dates that often tie, undated articles, drafts,
tags in several spellings (case, NFD Hangul, full-width) in front matter and on the hashtag line,
sources on a few domains (and unsafe ones), and small page sizes and feed lengths, so that lists break
over pages and feeds cut. Every non-draft article must then appear exactly once on each of its tag pages,
in each of its tag feeds (within the feed length), on the home and archive pages, and under each domain
it cites in the sources index; every count shown must equal what is listed; drafts appear nowhere.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from support import Built, SiteProject

SITE = "https://example.org/kb/"
SEOUL = ZoneInfo("Asia/Seoul")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# One concept per tag; every spelling of a concept is the same tag.
CONCEPTS: dict[str, list[str]] = {
    "인공지능": ["인공지능", nfd("인공지능")],
    "번아웃": ["번아웃", nfd("번아웃")],
    "openai": ["OpenAI", "openai", "ＯｐｅｎＡＩ"],
    "c#": ["C#", "c#", "Ｃ#"],
    "c++": ["C++"],
    "c": ["C", "c"],
    "r&d": ["R&D", "r&d"],
    "it트렌드": ["IT트렌드", "ｉｔ트렌드", nfd("it트렌드")],
}
SOURCES = [
    "https://a.example/x",
    "https://a.example/y",
    "https://www.b.example/z",
    "http://c.example/",
    "javascript:alert(1)",
]
DAYS = [
    dt.date(2026, 1, 5),
    dt.date(2026, 1, 5),
    dt.date(2026, 2, 1),
    dt.date(2026, 3, 9),
    dt.date(2025, 12, 31),
]


def concept_of(name: str) -> str:
    key = unicodedata.normalize("NFKC", name).lstrip("#").casefold()
    for concept, spellings in CONCEPTS.items():
        if key in {unicodedata.normalize("NFKC", s).casefold() for s in spellings}:
            return concept
    raise AssertionError(f"tag {name!r} is none of the corpus' tags")


def domain_of(url: str) -> str | None:
    if not url.startswith(("http://", "https://")):
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Doc:
    url: str
    when: dt.datetime | None
    concepts: frozenset[str]
    domains: frozenset[str]
    draft: bool


@dataclass(frozen=True)
class Spec:
    """One generated article."""

    day: dt.date | None
    time: tuple[int, int, dt.tzinfo] | None
    concepts: list[str]
    spellings: list[str]
    in_front: list[bool]
    sources: list[str]
    sources_in_front: bool
    draft: bool
    title: str


@st.composite
def article_specs(draw: st.DrawFn) -> Spec:
    concepts = draw(st.lists(st.sampled_from(sorted(CONCEPTS)), max_size=4, unique=True))
    spellings = [draw(st.sampled_from(CONCEPTS[c])) for c in concepts]
    if concepts and draw(st.booleans()):
        spellings.append(draw(st.sampled_from(CONCEPTS[concepts[0]])))  # the same tag, written twice
    return Spec(
        day=draw(st.none() | st.sampled_from(DAYS)),
        time=draw(st.none() | st.sampled_from([(9, 30, SEOUL), (0, 30, dt.timezone.utc), (23, 59, SEOUL)])),
        concepts=concepts,
        spellings=spellings,
        in_front=[draw(st.booleans()) for _ in spellings],
        sources=draw(st.lists(st.sampled_from(SOURCES), max_size=3)),
        sources_in_front=draw(st.booleans()),
        draft=draw(st.integers(0, 3)) == 0,
        title=draw(st.sampled_from(["같은 제목", "R&D <정리>", '따옴표 "글"', "글"])),
    )


Options = dict[str, dict[str, object]]


@st.composite
def corpora(draw: st.DrawFn) -> tuple[list[Spec], Options]:
    specs = draw(st.lists(article_specs(), min_size=3, max_size=15))
    options: Options = {
        "articles": {"git_dates": False},
        "hashtags": {"per_page": draw(st.sampled_from([1, 2, 100]))},
        "home": {"per_page": draw(st.sampled_from([1, 3, 20]))},
        "archive": {"per_page": draw(st.sampled_from([2, 100]))},
        "feeds": {"length": draw(st.sampled_from([0, 1, 2, 20]))},
    }
    return specs, options


def write_corpus(project: SiteProject, specs: list[Spec]) -> list[Doc]:
    docs = []
    for number, spec in enumerate(specs):
        front: list[str] = []
        when = None
        if spec.day is not None and spec.time is None:
            front.append(f"date: {spec.day.isoformat()}")
            when = dt.datetime(spec.day.year, spec.day.month, spec.day.day, tzinfo=SEOUL)
        elif spec.day is not None and spec.time is not None:
            hour, minute, zone = spec.time
            when = dt.datetime(spec.day.year, spec.day.month, spec.day.day, hour, minute, tzinfo=zone)
            front.append(f"date: {when.isoformat()}")
        if spec.draft:
            front.append("draft: true")
        in_front = [s for s, f in zip(spec.spellings, spec.in_front, strict=True) if f]
        on_line = [s for s, f in zip(spec.spellings, spec.in_front, strict=True) if not f]
        if in_front:
            front.append(f"tags: {json.dumps(in_front, ensure_ascii=False)}")
        if spec.sources and spec.sources_in_front:
            front.append(f"sources: {json.dumps(spec.sources)}")
        lines = "" if spec.sources_in_front else "".join(f"출처: {url}\n" for url in spec.sources)
        body = f"# {spec.title}\n\n{number}번째 글의 요약 문단입니다.\n\n{lines}\n"
        head = "---\n" + "\n".join(front) + "\n---\n\n" if front else ""
        project.write(f"articles/a{number:02d}.md", head + body + " ".join(f"#{s}" for s in on_line) + "\n")
        domains = frozenset(d for url in spec.sources if (d := domain_of(url)))
        docs.append(Doc(f"articles/a{number:02d}/", when, frozenset(spec.concepts), domains, spec.draft))
    return docs


class Reader:
    """The built site read back: pages parsed once, paged lists followed to their end."""

    def __init__(self, built: Built) -> None:
        self.built = built
        self._soups: dict[Path, BeautifulSoup] = {}

    def html(self, url: str) -> BeautifulSoup:
        path = self.built.path(url)
        if path not in self._soups:
            self._soups[path] = self.built.html(url)
        return self._soups[path]

    def cards(self, url: str, scope: str = "") -> list[str]:
        links = self.html(url).select(f"{scope} a.jisik-card__title".strip())
        return [self.built.follow(url, a["href"]) for a in links]

    def paged(self, first: str) -> tuple[list[str], list[str]]:
        """Every card of a list over all its pages, and the URLs of those pages."""
        shown: list[str] = []
        pages: list[str] = []
        url: str | None = first
        while url is not None:
            assert url not in pages, f"the pager of {first} loops"
            pages.append(url)
            shown += self.cards(url, "ol.jisik-cards")
            following = self.html(url).select_one("nav.jisik-pager a[rel=next]")
            url = self.built.follow(url, following["href"]) if following else None
        return shown, pages

    def feed(self, url: str) -> list[tuple[str, dt.datetime]]:
        tree = etree.fromstring(self.built.path(url).read_bytes())
        items = []
        for item in tree.iter("item"):
            link = item.findtext("link") or ""
            assert link.startswith(SITE), link
            items.append((unquote(link[len(SITE) :]), parsedate_to_datetime(item.findtext("pubDate") or "")))
        return items


def newest_first(docs: list[Doc]) -> list[Doc]:
    """Dated articles newest first, then undated ones (ties in any order)."""
    return sorted(docs, key=lambda d: (d.when is None, -(d.when.timestamp() if d.when else 0)))


def check_feed(reader: Reader, url: str, expected: list[Doc], length: int) -> None:
    """The feed holds the newest `length` of `expected` (ties at the cut either way), each once."""
    items = reader.feed(url)
    links = [link for link, _ in items]
    assert len(links) == len(set(links)), f"{url}: an item twice"
    dated = [d for d in expected if d.when is not None]
    assert len(links) == (len(dated) if length <= 0 else min(length, len(dated))), url
    by_url = {d.url: d for d in dated}
    assert set(links) <= set(by_url), f"{url}: items that do not belong: {set(links) - set(by_url)}"
    if links:
        oldest = min(by_url[link].when for link in links)  # type: ignore[type-var]
        newer = {d.url for d in dated if d.when > oldest}  # type: ignore[operator]
        assert newer <= set(links), f"{url}: newer articles left out: {newer - set(links)}"
    for link, published in items:
        assert published == by_url[link].when, link
    json_feed = json.loads(
        reader.built.path(url.replace("feed.xml", "feed.json")).read_text(encoding="utf-8")
    )
    assert [unquote(i["url"][len(SITE) :]) for i in json_feed["items"]] == links


def check_site(built: Built, docs: list[Doc], options: Options) -> None:
    reader = Reader(built)
    listed = [d for d in docs if not d.draft]
    ordered = newest_first(listed)
    length = int(options["feeds"]["length"])  # type: ignore[call-overload]

    # drafts are not published (and so linked from nowhere: every card below is a listed article)
    for doc in docs:
        assert built.path(doc.url).is_file() == (not doc.draft), doc.url

    # home and archive: every listed article once, newest first
    for first in ("", "archive/"):
        shown, _pages = reader.paged(first)
        assert sorted(shown) == sorted(d.url for d in listed), first
        when = {d.url: d for d in listed}
        assert [when[u].when is None for u in shown] == [d.when is None for d in ordered], first
        stamps = [when[u].when.timestamp() for u in shown if when[u].when]  # type: ignore[union-attr]
        assert stamps == sorted(stamps, reverse=True), first
    total = reader.html("archive/").select_one(".jisik-archive__meta strong")
    assert total is not None and int(total.get_text()) == len(listed)

    # the all-tags page: one entry per concept of a listed article, with the count its page lists
    index = reader.html("tags/")
    entries = [(a.get_text(), a.find_next_sibling("span")) for a in index.select("a.jisik-tag")]
    concepts = Counter(concept_of(name) for name, _ in entries)
    expected_concepts = {c for d in listed for c in d.concepts}
    assert set(concepts) == expected_concepts and all(n == 1 for n in concepts.values()), concepts
    shown_total = index.select_one(".jisik-tag-index__meta strong")
    assert shown_total is not None and int(shown_total.get_text()) == len(expected_concepts)
    for link in index.select("a.jisik-tag"):
        concept = concept_of(link.get_text())
        page = built.follow("tags/", link["href"])
        shown, pages = reader.paged(page)
        members = [d for d in listed if concept in d.concepts]
        assert sorted(shown) == sorted(d.url for d in members), concept
        count = link.find_next_sibling("span", class_="jisik-count")
        assert count is not None and int(count.get_text()) == len(members), concept
        for url in pages:
            on_page = reader.html(url).select_one(".jisik-tag-page__meta .jisik-count")
            assert on_page is not None and int(on_page.get_text()) == len(members), url
        check_feed(reader, page + "feed.xml", members, length)

    # the site feed
    check_feed(reader, "feed.xml", listed, length)

    # chips: each listed article links each of its tags once
    for doc in listed:
        chips = [concept_of(a.get_text()) for a in reader.html(doc.url).select("nav.jisik-tags a.jisik-tag")]
        assert sorted(chips) == sorted(doc.concepts), doc.url

    # the sources index: each http(s) domain, each citing article once, counts as listed
    soup = reader.html("sources/")
    sections = soup.select("section.jisik-source-domain")
    domains = {d for doc in listed for d in doc.domains}
    names = [section.select_one("h2").contents[0].strip() for section in sections]
    assert sorted(names) == sorted(domains)
    meta = soup.select_one(".jisik-source-index__meta strong")
    assert meta is not None and int(meta.get_text()) == len(domains)
    for name, section in zip(names, sections, strict=True):
        cited = [built.follow("sources/", a["href"]) for a in section.select("a.jisik-card__title")]
        assert sorted(cited) == sorted(d.url for d in listed if name in d.domains), name
        assert int(section.select_one("h2 .jisik-count").get_text()) == len(cited), name
        for url in section.select("ul.jisik-source-urls a"):
            assert domain_of(url["href"]) == name, url["href"]


def _spec(day: int | None, concepts: list[str], *, draft: bool = False, sources: int = 1) -> Spec:
    """A hand-written article for the explicit examples: `day` indexes DAYS (0 and 1 tie)."""
    spellings = [CONCEPTS[c][-1] for c in concepts]
    return Spec(
        day=None if day is None else DAYS[day],
        time=None,
        concepts=concepts,
        spellings=spellings,
        in_front=[n % 2 == 0 for n in range(len(spellings))],
        sources=SOURCES[:sources],
        sources_in_front=draft,
        draft=draft,
        title="같은 제목",
    )


EXPLICIT = [
    _spec(0, ["c", "c#", "c++"], sources=3),
    _spec(1, ["c", "openai"], sources=5),
    _spec(2, ["c", "인공지능"], draft=True),
    _spec(None, ["c", "번아웃"], sources=0),
    _spec(3, ["c"], sources=2),
    _spec(4, ["c", "r&d"]),
]


def _options(per_page: int, length: int) -> Options:
    return {
        "articles": {"git_dates": False},
        "hashtags": {"per_page": per_page},
        "home": {"per_page": per_page},
        "archive": {"per_page": per_page},
        "feeds": {"length": length},
    }


# Shrinking rebuilds a site per step (minutes); the corpora are small enough to read unshrunk.
@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(corpora())
@example((EXPLICIT, _options(1, 0)))  # one article a page, feeds of every article
@example((EXPLICIT, _options(2, 2)))  # the cut falls between two articles of the same date
def test_nothing_is_lost(corpus: tuple[list[Spec], Options]) -> None:
    specs, options = corpus
    with tempfile.TemporaryDirectory(prefix="jisik-property-") as folder:
        project = SiteProject(Path(folder) / "project")
        project.plugin_options = options
        docs = write_corpus(project, specs)
        built = project.build()
        check_site(built, docs, options)
