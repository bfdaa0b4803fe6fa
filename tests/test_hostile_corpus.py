"""A hostile corpus: one small site per case, each built for real, each checked for the same four things.

1. The build does not crash, and the rest of the site (a plain article, the home page) is there.
2. Each problem is one message naming `docs/<file>:<line>`, and `jisik check` names the same place.
3. Nothing hostile is live: no script runs, no handler, no `javascript:` link, in any page; every feed
   and JSON file parses; feed plain-text elements and dates are what validators accept; `description`
   (which readers render as HTML) holds no element.
4. Nothing is silently lost: every Markdown file has its page or a message naming it (drafts excepted),
   and every article page is on the archive.

The cases cover the classes of the outside audit (issue 13) and their neighbours: other fields, other
outputs, other kinds of page.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from jisik.cli import main as jisik
from support import Built, SiteProject, png

OK_TITLE = "정상 글"
LINK = "[x](https://a.kr)"
RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
UNSAFE_URL = re.compile(r"^\s*(?:javascript|data|vbscript):", re.IGNORECASE)


def art(
    heading: str = "# 제목",
    body: str = "본문 문단입니다.",
    front: str = "date: 2026-01-02",
    tail: str = "출처: https://example.com/a\n\n#공통",
) -> str:
    """An article: front matter from line 2, then a blank line, the heading, the body and the tail."""
    return f"---\n{front}\n---\n\n{heading}\n\n{body}\n\n{tail}\n"


def alias_bomb(key: str) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines.append(f"{key}: *i")
    return "\n".join(lines)


def deep_list(levels: int) -> str:
    return "".join("    " * n + f"- 항목 {n}\n" for n in range(levels))


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]
    warns: tuple[tuple[str, str], ...] = ()
    """`(docs/<file>:<line>, text)` each build message must have (the line may be left out)."""
    check: Callable[[Built], None] | None = None
    in_check: bool = True
    """`jisik check` names the same places (articles only; the home page and site-wide clashes not)."""
    absent: tuple[str, ...] = ()
    """Files that must have no page (drafts)."""
    setup: Callable[[SiteProject], None] | None = None
    quiet: bool = False
    """No message may name a case file (for inputs that are fine)."""


def _h1(built: Built, url: str) -> str:
    heading = built.html(url).select_one("article h1")
    assert heading is not None, url
    return " ".join(heading.get_text().replace("¶", "").split())


def _card_titles(built: Built, url: str) -> list[str]:
    return [" ".join(a.get_text().split()) for a in built.html(url).select("a.jisik-card__title")]


def _chip(built: Built, page: str, name: str) -> str:
    for chip in built.html(page).select("nav.jisik-tags a.jisik-tag"):
        if chip.get_text() == "#" + name:
            return built.follow(page, chip["href"])
    raise AssertionError(f"no chip #{name} on {page}")


def _feed_items(built: Built) -> list[etree._Element]:
    return list(etree.fromstring(built.path("feed.xml").read_bytes()).iter("item"))


# --- case checks ----------------------------------------------------------------------------------


def _clash(writer_url: str, writer_h1: str, moved_url: str, lists: bool = True) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        assert _h1(built, writer_url) == writer_h1  # the writer's page is kept where it was
        if lists:
            assert OK_TITLE in _card_titles(built, moved_url)  # jisik's page, moved, still lists
        links = [a["href"] for a in built.html("").select("a[href]") if "://" not in a["href"]]
        assert moved_url in {built.follow("", href) for href in links}  # reachable from the home page

    return check


def _tag_clash(built: Built) -> None:
    assert _h1(built, "tags/공통/") == "공통 소개"
    page = _chip(built, "articles/ok/", "공통")
    assert page != "tags/공통/" and OK_TITLE in _card_titles(built, page)


def _moved_tag_page(built: Built) -> None:
    page = _chip(built, "articles/ok/", "공통")
    assert page not in ("tags/공통/", "tags/" + quote("공통") + "/") and OK_TITLE in _card_titles(built, page)


def _readme_home(built: Built) -> None:
    soup = built.html("")
    assert "리드미 본문" in soup.get_text() and OK_TITLE in _card_titles(built, "")


def _draft_gone(built: Built) -> None:
    assert "notes" not in built.path("sitemap.xml").read_text(encoding="utf-8")
    index = json.loads(built.path("search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "비밀" in d["text"] or d["location"].startswith("notes")]


def _meta(name: str, value: str, url: str = "articles/x/") -> Callable[[Built], None]:
    def check(built: Built) -> None:
        tag = built.html(url).select_one(f'meta[name="{name}"]')
        assert tag is not None and tag["content"] == value

    return check


def _page_title(url: str, expected: str, whole: bool = False, nav: str = "") -> Callable[[Built], None]:
    def check(built: Built) -> None:
        soup = built.html(url)
        assert soup.title is not None
        assert soup.title.get_text() == (expected if whole else f"{expected} - 지식 테스트")
        assert (nav or expected) in [" ".join(a.get_text().split()) for a in soup.select("nav a")]

    return check


def _search_tags(url: str, expected: list[str]) -> Callable[[Built], None]:
    """Material's search shows a page's tags with innerHTML: they are escaped text."""

    def check(built: Built) -> None:
        index = json.loads(built.path("search/search_index.json").read_text(encoding="utf-8"))
        doc = next(d for d in index["docs"] if d["location"] == url)
        assert [BeautifulSoup(t, "html.parser").get_text() for t in doc["tags"]] == expected
        assert not [t for t in doc["tags"] if "<" in t]

    return check


def _title_everywhere(expected: str, url: str = "articles/x/") -> Callable[[Built], None]:
    """The title is one text: page `<h1>`, `<title>`, cards, search, RSS, JSON Feed, JSON-LD."""

    def check(built: Built) -> None:
        soup = built.html(url)
        assert _h1(built, url) == expected
        heading = soup.select_one("article h1")
        assert heading is not None and [e.name for e in heading.find_all(True)] == ["a"]  # permalink only
        assert soup.title is not None and soup.title.get_text() == f"{expected} - 지식 테스트"
        assert expected in _card_titles(built, "")
        index = json.loads(built.path("search/search_index.json").read_text(encoding="utf-8"))
        doc = next(d for d in index["docs"] if d["location"] == url)
        assert BeautifulSoup(doc["title"], "html.parser").get_text() == expected
        item = next(i for i in _feed_items(built) if i.findtext("link").endswith(url))
        assert item.findtext("title") == expected
        feed = json.loads(built.path("feed.json").read_text(encoding="utf-8"))
        assert next(i for i in feed["items"] if i["url"].endswith(url))["title"] == expected
        script = soup.select_one('script[type="application/ld+json"]')
        assert script is not None and json.loads(script.string)["headline"] == expected

    return check


def _later_value_used(built: Built) -> None:
    soup = built.html("articles/x/")
    assert soup.title is not None and soup.title.get_text() == "둘째 제목 - 지식 테스트"
    assert "둘째 제목" in _card_titles(built, "")


def _code_kept(built: Built) -> None:
    code = built.html("articles/x/").select_one("article pre code")
    assert code is not None and "# <img src=x onerror=alert(2)>" in code.get_text()
    _title_everywhere("<img src=x onerror=alert(2)>")(built)


def _plain_in_feed(built: Built) -> None:
    item = next(i for i in _feed_items(built) if i.findtext("link").endswith("articles/x/"))
    raw = item.findtext("description")
    assert BeautifulSoup(raw, "html.parser").get_text() == "요약 <img src=x onerror=alert(4)> 끝"


def _plain_text_encoding(title: str, category: str) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        raw = built.path("feed.xml").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in raw
        assert f"<category>{category}</category>" in raw

    return check


def _dated(offset: str) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        item = next(i for i in _feed_items(built) if i.findtext("link").endswith("articles/x/"))
        assert item.findtext("pubDate").endswith(offset.replace(":", ""))
        feed = json.loads(built.path("feed.json").read_text(encoding="utf-8"))
        entry = next(i for i in feed["items"] if i["url"].endswith("articles/x/"))
        assert entry["date_published"].endswith(offset)
        script = built.html("articles/x/").select_one('script[type="application/ld+json"]')
        assert script is not None and json.loads(script.string)["datePublished"].endswith(offset)

    return check


def _enclosure(built: Built) -> None:
    item = next(i for i in _feed_items(built) if i.findtext("link").endswith("articles/x/"))
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == "https://example.com/my%20image%27s%20%22big%22.png"


def _no_link(url: str) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        soup = built.html("articles/x/")
        assert url in [s.get_text() for s in soup.select("li.jisik-source span.jisik-source__text")]
        assert not [a for a in soup.select("li.jisik-source a") if url in a["href"]]

    return check


def _source_titles(built: Built, expected: list[str]) -> None:
    titles = [" ".join(a.get_text().split()) for a in built.html("articles/x/").select("li.jisik-source a")]
    assert titles[: len(expected)] == expected


def _linked(built: Built) -> None:
    hrefs = [a["href"] for a in built.html("articles/x/").select("li.jisik-source a")]
    assert "https://[::1]/ok" in hrefs


def _tag_page(name: str) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        page = _chip(built, "articles/x/", name)
        assert _h1(built, page) == "#" + name
        assert _card_titles(built, page) == ["글"]
        assert OK_TITLE in _card_titles(built, _chip(built, "articles/ok/", "공통"))

    return check


def _two_long_tags(built: Built) -> None:
    first, second = "가" * 85 + "나", "가" * 85 + "다"
    pages = {_chip(built, "articles/x/", first), _chip(built, "articles/y/", second)}
    assert len(pages) == 2
    for page in pages:
        assert len(_card_titles(built, page)) == 1


def _deepest_kept(text: str, url: str = "articles/x/") -> Callable[[Built], None]:
    def check(built: Built) -> None:
        assert text in built.html(url).get_text()

    return check


def _figure_kept(built: Built) -> None:
    """The prompt is a figure (its text once, never the block's raw `///` lines)."""
    soup = built.html("articles/x/")
    prompts = [" ".join(p.get_text().split()) for p in soup.select("figure.jisik-figure .jisik-prompt")]
    assert prompts and prompts[0].startswith("A cat on a mat"), prompts
    assert "///" not in (soup.select_one("article") or soup).get_text()


def _bound_as_shown(alt: str) -> Callable[[Built], None]:
    def check(built: Built) -> None:
        soup = built.html("articles/x/")
        image = soup.select_one("figure.jisik-figure img")
        assert image is not None and image["src"] == "../img/x.png" and image["alt"] == alt
        preview = soup.select_one('meta[property="og:image"]')
        assert preview is not None and preview["content"].endswith("/articles/img/x.png")
        preview_alt = soup.select_one('meta[property="og:image:alt"]')
        assert preview_alt is not None and preview_alt["content"] == alt
        rows = json.loads(built.path("prompts.json").read_text(encoding="utf-8"))["prompts"]
        assert [(r["image"], r["image_exists"]) for r in rows] == [("articles/img/x.png", True)]

    return check


def _import(raw: str) -> Callable[[SiteProject], None]:
    def setup(project: SiteProject) -> None:
        source = project.root / "raw.txt"
        source.write_text(raw, encoding="utf-8")
        code = jisik(["import", str(source), "-o", str(project.docs / "articles"), "--date", "2026-01-09"])
        assert code == 0

    return setup


def _imported_prompt(built: Built) -> None:
    pages = [p for p in built.site_dir.glob("articles/2026-01-09-*/index.html")]
    assert len(pages) == 1
    soup = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "lxml")
    prompts = [" ".join(p.get_text().split()) for p in soup.select("figure.jisik-figure .jisik-prompt")]
    assert prompts == [
        "A cinematic robot in a bright laboratory holding a sign <script>alert(1)</script> "
        "with words, golden light"
    ]


