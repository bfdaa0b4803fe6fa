"""Sources: the 출처 section, unsafe schemes, the sources index, JSON-LD, the title fetcher."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import markdown
import pytest
import yaml
from mkdocs.exceptions import Abort

from support import Built, SiteProject, text_of, tool

TECHCRUNCH = (
    "https://techcrunch.com/podcast/ai-burnout-billion-dollar-bets-and-silicon-valleys-epstein-problem/"
)
REAL_URL = "articles/2026-11-27-ai-burnout/"


def test_real_article_ends_with_its_sources(repo_site: Built) -> None:
    soup = repo_site.html(REAL_URL)
    heading = soup.find("h2", id="출처")
    assert heading is not None
    listing = heading.find_next_sibling("ol")
    entries = listing.select("li.jisik-source")
    assert len(entries) == 1
    link = entries[0].select_one("a")
    assert link["href"] == TECHCRUNCH
    assert set(link["rel"]) == {"noopener", "noreferrer"}
    assert link.get_text() == "AI burnout, billion-dollar bets, and Silicon Valley's Epstein problem"
    assert entries[0].select_one(".jisik-source__domain").get_text() == "techcrunch.com"
    assert "출처:" not in text_of(soup)
    # the section is in the table of contents
    assert soup.select_one('nav.md-nav--secondary a[href="#출처"]') is not None


def test_source_titles_file_is_not_published(repo_site: Built) -> None:
    assert not (repo_site.site_dir / "source-titles.yml").exists()


def _all_hrefs(built: Built) -> list[str]:
    hrefs = []
    for page in built.site_dir.rglob("*.html"):
        soup = built.html(str(page.relative_to(built.site_dir)))
        hrefs += [a.get("href", "") for a in soup.select("[href]")]
        hrefs += [a.get("src", "") for a in soup.select("[src]")]
    return hrefs


def test_unsafe_schemes_are_text_and_reported(project: SiteProject) -> None:
    project.write(
        "evil.md",
        """
        ---
        date: 2026-11-01
        sources:
          - data:text/html,<script>alert(2)</script>
        ---

        # 위험한 출처

        본문입니다.

        출처: javascript:alert(1)
        출처: https://example.com/safe
        """,
    )
    built = project.build()
    hrefs = _all_hrefs(built)
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    soup = built.html("evil/")
    texts = [li.get_text(" ", strip=True) for li in soup.select("li.jisik-source")]
    assert any("javascript:alert(1)" in t for t in texts)
    assert any("data:text/html" in t for t in texts)
    assert soup.select_one('li.jisik-source a[href="https://example.com/safe"]') is not None
    runnable = [s for s in soup.select("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in runnable if "alert" in (s.string or "")]
    warnings = built.warnings
    assert any("docs/evil.md:11:" in w and "javascript:alert(1)" in w for w in warnings), warnings
    assert any("docs/evil.md:4:" in w and "data:" in w for w in warnings), warnings
    with pytest.raises(Abort):
        project.build(strict=True)


def test_sources_index_counts_citing_articles(project: SiteProject) -> None:
    project.copy_real_article()
    for n, day in enumerate(("05", "09", "07")):
        project.write(
            f"n{n}.md",
            f"""
            ---
            date: 2026-10-{day}
            ---

            # 뉴스 {n}

            본문.

            출처: https://news.example.kr/a/{n}
            출처: https://news.example.kr/b/{n}
            """,
        )
    project.write(
        "d.md", "---\ndate: 2026-10-30\ndraft: true\n---\n\n# 초안\n\n출처: https://news.example.kr/x\n"
    )
    project.write("t.md", "---\ndate: 2026-10-01\n---\n\n# 테크\n\n출처: https://www.techcrunch.com/other\n")
    built = project.build(strict=True)
    soup = built.html("sources/")
    sections = soup.select("section.jisik-source-domain")
    names = [s.select_one("h2").contents[0].strip() for s in sections]
    assert names == ["news.example.kr", "techcrunch.com"]
    for section in sections:
        count = int(section.select_one("h2 .jisik-count").get_text())
        articles = section.select("a.jisik-card__title")
        assert count == len(articles)
    news, tech = sections
    assert [a.get_text() for a in news.select("a.jisik-card__title")] == ["뉴스 1", "뉴스 2", "뉴스 0"]
    assert len(news.select("ul.jisik-source-urls a")) == 6
    tech_titles = [a.get_text() for a in tech.select("a.jisik-card__title")]
    assert tech_titles == ["AI 번아웃 거물 인재들이 이탈하는 3가지 이유", "테크"]
    real = built.follow("sources/", tech.select_one("a.jisik-card__title")["href"])
    assert real == REAL_URL


def _jsonld(built: Built, url: str) -> dict[str, object]:
    scripts = built.html(url).select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_jsonld_of_every_article_parses_and_cites(project: SiteProject) -> None:
    project.copy_real_article()
    project.write(
        "hostile.md",
        """
        ---
        date: 2026-11-02T10:00:00+09:00
        updated: 2026-11-03
        title: "</script><script>alert('x')</script> \\"quoted\\" <!-- & -->"
        tags: ["R&D", "<b>굵게</b>"]
        sources:
          - {url: "https://example.com/a?b=1&c=</script>", title: "제목 </script> \\" '"}
        ---

        본문 문단입니다.
        """,
    )
    built = project.build()
    real = _jsonld(built, REAL_URL)
    assert real["@type"] == "Article" and real["inLanguage"] == "ko"
    assert real["headline"] == "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
    assert real["datePublished"] == "2026-11-27T00:00:00+09:00"
    assert real["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "ai burnout billion dollar bets and silicon valleys epstein problem",
            "url": TECHCRUNCH,
        }
    ]
    assert len(real["keywords"]) == 10
    # the same short description as the page's <meta>, cut at a word
    meta = built.html(REAL_URL).select_one('meta[name="description"]')["content"]
    assert real["description"] == meta and meta.endswith("…") and len(meta) <= 160
    hostile = _jsonld(built, "hostile/")
    assert hostile["headline"] == "</script><script>alert('x')</script> \"quoted\" <!-- & -->"
    assert hostile["citation"][0]["url"] == "https://example.com/a?b=1&c=</script>"
    assert hostile["dateModified"] == "2026-11-03T00:00:00+09:00"
    assert hostile["keywords"] == ["R&D", "<b>굵게</b>"]
    raw = built.path("hostile/").read_text(encoding="utf-8")
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(script) == hostile  # the element ends where the JSON ends
    assert "<" not in script and ">" not in script


def test_title_preference_front_matter_then_cache_then_url(project: SiteProject) -> None:
    project.write(
        "a.md",
        """
        ---
        date: 2026-11-01
        sources:
          - {url: "https://one.example/x", title: 작가가 붙인 제목}
        ---

        # 글

        본문.

        출처: https://two.example/page
        출처: https://three.example/2026/%EB%B2%88%EC%95%84%EC%9B%83-%EB%B6%84%EC%84%9D.html
        """,
    )
    project.write(
        "source-titles.yml", "https://two.example/page: 캐시에 있는 제목\nhttps://one.example/x: 무시\n"
    )
    built = project.build(strict=True)
    titles = [a.get_text() for a in built.html("a/").select("ol.jisik-sources a")]
    assert titles == ["작가가 붙인 제목", "캐시에 있는 제목", "번아웃 분석"]


def test_extensions_work_in_plain_python_markdown() -> None:
    text = "# 제목\n\n본문.\n출처: https://example.com/x\n\n#태그 #OpenAI\n"
    html = markdown.markdown(text, extensions=["jisik.hashtags.markdown", "jisik.citations.markdown"])
    assert "<h1>제목</h1>" in html and "#태그" not in html and "출처:" not in html
    assert (
        '<a class="jisik-source__link" href="https://example.com/x" rel="noopener noreferrer">x</a>' in html
    )


# --- jisik sources fetch-titles against a local server ---------------------------------------------

PAGES: dict[str, tuple[int, str, bytes]] = {
    "/og": (
        200,
        "text/html; charset=utf-8",
        b'<html><head><title>Site | long</title><meta property="og:title" content="OG &amp; title">',
    ),
    "/euckr": (200, "text/html", '<meta charset="euc-kr"><title>한국어 제목</title>'.encode("cp949")),
    "/missing": (404, "text/html", b"no"),
    "/pdf": (200, "application/pdf", b"%PDF-1.4"),
    "/huge": (200, "text/html", b"<title>Big page</title>" + b"x" * 3_000_000),
    "/known": (200, "text/html", b"<title>Fetched title</title>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        status, kind, body = PAGES.get(self.path, (200, "text/html", b"<title>Slow</title>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_titles_fills_the_cache(project: SiteProject, server: str) -> None:
    lines = "\n".join(f"출처: {server}{path}" for path in [*PAGES, "/slow"])
    project.write("a.md", f"---\ndate: 2026-11-01\n---\n\n# 글\n\n본문.\n\n{lines}\n")
    project.write("source-titles.yml", f"{server}/known: 내가 고친 제목\n")
    result = subprocess.run(
        [tool("jisik"), "sources", "fetch-titles", "--docs", str(project.docs), "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # some pages failed, and it says so
    assert "Traceback" not in result.stderr
    assert "7 cited URLs: 3 titles added" in result.stdout and "1 already known, 3 failed" in result.stdout
    cache = yaml.safe_load((project.docs / "source-titles.yml").read_text(encoding="utf-8"))
    assert cache[f"{server}/og"] == "OG & title"
    assert cache[f"{server}/euckr"] == "한국어 제목"
    assert cache[f"{server}/huge"] == "Big page"
    assert cache[f"{server}/known"] == "내가 고친 제목"
    assert f"{server}/missing" not in cache and f"{server}/pdf" not in cache and f"{server}/slow" not in cache
    assert "HTTP 404" in result.stdout
    built = project.build()
    titles = [a.get_text() for a in built.html("a/").select("ol.jisik-sources a")]
    assert titles[:2] == ["OG & title", "한국어 제목"]


def test_jsonld_description_is_the_page_description(project: SiteProject) -> None:
    """A writer's own `description:` is used whole in both places; otherwise the summary, cut."""
    written = "직접 쓴 설명입니다. " * 20
    project.write(
        "own.md",
        f'---\ndate: 2026-11-02\ndescription: "{written}"\n---\n\n# 설명 있는 글\n\n본문 문단입니다.\n',
    )
    built = project.build()
    meta = built.html("own/").select_one('meta[name="description"]')["content"]
    assert meta == written.strip() and len(meta) > 160
    assert _jsonld(built, "own/")["description"] == meta
