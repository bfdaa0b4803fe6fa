"""Broken input: each broken file gets one clear message naming it (and its line), the rest of the site
is built, and `mkdocs build --strict` fails exactly where a writer would want it to."""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from mkdocs.exceptions import Abort

from support import Built, SiteProject, run_build, tool

GOOD = "---\ndate: 2026-11-04\n---\n\n# 멀쩡한 글\n\n본문입니다.\n\n출처: https://example.com/ok\n\n#태그\n"


def article(front: str, title: str, *, source: bool = True, tags: str = "#태그") -> str:
    """A complete article but for what the case breaks: `front` is the front matter ('' for none)."""
    head = f"---\n{front}---\n\n" if front else ""
    cite = "출처: https://example.com/x\n\n" if source else ""
    return f"{head}# {title}\n\n본문 문단입니다.\n\n{cite}{tags}\n"


@dataclass(frozen=True)
class Case:
    text: str | bytes
    line: int | None
    """The line the message names (None: the file as a whole, which builds name as line 1)."""
    level: str
    """WARNING (a problem: `--strict` fails) or INFO (something missing: `--strict` passes)."""
    words: str
    """What the message must say."""


CASES: dict[str, Case] = {
    "yaml": Case(article("date: 2026-11-01\ntags: [a, b\n", "깨진 YAML"), 3, "WARNING", "not valid YAML"),
    "unclosed": Case("---\ndate: 2026-11-01\n\n# 닫히지 않은 머리말\n\n본문.\n", 1, "WARNING", "no closing"),
    "not-mapping": Case(article("- a\n- b\n", "목록 머리말"), 2, "WARNING", "mapping"),
    "surrogate": Case(article('title: "a\\ud800b"\ndate: 2026-11-01\n', "서로게이트"), 2, "WARNING", "YAML"),
    "bad-date": Case(
        article("date: 2026-13-45\n", "불가능한 날짜"), 2, "WARNING", "'2026-13-45' is not a real date"
    ),
    "feb-30": Case(article("date: 2026-02-30\n", "2월 30일"), 2, "WARNING", "not a real date"),
    "bad-updated": Case(
        article("date: 2026-11-01\nupdated: 2026-11-31\n", "고친 날"), 3, "WARNING", "`updated`"
    ),
    "javascript": Case(
        article("date: 2026-11-01\nsources: ['javascript:alert(1)']\n", "나쁜 출처", source=False),
        3,
        "WARNING",
        "not an http(s) URL",
    ),
    "punctuation-tag": Case(
        article("date: 2026-11-01\n", "구두점 태그", tags="#태그 #!!!"), 11, "WARNING", "'!!!'"
    ),
    "empty": Case("", None, "WARNING", "empty"),
    "no-date": Case(article("", "날짜 없는 글"), None, "INFO", "no date"),
    "no-tags": Case(article("date: 2026-11-01\n", "태그 없는 글", tags=""), None, "INFO", "no tags"),
    "no-sources": Case(
        article("date: 2026-11-01\n", "출처 없는 글", source=False), None, "INFO", "no sources"
    ),
    "duplicate-a": Case(article("date: 2026-11-02\n", "같은 제목"), None, "INFO", "duplicate-b.md"),
    "duplicate-b": Case(article("date: 2026-11-03\n", "같은 제목"), None, "INFO", "duplicate-a.md"),
}
STRICT_FAILS = {name for name, case in CASES.items() if case.level == "WARNING"}


def _write(project: SiteProject, name: str, text: str | bytes) -> None:
    target = project.docs / "articles" / f"{name}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteProject, Built]:
    project = SiteProject(tmp_path_factory.mktemp("broken") / "project")
    project.plugin_options = {"articles": {"git_dates": False}}
    _write(project, "good", GOOD)
    for name, case in CASES.items():
        _write(project, name, case.text)
    return project, project.build()


