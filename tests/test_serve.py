"""`mkdocs serve` as a writer uses it: Korean tag pages answer, an edited hashtag line moves the article."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from support import ENGINE, ROOT, SiteProject, free_port, pagefind_pages, png, tool

TIMEOUT = 180  # seconds for the first build, and again for the rebuild (a loaded 2-core machine is slow)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not listening yet, or reset while rebuilding
        return 0, ""


def _titles(html: str) -> list[str]:
    return [a.get_text(strip=True) for a in BeautifulSoup(html, "lxml").select("a.jisik-card__title")]


def _wait(what: str, check: Callable[[], bool], server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if server.poll() is not None:
            raise AssertionError(f"{ENGINE} serve exited ({server.returncode}):\n{log.read_text()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not after {TIMEOUT} s; {ENGINE} serve said:\n{log.read_text()}")
        time.sleep(0.2)


def test_serve_answers_korean_tag_pages_and_rebuilds_them(project: SiteProject) -> None:
    project.config["site_url"] = "https://example.github.io/jisik-kb/"  # serve mounts the site at /jisik-kb/
    edited = project.article("articles/점검.md", "보안 점검 목록", tags=["보안", "OpenAI"], date="2026-11-02")
    project.article("articles/b.md", "비밀번호 관리", tags=["보안"], date="2026-11-01")
    project.write_config()
    port = free_port()
    root = f"http://127.0.0.1:{port}/jisik-kb/"
    security, hacking = (root + "tags/" + quote(tag) + "/" for tag in ("보안", "해킹"))
    log = project.root / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [tool("mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait("the first build", lambda: _get(root)[0] == 200, server, log)
        status, html = _get(security)
        assert status == 200, f"GET {security} answered {status}:\n{log.read_text()}"
        assert _titles(html) == ["보안 점검 목록", "비밀번호 관리"]
        assert _get(root + "articles/" + quote("점검") + "/")[0] == 200  # a Korean file name, too
        assert _get(hacking)[0] == 404

        edited.write_text(edited.read_text(encoding="utf-8").replace("#보안", "#해킹"), encoding="utf-8")
        _wait(
            "#해킹 lists the edited article and #보안 no longer does",
            lambda: (
                _titles(_get(hacking)[1]) == ["보안 점검 목록"]
                and _titles(_get(security)[1]) == ["비밀번호 관리"]
            ),
            server,
            log,
        )
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class _Serve:
    """`mkdocs serve --dirty -v` in a project, its log, and GET for its pages."""

    def __init__(self, project: SiteProject) -> None:
        project.config["site_url"] = "https://example.github.io/jisik-kb/"
        project.write_config()
        port = free_port()
        self.root = f"http://127.0.0.1:{port}/jisik-kb/"
        self.log = project.root / "serve.log"
        with self.log.open("wb") as output:
            self.server = subprocess.Popen(
                [tool("mkdocs"), "serve", "--dirty", "-v", "-a", f"127.0.0.1:{port}"],
                cwd=project.root,
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1"),  # the log as it happens
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        """Rebuilds finished so far. (Not "Documentation built in": MkDocs drops that line when it says
        the same number of seconds as the last build, as it drops every repeated message of its build.)"""
        return self.text().count("Reloading browsers")

    def wait(self, what: str, check: Callable[[], bool]) -> None:
        _wait(what, check, self.server, self.log)

    def get(self, path: str) -> tuple[int, str]:
        return _get(self.root + path)

    def stop(self) -> None:
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()


def test_serve_dirty_forgets_a_deleted_article(project: SiteProject) -> None:
    """After an article is deleted, its page, its only tag's page and feed answer 404, and the lists that
    had it (home, the other tag) no longer do."""
    project.article("articles/a.md", "남는 글", tags=["보안"], date="2026-11-01")
    gone = project.article("articles/b.md", "지울 글", tags=["보안", "해킹"], date="2026-11-02")
    serve = _Serve(project)
    hacking = "tags/" + quote("해킹") + "/"
    try:
        serve.wait("the first build", lambda: serve.get("")[0] == 200)
        assert serve.get("articles/b/")[0] == 200 and _titles(serve.get(hacking)[1]) == ["지울 글"]
        assert serve.get(hacking + "feed.xml")[0] == 200
        builds = serve.builds()
        gone.unlink()
        serve.wait(
            "the rebuild", lambda: serve.builds() > builds and _titles(serve.get("")[1]) == ["남는 글"]
        )
        assert serve.get("articles/b/")[0] == 404
        assert serve.get(hacking)[0] == 404
        assert serve.get(hacking + "feed.xml")[0] == 404
        assert _titles(serve.get("tags/" + quote("보안") + "/")[1]) == ["남는 글"]
        tags = BeautifulSoup(serve.get("tags/")[1], "lxml").get_text()
        assert "해킹" not in tags
        assert "지울 글" not in serve.get("feed.xml")[1]
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def test_serve_dirty_does_not_render_unchanged_git_dated_articles_again(project: SiteProject) -> None:
    """With `git_dates`, an undated article takes its dates from git; editing another article renders that
    one (and the lists), not the unchanged undated one."""
    project.plugin_options = {"articles": {"git_dates": True}}
    project.article("articles/undated.md", "날짜 없는 글", tags=["보안"], date=None)
    edited = project.article("articles/edited.md", "고칠 글", tags=["해킹"], date="2026-11-02")
    project.write_config()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    stamp = "2026-10-01T09:00:00+09:00"
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    subprocess.run([*git, "add", "."], cwd=project.root, check=True)
    subprocess.run(
        [*git, "commit", "-qm", "글"],
        cwd=project.root,
        check=True,
        env=dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp),
    )
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("articles/undated/")[0] == 200)
        assert "2026년 10월 1일" in serve.get("")[1]  # the undated article has its git date
        found = re.search(r"Config value 'site_dir' = '([^']+)'", serve.text())  # serve's own folder
        assert found is not None
        pages = {name: Path(found.group(1), "articles", name, "index.html") for name in ("undated", "edited")}
        before = {name: page.stat().st_mtime_ns for name, page in pages.items()}
        time.sleep(0.05)
        builds = serve.builds()
        # A body edit: the title stays, so the undated article's 다음 글 link (to this one) shows the same.
        edited.write_text(edited.read_text(encoding="utf-8") + "\n고친 문단입니다.\n", encoding="utf-8")
        serve.wait(
            "the rebuild",
            lambda: serve.builds() > builds and "고친 문단입니다" in serve.get("articles/edited/")[1],
        )
        assert pages["edited"].stat().st_mtime_ns != before["edited"]
        assert pages["undated"].stat().st_mtime_ns == before["undated"]  # not rendered again
        assert "2026-10-01T09:00:00+09:00" in serve.get("articles/undated/")[1]  # JSON-LD datePublished
    finally:
        serve.stop()


def test_serve_dirty_renders_again_every_page_that_shows_an_edited_title(project: SiteProject) -> None:
    """Renaming one article under `--dirty`: every page that shows its title is rendered again although
    its own file did not change (each capability's signature or listing), and an unrelated page is not."""
    edited = project.article(
        "articles/a.md", "옛 제목", tags=["보안", "해킹"], date="2026-11-03", body="본문."
    )
    project.article("articles/b.md", "이웃 글", tags=["보안", "해킹"], date="2026-11-02")
    project.article("articles/c.md", "먼 글", tags=["요리"], date="2026-10-01")
    project.write("about.md", "# 소개\n\n이 사이트의 소개입니다.\n")
    serve = _Serve(project)
    showing = {
        "tag page": "tags/" + quote("보안") + "/",
        "archive": "archive/",
        "home": "",
        "related list and 다음 글 link": "articles/b/",
    }
    try:
        serve.wait("the first build", lambda: serve.get("articles/c/")[0] == 200)
        for where, path in showing.items():
            assert "옛 제목" in serve.get(path)[1], where
        found = re.search(r"Config value 'site_dir' = '([^']+)'", serve.text())
        assert found is not None
        about = Path(found.group(1), "about", "index.html")
        before = about.stat().st_mtime_ns
        builds = serve.builds()
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("# 옛 제목", "# 새 제목"), encoding="utf-8"
        )
        serve.wait(
            "the rebuild", lambda: serve.builds() > builds and "새 제목" in serve.get("articles/a/")[1]
        )
        for where, path in showing.items():
            html = serve.get(path)[1]
            assert "새 제목" in html and "옛 제목" not in html, where
        assert about.stat().st_mtime_ns == before  # shows nothing of the article: not rendered again
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


