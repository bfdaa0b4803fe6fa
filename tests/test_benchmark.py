"""scripts/benchmark.py measures what it says: the peer really is a blog with tags and feeds, the git
counter counts jisik's git processes, and serve's no-op rebuild is seen in serve's own build folder.
(No timing is asserted here: speed is measured only by the benchmark itself.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import benchmark


def test_the_peer_builds_category_pages_a_tags_page_and_feeds(tmp_path: Path) -> None:
    site = benchmark.make_peer(tmp_path, 30)
    posts = sorted((site / "docs" / "blog" / "posts").glob("*.md"))
    text = posts[0].read_text(encoding="utf-8")
    assert text.count("<!-- more -->") == 1 and "categories:\n" in text and "tags:\n" in text
    benchmark.build_once(site)
    found = benchmark.check_peer(site, 30)
    assert found["category_pages"] == found["categories_used"] >= 10
    assert found["rss_items"] == found["json_items"] == 20  # the plugin's default length
    feed = json.loads((site / "site" / "feed_json_created.json").read_text(encoding="utf-8"))
    titles = {item["title"] for item in feed["items"]}
    assert any(title.startswith("글 ") for title in titles)  # the posts, not an empty shell
    tags_page = (site / "site" / "tags" / "index.html").read_text(encoding="utf-8")
    for tag in benchmark.COMMON_TAGS:
        assert tag in tags_page


def test_an_empty_peer_is_refused(tmp_path: Path) -> None:
    site = benchmark.make_peer(tmp_path, 3)
    (site / "mkdocs.yml").write_text(
        benchmark.peer_config_text().split("  - blog:")[0], encoding="utf-8"
    )  # search only: no blog, no tags, no feeds
    benchmark.build_once(site)
    with pytest.raises((RuntimeError, FileNotFoundError)):
        benchmark.check_peer(site, 3)


def test_git_calls_are_counted_per_build(tmp_path: Path) -> None:
    site = benchmark.make_site(tmp_path, 60, True, False, "jisik")  # articles 49 and beyond: undated
    env = benchmark._env(tmp_path, tmp_path / "git.log")
    first = benchmark.build_once(site, env)
    second = benchmark.build_once(site, env)
    assert first["git_calls"] == second["git_calls"] == 1  # jisik's one `git log` for the undated ones
    assert first["cpu_s"] > 0 and first["user_s"] > 0
    undated = site / "docs" / "articles" / "a00049.md"
    assert not undated.read_text(encoding="utf-8").startswith("---")
    page = (site / "site" / "articles" / "a00049" / "index.html").read_text(encoding="utf-8")
    assert "2026년 11월 27일" in page  # the date of the corpus's one commit, from git


def test_the_links_corpus_links_every_article_to_earlier_ones_and_none_is_broken(tmp_path: Path) -> None:
    """`--links` prices real links: each article from the sixth on reaches four earlier ones (by title,
    with its own text, by file name), every link resolves, and the site with wikilinks off has none."""
    from bs4 import BeautifulSoup

    on = benchmark.make_site(tmp_path, 30, True, False, "on", links=True)
    off = benchmark.make_site(tmp_path, 30, True, False, "off", links=True, without="wikilinks")
    for site in (on, off):
        built = benchmark.build_once(site)
        assert built["cpu_s"] > 0
    log = (on / "build.log") if (on / "build.log").exists() else None
    assert log is None or "없는 글" not in log.read_text(encoding="utf-8")
    page = BeautifulSoup(
        (on / "site" / "articles" / "a00020" / "index.html").read_text("utf-8"), "html.parser"
    )
    hrefs = {a["href"] for a in page.select("article a[href]")}
    for target in ("a00019", "a00017", "a00010", "a00015"):
        assert f"../{target}/" in hrefs, (target, sorted(hrefs))
    assert "없는 글" not in page.get_text() and "여러 글" not in page.get_text()
    backlinks = BeautifulSoup(
        (on / "site" / "articles" / "a00010" / "index.html").read_text("utf-8"), "html.parser"
    ).select(".jisik-backlinks a")
    assert len(backlinks) >= 2
    plain = BeautifulSoup(
        (off / "site" / "articles" / "a00020" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert "[[" in plain.get_text() and not plain.select(".jisik-backlinks")
