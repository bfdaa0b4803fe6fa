"""What keeps a growing site fast: no articles in the nav, pagination, one git process, lean pages."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from support import SiteProject, text_of


def test_the_nav_has_no_articles_and_pages_do_not_grow(project: SiteProject, tmp_path: Path) -> None:
    project.write("index.md", "# 홈\n\n안녕하세요.\n")
    project.write("about.md", "---\narticle: false\n---\n\n# 소개\n\n소개 페이지.\n")  # not an article
    project.article("articles/x.md", "기준 글", tags=["혼자"], date="2026-01-01")
    # a newer article, so that the small site's page already links its 다음 글 (a fixed-size part)
    project.article("articles/y.md", "이웃 글", tags=["이웃"], date="2026-03-01")
    small = project.build(strict=True)
    small_size = small.path("articles/x/").stat().st_size
    nav = [
        a.get_text(" ", strip=True)
        for a in small.html("articles/x/").select("nav.md-nav--primary a.md-nav__link")
    ]
    assert [n for n in nav if n] == ["홈", "소개", "태그", "출처", "보관함"]
    for n in range(120):
        project.article(
            f"articles/n{n:03d}.md", f"다른 글 {n}", tags=["공통", f"t{n % 7}"], date="2026-02-01"
        )
    big = project.build(strict=True)
    page = big.html("articles/x/")
    links = {
        big.follow("articles/x/", a["href"])
        for a in page.select("nav.md-nav a[href]")
        if "#" not in a["href"]
    }
    assert not [link for link in links if link.startswith("articles/")]
    assert big.path("articles/x/").stat().st_size <= small_size * 1.02


def test_tag_pages_paginate_and_cover_every_article_once(project: SiteProject) -> None:
    for n in range(23):
        project.article(f"a{n:02d}.md", f"글 {n:02d}", tags=["많음"], date=f"2026-01-{n + 1:02d}")
    project.plugin_options = {"hashtags": {"per_page": 5}, "archive": {"per_page": 10}}
    built = project.build(strict=True)
    seen: list[str] = []
    url: str | None = "tags/%EB%A7%8E%EC%9D%8C/"
    pages = 0
    while url:
        pages += 1
        soup = built.html(url)
        seen += [built.follow(url, a["href"]) for a in soup.select("ol.jisik-cards a.jisik-card__title")]
        following = soup.select_one("nav.jisik-pager a[rel=next]")
        url = built.follow(url, following["href"]) if following else None
    assert pages == 5
    assert seen == [f"a{n:02d}/" for n in reversed(range(23))]
    last = built.html("tags/%EB%A7%8E%EC%9D%8C/page/5/")
    assert last.select_one("nav.jisik-pager .jisik-pager__current").get_text() == "5"
    assert "23" in text_of(last)  # the count is the whole tag's, on every page
    archive = built.html("archive/")
    assert [h.get_text() for h in archive.select("section.jisik-archive-month h2")] == ["2026년 1월"]
    assert len(archive.select("a.jisik-card__title")) == 10


def _git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@e",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@e",
    )
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def git_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `git` on PATH that records each call, then runs the real git."""
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True).stdout.strip()
    folder = tmp_path / "bin"
    folder.mkdir()
    calls = tmp_path / "git-calls.log"
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return calls


def test_undated_articles_take_git_dates_with_one_git_process(project: SiteProject, git_log: Path) -> None:
    _git(project.root, "init", "-q")
    for n in range(6):
        project.write(f"a{n}.md", f"# 날짜 없는 글 {n}\n\n본문 {n}.\n\n#깃\n")
    project.article("dated.md", "날짜 있는 글", tags=["깃"], date="2025-01-01")
    project.write_config()
    _git(project.root, "add", ".")
    _git(project.root, "commit", "-qm", "first", date="2026-03-01T10:00:00+09:00")
    project.write("a0.md", "# 날짜 없는 글 0\n\n고친 본문.\n\n#깃\n")
    _git(project.root, "commit", "-qam", "edit", date="2026-04-02T11:00:00+09:00")
    git_log.write_text("", encoding="utf-8")
    built = project.build(strict=True)
    calls = git_log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and calls[0].split()[2] == "log", calls
    times = {
        built.follow("tags/%EA%B9%83/", card.select_one("a")["href"]): card.select_one("time")["datetime"]
        for card in built.html("tags/%EA%B9%83/").select("li.jisik-card")
    }
    assert times["a0/"] == times["a3/"] == "2026-03-01T10:00:00+09:00"
    assert times["dated/"] == "2025-01-01T00:00:00+09:00"
    import json

    data = json.loads(built.html("a0/").select_one('script[type="application/ld+json"]').string)
    assert data["dateModified"] == "2026-04-02T11:00:00+09:00"


