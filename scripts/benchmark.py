"""Benchmark: a jisik site against bare MkDocs + Material and against the Material blog+tags+rss peer.

    .venv/bin/python scripts/benchmark.py --articles 1000 5000 --peer --serve
    .venv/bin/python scripts/benchmark.py --articles 300 --runs 3 --json
    .venv/bin/python scripts/benchmark.py --articles 500 --breakdown

Generates N seed-style articles (the real article's body, titles, dates, 8–10 tags each from a
vocabulary of N/10 tags with a few very common ones, prompts and 출처 lines) and builds, each in a fresh
`mkdocs build` process, in alternating order (one round of every site, then the next round):
  * bare:           Material, the same Markdown extensions, its lunr search, articles out of the nav;
  * jisik:          the same plus the jisik plugin with everything (tag pages, feeds, citations, figures,
                    related, archive, its Pagefind search; the Korean word cache warmed by one uncounted
                    build);
  * bare-nosearch:  bare without any search plugin;
  * jisik-nosearch: jisik with `search: {enabled: false}` (the page pipeline);
  * peer (--peer):  Material's blog plugin (posts under blog/posts/ with date, tags and two categories,
                    `<!-- more -->` after the first paragraph), its tags plugin, mkdocs-rss-plugin
                    (`use_git: false`) and its search: what a user would pick instead of jisik.
Every site folder is a git repository (one commit), so jisik's git dates do real work; a `git` wrapper
first on PATH counts the git processes of each build.

The figure compared is CPU seconds (user + sys of the build process and everything it waited for, e.g.
Pagefind's binary and git: getrusage(RUSAGE_CHILDREN) around each build), the median of the rounds; wall
seconds are printed next to it, and `--instructions` adds valgrind instruction counts (the same on every
run; children traced). With --serve: `mkdocs serve --dirty` on the jisik site, a one-article body edit then
a new-tag edit, each timed from saving the file to the article page AND the tag page showing the change,
then a no-op rebuild (the same bytes saved again) whose rewritten pages are counted in serve's own build
folder (serve builds into `$TMPDIR/mkdocs_*`: the server gets its own TMPDIR, so the folder is known).

Every target of issue 17 is printed as a PASS/FAIL line with its measured value and its limit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "docs" / "articles" / "2026-11-27-ai-burnout.md"
COMMON_TAGS = ["AI", "IT트렌드", "테크이슈", "기술혁신"]
CATEGORIES = [f"분류{i}" for i in range(12)]

RUNNER = r"""
import json, resource, sys, time, os
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
import logging
logging.disable(logging.INFO)
from mkdocs.config import load_config
from mkdocs.commands.build import build
start = time.perf_counter()
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
try:
    build(config)
finally:
    config.plugins.on_shutdown()
elapsed = time.perf_counter() - start
print(json.dumps({
    "seconds": elapsed,
    "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "children_max_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}))
"""


def seed_body() -> str:
    """The real article's body without its title and its own hashtag line (each article gets its own)."""
    text = SEED.read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    body = re.sub(r"^# .*$", "", body, count=1, flags=re.M)
    hashtags = re.compile(r"^#[^#\s]\S*(?:[ \t]+#[^#\s]\S*)*[ \t]*$", re.M)
    return hashtags.sub("", body).strip()