# -- search under serve: an index runs beside the edit loop, never in its way ------------------------------

_HELD_PAGEFIND = """#!/bin/sh
# Pagefind, except that an index run waits while the file `hold` exists (a long index); each run's
# process id goes to `runs`
if [ "$1" = "--version" ]; then exec "{real}" "$@"; fi
echo $$ >> "{root}/runs"
while [ -e "{root}/hold" ]; do sleep 0.1; done
exec "{real}" "$@"
"""


def _held_pagefind(project: SiteProject) -> None:
    """Search on, with a Pagefind the test can hold (`hold`) and count (`runs`)."""
    from jisik.search import binary

    found = binary.find(None, ROOT)
    assert found is not None, "no Pagefind binary (./scripts/test installs it)"
    wrapper = project.root / "held-pagefind"
    wrapper.write_text(_HELD_PAGEFIND.format(real=found.path, root=project.root), encoding="utf-8")
    wrapper.chmod(0o755)
    project.plugin_options = {"search": {"binary": "held-pagefind"}}


def _runs(project: SiteProject) -> list[int]:
    runs = project.root / "runs"
    return [int(line) for line in runs.read_text().split()] if runs.exists() else []


def _site_dir(serve: _Serve) -> Path:
    found = re.search(r"Config value 'site_dir' = '([^']+)'", serve.text())  # serve's own folder
    assert found is not None
    return Path(found.group(1))


