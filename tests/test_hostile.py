"""Hostile text from generators, scrapers and writers: it shows as written and never runs.

One site carries markup, quotes, `</script>`, `<!--`, `&` and control characters in every place user
text reaches: front-matter titles and `# headings`, tags (front matter and the hashtag line), summaries,
bare and `/// prompt` prompts (text, `alt`, `image`), source titles (`{url, title}` and `출처: 제목 URL`)
and source URLs. The built pages are read back with a real HTML parser (and in Chromium), every feed with
lxml and feedparser, every JSON file with `json`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from lxml import etree

from jisik.feeds.items import Enclosure, Feed, FeedItem
from jisik.feeds.jsonfeed import render_json
from jisik.feeds.rss import render_rss
from jisik.head.jsonld import script_json
from support import Built, SiteProject, png, serve

SITE = "https://example.org/kb/"
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Front matter is written as JSON strings (valid YAML), so quotes and control characters survive YAML.
FRONT_TITLE = (
    "</title><script>alert(1)</script> \"큰\" '작은' </script> <!-- <img src=x onerror=alert(2)> & 끝\x07"
)
HEADING = "<script>alert(3)</script> \"제목\" 'h' </script> <!-- <b onclick=alert(4)>굵게</b> & 끝 \x07\x1b"
FRONT_TAGS = [
    "<script>alert(5)</script>",
    'x"y',
    "it's",
    "R&D",
    "</script>",
    "벨\x07",
    "<!--주석",
    "<img src=x onerror=alert(19)>",
]
LINE_TAGS = ['"><svg/onload=alert(6)>', "'onmouseover='alert(7)'"]
AUTHOR = "\"><script>alert(18)</script>'"
SUMMARY = "요약 \"큰\" '작은' & 5 < 6 > 4 끝\x1b"
FRONT_SOURCE_TITLE = "<script>alert(8)</script> \"원문\" 'q' </script> <!-- & AT&amp;T \x07끝"
BODY_SOURCE_TITLE = "<script>alert(9)</script> \"제목\" & '따옴표' <!-- x --> 끝"
QUOTE_URL = 'https://example.com/q"onmouseover="alert(10)'
BARE_PROMPT = (
    "A robot holding a sign that says <script>alert(11)</script> with \"quotes\" & 'apostrophes' "
    "</script> <!-- in a bright laboratory, AT&amp;T logo, cinematic\x07"
)
BLOCK_PROMPT = (
    "A block prompt </script><!-- <img src=x onerror=alert(12)> & \"quoted\" 'single' wide view\x1b"
)
BLOCK_ALT = '"><img src=x onerror=alert(13)>'
UNSAFE_IMAGE = "javascript://example.com/%0aalert(14)"


def shown(text: str) -> str:
    """What a reader should see of `text`: every character as written, control characters dropped."""
    return " ".join(CONTROLS.sub("", text).split())


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_site(project: SiteProject) -> None:
    front_sources = [
        {"url": "https://example.com/a?x=1&y=2", "title": FRONT_SOURCE_TITLE},
        "javascript:alert(15)",
        "data:text/html,<script>alert(16)</script>",
        {"url": QUOTE_URL, "title": "따옴표 URL"},
    ]
    project.write(
        "articles/front.md",
        "---\n"
        f"title: {_json(FRONT_TITLE)}\n"
        "date: 2026-11-20\n"
        f"author: {_json(AUTHOR)}\n"
        f"tags: {_json(FRONT_TAGS)}\n"
        f"summary: {_json(SUMMARY)}\n"
        f"sources: {_json(front_sources)}\n"
        "---\n\n"
        "본문 문단입니다.\n\n"
        f"{BARE_PROMPT}, 4:3\n\n"
        "/// prompt | 16:9\n"
        f"    alt: {_json(BLOCK_ALT)}\n\n"
        f"{BLOCK_PROMPT}\n"
        "///\n\n"
        "/// prompt | 1:1\n"
        f"    image: {UNSAFE_IMAGE}\n\n"
        "A third prompt whose image option is a javascript URL, studio light\n"
        "///\n\n"
        f"출처: {BODY_SOURCE_TITLE} https://example.org/src?a=1&b=2\n"
        "출처: javascript:alert(17)\n\n" + " ".join(f"#{tag}" for tag in LINE_TAGS) + " #공통\n",
    )
    project.write(
        "articles/heading.md",
        "---\ndate: 2026-11-21\n---\n\n"
        f"# {HEADING}\n\n"
        "본문 \"인용\" & 'q' 5 < 6 문단입니다.\n\n"
        "출처: https://example.net/h\n\n#공통 #R&D\n",
    )
    project.write(
        "articles/plain.md",
        "---\ndate: 2026-11-22\n---\n\n# 평범한 글\n\n평범한 본문입니다.\n\n"
        "출처: https://example.net/p\n\n## 함께 보면 좋은 글\n\n#공통 #R&D\n",
    )
    project.tree({"assets/prompts/front-2.png": png(16, 9)})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = SiteProject(tmp_path_factory.mktemp("hostile") / "project")
    _write_site(project)
    return project.build()


def _pages(built: Built) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(built.site_dir.rglob("*.html")):
        relative = path.relative_to(built.site_dir).as_posix()
        if not relative.startswith("assets/"):
            yield relative, BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _text(element: Tag) -> str:
    """An element's text without the permalink sign, spacing folded."""
    return " ".join(element.get_text().replace("¶", "").split())


