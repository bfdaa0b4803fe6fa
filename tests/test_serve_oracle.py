"""`mkdocs serve --dirty` against a fresh build of the same files: after each kind of edit a writer makes
(body, tags, title, date, a tag's spelling, a source title, an image, a deletion, a rename, a no-op save),
every page the served site has shows what a clean `mkdocs build` of the same folder shows, and it has no
page more or less. The oracle is the clean build, so no edit needs its own list of pages to look at."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ENGINE, SiteProject, png, run_build
from test_serve import _Serve

SITE = "https://example.github.io/jisik-kb/"
PROMPT = "A quiet Korean village at dawn, mist over rice fields, soft light, 4:3"


def _page_view(path: Path, root: str) -> str:
    """What jisik puts on a page: the article's HTML and jisik's part of the head (JSON-LD, Open Graph,
    feed links), with the served address written as the site's."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8").replace(root, SITE), "lxml")
    parts = [str(soup.select_one("article") or "")]
    for element in soup.select(
        'head script[type="application/ld+json"], head meta[property], head meta[name^="twitter:"], '
        'head link[rel="alternate"]'
    ):
        parts.append(str(element))
    return "\n".join(parts)


def _site_view(site_dir: Path, root: str) -> dict[str, str]:
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(("assets/", "search/")):
            continue
        pages[rel] = _page_view(path, root)
    for path in sorted(site_dir.rglob("feed.*")) + sorted(site_dir.glob("prompts.json")):
        text = path.read_text(encoding="utf-8").replace(root, SITE)
        pages[path.relative_to(site_dir).as_posix()] = re.sub(r"<lastBuildDate>.*?</lastBuildDate>", "", text)
    return pages


def _clean_build(project: SiteProject, out: Path) -> dict[str, str]:
    """`mkdocs build` of the project's folder as it is now, into `out` (mkdocs.yml left untouched, so
    the server does not see a change), in a process of its own: MkDocs keeps a plugin object (and so
    jisik's session) for a whole process, so clean builds made here would share what the plugin keeps
    between builds with each other, and a cache gone stale would be stale in the oracle too."""
    if out.exists():
        shutil.rmtree(out)
    built = run_build(ENGINE, out, project.root, strict=False)
    assert built.returncode == 0, built.stderr[-3000:]
    return _site_view(out, SITE)


def _replace(path: Path, old: str, new: str) -> Callable[[], None]:
    def edit() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


SETTINGS: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    "default": ({}, {}),
    "file-urls": ({"use_directory_urls": False}, {}),
}
"""(Capabilities switched off one by one gave no difference either; left out to keep the suite short.)"""


