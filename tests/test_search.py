"""Korean search in Chromium: the real article among a generated corpus, served under a sub-path with
Material's instant navigation, searched as a reader searches (the search page's `?q=`, the header box)."""

from __future__ import annotations

import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from bs4 import BeautifulSoup

from support import REAL_ARTICLE, ROOT, Built, SiteProject, free_port, pagefind_pages, serve

sys.path.insert(0, str(ROOT / "scripts"))
from korean_corpus import generate

CORPUS = 400  # generated articles beside the real one (scripts/benchmark.py --search measures 1,000+)
REAL = "articles/2026-11-27-ai-burnout/"
REAL_TEXT = REAL_ARTICLE.read_text(encoding="utf-8")
HOSTILE_TITLE = 'A&B <b>굵게</b> "따옴표" 제목'
TAIL = "-~-"
# words that hold the index's own marker, or end in a part of it (`-~`, `-`), each with a particle
TILDE_TEXT = "물결낱말-~-가짜를 끝말은-~ 그리고 붙임표는- 그리고 1~3명의 ~앞물결의 낱말끝-~-"


@dataclass
class Searchable:
    built: Built
    root: str  # http://127.0.0.1:<port>/kb/
    project: SiteProject


def search_project(root_dir: Path, port: int, **search: object) -> SiteProject:
    project = SiteProject(root_dir)
    project.config["site_url"] = f"http://127.0.0.1:{port}/kb/"
    project.config["plugins"] = ["jisik"]  # no Material search: jisik's replaces it
    project.config["theme"] = {
        "name": "material",
        "language": "ko",
        "font": False,
        "features": ["navigation.instant"],
    }
    project.plugin_options = {"search": {"enabled": True, **search}}
    project.copy_real_article()
    return project


def build(project: SiteProject, strict: bool = True) -> Built:
    """Build as `mkdocs build` does: its `on_startup` tells the plugin (which MkDocs keeps for the whole
    process, as it keeps it for `mkdocs serve`) that this is not a serve rebuild."""
    config = project.load_config(strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    return project.build(config=config)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searchable]:
    port = free_port()
    project = search_project(tmp_path_factory.mktemp("search") / "project", port)
    generate(project.docs, CORPUS)
    project.article(
        "articles/hostile.md",
        HOSTILE_TITLE,
        tags=["보안", "R&D", "C#"],
        body="본문에 <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> 같은 글자가 있는 "
        "특수문자시험 글입니다.",
    )
    project.article(
        "articles/tilde.md",
        "물결 -~- 제목",
        tags=["A-~-B", "물~결"],
        body=f"{TILDE_TEXT}\n\n물결시험 글입니다.",
    )
    project.article(  # Hangul as decomposed jamo (NFD), as macOS file names and some PDFs give it
        "articles/jamo.md",
        unicodedata.normalize("NFD", "자모제목 글"),
        tags=[unicodedata.normalize("NFD", "자모태그")],
        body=unicodedata.normalize("NFD", "자모분해시험을 거쳤습니다."),
    )
    project.article(
        "articles/spaced.md",
        "띄어 쓴 태그",
        extra="tags: [공백 있는 태그, 보안]",
        body="띄어쓴태그시험 글입니다.",
    )
    project.article("articles/draft.md", "초안 글", draft=True, body="초안에만있는낱말 이 글은 초안입니다.")
    built = build(project)
    with serve(built.site_dir, port, "/kb/") as root:
        yield Searchable(built, root, project)