def _levels(built: Built, name: str) -> list[tuple[str, str]]:
    """(level, message) of every log record naming the file."""
    path = f"docs/articles/{name}.md"
    return [(r.levelname, r.getMessage()) for r in built.records if path in r.getMessage()]


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_clear_message_names_the_file_and_line(broken: tuple[SiteProject, Built], name: str) -> None:
    _project, built = broken
    case = CASES[name]
    found = _levels(built, name)
    assert len(found) == 1, found
    level, message = found[0]
    assert level == case.level, message
    assert f"docs/articles/{name}.md:{case.line or 1}: " in message, message
    assert case.words in message, message


def test_the_good_article_has_no_message_and_every_page_is_built(broken: tuple[SiteProject, Built]) -> None:
    _project, built = broken
    assert _levels(built, "good") == []
    for name in [*CASES, "good"]:
        assert built.path(f"articles/{name}/").is_file(), name
    home = built.html("")
    listed = [a.get_text() for a in home.select("a.jisik-card__title")]
    assert "멀쩡한 글" in listed and "불가능한 날짜" in listed and "깨진 YAML" in listed
    tag = built.html(f"tags/{quote('태그')}/")
    assert "멀쩡한 글" in [a.get_text() for a in tag.select("a.jisik-card__title")]


def test_a_broken_block_leaves_the_page_and_its_title(broken: tuple[SiteProject, Built]) -> None:
    """The reported YAML is not shown as page text; the page keeps its own title."""
    _project, built = broken
    soup = built.html("articles/yaml/")
    assert soup.title.get_text().startswith("깨진 YAML - ")
    assert "tags: [a, b" not in soup.select_one("article").get_text()
    assert soup.select_one("article h1").get_text().startswith("깨진 YAML")


def test_an_impossible_date_is_not_a_date_anywhere(broken: tuple[SiteProject, Built]) -> None:
    _project, built = broken
    soup = built.html("articles/bad-date/")
    assert "2026-13-45" not in soup.select_one("article").get_text()
    feed = built.path("feed.xml").read_text(encoding="utf-8")
    assert "불가능한 날짜" not in feed  # undated articles are in no feed


def test_a_punctuation_tag_gets_no_page(broken: tuple[SiteProject, Built]) -> None:
    _project, built = broken
    index = built.html("tags/")
    assert [a.get_text() for a in index.select("a.jisik-tag")] == ["#태그"]
    chips = built.html("articles/punctuation-tag/").select("nav.jisik-tags a.jisik-tag, nav.jisik-tags span")
    assert [c.get_text() for c in chips] == ["#태그"]
    assert sorted(p.name for p in (built.site_dir / "tags").iterdir() if p.is_dir()) == ["태그"]


def test_duplicate_titles_keep_both_articles(broken: tuple[SiteProject, Built]) -> None:
    _project, built = broken
    tag = built.html(f"tags/{quote('태그')}/")
    links = [built.follow(f"tags/{quote('태그')}/", a["href"]) for a in tag.select("a.jisik-card__title")]
    assert "articles/duplicate-a/" in links and "articles/duplicate-b/" in links


def test_empty_front_matter_and_a_closing_line_at_the_end_are_front_matter(project: SiteProject) -> None:
    project.write(
        "articles/empty-block.md", "---\n---\n\n# 빈 머리말\n\n본문.\n\n출처: https://e.com/x\n\n#태그\n"
    )
    (project.docs / "articles" / "no-eol.md").write_text("---\ndate: 2026-11-01\n---", encoding="utf-8")
    built = project.build()
    messages = " ".join(built.warnings)
    assert "closing" not in messages, messages
    assert "---" not in built.html("articles/empty-block/").select_one("article").get_text()
    assert "date:" not in built.html("articles/no-eol/").select_one("article").get_text()


@pytest.mark.parametrize("name", sorted(CASES))
def test_strict_fails_only_on_problems(project: SiteProject, name: str) -> None:
    project.plugin_options = {"articles": {"git_dates": False}}
    _write(project, "good", GOOD)
    _write(project, name, CASES[name].text)
    if name.startswith("duplicate"):
        _write(project, "duplicate-a", CASES["duplicate-a"].text)
        _write(project, "duplicate-b", CASES["duplicate-b"].text)
    if name in STRICT_FAILS:
        with pytest.raises(Abort):
            project.build(strict=True)
    else:
        built = project.build(strict=True)
        assert built.path(f"articles/{name}/").is_file()