@pytest.mark.parametrize("settings", list(SETTINGS))
def test_serve_dirty_shows_what_a_clean_build_shows_after_every_kind_of_edit(
    project: SiteProject, tmp_path: Path, settings: str
) -> None:
    config, options = SETTINGS[settings]
    project.config.update(config)
    project.plugin_options = {"related": {"limit": 1, "append": True}, "home": {"per_page": 3}, **options}
    docs = project.docs
    a = project.article("articles/a.md", "첫 글", date="2026-11-01", tags=["보안", "OpenAI"])
    b = project.article("articles/b.md", "둘째 글", date="2026-11-02", tags=["보안", "OpenAI"])
    # g's chip names the tag as most articles write it (OpenAI, then openai); its related article is h
    g = project.article("articles/g.md", "일곱째 글", date="2024-03-01", tags=["희귀", "openai"])
    h = project.article("articles/h.md", "여덟째 글", date="2024-02-01", tags=["희귀"])
    # p's related article is the newer of q and r (a tie); p's neighbours stay the anchor's
    project.article("articles/p.md", "동점 글", date="2019-01-01", tags=["동점"])
    project.article("articles/anchor.md", "고정 글", date="2019-06-01", tags=["기타"])
    project.article("articles/q.md", "동점 후보 1", date="2023-06-01", tags=["동점"])
    r = project.article("articles/r.md", "동점 후보 2", date="2023-05-01", tags=["동점"])
    c = project.article(
        "articles/c.md", "셋째 글", date="2026-10-05", tags=["요리", "보안"], body=f"본문.\n\n{PROMPT}"
    )
    d = project.article("articles/d.md", "넷째 글", date="2026-09-01", tags=["요리"])
    e = project.article(
        "articles/e.md",
        "다섯째 글",
        date="2025-01-01",
        tags=["요리"],
        body="본문.\n\n출처: https://example.com/source",
    )
    f = project.article("articles/f.md", "여섯째 글", date="2026-08-01", tags=["요리", "보안"])
    project.write("index.md", "# 홈\n\n첫 페이지입니다.\n")
    project.write("about.md", "# 소개\n\n소개 페이지입니다.\n")
    project.write("source-titles.yml", "https://example.com/source: 옛 출처 제목\n")
    (docs / "assets" / "pics").mkdir(parents=True)
    (docs / "assets" / "pics" / "c-1.png").write_bytes(png(40, 30))  # shown once figures look here

    def new_article() -> None:
        project.article("articles/n.md", "새 글", date="2026-07-07", tags=["C#", "보안"])

    def clashing_tag() -> None:  # `C` and `C#` want the same page; the new one may take it
        project.article("articles/m.md", "씨 글", date="2026-07-08", tags=["C"])

    def own_tags_page() -> None:  # the writer's page where jisik generated one: used as it is, list added
        project.write("tags/index.md", "# 모든 태그\n\n직접 쓴 소개 문단입니다.\n")

    def own_tags_page_gone() -> None:
        (docs / "tags" / "index.md").unlink()

    def options_changed() -> None:  # what every page shows changes with the config, not with a page
        project.plugin_options["hashtags"] = {"chips": False}
        project.plugin_options["reading"] = {"neighbours": False}
        project.write_config()

    def image_folder() -> None:  # c's prompt has an image there: kept bindings depend on the folder too
        project.plugin_options["figures"] = {"images": "assets/pics"}
        project.write_config()

    def touch() -> None:
        os.utime(a, None)

    def add_image() -> None:
        (docs / "assets" / "prompts").mkdir(parents=True, exist_ok=True)
        (docs / "assets" / "prompts" / "c-1.png").write_bytes(png(40, 30))

    def rename() -> None:
        d.rename(docs / "articles" / "d2.md")

    edits: list[tuple[str, Callable[[], None]]] = [
        ("body", _replace(a, "첫 글 요약 문단입니다.", "첫 글의 고친 요약 문단입니다.")),
        ("a tag added", _replace(d, "#요리", "#요리 #새태그")),
        ("a tag removed", _replace(c, "#요리 #보안", "#보안")),
        ("title", _replace(b, "# 둘째 글", "# 둘째 글 (고침)")),
        ("date", _replace(e, "date: 2025-01-01", "date: 2026-11-05")),
        ("a date that wins a tie", _replace(r, "date: 2023-05-01", "date: 2023-06-15")),
        ("a tag's spelling", _replace(a, "#OpenAI", "#openai")),
        ("a summary", _replace(f, "여섯째 글 요약 문단입니다.", "여섯째 글의 새 요약입니다.")),
        ("an updated date", _replace(f, "date: 2026-08-01", "date: 2026-08-01\nupdated: 2026-11-20")),
        ("a new source", _replace(f, "#요리 #보안", "출처: https://news.example.kr/a\n\n#요리 #보안")),
        ("a new article", new_article),
        ("a clashing tag", clashing_tag),
        ("a page that is no article", _replace(h, "date: 2024-02-01", "date: 2024-02-01\narticle: false")),
        ("a source's title", _replace(docs / "source-titles.yml", "옛 출처 제목", "새 출처 제목")),
        ("an image for a prompt", add_image),
        ("a no-op save", touch),
        (
            "a prompt added",
            _replace(g, "일곱째 글 요약 문단입니다.", f"일곱째 글 요약 문단입니다.\n\n{PROMPT}"),
        ),
        ("an image deleted", lambda: (docs / "assets" / "prompts" / "c-1.png").unlink()),
        ("the titles file deleted", lambda: (docs / "source-titles.yml").unlink()),
        ("a file renamed", rename),
        ("the writer's own page at tags/", own_tags_page),
        ("the writer's own page at tags/ deleted", own_tags_page_gone),
        ("the prompts' image folder in mkdocs.yml", image_folder),
        ("jisik's options in mkdocs.yml", options_changed),
        ("an article deleted", lambda: b.unlink()),
    ]
    serve = _Serve(project)
    try:
        serve.wait("the first build", lambda: serve.get("")[0] == 200)
        found = re.search(r"Config value 'site_dir' = '([^']+)'", serve.text())
        assert found is not None
        served = Path(found.group(1))
        failures = []
        for name, edit in edits:
            builds = serve.builds()
            time.sleep(1.1)  # a new modification time for every file written (coarse clocks)
            edit()
            serve.wait(f"the rebuild after: {name}", lambda b=builds: serve.builds() > b)
            time.sleep(0.5)
            view = _site_view(served, serve.root)
            clean = _clean_build(project, tmp_path / "clean")
            if view.keys() != clean.keys():
                failures.append(f"{name}: pages {sorted(view.keys() ^ clean.keys())}")
            for page in sorted(view.keys() & clean.keys()):
                if view[page] != clean[page]:
                    failures.append(f"{name}: {page} differs from a clean build")
        assert not failures, "\n".join(failures)
        assert "Traceback" not in serve.text()
    finally:
        serve.stop()