def _dangling(path: str) -> Callable[[SiteProject], None]:
    def setup(project: SiteProject) -> None:
        (project.docs / path).parent.mkdir(parents=True, exist_ok=True)
        (project.docs / path).symlink_to(project.root / "nowhere" / "gone")

    return setup


def _loop(project: SiteProject) -> None:
    (project.docs / "loop").mkdir()
    os.symlink("..", project.docs / "loop" / "up")


RAW_PROMPT = (
    "AI 번아웃 제목\n\n첫 문단은 한국어 본문입니다.\n\n"
    "A cinematic robot in a bright laboratory holding a sign\n"
    "<script>alert(1)</script> with words, golden light, 16:9\n\n"
    "출처: https://example.com/a\n\n#공통\n"
)


def _wikilink_marks(built: Built, shown: list[str]) -> None:
    marks = built.html("articles/x/").select(".jisik-wikilink--missing")
    assert [m.get_text() for m in marks] == shown
    assert built.html("articles/x/").select("article a.jisik-wikilink") == []


def _backlink_titles(built: Built, url: str, titles: list[str]) -> None:
    assert [a.get_text() for a in built.html(url).select("section.jisik-backlinks li a")] == titles


def _redirects_to(built: Built, old: str, new: str) -> None:
    page = BeautifulSoup(built.path(old).read_text(encoding="utf-8"), "html.parser")
    assert page.title is not None and page.title.get_text() == "</title><script>alert(1)</script>"
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and built.follow(old, str(refresh["content"]).split("url=", 1)[1]) == new


