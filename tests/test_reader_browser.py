"""What a Korean reader meets, in Chromium, on the site deployed under its repository path: every page
type loads clean at desktop and phone widths, Korean breaks between words, the reading order works,
and the prompt figure's controls are usable with a keyboard and a screen reader."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import ROOT, Deployed, SiteProject, serve

SHOTS = Path(os.environ.get("JISIK_SHOTS", ROOT / "test-artifacts"))
REAL_TITLE = "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
REAL_PATH = "articles/2026-11-27-ai-burnout/"
PAGE_TYPES = {
    "home": "",
    "article": REAL_PATH,
    "tag": "tags/보안/",
    "tags": "tags/",
    "sources": "sources/",
    "archive": "archive/",
    "previous-article": "articles/2026-11-25-hacking/",
    "older-article": "articles/2026-11-20-개인정보-보안/",
}
WIDTHS = {"desktop": 1280, "phone": 390}


class Watched:
    """A page with every console error, failed request and HTTP error it meets."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on(  # type: ignore[attr-defined]
            "console",
            lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))  # type: ignore[attr-defined]
        page.on(  # type: ignore[attr-defined]
            "requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}")
        )
        page.on(  # type: ignore[attr-defined]
            "response",
            lambda r: self.problems.append(f"{r.status}: {unquote(r.url)}") if r.status >= 400 else None,
        )