def _articles(n: int) -> list[tuple[str, str, list[str]]]:
    """(date, title, tags) of the n generated articles: the same for every site."""
    rng = random.Random(20261127)
    vocabulary = [f"주제{i}" for i in range(max(20, n // 10))]
    out = []
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2020 + i // (28 * 12)
        tags = rng.sample(COMMON_TAGS, 2) + rng.sample(vocabulary, rng.randint(6, 8))
        out.append(
            (f"{year}-{month:02d}-{day:02d}", f"글 {i}: AI 번아웃 거물 인재들이 이탈하는 이유 {i}", tags)
        )
    return out


def links_paragraph(i: int, titles: list[str]) -> str:
    """Article i's links to earlier articles, as a knowledge base has them: three by title (one with
    its own text) and one by file name; bare shows them as text."""
    if i < 5:
        return ""
    return (
        f"\n\n앞선 글: [[{titles[i - 1]}]], [[{titles[i - 3]}|세 편 전의 글]], [[{titles[i // 2]}]], "
        f"[[a{i - 5:05d}]]을 함께 읽어 보세요."
    )


def generate(docs: Path, n: int, rng: random.Random | None = None, links: bool = False) -> list[Path]:
    """jisik's (and bare's) articles: `docs/articles/aNNNNN.md`, tags as a hashtag line; with `links`,
    four `[[wikilinks]]` to earlier articles in each (from the sixth on)."""
    body = seed_body()
    (docs / "articles").mkdir(parents=True)
    paths = []
    articles = _articles(n)
    titles = [title for _date, title, _tags in articles]
    for i, (date, title, tags) in enumerate(articles):
        # one article in 50 has no date: jisik dates it from git (its one git call per build)
        front = "" if i % 50 == 49 else f"---\ndate: {date}\n---\n\n"
        more = links_paragraph(i, titles) if links else ""
        text = f"{front}# {title}\n\n{body}{more}\n\n" + " ".join(f"#{t}" for t in tags) + "\n"
        path = docs / "articles" / f"a{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (docs / "index.md").write_text("# 지식\n\n벤치마크 사이트입니다.\n", encoding="utf-8")
    return paths


def generate_peer(docs: Path, n: int) -> list[Path]:
    """The same articles as Material blog posts: tags and two categories in the front matter, an excerpt
    marker after the first paragraph, a blog index and a tags index page."""
    first, rest = seed_body().split("\n\n", 1)
    rng = random.Random(17)
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True)
    paths = []
    for i, (date, title, tags) in enumerate(_articles(n)):
        categories = rng.sample(CATEGORIES, 2)
        meta = (
            f"---\ndate: {date}\ntags:\n"
            + "".join(f"  - {t}\n" for t in tags)
            + "categories:\n"
            + "".join(f"  - {c}\n" for c in categories)
            + "---\n\n"
        )
        path = posts / f"a{i:05d}.md"
        path.write_text(f"{meta}# {title}\n\n{first}\n\n<!-- more -->\n\n{rest}\n", encoding="utf-8")
        paths.append(path)
    (docs / "index.md").write_text("# 지식\n\n벤치마크 사이트입니다.\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# 블로그\n", encoding="utf-8")
    (docs / "tags.md").write_text("# 태그\n\n<!-- material/tags -->\n", encoding="utf-8")
    return paths


CAPABILITIES = ["hashtags", "related", "citations", "figures", "feeds", "home", "archive", "search"]

MARKDOWN = """markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
  - attr_list
  - admonition
  - pymdownx.superfences
"""


def config_text(jisik: bool, without: str | None = None, search: bool = True) -> str:
    if jisik:
        off = [name for name in (without, None if search else "search") if name]
        plugins = "  - jisik\n"
        if off:
            plugins = "  - jisik:\n" + "".join(f"      {name}:\n        enabled: false\n" for name in off)
    else:
        # bare: Material's search (lunr); jisik: its own search (Pagefind), as this repository's mkdocs.yml
        plugins = "  - search:\n      lang: ko\n" if search else " []\n"
    nav = "" if jisik else "nav:\n  - index.md\n"  # bare: articles out of the nav, as jisik does
    return f"""site_name: 벤치마크
site_url: https://example.org/kb/
theme:
  name: material
  language: ko
  font: false
{nav}{MARKDOWN}plugins:{"" if plugins.startswith(" []") else chr(10)}{plugins}"""


def peer_config_text() -> str:
    return f"""site_name: 벤치마크
site_url: https://example.org/kb/
theme:
  name: material
  language: ko
  font: false
nav:
  - index.md
  - blog/index.md
  - tags.md
{MARKDOWN}plugins:
  - search:
      lang: ko
  - blog:
      categories: true
  - tags
  - rss:
      use_git: false
      match_path: "blog/posts/.*"
      date_from_meta:
        as_creation: date
      categories:
        - categories
        - tags
"""


FIXED_GIT_DATE = "2026-11-27T09:00:00+09:00"
"""The corpora's one commit, at a fixed time: git dates (and so the output) are the same in every run."""


def _git_init(site: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=FIXED_GIT_DATE, GIT_COMMITTER_DATE=FIXED_GIT_DATE)
    git = [
        "git",
        "-c",
        "user.name=bench",
        "-c",
        "user.email=bench@example.org",
        "-c",
        "init.defaultBranch=main",
    ]
    subprocess.run([*git, "init", "-q"], cwd=site, check=True, env=env)
    subprocess.run([*git, "add", "-A"], cwd=site, check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "articles"], cwd=site, check=True, env=env)


SITES = {
    # name: (jisik?, search?)
    "bare": (False, True),
    "jisik": (True, True),
    "bare-nosearch": (False, False),
    "jisik-nosearch": (True, False),
}
# With --links: the same corpus with four [[wikilinks]] in each article (bare shows them as text), and
# jisik without search and with `wikilinks.enabled: false`, to price the links between articles.
LINKS_OFF = "jisik-nosearch-nolinks"


def make_site(
    base: Path,
    n: int,
    jisik: bool,
    search: bool = True,
    name: str | None = None,
    links: bool = False,
    without: str | None = None,
) -> Path:
    site = base / (name or ("jisik" if jisik else "bare"))
    generate(site / "docs", n, links=links)
    (site / "mkdocs.yml").write_text(config_text(jisik, without, search=search), encoding="utf-8")
    (site / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    _git_init(site)
    return site


def make_peer(base: Path, n: int) -> Path:
    site = base / "peer"
    generate_peer(site / "docs", n)
    (site / "mkdocs.yml").write_text(peer_config_text(), encoding="utf-8")
    (site / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    _git_init(site)
    return site


def check_peer(site: Path, n: int) -> dict[str, int]:
    """The peer really did the work (not an empty shell): category pages, the tags index listing the
    tags, both feeds with items. Raises when it did not."""
    out = site / "site"
    categories = list((out / "blog" / "category").glob("*/index.html"))
    tags_page = (out / "tags" / "index.html").read_text(encoding="utf-8")
    rss = (out / "feed_rss_created.xml").read_text(encoding="utf-8")
    feed = json.loads((out / "feed_json_created.json").read_text(encoding="utf-8"))
    found = {
        "category_pages": len(categories),
        "tags_on_tags_page": tags_page.count('class="md-tag"'),
        "rss_items": rss.count("<item>"),
        "json_items": len(feed.get("items", [])),
        "blog_pages": len(list((out / "blog").rglob("*.html"))),
    }
    used = set()  # the categories the posts name: each has its page
    for post in (site / "docs" / "blog" / "posts").glob("*.md"):
        used |= set(re.findall(r"^  - (분류\d+)$", post.read_text(encoding="utf-8"), re.M))
    found["categories_used"] = len(used)
    if found["category_pages"] < len(used) or not used or found["rss_items"] == 0 or found["json_items"] == 0:
        raise RuntimeError(f"the peer site is an empty shell: {found}")
    if "주제0" not in tags_page:
        raise RuntimeError("the peer's tags page lists no tags")
    return found


GIT_WRAPPER = """#!/bin/sh
echo "$*" >> "$JISIK_BENCH_GIT_LOG"
exec {git} "$@"
"""


def git_wrapper(base: Path) -> Path:
    """A folder holding `git`, which logs each call and runs the real git: put first on PATH."""
    folder = base / "bin"
    folder.mkdir(exist_ok=True)
    wrapper = folder / "git"
    wrapper.write_text(GIT_WRAPPER.format(git=shutil.which("git") or "/usr/bin/git"), encoding="utf-8")
    wrapper.chmod(0o755)
    return folder


def _env(base: Path, git_log: Path) -> dict[str, str]:
    base, git_log = base.resolve(), git_log.resolve()
    return dict(
        os.environ,
        PATH=f"{git_wrapper(base)}{os.pathsep}{os.environ.get('PATH', '')}",
        JISIK_BENCH_GIT_LOG=str(git_log),
        NO_MKDOCS_2_WARNING="1",
    )


VALGRIND = [
    "valgrind",
    "--tool=cachegrind",
    "--cache-sim=no",
    "--trace-children=yes",
    "--cachegrind-out-file=/dev/null",
]


def instructions_once(site: Path) -> float:
    """Instructions the build executes, its children included (Pagefind, git), counted by valgrind
    (Debian's `valgrind`): unlike seconds, the same in every run on any machine."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    site = site.resolve()
    result = subprocess.run(
        [*VALGRIND, sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=True,
        cwd=site,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    found = re.findall(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if not found:
        raise RuntimeError(f"no instruction count from valgrind:\n{result.stderr[-2000:]}")
    return float(sum(int(x.replace(",", "")) for x in found))


def build_once(site: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """One whole build in a fresh process: CPU seconds (user + sys, with its children), wall seconds,
    peak memory, git calls."""
    site = site.resolve()
    git_log = Path(env["JISIK_BENCH_GIT_LOG"]) if env else None
    if git_log is not None and git_log.exists():
        git_log.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=site,
        env=env,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the build of {site} failed:\n{result.stderr[-3000:]}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = json.loads(result.stdout.strip().splitlines()[-1])
    out["wall_s"] = wall
    out["user_s"] = after.ru_utime - before.ru_utime
    out["sys_s"] = after.ru_stime - before.ru_stime
    out["cpu_s"] = out["user_s"] + out["sys_s"]
    # the larger of the Python process and the largest process it ran (Pagefind, git); not their sum: a
    # child's maximum counts the parent's pages it shared between fork and exec
    out["peak_mb"] = max(out["max_rss_kb"], out["children_max_rss_kb"]) / 1024
    out["git_calls"] = (
        len(git_log.read_text(encoding="utf-8").splitlines()) if git_log and git_log.exists() else 0
    )
    return out


def page_size(site: Path, folder: str = "articles") -> float:
    pages = list((site / "site" / folder).glob("*/index.html"))
    return statistics.mean(p.stat().st_size for p in pages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime in ns) of every page under `folder`."""
    out = {}
    for path in folder.rglob("*.html"):
        try:
            stat = path.stat()
        except OSError:
            continue
        out[str(path.relative_to(folder))] = (stat.st_ino, stat.st_mtime_ns)
    return out


def serve_edit(site: Path, base_env: dict[str, str] | None = None) -> dict[str, object]:
    """Under `mkdocs serve --dirty`: seconds from saving a body edit, then a new-tag edit, to both the
    article page and its tag page showing it; then the pages a no-op rebuild (same bytes saved) rewrote."""
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="jisik-serve-tmp-"))
    log = tmp / "serve.log"
    env = dict(base_env or os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp))
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [mkdocs, "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=site,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: Pagefind runs of its index thread end with it
        )
    base = f"http://127.0.0.1:{port}/kb/"

    def builds() -> int:
        return log.read_text(encoding="utf-8", errors="replace").count("Documentation built in")

    searching = "enabled: false" not in (site / "mkdocs.yml").read_text(encoding="utf-8")

    def indexed() -> int:
        text = log.read_text(encoding="utf-8", errors="replace")
        done = ("search: indexed", "search: no page", "search: the index was not", "search: no indexed page")
        return sum(text.count(m) for m in done)

    def idle(what: str) -> float:
        """Seconds until jisik's background search index of every build so far is done: each edit is
        made on an idle server (the time the index takes after an edit is reported on its own)."""
        return wait(what, lambda: indexed() >= builds(), 1800) if searching else 0.0

    def wait(what: str, check: Callable[[], bool], limit: float = 600) -> float:
        start = time.perf_counter()
        while not check():
            if server.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited: {log.read_text(errors='replace')[-3000:]}")
            if time.perf_counter() - start > limit:
                raise RuntimeError(f"{what}: not after {limit} s")
            time.sleep(0.05)
        return time.perf_counter() - start

    try:
        wait("first build", lambda: fetch(base) is not None and builds() >= 1, 1800)
        first_index_s = idle("the first build's search index")
        time.sleep(1.5)  # let the watcher settle after the first build
        article = site / "docs" / "articles" / "a00007.md"
        text = article.read_text(encoding="utf-8")
        tags = re.findall(r"#(주제\d+)", text)
        old_tag_url = base + "tags/" + urllib.parse.quote(tags[-1]) + "/"
        page_url = base + "articles/a00007/"

        # 1. a body edit: the title (shown on the tag page) and a sentence
        edited = text.replace("# 글 7:", "# 글 7 (고침):").replace(
            "최근 실리콘밸리", "최근 고친문장 실리콘밸리", 1
        )
        article.write_text(edited, encoding="utf-8")
        body_s = wait(
            "the body edit",
            lambda: "고친문장" in (fetch(page_url) or "") and "글 7 (고침)" in (fetch(old_tag_url) or ""),
            600,
        )
        body_index_s = idle("the body edit's search index")
        time.sleep(1.0)
        # 2. a new tag
        marker = "편집확인"
        tag_url = base + "tags/" + urllib.parse.quote(marker) + "/"
        start = time.perf_counter()
        article.write_text(edited.rstrip("\n") + f" #{marker}\n", encoding="utf-8")
        tag_s = wait(
            "the new tag",
            lambda: (
                urllib.parse.quote(marker) in (fetch(page_url) or "")
                and "글 7 (고침)" in (fetch(tag_url) or "")
            ),
            600,
        )
        del start
        tag_index_s = idle("the tag edit's search index")
        time.sleep(1.5)
        # 3. a no-op: the same bytes saved again; serve's build folder is the one mkdocs_* in our TMPDIR
        built = [p for p in tmp.glob("mkdocs_*") if p.is_dir()]
        if len(built) != 1:
            raise RuntimeError(f"serve's build folder not found in {tmp}: {built}")
        before, count = _snapshot(built[0]), builds()
        article.write_bytes(article.read_bytes())
        noop_s = wait("the no-op rebuild", lambda: builds() > count, 600)
        idle("the no-op's search index")
        after = _snapshot(built[0])
        rewritten = sorted(path for path, stamp in after.items() if before.get(path) != stamp)
        rewritten += sorted(before.keys() - after.keys())
        # MkDocs writes its theme's 404.html on every build (`_build_theme_template`), dirty or not: no
        # plugin can keep it; it is listed but not counted
        counted = [path for path in rewritten if path != "404.html"]
        article.write_text(text, encoding="utf-8")  # the site as it was
        return {
            "serve_body_edit_s": body_s,
            "serve_tag_edit_s": tag_s,
            "serve_noop_s": noop_s,
            "serve_first_index_s": first_index_s,
            "serve_body_index_s": body_index_s,
            "serve_tag_index_s": tag_index_s,
            "serve_noop_rewritten": len(counted),
            "serve_noop_rewritten_pages": rewritten[:20],  # type: ignore[dict-item]
            "serve_pages": len(after),
        }
    finally:
        # the whole group: a Pagefind the index thread started outlives `mkdocs serve` otherwise (one
        # orphan kept a core busy for 30 minutes)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


