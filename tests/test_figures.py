"""Image prompts as figures: placeholders of the right shape, images when they exist, copy buttons."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from support import FIXTURES, Built, SiteProject, free_port, pagefind_pages, serve, text_of, tool

REAL_URL = "articles/2026-11-27-ai-burnout/"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _raw_prompts() -> list[str]:
    raw = (FIXTURES / "ai-burnout.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in raw if line.strip().endswith(", 4:3")]


def test_real_article_prompts_become_four_figures(repo_site: Built) -> None:
    soup = repo_site.html(REAL_URL)
    figures = soup.select("article figure.jisik-figure")
    prompts = _raw_prompts()
    assert len(prompts) == 4 and len(figures) == 4
    for number, (figure, raw) in enumerate(zip(figures, prompts, strict=True), start=1):
        assert figure.select_one(".jisik-figure__number").get_text() == f"그림 {number}"
        caption = figure.select_one("figcaption .jisik-prompt")
        assert caption["lang"] == "en" and caption.get_text() == raw.removesuffix(", 4:3")
        assert caption.get_text() + figure.get("data-jisik-suffix", "") == raw  # what the copy button copies
        assert figure.select_one(".jisik-figure__placeholder")["style"] == "aspect-ratio: 4 / 3"
        assert figure.has_attr("data-search-exclude")
    for paragraph in soup.select("article p"):
        assert not any(raw[:40] in paragraph.get_text() for raw in prompts)


def test_summary_and_search_index_have_no_prompt_text(repo_site: Built) -> None:
    pages = pagefind_pages(repo_site.site_dir)
    entry = pages.get("/" + REAL_URL)
    assert entry is not None, "the real article is not in the search index"
    assert "번아웃" in entry["text"]
    # the text around the figures is indexed (figures are left out of what search reads)
    assert "과거의 번아웃이 단순히 과도한 업무량" in entry["text"]
    assert not [p for p in pages.values() if "jisik-figure" in p["content"] or "<!--" in p["content"]]
    assert "<!--jisik-figure" not in repo_site.path(REAL_URL).read_text(encoding="utf-8")
    for raw in _raw_prompts():
        assert raw[:40] not in entry["text"] and raw[:40] not in entry["meta"]["title"]
    card = repo_site.html("").select_one("li.jisik-card .jisik-card__summary").get_text()
    assert not any(raw[:20] in card for raw in _raw_prompts())


def _prompt_site(project: SiteProject) -> None:
    project.config["theme"] = {
        "name": "material",
        "language": "ko",
        "font": False,
        "features": ["navigation.instant"],
    }
    project.write(
        "gallery.md",
        """
        ---
        date: 2026-11-20
        ---

        # 그림 모음

        한국어 본문 문단입니다.

        A quiet Korean village at dawn, mist over rice fields, soft light, 4:3

        /// prompt | 16:9
            alt: 서울 야경

        A night skyline of Seoul with <script>alert("x")</script> 'single' & "double" quotes
        ///

        오후 4:30에 만나요, 4:3

        The meeting ends at four, then we go home, 4:30

        ```text
        A code sample that looks like a prompt with many words, 4:3
        ```
        """,
    )
    project.write("index.md", "# 홈\n\n[그림 모음](gallery.md)\n")


def test_non_prompts_stay_text_and_hostile_prompts_stay_text(project: SiteProject) -> None:
    _prompt_site(project)
    project.write(
        "english.md", "# English page\n\nA quiet village at dawn, mist over rice fields, soft light, 4:3\n"
    )
    built = project.build(strict=True)
    soup = built.html("gallery/")
    assert len(soup.select("figure.jisik-figure")) == 2
    texts = [p.get_text() for p in soup.select("article p")]
    assert "오후 4:30에 만나요, 4:3" in texts
    assert "The meeting ends at four, then we go home, 4:30" in texts
    assert "A code sample that looks like a prompt" in soup.select_one("article pre").get_text()
    hostile = soup.select("figure.jisik-figure")[1]
    written = 'A night skyline of Seoul with <script>alert("x")</script> \'single\' & "double" quotes'
    assert hostile.select_one(".jisik-prompt").get_text() == written
    assert hostile["data-jisik-suffix"] == ", 16:9"  # the copy button copies the prompt with its ratio
    assert hostile.select_one("button") is None  # the copy button comes with the script (tested in Chromium)
    assert not soup.select("article script")
    assert hostile.select_one(".jisik-figure__placeholder").get_text() == "이미지 준비 중 · 16:9"
    # an English page has no bare prompts: its paragraph stays a paragraph
    assert not built.html("english/").select("figure")


def test_placeholders_keep_their_ratio_and_copy_works_in_chromium(project: SiteProject, browser) -> None:
    _prompt_site(project)
    port = free_port()
    project.config["site_url"] = f"http://127.0.0.1:{port}/"  # instant navigation maps the sitemap to it
    built = project.build(strict=True)
    with serve(built.site_dir, port) as root:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=root.rstrip("/"))
        page = context.new_page()
        page.goto(root)
        page.evaluate("window.notReloaded = true")
        page.click('article a:has-text("그림 모음")')
        page.wait_for_selector("figure.jisik-figure")
        assert page.evaluate("window.notReloaded === true")  # Material's instant navigation swapped it in
        boxes = page.locator(".jisik-figure__placeholder")
        for index, (width, height) in enumerate([(4, 3), (16, 9)]):
            box = boxes.nth(index).bounding_box()
            assert box is not None and box["width"] > 200
            assert box["width"] / box["height"] == pytest.approx(width / height, rel=0.02)
        # the script gave each figure of the swapped-in page one button (and only one)
        assert page.locator("figure.jisik-figure button.jisik-copy").count() == 2
        button = page.locator("button.jisik-copy").nth(1)
        button.click()
        page.wait_for_function("document.querySelectorAll('.jisik-copy--done').length > 0")
        written = 'A night skyline of Seoul with <script>alert("x")</script> \'single\' & "double" quotes'
        # a `/// prompt | 16:9` block copies with its ratio too: the text `jisik prompts` says to paste
        assert page.evaluate("navigator.clipboard.readText()") == written + ", 16:9"
        pasted = [row["paste"] for row in json.loads(_jisik_prompts(project.docs, "--json"))]
        assert pasted[1] == written + ", 16:9" and pasted[0].endswith("soft light, 4:3")
        # keyboard: focus the first button and press Enter
        page.locator("button.jisik-copy").nth(0).focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "navigator.clipboard.readText().then(t => t.startsWith('A quiet Korean village'))", timeout=5000
        )
        assert page.evaluate("navigator.clipboard.readText()") == (
            "A quiet Korean village at dawn, mist over rice fields, soft light, 4:3"
        )
        context.close()


def _jisik_prompts(docs: Path, *args: str) -> str:
    result = subprocess.run(
        [tool("jisik"), "prompts", "--docs", str(docs), *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_dropping_an_image_binds_it(project: SiteProject) -> None:
    project.copy_real_article()
    built = project.build(strict=True)
    report = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    assert [p["number"] for p in report] == [1, 2, 3, 4]
    assert not any(p["image_exists"] for p in report)
    expected = report[1]["image"]
    assert expected == "assets/prompts/2026-11-27-ai-burnout-2.png"
    assert report[1]["url"] == "https://example.org/kb/articles/2026-11-27-ai-burnout/"
    assert report[1]["ratio"] == "4:3" and report[1]["prompt"] == _raw_prompts()[1].removesuffix(", 4:3")
    missing = _jisik_prompts(project.docs, "--missing")
    assert expected in missing and missing.count("missing") == 4

    project.tree({expected: PNG})
    built = project.build(strict=True)
    figures = built.html(REAL_URL).select("figure.jisik-figure")
    assert figures[0].select_one(".jisik-figure__placeholder") is not None
    img = figures[1].select_one("img")
    assert img is not None and figures[1].select_one(".jisik-figure__placeholder") is None
    assert built.path(built.follow(REAL_URL, img["src"])).read_bytes() == PNG
    assert img["alt"] == _raw_prompts()[1].removesuffix(", 4:3")
    assert (img["width"], img["height"], img["loading"]) == ("400", "300", "lazy")
    report = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    assert [p["image_exists"] for p in report] == [False, True, False, False]
    missing = _jisik_prompts(project.docs, "--missing")
    assert expected not in missing and missing.count("missing") == 3
    everything = json.loads(_jisik_prompts(project.docs, "--json"))
    assert [p["image_exists"] for p in everything] == [False, True, False, False]


def test_explicit_image_option_and_missing_explicit_image(project: SiteProject) -> None:
    project.tree({"pics/city.png": PNG})
    project.write(
        "posts/city.md",
        """
        ---
        date: 2026-11-01
        ---

        # 도시

        본문.

        /// prompt | 3:2
            image: ../pics/city.png
            alt: 도시 풍경

        A wide city view at noon
        ///

        /// prompt | 1:1
            image: ../pics/not-yet.png

        A single red apple on a table
        ///
        """,
    )
    built = project.build(strict=True)
    figures = built.html("posts/city/").select("figure.jisik-figure")
    img = figures[0].select_one("img")
    assert img["alt"] == "도시 풍경" and (img["width"], img["height"]) == ("300", "200")
    assert built.path(built.follow("posts/city/", img["src"])).read_bytes() == PNG
    assert figures[1].select_one(".jisik-figure__placeholder")["style"] == "aspect-ratio: 1 / 1"
    report = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    assert [(p["image"], p["image_exists"]) for p in report] == [
        ("pics/city.png", True),
        ("pics/not-yet.png", False),
    ]
    assert "A single red apple" in text_of(built.html("posts/city/"))


def test_an_explicit_image_must_be_http_to_be_bound() -> None:
    from jisik.figures.binding import bind
    from jisik.model import parse_article

    text = (
        "# 글\n\n본문.\n\n/// prompt | 1:1\n    image: javascript://alert(1)\n\nA red apple\n///\n\n"
        "/// prompt | 1:1\n    image: https://cdn.example.com/a.png\n\nA green apple\n///\n"
    )
    bindings = bind(parse_article(text, "a.md"), lambda path: True)
    assert [(b.expected, b.exists) for b in bindings] == [
        ("javascript://alert(1)", False),
        ("https://cdn.example.com/a.png", True),
    ]
