"""Feeds read back as readers read them: lxml, feedparser, JSON, and newsboat against a served site."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from support import Built, SiteProject, free_port, serve

SITE = "https://example.org/kb/"
REAL_URL = "articles/2026-11-27-ai-burnout/"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201e221bc330000000049454e44ae426082"
)


def _corpus(project: SiteProject) -> None:
    project.copy_real_article()
    project.write(
        "articles/rnd.md",
        """
        ---
        date: 2026-11-20T09:30:00+09:00
        ---

        # 연구개발 & <보안> "정리"

        R&D 예산과 C++ 보안 이야기입니다. <b>굵은</b> 척하는 글자와 \x07 제어 문자.

        A robot arm assembling a chip in a clean room, cinematic lighting, 16:9

        출처: https://example.com/r?a=1&b=2

        #R&D #C++ #보안
        """,
    )
    project.write(
        "articles/csharp.md",
        "---\ndate: 2026-11-21 08:00\nupdated: 2026-11-25\n---\n\n# C# 입문\n\nC#과 C 이야기.\n\n"
        "#C# #C #보안\n",
    )
    project.write(
        "articles/draft.md", "---\ndate: 2026-11-26\ndraft: true\n---\n\n# 초안 글\n\n비밀.\n\n#보안\n"
    )
    project.write("articles/undated.md", "# 날짜 없는 글\n\n날짜가 없습니다.\n\n#보안\n")
    project.tree({"assets/prompts/rnd-1.png": PNG})


@pytest.fixture(scope="module")
def feeds_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = SiteProject(tmp_path_factory.mktemp("feeds") / "project")
    _corpus(project)
    return project.build()


def _feeds(built: Built) -> list[Path]:
    found = sorted(built.site_dir.rglob("feed.xml"))
    assert found
    return found


def _site_url(built: Built, path: Path) -> str:
    return SITE + "/".join(path.relative_to(built.site_dir).parts)


def test_every_feed_is_valid_for_lxml_and_feedparser(feeds_site: Built) -> None:
    feeds = _feeds(feeds_site)
    assert len(feeds) == 1 + 10 + 5  # the site's, the real article's 10 tags, R&D C++ 보안 C# C
    for path in feeds:
        data = path.read_bytes()
        tree = etree.fromstring(data)  # well-formed XML
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "rss20"
        channel = tree.find("channel")
        assert channel.findtext("language") == "ko"
        assert channel.findtext("title") and channel.findtext("description")
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        assert self_link.get("rel") == "self"
        assert unquote(self_link.get("href")) == unquote(_site_url(feeds_site, path))
        texts = [t.strip() for t in tree.itertext()]
        assert "None" not in texts and "null" not in texts
        guids = [item.findtext("guid") for item in channel.findall("item")]
        assert len(guids) == len(set(guids)) and guids
        dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in channel.findall("item")]
        assert all(d.tzinfo is not None for d in dates)
        assert dates == sorted(dates, reverse=True)
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")) >= max(dates)
        for element in tree.iter():
            for attribute in ("href", "url"):
                if element.get(attribute):
                    assert element.get(attribute).startswith("https://example.org/kb/"), element.get(
                        attribute
                    )
        for link in [channel.findtext("link"), *(item.findtext("link") for item in channel.findall("item"))]:
            assert link.startswith(SITE)
        for item in channel.findall("item"):
            content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
            if path.parent != feeds_site.site_dir:
                assert content is None  # tag feeds carry summaries only (full_content: site)
                continue
            soup = BeautifulSoup(content, "lxml")
            for tag in soup.select("[href], [src]"):
                value = tag.get("href") or tag.get("src")
                assert value.startswith(("https://", "http://", "#", "mailto:")), value


def test_dates_keep_their_time_zone(feeds_site: Built) -> None:
    tree = etree.parse(str(feeds_site.site_dir / "feed.xml"))
    dates = {i.findtext("title"): i.findtext("pubDate") for i in tree.iter("item")}
    assert dates["AI 번아웃 거물 인재들이 이탈하는 3가지 이유"] == "Fri, 27 Nov 2026 00:00:00 +0900"
    assert dates["C# 입문"] == "Sat, 21 Nov 2026 08:00:00 +0900"
    assert parsedate_to_datetime(dates["C# 입문"]) == dt.datetime(2026, 11, 20, 23, 0, tzinfo=dt.timezone.utc)


def test_drafts_and_undated_articles_never_appear(feeds_site: Built) -> None:
    for path in _feeds(feeds_site):
        text = path.read_text(encoding="utf-8")
        assert "초안 글" not in text and "날짜 없는 글" not in text
    for path in feeds_site.site_dir.rglob("feed.json"):
        assert "초안 글" not in path.read_text(encoding="utf-8")


def test_an_article_is_in_each_of_its_tag_feeds(feeds_site: Built) -> None:
    page = feeds_site.html("articles/rnd/")
    chips = page.select("nav.jisik-tags a.jisik-tag")
    assert [c.get_text() for c in chips] == ["#R&D", "#C++", "#보안"]
    feeds = set()
    for chip in chips:
        tag_url = feeds_site.follow("articles/rnd/", chip["href"])
        subscribe = feeds_site.html(tag_url).select_one("a.jisik-subscribe")
        feed_url = feeds_site.follow(tag_url, subscribe["href"])
        feeds.add(feed_url)
        parsed = feedparser.parse(feeds_site.path(feed_url).read_bytes())
        links = [entry.link for entry in parsed.entries]
        assert links.count(SITE + "articles/rnd/") == 1
        item = next(e for e in parsed.entries if e.link == SITE + "articles/rnd/")
        assert item.title == '연구개발 & <보안> "정리"'
        assert sorted(t.term for t in item.tags) == sorted(["R&D", "C++", "보안"])
    assert len(feeds) == 3


def test_descriptions_are_plain_summaries_without_prompts(feeds_site: Built) -> None:
    parsed = feedparser.parse((feeds_site.site_dir / "feed.xml").read_bytes())
    rnd = next(e for e in parsed.entries if e.link.endswith("articles/rnd/"))
    raw = etree.parse(str(feeds_site.site_dir / "feed.xml"))
    description = next(
        i.findtext("description") for i in raw.iter("item") if i.findtext("link").endswith("rnd/")
    )
    # Readers render `description` as HTML: the plain summary is written as HTML text.
    assert description == "R&amp;D 예산과 C++ 보안 이야기입니다. 굵은 척하는 글자와 제어 문자."
    assert BeautifulSoup(description, "html.parser").get_text() == description.replace("&amp;", "&")
    assert "robot arm" not in description
    assert rnd.enclosures[0].href == SITE + "assets/prompts/rnd-1.png"
    assert rnd.enclosures[0].length == str(len(PNG)) and rnd.enclosures[0].type == "image/png"
    content = rnd.content[0].value
    assert 'href="https://example.com/r?a=1&amp;b=2"' in content  # the 출처 section is included
    assert "jisik-copy" not in content


def test_json_feeds_are_json_feed_1_1(feeds_site: Built) -> None:
    paths = sorted(feeds_site.site_dir.rglob("feed.json"))
    assert len(paths) == len(_feeds(feeds_site))
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["feed_url"].startswith(SITE) and data["home_page_url"].startswith(SITE)
        ids = [item["id"] for item in data["items"]]
        assert len(ids) == len(set(ids))
        for item in data["items"]:
            dt.datetime.fromisoformat(item["date_published"])
            assert item["url"].startswith(SITE)


def test_every_page_links_the_site_feed_and_tag_pages_their_own(feeds_site: Built) -> None:
    article = feeds_site.html(REAL_URL)
    links = article.select('head link[rel="alternate"][type="application/rss+xml"]')
    assert [link["href"] for link in links] == [SITE + "feed.xml"]
    assert feeds_site.path(links[0]["href"][len(SITE) :]).is_file()
    tag_page = feeds_site.html("tags/%EB%B3%B4%EC%95%88/")
    hrefs = [
        link["href"] for link in tag_page.select('head link[rel="alternate"][type="application/rss+xml"]')
    ]
    assert hrefs == [SITE + "feed.xml", SITE + "tags/%EB%B3%B4%EC%95%88/feed.xml"]
    assert feeds_site.path(hrefs[1][len(SITE) :]).is_file()


def test_feed_length_keeps_the_newest(project: SiteProject) -> None:
    for day in range(1, 6):
        project.article(f"a{day}.md", f"글 {day}", date=f"2026-11-0{day}", tags=["공통"])
    project.plugin_options = {"feeds": {"length": 2, "json": False}}
    built = project.build(strict=True)
    titles = [e.title for e in feedparser.parse((built.site_dir / "feed.xml").read_bytes()).entries]
    assert titles == ["글 5", "글 4"]
    assert not list(built.site_dir.rglob("feed.json"))


def test_no_site_url_means_no_feed_and_a_warning(project: SiteProject) -> None:
    project.config.pop("site_url")
    project.article("a.md", "글", tags=["공통"])
    built = project.build()
    assert not (built.site_dir / "feed.xml").exists()
    assert any("site_url" in w for w in built.warnings)


def _newsboat(feed_url: str, home: Path) -> list[tuple[str, str, int]]:
    home.mkdir(parents=True, exist_ok=True)
    (home / "urls").write_text(feed_url + "\n", encoding="utf-8")
    (home / "config").write_text("", encoding="utf-8")
    cache = home / "cache.db"
    subprocess.run(
        [
            shutil.which("newsboat") or "newsboat",
            "-u",
            str(home / "urls"),
            "-c",
            str(cache),
            "-C",
            str(home / "config"),
            "-x",
            "reload",
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    with sqlite3.connect(cache) as db:
        return db.execute("SELECT title, url, pubDate FROM rss_item ORDER BY pubDate DESC").fetchall()


def test_newsboat_reads_the_site_feed_and_a_korean_tag_feed(project: SiteProject, tmp_path: Path) -> None:
    if shutil.which("newsboat") is None:
        pytest.fail("Debian's newsboat is not installed: run ./scripts/test, which installs it")
    _corpus(project)
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    project.config["site_url"] = root
    built = project.build()
    expected = {
        "feed.xml": ["C# 입문", '연구개발 & <보안> "정리"', "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"],
        "tags/%EB%B3%B4%EC%95%88/feed.xml": ["C# 입문", '연구개발 & <보안> "정리"'],
    }
    with serve(built.site_dir, port):
        for number, (feed, titles) in enumerate(expected.items()):
            items = _newsboat(root + feed, tmp_path / f"newsboat{number}")
            parsed = feedparser.parse(built.path(feed).read_bytes())
            assert [title for title, _url, _date in items] == sorted(
                titles,
                key=lambda t: (
                    -next(
                        dt.datetime(*e.published_parsed[:6]).timestamp()
                        for e in parsed.entries
                        if e.title == t
                    )
                ),
            )
            for title, url, stamp in items:
                entry = next(e for e in parsed.entries if e.title == title)
                assert url == entry.link and url.startswith(root)
                assert stamp == int(parsedate_to_datetime(entry.published).timestamp())