def breakdown(n: int, runs: int, instructions: bool = False) -> dict[str, float]:
    """Median CPU seconds (or instruction count) of the jisik site with each capability turned off in
    turn, over the same articles."""
    base = Path(tempfile.mkdtemp(prefix=f"jisik-breakdown-{n}-"))
    try:
        sites = {"bare": make_site(base, n, False), "jisik": make_site(base, n, True)}
        for name in CAPABILITIES:
            site = base / f"without-{name}"
            shutil.copytree(sites["jisik"] / "docs", site / "docs")
            (site / "mkdocs.yml").write_text(config_text(True, name), encoding="utf-8")
            sites[f"without {name}"] = site
        for site in sites.values():  # the Korean word cache, warm
            if site.name != "bare":
                build_once(site)
        times: dict[str, list[float]] = {name: [] for name in sites}
        for _ in range(1 if instructions else runs):
            for name, site in sites.items():
                times[name].append(instructions_once(site) if instructions else build_once(site)["cpu_s"])
        return {name: statistics.median(values) for name, values in times.items()}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(
    n: int,
    runs: int,
    serve: bool,
    instructions: bool = False,
    peer: bool = False,
    links: bool = False,
    peer_runs: int | None = None,
) -> dict[str, object]:
    base = Path(tempfile.mkdtemp(prefix=f"jisik-bench-{n}-"))
    try:
        sites = {name: make_site(base, n, j, s, name, links) for name, (j, s) in SITES.items()}
        if links:
            sites[LINKS_OFF] = make_site(base, n, True, False, LINKS_OFF, True, "wikilinks")
        if peer:
            sites["peer"] = make_peer(base, n)
        env = _env(base, base / "git.log")
        build_once(sites["jisik"], env)  # warm-up: the Korean word cache (not counted)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in sites}
        for round_ in range(runs):
            for name, site in sites.items():  # alternating: one build of each site per round
                if name == "peer" and peer_runs is not None and round_ >= peer_runs:
                    continue  # --peer-runs: the slow peer only in the first rounds
                results[name].append(build_once(site, env))
        out: dict[str, object] = {"articles": n, "runs": runs, "load": os.getloadavg()}
        if peer:
            out["peer_runs"] = len(results["peer"])
        for name, rounds in results.items():
            for key in ("cpu_s", "user_s", "sys_s", "wall_s"):
                out[f"{name}_{key}"] = statistics.median(r[key] for r in rounds)
            out[f"{name}_peak_mb"] = max(r["peak_mb"] for r in rounds)
            out[f"{name}_git_calls"] = max(r["git_calls"] for r in rounds)
            out[f"{name}_pages"] = sum(1 for _ in (sites[name] / "site").rglob("*.html"))
        out["bare_page_kb"] = page_size(sites["bare"]) / 1024
        out["jisik_page_kb"] = page_size(sites["jisik"]) / 1024

        def ratio(a: str, b: str, key: str = "cpu_s") -> float:
            return float(out[f"{a}_{key}"]) / float(out[f"{b}_{key}"])  # type: ignore[arg-type]

        out["total_ratio"] = ratio("jisik", "bare")
        out["total_wall_ratio"] = ratio("jisik", "bare", "wall_s")
        out["pipeline_ratio"] = ratio("jisik-nosearch", "bare-nosearch")
        out["links"] = links
        if links:
            out["links_ratio"] = ratio("jisik-nosearch", LINKS_OFF)
        out["pipeline_wall_ratio"] = ratio("jisik-nosearch", "bare-nosearch", "wall_s")
        out["memory_ratio"] = ratio("jisik", "bare", "peak_mb")
        out["page_ratio"] = float(out["jisik_page_kb"]) / float(out["bare_page_kb"])  # type: ignore[arg-type]
        out["jisik_ms_per_article"] = 1000 * float(out["jisik_cpu_s"]) / n  # type: ignore[arg-type]
        out["bare_ms_per_article"] = 1000 * float(out["bare_cpu_s"]) / n  # type: ignore[arg-type]
        if peer:
            out["peer_check"] = check_peer(sites["peer"], n)
            out["peer_ratio"] = ratio("jisik", "peer")
            out["peer_wall_ratio"] = ratio("jisik", "peer", "wall_s")
        if instructions:
            counts = {
                name: instructions_once(sites[name])
                for name in ("bare", "jisik", "bare-nosearch", "jisik-nosearch")
            }
            out["instructions"] = counts
            out["total_instructions_ratio"] = counts["jisik"] / counts["bare"]
            out["pipeline_instructions_ratio"] = counts["jisik-nosearch"] / counts["bare-nosearch"]
        if serve:
            out.update(serve_edit(sites["jisik"], env))
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