def _indexed_text(site: Path) -> str:
    try:
        return " ".join(page["text"] for page in pagefind_pages(site).values())
    except (OSError, ValueError):  # an index being copied in
        return ""


def test_serve_edits_show_while_the_search_index_runs_and_search_catches_up(project: SiteProject) -> None:
    """An edit reloads while a long index runs (a rebuild never waits for it); the edits made meanwhile
    are indexed by one more run once it ends, every edited page in it; a save with the same bytes runs
    no index and leaves the index folder as it was."""
    first = project.article("articles/a.md", "첫 글", tags=["보안"], date="2026-11-03", body="처음 문단.")
    second = project.article("articles/b.md", "둘째 글", tags=["보안"], date="2026-11-02", body="다른 문단.")
    _held_pagefind(project)
    serve = _Serve(project)
    hold = project.root / "hold"
    try:
        serve.wait("the first index", lambda: "search: indexed" in serve.text())
        site = _site_dir(serve)
        assert "처음" in _indexed_text(site)
        hold.touch()
        first.write_text(first.read_text(encoding="utf-8").replace("처음 문단", "가나고침 문단"), "utf-8")
        serve.wait("the edit's index to start (and be held)", lambda: len(_runs(project)) == 2)
        # two more edits while that index is held: each shows at once
        first.write_text(first.read_text(encoding="utf-8").replace("가나고침", "다라고침"), "utf-8")
        serve.wait("the second edit", lambda: "다라고침" in serve.get("articles/a/")[1])
        second.write_text(second.read_text(encoding="utf-8").replace("다른 문단", "마바고침 문단"), "utf-8")
        serve.wait("the third edit", lambda: "마바고침" in serve.get("articles/b/")[1])
        assert hold.exists() and len(_runs(project)) == 2  # the index was still held all along
        assert serve.text().count("search: indexed") == 1
        hold.unlink()
        serve.wait(
            "search to catch up with both edited pages",
            lambda: "다라고침" in (text := _indexed_text(site)) and "마바고침" in text,
        )
        serve.wait("the indexer to be idle", lambda: serve.text().count("search: indexed") == 3)
        assert len(_runs(project)) == 3  # the held index, then ONE run for the two edits made meanwhile
        assert "가나고침" not in _indexed_text(site)

        bundle = {p: p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()}
        time.sleep(0.05)
        second.write_bytes(second.read_bytes())  # saved again, the same bytes
        serve.wait("the no-op's index", lambda: "search: no indexed page changed" in serve.text())
        assert len(_runs(project)) == 3  # no Pagefind run
        after = {p: p.stat().st_mtime_ns for p in (site / "pagefind").rglob("*") if p.is_file()}
        assert after == bundle
        assert "Traceback" not in serve.text()
    finally:
        hold.unlink(missing_ok=True)
        serve.stop()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_no_pagefind_outlives_serve(project: SiteProject, stop: signal.Signals) -> None:
    """However the server is stopped (Ctrl-C, SIGTERM, SIGKILL), a running index's Pagefind ends with it."""
    project.article("articles/a.md", "첫 글", tags=["보안"], date="2026-11-03", body="처음 문단.")
    _held_pagefind(project)
    (project.root / "hold").touch()
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("articles/a/")[0] == 200)
        serve.wait("the first index to start (and be held)", lambda: len(_runs(project)) == 1)
        pid = _runs(project)[0]
        assert _alive(pid)
        serve.server.send_signal(stop)
        serve.server.wait(timeout=60)
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid), f"Pagefind ({pid}) outlived `mkdocs serve` stopped by {stop.name}"
    finally:
        (project.root / "hold").unlink(missing_ok=True)  # a surviving wrapper ends its wait
        serve.stop()


