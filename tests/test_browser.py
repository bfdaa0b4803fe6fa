"""The deployed site in Chromium, under its repository path: what a reader clicks, sees, copies and finds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import pytest

from support import FIXTURES, ROOT, Deployed

ARTIFACTS = ROOT / "test-artifacts"  # uploaded by .github/workflows/ci.yml
REAL_TITLE = "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
REAL_PATH = "articles/2026-11-27-ai-burnout/"
TECHCRUNCH = (
    "https://techcrunch.com/podcast/ai-burnout-billion-dollar-bets-and-silicon-valleys-epstein-problem/"
)


@pytest.fixture
def page(browser, deployed_site: Deployed) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    origin = "http://" + urlsplit(deployed_site.root).netloc
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def _screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _raw_prompts() -> list[str]:
    lines = (FIXTURES / "ai-burnout.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip().endswith(", 4:3")]


def test_korean_hashtag_chip_leads_to_its_tag_page(page, deployed_site: Deployed) -> None:  # type: ignore[no-untyped-def]
    root = deployed_site.root
    page.goto(root + REAL_PATH)
    assert page.locator("article h1").first.inner_text().startswith(REAL_TITLE)
    _screenshot(page, "article")
    page.locator("nav.jisik-tags a.jisik-tag", has_text="#실리콘밸리").click()
    page.wait_for_url("**/tags/**")
    assert unquote(page.url) == root + "tags/실리콘밸리/"
    assert page.locator("article h1").inner_text() == "#실리콘밸리"
    titles = page.locator("ol.jisik-cards a.jisik-card__title").all_inner_texts()
    assert titles == [REAL_TITLE, "개인정보 유출을 막는 보안 습관"]  # newest first
    _screenshot(page, "tag-page")
    page.locator("a.jisik-card__title", has_text=REAL_TITLE).click()
    page.wait_for_url(root + REAL_PATH)


def test_all_tags_page_shows_initial_consonant_groups(page, deployed_site: Deployed) -> None:  # type: ignore[no-untyped-def]
    page.goto(deployed_site.root + "tags/")
    groups = page.locator("section.jisik-tag-group h2")
    assert groups.all_inner_texts() == ["ㄱ", "ㅂ", "ㅅ", "ㅇ", "ㅌ", "ㅎ", "A", "C", "I", "O", "R", "X"]
    for index in range(groups.count()):
        assert groups.nth(index).is_visible()
    first = page.locator("section.jisik-tag-group").first.locator("a.jisik-tag")
    assert first.all_inner_texts() == ["#개인정보", "#기술혁신"]  # 가나다 order inside a group
    _screenshot(page, "all-tags")
    page.locator("nav.jisik-tag-index__jump a", has_text="ㅎ").click()
    page.locator("a.jisik-tag", has_text="#해킹").click()
    page.wait_for_url("**/tags/**")
    assert unquote(page.url) == deployed_site.root + "tags/해킹/"


@pytest.mark.parametrize(
    ("url", "entry", "fragment"),
    [("tags/", "ㅎ", "ㅎ"), ("sources/", "kisa.or.kr", "kisaorkr"), ("archive/", "2026년 11월", "2026-11")],
)
def test_list_pages_toc_sidebar_leads_to_each_group(  # type: ignore[no-untyped-def]
    page, deployed_site: Deployed, url: str, entry: str, fragment: str
) -> None:
    """Material's TOC sidebar lists a list page's groups; a click scrolls that group's heading to the top
    and the address names the group (`#ㅎ`), so it can be shared."""
    page.goto(deployed_site.root + url)
    sidebar = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
    assert sidebar.is_visible()
    link = sidebar.locator("a.md-nav__link", has_text=entry)
    link.click()
    page.wait_for_url(f"**/{url}#*")
    assert unquote(urlsplit(page.url).fragment) == fragment
    heading = page.locator(f"h2[id='{fragment}']")
    box = heading.evaluate(
        "h => [h.getBoundingClientRect().top, h.getBoundingClientRect().bottom, innerHeight]"
    )
    assert box[0] >= 0 and box[1] <= box[2], box  # in view


def test_prompt_placeholder_has_its_ratio_and_copy_puts_the_prompt_on_the_clipboard(
    page,  # type: ignore[no-untyped-def]
    deployed_site: Deployed,
) -> None:
    page.goto(deployed_site.root + REAL_PATH)
    figures = page.locator("figure.jisik-figure")
    assert figures.count() == 4
    # prompt 1 has its image (docs/assets/prompts/<file>-1.png), loaded from under the repository path
    image = figures.nth(0).locator("img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [400, 300]
    # prompt 2 has none yet: a placeholder box of exactly 4:3
    placeholder = figures.nth(1).locator(".jisik-figure__placeholder")
    box = placeholder.bounding_box()
    assert box is not None and box["width"] > 200
    assert box["width"] / box["height"] == pytest.approx(4 / 3, rel=0.01)
    assert "이미지 준비 중" in placeholder.inner_text()
    figures.nth(1).locator("button.jisik-copy").click()
    page.wait_for_function("document.querySelector('.jisik-copy--done') !== null")
    assert page.evaluate("navigator.clipboard.readText()") == _raw_prompts()[1]


def test_source_link_and_feed_autodiscovery(page, deployed_site: Deployed) -> None:  # type: ignore[no-untyped-def]
    root = deployed_site.root
    page.goto(root + REAL_PATH)
    source = page.locator("ol.jisik-sources a")
    assert source.count() == 1 and source.get_attribute("href") == TECHCRUNCH
    assert source.is_visible()
    discovered = page.locator('head link[rel="alternate"][type="application/rss+xml"]').get_attribute("href")
    assert discovered == root + "feed.xml"
    answer = page.request.get(discovered)
    assert answer.status == 200 and "xml" in answer.headers["content-type"]
    channel = ET.fromstring(answer.body()).find("channel")
    assert channel is not None and channel.findtext("link") == root
    assert root + REAL_PATH in [item.findtext("link") for item in channel.iterfind("item")]
    # a Korean tag page announces its own feed, which lists the tag's articles
    page.goto(root + "tags/보안/")
    feeds = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    hrefs = [feeds.nth(i).get_attribute("href") for i in range(feeds.count())]
    tag_feed = next(href for href in hrefs if href and "/tags/" in unquote(href))
    answer = page.request.get(tag_feed)
    assert answer.status == 200 and "xml" in answer.headers["content-type"]
    items = ET.fromstring(answer.body()).iterfind("channel/item")
    assert [item.findtext("title") for item in items] == [
        "해킹 사고 이후 복구 절차",
        "개인정보 유출을 막는 보안 습관",
    ]


def test_site_search_finds_the_real_article(page, deployed_site: Deployed) -> None:  # type: ignore[no-untyped-def]
    root = deployed_site.root
    page.goto(root)
    query = page.locator(".md-header .jisik-search-box__input")  # jisik's search box, in every header
    query.fill("번아웃")
    query.press("Enter")
    page.wait_for_url(f"{root}search/?q=*")
    page.wait_for_selector("[data-jisik-search][data-state=done]", timeout=20_000)
    results = page.locator(".jisik-search__results a.jisik-search__title")
    links = [unquote(href or "") for href in results.evaluate_all("as => as.map(a => a.href)")]
    assert links[0].startswith(root + REAL_PATH), links
    results.first.click()
    page.wait_for_url(f"{root}{REAL_PATH}**")
    assert page.locator("article h1").first.inner_text().startswith(REAL_TITLE)
