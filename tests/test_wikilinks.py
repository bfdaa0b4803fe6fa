"""Links between articles (issue 18): `[[wikilinks]]`, backlinks, broken-link reports, redirects."""

from __future__ import annotations

import json
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jisik.model import parse_article
from jisik.model.links import Link
from jisik.wikilinks.markdown import WikiLinkExtension
from jisik.wikilinks.reader import DEFAULT_EXTENSIONS, LinkReader, page_extensions
from jisik.wikilinks.resolve import backlinks
from support import REPO_PATH, Built, SiteProject, free_port, serve, tool

NFD = unicodedata.normalize("NFD", "번아웃 이야기")


def render(text: str, targets: dict[str, str] | None = None, jisik: bool = False) -> BeautifulSoup:
    """`text` converted with common extensions and wikilinks; `jisik`: with jisik's own extensions of an
    article's page too (hashtag and `출처:` lines, image prompts)."""
    own = page_extensions() if jisik else []
    md = markdown.Markdown(extensions=[*DEFAULT_EXTENSIONS, *own, WikiLinkExtension(targets=targets or {})])
    return BeautifulSoup(md.convert(text), "html.parser")


# --- the extension alone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "`[[글]]`",
        "```\n[[글]]\n```",
        "    [[글]]",
        "[링크 [[글]] 안](https://a.example/)",
        "[링크](https://a.example/[[글]])",
        "<https://a.example/[[글]]>",
        '<a href="[[글]]">x</a>',
        "\\[\\[글]]",
        "[[`글`]]",
    ],
    ids=[
        "code-span",
        "fenced",
        "indented",
        "link-text",
        "url",
        "autolink",
        "raw-html",
        "escaped",
        "code-inside",
    ],
)
def test_no_wikilink_inside_code_urls_html_or_other_links(text: str) -> None:
    soup = render(text, {"글": "/g/"})
    assert soup.select(".jisik-wikilink") == []
    assert "/g/" not in str(soup)
    if "`" not in text[2:-2]:  # the text stays as written: in code, in the URL, in the HTML attribute
        assert "[[글]]" in str(soup).replace("%5B", "[").replace("%5D", "]")
    assert parse_article(f"# 제목\n\n{text}\n", "a.md").links == ()


@pytest.mark.parametrize(
    ("text", "href", "shown"),
    [
        ("[[글]]", "/g/", "글"),
        ("[[ＧＬ]]", "/l/", "ＧＬ"),  # full-width, Latin case
        ("[[gl]]", "/l/", "gl"),
        (f"[[{NFD}]]", "/n/", NFD),  # NFD written, NFC title
        ("[[글|보이는 글]]", "/g/", "보이는 글"),
        ("[[글#둘째 절]]", "/g/#둘째-절", "글 › 둘째 절"),
        ("[[C# 입문]]", "/c/", "C# 입문"),  # a title holding `#`
        ("[[글\\|보기]]", "/g/", "보기"),  # `\|` separates too (tables need it)
        ("[[x\\]\\]y]]", "/xy/", "x]]y"),
        ("| 표 |\n|---|\n| [[글\\|보기]] |", "/g/", "보기"),  # in a table: `\|` separates, not splits
        ("# 제목 [[글]]", "/g/", "글"),
        ("!!! note\n\n    [[글]]", "/g/", "글"),
        ("본문[^1]\n\n[^1]: [[글]]", "/g/", "글"),
    ],
)
def test_wikilinks_resolve_in_every_kind_of_text(text: str, href: str, shown: str) -> None:
    targets = {
        "글": "/g/",
        "GL": "/l/",
        "번아웃 이야기": "/n/",
        "C# 입문": "/c/",
        "a|b": "/ab/",
        "x]]y": "/xy/",
    }
    md = markdown.Markdown(
        extensions=[*DEFAULT_EXTENSIONS, "toc", WikiLinkExtension(targets=targets)],
        extension_configs={"toc": {"slugify": __import__("pymdownx.slugs").slugs.slugify(case="lower")}},
    )
    soup = BeautifulSoup(md.convert(text), "html.parser")
    links = soup.select("a.jisik-wikilink")
    assert [(a["href"], a.get_text()) for a in links] == [(href, shown)]
    assert [link.kind for link in parse_article(f"# 제목\n\n{text}\n", "a.md").links] == ["wiki"]


@pytest.mark.parametrize("title", ["AT&amp;T", "\"따옴표\" '글'", "R&D", "1 < 2 > 0", "a\">x'"])
def test_unresolved_link_is_marked_text_showing_the_name_as_written(title: str) -> None:
    soup = render(f"앞 [[{title}]] 뒤")
    assert soup.select("a") == [] and soup.select("script") == []
    missing = soup.select_one(".jisik-wikilink--missing")
    assert missing is not None
    assert missing.get_text() == f"{title} (없는 글)"
    assert title in missing["title"]


# --- the model and the page agree -------------------------------------------------------------------

PIECES = [
    "[[글]]",
    "[[글|보기]]",
    "[[없는 글]]",
    "[[글#절]]",
    "`[[글]]`",
    "``[[글]]` ``",
    "\\[[글]]",
    "[[글\\|x]]",
    "[t](b.md)",
    "[t [[글]]](b.md)",
    "[t](https://x.example/[[글]])",
    "<https://x.example/[[글]]>",
    "<span>[[글]]</span>",
    "**[[글]]**",
    "[[a]][[b]]",
    "[[",
    "]]",
    "|",
    "#",
    "`",
    "\\",
    "[",
    "]",
    "(",
    ")",
    " ",
    "글",
]
LINES = [
    "",
    "```",
    "    ",
    "> ",
    "- ",
    "1. ",
    "## ",
    "| ",
    "!!! note",
    "    ",
    "[^1]: ",
    "# ",
    "<div>",
    "</div>",
    "---",
]


@st.composite
def bodies(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        lead = draw(st.sampled_from(LINES))
        lines.append(lead + "".join(draw(st.lists(st.sampled_from(PIECES), max_size=5))))
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies())
def test_the_model_records_exactly_the_links_the_page_renders(body: str) -> None:
    """A hostile corpus: what the record says the article links to is what its page shows as links,
    in order, and each recorded line holds the link's text."""
    text = f"# 제목\n\n{body}\n"
    record = parse_article(text, "articles/a.md")
    soup = render(body, {"글": "/g/", "a": "/a/", "b": "/b/"}, jisik=True)
    shown = [
        e.get_text()
        for e in soup.find_all(class_="jisik-wikilink")
        if "jisik-wikilink__mark" not in (e.get("class") or [])
    ]
    recorded = [link for link in record.links if link.kind == "wiki"]
    assert len(recorded) == len(shown)
    lines = text.split("\n")
    for link in record.links:
        assert link.line is not None
        assert ("[[" if link.kind == "wiki" else "](") in lines[link.line - 1]
    pages = [a["href"] for a in soup.find_all("a", href=True) if a["href"] == "b.md"]
    assert len([link for link in record.links if link.kind == "page"]) == len(pages)