def _rebuilt(serve: _Serve, start: int, name: str) -> bool:
    """Whether, in the log after `start`, the watcher saw the file `name` (-v logs its event) and a
    build ended after that."""
    text = serve.text()[start:]
    seen = text.rfind(name)
    return seen >= 0 and "Reloading browsers" in text[seen:]


def _stamps(site: Path) -> dict[str, tuple[int, int]]:
    """Every feed file, tag-folder sitemap and prompts.json, with its inode and modification time."""
    found = [site / "prompts.json", site / "feed.xml", site / "feed.json"]
    found += [p for name in ("feed.xml", "feed.json", "sitemap.xml") for p in (site / "tags").rglob(name)]
    return {str(p.relative_to(site)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in found}


def test_serve_dirty_writes_only_the_feeds_that_changed(project: SiteProject) -> None:
    """An edit rewrites the feeds that list the edited article (the site's, its tags') and leaves every
    other feed file, tag sitemap and prompts.json as it was; a new tag gets its feeds; a save with the
    same bytes rewrites none."""
    edited = project.article("articles/a.md", "고칠 글", tags=["보안"], date="2026-11-03", body="본문.")
    other = project.article(
        "articles/b.md", "그대로 글", tags=["요리", "여행"], date="2026-11-02T09:00:00+09:00", body="본문."
    )
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("articles/b/")[0] == 200)
        site = _site_dir(serve)
        before = _stamps(site)
        assert {"tags/요리/feed.xml", "tags/여행/feed.json", "tags/보안/sitemap.xml"} <= before.keys()
        time.sleep(0.05)
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("# 고칠 글", "# 고친 글") + " #해킹\n", "utf-8"
        )
        serve.wait("the rebuild", lambda: "고친 글" in serve.get("tags/" + quote("해킹") + "/feed.xml")[1])
        after = _stamps(site)
        changed = {path for path in before if after.get(path) != before[path]}
        assert changed == {"feed.xml", "feed.json", "tags/보안/feed.xml", "tags/보안/feed.json"}
        for path in ("feed.xml", "feed.json", "tags/보안/feed.xml", "tags/해킹/feed.json"):
            assert "고친 글" in (site / path).read_text(encoding="utf-8"), path
        assert "tags/해킹/sitemap.xml" in after

        start = len(serve.text())
        time.sleep(0.05)
        edited.write_bytes(edited.read_bytes())  # the same bytes saved again
        serve.wait("the no-op rebuild", lambda: _rebuilt(serve, start, edited.name))
        assert _stamps(site) == after

        # the same instant written with another offset: equal dates, but the feeds show the offset
        assert "+0900" in (site / "tags" / "요리" / "feed.xml").read_text(encoding="utf-8")
        other.write_text(
            other.read_text(encoding="utf-8").replace("09:00:00+09:00", "00:00:00+00:00"), "utf-8"
        )
        serve.wait(
            "the offset in the tag feed",
            lambda: "+0000" in serve.get("tags/" + quote("요리") + "/feed.xml")[1],
        )
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def _every_file(site: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(site)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in site.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("saved", ["articles/a.md", "articles/b.md", "about.md"])
def test_serve_dirty_same_bytes_saved_rewrites_no_page(project: SiteProject, saved: str) -> None:
    """Saving a file again with the same bytes rebuilds without rewriting any page (home, tag pages,
    the saved page itself), feed or list; only MkDocs' own 404.html and sitemaps are written by every
    build. A real edit afterwards still shows everywhere."""
    project.article("articles/a.md", "첫 글", tags=["보안"], date="2026-11-03", body="본문.")
    project.article("articles/b.md", "둘째 글", tags=["보안", "요리"], date="2026-11-02", body="본문.")
    project.write("about.md", "# 소개\n\n이 사이트의 소개입니다.\n")
    project.config["plugins"] = ["jisik"]  # MkDocs' search plugin writes its index on every build
    serve = _Serve(project)
    source = project.root / "docs" / saved
    try:
        serve.wait("the first build", lambda: serve.get("articles/b/")[0] == 200)
        site = _site_dir(serve)
        time.sleep(1.0)
        before = _every_file(site)
        time.sleep(0.05)
        start = len(serve.text())
        source.write_bytes(source.read_bytes())
        serve.wait("the no-op rebuild", lambda: _rebuilt(serve, start, source.name))
        after = _every_file(site)
        changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        assert "404.html" in changed  # the build did run
        assert changed <= {"404.html", "sitemap.xml", "sitemap.xml.gz"}, sorted(changed)

        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace("본문.", "고친 본문.").replace("소개입니다", "고친 소개입니다"), "utf-8"
        )
        page = saved.removesuffix(".md") + "/"
        serve.wait("a real edit", lambda: "고친" in serve.get(page)[1])
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def test_serve_dirty_home_page_follows_every_change_it_shows(project: SiteProject) -> None:
    """The home page is rendered again only when something it shows changed: each edit below changes
    one thing on it (a chip, a date, the top tags, a summary) and the home page shows it."""
    edited = project.article(
        "articles/a.md", "첫 글", tags=["보안"], date="2026-11-03", body="첫 문단입니다."
    )
    project.article("articles/b.md", "둘째 글", tags=["보안"], date="2026-11-02", body="둘째 문단.")
    project.config["plugins"] = ["jisik"]
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("articles/b/")[0] == 200)
        text = edited.read_text(encoding="utf-8")
        steps = [
            ("a new tag's chip", text.replace("#보안", "#보안 #새태그"), "새태그"),
            ("a new date", text.replace("2026-11-03", "2026-11-05"), "2026년 11월 5일"),
            ("a new summary", text.replace("첫 문단입니다", "바뀐 요약 문단입니다"), "바뀐 요약 문단입니다"),
        ]
        for what, new_text, shown in steps:
            assert shown not in serve.get("")[1], what
            edited.write_text(new_text, encoding="utf-8")
            serve.wait(what, lambda shown=shown: shown in serve.get("")[1])  # type: ignore[misc]
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