def test_the_command_line_shows_no_traceback(broken: tuple[SiteProject, Built]) -> None:
    project, _built = broken
    result = run_build("mkdocs", project.root / "cli-site", project.root, strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr
    for name, case in CASES.items():
        lines = [line for line in result.stderr.splitlines() if f"docs/articles/{name}.md:" in line]
        assert len(lines) == 1, (name, lines)
        assert re.match(rf"{case.level}\s+-\s+", lines[0]), lines[0]


def test_a_file_that_is_not_utf8_is_reported_and_the_rest_builds(project: SiteProject) -> None:
    _write(project, "good", GOOD)
    _write(project, "cp949", article("date: 2026-11-01\n", "완성형 한국어").encode("cp949"))
    built = project.build()
    assert len(_levels(built, "cp949")) == 1
    assert built.path("articles/good/").is_file()
    assert not built.path("articles/cp949/").exists()


@pytest.mark.parametrize("name", ["articles/pipe.md", "images/pipe.png", "notes.md"])
def test_a_named_pipe_in_docs_is_said_and_the_rest_builds(project: SiteProject, name: str) -> None:
    """`mkfifo docs/x.md`: reading it would wait for a writer forever (the build hung); copying it
    stops MkDocs. The build and `jisik check` say so at the file and go on."""
    _write(project, "good", GOOD)
    pipe = project.docs / name
    pipe.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(pipe)
    project.write_config()
    result = run_build("mkdocs", project.root / "cli-site", project.root, strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    said = [line for line in result.stderr.splitlines() if f"docs/{name}" in line]
    assert len(said) == 1 and "not a regular file" in said[0], said
    assert (project.root / "cli-site" / "articles" / "good" / "index.html").is_file()
    strict = run_build("mkdocs", project.root / "strict-site", project.root, strict=True)
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    check = subprocess.run(
        [tool("jisik"), "check"], cwd=project.root, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in check.stderr
    if name.endswith(".md"):
        said = [line for line in check.stdout.splitlines() if line.startswith(f"docs/{name}:1:")]
        assert len(said) == 1 and "not a regular file" in said[0], check.stdout


def test_a_one_megabyte_article_builds_quickly(project: SiteProject) -> None:
    paragraph = "긴 글의 문단입니다. " * 30 + "\n\n"
    count = 1_000_000 // len(paragraph.encode("utf-8")) + 1
    body = paragraph * count
    text = f"---\ndate: 2026-11-01\n---\n\n# 아주 긴 글\n\n{body}마지막 문단입니다.\n\n출처: https://e.com/x\n\n#긴글\n"
    assert len(text.encode("utf-8")) > 1_000_000
    project.write("articles/long.md", text)
    started = time.monotonic()
    built = project.build(strict=True)
    assert time.monotonic() - started < 30
    page = built.html("articles/long/")
    paragraphs = page.select("article p")
    assert paragraphs[-1].get_text() == "마지막 문단입니다."
    assert len(paragraphs) == count + 1
    assert [a.get_text() for a in page.select("nav.jisik-tags a")] == ["#긴글"]


def test_an_article_with_a_thousand_tags_shows_them_all(project: SiteProject) -> None:
    tags = [f"태그{n:04d}" for n in range(1000)]
    project.write(
        "articles/tags.md",
        "---\ndate: 2026-11-01\n---\n\n# 태그 천 개\n\n본문입니다.\n\n출처: https://e.com/x\n\n"
        + " ".join(f"#{t}" for t in tags)
        + "\n",
    )
    project.write("articles/other.md", GOOD.replace("#태그", "#태그0999 #태그0000"))
    started = time.monotonic()
    built = project.build(strict=True)
    assert time.monotonic() - started < 30
    chips = [a.get_text() for a in built.html("articles/tags/").select("nav.jisik-tags a.jisik-tag")]
    assert chips == [f"#{t}" for t in tags]
    index = built.html("tags/")
    assert len(index.select("a.jisik-tag")) == 1000
    assert built.path(f"tags/{quote('태그0500')}/").is_file()
    feed = built.path(f"tags/{quote('태그0999')}/feed.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") == 2
