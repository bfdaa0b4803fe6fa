"""`jisik check` and `jisik.checks.check`: what would hurt the site, with file and line."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

from jisik.checks import Finding, check, title_key
from jisik.model import Article, parse_article
from support import REAL_ARTICLE, ROOT, tool


def jisik(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [tool("jisik"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def article(path: str, text: str) -> Article:
    return parse_article(text, path)


GOOD = textwrap.dedent(
    """
    ---
    date: 2026-11-27
    ---

    # 좋은 글

    본문 문단입니다.

    출처: https://example.com/a

    #태그
    """
).lstrip("\n")


def messages(findings: list[Finding], path: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.level, f.message) for f in findings if f.path == path]


def test_a_complete_article_has_no_findings() -> None:
    assert check([article("good.md", GOOD)]) == []
    real = parse_article(REAL_ARTICLE.read_text(encoding="utf-8"), "articles/ai-burnout.md")
    assert check([real]) == []


def test_missing_date_tags_and_sources_are_warnings_at_line_1() -> None:
    found = check([article("bare.md", "# 제목\n\n본문 문단입니다.\n")])
    assert [(f.line, f.level) for f in found] == [(1, "warning")] * 3
    text = " ".join(f.message for f in found)
    assert "no date" in text and "no tags" in text and "no sources" in text


def test_bad_date_is_one_error_on_its_line_not_also_a_missing_date() -> None:
    found = check([article("a.md", GOOD.replace("date: 2026-11-27", "date: 2026-13-45"))])
    assert len(found) == 1
    assert (found[0].line, found[0].level) == (2, "error") and "2026-13-45" in found[0].message


def test_non_http_sources_are_errors_with_their_lines() -> None:
    text = GOOD.replace("출처: https://example.com/a", "출처: javascript:alert(1)").replace(
        "date: 2026-11-27", "date: 2026-11-27\nsources:\n  - file:///etc/passwd"
    )
    found = check([article("a.md", text)])
    assert [(f.line, f.level) for f in found] == [(4, "error"), (11, "error")]
    assert "file:///etc/passwd" in found[0].message and "javascript:alert(1)" in found[1].message


def test_prompt_block_without_a_ratio_is_an_error() -> None:
    text = GOOD.replace(
        "본문 문단입니다.",
        "본문 문단입니다.\n\n/// prompt\nA quiet library at night, cinematic lighting\n///",
    )
    found = check([article("a.md", text)])
    assert [(f.line, f.level) for f in found] == [(9, "error")]
    assert "aspect ratio" in found[0].message
    # a block with a ratio is fine
    assert check([article("a.md", text.replace("/// prompt", "/// prompt | 16:9"))]) == []


def test_tag_slug_collision_names_both_tags() -> None:
    found = check(
        [
            article("a.md", GOOD.replace("#태그", "#C#")),
            article("b.md", GOOD.replace("#태그", "#c-sharp").replace("좋은 글", "다른 글")),
        ]
    )
    assert len(found) == 1
    (clash,) = found
    assert clash.level == "warning" and clash.path == "b.md"
    assert "'c-sharp'" in clash.message and "'C#' (a.md)" in clash.message and "c-sharp-2/" in clash.message


def test_duplicate_titles_name_the_other_file() -> None:
    found = check(
        [
            article("a.md", GOOD),
            article("b.md", GOOD.replace("# 좋은 글", "#  좋은   글")),
            article("c.md", GOOD.replace("# 좋은 글", "# 다른 글")),
        ]
    )
    assert messages(found, "a.md") == [(1, "warning", "title '좋은 글' is also the title of b.md")]
    assert messages(found, "b.md") == [(1, "warning", "title '좋은 글' is also the title of a.md")]
    assert messages(found, "c.md") == []
    assert title_key("ＯｐｅｎＡＩ  뉴스") == title_key("openai 뉴스")


def test_punctuation_only_tag_is_reported() -> None:
    found = check([article("a.md", GOOD.replace("#태그", "#태그 #!!!"))])
    assert len(found) == 1 and "'!!!'" in found[0].message and found[0].level == "warning"


def test_findings_are_sorted_by_path_then_line_and_formatted() -> None:
    found = check(
        [
            article("b.md", GOOD.replace("출처: https://example.com/a", "출처: ftp://x/y")),
            article("a.md", "# 제목\n\n본문.\n\n출처: data:text/html,x\n\n#태그\n"),
        ]
    )
    assert [(f.path, f.line) for f in found] == [("a.md", 1), ("a.md", 5), ("b.md", 9)]
    assert (
        found[1].format()
        == "a.md:5: source 'data:text/html,x' is not an http(s) URL; it will be shown as text, not a link"
    )
    assert found[1].format(level=True).startswith("a.md:5: error: source 'data:")


# --- the command ----------------------------------------------------------------------------------


def test_check_reports_javascript_source_and_missing_date_and_fails(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "bad.md").write_text(
        "# 제목\n\n본문 문단입니다.\n\n출처: javascript:alert(1)\n\n#태그\n", encoding="utf-8"
    )
    (docs / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    (docs / "index.md").write_text("# 홈\n\n첫 페이지입니다.\n", encoding="utf-8")  # the home page
    result = jisik("check", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "docs/articles/bad.md:1: warning: no date: add `date: YYYY-MM-DD` to the front matter",
        "docs/articles/bad.md:5: error: source 'javascript:alert(1)' is not an http(s) URL; "
        "it will be shown as text, not a link",
        "2 articles checked: 1 error, 1 warning",
    ]


def test_check_with_only_warnings_succeeds(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.md").write_text("# 제목\n\n본문 문단입니다.\n", encoding="utf-8")
    (tmp_path / "kb" / "page.md").write_text("---\narticle: false\n---\n\n# 소개\n", encoding="utf-8")
    result = jisik("check", "kb", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 article checked: 0 errors, 3 warnings"
    assert all(line.startswith("kb/a.md:1: warning: ") for line in result.stdout.splitlines()[:-1])


def test_check_reports_an_unreadable_file_as_an_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.md").write_bytes("# 제목\n\n본문입니다.\n".encode("cp949"))
    result = jisik("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("docs/old.md:1: error: cannot read as UTF-8 text")


def test_check_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = jisik("check", "nope", cwd=tmp_path)
    assert result.returncode == 2 and "nope does not exist" in result.stderr


def test_the_repository_docs_pass_the_check() -> None:
    result = jisik("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert " 0 errors, 0 warnings" in result.stdout.splitlines()[-1]