# --- backlinks, against a brute-force oracle --------------------------------------------------------


@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"),
        st.lists(st.sampled_from("abcdefghij"), max_size=6),
        min_size=1,
    ),
    st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 3)),
)
def test_backlinks_are_exact(outgoing: dict[str, list[str]], days: dict[str, int]) -> None:
    order = {s: (-float(days.get(s, 0)), s) for s in outgoing}
    found = backlinks(outgoing, order)
    for target in set("abcdefghij"):
        oracle = sorted(
            {s for s, targets in outgoing.items() if target in targets and s != target},
            key=lambda s: (order[s], s),
        )
        assert found.get(target, []) == oracle


# --- a site -----------------------------------------------------------------------------------------


def _site(project: SiteProject) -> Built:
    project.article(
        "articles/burnout.md",
        "인공지능 번아웃",
        date="2026-03-03",
        tags=["AI"],
        body="요약 [[ＯＰＥＮＡＩ 소개]] 그리고 [[없는 제목]] 또 [[openai#둘째 절|둘째 절로]].\n\n"
        "[[셋째 글]] 두 번 [[셋째 글]].\n\n같은 글 [[인공지능 번아웃]].",
    )
    project.article(
        "articles/openai.md",
        "OpenAI 소개",
        date="2026-03-02",
        tags=["AI"],
        body="요약 [[인공지능 번아웃]].\n\n## 둘째 절\n\n[[초안 글]] 그리고 [[같은 이름]].",
    )
    project.article(
        "articles/third.md",
        "셋째 글",
        date="2026-03-01",
        tags=["AI"],
        body="요약 [보통 링크](burnout.md).",
        extra="aliases: [옛 이름]\nredirect_from: [old/third.md]",
    )
    project.article("articles/draft.md", "초안 글", date="2026-03-04", draft=True, body="초안 [[셋째 글]].")
    project.article("articles/same1.md", "같은 이름", date="2026-02-01", tags=["AI"])
    project.article("articles/same2.md", "같은 이름", date="2026-02-02", tags=["AI"])
    return project.build()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _site(SiteProject(tmp_path_factory.mktemp("links") / "project"))


def test_wikilinks_lead_to_the_named_article_and_heading(site: Built) -> None:
    soup = site.html("articles/burnout/")
    links = {a.get_text(): a["href"] for a in soup.select("article a.jisik-wikilink")}
    assert site.follow("articles/burnout/", links["ＯＰＥＮＡＩ 소개"]) == "articles/openai/"
    target = site.follow("articles/burnout/", links["둘째 절로"])
    assert target == "articles/openai/#둘째-절"
    assert site.html("articles/openai/").find(id="둘째-절") is not None
    assert site.follow("articles/burnout/", links["셋째 글"]) == "articles/third/"
    # the links are the writer's kind (`openai.md#…`): MkDocs makes them URLs and finds their anchors
    said = [r.getMessage() for r in site.records]
    assert not [m for m in said if "unrecognized relative link" in m or "does not contain an anchor" in m]


def test_broken_ambiguous_and_draft_links_are_marked_text_and_warned_at_their_line(site: Built) -> None:
    soup = site.html("articles/openai/")
    marks = {s.get_text(): s["title"] for s in soup.select(".jisik-wikilink--missing")}
    assert marks.keys() == {"초안 글 (없는 글)", "같은 이름 (여러 글)"}
    assert "공개되지 않은" in marks["초안 글 (없는 글)"] and "여러 글" in marks["같은 이름 (여러 글)"]
    missing = site.html("articles/burnout/").select_one(".jisik-wikilink--missing")
    assert missing is not None and missing.get_text() == "없는 제목 (없는 글)" and missing.find("a") is None
    warned = [w for w in site.warnings if "[[" in w]
    assert any(w.startswith("jisik: docs/articles/burnout.md:7: [[없는 제목]]") for w in warned), warned
    assert any("docs/articles/openai.md:11: [[초안 글]]" in w and "draft" in w for w in warned), warned
    assert any(
        "docs/articles/openai.md:11: [[같은 이름]]" in w and "same1.md, articles/same2.md" in w
        for w in warned
    )
    assert len(warned) == 3


def test_a_wikilink_in_the_title_heading_is_its_text(project: SiteProject) -> None:
    """The title is text (see pagemeta): a `[[…]]` in it is shown as its name, not a link of the record."""
    project.article(
        "articles/a.md", "[[나]]에 대하여", tags=["t"], body="본문 [[나]].\n\n출처: https://a.example/"
    )
    project.article("articles/b.md", "나", tags=["t"], body="본문.\n\n출처: https://a.example/")
    built = project.build(strict=True)
    title = built.html("articles/a/").select_one("article h1")
    assert title is not None and title.get_text().startswith("나에 대하여")
    assert title.select(".jisik-wikilink") == []
    assert not [r for r in built.records if "unrecognized relative link" in r.getMessage()]
    text = (project.docs / "articles/a.md").read_text(encoding="utf-8")
    assert [link.line for link in parse_article(text, "articles/a.md").links] == [7]


def test_strict_build_fails_on_a_broken_link(project: SiteProject) -> None:
    project.article("articles/a.md", "가", tags=["t"], body="[[나]]\n\n출처: https://a.example/")
    with pytest.raises(Exception, match="warning"):
        project.build(strict=True)