@pytest.fixture
def page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def wait_done(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("[data-jisik-search][data-state=done]", timeout=20_000)


def results(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(site-relative URL, title) of each result, in the order shown."""
    links = page.locator(".jisik-search__results a.jisik-search__title")
    found = links.evaluate_all("as => as.map(a => [a.href, a.textContent])")
    return [(unquote(href), title) for href, title in found]


def search(page, root: str, query: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    page.goto(f"{root}search/?q={quote(query)}")
    wait_done(page)
    return [(href[len(root) :] if href.startswith(root) else href, title) for href, title in results(page)]


# query, why, the page it must find, within the first how many results
CASES = [
    ("번아웃", "a full word, in the title", REAL, 1),
    ("이탈하는", "a title word as written", REAL, 1),
    ("번아웃의", "a noun with a particle the text never uses", REAL, 5),
    ("머스크는", "a name with a particle the text never uses", REAL, 5),
    ("핵융합은", "a noun with a particle the text never uses", REAL, 5),
    ("밸리", "the end of a compound (실리콘밸리)", REAL, 5),
    ("조정", "the end of a compound (구조조정)", REAL, 5),
    ("떠나다", "a verb's dictionary form (떠났는데, 떠나고)", REAL, 5),
    ("깊다", "an adjective's dictionary form (깊어지면서, a verb to the analyser)", REAL, 5),
    ("인재유출", "a tag written as one word", REAL, 5),
    ("AI번아웃", "a tag written as one word", REAL, 5),
    ("기술혁신", "a tag written as one word", REAL, 5),
    ("OpenAI", "an English term", REAL, 5),
    ("xAI", "an English term", REAL, 5),
    ("3가지", "a number in the title", REAL, 5),
    ("ㅂㅇㅇ", "초성 of a title word (번아웃)", REAL, 5),
    ("ㅇㅈㅇㅊ", "초성 of a tag (인재유출)", REAL, 5),
    ("번앗", "typed mid-syllable on the way to 번아웃", REAL, 5),
    ("특수문자시험", "a word of a generated article", "articles/hostile/", 1),
]


@pytest.mark.parametrize(("query", "why", "expected", "top"), CASES, ids=[c[0] for c in CASES])
def test_search_finds_the_article(
    page, site: Searchable, query: str, why: str, expected: str, top: int
) -> None:  # type: ignore[no-untyped-def]
    if "particle the text never uses" in why:
        assert query not in REAL_TEXT
    found = search(page, site.root, query)
    urls = [url for url, _title in found]
    assert expected in urls[:top], (why, found[:8])


def test_a_title_word_of_a_generated_article_finds_it_first(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    text = (site.project.docs / "articles" / "g00123.md").read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M).group(1)  # type: ignore[union-attr]
    number = title.split()[-1]  # every generated title ends with its own number
    assert search(page, site.root, number)[0][0] == "articles/g00123/"
    found = search(page, site.root, title)
    assert found[0] == ("articles/g00123/", title)


def test_a_draft_is_not_found(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    # (Pagefind 1.6 may answer a Korean word it does not know with words sharing its first syllables)
    found = search(page, site.root, "초안에만있는낱말")
    assert "articles/draft/" not in [url for url, _ in found]
    if found:  # the reader is told these are not the word itself
        assert "그대로 든 글은 없고" in page.locator(".jisik-search__status").inner_text()
    assert "/articles/draft/" not in pagefind_pages(site.built.site_dir)


@pytest.mark.parametrize("query", ["laboratory", "holographic", "photorealistic", "skyscrapers"])
def test_a_word_only_in_image_prompts_finds_nothing(page, site: Searchable, query: str) -> None:  # type: ignore[no-untyped-def]
    assert query in REAL_TEXT  # it is in the article, as part of an image prompt
    assert search(page, site.root, query) == []
    assert "맞는 글이 없습니다" in page.locator(".jisik-search__status").inner_text()


def test_excerpts_show_the_words_as_written_with_matches_marked(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    search(page, site.root, "떠나다")
    item = page.locator(".jisik-search__results li", has=page.locator(f'a[href$="{REAL}"]'))
    excerpt = item.locator(".jisik-search__excerpt")
    marked = excerpt.locator("mark").all_inner_texts()
    assert marked and all(m in ("떠났는데", "떠나고") for m in marked), marked
    assert TAIL not in page.locator(".jisik-search").inner_text()
    # the text around the mark is the article's own sentence
    assert "현장을 떠나고 있습니다" in excerpt.inner_text() or "회사를 떠났는데" in excerpt.inner_text()


def test_titles_and_text_are_shown_as_text(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    found = search(page, site.root, "특수문자시험")
    assert found[0] == ("articles/hostile/", HOSTILE_TITLE)
    item = page.locator(".jisik-search__results li").first
    assert item.locator("b, script").count() == 0
    assert "<script>alert(1)</script>" in item.locator(".jisik-search__excerpt").inner_text()
    assert item.locator(".jisik-search__tags a").all_inner_texts() == ["#보안", "#R&D", "#C#"]
    item.locator(".jisik-search__tags a", has_text="#R&D").click()  # the tag as a filter, & and all
    page.wait_for_url("**/search/?tag=R%26D")
    page.locator(".jisik-search__filter").wait_for()  # the new page (instant navigation swaps it in)
    wait_done(page)
    tagged = {site.root + "articles/hostile/", site.root + "tags/r-and-d/"}  # the article and the tag page
    assert {url for url, _ in results(page)} == tagged


def test_words_holding_the_index_marker_are_shown_as_written(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    """A word of the text may hold `-~-`, or end with `-~` or `-` where the index's terms follow: the
    excerpt shows each word as written (the marker in the text keeps a space, nothing else changes)."""
    for query in ["물결낱말", "끝말", "붙임표", "앞물결", "낱말끝"]:
        found = search(page, site.root, query)
        assert found[:1] == [("articles/tilde/", "물결 -~- 제목")], (query, found)
        excerpt = page.locator(".jisik-search__excerpt").first.inner_text()
        expected = TILDE_TEXT.replace(TAIL, "-~ -")
        assert expected in " ".join(excerpt.split()), (query, excerpt)
        assert page.locator(".jisik-search__tags a").first.inner_text() == "#A-~-B"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ㅇㅈㅇㅊ", REAL),  # the tag 인재유출 (인재+유출)
        ("ㄱㅅㅎㅅ", REAL),  # the tag 기술혁신 (기술+혁신)
        ("ㅎㅁㄴㅇㄷㄹㅂ", REAL),  # the tag 휴머노이드로봇
        ("ㅅㄹㅋㅂㄹ", REAL),  # the tag 실리콘밸리
        ("ㅇㅈㄷㅇ", REAL),  # 인재들이 in the title, as written
        ("ㅇㅈ", REAL),  # 인재, its first part
        ("ㅂㅇㅇ", REAL),
    ],
)
def test_choseong_of_a_whole_compound_title_or_tag_word(
    page, site: Searchable, query: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    """초성 of a compound word finds it as the word itself (not as a guess from a shorter part)."""
    found = search(page, site.root, query)
    assert expected in [url for url, _ in found][:5], found
    assert "검색 결과" in page.locator(".jisik-search__status").inner_text()


@pytest.mark.parametrize(
    "query", ["자모분해시험", "자모분해시험의", "거치다", "자모제목", "ㅈㅁㅈㅁ", "자모태그", "ㅈㅁㅌㄱ"]
)
def test_decomposed_hangul_is_found_as_typed(page, site: Searchable, query: str) -> None:  # type: ignore[no-untyped-def]
    """Text, title and tags written in decomposed jamo (NFD) are found by the syllables a reader types,
    with particles, dictionary forms and 초성 as for any other text."""
    found = search(page, site.root, query)
    assert "articles/jamo/" in [url for url, _ in found][:5], found
    assert "검색 결과" in page.locator(".jisik-search__status").inner_text()  # the word itself, not a guess


@pytest.mark.parametrize("query", ["<", "?", "#", "&", "%", "…", "🔥", "\u200f", '"', "-~-", "~"])
def test_a_query_with_no_word_lists_no_page(page, site: Searchable, query: str) -> None:  # type: ignore[no-untyped-def]
    """Punctuation, an emoji or a mark alone is no word to find: not every page as its result."""
    assert search(page, site.root, query) == []
    status = page.locator(".jisik-search__status").inner_text()
    assert "찾을 낱말이 없습니다" in status and query in status
    assert page.locator("#jisik-search-input").input_value() == query


def test_a_tag_page_result_repeats_no_title_as_its_excerpt(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    """A tag page has no text of its own: its result is its name and kind, not `#인재유출 #인재유출`."""
    search(page, site.root, "인재유출")
    item = page.locator(
        ".jisik-search__results li",
        has=page.locator("a.jisik-search__title", has_text=re.compile("^#인재유출$")),
    )
    assert item.locator(".jisik-search__kind").inner_text() == "태그"
    assert item.locator(".jisik-search__excerpt").inner_text().strip() == ""
    real = page.locator(".jisik-search__results li", has=page.locator(f'a[href$="{REAL}"]'))
    assert real.locator(".jisik-search__excerpt").inner_text().startswith("최근 실리콘밸리")  # its text


def test_a_tag_with_spaces_is_shown_and_filters_as_written(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    search(page, site.root, "띄어쓴태그시험")
    item = page.locator(".jisik-search__results li").first
    assert item.locator(".jisik-search__tags a").all_inner_texts() == ["#공백 있는 태그", "#보안"]
    item.locator(".jisik-search__tags a", has_text="#공백 있는 태그").click()
    page.wait_for_url("**/search/?tag=*")
    page.locator(".jisik-search__filter").wait_for()
    wait_done(page)
    assert [url for url, _ in results(page)][:1] == [site.root + "articles/spaced/"]
    assert "#공백 있는 태그" in page.locator(".jisik-search__filter").inner_text()


def test_an_unknown_tag_filter_names_the_tag(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.root + "search/?tag=" + quote("없는<태그>"))
    wait_done(page)
    assert results(page) == []
    assert page.locator(".jisik-search__status").inner_text() == "‘#없는<태그>’에 맞는 글이 없습니다."


def test_tag_links_in_results_filter_by_tag(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    search(page, site.root, "번아웃")
    page.locator(".jisik-search__tags a", has_text="#인재유출").first.click()
    page.wait_for_url("**/search/?tag=*")
    page.locator(".jisik-search__filter").wait_for()  # the new page (instant navigation swaps it in)
    wait_done(page)
    assert [url for url, _ in results(page)][:1] == [site.root + REAL]
    assert "#인재유출" in page.locator(".jisik-search__filter").inner_text()


def test_header_box_on_every_page_and_instant_navigation(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.root)
    box = page.locator(".md-header .jisik-search-box__input")
    box.fill("인재유출")
    box.press("Enter")
    page.wait_for_url("**/kb/search/?q=*")
    wait_done(page)
    assert site.root + REAL in [url for url, _ in results(page)][:5]
    assert page.locator("#jisik-search-input").input_value() == "인재유출"
    # a result opens through Material's instant navigation (no new document), and the box is still there
    page.evaluate("window.__same_document = true")
    page.locator(f'.jisik-search__results a[href$="{REAL}"]').first.click()
    page.wait_for_url(f"**/{REAL}")
    assert page.evaluate("window.__same_document === true"), "instant navigation did not handle the click"
    assert page.locator(".md-header .jisik-search-box__input").count() == 1
    # back to the search page (instant navigation again): it runs its query once more
    page.go_back()
    page.wait_for_url("**/kb/search/?q=*")
    wait_done(page)
    assert site.root + REAL in [url for url, _ in results(page)][:5]


def test_keyboard(page, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.root + REAL)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('jisik-search-box__input')")
    page.goto(site.root + "search/")
    page.keyboard.type("xAI")
    wait_done(page)
    page.keyboard.press("ArrowDown")
    first = page.locator(".jisik-search__results a.jisik-search__title").first
    assert page.evaluate("document.activeElement.classList.contains('jisik-search__title')")
    assert page.evaluate("document.activeElement.href") == first.evaluate("a => a.href")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "jisik-search-input"
    assert "q=xAI" in page.url  # the address is shareable as it is
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/search/" not in url)


@pytest.mark.parametrize("width", [390, 1280])
def test_more_results_button_and_tags_at_phone_width(browser, site: Searchable, width: int) -> None:  # type: ignore[no-untyped-def]
    """`결과 더 보기` shows only while results remain (and loads them), and a tag in a result is never split
    over two lines, at a phone's width and a desktop's."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="ko-KR")
    try:
        opened = context.new_page()
        more = opened.locator(".jisik-search__more")
        search(opened, site.root, "이탈하는")  # the real article first, with its ten tags
        splits = opened.locator(".jisik-search__tags a").evaluate_all(
            "as => as.filter(a => a.getClientRects().length > 1).map(a => a.textContent)"
        )
        assert splits == []
        search(opened, site.root, "특수문자시험")  # one result
        assert opened.locator(".jisik-search__results li").count() == 1
        assert not more.is_visible()
        assert opened.evaluate("document.documentElement.scrollWidth") <= width
        search(opened, site.root, "경제")  # in nearly every generated article
        assert opened.locator(".jisik-search__results li").count() == 10 and more.is_visible()
        more.click()
        opened.wait_for_function("document.querySelectorAll('.jisik-search__results li').length > 10")
        if width == 390:
            _screenshot(opened, "search-390px")
    finally:
        context.close()


def _screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = ROOT / "test-artifacts"  # uploaded by .github/workflows/ci.yml
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _bytes(requests: list[object]) -> int:
    total = 0
    for request in requests:
        sizes = request.sizes()  # type: ignore[attr-defined]
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def test_nothing_search_related_is_downloaded_until_the_reader_searches(browser, site: Searchable) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    try:
        opened = context.new_page()
        finished: list[object] = []
        opened.on("requestfinished", lambda request: finished.append(request))
        opened.goto(site.root + REAL)
        opened.wait_for_load_state("networkidle")
        urls = [r.url for r in finished]  # type: ignore[attr-defined]
        assert not [u for u in urls if "/pagefind/" in u or "search_index" in u], urls
        script = [r for r in finished if r.url.endswith("assets/jisik/search.js")]  # type: ignore[attr-defined]
        assert len(script) == 1 and _bytes(script) <= 40_000
    finally:
        context.close()


@pytest.mark.parametrize("query", ["경제", "번아웃", "인공지능 기술", "떠나다", "OpenAI의"])
def test_bytes_per_cold_query(browser, site: Searchable, query: str) -> None:  # type: ignore[no-untyped-def]
    """Everything a query downloads beyond the search page itself, in a browser with an empty cache."""
    context = browser.new_context()
    try:
        opened = context.new_page()
        opened.goto(site.root + "search/")
        opened.wait_for_load_state("networkidle")
        finished: list[object] = []
        opened.on("requestfinished", lambda request: finished.append(request))
        opened.locator("#jisik-search-input").fill(query)
        opened.locator("#jisik-search-input").press("Enter")
        wait_done(opened)
        assert opened.locator(".jisik-search__results li").count() > 0
        cost = _bytes(finished)
        print(f"{query}: {cost / 1000:.0f} KB in {len(finished)} requests")
        assert cost <= 300_000, [(r.url, r.sizes()["responseBodySize"]) for r in finished]  # type: ignore[attr-defined]
    finally:
        context.close()


def test_build_log_and_cache(site: Searchable, tmp_path: Path) -> None:
    """The build says what it indexed and with what; the analysed words are kept outside docs/ and site/,
    and a second build of the same pages analyses no word again."""
    cache = site.project.root / ".cache" / "jisik" / "search-words.json"
    assert cache.is_file()
    assert not list(site.project.docs.rglob("search-words.json"))
    assert not list(site.built.site_dir.rglob("search-words.json"))
    again = build(site.project)
    log = [r.getMessage() for r in again.records if "search: indexed" in r.getMessage()]
    assert log and "kiwipiepy" in log[0] and ": 0 new" in log[0], log
    assert "Pagefind 1.6" in log[0]


def test_material_search_beside_jisik_search_is_a_warning(tmp_path: Path) -> None:
    project = search_project(tmp_path / "project", free_port())
    project.config["plugins"] = ["search", "jisik"]
    built = build(project, strict=False)
    assert any("Material's search plugin is configured" in w for w in built.warnings), built.warnings


def test_a_site_with_no_article_builds_strict_and_its_search_page_finds_nothing(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A new site (no article, no page of the writer's own): Pagefind refuses an empty site, which must not
    fail `--strict` nor leave the search page saying its index could not be loaded."""
    port = free_port()
    project = SiteProject(tmp_path / "project")
    project.config["site_url"] = f"http://127.0.0.1:{port}/kb/"
    project.config["plugins"] = ["jisik"]
    project.config["theme"] = {"name": "material", "language": "ko", "font": False}
    project.plugin_options = {"search": {"enabled": True}}
    built = build(project)  # strict: a warning fails it
    assert [r.getMessage() for r in built.records if "search: no page to index" in r.getMessage()]
    with serve(built.site_dir, port, "/kb/") as root:
        assert search(page, root, "번아웃") == []
        assert "맞는 글이 없습니다" in page.locator(".jisik-search__status").inner_text()
    # the first article: the real index replaces the empty one
    project.article("articles/first.md", "첫 글", body="첫낱말 입니다.")
    built = build(project)
    assert "/articles/first/" in pagefind_pages(built.site_dir)


@pytest.mark.parametrize("uri", ["search.md", "search/index.md"])
def test_the_writers_own_search_page_keeps_its_text_and_gets_the_search(tmp_path: Path, uri: str) -> None:
    """A writer's page at `docs/search.md` or `docs/search/index.md` is the search page: its own text
    above the search (not silently replaced by a generated page), and not itself a search result."""
    project = search_project(tmp_path / "project", 8000)
    project.write(uri, "---\ntitle: 찾기 안내\n---\n\n안내문낱말 이 사이트를 찾는 법.\n")
    built = build(project)
    page = BeautifulSoup(
        (built.site_dir / "search" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    content = page.select_one(".md-content")
    assert content is not None and "안내문낱말" in content.get_text()
    assert content.select("[data-jisik-search] input[name=q]")
    assert "/search/" not in pagefind_pages(built.site_dir)


WRITER_TITLE = "R&D <소개> & \"따옴표\" 'x'"


@pytest.mark.parametrize(
    "text",
    [
        f"---\narticle: false\ntitle: {json.dumps(WRITER_TITLE)}\n---\n\n본문 문단.\n",
        f"---\narticle: false\n---\n\n# {WRITER_TITLE}\n\n본문 문단.\n",
    ],
    ids=["front-matter-title", "heading-title"],
)
def test_a_writer_page_title_is_its_text_in_search_results(tmp_path: Path, text: str) -> None:
    """A page that is not an article (its title from `title:` or its `# heading`) is shown in search
    results by its title as written: the search page prints it with textContent, so the index holds
    the text, never its HTML escape (`R&amp;D`)."""
    project = search_project(tmp_path / "project", 8000)
    project.write("about.md", text)
    built = build(project, strict=False)
    pages = pagefind_pages(built.site_dir)
    meta = next(p["meta"] for url, p in pages.items() if url.endswith("/about/"))
    assert meta["title"] == WRITER_TITLE


def test_an_articles_tags_in_search_are_its_chips(tmp_path: Path) -> None:
    """The tags a search result shows and filters by are the page's chips: one name for a tag written
    `AI` in one article and `ai` in another (so the tag filter finds both), and no tag the build said it
    ignores."""
    project = search_project(tmp_path / "project", 8000)
    project.article("articles/a.md", "첫 글", tags=["AI", "보안"], body="첫 본문.")
    project.article("articles/b.md", "둘째 글", tags=["ai", "?!"], body="둘째 본문.")
    built = build(project, strict=False)
    assert [w for w in built.warnings if "docs/articles/b.md" in w and "'?!'" in w]
    pages = pagefind_pages(built.site_dir)
    for name in ("a", "b"):
        chips = [
            a.get_text().removeprefix("#") for a in built.html(f"articles/{name}/").select("a.jisik-tag")
        ]
        page = next(p for url, p in pages.items() if url.endswith(f"/articles/{name}/"))
        assert page["filters"]["tag"] == chips
        assert json.loads(page["meta"]["tags"]) == chips
    assert chips == ["AI"]


def test_search_turned_off_leaves_nothing_behind(tmp_path: Path) -> None:
    project = search_project(tmp_path / "project", free_port(), enabled=False)
    built = build(project)
    assert not (built.site_dir / "pagefind").exists()
    assert not (built.site_dir / "search").exists()
    assert not (built.site_dir / "assets" / "jisik" / "search.js").exists()
    assert "search.js" not in built.path(REAL).read_text(encoding="utf-8")


def test_without_korean_analysis_particles_still_match(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    project = search_project(tmp_path / "project", port, korean_analysis=False)
    built = build(project)
    log = " ".join(r.getMessage() for r in built.records)
    assert "Korean analysis off" in log
    with serve(built.site_dir, port, "/kb/") as root:
        assert search(page, root, "번아웃의")[0][0] == REAL
        assert (
            REAL in [url for url, _ in search(page, root, "밸리")][:5]
        )  # a long noun's end, without kiwipiepy


def test_pip_only_pagefind_gives_working_search_and_says_it_is_degraded(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pagefind_bin  # type: ignore[import-untyped]

    port = free_port()
    project = search_project(tmp_path / "project", port, binary=str(pagefind_bin.get_executable()))
    built = build(project)
    log = " ".join(r.getMessage() for r in built.records)
    assert "Pagefind 1.5.2" in log and "DEGRADED" in log, log
    with serve(built.site_dir, port, "/kb/") as root:
        assert search(page, root, "번아웃은")[0][0] == REAL


def test_npm_pagefind_is_what_the_scripts_install() -> None:
    """./scripts/serve and ./scripts/test install Pagefind 1.6 from npm: the build finds it there."""
    from jisik.search import binary

    found = binary.find(None, ROOT)
    assert found is not None and found.chunks_korean, found
    assert shutil.which("npm") is None or found.origin.startswith("npm")


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_serve_reloads_before_the_index_and_search_catches_up(page, tmp_path: Path, dirty: bool) -> None:  # type: ignore[no-untyped-def]
    """Under `mkdocs serve` an edit shows without waiting for the index (the build is done before the
    index starts; the previous index answers meanwhile), and search finds the edit once it is indexed."""
    import os
    import subprocess
    import time
    import urllib.request

    from support import tool

    port = free_port()
    project = search_project(tmp_path / "project", port)
    edited = project.article("articles/edit.md", "고칠 글", tags=["시험"], body="처음 쓴 문단입니다.")
    project.article("articles/other.md", "그대로 둘 글", tags=["시험"], body="손대지않을낱말 문단입니다.")
    project.write_config()
    root = f"http://127.0.0.1:{port}/kb/"
    log = project.root / "serve.log"

    def get(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.status, answer.read().decode("utf-8")
        except OSError:
            return 0, ""

    def wait(what: str, check: object, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while not check():  # type: ignore[operator]
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"{what}:\n{log.read_text()}"
            time.sleep(0.2)

    with log.open("wb") as output:
        server = subprocess.Popen(
            [tool("mkdocs"), "serve", *(["--dirty"] if dirty else []), "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait("the first index", lambda: get(root + "pagefind/pagefind-entry.json")[0] == 200)
        assert search(page, root, "고칠")[0][0] == "articles/edit/"
        assert search(page, root, "바꾼낱말") == []
        page.goto("about:blank")  # no page open whose live-reload script reloads it under the next goto
        edited.write_text(edited.read_text(encoding="utf-8").replace("처음", "바꾼낱말로"), encoding="utf-8")
        wait("the edit shows", lambda: "바꾼낱말로" in get(root + "articles/edit/")[1])
        assert get(root + "pagefind/pagefind-entry.json")[0] == 200  # the last index answers meanwhile
        # Pagefind answers an unknown word with words sharing its start, so results alone do not say the
        # edit is indexed: wait for the rebuild's index to be said done (slow on a loaded machine).
        wait(
            "the rebuild's index", lambda: log.read_text(encoding="utf-8").count("search: indexed") >= 2, 180
        )
        deadline = time.monotonic() + 90
        while True:
            page.goto(f"{root}search/?q={quote('바꾼낱말')}")
            page.wait_for_selector("[data-jisik-search][data-state]:not([data-state=searching])")
            if page.locator(".jisik-search__results li").count():
                break
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        assert search(page, root, "바꾼낱말")[0][0] == "articles/edit/"
        assert search(page, root, "손대지않을낱말")[0][0] == "articles/other/"  # unchanged, still indexed
        _screenshot(page, "search-page")
        lines = log.read_text(encoding="utf-8").splitlines()
        # MkDocs does not always log "Documentation built" for a rebuild; it reloads the browsers once the
        # rebuild is written, which is what the reader waits for.
        reloaded = [i for i, line in enumerate(lines) if "Reloading browsers" in line]
        indexed = [i for i, line in enumerate(lines) if "search: indexed" in line]
        assert reloaded and len(indexed) >= 2
        assert reloaded[0] < indexed[1], "the rebuild waited for the index"
        assert "Traceback" not in "\n".join(lines)
    finally:
        server.terminate()
        server.wait(timeout=30)