CASES: dict[str, Case] = {
    # --- nothing lost ---
    "clash-archive-md": Case(
        {"archive.md": art("# 내 보관함 이야기")},
        (("docs/archive.md", "jisik's page '보관함'"),),
        _clash("archive/", "내 보관함 이야기", "archive-2/"),
        in_check=False,
    ),
    "clash-sources-md": Case(
        {"sources.md": art("# 내 출처 이야기")},
        (("docs/sources.md", "jisik's page '출처'"),),
        _clash("sources/", "내 출처 이야기", "sources-2/", lists=False),
        in_check=False,
    ),
    "clash-material-tags-md": Case(
        {"tags.md": "---\narticle: false\n---\n\n# 내 태그\n\n<!-- material/tags -->\n"},
        (("docs/tags.md", "jisik's page '태그'"),),
        _clash("tags/", "내 태그", "tags-2/", lists=False),
        in_check=False,
    ),
    "clash-tag-page": Case(
        {"tags/공통.md": art("# 공통 소개", tail="출처: https://example.com/a")},
        (("docs/tags/공통.md", "jisik's page '#공통'"),),
        _tag_clash,
        in_check=False,
    ),
    # one file on macOS and Windows disks, where sites are often built: NFD Hangul, another case
    "clash-tag-page-nfd": Case(
        {
            unicodedata.normalize("NFD", "tags/공통.md"): art(
                "# 공통 소개", tail="출처: https://example.com/a"
            )
        },
        ((unicodedata.normalize("NFD", "docs/tags/공통.md"), "jisik's page '#공통'"),),
        _moved_tag_page,
        in_check=False,
    ),
    "clash-tags-md-in-capitals": Case(
        {"Tags.md": "---\narticle: false\n---\n\n# 대문자 태그\n"},
        (("docs/Tags.md", "jisik's page '태그'"),),
        _clash("Tags/", "대문자 태그", "tags-2/", lists=False),
        in_check=False,
    ),
    # a writer's file that is not a page, where jisik writes a feed or prompts.json: said, not silent
    **{
        f"clash-file-{path.replace('/', '-')}": Case(
            {path: "mine"}, ((f"docs/{path}", "replaces your file"),), in_check=False
        )
        for path in ("feed.xml", "feed.json", "prompts.json", "tags/공통/feed.xml", "tags/공통/feed.json")
    },
    # a page MkDocs reads as Markdown under another name is not silently left out of every list
    **{
        f"article-named-{suffix[1:]}": Case(
            {f"articles/x{suffix}": art()},
            ((f"docs/articles/x{suffix}", "rename it to x.md"),),
            in_check=False,  # `jisik check` reads the files it is given
        )
        for suffix in (".markdown", ".mdown", ".mkdn", ".mkd")
    },
    "page-named-markdown-that-says-so-is-fine": Case(
        {"about.markdown": "---\narticle: false\n---\n\n# 소개\n"}, quiet=True
    ),
    "clash-readme-is-the-home": Case(
        {"README.md": "# 리드미\n\n리드미 본문.\n"}, (), _readme_home, quiet=True
    ),
    "front-matter-only": Case(
        {"articles/x.md": "---\ntitle: 빈 글\ndate: 2026-01-03\n---\n"},
        (("docs/articles/x.md:4", "front matter but no text"),),
    ),
    "front-matter-only-empty-block": Case(
        {"articles/x.md": "---\n---\n"}, (("docs/articles/x.md:2", "front matter but no text"),)
    ),
    "draft-and-not-article": Case(
        {"notes.md": "---\ndraft: true\narticle: false\n---\n\n# 비밀 메모\n\n비밀 본문.\n"},
        check=_draft_gone,
        absent=("notes.md",),
    ),
    "draft-yes-and-not-article": Case(
        {"notes.md": "---\ndraft: 'yes'\narticle: false\n---\n\n# 비밀 메모\n\n비밀 본문.\n"},
        check=_draft_gone,
        absent=("notes.md",),
    ),
    # --- nothing runs: front matter that is not text ---
    "author-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nauthor: ['\"><img src=x onerror=alert(1)>']")},
        (("docs/articles/x.md:3", "`author` is a list"),),
        _meta("author", '"><img src=x onerror=alert(1)>'),
    ),
    "author-mapping": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nauthor: {name: '<script>alert(1)</script>'}")},
        (("docs/articles/x.md:3", "`author` is a mapping"),),
        _meta("author", "<script>alert(1)</script>"),
    ),
    "title-mapping": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntitle: {a: '</title><script>alert(1)</script>'}")},
        (("docs/articles/x.md:3", "`title` is a mapping"),),
    ),
    "description-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ndescription: ['\" onload=\"alert(1)', b]")},
        (("docs/articles/x.md:3", "`description` is a list"),),
        _meta("description", '" onload="alert(1), b'),
    ),
    "summary-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nsummary: ['<img src=x onerror=alert(1)>']")},
        (("docs/articles/x.md:3", "`summary` is a list"),),
    ),
    "subtitle-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nsubtitle: ['<img src=x onerror=alert(1)>']")},
        (("docs/articles/x.md:3", "`subtitle` is a list"),),
    ),
    "tags-entry-a-nested-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntags: [[a, '<img src=x onerror=alert(1)>'], 공통]")},
        (("docs/articles/x.md:3", "a `tags` entry must be one tag"),),
    ),
    "source-title-a-list": Case(
        {
            "articles/x.md": art(
                front='date: 2026-01-02\nsources: [{url: "https://example.com/s", title: [가, 나]}]'
            )
        },
        check=lambda built: _source_titles(built, ["가, 나"]),
    ),
    "home-page-author-list": Case(
        {"index.md": "---\nauthor: ['\"><img src=x onerror=alert(5)>']\n---\n\n# 홈\n"},
        (("docs/index.md:2", "`author` is not text"),),
        _meta("author", '"><img src=x onerror=alert(5)>', ""),
        in_check=False,
    ),
    "writer-page-subtitle-in-nav": Case(
        {"about.md": "---\narticle: false\nsubtitle: ['<img src=x onerror=alert(1)>']\n---\n\n# 소개\n"},
        (("docs/about.md:3", "`subtitle` is not text"),),
        in_check=False,
    ),
    "writer-page-status-in-nav": Case(
        {"about.md": "---\narticle: false\nstatus: '\"><img src=x onerror=alert(1)>'\n---\n\n# 소개\n"},
        in_check=False,
    ),
    "writer-page-heading-title-with-entities": Case(
        {"about.md": "---\narticle: false\n---\n\n# &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"},
        check=_page_title("about/", "</title><script>alert(1)</script>"),
        quiet=True,
    ),
    "home-page-heading-title-with-entities": Case(
        {"index.md": "# &lt;img src=x onerror=alert(1)&gt; 홈\n"},
        check=_page_title("", "지식 테스트", whole=True, nav="<img src=x onerror=alert(1)> 홈"),
        quiet=True,
    ),
    "writer-page-tags-in-search": Case(
        {"about.md": "---\narticle: false\ntags: ['<img src=x onerror=alert(1)>', R&D]\n---\n\n# 소개\n"},
        check=_search_tags("about/", ["<img src=x onerror=alert(1)>", "R&D"]),
        quiet=True,
    ),
    "writer-page-title-list": Case(
        {"about.md": "---\narticle: false\ntitle: ['</title><script>alert(1)</script>']\n---\n\n본문.\n"},
        (("docs/about.md:3", "`title` is not text"),),
        in_check=False,
    ),
    # --- nothing runs: what a title is ---
    "title-after-a-code-copy": Case(
        {"articles/x.md": art("```\n# <img src=x onerror=alert(2)>\n```\n\n# <img src=x onerror=alert(2)>")},
        check=_code_kept,
        quiet=True,
    ),
    "title-javascript-link": Case(
        {"articles/x.md": art("# [자세히](javascript:alert(3)) 보기")},
        check=_title_everywhere("자세히 보기"),
        quiet=True,
    ),
    "title-image": Case(
        {"articles/x.md": art("# ![그림](javascript:alert(3)) 사진 제목")},
        check=_title_everywhere("사진 제목"),  # an image has no text
        quiet=True,
    ),
    "title-raw-anchor": Case(
        {"articles/x.md": art('# <a href="javascript:alert(1)">링크</a> 제목')},
        check=_title_everywhere('<a href="javascript:alert(1)">링크</a> 제목'),
        quiet=True,
    ),
    "title-attribute-list": Case(
        {"articles/x.md": art('# 속성 제목 {: onclick="alert(1)" }')},
        check=_title_everywhere("속성 제목"),
        quiet=True,
    ),
    "title-setext-heading": Case(
        {"articles/x.md": art("<img src=x onerror=alert(3)> [밑줄](javascript:alert(3)) 제목\n===")},
        check=_title_everywhere("<img src=x onerror=alert(3)> 밑줄 제목"),  # `===` makes an <h1> too
        quiet=True,
    ),
    "title-setext-heading-plain": Case(
        {"articles/x.md": art("밑줄 제목 {#top}\n=====")},
        check=_title_everywhere("밑줄 제목"),  # the title, not the file name
        quiet=True,
    ),
    "title-setext-list-marker": Case(
        {"articles/x.md": art("- **목록** 같은 제목\n===")},
        check=_title_everywhere("목록 같은 제목"),
        quiet=True,
    ),
    "title-markup": Case(
        {"articles/x.md": art("# **굵은** _기울임_ `코드` 제목")},
        check=_title_everywhere("굵은 기울임 코드 제목"),
        quiet=True,
    ),
    "title-entities-and-signs": Case(
        {"articles/x.md": art("# AT&amp;T &lt;b&gt; S&P500 :smile: 제목 \\*")},
        check=_title_everywhere("AT&T <b> S&P500 :smile: 제목 *"),
        quiet=True,
    ),
    "import-prompt-line-starting-with-script": Case(
        {}, check=_imported_prompt, setup=_import(RAW_PROMPT), in_check=False
    ),
    # --- feeds every validator and reader accept ---
    "feed-summary-code-span-img": Case(
        {"articles/x.md": art(body="요약 `<img src=x onerror=alert(4)>` 끝")},
        check=_plain_in_feed,
        quiet=True,
    ),
    "feed-title-and-tag-ampersand": Case(
        {"articles/x.md": art("# S&P500 지수 <b>", tail="출처: https://example.com/a\n\n#공통 #S&P500")},
        check=_plain_text_encoding("S&#x26;P500 지수 &#x3C;b&gt;", "S&#x26;P500"),
        quiet=True,
    ),
    "feed-tag-lt": Case(
        {"articles/x.md": art(tail="출처: https://example.com/a\n\n#공통 #<img")},
        check=_plain_text_encoding("제목", "&#x3C;img"),
        quiet=True,
    ),
    "date-1900-seoul-lmt": Case(
        {"articles/x.md": art(front="date: 1900-01-01")}, check=_dated("+08:28"), quiet=True
    ),
    "date-1907-with-time": Case(
        {"articles/x.md": art(front="date: 1907-06-01 09:30")}, check=_dated("+08:28"), quiet=True
    ),
    "date-with-seconds-offset": Case(
        {"articles/x.md": art(front="date: '2026-01-02T09:30:00+08:27:52'")},
        check=_dated("+08:28"),
        quiet=True,
    ),
    "enclosure-url-with-spaces-and-quotes": Case(
        {
            "articles/x.md": art(
                body='본문.\n\n/// prompt | 16:9\n    image: https://example.com/my image\'s "big".png\n\n'
                "A wide landscape photo of mountains at dawn\n///"
            )
        },
        check=_enclosure,
        quiet=True,
    ),
    # --- one article never stops the site ---
    "source-ipv6-unclosed": Case(
        {"articles/x.md": art(tail="출처: https://[::1\n\n#공통")},
        (("docs/articles/x.md:9", "'https://[::1' is not an http(s) URL"),),
        _no_link("https://[::1"),
    ),
    "source-ipv6-front-matter": Case(
        {"articles/x.md": art(front='date: 2026-01-02\nsources: ["https://[::1/x"]')},
        (("docs/articles/x.md:3", "is not an http(s) URL"),),
        _no_link("https://[::1/x"),
    ),
    "source-port-out-of-range": Case(
        {"articles/x.md": art(tail="출처: https://example.com:99999/a\n\n#공통")},
        (("docs/articles/x.md:9", "is not an http(s) URL"),),
        _no_link("https://example.com:99999/a"),
    ),
    "source-ipv6-valid-is-a-link": Case(
        {"articles/x.md": art(tail="출처: https://[::1]/ok\n\n#공통")}, check=_linked, quiet=True
    ),
    "tag-index-html": Case(
        {"articles/x.md": art("# 글", tail="#index.html")}, check=_tag_page("index.html"), quiet=True
    ),
    "tag-index-htm-upper": Case(
        {"articles/x.md": art("# 글", tail="#INDEX.HTM")}, check=_tag_page("INDEX.HTM"), quiet=True
    ),
    "tag-86-hangul-syllables": Case(
        {"articles/x.md": art("# 글", tail="#" + "가" * 86)}, check=_tag_page("가" * 86), quiet=True
    ),
    "tag-300-latin-letters": Case(
        {"articles/x.md": art("# 글", tail="#" + "a" * 300)}, check=_tag_page("a" * 300), quiet=True
    ),
    "tags-sharing-a-url-in-front-matter": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntags: ['a/b', 'a\\\\b']")},
        (("docs/articles/x.md:3", "would share the URL 'a-b/'"),),  # the line naming the tag
    ),
    "tags-sharing-a-url-on-the-hashtag-line": Case(
        {"articles/x.md": art(tail="출처: https://example.com/a\n\n#가'나 #가\"나")},
        (("docs/articles/x.md:11", "would share the URL"),),
    ),
    "two-long-tags-sharing-a-prefix": Case(
        {
            "articles/x.md": art("# 글 하나", tail="#" + "가" * 85 + "나"),
            "articles/y.md": art("# 글 둘", tail="#" + "가" * 85 + "다"),
        },
        check=_two_long_tags,
    ),
    "yaml-alias-bomb-tags": Case(
        {"articles/x.md": art(front=alias_bomb("tags"))},
        (("docs/articles/x.md:6", "YAML aliases"),),
    ),
    "yaml-alias-bomb-title": Case(
        {"articles/x.md": art(front="date: 2026-01-02\n" + alias_bomb("title"))},
        (("docs/articles/x.md:7", "YAML aliases"),),
    ),
    "yaml-recursive-alias": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntags: &a [*a]")},
        (("docs/articles/x.md:3", "YAML aliases"),),
    ),
    "yaml-alias-bomb-on-the-home-page": Case(
        {"index.md": "---\n" + alias_bomb("title") + "\n---\n\n# 홈\n"},
        (("docs/index.md:1", "YAML aliases"),),
        in_check=False,
    ),
    "yaml-flow-nested-1000": Case(
        {"articles/x.md": art(front="tags: " + "[" * 1000 + "]" * 1000)},
        (("docs/articles/x.md:2", "not valid YAML"),),
    ),
    "list-nested-1000": Case(
        {"articles/x.md": art(body=deep_list(1000))},
        (("docs/articles/x.md:58", "nested more than 50 levels"),),
        _deepest_kept("항목 999"),
    ),
    "quote-nested-1000": Case(
        {"articles/x.md": art(body=">" * 1000 + " 깊은 인용 끝")},
        (("docs/articles/x.md:7", "nested more than 50 levels"),),
        _deepest_kept("깊은 인용 끝"),
    ),
    "list-nested-1000-on-the-home-page": Case(
        {"index.md": "---\ntitle: 홈\n---\n\n" + deep_list(1000)},
        (("docs/index.md:56", "nested more than 50 levels"),),
        _deepest_kept("항목 999", ""),
        in_check=False,
    ),
    "strong-emphasis-nested-1000": Case(
        {"articles/x.md": art(body="**가 " * 1000 + "깊은 강조 끝" + " 가**" * 1000)},
        (("docs/articles/x.md", "nested too deep for Markdown"),),
        _deepest_kept("깊은 강조 끝"),
        in_check=False,  # found by converting the page with the site's Markdown extensions
    ),
    "emphasis-run-3000": Case(
        {"articles/x.md": art(body="*" * 3000 + "별표 끝" + "*" * 3000)},
        (("docs/articles/x.md", "nested too deep for Markdown"),),
        _deepest_kept("별표 끝"),
        in_check=False,
    ),
    "list-markers-on-one-line-1000": Case(
        {"articles/x.md": art(body="* " * 1000 + "한 줄 목록 끝")},
        (("docs/articles/x.md", "nested too deep for Markdown"),),
        _deepest_kept("한 줄 목록 끝"),
        in_check=False,
    ),
    "many-emphasis-signs-that-do-not-nest-are-fine": Case(
        {"articles/x.md": art(body="\n\n".join(f"**굵게 {n}** 와 _기울임_" for n in range(300)))},
        check=_deepest_kept("굵게 299"),
        quiet=True,
    ),
    "deep-indent-inside-fenced-code-is-fine": Case(
        {"articles/x.md": art(body="```\n" + deep_list(200) + "```")},
        check=_deepest_kept("- 항목 199"),
        quiet=True,
    ),
    "icon-not-in-the-theme": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nicon: nothing/here")},
        (("docs/articles/x.md:3", "is not an icon of the theme"),),
        in_check=False,  # a theme matter: `jisik check` does not load the theme
    ),
    "icon-a-list-on-a-writer-page": Case(
        {"about.md": "---\narticle: false\nicon: [material/home]\n---\n\n# 소개\n"},
        (("docs/about.md:3", "is not an icon of the theme"),),
        in_check=False,
    ),
    "icon-of-the-theme-is-fine": Case(
        {"about.md": "---\narticle: false\nicon: material/home\n---\n\n# 소개\n"}, quiet=True
    ),
    # the other front-matter keys Material reads: none stops the build, none puts markup in the page
    **{
        f"theme-key-{name}": Case(
            {"articles/x.md": art(front="date: 2026-01-02\n" + front)},
            (("docs/articles/x.md:" + str(line), text),),
            in_check=False,  # theme matters: `jisik check` does not load the theme
        )
        for name, front, line, text in (
            ("template-missing", "template: nothing.html", 3, "is not a page template of the theme"),
            ("template-leaving-the-theme", "template: ../../../etc/passwd", 3, "is not a page template"),
            ("template-a-number", "template: 5", 3, "is not a page template of the theme"),
            # templates of the theme that are no page template, or need what this build does not have
            ("template-of-jisik-lists", "template: jisik/tag.html", 3, "is not a page template"),
            ("template-a-partial", "template: partials/header.html", 3, "is not a page template"),
            ("template-of-the-blog-plugin", "template: blog-post.html", 3, "is not a page template"),
            ("template-not-html", "template: .icons/material/home.svg", 3, "is not a page template"),
            ("hide-a-number", "hide: 5", 3, "must be a list"),
            ("hide-a-string", "hide: navigation", 3, "must be a list"),
            ("search-a-number", "search: 5", 3, "must be a mapping"),
            ("search-a-list", "search: [exclude]", 3, "must be a mapping"),
            ("redirect-javascript", "template: redirect.html\nlocation: 'javascript:alert(1)'", 4, "URL"),
            ("redirect-quote", "template: redirect.html\nlocation: '\"]);alert(1);([\"'", 4, "URL"),
            (
                "redirect-script",
                "template: redirect.html\nlocation: '</script><script>alert(1)</script>'",
                4,
                "URL",
            ),
        )
    },
    "theme-key-revision-dates-are-text": Case(
        {
            "articles/x.md": art(
                front="date: 2026-01-02\nrevision_date: '<img src=x onerror=alert(1)>'\n"
                "git_creation_date_localized: '<img src=x onerror=alert(1)>'"
            ),
            "about.md": "---\narticle: false\n"
            "git_revision_date_localized: '<img src=x onerror=alert(1)>'\n---\n\n# 소개\n",
        },
    ),
    "theme-keys-on-a-writer-page": Case(
        {"about.md": "---\narticle: false\ntemplate: nope.html\nhide: 1\nsearch: 2\n---\n\n# 소개\n"},
        (
            ("docs/about.md:3", "is not a page template of the theme"),
            ("docs/about.md:4", "must be a list"),
            ("docs/about.md:5", "must be a mapping"),
        ),
        in_check=False,
    ),
    "theme-keys-that-are-fine": Case(
        {
            "articles/x.md": art(
                front="date: 2026-01-02\ntemplate: main.html\nhide: [toc]\nsearch: {boost: 2}"
            )
        },
        quiet=True,
    ),
    "redirect-to-a-relative-url-is-fine": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntemplate: redirect.html\nlocation: ../ok/")},
        quiet=True,
    ),
    "front-matter-key-written-twice": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntitle: 첫 제목\ntags: [가]\ntitle: 둘째 제목")},
        (("docs/articles/x.md:5", "`title` is written twice (lines 3 and 5)"),),
        check=_later_value_used,
    ),
    "front-matter-key-written-twice-on-a-writer-page": Case(
        {"about.md": "---\narticle: false\nsubtitle: 하나\nsubtitle: 둘\n---\n\n# 소개\n"},
        (("docs/about.md:4", "`subtitle` is written twice"),),
        in_check=False,  # `jisik check` reads articles
    ),
    "source-title-cache-alias-bomb": Case(
        {"source-titles.yml": alias_bomb("https://example.com/a")},
        (("docs/source-titles.yml", "is not text; it is left out"),),
        in_check=False,  # the cache is the build's
    ),
    "source-title-cache-markup-is-text": Case(
        {
            "source-titles.yml": "https://example.com/a: '<img src=x onerror=alert(1)>'\n",
            "articles/x.md": art(),
        },
        quiet=True,
    ),
    # yes/no keys: a value that is not true or false is said, with what it is read as
    **{
        f"flag-{key}-{name}": Case(
            {"articles/x.md": art(front=f"date: 2026-01-02\n{key}: {value}")},
            (("docs/articles/x.md:3", f"`{key}` must be true or false"),),
            absent=("articles/x.md",) if key == "draft" and name == "list" else (),
        )
        for key in ("draft", "article")
        for name, value in (("quoted", "'false'"), ("number", "0"), ("list", "[false]"), ("word", "maybe"))
    },
    "not-utf8-named-at-the-line-of-the-byte": Case(
        {
            "articles/x.md": art(body="본문 문단입니다.\n\n둘째 문단")
            .encode("utf-8")
            .replace("둘째".encode(), b"\xff\xfe")
        },
        (("docs/articles/x.md:9", "UTF-8"),),
    ),
    "cp949-named-at-the-line-of-the-byte": Case(
        {"articles/x.md": art().encode("cp949")},
        (("docs/articles/x.md:5", "UTF-8"),),  # the first Hangul, in the heading
    ),
    "updated-before-date": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nupdated: 2020-01-01")},
        (("docs/articles/x.md:3", "`updated` (2020-01-01) is before `date` (2026-01-02)"),),
    ),
    "updated-the-same-day-is-fine": Case(
        {"articles/x.md": art(front="date: 2026-01-02 09:00\nupdated: 2026-01-02 09:00")}, quiet=True
    ),
    # a Markdown link or image (not raw HTML) to a URL that would run is text, said at its line
    **{
        f"body-link-{name}": Case(
            {path: text},
            ((f"docs/{path}:{line}", "would run in the reader's browser"),),
            in_check=False,  # found while converting the page
        )
        for name, path, text, line in (
            ("javascript", "articles/x.md", art(body="본문 [자세히](javascript:alert(1)) 보기."), 7),
            (
                "javascript-reference",
                "articles/x.md",
                art(body="본문 [자세히][r].\n\n[r]: JaVaScRiPt:alert(1)"),
                9,
            ),
            ("javascript-image", "articles/x.md", art(body="본문 ![그림](javascript:alert(1))."), 7),
            ("data-html", "articles/x.md", art(body="본문 [x](data:text/html,<b>x</b>) 보기."), 7),
            (
                "javascript-on-a-writer-page",
                "about.md",
                "---\narticle: false\n---\n\n[x](vbscript:msgbox)\n",
                5,
            ),
            ("attribute-handler", "articles/x.md", art(body='본문 문단.\n{: onclick="alert(1)" }'), 8),
            (
                "attribute-on-a-link",
                "articles/x.md",
                art(body='[x](https://a.kr){: onmouseover="alert(1)" }'),
                7,
            ),
            (
                "attribute-href",
                "articles/x.md",
                art(body='[x](https://a.kr){: href="javascript:alert(1)" }'),
                7,
            ),
            ("attribute-heading", "articles/x.md", art(body='## 소제목 {: onclick="alert(1)" }'), 7),
        )
    },
    # a body link, image or raw HTML link whose URL cannot be read never stops the build
    **{
        f"body-unreadable-url-{name}": Case(
            {"articles/x.md": art(body=body)},
            ((f"docs/articles/x.md:{line}", "is not a URL a browser can follow"),),
            in_check=False,  # found while converting the page
        )
        for name, body, line in (
            ("link-ipv6", "본문 [x](http://[::1) 끝.", 7),
            ("image-ipv6", "본문 ![그림](https://[::1/a.png) 끝.", 7),
            ("link-port", "본문 [x](https://example.com:99999/a) 끝.", 7),
            ("reference-ipv6", "본문 [x][r] 끝.\n\n[r]: http://[::1", 9),
        )
    },
    "body-raw-html-unreadable-url": Case(
        {"articles/x.md": art(body='본문 <a href="http://[::1">원문</a> 끝.')}, quiet=True
    ),
    "body-links-that-are-fine": Case(
        {
            "articles/x.md": art(
                body="[a](https://example.com/) [b](../ok/) [c](#top) [d](mailto:a@b.c) ![e](x.png)"
            )
        },
        quiet=True,
    ),
    # a `/// prompt` block whose options Python-Markdown cannot take is shown as its raw text, figure lost
    **{
        f"prompt-block-options-{name}": Case(
            {
                "articles/x.md": art(
                    body=f"본문 문단.\n\n/// prompt | 4:3\n    image: x.png\n{option}\n\nA cat on a mat\n///"
                )
            },
            ((f"docs/articles/x.md:{line}", text),),
        )
        for name, option, line, text in (
            ("colon-in-a-value", "    alt: 고양이: 지붕 위", 10, "cannot be read"),
            ("unclosed-quote", '    alt: "밤의 서울', 10, "cannot be read"),
            ("unknown-option", "    caption: 지붕 위 고양이", 11, "`caption`"),
            ("a-number", "    alt: 2026", 11, "`alt` must be text"),
            ("a-list", "    alt: [고양이, 지붕]", 11, "`alt` must be text"),
            ("empty", "    alt:", 11, "`alt` must be text"),
            ("nested-3000", "    alt: " + "[" * 3000 + "]" * 3000, 10, "cannot be read"),
        )
    },
    "prompt-block-options-quoted-are-fine": Case(
        {
            "articles/x.md": art(
                body="본문 문단.\n\n/// prompt | 4:3\n    image: x.png\n    alt: '고양이: \"지붕\" 위'\n\n"
                "A cat on a mat\n///"
            )
        },
        check=_figure_kept,
        quiet=True,
    ),
    # the image and alt the model binds (og:image, feeds, prompts.json, `jisik prompts --run`) are the ones
    # the page shows: option values read as YAML, quotes and a `#` comment included
    **{
        f"prompt-block-option-{name}": Case(
            {
                "articles/x.md": art(
                    body=f"본문 문단.\n\n/// prompt | 4:3\n{options}\n\nA cat on a mat\n///"
                ),
                "articles/img/x.png": png(4, 3),
            },
            check=_bound_as_shown('고양이 "둘"'),
            quiet=True,
        )
        for name, options in (
            ("comment", '    image: img/x.png  # 표지\n    alt: 고양이 "둘"'),
            ("quoted", "    image: 'img/x.png'\n    alt: '고양이 \"둘\"'"),
            ("escaped-quotes", '    image: "img/x.png"\n    alt: "고양이 \\"둘\\""'),
        )
    },
    "date-year-1": Case({"articles/x.md": art(front="date: 0001-01-01")}, quiet=True),
    "date-year-9999": Case({"articles/x.md": art(front="date: 9999-12-31 23:59")}, quiet=True),
    "dangling-link-to-an-image": Case(
        {"articles/x.md": art()},
        (("docs/assets/prompts/x-1.png", "a link to a file that does not exist"),),
        setup=_dangling("assets/prompts/x-1.png"),
        in_check=False,  # not an article
    ),
    "dangling-link-to-an-article": Case(
        {},
        (("docs/articles/gone.md", "a link to a file that does not exist"),),
        setup=_dangling("articles/gone.md"),
        in_check=False,  # site-wide: the build's files
    ),
    "symlink-loop": Case({}, (("docs/loop/up", "a loop"),), setup=_loop, in_check=False),
    # --- messages ---
    "hash-tags-flow-list": Case(
        {"articles/x.md": art(front="tags: [#AI번아웃, #OpenAI]\ndate: 2026-01-02")},
        (("docs/articles/x.md:2", '`tags: ["#AI번아웃", "#OpenAI"]`'),),
    ),
    "hash-tag-after-a-plain-tag": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntags: [AI, #OpenAI]")},
        (("docs/articles/x.md:3", '`tags: ["AI", "#OpenAI"]`'),),
    ),
    "hash-tags-block-list": Case(
        {"articles/x.md": art(front="date: 2026-01-02\ntags:\n  - #AI번아웃\n  - OpenAI")},
        (("docs/articles/x.md:4", '`- "#AI번아웃"`'),),
    ),
    "hash-tags-inline": Case(
        {"articles/x.md": art(front="tags: #AI번아웃 #OpenAI\ndate: 2026-01-02")},
        (("docs/articles/x.md:2", '`tags: ["#AI번아웃", "#OpenAI"]`'),),
    ),
    "date-unreadable": Case(
        {"articles/x.md": art(front="date: 2026-11-xx")},
        (("docs/articles/x.md:2", "2026년 11월 27일"),),
    ),
    "date-impossible": Case(
        {"articles/x.md": art(front="date: 2026-02-30")},
        (("docs/articles/x.md:2", "not a real date"),),
    ),
    "date-a-list": Case(
        {"articles/x.md": art(front="date: [2026-01-02]")},
        (("docs/articles/x.md:2", "write it as YYYY-MM-DD"),),
    ),
    # --- links between articles (issue 18): names, titles, aliases and former paths are text ---
    "wikilink-hostile-name": Case(
        {
            "articles/x.md": art(
                body='앞 [[" onmouseover="alert(1)]] 또 [[&lt;script&gt;alert(1)&lt;/script&gt;]] 뒤'
            )
        },
        (("docs/articles/x.md:7", "no article is titled"),),
        lambda built: _wikilink_marks(
            built, ['" onmouseover="alert(1) (없는 글)', "&lt;script&gt;alert(1)&lt;/script&gt; (없는 글)"]
        ),
    ),
    "wikilink-to-a-hostile-title": Case(
        {
            "articles/x.md": art(front='date: 2026-01-02\ntitle: "\\"><img src=x onerror=alert(1)>"'),
            "articles/y.md": art(heading="# 링크하는 글", body="[[x]] 를 봅니다."),
        },
        check=lambda built: _backlink_titles(built, "articles/x/", ["링크하는 글"]),
        quiet=True,
    ),
    "backlink-from-a-hostile-title": Case(
        {
            "articles/x.md": art(
                front='date: 2026-01-02\ntitle: "</title><script>alert(1)</script>"', body="[[y]] 입니다."
            ),
            "articles/y.md": art(heading="# 받는 글"),
        },
        check=lambda built: _backlink_titles(built, "articles/y/", ["</title><script>alert(1)</script>"]),
        quiet=True,
    ),
    "aliases-not-text": Case(
        {
            "articles/x.md": art(
                front="date: 2026-01-02\naliases:\n  - {a: '<script>alert(1)</script>'}\n  - [b]"
            )
        },
        (
            ("docs/articles/x.md:4", "a `aliases` entry must be text"),
            ("docs/articles/x.md:5", "a `aliases` entry must be text"),
        ),
    ),
    "redirect-from-outside-docs": Case(
        {"articles/x.md": art(front="date: 2026-01-02\nredirect_from: ['../../etc/x.md', '<b>.html']")},
        (("docs/articles/x.md:3", "must be a former path"),),
    ),
    "redirect-page-with-a-hostile-title": Case(
        {
            "articles/x.md": art(
                front='date: 2026-01-02\ntitle: "</title><script>alert(1)</script>"\n'
                "redirect_from: [old/x.md]"
            )
        },
        check=lambda built: _redirects_to(built, "old/x/", "articles/x/"),
        quiet=True,
    ),
}