@pytest.fixture(params=list(WIDTHS))
def watched(request, browser) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.jisik_width = request.param  # type: ignore[attr-defined]
    yield Watched(page)
    context.close()


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # Material's scripts fetch the sitemap and search index after load


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_loads_with_no_console_error_and_no_failed_request(
    watched: Watched, deployed_site: Deployed, kind: str
) -> None:
    page = watched.page
    page.goto(deployed_site.root + PAGE_TYPES[kind])  # type: ignore[attr-defined]
    _settle(page)
    page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")  # type: ignore[attr-defined]
    page.mouse.wheel(0, 20000)  # type: ignore[attr-defined]
    _settle(page)
    page.evaluate("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{kind}-{page.jisik_width}.png"), full_page=True)  # type: ignore[attr-defined]
    assert not watched.problems, f"{kind} at {page.jisik_width}: {watched.problems}"  # type: ignore[attr-defined]
    # nothing is wider than the screen (long words and URLs wrap instead)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")  # type: ignore[attr-defined]
    assert overflow <= 0, f"{kind} at {page.jisik_width} scrolls sideways by {overflow}px"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "selector"),
    [
        ("article", "h1"),
        ("article", "> p"),
        ("article", "li"),
        ("article", ".jisik-sources a"),
        ("article", "figcaption"),
        ("article", ".jisik-related .jisik-card__title"),
        ("article", ".jisik-neighbours a"),
        ("home", ".jisik-card__title"),
        ("home", ".jisik-card__summary"),
        ("tag", ".jisik-card__summary"),
        ("archive", ".jisik-card__title"),
        ("sources", ".jisik-card__title"),
        ("tags", ".jisik-tag"),
        ("article", ".md-nav--secondary .md-nav__link"),  # the table of contents
    ],
)
def test_korean_text_breaks_between_words_on_a_phone(
    browser, deployed_site: Deployed, kind: str, selector: str
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.goto(deployed_site.root + PAGE_TYPES[kind])
    scope = "" if selector.startswith(".md-nav") else "article.md-content__inner "
    element = page.locator(f"{scope}{selector}").first
    style = element.evaluate("e => [getComputedStyle(e).wordBreak, getComputedStyle(e).overflowWrap]")
    context.close()
    assert style[0] == "keep-all", f"{selector} on {kind}: word-break {style[0]}"
    assert style[1] in ("break-word", "anywhere"), f"{selector} on {kind}: overflow-wrap {style[1]}"


def test_reading_order_walks_every_article_by_date(browser, deployed_site: Deployed) -> None:  # type: ignore[no-untyped-def]
    """From the newest article, 이전 글 leads through every article to the oldest, and 다음 글 back."""
    root = deployed_site.root
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.goto(root + "archive/")
    archive = page.locator("a.jisik-card__title").all_inner_texts()
    page.goto(root + REAL_PATH)
    seen = [page.locator("article h1").first.inner_text().split("¶")[0].strip()]
    while page.locator("a.jisik-neighbours__prev").count():
        link = page.locator("a.jisik-neighbours__prev")
        assert link.get_attribute("rel") == "prev"
        link.click()
        page.wait_for_load_state()
        seen.append(page.locator("article h1").first.inner_text().split("¶")[0].strip())
    assert seen == archive  # newest first, as the archive lists them
    back = [seen[-1]]
    while page.locator("a.jisik-neighbours__next").count():
        page.locator("a.jisik-neighbours__next").click()
        page.wait_for_load_state()
        back.append(page.locator("article h1").first.inner_text().split("¶")[0].strip())
    context.close()
    assert back == list(reversed(archive))
    assert urlsplit(page.url).path.endswith(REAL_PATH) or unquote(page.url).endswith(REAL_PATH)


LONG_PROMPT = (
    "A wide aerial photograph of Seoul at dawn with the Han river reflecting pink light, "
    "dozens of bridges crossing the water, apartment towers in soft fog, tiny buses and taxis on the "
    "riverside roads, joggers on the park paths, a subway train crossing the bridge, mountains behind "
    "the city, cinematic colour grading, high detail, photorealistic style, 16:9"
)


@pytest.fixture
def figure_page(browser, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    project = SiteProject(tmp_path / "project")
    project.article(
        "articles/fold.md", "긴 프롬프트가 있는 글", body=f"서울의 새벽을 그린 그림입니다.\n\n{LONG_PROMPT}"
    )
    built = project.build(strict=True)
    with serve(built.site_dir) as root:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        origin = "http://" + urlsplit(root).netloc
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        page = context.new_page()
        page.goto(root + "articles/fold/")
        yield page
        context.close()


def test_long_prompt_fold_can_be_opened_and_closed_with_the_keyboard(figure_page) -> None:  # type: ignore[no-untyped-def]
    page = figure_page
    details = page.locator("details.jisik-prompt__fold")
    summary = details.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is True
    assert summary.is_visible(), "the open fold hides its own summary"
    assert summary.evaluate("s => document.activeElement === s"), "keyboard focus was lost"
    assert page.locator("figure .jisik-prompt").inner_text() == LONG_PROMPT.rsplit(", ", 1)[0]
    assert summary.inner_text() == "접기"
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is False
    assert summary.is_visible() and summary.inner_text().endswith("…")
    assert summary.evaluate("s => document.activeElement === s")


def test_copy_result_is_announced_in_a_live_region(figure_page) -> None:  # type: ignore[no-untyped-def]
    page = figure_page
    status = page.locator("figure.jisik-figure [role=status]")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""
    page.locator("button.jisik-copy").click()
    page.wait_for_function("document.querySelector('.jisik-copy-status').textContent !== ''")
    assert status.inner_text() == "프롬프트를 복사했습니다"
    assert page.evaluate("navigator.clipboard.readText()") == LONG_PROMPT  # the button copies as before


def test_a_failed_copy_is_announced_too(figure_page) -> None:  # type: ignore[no-untyped-def]
    page = figure_page
    page.evaluate(
        """() => {
            navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
            document.execCommand = () => false;
        }"""
    )
    page.locator("button.jisik-copy").click()
    status = page.locator("figure.jisik-figure [role=status]")
    page.wait_for_function("document.querySelector('.jisik-copy-status').textContent !== ''")
    assert status.inner_text() == "프롬프트를 복사하지 못했습니다"
    assert page.locator("button.jisik-copy").inner_text() == "복사하지 못했습니다"


@pytest.fixture(scope="module")
def instant_site(deployed_site: Deployed, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The deployed site again, with Material's `navigation.instant` on (pages swapped in place)."""
    import re
    import shutil

    from support import REPO_PATH, free_port, run_build

    project = tmp_path_factory.mktemp("instant") / "project"
    source = deployed_site.built.site_dir.parent
    shutil.copytree(source / "docs", project / "docs")
    shutil.copytree(source / "overrides", project / "overrides")
    port = free_port()
    root = f"http://127.0.0.1:{port}{REPO_PATH}"
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url:.*$", f"site_url: {root}", config)
    config, count = re.subn(r"(?m)^(\s+)- navigation\.top$", r"\g<0>\n\1- navigation.instant", config)
    assert count == 1
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build("mkdocs", project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site", port, REPO_PATH) as served:
        yield served


def test_instant_navigation_through_every_page_type_stays_clean(browser, instant_site: str) -> None:  # type: ignore[no-untyped-def]
    """With `navigation.instant`, clicking home → tag → article → 이전 글 → 다음 글 → 보관함 → 모든 태그
    swaps pages in place: no console error or failed request, and each swapped article has its date
    line, its neighbours and working copy buttons (the script runs again after each swap)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    watched = Watched(page)
    page.goto(instant_site)
    _settle(page)
    page.evaluate("window.jisikStayed = true")  # gone after a full page load

    def go(selector: str) -> None:
        before = page.url
        page.locator(selector).first.click()
        page.wait_for_function("u => location.href !== u", arg=before)
        _settle(page)
        assert page.evaluate("window.jisikStayed === true"), f"{selector}: a full page load, not instant"

    go(".jisik-home__tags a.jisik-tag")
    go("article a.jisik-card__title")
    seen, figures_seen = [], 0
    for step in (".jisik-neighbours__prev", ".jisik-neighbours__next", ".jisik-neighbours__prev"):
        assert page.locator("article .jisik-byline time").count() >= 1, page.url
        figures = page.locator("article figure.jisik-figure").count()
        assert page.locator("article figure.jisik-figure button.jisik-copy").count() == figures, page.url
        figures_seen += figures
        seen.append(page.url)
        go(step)
    go("a.jisik-archive-link, a[href$='archive/']")
    go("a[href$='tags/']")
    context.close()
    assert len(set(seen)) >= 2 and figures_seen > 0
    assert not watched.problems, watched.problems


LONG_HANGUL = "가나다라마바사아자차카타파하" * 12
LONG_TAG = "y" * 120


@pytest.mark.parametrize("url", ["", "a/", "b/", "tags/", f"tags/{LONG_TAG}/", "archive/", "sources/"])
def test_very_long_titles_tags_and_urls_never_widen_a_phone_page(browser, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """A 120-letter tag made every page with its chip (home, articles, all tags) scroll sideways by
    500 px at 390 px: chips, titles, neighbours and source URLs wrap instead."""
    from support import png

    project = SiteProject(tmp_path / "project")
    project.config["site_url"] = "https://example.org/kb/"
    source = "https://example.com/" + "x" * 200
    body = f"{LONG_HANGUL} 본문입니다.\n\n출처: {source}\n\nA cat on a mat, 4:3"
    project.article("a.md", "W" * 150, date="2026-01-02", tags=[LONG_TAG, LONG_HANGUL[:60]], body=body)
    project.article("b.md", LONG_HANGUL, date="2026-01-01", tags=[LONG_TAG])
    project.article("c.md", "Z" * 150, date="2026-01-03", tags=[LONG_TAG])
    project.tree({"assets/prompts/a-1.png": png(40, 30)})
    built = project.build()
    with serve(built.site_dir) as root:
        context = browser.new_context(viewport={"width": 390, "height": 900}, locale="ko-KR")
        page = context.new_page()
        page.goto(root + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        context.close()
    assert overflow <= 0, f"{url or 'home'} scrolls sideways by {overflow}px"
