"""The capability interface (issue 14): the page head independent of citations, tags worked out once
(Material's search index has the hashtag line's tags), and a new capability plugs in with one line."""

from __future__ import annotations

import html
import json
from collections.abc import Hashable, Sequence

import pytest
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from support import SiteProject


def _jsonld(project: SiteProject, url: str) -> dict[str, object]:
    built = project.build()
    scripts = built.html(url).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, scripts
    data = json.loads(scripts[0].string)
    assert isinstance(data, dict)
    return data


def _cited_article(project: SiteProject) -> None:
    project.article(
        "articles/a.md",
        "출처 있는 글",
        tags=["인공지능", "AI"],
        body="본문입니다.\n\n출처: https://example.com/news",
        extra="tags: [경제]",
    )


@pytest.mark.parametrize("citations", [True, False])
def test_json_ld_does_not_depend_on_citations(project: SiteProject, citations: bool) -> None:
    """`citations: {enabled: false}` used to drop the JSON-LD with the 출처 section: the head owns it."""
    _cited_article(project)
    project.plugin_options = {"citations": {"enabled": citations}}
    data = _jsonld(project, "articles/a/")
    assert data["@type"] == "Article"
    assert data["headline"] == "출처 있는 글"
    assert data["datePublished"].startswith("2026-01-01")
    assert set(data["keywords"]) == {"경제", "인공지능", "AI"}  # front matter and hashtag line
    if citations:
        assert [c["url"] for c in data["citation"]] == ["https://example.com/news"]
    else:
        assert "citation" not in data  # sources are the citations capability's


@pytest.mark.parametrize(
    "options",
    [{"citations": {"jsonld": False}}, {"citations": {"enabled": False, "jsonld": False}}],
)
def test_json_ld_can_still_be_turned_off(project: SiteProject, options: dict[str, object]) -> None:
    _cited_article(project)
    project.plugin_options = options
    built = project.build()
    assert built.html("articles/a/").select('script[type="application/ld+json"]') == []


def test_material_search_index_has_the_hashtag_line_tags(project: SiteProject) -> None:
    """Tags are worked out once (the tag index): Material's search gets every tag an article's chips
    show, from its front matter and its hashtag line, one name per tag, none the build ignored."""
    project.article("articles/a.md", "첫 글", tags=["인공지능", "AI", "R&D"], extra="tags: [경제, ai]")
    project.article("articles/b.md", "둘째 글", tags=["ai"])
    project.article("articles/none.md", "태그 없는 글")
    built = project.build()
    docs = {d["location"]: d for d in json.loads(built.path("search/search_index.json").read_text())["docs"]}

    def chips(url: str) -> list[str]:
        return [c.get_text(strip=True).removeprefix("#") for c in built.html(url).select(".jisik-tag")]

    first = [html.unescape(t) for t in docs["articles/a/"]["tags"]]
    assert first == chips("articles/a/")
    assert {"경제", "인공지능", "R&D"} <= set(first)
    assert len([t for t in first if t.casefold() == "ai"]) == 1  # AI and ai are one tag
    assert [html.unescape(t) for t in docs["articles/b/"]["tags"]] == chips("articles/b/") == ["ai"]
    assert not docs["articles/none/"].get("tags")


class _Marker(Extension):
    """A per-page Markdown extension: writes what the capability handed it for the page."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        extension = self

        class Add(Preprocessor):
            def run(self, lines: list[str]) -> list[str]:
                return [*lines, "", f"marker: {extension.text}"] if extension.text else lines

        md.preprocessors.register(Add(md), "test_marker", 0)


def test_a_new_capability_is_one_class_and_one_line(
    project: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every hook of a capability added to the list runs, with the site-wide context made up front."""
    from jisik import capabilities
    from jisik.capability import Capability
    from jisik.model import Article
    from jisik.templates import Renderer

    seen: dict[str, object] = {}

    class Stamp(Capability):
        def __init__(self, site) -> None:  # type: ignore[no-untyped-def]
            super().__init__(site)
            self.extension = _Marker()

        def extensions(self) -> Sequence[Extension]:
            return [self.extension]

        def add_files(self, files: Files, pages) -> None:  # type: ignore[no-untyped-def]
            seen["tag urls"] = dict(self.site.urls.tags)  # shared URLs exist before any page is added
            self.file, _made = pages.add("stamp/index.md", "도장")

        def before_render(self, page: Page, article: Article | None) -> None:
            self.extension.text = article.title if article else ""

        def decorate(self, page: Page, article: Article | None, renderer: Renderer) -> None:
            if page.file.src_uri == self.file.src_uri:
                page.content = f'<p id="stamp">{len(self.site.entries)}개의 글</p>'

        def head(self, page: Page, article: Article | None) -> str:
            return '<meta name="stamp" content="yes">'

        def signature(self, article: Article) -> Hashable:
            return article.title

        def finish(self, site_dir: str) -> set[str]:
            seen["finished"] = site_dir
            return set()

    monkeypatch.setattr(capabilities, "CAPABILITIES", [*capabilities.CAPABILITIES, Stamp])
    monkeypatch.setattr("jisik.site.CAPABILITIES", capabilities.CAPABILITIES)
    project.article("articles/a.md", "가 글", tags=["태그"])
    project.article("articles/b.md", "나 글", tags=["태그"])
    built = project.build()
    assert seen["tag urls"] and all(url.startswith("tags/") for url in seen["tag urls"].values())
    assert built.html("stamp/").select_one("#stamp").get_text() == "2개의 글"
    assert "marker: 가 글" in built.html("articles/a/").get_text()
    for url in ("articles/a/", "stamp/", "tags/", ""):
        assert built.html(url).select_one('head meta[name="stamp"]') is not None, url
    assert seen["finished"] == str(built.site_dir)