# --- the four checks ------------------------------------------------------------------------------


def _live(built: Built) -> list[str]:
    """What would run in a reader's browser: inline scripts with `alert`, handlers, unsafe URLs."""
    found = []
    for path in sorted(built.site_dir.rglob("*.html")):
        if "assets" in path.relative_to(built.site_dir).parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):
            if script.get("type") in ("application/ld+json", "application/json"):
                assert "<" not in script.string
                json.loads(script.string)  # data, never code
            elif not script.get("src") and "alert" in (script.string or ""):
                found.append(f"{path}: script {script.string[:60]!r}")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if name.startswith("on"):
                    found.append(f"{path}: {element.name} {name}")
                if (
                    name in ("href", "src", "action", "formaction")
                    and isinstance(value, str)
                    and UNSAFE_URL.match(value)
                    and element.get("data-md-component") != "search-share"
                ):
                    found.append(f"{path}: {element.name} {name}={value}")
        found.extend(f"{path}: img src=x" for _img in soup.select("img[src=x]"))
    return found


def _feeds_valid(built: Built) -> None:
    for path in built.site_dir.rglob("feed.xml"):
        raw = path.read_text(encoding="utf-8")
        tree = etree.fromstring(raw.encode("utf-8"))
        for text in re.findall(r"<(?:title|category)>([^<]*)</", raw):
            assert "&amp;" not in text and "&lt;" not in text, (path, text)  # &#x26; and &#x3C;
        for element in tree.iter("description"):
            html = BeautifulSoup(element.text or "", "html.parser")
            assert html.find_all(True) == [], (path, element.text)  # readers render it as HTML
        for element in [*tree.iter("pubDate"), *tree.iter("lastBuildDate")]:
            assert RFC822.match(element.text or ""), (path, element.text)
        for enclosure in tree.iter("enclosure"):
            assert not re.search(r"[\s\"'<>]", enclosure.get("url", "")), (path, enclosure.get("url"))
        feed = json.loads(path.with_name("feed.json").read_text(encoding="utf-8"))
        for item in feed["items"]:
            assert RFC3339.match(item["date_published"]), item["date_published"]
    for path in built.site_dir.rglob("*.json"):
        if "assets" not in path.parts:
            json.loads(path.read_text(encoding="utf-8"))