_OVERRIDES = {
    # MkDocs' (Material's) environment: a block of the page template
    "main.html": '{% extends "base.html" %}\n{% block content %}{{ super() }}<p class="marker">MARK</p>'
    "{% endblock %}\n",
    # jisik's own partials' environment: the chips under an article's title
    "jisik/chips.html": '<p class="marker">MARK</p>{% for name, link in chips %}<a href="{{ link }}">'
    "#{{ name }}</a>{% endfor %}\n",
}


@pytest.mark.parametrize("edit", ["main.html edited", "jisik/chips.html edited", "jisik/chips.html added"])
def test_serve_dirty_renders_with_templates_as_they_are_now(project: SiteProject, edit: str) -> None:
    """Templates are compiled once for the whole `serve` session; a template in the site's `overrides/`
    edited (or added) during the session is what the next rendered page uses, in MkDocs' environment
    (main.html) and in jisik's (its partials)."""
    name, action = edit.split(" ")
    project.config["theme"] = {**project.config["theme"], "custom_dir": "overrides"}  # type: ignore[dict-item]
    template = project.root / "overrides" / name
    template.parent.mkdir(parents=True, exist_ok=True)
    if action == "edited":
        template.write_text(_OVERRIDES[name].replace("MARK", "표시하나"), encoding="utf-8")
    article = project.article("articles/a.md", "첫 글", tags=["보안"], date="2026-11-03", body="본문.")
    project.article("articles/b.md", "둘째 글", tags=["보안"], date="2026-11-02", body="본문.")
    serve = _Serve(project)

    def markers() -> list[str]:
        html = serve.get("articles/a/")[1]
        return [p.get_text() for p in BeautifulSoup(html, "lxml").select("article p.marker")]

    try:
        serve.wait("the first build", lambda: "본문." in serve.get("articles/a/")[1])
        assert markers() == (["표시하나"] if action == "edited" else [])
        time.sleep(1.1)
        template.write_text(_OVERRIDES[name].replace("MARK", "표시둘"), encoding="utf-8")
        article.write_text(article.read_text(encoding="utf-8").replace("본문.", "고친 본문."), "utf-8")
        serve.wait("the rebuild", lambda: "고친 본문." in serve.get("articles/a/")[1])
        assert markers() == ["표시둘"]
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def test_serve_dirty_binds_prompts_to_images_of_the_folder_now_configured(project: SiteProject) -> None:
    """Image bindings are kept between rebuilds while an article and the site's files are the same; a
    new `figures.images` folder in mkdocs.yml (where the prompt has an image) is still seen, on the
    article page and in prompts.json."""
    prompt = "A quiet Korean village at dawn, mist over rice fields, soft light, 4:3"
    project.article("articles/c.md", "셋째 글", tags=["요리"], date="2026-10-05", body=f"본문.\n\n{prompt}")
    (project.docs / "assets" / "pics").mkdir(parents=True)
    (project.docs / "assets" / "pics" / "c-1.png").write_bytes(png(40, 30))
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("articles/c/")[0] == 200)
        assert "c-1.png" not in serve.get("articles/c/")[1]
        builds = serve.builds()
        time.sleep(1.1)
        project.plugin_options = {**project.plugin_options, "figures": {"images": "assets/pics"}}
        project.write_config()
        serve.wait("the rebuild", lambda: serve.builds() > builds)
        images = BeautifulSoup(serve.get("articles/c/")[1], "lxml").select("article figure img")
        assert [img["src"] for img in images] == ["../../assets/pics/c-1.png"]
        assert '"image_exists": true' in serve.get("prompts.json")[1]
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