def verdicts(results: list[dict[str, object]]) -> list[dict[str, object]]:
    """Every target of issue 17: (target, articles, measured, limit, PASS/FAIL)."""
    lines: list[dict[str, object]] = []

    def add(target: str, n: object, value: float, limit: float, unit: str = "×") -> None:
        lines.append(
            {
                "target": target,
                "articles": n,
                "value": value,
                "limit": limit,
                "unit": unit,
                "pass": value <= limit,
            }
        )

    for r in results:
        n = r["articles"]
        f = {k: v for k, v in r.items() if isinstance(v, (int, float))}
        add("total build (CPU s) jisik / bare with lunr", n, f["total_ratio"], 1.5)
        if "peer_ratio" in f:
            add("total build (CPU s) jisik / Material blog+tags+rss peer", n, f["peer_ratio"], 0.4)
        add("page pipeline (CPU s) jisik search off / bare no search", n, f["pipeline_ratio"], 1.25)
        if "links_ratio" in f:
            # not a target of its own: what links between articles add to the page pipeline
            lines.append(
                {
                    "target": "wikilinks cost (CPU s) search off, links on / off (information)",
                    "articles": n,
                    "value": f["links_ratio"],
                    "limit": None,
                    "unit": "×",
                    "pass": None,
                }
            )
        add("peak memory jisik / bare", n, f["memory_ratio"], 1.3)
        add("article page size jisik / bare", n, f["page_ratio"], 1.3)
        add("git calls per jisik build", n, f["jisik_git_calls"], 1, " calls")
        if "serve_body_edit_s" in f:
            limit = 1.0 if int(n) <= 1000 else 2.0  # type: ignore[call-overload]
            add("serve --dirty body edit → article + tag page", n, f["serve_body_edit_s"], limit, " s")
            add("serve --dirty new tag → article + new tag page", n, f["serve_tag_edit_s"], limit, " s")
            add(
                "serve --dirty no-op rebuild: pages rewritten (MkDocs' own 404.html not counted)",
                n,
                f["serve_noop_rewritten"],
                0,
                " pages",
            )
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = float(last["jisik_ms_per_article"]) / float(first["jisik_ms_per_article"])  # type: ignore[arg-type]
        bare = float(last["bare_ms_per_article"]) / float(first["bare_ms_per_article"])  # type: ignore[arg-type]
        add(
            f"per-article CPU {first['articles']}→{last['articles']} (bare grows {bare:.2f}×)",
            f"{first['articles']}→{last['articles']}",
            growth,
            1.15,
        )
    return lines


