"""`use_directory_urls: false` (pages at `x.html`, tag pages at `tags/ai/index.html`): the build ends,
every link jisik writes leads to a file, and every tag's feeds sit in its page's folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest

from support import Built, SiteProject

SITE = "https://example.org/kb/"


def _site(project: SiteProject, directory_urls: bool) -> Built:
    project.config["use_directory_urls"] = directory_urls
    project.plugin_options = {
        "hashtags": {"per_page": 1},
        "home": {"per_page": 1},
        "archive": {"per_page": 1},
    }
    project.write("index.md", "# 홈\n\n첫 페이지입니다.\n")
    project.article("articles/a.md", "첫 글", date="2026-11-01", tags=["AI", "인공지능윤리"])
    project.article("articles/b.md", "둘째 글", date="2026-11-02", tags=["AI", "C++"])
    project.article(
        "articles/c.md",
        "셋째 글",
        date="2026-10-03",
        tags=["AI"],
        body="본문.\n\n출처: https://example.com/x",
    )
    project.write_config()
    return project.build(strict=True)


def _local(built: Built, page: str, href: str) -> str | None:
    """A link on `page` as a site-relative URL (None: another site)."""
    if href.startswith(SITE):
        return href[len(SITE) :]
    if "://" in href or href.startswith(("#", "mailto:")):
        return None
    return built.follow(page, href)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_every_link_and_feed_of_jisik_leads_to_a_file(project: SiteProject, directory_urls: bool) -> None:
    built = _site(project, directory_urls)
    suffix = "/" if directory_urls else ".html"
    index = "tags/" if directory_urls else "tags/index.html"
    tag_pages = {
        built.follow(index, a["href"])
        for a in built.html(index).select("article a[href]")
        if "#" not in a["href"]
    }
    assert len(tag_pages) == 3, tag_pages

    pages = ["" if directory_urls else "index.html", index]
    pages += [
        "archive/" if directory_urls else "archive/index.html",
        "sources/" if directory_urls else "sources/index.html",
    ]
    pages += [f"articles/{name}{suffix}" for name in "abc"] + sorted(tag_pages)
    for page in pages:
        html = built.html(page)
        for element in html.select("article a[href], head link[rel=alternate][href]"):
            url = _local(built, page, element["href"])
            if url is not None:
                assert built.path(url).is_file(), f"{page}: {element['href']} leads nowhere"

    for page in tag_pages:
        html = built.html(page)
        rss = [
            link["href"]
            for link in html.select('head link[rel="alternate"][type="application/rss+xml"]')
            if link["href"] != SITE + "feed.xml"
        ]
        assert len(rss) == 1, (page, rss)
        folder = page.rsplit("/", 1)[0] + "/"
        assert rss[0] == SITE + folder + "feed.xml"  # the feed is in the tag page's folder
        feed = feedparser.parse(built.path(folder + "feed.xml").read_bytes())
        assert not feed.bozo and feed.feed.link == SITE + page
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [rss[0]]
        for entry in feed.entries:
            assert built.path(entry.link[len(SITE) :]).is_file()
        assert built.path(folder + "feed.json").is_file()
        # the feed link shown on the tag page is the same file
        shown = {built.follow(page, a["href"]) for a in html.select("article a[href$='feed.xml']")}
        assert shown <= {folder + "feed.xml"}
    written = {p.relative_to(built.site_dir).as_posix() for p in Path(built.site_dir).rglob("feed.xml")}
    assert written == {"feed.xml"} | {unquote(page.rsplit("/", 1)[0]) + "/feed.xml" for page in tag_pages}