def _unsafe_urls(soup: BeautifulSoup) -> list[str]:
    found = []
    for element in soup.find_all(True):
        for name in ("href", "src", "action", "formaction", "poster", "data"):
            value = element.get(name)
            if not isinstance(value, str):
                continue
            scheme = CONTROLS.sub("", value).strip().lower()
            if scheme.startswith(("javascript:", "data:", "vbscript:")):
                if element.get("data-md-component") == "search-share" and value == "javascript:void(0)":
                    continue  # Material's own search share button
                found.append(f"{element.name} {name}={value}")
    return found


def test_no_script_runs_and_no_attribute_breaks_out(site: Built) -> None:
    pages = list(_pages(site))
    assert len(pages) > 10
    for url, soup in pages:
        for script in soup.find_all("script"):
            if script.get("src"):
                assert script["src"].split("/")[-1].startswith(("bundle.", "jisik.js", "wikilinks.js")), (
                    url,
                    script,
                )
            elif script.get("type") in ("application/ld+json", "application/json"):
                json.loads(script.string)
            else:
                assert "alert" not in (script.string or ""), (url, script)
        handlers = [
            (element.name, name)
            for element in soup.find_all(True)
            for name in element.attrs
            if name.startswith("on")
        ]
        assert handlers == [], url
        assert soup.find("svg", attrs={"onload": True}) is None
        assert soup.select("img[src=x]") == [], url
        assert _unsafe_urls(soup) == [], url
        assert soup.find("article") is not None or url == "404.html", f"{url}: the page lost its structure"


def test_no_control_character_reaches_any_output(site: Built) -> None:
    for path in site.site_dir.rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and "assets" not in path.parts:
            text = path.read_text(encoding="utf-8")
            assert not CONTROLS.search(text), path
            if path.suffix == ".json":
                assert "\\u0007" not in text and "\\u001b" not in text, path


def test_front_matter_title_is_text_in_title_header_and_h1(site: Built) -> None:
    soup = site.html("articles/front/")
    expected = shown(FRONT_TITLE)
    assert soup.title.get_text() == f"{expected} - 지식 테스트"
    assert _text(soup.select_one('.md-header__topic[data-md-component="header-topic"]')) == expected
    assert _text(soup.select_one("article h1")) == expected


def test_head_meta_values_stay_inside_their_attributes(site: Built) -> None:
    soup = site.html("articles/front/")
    assert soup.select_one('meta[name="description"]')["content"] == shown(SUMMARY)
    assert soup.select_one('meta[name="author"]')["content"] == AUTHOR
    heading = site.html("articles/heading/")
    assert (
        heading.select_one('meta[name="description"]')["content"] == "본문 \"인용\" & 'q' 5 < 6 문단입니다."
    )


