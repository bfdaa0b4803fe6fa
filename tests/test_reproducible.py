"""Reproducible output: the same input gives the same bytes, whatever the clock, hash seed, folder or
file order; the docs folder is only ever read.

The importer's atomic writes that never replace a file without `--force` are tested in
tests/test_importer.py (`test_write_new_never_replaces_and_leaves_no_temporary_files`,
`test_force_replaces_the_same_article_but_never_another`); here only its clock, `SOURCE_DATE_EPOCH`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from support import SiteProject, png, tool

EPOCH = 981_173_106  # 2001-02-03 04:05:06 UTC
EPOCH_DAY = "2001-02-03"
JISIK_OUTPUTS = (
    "tags/",
    "sources/",
    "archive/",
    "page/",
    "articles/",
    "feed.xml",
    "feed.json",
    "prompts.json",
)

ARTICLES: dict[str, str] = {
    "articles/2024-05-01-first.md": """---
date: 2024-05-01
tags: [OpenAI, 인공지능]
sources:
  - {url: https://www.example.com/a, title: 원문 A}
---

# 첫 글

첫 글의 요약입니다.

A calm office with engineers at their desks in the morning light, photorealistic, 4:3

출처: https://example.org/b

## 함께 보면 좋은 글

#openai #C# #R&D
""",
    "articles/2024-05-01-same-day.md": """---
date: 2024-05-01
---

# 같은 날 글

같은 날짜의 다른 글입니다.

출처: https://news.example.kr/%EB%89%B4%EC%8A%A4

#ＯｐｅｎＡＩ #"""
    + unicodedata.normalize("NFD", "인공지능")
    + """ #C
""",
    "articles/2024-06-11-evening.md": """---
date: 2024-06-11T21:30:00+09:00
updated: 2024-06-12
---

# 저녁 글

/// prompt | 16:9
A night skyline seen from a hill, cinematic lighting
///

출처 1: 뉴스 https://news.example.kr/evening

#C++ #인공지능
""",
    "articles/undated.md": "# 날짜 없는 글\n\n날짜가 없습니다.\n\n#인공지능\n",
    "articles/draft.md": "---\ndate: 2024-07-01\ndraft: true\n---\n\n# 초안\n\n비밀입니다.\n\n#초안태그\n",
    "about.md": "# 소개\n\n이 사이트는 지식 창고입니다.\n",
    "source-titles.yml": "https://example.org/b: 캐시된 제목 B\n",
}


def write_project(root: Path, reverse: bool = False) -> SiteProject:
    """The corpus in a project folder; `reverse` writes the files in the opposite order."""
    project = SiteProject(root)
    project.plugin_options = {
        "articles": {"git_dates": False},
        "home": {"per_page": 2},
        "archive": {"per_page": 2},
    }
    items = list(ARTICLES.items())
    for path, text in reversed(items) if reverse else items:
        target = project.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    project.tree({"assets/prompts/2024-05-01-first-1.png": png(40, 30)})
    project.write_config()
    return project


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under `folder`: size, modification time and content hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        found[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns, digest)
    return found