def print_table(results: list[dict[str, object]]) -> None:
    names = [
        n
        for n in ("bare", "jisik", "bare-nosearch", "jisik-nosearch", LINKS_OFF, "peer")
        if f"{n}_cpu_s" in results[0]
    ]
    print("| articles | site | CPU s (user + sys) | wall s | peak MB | pages | git calls |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for name in names:
            print(
                f"| {r['articles']:,} | {name} | {r[f'{name}_cpu_s']:.1f} ({r[f'{name}_user_s']:.1f} + "
                f"{r[f'{name}_sys_s']:.1f}) | {r[f'{name}_wall_s']:.1f} | {r[f'{name}_peak_mb']:.0f} "
                f"| {r[f'{name}_pages']:,} | {r[f'{name}_git_calls']} |"
            )
    print()
    for r in results:
        extra = [f"wall ratios: total {r['total_wall_ratio']:.2f}×, pipeline {r['pipeline_wall_ratio']:.2f}×"]
        if "peer_wall_ratio" in r:
            extra.append(
                f"peer {r['peer_wall_ratio']:.2f}× (built {r['peer_runs']}×); peer site: {r['peer_check']}"
            )
        if "total_instructions_ratio" in r:
            extra.append(
                f"instructions: total {r['total_instructions_ratio']:.2f}×, "
                f"pipeline {r['pipeline_instructions_ratio']:.2f}×"
            )
        if "serve_noop_s" in r:
            extra.append(
                f"serve no-op rebuild {r['serve_noop_s']:.2f} s over {r['serve_pages']:,} pages, rewrote "
                f"{r['serve_noop_rewritten_pages']}; the background search index took "
                f"{r['serve_first_index_s']:.1f} s after the first build, {r['serve_body_index_s']:.1f} s "
                f"after the body edit, {r['serve_tag_index_s']:.1f} s after the new tag (each edit was made "
                "once it was done; a rebuild never waits for it); 404.html is MkDocs' own, written by "
                "every build"
            )
        print(f"- {r['articles']:,} articles (load {r['load']}): " + "; ".join(extra))
    print()
    for v in verdicts(results):
        unit = str(v["unit"])
        value = f"{v['value']:.2f}{unit}" if unit in ("×", " s") else f"{v['value']:.0f}{unit}"
        articles = v["articles"] if isinstance(v["articles"], str) else f"{v['articles']:,}"
        if v["limit"] is None:  # a figure, not a target
            print(f"INFO {v['target']} @ {articles}: {value}")
            continue
        limit = f"{v['limit']:.2f}{unit}" if unit in ("×", " s") else f"{v['limit']:.0f}{unit}"
        print(f"{'PASS' if v['pass'] else 'FAIL'} {v['target']} @ {articles}: {value} (limit {limit})")


def same_output_snapshot(out: Path, commit: str | None = None, n: int = 200) -> dict[str, str]:
    """Build this repository's site, an n-article corpus (jisik with everything) and the same corpus with
    jisik's search off and Material's search on into `out/repo`, `out/corpus`, `out/corpus-material-search`,
    with jisik's code as it is in the work tree or, given `commit`, as it was there (its
    `plugins/` exported and put first on PYTHONPATH). Returns {path: blake2b} of every file written.
    Two snapshots compared with `same_output_diff` show whether a change kept the output byte-identical."""
    import hashlib

    out = out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.github.io/jisik/")
    if commit is not None:
        code = out / "code"
        code.mkdir()
        archive = subprocess.run(
            ["git", "archive", commit, "plugins"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
        env["PYTHONPATH"] = str(code / "plugins")
    check = [sys.executable, "-c", "import jisik, sys; sys.stdout.write(jisik.__file__)"]
    used = subprocess.run(check, env=env, capture_output=True, text=True, check=True).stdout
    corpus = make_site(out / "work", n, True, True, "corpus")
    # the same corpus with jisik's search off and Material's search plugin on (its index of jisik's pages)
    material = make_site(out / "work", n, True, False, "corpus-material-search")
    config = material / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins:\n", "plugins:\n  - search:\n      lang: ko\n", 1
        ),
        encoding="utf-8",
    )
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    sites = {"repo": ROOT / "mkdocs.yml", "corpus": corpus / "mkdocs.yml", "corpus-material-search": config}
    for name, config in sites.items():
        for _ in range(2):  # the second build has the Korean word cache warm, as the benchmark's builds
            subprocess.run(
                [mkdocs, "build", "-q", "-f", str(config), "-d", str(out / name)],
                env=env,
                check=True,
                capture_output=True,
            )
    shutil.rmtree(out / "work", ignore_errors=True)
    hashes = {
        str(path.relative_to(out)): hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        for name in sites
        for path in sorted((out / name).rglob("*"))
        if path.is_file()
    }
    (out / "hashes.json").write_text(json.dumps({"jisik": used, "files": hashes}, indent=1), "utf-8")
    return hashes


def same_output_diff(a: Path, b: Path) -> list[str]:
    """Files that differ (or exist in one snapshot only) between two `--same-output` snapshots."""
    first = json.loads((a / "hashes.json").read_text(encoding="utf-8"))["files"]
    second = json.loads((b / "hashes.json").read_text(encoding="utf-8"))["files"]
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))