def test_search_index_holds_titles_and_tags_as_escaped_html(site: Built) -> None:
    """Material's search shows titles and tags with innerHTML: they must be HTML that shows the text."""
    index = json.loads(site.path("search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    front, heading = docs["articles/front/"], docs["articles/heading/"]
    assert html.unescape(front["title"]) == shown(FRONT_TITLE)
    assert html.unescape(heading["title"]) == shown(HEADING)
    # the tags as the chips name them: the front matter's and the hashtag line's (issue 14)
    expected = [shown(tag) for tag in [*FRONT_TAGS, *LINE_TAGS, "공통"]]
    assert [html.unescape(tag) for tag in front["tags"]] == expected
    for doc in index["docs"]:
        for text in [doc["title"], *doc.get("tags", [])]:
            assert "<" not in text, (doc["location"], text)


def test_heading_title_is_text_everywhere(site: Built) -> None:
    soup = site.html("articles/heading/")
    expected = shown(HEADING)
    assert _text(soup.select_one("article h1")) == expected
    assert soup.select("article h1 b") == []
    assert soup.title.get_text() == f"{expected} - 지식 테스트"
    assert _text(soup.select_one('.md-header__topic[data-md-component="header-topic"]')) == expected
    summary = soup.select_one("article p")
    assert _text(summary) == "본문 \"인용\" & 'q' 5 < 6 문단입니다."


def test_tags_show_as_written_on_chips_and_tag_pages(site: Built) -> None:
    soup = site.html("articles/front/")
    chips = [chip.get_text() for chip in soup.select("nav.jisik-tags a.jisik-tag")]
    expected = ["#" + shown(tag) for tag in [*FRONT_TAGS, *LINE_TAGS, "공통"]]
    assert chips == expected
    for chip in soup.select("nav.jisik-tags a.jisik-tag"):
        url = site.follow("articles/front/", chip["href"])
        page = site.html(url)
        assert _text(page.select_one("article h1")) == chip.get_text(), url
        assert "alert" not in "".join(s.string or "" for s in page.find_all("script") if not s.get("type"))
        assert shown(FRONT_TITLE) in [_text(a) for a in page.select("a.jisik-card__title")], url
    index = site.html("tags/")
    listed = {a.get_text() for a in index.select("a.jisik-tag")}
    assert set(expected) <= listed


def test_lists_show_titles_and_summaries_as_written(site: Built) -> None:
    title, summary = shown(FRONT_TITLE), shown(SUMMARY)
    for url in ("", "archive/", "tags/%EA%B3%B5%ED%86%B5/", "sources/"):
        soup = site.html(url)
        titles = [_text(a) for a in soup.select("a.jisik-card__title")]
        assert {title, shown(HEADING)} <= set(titles), url
    home = site.html("")
    summaries = [_text(p) for p in home.select("p.jisik-card__summary")]
    assert summary in summaries
    related = site.html("articles/plain/").select("section.jisik-related a.jisik-card__title")
    assert {_text(a) for a in related} == {title, shown(HEADING)}


def test_prompts_are_text_and_unsafe_images_are_not_shown(site: Built) -> None:
    soup = site.html("articles/front/")
    figures = soup.select("figure.jisik-figure")
    assert len(figures) == 3
    prompts = [_text(figure.select_one(".jisik-prompt")) for figure in figures]
    assert prompts[0] == shown(BARE_PROMPT)
    assert prompts[1] == shown(BLOCK_PROMPT)
    image = figures[1].select_one("img")
    assert image is not None and image["alt"] == BLOCK_ALT
    assert figures[2].select_one("img") is None  # a javascript: image is never a src
    text = (site.site_dir.parent / "docs" / "articles" / "front.md").read_text(encoding="utf-8")
    line = text.split("\n").index(f"    image: {UNSAFE_IMAGE}") + 1
    assert [w for w in site.warnings if f"docs/articles/front.md:{line}: prompt image" in w], site.warnings
    data = json.loads(site.path("prompts.json").read_text(encoding="utf-8"))
    texts = [row["prompt"] for row in data["prompts"] if row["article"] == "articles/front.md"]
    assert texts[:2] == [shown(BARE_PROMPT), shown(BLOCK_PROMPT)]


def test_sources_are_text_links_only_for_http(site: Built) -> None:
    soup = site.html("articles/front/")
    entries = soup.select("ol.jisik-sources li.jisik-source")
    links = [(_text(a), a["href"]) for entry in entries for a in entry.select("a")]
    assert (shown(FRONT_SOURCE_TITLE), "https://example.com/a?x=1&y=2") in links
    assert (shown(BODY_SOURCE_TITLE), "https://example.org/src?a=1&b=2") in links
    assert ("따옴표 URL", QUOTE_URL) in links
    texts = [_text(span) for span in soup.select("li.jisik-source span.jisik-source__text")]
    assert texts == [
        "javascript:alert(15)",
        "data:text/html,<script>alert(16)</script>",
        "javascript:alert(17)",
    ]
    index = site.html("sources/")
    cited = {_text(a): a["href"] for a in index.select("ul.jisik-source-urls a")}
    assert cited[shown(FRONT_SOURCE_TITLE)] == "https://example.com/a?x=1&y=2"
    assert cited[shown(BODY_SOURCE_TITLE)] == "https://example.org/src?a=1&b=2"
    assert not [href for href in cited.values() if not href.startswith("https://")]
    warned = " ".join(site.warnings)
    for scheme in ("javascript:alert(15)", "data:text/html", "javascript:alert(17)"):
        assert scheme in warned


def test_jsonld_parses_back_to_the_text(site: Built) -> None:
    raw = site.path("articles/front/").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.DOTALL)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and "&" not in blocks[0]  # nothing can close or comment out the element
    data = json.loads(blocks[0])
    assert data["headline"] == shown(FRONT_TITLE)
    assert data["description"] == shown(SUMMARY)
    assert data["keywords"] == [shown(tag) for tag in [*FRONT_TAGS, *LINE_TAGS, "공통"]]
    names = [c["name"] for c in data["citation"]]
    assert shown(FRONT_SOURCE_TITLE) in names and shown(BODY_SOURCE_TITLE) in names
    assert not [c for c in data["citation"] if "url" in c and not c["url"].startswith("https://")]
    heading = json.loads(
        site.html("articles/heading/").select_one('script[type="application/ld+json"]').string
    )
    assert heading["headline"] == shown(HEADING)


def test_every_feed_parses_and_carries_the_text(site: Built) -> None:
    feeds = sorted(site.site_dir.rglob("feed.xml"))
    assert len(feeds) > 10
    for path in feeds:
        data = path.read_bytes()
        etree.fromstring(data)
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            for content in entry.get("content", []):
                html = BeautifulSoup(content["value"], "lxml")
                assert not [s for s in html.find_all("script") if not s.get("type")], path
                assert _unsafe_urls(html) == [], path
                assert not [n for e in html.find_all(True) for n in e.attrs if n.startswith("on")], path
        json_feed = json.loads(path.with_name("feed.json").read_text(encoding="utf-8"))
        assert len(json_feed["items"]) == len(parsed.entries)
    site_feed = feedparser.parse(site.path("feed.xml").read_bytes())
    entry = next(e for e in site_feed.entries if e.link.endswith("/articles/front/"))
    assert entry.title == shown(FRONT_TITLE)
    # Readers render the description as HTML: it is the summary as HTML text, with no element in it.
    described = BeautifulSoup(entry.summary, "html.parser")
    assert described.find_all(True) == [] and described.get_text() == shown(SUMMARY)
    assert [t.term for t in entry.tags] == [shown(tag) for tag in [*FRONT_TAGS, *LINE_TAGS, "공통"]]
    assert "enclosures" not in entry or all(e.href.startswith(SITE) for e in entry.enclosures)
    items = json.loads(site.path("feed.json").read_text(encoding="utf-8"))["items"]
    item = next(i for i in items if i["url"].endswith("/articles/front/"))
    assert item["title"] == shown(FRONT_TITLE)
    assert item["tags"] == [shown(tag) for tag in [*FRONT_TAGS, *LINE_TAGS, "공통"]]


def test_every_json_and_xml_output_parses(site: Built) -> None:
    jsons = [p for p in site.site_dir.rglob("*.json") if "assets" not in p.parts]
    assert {p.name for p in jsons} >= {"feed.json", "prompts.json", "search_index.json"}
    for path in jsons:
        json.loads(path.read_text(encoding="utf-8"))
    for path in site.site_dir.rglob("*.xml"):
        etree.fromstring(path.read_bytes())


def test_lone_surrogates_and_control_characters_never_break_xml_or_json() -> None:
    """Characters XML cannot hold (and UTF-8 cannot encode) are dropped from feeds, escaped in JSON-LD."""
    bad = "제목 \ud800 & <b> \x07 ]]> \udfff 끝"
    item = FeedItem(
        title=bad,
        link=SITE + "a/",
        guid=SITE + "a/",
        published=dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc),
        updated=None,
        categories=(bad,),
        summary=bad,
        content_html=f"<p>{bad}</p>",
        enclosure=Enclosure(UNSAFE_IMAGE, "image/png", 0),
    )
    feed = Feed(bad, SITE, SITE + "feed.xml", SITE + "feed.json", bad, "ko", [item])
    rss = render_rss(feed)
    tree = etree.fromstring(rss)
    assert tree.findtext("channel/item/title") == "제목  & <b>  ]]>  끝"
    assert tree.findtext("channel/item/category") == "제목  & <b>  ]]>  끝"
    assert not feedparser.parse(rss).bozo
    assert tree.find("channel/item/enclosure") is None  # not an http(s) URL
    parsed = json.loads(render_json(feed).encode("utf-8"))
    assert "\ud800" not in parsed["items"][0]["title"]
    assert "image" not in parsed["items"][0]
    assert json.loads(script_json({"headline": bad}))["headline"] == bad


