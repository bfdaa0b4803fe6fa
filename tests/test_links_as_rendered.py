"""The record of an article's links is what its page renders as links (issue 18), for the text jisik's
own conventions take out of the page: `출처:` lines, hashtag lines, bare image prompts, `/// prompt`
blocks, and the title heading (shown as its text). Neither the plain-body shortcut nor the parser may
record a link there: backlinks, JSON-LD `mentions`, `jisik show` and broken-link warnings follow the
record, so a link the page does not show would appear in all of them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import SiteProject, tool


def _shown(project: SiteProject) -> dict[str, object]:
    """`jisik show docs/articles/a.md`: one file, so its record."""
    show = subprocess.run(
        [tool("jisik"), "show", "docs/articles/a.md"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    )
    record: dict[str, object] = json.loads(show.stdout)
    return record


def _backlinks(html: str) -> list[str]:
    """The titles a page's backlinks section lists."""
    return [a.get_text() for a in BeautifulSoup(html, "lxml").select(".jisik-backlinks li a[href]")]


TARGETS = {
    "하나": "one",
    "둘": "two",
    "셋": "three",
    "Seoul": "seoul",
    "Busan": "busan",
    "넷": "four",
    "다섯": "five",
    "여섯": "six",
    "일곱": "seven",
}

TAKEN_OUT = {
    "source": "출처: [[둘]]",
    "source-with-url": "참고: [[셋]] https://a.example/x",
    "bare-prompt": "A quiet street in [[Seoul]] at dusk with paper lanterns, watercolor, 4:3",
    "prompt-block": "/// prompt | 16:9\nA night skyline of [[Busan]] with neon lights\n///",
    "source-after-list-item": "- 항목 [[하나]]\n출처: [[넷]]",
    "hashtag-line": "#태그 #[[다섯]]",
    "missing-in-source": "출처: [[없는 글 하나]]",
}

BODY = (
    "---\ndate: 2026-01-02\n---\n\n"
    "# 글 쓰는 법\n\n"
    "본문은 [[하나]]로 갑니다. 그리고 [[여섯]]과 [[일곱]]도 있습니다.\n\n"
    + "\n\n".join(TAKEN_OUT.values())
    + "\n\n#글\n"
)


