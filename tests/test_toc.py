"""jisik's list pages (tags/, sources/, archive/) have real TOC headings: Material's TOC sidebar lists
them, and their ids name the group (ㄱ, a, 기타, the domain, the month), not its place on the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.toc import TableOfContents

from jisik.toc import Anchors
from support import Built, build_tree


def article(title: str, date: str, tags: str = "", sources: tuple[str, ...] = ()) -> str:
    front = f"date: {date}\n"
    if sources:
        front += "sources:\n" + "".join(f"  - {{url: {json.dumps(url)}}}\n" for url in sources)
    return f"---\n{front}---\n\n# {title}\n\n{title} 요약 문단입니다.\n\n{tags}\n"


def toc(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Material's TOC sidebar as (text, fragment) pairs; each fragment is checked to exist on the page."""
    links = soup.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    found = []
    for link in links:
        href = link["href"]
        assert href.startswith("#"), href
        ident = href[1:]
        assert soup.find(id=ident) is not None, f"the TOC links #{ident}, which is not on the page"
        found.append((" ".join(link.get_text().split()), ident))
    return found


def all_ids_unique(soup: BeautifulSoup) -> None:
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


SITE = {
    "docs/index.md": "# 홈\n",
    "docs/a.md": article("가나", "2026-11-27", "#개발 #나무 #AI #C#", ("https://techcrunch.com/a",)),
    "docs/b.md": article(
        "다라", "2026-10-02", "#라면 #ai", ("https://xn--3e0b707e.kr/b", "https://techcrunch.com/b")
    ),
    "docs/c.md": article("마바", "2025-01-05", "#2026년 #Zoo", ("https://www.boho.or.kr/",)),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_tree(tmp_path_factory.mktemp("toc"), SITE, strict=True)


def test_tag_index_initials_are_toc_entries_with_their_own_ids(site: Built) -> None:
    soup = site.html("tags/")
    assert toc(soup) == [
        ("ㄱ", "ㄱ"),
        ("ㄴ", "ㄴ"),
        ("ㄹ", "ㄹ"),
        ("A", "a"),
        ("C", "c"),
        ("Z", "z"),
        ("기타", "기타"),
    ]
    headings = [(h.get_text(), h["id"]) for h in soup.select(".jisik-tag-group h2")]
    assert headings == toc(soup)
    # the initials' jump links lead to the same headings
    jumps = [a["href"] for a in soup.select("nav.jisik-tag-index__jump a")]
    assert jumps == [f"#{ident}" for _, ident in toc(soup)]
    all_ids_unique(soup)


def test_sources_domains_are_toc_entries_named_by_domain(site: Built) -> None:
    soup = site.html("sources/")
    assert toc(soup) == [
        ("techcrunch.com", "techcrunchcom"),
        ("한국.kr", "한국kr"),
        ("boho.or.kr", "bohoorkr"),
    ]
    heading = soup.find(id="한국kr")
    assert heading.name == "h2" and heading.get_text(" ", strip=True).startswith("한국.kr")
    all_ids_unique(soup)


def test_archive_months_are_toc_entries(site: Built) -> None:
    soup = site.html("archive/")
    assert toc(soup) == [("2026년 11월", "2026-11"), ("2026년 10월", "2026-10"), ("2025년 1월", "2025-01")]
    all_ids_unique(soup)


def test_an_article_in_another_time_zone_is_under_the_month_it_shows(tmp_path: Path) -> None:
    """Articles are ordered by instant but shown on the date as written: `2026-11-30 20:00+00:00` is
    after `2026-12-01 03:00+09:00`, yet shows 11월 30일. Each month is one heading, every card under the
    month its date shows, and no id twice."""
    built = build_tree(
        tmp_path,
        {
            "docs/index.md": "# 홈\n",
            "docs/a.md": article("런던에서", "2026-11-30 20:00:00+00:00"),
            "docs/b.md": article("서울에서", "2026-12-01 03:00:00+09:00"),
            "docs/c.md": article("11월 초", "2026-11-02"),
            "docs/d.md": article("12월 말", "2026-12-20"),
        },
        strict=True,
    )
    soup = built.html("archive/")
    assert toc(soup) == [("2026년 12월", "2026-12"), ("2026년 11월", "2026-11")]
    all_ids_unique(soup)
    for month in ("2026-12", "2026-11"):
        section = soup.find(id=month).find_parent("section") or soup.find(id=month).parent
        shown = [time.get_text() for time in section.select("time")]
        assert shown and all(f"{int(month[5:])}월" in text for text in shown), (month, shown)


def test_ids_stay_when_other_groups_come_and_go(tmp_path: Path, site: Built) -> None:
    """A group's id is its name: adding groups before it (a ㄱ tag, a more cited domain, a newer month)
    or removing others leaves the ids of the rest as they were, so links to them keep working."""
    changed = dict(SITE)
    del changed["docs/c.md"]  # takes away Z, 기타, boho.or.kr and 2025년 1월
    changed["docs/d.md"] = article(
        "새 글",
        "2026-12-01",
        "#가방 #바다",
        ("https://new.example/", "https://new.example/2", "https://x.kr/"),
    )
    changed["docs/e.md"] = article("또 새 글", "2026-12-02", "#바다", ("https://new.example/3",))
    rebuilt = build_tree(tmp_path / "changed", changed, strict=True)
    for url in ("tags/", "sources/", "archive/"):
        before = dict(toc(site.html(url)))
        after = dict(toc(rebuilt.html(url)))
        kept = before.keys() & after.keys()
        assert kept and len(after) > len(kept), url
        assert {name: before[name] for name in kept} == {name: after[name] for name in kept}, url


HOSTILE = [
    'https://a"b.com/',
    "https://x<y>.com/",
    "https://a&b.com/x",
    "https://it's.com/",
    "https://ab.c.com/",  # both slug to `abccom`
    "https://a.bc.com/",
    "https://xn--3e0b707e.kr/",
    "https://xn--bcher-kva.example/",
    "https://a b.com/",
    "https://<>/",  # nothing of it is left in a slug
    "https://%3C%22.com/",
]


def test_hostile_domains_stay_text_and_get_valid_unique_ids(tmp_path: Path) -> None:
    files = {
        "docs/index.md": "# 홈\n",
        **{
            f"docs/a{number}.md": article(f"글 {number}", f"2026-11-{number + 1:02d}", "", (url,))
            for number, url in enumerate(HOSTILE)
        },
    }
    built = build_tree(tmp_path, files)
    soup = built.html("sources/")
    entries = toc(soup)
    names = [h.contents[0].strip() for h in soup.select(".jisik-source-domain h2")]
    assert sorted(text for text, _ in entries) == sorted(names)
    shown = {'a"b.com', "x<y>.com", "a&b.com", "it's.com", "한국.kr", "bücher.example", "a b.com", "<>"}
    assert shown <= set(names)
    ids = [ident for _, ident in entries]
    assert len(set(ids)) == len(ids)
    for ident in ids:
        assert ident and not any(c in ident for c in " \"'<>&"), ident
    assert {"abccom", "abccom_1", "한국kr", "bücherexample", "a-bcom", "domain"} <= set(ids)
    # the TOC shows each domain as text: `<y>` is not an element, `&` is not an entity
    raw = built.path("sources/").read_text(encoding="utf-8")
    assert "x&lt;y&gt;.com" in raw and "<y>" not in raw
    all_ids_unique(soup)


def test_a_writers_tag_page_keeps_its_headings_and_the_initials_avoid_its_ids(tmp_path: Path) -> None:
    """On the writer's own tags page the list comes below the text: the TOC lists the writer's headings
    first, then the initials; an initial whose id the writer's page already uses gets `_1`."""
    built = build_tree(
        tmp_path,
        {
            "docs/index.md": "# 홈\n",
            "docs/tags/index.md": """
                ---
                article: false
                ---

                # 태그 모음

                ## 안내

                글을 태그로 찾습니다.

                ## ㄱ

                직접 쓴 ㄱ 문단.
                """,
            "docs/a.md": article("가", "2026-11-27", "#개발 #Python"),
        },
        strict=True,
    )
    soup = built.html("tags/")
    assert toc(soup) == [("안내", "안내"), ("ㄱ", "ㄱ"), ("ㄱ", "ㄱ_1"), ("P", "p")]
    assert soup.find(id="ㄱ_1").find_parent(class_="jisik-tag-group") is not None
    all_ids_unique(soup)


def test_without_a_site_slugify_korean_ids_stay_korean(tmp_path: Path) -> None:
    """A site with Python-Markdown's default slugify (which drops Hangul) still gets `ㄱ`, not `_1`."""
    built = build_tree(
        tmp_path,
        {"docs/index.md": "# 홈\n", "docs/a.md": article("가", "2026-11-27", "#개발 #나무")},
        config={"markdown_extensions": ["toc", "attr_list"]},
        strict=True,
    )
    assert toc(built.html("tags/")) == [("ㄱ", "ㄱ"), ("ㄴ", "ㄴ")]


class _Page:
    """What `Anchors.ids` reads of a page: its HTML and its TOC."""

    def __init__(self, content: str = "") -> None:
        self.content = content
        self.toc = TableOfContents([])


names = st.lists(st.text(max_size=12), max_size=12, unique=True)


@given(names, names, st.sampled_from(["", '<h2 id="ㄱ">ㄱ</h2><p id="a">x</p>']))
def test_ids_are_unique_valid_and_stable_for_any_names(
    first: list[str], more: list[str], content: str
) -> None:
    anchors = Anchors()
    ids = anchors.ids(first, _Page(content), "group")  # type: ignore[arg-type]
    assert len(set(ids.values())) == len(ids) == len(first)
    for ident in ids.values():
        assert ident and not any(c.isspace() or c in "\"'<>&" for c in ident), ident
        assert ident not in ("ㄱ", "a") or not content
    # adding names leaves the id of every name whose slug no added name shares (or extends with `_…`)
    both = anchors.ids([*first, *[n for n in more if n not in first]], _Page(content), "group")  # type: ignore[arg-type]
    base = {name: anchors.ids([name], _Page(), "group")[name] for name in [*first, *more]}  # type: ignore[arg-type]
    for name in first:
        added = [base[other] for other in more if other not in first]
        if not any(slug == base[name] or slug.startswith(base[name] + "_") for slug in added):
            assert both[name] == ids[name], name
