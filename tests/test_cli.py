"""The `jisik` command as a writer uses it: it reads mkdocs.yml as the build does, pipes into `head`,
starts drafts, fetches titles of Hangul URLs, shows the titles the site shows, and runs an image
generator for the missing images."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jisik.citations.fetch import iri_to_uri
from jisik.cli.common import UsageError
from jisik.cli.generate import parse_command, substitute
from support import REAL_ARTICLE, SiteProject, text_of, tool


def jisik(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [tool("jisik"), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


def _no_traceback(stderr: str) -> None:
    for word in ("Traceback", "BrokenPipeError", "Exception ignored"):
        assert word not in stderr, stderr


# --- the command reads mkdocs.yml and applies the build's article rules ---------------------------


def _content_site(project: SiteProject) -> None:
    """A site with `docs_dir: content`, articles only under articles/, and every kind of page that
    is not an article: the home page, a page outside articles/, `article: false`, an excluded doc."""
    project.docs.rename(project.root / "content")
    project.docs = project.root / "content"
    project.config["docs_dir"] = "content"
    project.config["exclude_docs"] = "articles/private/\n"
    project.plugin_options = {"articles": {"paths": ["articles/**/*.md"], "timezone": "UTC"}}
    project.write("index.md", "# 홈\n\n첫 페이지입니다.\n")
    project.write("about.md", "# 소개\n\n이 사이트는 지식 베이스입니다.\n")  # not under articles/
    project.article("articles/a.md", "첫 글", date="2026-11-01")
    project.article("articles/2026/b.md", "둘째 글", date="2026-11-02 09:30")
    project.article("articles/draft.md", "초안", date="2026-11-03", draft=True)
    project.article("articles/notes.md", "메모", extra="article: false")
    project.article("articles/private/secret.md", "비밀", date="2026-11-04")  # exclude_docs
    project.write("docs/stray.md", "# 엉뚱한 곳\n\n본문입니다.\n")  # a folder named docs, not docs_dir
    project.write_config()


def _findings(lines: list[str]) -> set[tuple[str, str]]:
    """`path:line: level: message` lines as (path, message), levels left out."""
    found = set()
    for line in lines:
        path, _line, rest = line.split(":", 2)
        found.add((path, rest.split(": ", 1)[1] if rest.startswith(" warning: ") else rest.strip()))
    return found


def test_check_checks_exactly_the_build_articles_of_the_config(project: SiteProject) -> None:
    _content_site(project)
    built = project.build()
    listed = {
        built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")
    }
    assert listed == {"articles/a/", "articles/2026/b/"}  # drafts are listed nowhere
    # the build reports what an article lacks (no sources) for each of its articles, drafts included
    build_notes = {m.split("jisik: ", 1)[-1] for m in (r.getMessage() for r in built.records) if ".md:" in m}
    build_paths = {m.split(":", 1)[0] for m in build_notes}
    assert build_paths == {"content/articles/a.md", "content/articles/2026/b.md", "content/articles/draft.md"}

    result = jisik("check", cwd=project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 articles checked: 0 errors, 6 warnings"
    assert {line.split(":", 1)[0] for line in lines[:-1]} == build_paths
    assert {(p, m) for p, m in _findings(lines[:-1])} == {
        (n.split(":", 1)[0], n.split(": ", 1)[1]) for n in build_notes
    }

    # `-f` from another folder reads the same site; paths are shown from where the command runs
    elsewhere = jisik("check", "-f", "project/mkdocs.yml", cwd=project.root.parent)
    assert elsewhere.stdout.splitlines()[-1] == lines[-1]
    assert {line.split(":", 1)[0] for line in elsewhere.stdout.splitlines()[:-1]} == {
        "project/" + path for path in build_paths
    }
    # --docs (and the DOCS argument) read another folder with the config's rules
    for args in (["--docs", "content"], ["content"]):
        again = jisik("check", *args, cwd=project.root)
        assert again.stdout == result.stdout, again.stderr


def test_prompts_and_show_agree_with_the_build(project: SiteProject) -> None:
    _content_site(project)
    prompt = "A quiet Korean village at dawn, mist over rice fields, soft light, 4:3"
    project.article(
        "articles/2026/b.md", "둘째 글", date="2026-11-02 09:30", body=f"요약 문단입니다.\n\n{prompt}"
    )
    project.article(
        "articles/draft.md", "초안", date="2026-11-03", draft=True, body=f"초안입니다.\n\n{prompt}"
    )
    project.article("about.md", "소개", body=f"소개 문단입니다.\n\n{prompt}")  # not an article: no row
    built = project.build()
    published = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    result = jisik("prompts", "--json", cwd=project.root)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["article"] for r in rows] == ["articles/2026/b.md", "articles/draft.md"]
    assert [r["draft"] for r in rows] == [False, True]  # a draft's prompts can be made before publishing
    assert [{k: v for k, v in r.items() if k != "draft"} for r in rows if not r["draft"]] == published
    assert rows[0]["paste"] == prompt and rows[0]["prompt"] == prompt.removesuffix(", 4:3")

    shown = json.loads(
        jisik(
            "show",
            "content/articles/2026/b.md",
            "content/about.md",
            "content/articles/notes.md",
            cwd=project.root,
        ).stdout
    )
    assert [record["article"] for record in shown] == [True, False, False]
    # the config's timezone (UTC), as on the built page
    page_time = built.html("articles/2026/b/").select_one("time")
    assert shown[0]["date"] == "2026-11-02T09:30:00+00:00"
    assert page_time is None or page_time.get("datetime", shown[0]["date"]) == shown[0]["date"]


def test_no_config_reads_docs_with_the_defaults_and_a_bad_config_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# 제목\n\n본문 문단입니다.\n", encoding="utf-8")
    result = jisik("check", cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "1 article checked: 0 errors, 3 warnings"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: nowhere\nplugins: [jisik]\n", encoding="utf-8"
    )
    broken = jisik("check", cwd=tmp_path)
    assert broken.returncode == 2 and "mkdocs.yml" in broken.stderr and "nowhere" in broken.stderr
    _no_traceback(broken.stderr)
    missing = jisik("check", "-f", "other.yml", cwd=tmp_path)
    assert missing.returncode == 2 and "other.yml does not exist" in missing.stderr


# --- pipes ---------------------------------------------------------------------------------------


@pytest.fixture
def piped_site(project: SiteProject) -> SiteProject:
    """Enough output that `head` closes the pipe while jisik still writes."""
    raw = REAL_ARTICLE.read_text(encoding="utf-8")
    for number in range(40):
        text = raw.replace("# AI 번아웃", f"# {number}번째 AI 번아웃", 1)
        text = text.replace("https://techcrunch.com/", f"http://127.0.0.1:9/{number}/", 1)
        (project.docs / "articles").mkdir(exist_ok=True)
        (project.docs / "articles" / f"a{number:02}.md").write_text(text, encoding="utf-8")
    project.write("index.md", "# 홈\n")
    (project.root / "raw").mkdir()
    for number in range(3):
        (project.root / "raw" / f"{number}.txt").write_text(f"글 {number}\n\n본문입니다.\n", encoding="utf-8")
    project.write_config()
    return project


PRINTING = [
    ["show", *(f"docs/articles/a{n:02}.md" for n in range(40))],
    ["prompts"],
    ["prompts", "--json"],
    ["prompts", "--missing"],
    ["check"],
    ["sources", "fetch-titles", "--timeout", "2"],
    ["new", "파이프 시험"],
    ["import", "raw", "-o", "imported"],
    ["--help"],
    ["prompts", "--help"],
]


@pytest.mark.parametrize("head", ["head -n 0", "head -n 1", "head -c 10"])
@pytest.mark.parametrize("args", PRINTING, ids=lambda a: " ".join(a[:2]))
def test_every_subcommand_piped_into_head_ends_quietly(
    piped_site: SiteProject, args: list[str], head: str
) -> None:
    command = " ".join(quote_arg(a) for a in [tool("jisik"), *args])
    script = f"{command} 2>stderr.txt | {head} >/dev/null; echo ${{PIPESTATUS[0]}} >status.txt"
    subprocess.run(
        ["bash", "-c", script],
        cwd=piped_site.root,
        timeout=120,
        check=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    stderr = (piped_site.root / "stderr.txt").read_text(encoding="utf-8")
    _no_traceback(stderr)
    status = int((piped_site.root / "status.txt").read_text())
    assert status in (0, 1, 141), stderr  # 141: stopped by the closed pipe, as `cat` would be
    if head == "head -n 0" and args[0] in ("show", "prompts", "check") and "--help" not in args:
        assert status == 141


def quote_arg(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


# --- jisik new -----------------------------------------------------------------------------------


def test_new_starts_a_draft_says_where_serve_shows_it_and_how_to_publish(project: SiteProject) -> None:
    project.config["site_url"] = "https://example.org/kb/"
    project.write("index.md", "# 홈\n")
    project.article("articles/old.md", "예전 글", date="2026-01-01", tags=["태그"])
    project.write_config()
    result = jisik("new", "새로운 이야기", cwd=project.root, env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.returncode == 0, result.stderr
    path = project.root / result.stdout.strip()
    assert path.parent == project.docs / "articles"
    assert "draft: true" in path.read_text(encoding="utf-8").split("---")[1]
    url = f"http://127.0.0.1:8000/kb/articles/{path.stem}/"
    assert url in result.stderr and "delete the line `draft: true`" in result.stderr

    built = project.build()
    assert not built.path(f"articles/{path.stem}/").exists()  # a draft is not published
    assert "새로운 이야기" not in text_of(built.html("")) and "새로운 이야기" not in (
        built.site_dir / "feed.xml"
    ).read_text(encoding="utf-8")
    # publishing is deleting that line
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    built = project.build()
    assert built.path(f"articles/{path.stem}/").exists()
    assert "새로운 이야기" in text_of(built.html(""))


def test_new_outside_the_articles_says_so(project: SiteProject) -> None:
    project.plugin_options = {"articles": {"paths": ["posts/*.md"]}}
    project.write_config()
    result = jisik("new", "어디에 둘까", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "not in the site's articles" in result.stderr and "http://" not in result.stderr


# --- sources fetch-titles with IRIs ---------------------------------------------------------------


PAGES = {
    "/뉴스/번아웃-분석": "번아웃 분석 기사",
    "/뉴스/인재 이동": "인재 이동 기사",
    "/기사?id=한글&page=2": "쿼리에 한글이 있는 기사",
    "/퍼센트/already": "이미 인코딩된 주소의 기사",
    "/옮긴-곳": "옮겨진 기사",
}


class _Pages(http.server.BaseHTTPRequestHandler):
    """Pages under Hangul paths; `/옮김` redirects to one; asked as a proxy, it names the host."""

    seen: list[str] = []  # noqa: RUF012 (one test server at a time)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _Pages.seen.append(self.path)
        split = urlsplit(self.path)
        key = unquote(split.path) + (f"?{unquote(split.query)}" if split.query else "")
        if key == "/옮김":
            self.send_response(302)
            self.send_header("Location", quote("/옮긴-곳"))
            self.end_headers()
            return
        title = f"프록시로 받은 {split.netloc}" if split.netloc else PAGES.get(key)
        if title is None:
            self.send_error(404)
            return
        body = f"<html><head><title>{title}</title></head><body></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def pages_server() -> Iterator[str]:
    _Pages.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


NO_PROXY = {"http_proxy": "", "HTTP_PROXY": "", "https_proxy": "", "HTTPS_PROXY": "", "no_proxy": "*"}


def test_fetch_titles_of_hangul_urls_stores_them_under_the_url_as_written(
    project: SiteProject, pages_server: str
) -> None:
    host = pages_server
    written = {
        f"http://{host}/뉴스/번아웃-분석": "번아웃 분석 기사",
        f"http://{host}/뉴스/인재%20이동": "인재 이동 기사",
        f"http://{host}/기사?id=한글&page=2": "쿼리에 한글이 있는 기사",
        f"http://{host}/%ED%8D%BC%EC%84%BC%ED%8A%B8/already": "이미 인코딩된 주소의 기사",
        f"http://{host}/옮김": "옮겨진 기사",
    }
    body = "\n\n".join(f"출처: {url}" for url in written)
    project.article("articles/a.md", "한글 주소", body=f"본문 문단입니다.\n\n{body}")
    project.write_config()
    result = jisik("sources", "fetch-titles", cwd=project.root, env=NO_PROXY)
    assert result.returncode == 0, result.stdout + result.stderr
    _no_traceback(result.stderr)
    cache = yaml.safe_load((project.docs / "source-titles.yml").read_text(encoding="utf-8"))
    assert cache == written
    assert all(path.isascii() for path in _Pages.seen), _Pages.seen
    # the build finds each title under the URL as the article writes it
    built = project.build()
    shown = [li.select_one("a").get_text() for li in built.html("articles/a/").select("li.jisik-source")]
    assert shown == list(written.values())


def test_a_hangul_host_is_asked_for_in_idna(project: SiteProject, pages_server: str) -> None:
    project.article(
        "articles/a.md", "한글 도메인", body="본문 문단입니다.\n\n출처: http://한국.example/기사/첫째"
    )
    project.write_config()
    proxy = {**NO_PROXY, "http_proxy": f"http://{pages_server}", "no_proxy": ""}
    result = jisik("sources", "fetch-titles", cwd=project.root, env=proxy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _Pages.seen == ["http://xn--3e0b707e.example/%EA%B8%B0%EC%82%AC/%EC%B2%AB%EC%A7%B8"]
    cache = yaml.safe_load((project.docs / "source-titles.yml").read_text(encoding="utf-8"))
    assert list(cache) == ["http://한국.example/기사/첫째"]


@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=20).map(
        lambda t: t.replace("%", "")
    ),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=20).map(
        lambda t: t.replace("%", "")
    ),
)
def test_iri_to_uri_is_ascii_and_keeps_the_path_and_query(path: str, query: str) -> None:
    path = "/" + path.replace("?", "").replace("#", "")
    query = query.replace("#", "")
    url = f"https://예시.한국{path}" + (f"?{query}" if query else "")
    uri = iri_to_uri(url)
    assert uri.isascii()
    parts = urlsplit(uri)
    assert parts.hostname == "예시.한국".encode("idna").decode("ascii")
    assert unquote(parts.path) == urlsplit(url).path
    assert unquote(parts.query) == urlsplit(url).query


# --- show: the titles the site shows --------------------------------------------------------------


def test_show_gives_each_source_the_title_the_built_article_shows(project: SiteProject) -> None:
    project.write(
        "articles/a.md",
        """
        ---
        date: 2026-11-27
        sources:
          - {url: "https://own.example/x", title: 글쓴이의 제목}
        ---

        # 출처가 여럿인 글

        본문 문단입니다.

        출처: https://cached.example/article

        출처: https://news.example.kr/2026/%EB%B2%88%EC%95%84%EC%9B%83-%EB%B6%84%EC%84%9D.html

        출처: 인용 제목 https://quoted.example/y

        #태그
        """,
    )
    project.write(
        "source-titles.yml",
        "https://cached.example/article: 캐시에 있는 제목\nhttps://own.example/x: 무시됨\n",
    )
    project.write_config()
    built = project.build()
    on_page = [li.select_one("a").get_text() for li in built.html("articles/a/").select("li.jisik-source")]
    result = jisik("show", "docs/articles/a.md", cwd=project.root)
    assert result.returncode == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert (
        [s["title"] for s in sources]
        == on_page
        == [
            "글쓴이의 제목",
            "캐시에 있는 제목",
            "번아웃 분석",
            "인용 제목",
        ]
    )
    assert [s["title_from"] for s in sources] == ["article", "docs/source-titles.yml", "url", "article"]


# --- the text to paste ----------------------------------------------------------------------------


def test_table_json_and_figure_agree_on_the_text_to_paste(project: SiteProject) -> None:
    project.copy_real_article()
    project.write(
        "articles/block.md",
        """
        ---
        date: 2026-11-28
        ---

        # 블록 프롬프트

        블록으로 쓴 프롬프트입니다.

        /// prompt | 16:9
        A night skyline of Seoul seen from Namsan, cinematic lighting
        ///
        """,
    )
    project.write_config()
    built = project.build()
    published = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    table = jisik("prompts", cwd=project.root).stdout.splitlines()
    rows = json.loads(jisik("prompts", "--json", cwd=project.root).stdout)
    copied = []
    for url in ("articles/2026-11-27-ai-burnout/", "articles/block/"):
        for figure in built.html(url).select("figure.jisik-figure"):
            copied.append(figure.select_one(".jisik-prompt").get_text() + figure["data-jisik-suffix"])
    raw = [line for line in REAL_ARTICLE.read_text(encoding="utf-8").splitlines() if line.endswith(", 4:3")]
    expected = [*raw, "A night skyline of Seoul seen from Namsan, cinematic lighting, 16:9"]
    assert copied == expected
    assert [r["paste"] for r in rows] == [r["paste"] for r in published] == expected
    assert [line.endswith(text) for line, text in zip(table[1:], expected, strict=True)] == [True] * 5
    assert [r["prompt"] + ", " + r["ratio"] for r in published] == expected


# --- prompts --missing --run ----------------------------------------------------------------------


GENERATOR = textwrap.dedent(
    '''
    """A writer's image generator: writes a real PNG of the asked size at the path it is given."""
    import json, os, struct, sys, time, zlib
    prompt, path = sys.argv[1], sys.argv[2]
    size = [int(n) for n in sys.argv[3:5]] if len(sys.argv) > 4 else [8, 6]
    log = os.environ["GENERATOR_LOG"]
    running = os.path.join(os.path.dirname(log), "running")
    os.makedirs(running, exist_ok=True)
    me = os.path.join(running, str(os.getpid()))
    open(me, "w").close()
    def live():  # generators running now (a stopped one leaves its file behind)
        return len([p for p in os.listdir(running) if os.path.exists(f"/proc/{p}")])
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"argv": sys.argv[1:], "running": live()}) + "\\n")
    if "linger" in prompt:
        time.sleep(0.5)
    if "slow" in prompt:
        open(path, "wb").write(b"half an image")
        time.sleep(60)
    if "peer" in prompt:  # wait (a little) until another generator runs beside this one
        deadline = time.time() + 20
        while live() < 2 and time.time() < deadline:
            time.sleep(0.05)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"argv": sys.argv[1:], "running": live()}) + "\\n")
    if "fail" in prompt:
        open(path, "wb").write(b"\\x89PNG broken")
        print("the model is busy", file=sys.stderr)
        sys.exit(3)
    if "text instead" in prompt:
        open(path, "w").write("error: quota exceeded")
        sys.exit(0)
    if "nothing" in prompt:
        sys.exit(0)
    width, height = size
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = (b"\\x00" + b"\\x46\\x6e\\xa0" * width) * height
    png = (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    open(path, "wb").write(png)
    os.remove(me)
    '''
)


@pytest.fixture
def generator(project: SiteProject) -> tuple[Path, dict[str, str]]:
    script = project.root / "gen.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(GENERATOR, encoding="utf-8")
    log = project.root / "gen" / "log.jsonl"
    log.parent.mkdir()
    return script, {"GENERATOR_LOG": str(log)}


def _log(env: dict[str, str]) -> list[dict[str, object]]:
    path = Path(env["GENERATOR_LOG"])
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def test_run_makes_every_missing_image_and_the_next_build_shows_them(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    script, env = generator
    project.copy_real_article()
    project.write(
        "articles/block.md",
        """
        ---
        date: 2026-11-28
        draft: true
        ---

        # 블록 프롬프트

        블록으로 쓴 프롬프트입니다.

        /// prompt | 16:9
            image: ../pictures/서울-야경.png

        A night skyline of Seoul seen from Namsan, cinematic lighting
        ///
        """,
    )
    first = project.docs / "assets" / "prompts" / "2026-11-27-ai-burnout-1.webp"
    first.parent.mkdir(parents=True)
    first.write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")  # prompt 1 already has its image
    project.write_config()
    command = f"{sys.executable} {script} {{prompt}} {{path}} {{width}} {{height}}"
    result = jisik("prompts", "--missing", "--run", command, "--size", "64", cwd=project.root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "made 4, failed 0, timed out 0"
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == ["[1/4", "[2/4", "[3/4", "[4/4"]
    calls = _log(env)
    raw = [line for line in REAL_ARTICLE.read_text(encoding="utf-8").splitlines() if line.endswith(", 4:3")]
    assert (
        sorted(c["argv"][0] for c in calls)
        == sorted(  # type: ignore[index]
            [*raw[1:], "A night skyline of Seoul seen from Namsan, cinematic lighting, 16:9"]
        )
    )
    sizes = {c["argv"][0][-4:]: c["argv"][2:] for c in calls}  # type: ignore[index]
    assert sizes == {" 4:3": ["64", "48"], "16:9": ["64", "40"]}  # 64 × 36 rounded to a multiple of 8
    made = sorted(p.name for p in (project.docs / "assets" / "prompts").iterdir())
    assert made == [f"2026-11-27-ai-burnout-{n}.{'webp' if n == 1 else 'png'}" for n in range(1, 5)]
    assert (project.docs / "pictures" / "서울-야경.png").read_bytes().startswith(b"\x89PNG")

    # the next build binds every generated image; `--missing` has nothing left
    built = project.build()
    figures = built.html("articles/2026-11-27-ai-burnout/").select("figure.jisik-figure")
    for figure in figures[1:]:
        img = figure.select_one("img")
        assert img is not None and not figure.select(".jisik-figure__placeholder")
        assert (
            built.path(built.follow("articles/2026-11-27-ai-burnout/", img["src"])).read_bytes()[:4]
            == b"\x89PNG"
        )
    assert "missing" not in jisik("prompts", "--missing", cwd=project.root).stdout
    again = jisik("prompts", "--missing", "--run", command, cwd=project.root, env=env)
    assert again.returncode == 0 and again.stdout.strip() == "no missing images"


HOSTILE = [
    'A "quoted" prompt; touch PWNED; echo $(touch PWNED2) `touch PWNED3` with many words',
    "A prompt with 'single quotes' && touch PWNED || touch PWNED2 | cat > PWNED3 with words",
    "A prompt naming {path} and {prompt} and {{ braces }} and $HOME and ~ with words",
    "A prompt with a backslash \\ and a star * and a question ? and [brackets] with words",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_run_passes_a_prompt_as_one_argument_and_never_runs_it(
    project: SiteProject, generator: tuple[Path, dict[str, str]], hostile: str
) -> None:
    script, env = generator
    project.write(
        "articles/a.md",
        "---\ndate: 2026-11-27\n---\n\n# 적대적 프롬프트\n\n본문 문단입니다.\n\n"
        f"/// prompt | 4:3\n{hostile}\n///\n",
    )
    project.write_config()
    command = f"{sys.executable} {script} --prompt={{prompt}} {{path}}"
    result = jisik("prompts", "--missing", "--run", command, cwd=project.root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    (call,) = _log(env)
    assert call["argv"][0] == f"--prompt={hostile}, 4:3"  # type: ignore[index]
    assert call["argv"][1] == str(project.docs / "assets" / "prompts" / "a-1.png")  # type: ignore[index]
    for folder in (project.root, project.docs, Path.cwd(), Path.home()):
        assert not list(folder.glob("PWNED*")), folder


def test_run_reports_failures_timeouts_and_leaves_no_broken_file(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    script, env = generator
    prompts = {
        "ok": "A calm lake under a pale morning sky with birds, 4:3",
        "fail": "A prompt that will fail in the generator for sure, 4:3",
        "slow": "A slow prompt that takes far too long to draw here, 4:3",
        "text": "A prompt the generator answers with text instead of pixels, 4:3",
        "nothing": "A prompt for which the generator writes nothing at all, 4:3",
    }
    body = "\n\n".join(["본문 문단입니다.", *prompts.values()])
    project.article("articles/a.md", "실패하는 생성기", body=body)
    project.write_config()
    command = f"{sys.executable} {script} {{prompt}} {{path}}"
    result = jisik("prompts", "--run", command, "--timeout", "3", "--jobs", "3", cwd=project.root, env=env)
    assert result.returncode == 1
    _no_traceback(result.stderr)
    assert result.stdout.splitlines()[-1] == "made 1, failed 3, timed out 1"
    report = "\n".join(result.stdout.splitlines()[:-1])
    assert "failed: articles/a.md #2: exit status 3: the model is busy" in report
    assert "timed out: articles/a.md #3: no image after 3 s" in report
    assert "#4: " in report and "is not a PNG, JPEG, WebP or AVIF image" in report
    assert "failed: articles/a.md #5: the command wrote no image at docs/assets/prompts/a-5.png" in report
    assert sorted(p.name for p in (project.docs / "assets" / "prompts").iterdir()) == ["a-1.png"]
    # a timeout stops the generator itself: nothing is left running
    pids = [int(p.name) for p in (Path(env["GENERATOR_LOG"]).parent / "running").iterdir()]
    for pid in pids:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_keeps_to_the_concurrency_limit(
    project: SiteProject, generator: tuple[Path, dict[str, str]], jobs: int
) -> None:
    script, env = generator
    # with two at a time each waits for a peer; alone each lingers, so running more at once would show
    word = "peer" if jobs == 2 else "linger"
    body = "\n\n".join(
        ["본문 문단입니다."]
        + [f"A {word} prompt number {n} of a quiet harbour at dusk, 4:3" for n in range(4)]
    )
    project.article("articles/a.md", "동시에", body=body)
    project.write_config()
    command = f"{sys.executable} {script} {{prompt}} {{path}}"
    result = jisik("prompts", "--run", command, "--jobs", str(jobs), cwd=project.root, env=env)
    counts = [call["running"] for call in _log(env)]
    assert max(counts) <= jobs, counts  # type: ignore[type-var]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(counts) >= 4
    if jobs == 2:
        assert max(counts) == 2, counts  # type: ignore[type-var]


def test_run_uses_the_configured_generator(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    script, env = generator
    project.article(
        "articles/a.md", "설정", body="본문 문단입니다.\n\nA lighthouse on a rocky coast at night, 16:9"
    )
    project.plugin_options = {"figures": {"generator": f"{sys.executable} {script} {{prompt}} {{path}}"}}
    project.write_config()
    result = jisik("prompts", "--missing", "--run", cwd=project.root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project.docs / "assets" / "prompts" / "a-1.png").read_bytes().startswith(b"\x89PNG")
    project.build(strict=True)  # a build never runs it (and the option is valid config)


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("gen {prompt}", "must contain {path}"),
        ("gen {prompt} {path} {nope}", "unknown placeholder {nope}"),
        ("gen 'unclosed {path}", "cannot read the generator command"),
        ("no-such-generator-here {prompt} {path}", "not found on PATH"),
        ("", "needs the generator command"),
    ],
)
def test_run_refuses_a_bad_command_before_running_anything(
    project: SiteProject, command: str, message: str
) -> None:
    project.article(
        "articles/a.md", "명령", body="본문 문단입니다.\n\nA lighthouse on a rocky coast at night, 16:9"
    )
    project.write_config()
    args = ["prompts", "--missing", "--run", command] if command else ["prompts", "--run"]
    result = jisik(*args, cwd=project.root)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (project.docs / "assets").exists()


@given(st.text(max_size=40), st.text(max_size=40))
def test_substitution_never_splits_or_reads_a_value_again(prompt: str, path: str) -> None:
    argv = parse_command("gen --p={prompt} {path} {{literal}}")
    assert substitute(argv, {"prompt": prompt, "path": path}) == ["gen", f"--p={prompt}", path, "{literal}"]


def test_parse_command_errors_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        parse_command("gen {path} {other}")


def test_show_reads_loose_files_outside_any_site(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("---\ndate: 2026-01-02\n---\n\n# 글\n\n본문입니다.\n", encoding="utf-8")
    result = jisik("show", "x.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["article"] is None and record["date"] == "2026-01-02T00:00:00+09:00"
    utc = json.loads(jisik("show", "x.md", "--timezone", "UTC", cwd=tmp_path).stdout)
    assert utc["date"] == "2026-01-02T00:00:00+00:00"


def test_run_draws_a_progress_bar_on_a_terminal(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    import pty

    script, env = generator
    body = "\n\n".join(
        ["본문 문단입니다."] + [f"A small boat number {n} on a calm blue sea, 4:3" for n in range(3)]
    )
    project.article("articles/a.md", "진행 막대", body=body)
    project.write_config()
    master, slave = pty.openpty()
    command = f"{sys.executable} {script} {{prompt}} {{path}}"
    process = subprocess.Popen(
        [tool("jisik"), "prompts", "--run", command],
        cwd=project.root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    out, _ = process.communicate(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    text = shown.decode("utf-8", "replace")
    assert process.returncode == 0 and out.decode().splitlines()[-1] == "made 3, failed 0, timed out 0"
    assert "░" * 24 + "] 0/3" in text and "] 2/3" in text and "\r\x1b[K[3/3] made" in text


def test_ctrl_c_stops_the_generators_and_leaves_no_half_image(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    import signal
    import time

    script, env = generator
    project.article(
        "articles/a.md", "중단", body="본문 문단입니다.\n\nA slow drawing of a mountain village in snow, 4:3"
    )
    project.write_config()
    command = f"{sys.executable} {script} {{prompt}} {{path}}"
    process = subprocess.Popen(
        [tool("jisik"), "prompts", "--run", command],
        cwd=project.root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    half = project.docs / "assets" / "prompts" / "a-1.png"
    deadline = time.monotonic() + 60
    while not half.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert half.exists()  # the generator is drawing (and will sleep for a minute)
    assert len(_log(env)) == 1
    pid = next(int(p.name) for p in (Path(env["GENERATOR_LOG"]).parent / "running").iterdir())
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "interrupted" in err
    _no_traceback(err)
    assert not Path(f"/proc/{pid}").exists()  # the generator was stopped too
    assert not half.exists()


def test_import_and_new_write_into_the_config_docs_dir(project: SiteProject) -> None:
    _content_site(project)
    (project.root / "raw").mkdir()
    (project.root / "raw" / "a.txt").write_text("가져온 글\n\n2026-11-05\n\n본문입니다.\n", encoding="utf-8")
    imported = jisik("import", "raw", cwd=project.root)
    assert imported.returncode == 0, imported.stderr
    assert (project.root / "content" / "articles" / "2026-11-05-gajyeoon-geul.md").is_file()
    assert "content/articles/2026-11-05-gajyeoon-geul.md" in imported.stdout
    made = jisik("new", "새 글", cwd=project.root)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().startswith("content/articles/")
    assert jisik("check", cwd=project.root).stdout.splitlines()[-1].startswith("5 articles checked")


def test_run_makes_only_images_the_build_would_show(
    project: SiteProject, generator: tuple[Path, dict[str, str]]
) -> None:
    script, env = generator
    blocks = [
        ("https://images.example/a.png", "An address, not a file to make here at all"),
        ("../../../outside.png", "A picture that would land outside the docs folder"),
        ("../pics/same.png", "The first prompt naming one shared picture file here"),
        ("../pics/same.png", "The second prompt naming that same shared picture file"),
    ]
    body = "\n\n".join(f"/// prompt | 4:3\n    image: {image}\n\n{text}\n///" for image, text in blocks)
    project.write(
        "articles/a.md", f"---\ndate: 2026-11-27\n---\n\n# 명시적 그림\n\n본문 문단입니다.\n\n{body}\n"
    )
    project.write_config()
    command = f"{sys.executable} {script} {{prompt}} {{path}}"
    result = jisik("prompts", "--run", command, cwd=project.root, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "made 1, failed 0, timed out 0"
    assert "#1" not in result.stderr  # an image at an address is shown from there: nothing to make
    assert "skipped articles/a.md #2: its image ../../outside.png is outside the docs folder" in result.stderr
    assert "skipped articles/a.md #4: same image as articles/a.md #3" in result.stderr
    assert not (project.root / "outside.png").exists() and not (project.root.parent / "outside.png").exists()
    assert (project.docs / "pics" / "same.png").read_bytes().startswith(b"\x89PNG")
    built = project.build()
    images = [f.select_one("img") for f in built.html("articles/a/").select("figure.jisik-figure")]
    assert [img["src"] if img else None for img in images][1:] == [
        None,
        "../../pics/same.png",
        "../../pics/same.png",
    ]