def test_shallow_clone_warns_instead_of_guessing(project: SiteProject, tmp_path: Path) -> None:
    _git(project.root, "init", "-q")
    project.write("a.md", "# 날짜 없는 글\n\n본문.\n")
    project.write_config()
    _git(project.root, "add", ".")
    _git(project.root, "commit", "-qm", "one", date="2026-03-01T10:00:00+09:00")
    project.write("b.md", "# 둘째\n\n본문.\n")
    _git(project.root, "add", ".")
    _git(project.root, "commit", "-qm", "two", date="2026-03-02T10:00:00+09:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone)], check=True)
    shallow = SiteProject.__new__(SiteProject)
    shallow.root, shallow.docs = clone, clone / "docs"
    shallow.config, shallow.plugin_options = project.config, {}
    built = shallow.build()
    assert any("shallow clone" in w for w in built.warnings)
    assert not built.html("").select("li.jisik-card time")  # no invented dates


def test_dirty_rebuild_keeps_tag_pages_related_lists_and_feeds_right(project: SiteProject) -> None:
    """`mkdocs serve --dirty` renders only changed files; what depends on them must follow."""
    import time

    import feedparser
    from mkdocs.commands.build import build

    project.write("index.md", "# 홈\n")
    body = "본문 문단입니다.\n\n## 함께 보면 좋은 글\n"
    project.article("a.md", "가 글", tags=["공통"], date="2026-01-01", body=body)
    project.article("b.md", "나 글", tags=["공통", "둘"], date="2026-01-02", body=body)
    project.article("c.md", "다 글", tags=["둘"], date="2026-01-03", body=body)
    project.article("d.md", "라 글", tags=["별개"], date="2025-01-03", body=body)
    config = project.load_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    built_b = project.root / "site" / "b" / "index.html"
    assert "가 글" in built_b.read_text(encoding="utf-8")
    unrelated = project.root / "site" / "tags" / "별개" / "index.html"
    before = unrelated.stat().st_mtime_ns
    time.sleep(0.05)
    project.article("a.md", "가 글 (고침)", tags=["공통", "둘"], date="2026-01-04", body=body)
    config = project.load_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    site = project.root / "site"
    tag_two = (site / "tags" / "둘" / "index.html").read_text(encoding="utf-8")
    assert "가 글 (고침)" in tag_two
    assert "가 글 (고침)" in built_b.read_text(encoding="utf-8")  # b.md did not change, its related list did
    assert "가 글 (고침)" in (site / "index.html").read_text(encoding="utf-8")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["가 글 (고침)", "다 글", "나 글", "라 글"]
    assert unrelated.stat().st_mtime_ns == before  # a list the edit does not touch is not rendered again
    assert all(e.get("content") for e in feed.entries)  # unchanged articles keep their full HTML

    # An edit that keeps the file's size: the record is read again (the modification time changed).
    size = (project.docs / "c.md").stat().st_size
    time.sleep(0.05)
    project.article("c.md", "타 글", tags=["둘"], date="2026-01-03", body=body)
    assert (project.docs / "c.md").stat().st_size == size
    config = project.load_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert "타 글" in (site / "tags" / "둘" / "index.html").read_text(encoding="utf-8")
    assert "타 글" in (site / "c" / "index.html").read_text(encoding="utf-8")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["가 글 (고침)", "타 글", "나 글", "라 글"]

    # Files last modified long ago are not read again while unchanged; a rewrite that keeps the size
    # and even the modification time (`cp -p`, a coarse clock) is still seen (its change time moved).
    past = time.time() - 60
    for file in project.docs.glob("*.md"):
        os.utime(file, (past, past))
    config = project.load_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    project.article("c.md", "파 글", tags=["둘"], date="2026-01-03", body=body)
    os.utime(project.docs / "c.md", (past, past))
    assert (project.docs / "c.md").stat().st_size == size
    config = project.load_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert "파 글" in (site / "c" / "index.html").read_text(encoding="utf-8")
    assert "파 글" in (site / "tags" / "둘" / "index.html").read_text(encoding="utf-8")