@pytest.mark.parametrize("change", ["retitled", "deleted"])
def test_serve_dirty_shows_sources_as_the_title_cache_now_names_them(
    project: SiteProject, change: str
) -> None:
    """Cited sources are kept between rebuilds while an article and the title cache are the same; an
    edited or deleted `source-titles.yml` (no article changed) still shows on the article page."""
    project.article(
        "articles/e.md",
        "다섯째 글",
        tags=["요리"],
        date="2025-01-01",
        body="본문.\n\n출처: https://example.com/source",
    )
    titles = project.write("source-titles.yml", "https://example.com/source: 옛 출처 제목\n")
    serve = _Serve(project)

    def sources() -> str:
        return " ".join(
            a.get_text() for a in BeautifulSoup(serve.get("articles/e/")[1], "lxml").select("article a")
        )

    try:
        serve.wait("the first build", lambda: "옛 출처 제목" in sources())
        builds = serve.builds()
        time.sleep(1.1)
        if change == "retitled":
            titles.write_text("https://example.com/source: 새 출처 제목\n", encoding="utf-8")
        else:
            titles.unlink()
        serve.wait("the rebuild", lambda: serve.builds() > builds)
        shown = sources()
        assert "옛 출처 제목" not in shown
        if change == "retitled":
            assert "새 출처 제목" in shown
        links = BeautifulSoup(serve.get("articles/e/")[1], "lxml").select(
            'article a[href="https://example.com/source"]'
        )
        assert links, "the source is still cited"
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()
