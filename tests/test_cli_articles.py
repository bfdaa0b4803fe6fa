"""`jisik check` and `jisik prompts` take exactly the build's articles, whatever links the docs folder
holds: a folder link inside its own target (a loop), a link to a file that is gone, a link to a folder
outside docs_dir, a second name for an article. The build's articles are the ones its archive lists."""

from __future__ import annotations

import fnmatch
import json
import os
import unicodedata
from collections.abc import Callable
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jisik.globs import _translate, matches
from support import SiteProject
from test_cli import _no_traceback, jisik

PROMPT = "A quiet Korean village at dawn, mist over rice fields, soft light, 4:3"


def _loop_to_parent(project: SiteProject) -> None:
    os.symlink("..", project.docs / "articles" / "up")  # articles/up/articles/up/… without end


def _loop_to_docs(project: SiteProject) -> None:
    (project.docs / "notes").mkdir()
    os.symlink(project.docs, project.docs / "notes" / "root", target_is_directory=True)


def _loop_to_itself(project: SiteProject) -> None:
    os.symlink(".", project.docs / "articles" / "same")


def _dangling(project: SiteProject) -> None:
    os.symlink(project.root / "nowhere.md", project.docs / "articles" / "gone.md")


def _outside_and_alias(project: SiteProject) -> None:
    shelf = project.root / "shelf"
    shelf.mkdir()
    (shelf / "c.md").write_text(
        f"---\ndate: 2026-11-03\n---\n\n# 바깥 글\n\n본문입니다.\n\n{PROMPT}\n\n#링크\n", encoding="utf-8"
    )
    os.symlink(shelf, project.docs / "articles" / "shelf", target_is_directory=True)


LINKS: dict[str, Callable[[SiteProject], None]] = {
    "loop-to-parent": _loop_to_parent,
    "loop-to-docs": _loop_to_docs,
    "loop-to-itself": _loop_to_itself,
    "dangling": _dangling,
    "outside-folder": _outside_and_alias,
}


@pytest.mark.parametrize("name", list(LINKS))
def test_check_and_prompts_take_the_build_articles_whatever_links_docs_holds(
    project: SiteProject, name: str
) -> None:
    project.write("index.md", "# 홈\n\n첫 페이지입니다.\n")
    for number, title in enumerate(("첫 글", "둘째 글")):
        project.article(
            f"articles/a{number}.md",
            title,
            date=f"2026-11-0{number + 1}",
            tags=["링크"],
            body=f"요약 문단입니다.\n\n{PROMPT}",
        )
    LINKS[name](project)
    project.write_config()
    built = project.build()
    listed = {
        built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")
    }
    articles = {"docs/" + url.removesuffix("/") + ".md" for url in listed}
    assert {"docs/articles/a0.md", "docs/articles/a1.md"} <= articles

    check = jisik("check", cwd=project.root)
    _no_traceback(check.stderr)
    lines = check.stdout.splitlines()
    assert lines[-1].startswith(f"{len(articles)} articles checked"), check.stdout[-1500:]
    others = [line for line in lines[:-1] if line.split(":", 1)[0] not in articles]
    # only a link to nothing is named besides the articles: an error saying so, as the build warns
    assert all(": error: a link to a file that does not exist" in line for line in others), check.stdout[
        -1500:
    ]
    assert len(others) == (name == "dangling"), check.stdout[-1500:]

    prompts = jisik("prompts", "--json", cwd=project.root)
    _no_traceback(prompts.stderr)
    assert {"docs/" + row["article"] for row in json.loads(prompts.stdout)} == articles
    published = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    assert {"docs/" + row["article"] for row in published} == articles