PROFILED_BUILD = r"""
import cProfile, os, sys, logging
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.disable(logging.INFO)
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
profile = cProfile.Profile()
profile.enable()
build(config)
profile.disable()
profile.dump_stats(sys.argv[2])
"""

PROFILED_SERVE = r"""
import cProfile, os, sys, tempfile, threading, time, logging
from pathlib import Path
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
logging.disable(logging.INFO)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import _serve_url
site_dir = tempfile.mkdtemp(prefix="mkdocs_")
url = _serve_url("127.0.0.1", 8000, "/kb/")
def builder():  # as mkdocs/commands/serve.py's builder: the config loaded again, a dirty build
    config = load_config(config_file="mkdocs.yml", site_dir=site_dir)
    config.site_url = url
    build(config, serve_url=url, dirty=True)
    return config
config = load_config(config_file="mkdocs.yml", site_dir=site_dir)
jisik = config.plugins["jisik"]
def join_search():  # jisik's indexer thread lives for the session: wait until it is idle
    jisik.session.search.wait_idle()
config.plugins.on_startup(command="serve", dirty=True)
config.site_url = url
build(config, serve_url=url, dirty=True)
join_search()
article = Path("docs/articles/a00007.md")
text = article.read_text(encoding="utf-8")
time.sleep(1.1)
kind = sys.argv[2]
if kind == "body":
    article.write_text(text.replace("# 글 7:", "# 글 7 (고침):"), encoding="utf-8")
elif kind == "tag":
    article.write_text(text.rstrip("\n") + " #편집확인\n", encoding="utf-8")
else:
    article.write_bytes(article.read_bytes())
profile = cProfile.Profile()
start = time.perf_counter()
profile.enable()
builder()
profile.disable()
rebuild = time.perf_counter() - start
start = time.perf_counter()
join_search()
index = time.perf_counter() - start
print(f"{kind} rebuild {rebuild:.2f} s (profiled); the search index it started {index:.2f} s")
profile.dump_stats(sys.argv[1])
article.write_text(text, encoding="utf-8")
"""

PHASES = [
    ("whole build", "mkdocs/commands/build.py", "build"),
    ("get_files", "mkdocs/structure/files.py", "get_files"),
    ("nav", "mkdocs/structure/nav.py", "get_navigation"),
    ("on_files (jisik: articles, tag index, generated files)", "mkdocs/plugins.py", "on_files"),
    ("pages: read + Markdown", "mkdocs/commands/build.py", "_populate_page"),
    ("  Markdown() made per page", "markdown/core.py", "__init__"),
    ("  Markdown convert", "markdown/core.py", "convert"),
    ("  on_page_markdown", "mkdocs/plugins.py", "on_page_markdown"),
    ("  on_page_content", "mkdocs/plugins.py", "on_page_content"),
    ("pages: template + write", "mkdocs/commands/build.py", "_build_page"),
    ("  on_page_context (decorate; Material search)", "mkdocs/plugins.py", "on_page_context"),
    ("  Jinja render (theme + jisik partials)", "jinja2/environment.py", "render"),
    ("  on_post_page", "mkdocs/plugins.py", "on_post_page"),
    ("  write_file", "mkdocs/utils/__init__.py", "write_file"),
    ("sitemap + 404", "mkdocs/commands/build.py", "_build_theme_template"),
    ("Jinja compile", "jinja2/environment.py", "compile"),
    ("on_post_build", "mkdocs/plugins.py", "on_post_build"),
    ("  subprocesses (wall: Pagefind, git)", "subprocess.py", "run"),
    ("io.open", "~", "<built-in method io.open>"),
    ("os.stat", "~", "<built-in method posix.stat>"),
]


