"""The repository's own site and the real article, built for real."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from support import FIXTURES, Built, SiteProject, run_build, text_of, tool

REAL_URL = "articles/2026-11-27-ai-burnout/"
REAL_TAGS = [
    "AI번아웃",
    "실리콘밸리",
    "OpenAI",
    "xAI",
    "휴머노이드로봇",
    "핵융합",
    "인재유출",
    "IT트렌드",
    "테크이슈",
    "기술혁신",
]
JUNK = ("Leave a Comment", "error: Content is protected !!")


def test_repo_site_builds_strict_under_properdocs(tmp_path: Path) -> None:
    result = run_build("properdocs", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    article = (tmp_path / "site" / REAL_URL / "index.html").read_text(encoding="utf-8")
    assert article.count('class="jisik-tag"') == len(REAL_TAGS)
    assert (tmp_path / "site" / "tags" / "ai번아웃" / "index.html").exists()


def _raw_paragraphs() -> list[str]:
    raw = (FIXTURES / "ai-burnout.txt").read_text(encoding="utf-8")
    lines = [line.strip().lstrip("•").strip() for line in raw.splitlines()]
    return [line for line in lines if line and line not in JUNK and not line.startswith("#")]


def test_real_article_keeps_every_line_and_drops_junk(repo_site: Built) -> None:
    soup = repo_site.html(REAL_URL)
    text = text_of(soup)
    for line in _raw_paragraphs():
        if line.endswith(", 4:3"):  # an image prompt becomes a figure with the prompt as caption
            prompts = [p.get_text() for p in soup.select("figure.jisik-figure .jisik-prompt")]
            assert line.removesuffix(", 4:3") in prompts
            continue
        if line.startswith("출처:"):  # a source line becomes an entry of the 출처 section
            url = line.split(":", 1)[1].strip()
            assert soup.select_one(f'ol.jisik-sources a[href="{url}"]') is not None
            assert line not in text
            continue
        assert " ".join(line.split()) in text, f"lost: {line[:60]}"
    for junk in JUNK:
        assert junk not in text
    bullets = [
        li.get_text(" ", strip=True) for li in soup.select("article li") if not li.select("a.jisik-tag")
    ]
    assert "인간형 로봇을 개발하는 휴머노이드 스타트업" in bullets
    assert "제조 및 물류 현장 투입을 위한 구체적 타임라인 설정" in bullets


def test_real_article_has_chips_not_hashtag_headings(repo_site: Built) -> None:
    soup = repo_site.html(REAL_URL)
    chips = soup.select("nav.jisik-tags a.jisik-tag")
    assert [chip.get_text() for chip in chips] == [f"#{tag}" for tag in REAL_TAGS]
    for heading in soup.select("article h1, article h2, article h3"):
        words = heading.get_text(" ", strip=True).replace("¶", "").split()
        assert not (words and all(word.startswith("#") for word in words)), heading
    # every chip leads to the page of its tag, which links back to the article
    for chip in chips:
        tag_url = repo_site.follow(REAL_URL, chip["href"])
        tag_page = repo_site.html(tag_url)
        assert tag_page.select_one("h1").get_text(strip=True) == chip.get_text()
        back = [repo_site.follow(tag_url, a["href"]) for a in tag_page.select("a.jisik-card__title")]
        assert back == [REAL_URL]


def test_korean_headings_get_korean_anchors(repo_site: Built) -> None:
    soup = repo_site.html(REAL_URL)
    ids = [h["id"] for h in soup.select("article h2[id]")]
    assert "ai-번아웃-기술-인재가-도망가는-이유" in ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_tag_index_lists_all_ten_tags(repo_site: Built) -> None:
    soup = repo_site.html("tags/")
    names = [a.get_text() for a in soup.select("section.jisik-tag-group a.jisik-tag")]
    assert sorted(names) == sorted(f"#{tag}" for tag in REAL_TAGS)
    link = next(a for a in soup.select("a.jisik-tag") if a.get_text() == "#AI번아웃")
    assert link["href"] == "ai%EB%B2%88%EC%95%84%EC%9B%83/"
    assert repo_site.path("tags/ai%EB%B2%88%EC%95%84%EC%9B%83/").exists()
    groups = [h.get_text(strip=True) for h in soup.select("section.jisik-tag-group h2")]
    assert groups == ["ㄱ", "ㅅ", "ㅇ", "ㅌ", "ㅎ", "A", "I", "O", "X"]


def test_home_page_lists_the_article_with_date_and_summary(repo_site: Built) -> None:
    soup = repo_site.html("")
    card = soup.select_one("li.jisik-card")
    assert card is not None
    assert repo_site.follow("", card.select_one("a")["href"]) == REAL_URL
    assert card.select_one("time")["datetime"].startswith("2026-11-27T00:00:00+09:00")
    assert card.select_one(".jisik-card__summary").get_text().startswith("최근 실리콘밸리 인공지능 업계의")


def test_building_twice_with_the_same_plugins_gives_the_same_pages(project: SiteProject) -> None:
    project.copy_real_article()
    project.article("articles/b.md", "두 번째 글", tags=["AI번아웃", "보안"], date="2026-11-20")
    first_config = project.load_config()
    first = project.build(config=first_config)
    pages = {p: p.read_bytes() for p in sorted(first.site_dir.rglob("*.html"))}
    # `mkdocs serve` reloads the config for each rebuild but keeps plugins that define on_startup
    second_config = project.load_config()
    assert second_config.plugins["jisik"] is first_config.plugins["jisik"]
    again = project.build(config=second_config)
    assert {p: p.read_bytes() for p in sorted(again.site_dir.rglob("*.html"))} == pages
    soup = again.html("tags/ai%EB%B2%88%EC%95%84%EC%9B%83/")
    assert len(soup.select("a.jisik-card__title")) == 2


def test_malformed_front_matter_is_one_clear_message(project: SiteProject) -> None:
    project.copy_real_article()
    project.write(
        "articles/broken.md", "---\ndate: 2026-11-01\ntags: [a, b\n---\n\n# 깨진 글\n\n본문입니다.\n"
    )
    project.write_config()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [tool("mkdocs"), "build"], cwd=project.root, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    mentions = [line for line in result.stderr.splitlines() if "broken.md" in line]
    assert len(mentions) == 1, result.stderr
    assert "WARNING" in mentions[0] and "docs/articles/broken.md:" in mentions[0]
    assert "YAML" in mentions[0]
    # the rest of the site is built
    assert (project.root / "site" / "articles" / "2026-11-27-ai-burnout" / "index.html").exists()
    strict = subprocess.run(
        [tool("mkdocs"), "build", "--strict"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert strict.returncode != 0 and "Traceback" not in strict.stderr


def test_drafts_stay_off_lists(project: SiteProject) -> None:
    project.article("a.md", "공개 글", tags=["보안"], date="2026-11-01")
    project.article("b.md", "초안 글", tags=["보안", "비밀"], date="2026-11-02", draft=True)
    built = project.build(strict=True)
    assert "초안 글" not in text_of(built.html(""))
    assert "초안 글" not in text_of(built.html("tags/%EB%B3%B4%EC%95%88/"))
    assert not built.path("tags/%EB%B9%84%EB%B0%80/").exists()
    assert not built.path("b/").exists()  # drafts are not published by `mkdocs build`


def test_related_articles_fill_the_related_heading(project: SiteProject) -> None:
    body = "본문 문단입니다.\n\n## 함께 보면 좋은 글\n"
    project.article("a.md", "기준 글", tags=["희귀", "흔함"], body=body, date="2026-11-05")
    project.article("b.md", "희귀 태그 공유", tags=["희귀"], date="2026-11-01")
    project.article("c.md", "흔한 태그 공유", tags=["흔함"], date="2026-11-04")
    for n in range(4):
        project.article(f"x{n}.md", f"채움 {n}", tags=["흔함"], date=f"2026-10-0{n + 1}")
    project.article("d.md", "초안", tags=["희귀", "흔함"], date="2026-11-06", draft=True)
    project.plugin_options = {"related": {"limit": 3}}
    built = project.build(strict=True)
    soup = built.html("a/")
    heading = soup.find(id="함께-보면-좋은-글")
    section = heading.find_next_sibling("section")
    titles = [a.get_text() for a in section.select("a.jisik-card__title")]
    assert titles[0] == "희귀 태그 공유"
    assert len(titles) == 3 and "초안" not in titles and "기준 글" not in titles


def test_tag_pages_keep_titles_with_any_character(project: SiteProject) -> None:
    """A generated page's title goes through MkDocs' YAML front-matter reader: emoji, rare hanja,
    quotes and backslashes must come back exactly."""
    project.write("index.md", "# 홈\n")
    tags = ["AI😀", "𠮷사", 'q"uo\\te']
    project.article("a.md", "가 글", tags=tags)
    built = project.build(strict=True)
    chips = built.html("a/").select("a.jisik-tag")
    assert [chip.get_text() for chip in chips] == [f"#{tag}" for tag in tags]
    for chip in chips:
        page = built.html(built.follow("a/", chip["href"]))
        assert page.title is not None and page.title.get_text().startswith(chip.get_text() + " - ")
        assert page.select_one("article h1").get_text().strip() == chip.get_text()


@pytest.mark.parametrize(
    "title",
    ["#AI😀", "줄\u2028바꿈", "x\x85y", "\ufeffbom", "del\x7f", "null", "#- : ?", "tab\there", "\\u00e9"],
)
def test_generated_front_matter_reads_back_through_mkdocs(title: str) -> None:
    from mkdocs.utils.meta import get_data

    from jisik.generated import yaml_string

    assert get_data(f"---\ntitle: {yaml_string(title)}\n---\n")[1] == {"title": title}