def test_backlinks_list_each_linking_article_once_newest_first_in_the_toc(site: Built) -> None:
    soup = site.html("articles/third/")
    section = soup.select_one("section.jisik-backlinks")
    assert section is not None and section.has_attr("data-pagefind-ignore")
    heading = section.find("h2")
    assert heading["id"] == "jisik-backlinks" and heading.get_text().strip().startswith("이 글을 언급한 글")
    items = [(li.a.get_text(), li.time.get_text()) for li in section.select("li")]
    # the draft links here too, but is not published; burnout links twice, once counted
    assert items == [("인공지능 번아웃", "2026년 3월 3일")]
    assert site.follow("articles/third/", section.select_one("li a")["href"]) == "articles/burnout/"
    toc = [a["href"] for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    assert "#jisik-backlinks" in toc
    # an ordinary Markdown link counts; a link to itself does not
    burnout = [li.a.get_text() for li in site.html("articles/burnout/").select("section.jisik-backlinks li")]
    assert burnout == ["OpenAI 소개", "셋째 글"]


def test_aliases_resolve_and_the_former_path_redirects(site: Built, project: SiteProject) -> None:
    page = site.path("old/third/")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    target = refresh["content"].split("url=", 1)[1]
    assert site.follow("old/third/", target) == "articles/third/"
    assert soup.find("link", rel="canonical")["href"] == "https://example.org/kb/articles/third/"


def test_jsonld_mentions_and_feeds_carry_absolute_links(site: Built) -> None:
    soup = site.html("articles/burnout/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert [m["url"] for m in data["mentions"]] == [
        "https://example.org/kb/articles/openai/",
        "https://example.org/kb/articles/third/",
    ]
    rss = ET.parse(site.site_dir / "feed.xml").getroot()
    items = {i.findtext("title"): i for i in rss.iter("item")}
    content = items["인공지능 번아웃"].findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    html = BeautifulSoup(content, "html.parser")
    hrefs = [a["href"] for a in html.select("a.jisik-wikilink")]
    assert "https://example.org/kb/articles/openai/" in hrefs
    assert html.select(".jisik-backlinks") == []  # the site's navigation, not the article
    description = items["인공지능 번아웃"].findtext("description") or ""
    assert "[[" not in description and "ＯＰＥＮＡＩ 소개" in description
    feed = json.loads((site.site_dir / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["title"] == "인공지능 번아웃")
    assert "https://example.org/kb/articles/openai/" in item["content_html"]
    assert "[[" not in item.get("summary", "")


def test_hostile_titles_link_as_text(project: SiteProject) -> None:
    titles = ['<b>굵게</b> & "인용"', "C# 입문", "A|B 비교", "]]괄호", NFD, "ＡＩ 노트"]
    written = ['<b>굵게</b> & "인용"', "C# 입문", "t2", "\\]\\]괄호", "번아웃 이야기", "ai 노트"]
    for number, title in enumerate(titles):
        project.article(f"articles/t{number}.md", "x", tags=["t"], extra=f"title: {json.dumps(title)}")
    body = " ".join(f"[[{w}]]" for w in written) + " [[t0|첫째]]"
    project.config["markdown_extensions"] = [*project.config["markdown_extensions"], "tables"]  # type: ignore[misc]
    project.article("articles/hub.md", "허브", tags=["t"], body=body)
    built = project.build()
    soup = built.html("articles/hub/")
    links = soup.select("article a.jisik-wikilink")
    reached = [built.follow("articles/hub/", a["href"]) for a in links]
    # `<b>` is raw HTML before the wikilink pattern sees it: that title is reached by its file name
    assert reached == [f"articles/t{n}/" for n in (1, 2, 3, 4, 5, 0)]
    assert soup.select("article b") == [] or all(b.parent.name != "a" for b in soup.select("article b"))
    backlinks = built.html("articles/t0/").select("section.jisik-backlinks li a")
    assert [a.get_text() for a in backlinks] == ["허브"]


def test_check_and_show_report_links(project: SiteProject) -> None:
    project.article("articles/a.md", "가", tags=["t"], body="[[나]] [[없음]]\n\n출처: https://a.example/")
    project.article("articles/b.md", "나", tags=["t"], body="본문.\n\n출처: https://a.example/")
    project.write_config()
    check = subprocess.run(
        [tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True, check=False
    )
    assert "docs/articles/a.md:7: warning: [[없음]]" in check.stdout, check.stdout
    assert "[[나]]" not in check.stdout
    show = subprocess.run(
        [tool("jisik"), "show", "docs/articles/a.md", "docs/articles/b.md"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    )
    a, b = json.loads(show.stdout)
    assert [(link["written"], link["target"]) for link in a["links"]] == [
        ("[[나]]", "articles/b.md"),
        ("[[없음]]", None),
    ]
    assert b["backlinks"] == ["articles/a.md"] and a["backlinks"] == []


def test_aliases_must_be_text(project: SiteProject) -> None:
    text = (
        "---\naliases:\n  - 옛 제목\n  - [중첩]\n  - {a: 1}\nredirect_from: [../밖.md, old/x.md]\n"
        "---\n\n# 글\n\n본문.\n"
    )
    record = parse_article(text, "articles/a.md")
    assert record.aliases == ("옛 제목",)
    assert record.redirect_from == ("old/x.md",)
    assert sorted(p.line for p in record.problems) == [4, 5, 6]


def test_reader_link_is_a_link_object() -> None:
    reader = LinkReader()
    assert reader("[[가]] [t](../b.md#x)", 3, "articles/a.md") == (
        Link("wiki", "가", None, None, 3),
        Link("page", "b.md", "x", None, 3),
    )


def test_importer_links_listed_titles(tmp_path: Path) -> None:
    raw = tmp_path / "in"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "첫째 글\n2026-01-01\n\n본문입니다.\n\n함께 보면 좋은 글\n\n• 둘째 글\n• 없는 글\n", encoding="utf-8"
    )
    (raw / "b.txt").write_text("둘째 글\n2026-01-02\n\n본문입니다.\n", encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run(
        [tool("jisik"), "import", str(raw / "a.txt"), str(raw / "b.txt"), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    first = next(out.glob("2026-01-01-*.md")).read_text(encoding="utf-8")
    assert "- [[둘째 글]]" in first and "- 없는 글" in first and "[[없는 글]]" not in first


def test_heading_that_is_not_there_and_writer_pages_are_reported(project: SiteProject) -> None:
    project.article(
        "articles/a.md", "가", tags=["t"], body="[[나#있는 절]] [[나#없는 절]]\n\n출처: https://a.example/"
    )
    project.article(
        "articles/b.md", "나", tags=["t"], body="본문.\n\n## 있는 절\n\n글.\n\n출처: https://a.example/"
    )
    page = "---\narticle: false\n---\n\n# 소개\n\n[[가]] 그리고\n\n[[없는 글]]\n\n[[태그]] [[소개]]\n"
    project.write("about.md", page)  # a writer's page, not an article
    built = project.build()
    warned = [w for w in built.warnings if "[[" in w]
    # only articles are targets: not a writer's page (itself here), not jisik's pages (the tags page)
    assert any("docs/about.md:11: [[태그]]" in w for w in warned)
    assert any("docs/about.md:11: [[소개]]" in w for w in warned)
    assert len(warned) == 4, warned
    assert any("docs/articles/a.md:7: [[나#없는 절]]" in w and "no heading" in w for w in warned)
    assert any("docs/about.md:9: [[없는 글]]" in w for w in warned)
    about = built.html("about/")
    assert built.follow("about/", about.select_one("a.jisik-wikilink")["href"]) == "articles/a/"
    assert about.select_one(".jisik-wikilink--missing") is not None


def test_serve_dirty_updates_linking_pages_and_backlinks_on_a_retitle(project: SiteProject) -> None:
    """Retitling an article renders again the unchanged pages that show its title: the backlinks of the
    articles it links to, and the wikilinks that named it (now marked 없는 글)."""
    from test_serve import _Serve

    # no shared tag (no related list) and not neighbours by date: only the links show the other's title
    first = project.article("articles/a.md", "가", date="2026-01-03", tags=["x"], body="요약 [[나]].")
    second = project.article("articles/b.md", "나", date="2026-01-01", tags=["y"], body="요약 [[가]].")
    project.article("articles/c.md", "다", date="2026-01-02", tags=["z"])
    serve = _Serve(project)

    def backlinks_of_b() -> list[str]:
        soup = BeautifulSoup(serve.get("articles/b/")[1], "lxml")
        return [a.get_text() for a in soup.select("section.jisik-backlinks li a")]

    def missing_in_a() -> list[str]:
        soup = BeautifulSoup(serve.get("articles/a/")[1], "lxml")
        return [s.get_text() for s in soup.select(".jisik-wikilink--missing")]

    try:
        serve.wait("the first build", lambda: serve.get("")[0] == 200)
        assert backlinks_of_b() == ["가"] and missing_in_a() == []
        # (each condition changes only with a rebuild; counting "Documentation built" lines is not safe:
        # MkDocs' log drops a message equal to the one before, as two rebuilds of 0.26 s both say)
        first.write_text(first.read_text(encoding="utf-8").replace("# 가", "# 가나다라"), encoding="utf-8")
        serve.wait("b's backlinks", lambda: backlinks_of_b() == ["가나다라"])
        second.write_text(second.read_text(encoding="utf-8").replace("# 나", "# 나중"), encoding="utf-8")
        serve.wait("a's link marked", lambda: missing_in_a() == ["나 (없는 글)"])
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def test_chromium_follows_a_wikilink_and_its_backlink_under_a_repository_path(
    project: SiteProject,
    browser,  # type: ignore[no-untyped-def]
) -> None:
    port = free_port()
    root = f"http://127.0.0.1:{port}{REPO_PATH}"
    project.config["site_url"] = root
    project.article(
        "articles/보안-습관.md",
        "개인정보 보안 습관",
        date="2026-11-20",
        tags=["보안"],
        body="비밀번호 관리자와 &lt;img src=x onerror=alert(1)&gt; 2단계 인증을 씁니다.",
    )
    project.article(
        "articles/해킹-복구.md",
        "해킹 사고 이후 복구",
        date="2026-11-25",
        tags=["보안"],
        body=f"사고 뒤에는 [[{unicodedata.normalize('NFD', '개인정보 보안 습관')}|보안 습관]]부터.",
    )
    built = project.build(strict=True)
    with serve(built.site_dir, port, REPO_PATH):
        context = browser.new_context(locale="ko-KR")
        errors: list[str] = []
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(root + "articles/해킹-복구/")
            link = page.locator("article a.jisik-wikilink", has_text="보안 습관")
            preview = page.locator("[role=tooltip].jisik-preview")
            link.focus()  # the keyboard reaches the preview as the pointer does
            assert preview.is_visible()
            assert link.get_attribute("aria-describedby") == "jisik-preview"
            assert preview.locator(".jisik-preview__title").inner_text() == "개인정보 보안 습관"
            assert preview.locator(".jisik-preview__date").inner_text() == "2026년 11월 20일"
            summary = preview.locator(".jisik-preview__summary").inner_text()
            assert "<img src=x onerror=alert(1)>" in summary and preview.locator("img").count() == 0
            page.keyboard.press("Escape")
            assert not preview.is_visible()
            page.locator("article h1").first.hover()
            link.hover()
            assert preview.is_visible()
            link.click()
            page.wait_for_url("**/articles/**/")
            assert unquote(page.url) == root + "articles/보안-습관/"
            assert page.locator("article h1").first.inner_text().startswith("개인정보 보안 습관")
            toc = page.locator(".md-sidebar--secondary a.md-nav__link", has_text="이 글을 언급한 글")
            assert toc.count() == 1
            backlink = page.locator("section.jisik-backlinks li a", has_text="해킹 사고 이후 복구")
            assert page.locator("section.jisik-backlinks time").inner_text() == "2026년 11월 25일"
            backlink.click()
            page.wait_for_url("**/articles/**/")
            assert unquote(page.url) == root + "articles/해킹-복구/"
        finally:
            context.close()
    assert not errors, errors


TITLE_POOL = [
    "보안 습관",
    "C# 입문",
    "R&D 정리",
    '따옴표 "글"',
    "ＡＩ 노트",
    "번아웃 이야기",
    "AT&amp;T 요금",
]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_corpus_has_every_link_resolved_or_reported_at_its_line(
    project: SiteProject, seed: int
) -> None:
    """Exact, NFD, full-width and case-changed titles, aliases, headings, broken and ambiguous names:
    each link either leads to the article (and heading) an independent oracle expects, or is marked on
    the page and warned about at its own line."""
    import random

    rng = random.Random(seed)
    count = 12
    titles = [f"{TITLE_POOL[i % len(TITLE_POOL)]} {i}" for i in range(count)]
    titles[count - 1] = titles[count - 2]  # two articles share a title: ambiguous
    aliases = {i: f"옛 이름 {i}" for i in range(0, count, 3)}

    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    owners: dict[str, set[int]] = {}
    for i in range(count):
        for name in (titles[i], aliases.get(i), f"a{i}"):
            if name:
                owners.setdefault(key(name), set()).add(i)
    expected: dict[int, list[tuple[str, int | None, str | None, int]]] = {}  # written, target, heading, line
    for i in range(count):
        lines = ["---", f"date: 2026-01-{i + 1:02d}"]
        if i in aliases:
            lines.append(f"aliases: [{json.dumps(aliases[i], ensure_ascii=False)}]")
        lines += [
            "---",
            "",
            f"# {titles[i]}".replace("<", "&lt;"),
            "",
            "요약 문단입니다.",
            "",
            "## 둘째 절",
            "",
        ]
        found = []
        for _ in range(rng.randint(1, 5)):
            j = rng.randrange(count)
            kind = rng.choice(["exact", "nfd", "wide", "alias", "stem", "heading", "broken"])
            heading = None
            if kind == "exact":
                name = titles[j]
            elif kind == "nfd":
                name = unicodedata.normalize("NFD", titles[j])
            elif kind == "wide":
                name = titles[j].upper().replace("A", "Ａ")
            elif kind == "alias" and j in aliases:
                name = aliases[j]
            elif kind == "heading":
                name, heading = f"a{j}", "둘째 절"
            elif kind == "broken":
                name = f"없는 글 {rng.randrange(100)}"
            else:
                name = f"a{j}"
            written = name + (f"#{heading}" if heading else "")
            lines.append(f"링크 [[{written}]] 입니다.")
            targets = owners.get(key(name), set())
            target = next(iter(targets)) if len(targets) == 1 else None
            found.append((written, target, heading, len(lines)))
            lines.append("")
        lines.append("#태그")
        expected[i] = found
        project.write(f"a{i}.md", "\n".join(lines) + "\n")
    built = project.build()
    for i, links in expected.items():
        soup = built.html(f"a{i}/")
        shown = soup.select("article .jisik-wikilink")
        assert len(shown) == len(links)
        for element, (written, target, heading, line) in zip(shown, links, strict=True):
            if target is None:
                assert "jisik-wikilink--missing" in element["class"] and element.name == "span"
                assert any(f"docs/a{i}.md:{line}: [[{written}]]" in w for w in built.warnings), written
            else:
                assert element.name == "a", written
                reached = built.follow(f"a{i}/", element["href"])
                want = f"a{target}/" if target != i else f"a{i}/"
                assert reached.split("#")[0] == want, (written, reached)
                if heading:
                    assert reached.endswith("#둘째-절")
    assert not [w for w in built.warnings if "[[" in w and "no heading" in w]


def test_wikilinks_off_leaves_the_text_and_says_nothing(project: SiteProject) -> None:
    project.plugin_options = {"wikilinks": {"enabled": False}}
    project.article(
        "articles/a.md",
        "가",
        tags=["t"],
        body="본문 [[나]] [[없음]] [보통](b.md).\n\n출처: https://a.example/",
    )
    project.article("articles/b.md", "나", tags=["t"], body="본문.\n\n출처: https://a.example/")
    built = project.build(strict=True)
    assert "[[나]] [[없음]]" in built.html("articles/a/").select_one("article").get_text()
    assert built.html("articles/b/").select("section.jisik-backlinks") == []
    assert not [w for w in built.warnings if "[[" in w]


def test_backlinks_and_marks_are_not_searched(tmp_path: Path) -> None:
    """Search finds an article by its own words: not by the titles of the articles linking to it, nor
    by the 없는 글 mark."""
    from support import pagefind_pages
    from test_search import build as search_build
    from test_search import search_project

    project = search_project(tmp_path / "project", free_port())
    project.article("articles/a.md", "가 글", tags=["t"], body="첫낱말 [[나 글]] 그리고 [[사라진 글]].")
    project.article("articles/b.md", "나 글", tags=["t"], body="둘째낱말 입니다.")
    built = search_build(project, strict=False)
    assert built.html("articles/b/").select("section.jisik-backlinks li a")
    pages = pagefind_pages(built.site_dir)
    linked = pages["/articles/b/"]["text"]
    assert "둘째낱말" in linked and "가 글" not in linked and "언급한" not in linked
    linking = pages["/articles/a/"]["text"]
    assert "사라진" in linking and "없는" not in linking


@pytest.mark.parametrize(
    "text",
    ["[t](b.md)", "[t](b%2Emd)", "[t][r]\n\n[r]: b.md", "[t]\n\n[t]: ../articles/b.md#x", "[[b]]"],
)
def test_every_way_to_link_a_page_is_read(text: str) -> None:
    """The reader skips a body that cannot hold a link it records: never one that does."""
    links = LinkReader()(text, 1, "articles/a.md")
    expected = [("wiki", "b")] if text == "[[b]]" else [("page", "articles/b.md")]
    assert [(link.kind, link.target) for link in links] == expected


def test_the_reader_signature_is_the_same_in_every_process() -> None:
    """Records are cached by the reader's signature: a function in the config (toc's slugify) must not
    make it differ from one config load to the next."""
    from pymdownx.slugs import slugify

    def reader() -> LinkReader:
        return LinkReader(["toc"], {"toc": {"slugify": slugify(case="lower"), "permalink": True}})

    assert reader().signature == reader().signature


# --- found by the outside audit (attack18) --------------------------------------------------------


def _existing(built: Built, url: str) -> bool:
    return built.path(url).is_file()


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_links_backlinks_redirects_and_tag_feeds_under_a_sub_path_with_either_url_style(
    project: SiteProject, directory_urls: bool
) -> None:
    """`use_directory_urls: false` (`a.html`): the site builds (a tag's feed goes in the tag page's
    folder, not into a folder named after its `.html` file), and every wikilink, backlink, redirect and
    feed link reaches a file of the site, under a repository path."""
    project.config["site_url"] = "https://example.org/repo/"
    project.config["use_directory_urls"] = directory_urls
    project.article("articles/a.md", "가 글", date="2026-03-01", tags=["보안"], body="요약 [[나 글#둘째]].")
    project.article(
        "articles/b.md",
        "나 글",
        date="2026-03-02",
        tags=["보안"],
        body="요약 [가](a.md).\n\n## 둘째\n\n본문.",
        extra="redirect_from: [old/b.md]",
    )
    built = project.build(strict=True)
    a, b = ("articles/a/", "articles/b/") if directory_urls else ("articles/a.html", "articles/b.html")
    link = built.html(a).select_one("article a.jisik-wikilink")
    assert link is not None and built.follow(a, link["href"]) == b + "#둘째"
    backlinks = [x["href"] for x in built.html(b).select("section.jisik-backlinks li a")]
    assert [built.follow(b, h) for h in backlinks] == [a]
    old = "old/b/" if directory_urls else "old/b.html"
    refresh = built.html(old).find("meta", attrs={"http-equiv": "refresh"})
    assert built.follow(old, refresh["content"].split("url=", 1)[1]) == b
    tag = built.follow(a, built.html(a).select_one("a.jisik-tag")["href"])
    assert _existing(built, tag)
    feeds = built.html(tag).select('link[rel="alternate"]')
    assert len(feeds) >= 2
    for feed in feeds:
        url = feed["href"].removeprefix("https://example.org/repo/")
        assert _existing(built, url), url
        xml = ET.parse(built.path(url)).getroot() if url.endswith(".xml") else None
        if xml is not None and "/" in url:  # the tag's feed links the tag page
            assert _existing(built, xml.findtext("channel/link").removeprefix("https://example.org/repo/"))


def test_a_heading_with_its_own_id_is_reached_by_its_text_and_by_its_id(project: SiteProject) -> None:
    """`## 절 {#id}` (attr_list): the page's id is `id`, not the slug of `절`. A link naming the heading
    by its text or by its id reaches it, without a warning; a heading that is not there is reported,
    by the build and by `jisik check` alike, at its line."""
    project.article(
        "articles/t.md",
        "목표",
        tags=["t"],
        body="요약.\n\n## 보통 절 {#custom}\n\n## 다른 절 { #Other_ID .wide }\n\n"
        "## **굵은** 절\n\n본문 [[#보통 절]].",
    )
    names = ["보통 절", "custom", "다른 절", "Other_ID", "굵은 절"]
    body = "요약 " + " ".join(f"[[목표#{n}]]" for n in names) + ".\n\n둘째 [[목표#없는 절]]."
    project.article("articles/s.md", "출발", tags=["t"], body=body)
    built = project.build()
    target_ids = {t["id"] for t in built.html("articles/t/").select("article [id]")}
    own = built.html("articles/t/").select_one("article a.jisik-wikilink")
    assert own is not None and built.follow("articles/t/", own["href"]) == "articles/t/#custom"
    links = built.html("articles/s/").select("article a.jisik-wikilink")
    assert len(links) == len(names) + 1
    for link in links[: len(names)]:
        reached = built.follow("articles/s/", link["href"])
        assert reached.startswith("articles/t/#") and reached.split("#")[1] in target_ids, link
    warned = [w for w in built.warnings if "[[" in w]
    assert warned == [w for w in warned if "docs/articles/s.md:9: [[목표#없는 절]]" in w] and len(warned) == 1
    project.write_config()
    check = subprocess.run([tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True)
    said = [line for line in check.stdout.splitlines() if "[[" in line]
    assert said == [
        line for line in said if line.startswith("docs/articles/s.md:9: warning: [[목표#없는 절]]")
    ]
    assert len(said) == 1, check.stdout


def test_a_redirect_that_cannot_be_made_is_said_at_its_file_and_line(project: SiteProject) -> None:
    """A `redirect_from` path that is a page of the site (an article, jisik's tag page) or another
    article's former path (the first article by path keeps it): one warning naming the file as the
    writer knows it and the line, and the page there is left as it was."""
    project.article("articles/b.md", "나", tags=["t"], extra="redirect_from: [old/x.md]")
    project.article(
        "articles/c.md",
        "다",
        tags=["t"],
        extra="redirect_from:\n  - articles/b.md\n  - tags/t.md\n  - old/x.md\n  - old/y.md",
    )
    built = project.build()
    said = sorted(w for w in built.warnings if "redirect_from" in w)
    assert len(said) == 3, said
    assert [w.split(" `")[0] for w in said] == [
        "jisik: docs/articles/c.md:4:",
        "jisik: docs/articles/c.md:5:",
        "jisik: docs/articles/c.md:6:",
    ]
    assert "articles/b.md" in said[2]  # whose former path it is
    refresh = built.html("old/x/").find("meta", attrs={"http-equiv": "refresh"})
    assert built.follow("old/x/", refresh["content"].split("url=", 1)[1]) == "articles/b/"
    assert built.html("old/y/").find("meta", attrs={"http-equiv": "refresh"}) is not None
    assert built.html("articles/b/").select_one("article h1").get_text().startswith("나")


def test_serve_dirty_follows_new_deleted_and_aliased_articles(project: SiteProject) -> None:
    """`mkdocs serve --dirty`: a new article sharing a title makes the links naming it ambiguous (and
    the backlinks they gave go), deleting it brings them back, a new alias makes a link reach its
    article (which then lists the backlink), deleting the target marks the link 없는 글."""
    from test_serve import _Serve

    project.article(
        "articles/a.md", "가", date="2026-01-03", tags=["x"], body="요약 [[나]] 그리고 [[옛 이름]]."
    )
    target = project.article("articles/b.md", "나", date="2026-01-01", tags=["y"], body="요약.")
    renamed = project.article("articles/c.md", "다", date="2026-01-02", tags=["z"], body="요약.")
    serve = _Serve(project)

    def backlinks(url: str) -> list[str]:
        soup = BeautifulSoup(serve.get(url)[1], "lxml")
        return [a.get_text() for a in soup.select("section.jisik-backlinks li a")]

    def in_a() -> tuple[list[str], list[str]]:
        soup = BeautifulSoup(serve.get("articles/a/")[1], "lxml")
        linked = [x.get_text() for x in soup.select("article a.jisik-wikilink")]
        return linked, [s.get_text() for s in soup.select(".jisik-wikilink--missing")]

    try:
        serve.wait("the first build", lambda: serve.get("")[0] == 200)
        assert in_a() == (["나"], ["옛 이름 (없는 글)"]) and backlinks("articles/b/") == ["가"]
        twin = project.article("articles/d.md", "나", date="2026-01-04", tags=["w"], body="요약.")
        serve.wait("a's link ambiguous", lambda: in_a() == ([], ["나 (여러 글)", "옛 이름 (없는 글)"]))
        serve.wait("b's backlink gone", lambda: backlinks("articles/b/") == [])
        twin.unlink()
        serve.wait("a's link back", lambda: in_a() == (["나"], ["옛 이름 (없는 글)"]))
        serve.wait("b's backlink back", lambda: backlinks("articles/b/") == ["가"])
        text = renamed.read_text(encoding="utf-8").replace("---\n\n", "aliases: [옛 이름]\n---\n\n", 1)
        renamed.write_text(text, encoding="utf-8")
        serve.wait("a's alias link", lambda: in_a() == (["나", "옛 이름"], []))
        serve.wait("c's backlink", lambda: backlinks("articles/c/") == ["가"])
        target.unlink()
        serve.wait("a's link marked", lambda: in_a() == (["옛 이름"], ["나 (없는 글)"]))
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


def test_check_reports_the_broken_links_of_pages_that_are_no_articles_as_the_build_does(
    project: SiteProject,
) -> None:
    """The home page and an `article: false` page are rendered with wikilinks too: `jisik check` lists
    their broken links at the same file:line as the build's warnings (and no link that works)."""
    project.article("articles/t.md", "목표", tags=["t"], body="요약.")
    project.write("index.md", "# 홈\n\n[[목표]] 그리고 [[없는 글감]].\n")
    project.write("articles/own.md", "---\narticle: false\n---\n\n# 내 페이지\n\n둘째 [[없는 둘]] [[목표]]\n")
    built = project.build()
    warned = sorted(w.removeprefix("jisik: ") for w in built.warnings if "[[" in w)
    assert [w.split(": [[")[0] for w in warned] == ["docs/articles/own.md:7", "docs/index.md:3"]
    project.write_config()
    check = subprocess.run([tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True)
    said = sorted(line.replace(": warning:", ":", 1) for line in check.stdout.splitlines() if "[[" in line)
    assert said == warned, check.stdout


def test_show_says_no_problem_for_a_markdown_link_to_a_page_that_is_no_article(project: SiteProject) -> None:
    """`[소개](../about.md)` is an ordinary working link (MkDocs checks it): `jisik show` lists it as
    reaching no article, without a problem claiming it is shown as text marked 없는 글."""
    project.write("about.md", "---\narticle: false\n---\n\n# 소개\n\n본문.\n")
    project.article("articles/b.md", "나", tags=["t"], body="요약.")
    project.article("articles/a.md", "가", tags=["t"], body="요약 [소개](../about.md) [나](b.md) [[없음]].")
    built = project.build()
    assert built.follow("articles/a/", built.html("articles/a/").select("article p a")[0]["href"]) == "about/"
    project.write_config()
    show = subprocess.run(
        [tool("jisik"), "show", "docs/articles/a.md"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    )
    links = {link["written"]: link for link in json.loads(show.stdout)["links"]}
    assert links["about.md"]["target"] is None and links["about.md"]["problem"] is None
    assert links["articles/b.md"]["target"] == "articles/b.md" and links["articles/b.md"]["problem"] is None
    assert "없는 글" in links["[[없음]]"]["problem"]


@pytest.mark.parametrize("extensions", [[], ["tables"]], ids=["no-tables", "tables"])
def test_backslash_bar_starts_the_visible_text_with_or_without_the_tables_extension(
    extensions: list[str],
) -> None:
    """`[[제목\\|보이는 글]]` (as a table needs it) works in a paragraph too, whether or not the site's
    extensions make `\\|` an escape (only `tables` does): never a link to `제목\\`."""
    md = markdown.Markdown(extensions=[*extensions, WikiLinkExtension(targets={"제목": "/t/"})])
    soup = BeautifulSoup(md.convert("앞 [[제목\\|보이는 글]] 뒤"), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.select("a")] == [("/t/", "보이는 글")]
    reader = LinkReader(extensions)
    assert reader("[[제목\\|보이는 글]]", 1, "a.md") == (Link("wiki", "제목", None, "보이는 글", 1),)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[[제목|`코드` 글]]", "코드 글"),
        ("[[제목|<i>기울인</i> 글]]", "기울인 글"),
        ("[[제목#절|`a|b`]]", "a|b"),
    ],
)
def test_code_or_raw_html_in_the_visible_text_still_makes_the_link(text: str, shown: str) -> None:
    """The visible text may hold a code span or raw HTML (shown as its text): the link is made and
    recorded (it was silently left as written, neither link nor warning); in the name it is still no
    link (never inside code), and a Markdown link in the visible text is still its own."""
    md = markdown.Markdown(extensions=[*DEFAULT_EXTENSIONS, WikiLinkExtension(targets={"제목": "/t/"})])
    soup = BeautifulSoup(md.convert(f"앞 {text} 뒤"), "html.parser")
    links = soup.select("a.jisik-wikilink")
    assert [a.get_text() for a in links] == [shown] and soup.select("a i, a code, a script") == []
    assert [link.label for link in LinkReader()(text, 1, "a.md")] == [shown]
    for kept in ["[[`제목`|글]]", "[[제목|[글](https://a.example/)]]"]:
        assert render(kept, {"제목": "/t/"}).select("a.jisik-wikilink") == []
    # inside another link's text it is put back as written, markup and all (no placeholder shows)
    outer = render(f"[앞 {text} 뒤](https://a.example/)", {"제목": "/t/"})
    assert outer.select("a.jisik-wikilink") == [] and "\x02" not in str(outer) and "klzzwxh" not in str(outer)
    assert outer.a.get_text() == f"앞 {BeautifulSoup(text, 'html.parser').get_text()} 뒤"


@pytest.mark.parametrize(
    "inside", ["[[가]] [[나]]", "[[가]][[나]] [[가|셋]]", "앞 [[가]] 사이 [[나]] 뒤", "*[[가]]* [[나]]"]
)
def test_several_wikilinks_in_one_links_text_are_put_back_as_written(inside: str) -> None:
    """Two or more wikilinks in one Markdown link's text (a link in a link is no link) are its text as
    written: the page and the record read it (it stopped the build with an IndexError)."""
    soup = render(f"[{inside}](https://a.example/)", {"가": "/a/", "나": "/b/"})
    assert [a["href"] for a in soup.select("a")] == ["https://a.example/"]
    assert soup.a.get_text() == BeautifulSoup(markdown.markdown(inside), "html.parser").get_text()
    record = parse_article(f"# 글\n\n[{inside}](https://a.example/)\n", "articles/a.md")
    assert [link for link in record.links if link.kind == "wiki"] == []


# --- the preview: from data already in the page, once per linked article ----------------------------

PREVIEWED = {  # what the preview of a link to each article shows: title, date, start of the summary
    "보안-습관": (
        "개인정보 보안 습관",
        "2026년 11월 20일",
        "비밀번호 관리자와 <img src=x onerror=alert(1)> 2단계 인증을",
    ),
    "복구": ("해킹 사고 이후 복구", "2026년 11월 25일", "사고 뒤에는 백업부터"),
    "r-and-d": ("R&D 정리 & 계획", "2026년 11월 21일", "연구 &amp; 개발"),
}
PREVIEW_BODY = (
    # the first link to 보안-습관 is inside another link's text: it is put back as text, so the
    # preview data goes on the next link to that article
    "[바깥 [[개인정보 보안 습관]] 링크](https://a.example/) 그리고 [[보안-습관|별칭 글]].\n\n"
    f"[[{unicodedata.normalize('NFD', '개인정보 보안 습관')}]] 또 [[개인정보 보안 습관]] 다시.\n\n"
    "[[옛 보안]] 별칭, [[보안-습관#둘째 절]] 절, [[R&D 정리 & 계획]] 과 [[r-and-d|연구]].\n\n"
    "| 글 | 설명 |\n|---|---|\n| [[해킹 사고 이후 복구\\|복구 글]] | 표 안 |\n\n"
    "각주[^1] 그리고 같은 글 [[링크 모음]], 이 글의 절 [[#둘째 절]].\n\n"
    "## 둘째 절\n\n끝.\n\n[^1]: 각주 안 [[복구]]."
)


def _preview_site(project: SiteProject) -> Built:
    project.article(
        "articles/보안-습관.md",
        "개인정보 보안 습관",
        date="2026-11-20",
        tags=["보안"],
        body="비밀번호 관리자와 &lt;img src=x onerror=alert(1)&gt; 2단계 인증을 씁니다. "
        + "오래 " * 40
        + "\n\n## 둘째 절\n\n본문.",
        extra="aliases: [옛 보안]",
    )
    project.article(
        "articles/복구.md", "해킹 사고 이후 복구", date="2026-11-25", body="사고 뒤에는 백업부터."
    )
    project.article("articles/r-and-d.md", "R&D 정리 & 계획", date="2026-11-21", body="연구 &amp;amp; 개발.")
    project.article("articles/links.md", "링크 모음", date="2026-11-26", body=PREVIEW_BODY)
    return project.build(strict=True)


def _target(href: str) -> str:
    return unquote(href.split("#")[0]).strip("./").split("/")[-1]


def test_each_linked_articles_preview_is_in_the_page_once_and_short(project: SiteProject) -> None:
    """The page's first link to each article carries its preview (the title only where the link's text
    is not the title); the other links to it carry nothing; a link to the page itself carries none."""
    built = _preview_site(project)
    soup = built.html("articles/links/")
    links = soup.select("article a.jisik-wikilink")
    assert len(links) == 11  # the one inside another link's text is no link
    carrying: dict[str, list[object]] = {}
    for link in links:
        if link.has_attr("data-jisik-summary") or link.has_attr("data-jisik-date"):
            carrying.setdefault(_target(link["href"]), []).append(link)
    assert {name: len(found) for name, found in carrying.items()} == {name: 1 for name in PREVIEWED}
    for name, (title, date, summary) in PREVIEWED.items():
        (link,) = carrying[name]
        assert link["data-jisik-date"] == date  # type: ignore[index]
        shown = link["data-jisik-summary"]  # type: ignore[index]
        assert shown.startswith(summary) and len(shown) <= 80  # type: ignore[union-attr]
        assert link.get("data-jisik-title", link.get_text()) == title  # type: ignore[attr-defined]
        assert ("data-jisik-title" in link.attrs) == (link.get_text() != title)  # type: ignore[attr-defined]
    for link in links:  # the page itself and its own heading: no preview
        if _target(link["href"]) in ("", "links"):
            assert not [a for a in link.attrs if a.startswith("data-jisik-")], link


def test_preview_off_leaves_no_preview_data_and_no_script(project: SiteProject) -> None:
    project.plugin_options = {"wikilinks": {"preview": False}}
    built = _preview_site(project)
    page = built.site_dir.joinpath("articles/links/index.html").read_text(encoding="utf-8")
    assert "data-jisik-" not in page and "wikilinks.js" not in page
    assert len(built.html("articles/links/").select("article a.jisik-wikilink")) == 11


def test_chromium_previews_every_link_to_an_article_from_the_one_copy_in_the_page(
    project: SiteProject,
    browser,  # type: ignore[no-untyped-def]
) -> None:
    """Every link to an article — by title, NFD, alias, file name with its own text, heading, in a
    table, in a footnote, the second and third to the same article — shows the same preview, by focus
    and by hover; Escape hides it; links to the page itself show none."""
    built = _preview_site(project)
    with serve(built.site_dir) as root:
        context = browser.new_context(locale="ko-KR")
        errors: list[str] = []
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(root + "articles/links/")
            preview = page.locator("[role=tooltip].jisik-preview")
            links = page.locator("article a.jisik-wikilink")
            assert links.count() == 11
            for i in range(links.count()):
                link = links.nth(i)
                name = _target(link.get_attribute("href") or "")
                link.focus()
                if name in ("", "links"):
                    assert not preview.is_visible(), name
                    assert link.get_attribute("aria-describedby") is None
                    continue
                title, date, summary = PREVIEWED[name]
                assert preview.is_visible(), (i, name)
                assert link.get_attribute("aria-describedby") == "jisik-preview"
                assert preview.locator(".jisik-preview__title").inner_text() == title
                assert preview.locator(".jisik-preview__date").inner_text() == date
                assert preview.locator(".jisik-preview__summary").inner_text().startswith(summary)
                assert preview.locator("img").count() == 0
                page.keyboard.press("Escape")
                assert not preview.is_visible()
                page.locator("article h1").first.hover()
                link.hover()
                assert preview.is_visible() and preview.locator(".jisik-preview__title").inner_text() == title
                page.locator("article h1").first.hover()
                link.blur()
        finally:
            context.close()
    assert not errors, errors


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="가a #|\\ \t·", max_size=12))
def test_a_link_without_escapes_is_read_as_character_by_character(inner: str) -> None:
    """The quick reading of a wikilink's inside (no escaped character) is the careful one."""
    from jisik.model.links import _parse_escaped, parse_inner

    assert parse_inner(inner) == _parse_escaped(inner)


PLAIN_PIECES = [*PIECES, "\t", "!", "![[글]]", "[[글]](x)", "[[글]] (x)", "~~~", "[[a|b]]", "%", ".md", "*"]
PLAIN_PIECES += ["#글", "#", "A quiet street of the old town at dusk, ", ", 4:3", " 16:9"]  # jisik's own
PLAIN_LINES = [
    *LINES,
    "출처: ",  # jisik's conventions: a line or paragraph taken out of the page, with its links
    "참고: https://a.example/ ",
    "#글 #",
    "A night skyline of the city ",
    "* ",
    "+ ",
    "!!! note ",
    "??? ",
    "=== ",
    "|---|",
    "--- | ---",
    "~~~",
    "\t",
    "  ",
    "[[글]]: ",
    "/// caption",
    "///",
]


@st.composite
def plain_bodies(draw: st.DrawFn) -> str:
    """Bodies near the plain ones: mostly wikilinks, list items and headings, with a little of anything
    that could make a line code, HTML, a table, a quote or a link."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 2)):
            lead = draw(st.sampled_from(["", "", "- ", "1. ", "## ", "# ", "* "]))
            pieces = st.sampled_from(["[[글]]", "[[글|보기]]", "[[글#절]]", " ", "글", "[[ ]]", "#", "|"])
        else:
            lead = draw(st.sampled_from(PLAIN_LINES))
            pieces = st.sampled_from(PLAIN_PIECES)
        lines.append(lead + "".join(draw(st.lists(pieces, max_size=4))))
    return "\n".join(lines)


@pytest.mark.parametrize(
    "extensions",
    [
        DEFAULT_EXTENSIONS,
        ("toc", "tables", "fenced_code", "attr_list", "admonition", "pymdownx.superfences"),  # MkDocs'
        ("toc", "admonition", "pymdownx.superfences", "pymdownx.blocks.caption", "pymdownx.blocks.html"),
        (),
    ],
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=plain_bodies())
@example(body="a | b\n--- | ---\n[[글|보기]] | x")  # a table row: its cells split the link
@example(body="[[글]](x) 그리고 [[글]] (y)")  # a Markdown link whose text is `[글]`
@example(body="- a\n\n    [[글]]\n\n[[글|b]]\n> [[가]]\n!!! note\n    [[나]]\n\t[[다]]")
@example(body="[[가]]\n/// caption\n[[나|b]]\n///\n\n```\n[[다]]\n```")
@example(body="/// html | div\n    markdown: raw\n[[가]]\n///")  # a raw block: no link
@example(body="가\n\n출처: [[나]]\n- a\n출처: [[다]]\n#태그 #[[라]]")  # lines jisik's pages take out
@example(body="가\n\nA quiet street of [[나]] at dusk with lanterns,\nwatercolor, 4:3\n\n[[다]]")  # a prompt
def test_a_plain_bodys_links_are_read_as_the_parser_reads_them(
    extensions: tuple[str, ...], body: str
) -> None:
    """The reader's shortcut for plain bodies (no parser) finds exactly the links, lines and order the
    parser finds, whatever the body, with or without tables."""
    quick = LinkReader(extensions)
    careful = LinkReader(extensions)
    careful.plain = False
    assert quick.plain
    assert quick(body, 3, "articles/a.md") == careful(body, 3, "articles/a.md")


def test_the_plain_shortcut_is_taken_for_plain_bodies_only() -> None:
    from jisik.wikilinks.reader import plain_links

    assert plain_links("글 [[가]], [[나|다]].\n\n- [[라#마]]\n## [[바]]") is not None
    for body in [
        "`[[가]]`",
        "    [[가]]",
        "> [[가]]",
        "[x](y.md) [[가]]",
        "<b>[[가]]</b>",
        "[[가]](u)",
        "\\[[가]]",
    ]:
        assert plain_links(body) is None, body
    assert plain_links("[[가|나]] | x", tables=True) is None
    assert plain_links("[[가|나]] | x", tables=False) is not None
    assert not LinkReader(("pymdownx.arithmatex",)).plain  # an extension the shortcut does not know