def test_in_chromium_nothing_runs(site: Built, browser) -> None:  # type: ignore[no-untyped-def]
    """What a reader's browser does with every page, and with search results (Material shows their titles
    and tags with innerHTML): no dialog opens, no handler fires."""
    context = browser.new_context()
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = [url for url, _soup in _pages(site)]
    try:
        with serve(site.site_dir) as root:
            for url in pages:
                opened.goto(root + url, wait_until="load")
            opened.goto(root + "articles/front/")
            query = opened.locator("input.md-search__input")
            query.fill("끝")  # the last word of both hostile titles
            query.press("End")  # Material reads the query on keyup
            results = opened.locator(".md-search-result__list > li")
            results.first.wait_for(timeout=10_000)
            assert results.count() >= 2
            shown_tags = opened.locator(".md-search-result__list .md-tag").all_inner_texts()
            assert shown(FRONT_TAGS[-1]) in shown_tags  # the tag shows as text, its onerror never runs
            opened.wait_for_timeout(300)
    finally:
        context.close()
    assert len(pages) > 10
    assert dialogs == []


def test_a_writers_own_page_title_cannot_inject_either(project: SiteProject) -> None:
    project.write(
        "index.md",
        '---\ntitle: "</title><script>alert(1)</script>"\n'
        'description: "a\\" onload=\\"alert(2)"\n---\n\n본문.\n',
    )
    project.article("a.md", "글", tags=["태그"])
    built = project.build(strict=True)
    soup = built.html("")
    assert soup.title is not None and "<script>alert(1)</script>" in soup.title.get_text()
    assert not [s for s in soup.select("script") if "alert" in (s.string or "")]
    assert not soup.select("[onload]")