@pytest.mark.parametrize(
    "extra",
    [[], ["abbr"]],
    ids=["plain-shortcut", "parser"],  # `abbr` is no extension the plain shortcut knows
)
def test_the_record_links_only_what_the_page_shows_as_links(project: SiteProject, extra: list[str]) -> None:
    project.config["markdown_extensions"] = [*project.config["markdown_extensions"], *extra]  # type: ignore[misc]
    for title, name in TARGETS.items():
        project.article(f"articles/{name}.md", title, tags=["글"], body=f"{title} 요약 문단입니다.")
    project.write("articles/a.md", BODY)
    built = project.build()

    page = built.html("articles/a/")
    shown = {
        built.follow("articles/a/", a["href"]).split("#")[0] for a in page.select("article a.jisik-wikilink")
    }
    assert shown == {"articles/one/", "articles/six/", "articles/seven/"}  # what a reader sees
    assert not page.select(".jisik-wikilink--missing")

    backlinked = {
        f"articles/{name}/"
        for name in TARGETS.values()
        if any(
            built.follow(f"articles/{name}/", link["href"]) == "articles/a/"
            for link in built.html(f"articles/{name}/").select(".jisik-backlinks li a[href]")
        )
    }
    assert backlinked == shown

    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    mentioned = {m["url"].removeprefix("https://example.org/kb/") for m in data.get("mentions", [])}
    assert mentioned == shown

    assert not [w for w in built.warnings if "없는 글 하나" in w]  # no link, so no broken link

    record = _shown(project)
    assert {link["target"] for link in record["links"]} == {
        "articles/one.md",
        "articles/six.md",
        "articles/seven.md",
    }
    check = subprocess.run([tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True)
    assert "없는 글 하나" not in check.stdout, check.stdout


@pytest.mark.parametrize(
    "title",
    ["# `[[둘]]` 쓰는 법", "`[[둘]]` 쓰는 법\n====", "# 쓰는 법 `[[둘]]` {#own}", "# 쓰는 법 [[둘]]"],
    ids=["atx-code", "setext-code", "with-id", "link"],
)
def test_a_link_in_the_body_counts_whatever_the_title_heading_holds(project: SiteProject, title: str) -> None:
    """The title heading is shown as its text (no link); a link in the body to the article the title
    names — in code or not — is a link of the page and of the record, at its own line."""
    project.article("articles/two.md", "둘", tags=["글"], body="둘 요약 문단입니다.")
    project.write("articles/a.md", f"---\ndate: 2026-01-02\n---\n\n{title}\n\n본문 [[둘]] 입니다.\n\n#글\n")
    built = project.build()
    page = built.html("articles/a/")
    assert not page.select("article h1 a.jisik-wikilink, article h1 .jisik-wikilink")
    assert [built.follow("articles/a/", a["href"]) for a in page.select("article a.jisik-wikilink")] == [
        "articles/two/"
    ]
    backlinks = built.html("articles/two/").select(".jisik-backlinks li a[href]")
    assert [built.follow("articles/two/", a["href"]) for a in backlinks] == ["articles/a/"]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert [m["url"] for m in data["mentions"]] == ["https://example.org/kb/articles/two/"]
    record = _shown(project)
    line = 6 + title.count("\n") + 1
    assert [(link["target"], link["line"]) for link in record["links"]] == [("articles/two.md", line)]


def test_a_page_nested_too_deep_keeps_its_links_in_the_record(project: SiteProject) -> None:
    """A quote nested deeper than jisik shows (50 levels; reported) is shown 50 levels deep, its links
    and the page's others working: the record (backlinks, `mentions`) holds them too. (This held before
    the record was read from the body as its page is converted; kept as the neighbour of the title
    heading's case.)"""
    lead = ">" * 300 + " "
    project.article("articles/one.md", "하나", tags=["글"], body="하나 요약 문단입니다.")
    project.article("articles/two.md", "둘", tags=["글"], body="둘 요약 문단입니다.")
    project.article("articles/a.md", "가", tags=["글"], body=f"본문 [[둘]].\n\n{lead}깊은 인용 [[하나]]")
    built = project.build()
    page = built.html("articles/a/")
    shown = {built.follow("articles/a/", a["href"]) for a in page.select("article a.jisik-wikilink")}
    assert shown == {"articles/one/", "articles/two/"}
    for url in shown:
        backlinks = built.html(url).select(".jisik-backlinks li a[href]")
        assert [built.follow(url, a["href"]) for a in backlinks] == ["articles/a/"], url
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert {m["url"].removeprefix("https://example.org/kb/") for m in data["mentions"]} == shown


@pytest.mark.parametrize("change", ["added", "removed"])
def test_serve_dirty_reads_links_again_when_the_markdown_extensions_change(
    project: SiteProject, tmp_path: Path, change: str
) -> None:
    """Which text is a link depends on the site's Markdown extensions (`md_in_html` makes the inside of
    `<div markdown>` Markdown): after mkdocs.yml's `markdown_extensions` change under `serve --dirty`,
    the linking page, the linked article's backlinks and the JSON-LD are what a clean build shows —
    not the records read with the extensions before (the files themselves did not change); and every
    other page, an article's or not, is converted with the extensions as they are now."""
    from test_serve import _Serve
    from test_serve_oracle import _clean_build, _site_view

    extensions = list(project.config["markdown_extensions"])  # type: ignore[call-overload]
    with_html = [*extensions, "md_in_html"]
    project.config["markdown_extensions"] = with_html if change == "removed" else extensions
    project.article("articles/a.md", "가", tags=["글"], body="<div markdown>\n안의 [[나]]\n</div>\n\n본문.")
    project.article("articles/b.md", "나", tags=["글"])
    project.article("articles/c.md", "다", tags=["글"], body="본문 [[나]].")
    project.write("about.md", "# 소개\n\n<div markdown>\n**굵게** 쓴 [[다]]\n</div>\n")  # no article
    hour_ago = time.time() - 3600
    for path in project.docs.rglob(
        "*.md"
    ):  # written long ago, as most of a site is (not "racy": see collection)
        os.utime(path, (hour_ago, hour_ago))
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("")[0] == 200)
        found = re.search(r"Config value 'site_dir' = '([^']+)'", serve.text())
        assert found is not None
        served = Path(found.group(1))
        assert ("가" in _backlinks(serve.get("articles/b/")[1])) == (change == "removed")
        builds = serve.builds()
        time.sleep(1.1)
        project.config["markdown_extensions"] = extensions if change == "removed" else with_html
        project.write_config()
        serve.wait("the rebuild", lambda: serve.builds() > builds)
        time.sleep(0.5)
        view = _site_view(served, serve.root)
        clean = _clean_build(project, tmp_path / "clean")
        assert ("가" in _backlinks(clean["articles/b/index.html"])) == (change == "added")
        assert view.keys() == clean.keys()
        assert [page for page in sorted(view) if view[page] != clean[page]] == []
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()


@pytest.mark.parametrize(
    "example",
    [
        "쓰는 법: `[[없는 글]]`, `[[둘]]`",
        "```\n[[없는 글]] [[둘]]\n```",
        "~~~~\n[[없는 글]]\n```\n[[둘]]\n~~~~",
        "<!-- [[없는 글]] [[둘]] -->",
        "``[[없는 글]]` [[둘]]``",
    ],
    ids=["code-span", "fence", "tilde-fence", "comment", "double-backtick"],
)
def test_a_link_is_reported_at_its_own_line_not_at_an_example_in_code(
    project: SiteProject, example: str
) -> None:
    """Examples of a link in code before the link itself: the build's broken-link warning, `jisik check`
    and `jisik show` name the line the link stands on."""
    project.article("articles/two.md", "둘", tags=["글"], body="둘 요약 문단입니다.")
    text = f"---\ndate: 2026-01-02\n---\n\n# 가\n\n{example}\n\n진짜 링크: [[없는 글]], [[둘]].\n\n#글\n"
    project.write("articles/a.md", text)
    line = text.split("\n").index("진짜 링크: [[없는 글]], [[둘]].") + 1
    built = project.build()
    warned = [w for w in built.warnings if "[[없는 글]]" in w]
    assert len(warned) == 1 and f"docs/articles/a.md:{line}: [[없는 글]]" in warned[0], warned
    check = subprocess.run([tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True)
    assert f"docs/articles/a.md:{line}: warning: [[없는 글]]" in check.stdout, check.stdout
    assert [(link["written"], link["line"]) for link in _shown(project)["links"]] == [
        ("[[없는 글]]", line),
        ("[[둘]]", line),
    ]