def mkdocs_build(project: SiteProject, site: Path, seed: str, epoch: int | None) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED=seed)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    before = snapshot(project.docs)
    result = subprocess.run(
        [tool("mkdocs"), "build", "--site-dir", str(site)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project.docs) == before, "the build wrote into the docs folder"


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """A: seed 1 with SOURCE_DATE_EPOCH; B: another folder, files written in reverse, seed 2, the same
    epoch; C: A's project again, seed 3, no epoch (the clock)."""
    base = tmp_path_factory.mktemp("reproducible")
    first = write_project(base / "one")
    second = write_project(base / "two" / "nested", reverse=True)
    mkdocs_build(first, base / "site-a", "1", EPOCH)
    mkdocs_build(second, base / "site-b", "2", EPOCH)
    mkdocs_build(first, base / "site-c", "3", None)
    return {name: files(base / f"site-{name}") for name in "abc"}


def jisik_outputs(site: dict[str, bytes]) -> dict[str, bytes]:
    return {
        path: data for path, data in site.items() if path.startswith(JISIK_OUTPUTS) or path == "index.html"
    }


def test_the_site_is_byte_identical_across_seeds_folders_and_file_order(
    builds: dict[str, dict[str, bytes]],
) -> None:
    a, b = builds["a"], builds["b"]
    outputs = jisik_outputs(a)
    for expected in ("tags/index.html", "sources/index.html", "archive/index.html", "page/2/index.html",
                     "feed.xml", "feed.json", "prompts.json", "tags/c-sharp/feed.xml",
                     "articles/2024-05-01-first/index.html"):  # fmt: skip
        assert expected in outputs, expected
    assert sorted(a) == sorted(b)
    differing = [path for path in a if a[path] != b[path]]
    assert differing == [], differing


def test_jisik_outputs_do_not_depend_on_the_clock(builds: dict[str, dict[str, bytes]]) -> None:
    a, c = jisik_outputs(builds["a"]), jisik_outputs(builds["c"])
    assert sorted(a) == sorted(c)
    assert [path for path in a if a[path] != c[path]] == []


def _day_forms(day: dt.date) -> list[bytes]:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    forms = [
        day.isoformat(),
        f"{day.year}년 {day.month}월 {day.day}일",
        f"{day.day:02d} {months[day.month - 1]} {day.year}",
    ]
    return [form.encode() for form in forms]


def test_no_output_shows_the_build_day_unless_source_date_epoch_says_so(
    builds: dict[str, dict[str, bytes]],
) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    days = {now.date(), now.astimezone(ZoneInfo("Asia/Seoul")).date(), now.astimezone().date()}
    forms = [form for day in days for form in _day_forms(day)]
    for name in "abc":
        for path, data in builds[name].items():
            if name == "c" and path.startswith("sitemap.xml"):
                continue  # MkDocs' sitemap states the build day (SOURCE_DATE_EPOCH in builds a and b)
            assert not [form for form in forms if form in data], (name, path)
    assert f"<lastmod>{EPOCH_DAY}</lastmod>".encode() in builds["a"]["sitemap.xml"]


def test_feeds_date_the_channel_by_its_newest_article(builds: dict[str, dict[str, bytes]]) -> None:
    feed = builds["a"]["feed.xml"].decode()
    assert "<lastBuildDate>Wed, 12 Jun 2024 00:00:00 +0900</lastBuildDate>" in feed


def test_a_rebuild_and_jisik_check_leave_the_docs_folder_alone(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    (project.docs / "articles" / "broken.md").write_text("---\ndate: 2026-13-45\ntags: [a\n---\n# 깨짐\n")
    before = snapshot(project.docs)
    project.build()
    project.build(config=project.load_config())
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([tool("jisik"), "check"], cwd=project.root, env=env, capture_output=True, timeout=60)
    subprocess.run([tool("jisik"), "prompts"], cwd=project.root, env=env, capture_output=True, timeout=60)
    assert snapshot(project.docs) == before


def test_the_importer_dates_undated_text_by_source_date_epoch(tmp_path: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(EPOCH))
    raw = tmp_path / "raw.txt"
    raw.write_text("날짜 없는 글\n\n본문입니다.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [tool("jisik"), "import", str(raw), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    [written] = out.iterdir()
    assert written.name.startswith(f"{EPOCH_DAY}-")
    assert f"date: {EPOCH_DAY}" in written.read_text(encoding="utf-8")
    made = subprocess.run(
        [tool("jisik"), "new", "새 글", "-o", str(out)], env=env, capture_output=True, text=True, timeout=60
    )
    assert made.returncode == 0, made.stderr
    assert any(p.name.startswith(f"{EPOCH_DAY}-sae-geul") for p in out.iterdir())