def test_show_of_a_file_seen_through_a_loop_is_its_article(project: SiteProject) -> None:
    project.write("index.md", "# 홈\n")
    project.article("articles/a.md", "첫 글", tags=["링크"])
    _loop_to_parent(project)
    project.write_config()
    shown = jisik("show", "docs/articles/a.md", cwd=project.root)
    _no_traceback(shown.stderr)
    record = json.loads(shown.stdout)
    assert record["article"] is True and record["title"] == "첫 글"


@pytest.mark.parametrize("folder_form", ["NFC", "NFD"])
@pytest.mark.parametrize("pattern_form", ["NFC", "NFD"])
def test_a_korean_folder_matches_its_pattern_whichever_way_hangul_is_encoded(
    project: SiteProject, folder_form: str, pattern_form: str
) -> None:
    """A folder named on macOS is often decomposed (NFD); the pattern in mkdocs.yml is what the writer
    typed. Both look like `글/**/*.md`, so the build and `jisik check` take the folder's articles."""
    folder = unicodedata.normalize(folder_form, "지식글")
    project.write("index.md", "# 홈\n")
    project.article(f"{folder}/a.md", "첫 글", tags=["보안"])
    project.article("other/b.md", "다른 곳의 글", tags=["보안"])
    project.plugin_options = {"articles": {"paths": [unicodedata.normalize(pattern_form, "지식글/**/*.md")]}}
    project.write_config()
    built = project.build()
    listed = [a.get_text(strip=True) for a in built.html("archive/").select("a.jisik-card__title")]
    assert listed == ["첫 글"]
    check = jisik("check", cwd=project.root)
    assert check.stdout.splitlines()[-1].startswith("1 article checked"), check.stdout + check.stderr


PATTERNS = {
    "a set": (["articles/[0-9]*.md"], {"articles/2026-a.md"}),
    "a negated set": (["articles/[!0-9]*.md"], {"articles/notes.md", "articles/한글.md"}),
    "a Hangul range": (["articles/[가-힣]*.md"], {"articles/한글.md"}),
    "alternatives": (
        ["{articles,notes}/*.md"],
        {"articles/2026-a.md", "articles/notes.md", "articles/한글.md", "notes/x.md"},
    ),
    "alternatives with stars": (["articles/{2026-*,notes}.md"], {"articles/2026-a.md", "articles/notes.md"}),
    "one brace is a letter": (["notes/{x.md"], set()),
}


@pytest.mark.parametrize("name", list(PATTERNS))
def test_sets_and_alternatives_in_article_paths_for_the_build_and_the_command(
    project: SiteProject, name: str
) -> None:
    """`[0-9]`, `[!…]` and `{a,b}` mean in `articles.paths` what they mean in shell globs, for the build
    and for `jisik prompts` alike (they matched only a file named with those very brackets)."""
    patterns, expected = PATTERNS[name]
    project.write("index.md", "# 홈\n")
    for path in ("articles/2026-a.md", "articles/notes.md", "articles/한글.md", "notes/x.md", "other/y.md"):
        project.article(path, f"글 {path}", tags=["보안"], body=f"요약 문단입니다.\n\n{PROMPT}")
    project.plugin_options = {"articles": {"paths": patterns}}
    project.write_config()
    built = project.build()
    listed = {
        built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")
    }
    assert {unquote(url).removesuffix("/") + ".md" for url in listed} == expected
    prompts = jisik("prompts", "--json", cwd=project.root)
    assert {row["article"] for row in json.loads(prompts.stdout or "[]")} == expected, prompts.stderr


@given(
    pattern=st.text(alphabet="ab[]!*?", max_size=8),
    name=st.text(alphabet="ab[]!", max_size=6),
)
def test_a_pattern_within_one_folder_matches_as_fnmatch_does(pattern: str, name: str) -> None:
    """Within one folder (no `/`, no `**`, no braces), `articles.paths` is fnmatch: `*`, `?`, `[…]`, `[!…]`,
    and a bracket without its pair taken literally."""
    assert matches(name, [pattern]) == fnmatch.fnmatchcase(name, pattern), _translate(pattern)