def phase_table(profiles: dict[str, Path]) -> str:
    """Cumulative seconds (and calls) of MkDocs' phases and jisik's hooks in each profile."""
    import pstats

    def load(path: Path) -> dict[str, tuple[float, int]]:
        out: dict[str, tuple[float, int]] = {}
        stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
        for (file, _line, function), (_cc, calls, _tt, cumulative, _callers) in stats.items():
            for label, where, name in PHASES:
                if function == name and (where == "~" or file.endswith(where)):
                    before = out.get(label, (0.0, 0))
                    out[label] = (max(before[0], cumulative), before[1] + calls)
        return out

    data = {name: load(path) for name, path in profiles.items()}
    lines = ["| phase | " + " | ".join(data) + " |", "|---|" + "---|" * len(data)]
    for label, _where, _name in PHASES:
        cells = [f"{d[label][0]:.2f} s ({d[label][1]:,})" if label in d else "–" for d in data.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def profile(n: int, out: Path, serve: bool) -> str:
    """cProfile of one build of each site (word cache warm), or with `serve` of one `serve --dirty`
    rebuild after a body edit, a new tag and a no-op; the .prof files stay in `out` (read them with
    `python -m pstats`). Returns the phase table."""
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix=f"jisik-profile-{n}-"))
    try:
        profiles: dict[str, Path] = {}
        if serve:
            site = make_site(base, n, True, True, "jisik")
            for kind in ("body", "tag", "noop"):
                target = out / f"serve-{kind}-{n}.prof"
                answer = subprocess.run(
                    [sys.executable, "-c", PROFILED_SERVE, str(target), kind],
                    cwd=site,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                print(answer.stdout.strip())
                profiles[f"serve {kind}"] = target
        else:
            for name, (jisik, search) in SITES.items():
                site = make_site(base, n, jisik, search, name)
                if jisik:
                    build_once(site)  # the word cache, warm
                target = out / f"{name}-{n}.prof"
                subprocess.run(
                    [sys.executable, "-c", PROFILED_BUILD, str(site / "mkdocs.yml"), str(target)],
                    cwd=site,
                    check=True,
                    capture_output=True,
                )
                profiles[name] = target
        return phase_table(profiles)
    finally:
        shutil.rmtree(base, ignore_errors=True)


SEARCH_QUERIES = [
    "번아웃",
    "번아웃의",
    "밸리",
    "떠나다",
    "인재유출",
    "OpenAI",
    "3가지",
    "경제",
    "인공지능 기술",
    "ㅂㅇㅇ",
]
"""Queries of the search benchmark; 경제 is in nearly every generated article (the most frequent noun)."""


def search_site(base: Path, n: int, engine: str) -> Path:
    """The real article plus n generated ones (korean_corpus: a realistic vocabulary), searched by
    Material's lunr (`lunr`) or by jisik's Pagefind (`pagefind`)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from korean_corpus import generate as generate_korean

    site = base / engine
    generate_korean(site / "docs", n)
    shutil.copy(SEED, site / "docs" / "articles" / SEED.name)
    (site / "docs" / "index.md").write_text("# 지식\n\n벤치마크 사이트입니다.\n", encoding="utf-8")
    plugins = "  - search:\n      lang: ko\n  - jisik:\n      search: {enabled: false}\n"
    if engine == "pagefind":
        plugins = "  - jisik\n"
    text = config_text(True).split("plugins:\n")[0] + "plugins:\n" + plugins
    (site / "mkdocs.yml").write_text(text.replace("https://example.org/kb/", "http://127.0.0.1/kb/"), "utf-8")
    return site


def _build_logged(site: Path) -> tuple[float, str]:
    start = time.perf_counter()
    answer = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build"],
        cwd=site,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=True,
    )
    return time.perf_counter() - start, answer.stderr


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _cold_queries(site_dir: Path, queries: list[str]) -> list[tuple[str, int, float, int]]:
    """(query, bytes, seconds to first results, results) for each query, each in a fresh browser context:
    every byte the query costs beyond the search page (Python's http.server: no compression)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from support.server import serve

    out = []
    with serve(site_dir, 0, "/kb/") as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            page.goto(root + "search/")
            page.wait_for_load_state("networkidle")
            finished: list = []
            page.on("requestfinished", lambda request, into=finished: into.append(request))
            start = time.perf_counter()
            page.locator("#jisik-search-input").fill(query)
            page.locator("#jisik-search-input").press("Enter")
            page.wait_for_selector("[data-jisik-search][data-state=done]", timeout=60_000)
            seconds = time.perf_counter() - start
            sizes = [r.sizes() for r in finished]
            cost = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)
            out.append((query, cost, seconds, page.locator(".jisik-search__results li").count()))
            context.close()
        browser.close()
    return out


def search_benchmark(n: int) -> dict[str, object]:
    import gzip

    base = Path(tempfile.mkdtemp(prefix=f"jisik-search-{n}-"))
    try:
        lunr, pagefind = search_site(base, n, "lunr"), search_site(base, n, "pagefind")
        lunr_s, _ = _build_logged(lunr)
        index = (lunr / "site" / "search" / "search_index.json").read_bytes()
        cold_s, cold_log = _build_logged(pagefind)
        warm_s, warm_log = _build_logged(pagefind)
        bundle = pagefind / "site" / "pagefind"
        chunks = [p.stat().st_size for p in (bundle / "index").glob("*")]
        queries = _cold_queries(pagefind / "site", SEARCH_QUERIES)
        costs = [q[1] for q in queries]

        def line(log: str) -> str:
            return next((x.split("jisik: ", 1)[1] for x in log.splitlines() if "search: indexed" in x), "")

        return {
            "articles": n,
            "lunr_build_s": lunr_s,
            "lunr_index_kb": len(index) / 1024,
            "lunr_index_gzip_kb": len(gzip.compress(index)) / 1024,
            "pagefind_build_cold_s": cold_s,
            "pagefind_build_warm_s": warm_s,
            "search_cold": line(cold_log),
            "search_warm": line(warm_log),
            "bundle_kb": _folder_bytes(bundle) / 1024,
            "largest_chunk_kb": max(chunks) / 1024,
            "chunks": len(chunks),
            "query_kb_median": statistics.median(costs) / 1024,
            "query_kb_max": max(costs) / 1024,
            "first_results_s_median": statistics.median(q[2] for q in queries),
            "first_results_s_max": max(q[2] for q in queries),
            "queries": queries,
            "load": os.getloadavg(),
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--peer-runs",
        type=int,
        default=None,
        help="build the peer only in the first N rounds (minutes a build at 5,000; default: --runs)",
    )
    parser.add_argument(
        "--serve", action="store_true", help="also time a one-article edit under serve --dirty"
    )
    parser.add_argument(
        "--peer",
        action="store_true",
        help="also build the Material blog+tags+rss peer from the same articles",
    )
    parser.add_argument(
        "--links",
        action="store_true",
        help="four [[wikilinks]] in each article, and jisik without search with wikilinks on and off",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions each build executes (valgrind; slow, but the same every run)",
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="instead: the cost with each capability turned off"
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="instead: search on a Korean corpus, Pagefind (jisik) next to Material's lunr",
    )
    parser.add_argument(
        "--same-output",
        metavar="DIR",
        type=Path,
        help="instead: build this repository's site and a 200-article corpus into DIR (hashes.json lists "
        "every file's hash), with jisik's code from the work tree or from --code COMMIT",
    )
    parser.add_argument("--code", metavar="COMMIT", help="with --same-output: jisik's code as of COMMIT")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        type=Path,
        help="instead: the files that differ between two --same-output snapshots (exit 1 if any)",
    )
    parser.add_argument(
        "--profile",
        metavar="DIR",
        type=Path,
        help="instead: cProfile one build of each site (with --serve: one serve --dirty rebuild after a "
        "body edit, a new tag and a no-op) at the first --articles size; .prof files and the phase table",
    )
    args = parser.parse_args()
    if args.profile:
        print(profile(args.articles[0], args.profile, args.serve))
        return 0
    if args.same_output:
        hashes = same_output_snapshot(args.same_output, args.code)
        print(f"{len(hashes)} files in {args.same_output}")
        return 0
    if args.compare:
        differ = same_output_diff(*args.compare)
        for path in differ:
            print(f"differs: {path}")
        print("byte-identical" if not differ else f"{len(differ)} files differ")
        return 1 if differ else 0
    if args.search:
        for n in args.articles:
            r = search_benchmark(n)
            if args.json:
                print(json.dumps(r, indent=2, ensure_ascii=False))
                continue
            print(f"## {n:,} generated articles + the real one (load average {r['load']})")
            print(
                f"- lunr: search_index.json {r['lunr_index_kb']:,.0f} KB ({r['lunr_index_gzip_kb']:,.0f} KB "
                f"gzipped), downloaded whole on a reader's first page view; build {r['lunr_build_s']:.1f} s"
            )
            print(
                f"- Pagefind: bundle {r['bundle_kb']:,.0f} KB in {r['chunks']} index chunks (largest "
                f"{r['largest_chunk_kb']:.0f} KB); build {r['pagefind_build_cold_s']:.1f} s cold, "
                f"{r['pagefind_build_warm_s']:.1f} s with the word cache"
            )
            print(f"  - cold cache: {r['search_cold']}")
            print(f"  - warm cache: {r['search_warm']}")
            print(
                f"- bytes per cold query: median {r['query_kb_median']:.0f} KB, "
                f"max {r['query_kb_max']:.0f} KB; first results median "
                f"{r['first_results_s_median']:.2f} s, max {r['first_results_s_max']:.2f} s"
            )
            for query, cost, seconds, count in r["queries"]:  # type: ignore[attr-defined]
                print(f"  - {query}: {cost / 1024:.0f} KB, {seconds:.2f} s, {count} results shown")
        return 0
    if args.breakdown:
        unit = "instructions" if args.instructions else "median CPU s"
        for n in args.articles:
            costs = breakdown(n, args.runs, args.instructions)
            full, bare = costs["jisik"], costs["bare"]
            print(f"| {n:,} articles | {unit} | ratio to bare | share of jisik's extra cost |")
            print("|---|---|---|---|")
            for name, cost in costs.items():
                extra = name.startswith("without") and full > bare
                share = (full - cost) / (full - bare) if extra else None
                shown = f"{cost / 1e9:.2f} G" if args.instructions else f"{cost:.1f} s"
                cell = f"{share:.0%}" if share is not None else "–"
                print(f"| {name} | {shown} | {cost / bare:.2f}× | {cell} |")
        return 0
    results = [
        run(n, args.runs, args.serve, args.instructions, args.peer, args.links, args.peer_runs)
        for n in args.articles
    ]
    if args.json:
        print(json.dumps({"results": results, "targets": verdicts(results)}, indent=2, ensure_ascii=False))
        return 0
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
