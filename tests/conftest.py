"""Shared fixtures: real sites written into `tmp_path` and built with MkDocs, as users build them.

The helpers they use live in `tests/support/` by concern (site builders, server, browser, engine switch,
images, Pagefind reading); tests import them from `support`."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from support import REPO_PATH, ROOT, Built, Deployed, SiteProject, free_port, png, run_build, serve, write
from support.browser import chromium

# Property tests explore new inputs on every run locally; in CI they replay a fixed set, so a
# landing never depends on luck (a failure found locally is kept in .hypothesis/ and fixed).
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[SiteProject]:
    yield SiteProject(tmp_path / "project")


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own mkdocs.yml, built with `mkdocs build --strict` as a user would."""
    site_dir = tmp_path_factory.mktemp("repo") / "site"
    result = run_build("mkdocs", site_dir)
    assert result.returncode == 0, result.stderr
    return Built(site_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (Playwright's own browsers can't be fetched here)."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployed]:
    """This repository's docs and mkdocs.yml plus three articles (Korean file name, Korean tags, images,
    sources), built with `mkdocs build --strict` for `site_url: http://127.0.0.1:<port>/jisik-kb/` and served
    under that path only, as GitHub Pages serves `https://<user>.github.io/<repo>/`."""
    project = tmp_path_factory.mktemp("deployed") / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    port = free_port()
    root = f"http://127.0.0.1:{port}{REPO_PATH}"
    config, count = re.subn(
        r"(?m)^site_url:.*$", f"site_url: {root}", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    )
    assert count == 1, "mkdocs.yml has no site_url line"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = project / "docs"
    (docs / "assets" / "prompts").mkdir(parents=True)
    (docs / "assets" / "prompts" / "2026-11-27-ai-burnout-1.png").write_bytes(png(400, 300))
    (docs / "assets" / "도표.png").write_bytes(png(60, 40, (200, 80, 60)))
    write(
        docs,
        "articles/2026-11-20-개인정보-보안.md",
        """
        ---
        date: 2026-11-20
        sources:
          - {url: "https://www.boho.or.kr/", title: 한국인터넷진흥원 보호나라}
        ---

        # 개인정보 유출을 막는 보안 습관

        비밀번호 관리자와 2단계 인증으로 개인정보 유출을 막는 방법을 정리했습니다.

        ![보안 점검 도표](../assets/도표.png)

        [AI 번아웃 글](2026-11-27-ai-burnout.md)에서 본 인재 이탈도 보안 공백을 만듭니다.

        A padlock made of light over a laptop keyboard in a dark room, cinematic, 16:9

        출처: https://ko.wikipedia.org/wiki/개인정보

        ## 함께 보면 좋은 글

        #보안 #개인정보 #실리콘밸리 #C#
        """,
    )
    write(
        docs,
        "articles/2026-11-25-hacking.md",
        """
        ---
        date: 2026-11-25 09:30
        ---

        # 해킹 사고 이후 복구 절차

        해킹 사고가 난 뒤 무엇부터 해야 하는지 순서대로 정리했습니다.

        출처 1: KISA 안내 https://www.kisa.or.kr/

        #보안 #해킹 #R&D
        """,
    )
    result = run_build("mkdocs", project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site", port, REPO_PATH) as served:
        assert served == root
        yield Deployed(Built(project / "site"), root)