def _url_of(relative: str) -> str:
    stem = relative[: -len(".md")]
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return folder + "/" if folder else ""
    return stem + "/"


def _nothing_lost(built: Built, docs: Path, case: Case) -> None:
    for folder, _dirs, names in os.walk(docs):  # links are not followed: a loop is one message
        for name in names:
            if not name.endswith(".md"):
                continue
            relative = Path(folder, name).relative_to(docs).as_posix()
            if relative in case.absent:
                assert not built.path(_url_of(relative)).exists(), relative
                continue
            named = any(f"docs/{relative}" in w for w in built.warnings)
            assert built.path(_url_of(relative)).exists() or named, f"{relative} was lost without a word"
    articles = [
        p
        for p in built.site_dir.rglob("index.html")
        if "application/ld+json" in p.read_text(encoding="utf-8")
    ]
    archived = [
        t
        for p in built.site_dir.glob("archive*/**/index.html")
        for t in _card_titles(built, str(p.relative_to(built.site_dir).parent) + "/")
    ]
    assert len(archived) == len(articles), (sorted(archived), articles)


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_case(
    name: str, project: SiteProject, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[name]
    project.article(
        "articles/ok.md",
        OK_TITLE,
        tags=["공통"],
        body="정상 본문 문단입니다.\n\n출처: https://example.com/ok",
    )
    for path, text in case.files.items():
        target = project.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    if case.setup is not None:
        case.setup(project)
    built = project.build()  # 1. no crash

    assert OK_TITLE in _card_titles(built, ""), "the rest of the site was not built"
    assert _h1(built, "articles/ok/") == OK_TITLE
    for where, text in case.warns:  # 2. one message naming the place
        assert [w for w in built.warnings if f"{where}:" in w and text in w], (where, text, built.warnings)
        assert "Traceback" not in "\n".join(built.warnings)
    if case.quiet:
        assert not [w for w in built.warnings if any(f"docs/{path}" in w for path in case.files)], (
            built.warnings
        )
    assert _live(built) == []  # 3. nothing runs
    _feeds_valid(built)
    _nothing_lost(built, project.docs, case)  # 4. nothing silently lost
    if case.check is not None:
        case.check(built)
    if case.in_check and case.warns:
        monkeypatch.chdir(project.root)
        capsys.readouterr()
        jisik(["check", "docs"])
        printed = capsys.readouterr().out
        for where, text in case.warns:
            assert [line for line in printed.splitlines() if f"{where}:" in line and text in line], printed


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
