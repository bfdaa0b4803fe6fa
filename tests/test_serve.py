"""`mkdocs serve` as a writer uses it: Korean tag pages answer, an edited hashtag line moves the article."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from bs4 import BeautifulSoup

from conftest import ENGINE, SiteProject, free_port, tool

TIMEOUT = 60  # seconds for the first build, and again for the rebuild


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not listening yet, or reset while rebuilding
        return 0, ""


def _titles(html: str) -> list[str]:
    return [a.get_text(strip=True) for a in BeautifulSoup(html, "lxml").select("a.jisik-card__title")]


def _wait(what: str, check: Callable[[], bool], server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if server.poll() is not None:
            raise AssertionError(f"{ENGINE} serve exited ({server.returncode}):\n{log.read_text()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not after {TIMEOUT} s; {ENGINE} serve said:\n{log.read_text()}")
        time.sleep(0.2)


def test_serve_answers_korean_tag_pages_and_rebuilds_them(project: SiteProject) -> None:
    project.config["site_url"] = "https://example.github.io/jisik-kb/"  # serve mounts the site at /jisik-kb/
    edited = project.article("articles/점검.md", "보안 점검 목록", tags=["보안", "OpenAI"], date="2026-11-02")
    project.article("articles/b.md", "비밀번호 관리", tags=["보안"], date="2026-11-01")
    project.write_config()
    port = free_port()
    root = f"http://127.0.0.1:{port}/jisik-kb/"
    security, hacking = (root + "tags/" + quote(tag) + "/" for tag in ("보안", "해킹"))
    log = project.root / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [tool("mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait("the first build", lambda: _get(root)[0] == 200, server, log)
        status, html = _get(security)
        assert status == 200, f"GET {security} answered {status}:\n{log.read_text()}"
        assert _titles(html) == ["보안 점검 목록", "비밀번호 관리"]
        assert _get(root + "articles/" + quote("점검") + "/")[0] == 200  # a Korean file name, too
        assert _get(hacking)[0] == 404

        edited.write_text(edited.read_text(encoding="utf-8").replace("#보안", "#해킹"), encoding="utf-8")
        _wait(
            "#해킹 lists the edited article and #보안 no longer does",
            lambda: (
                _titles(_get(hacking)[1]) == ["보안 점검 목록"]
                and _titles(_get(security)[1]) == ["비밀번호 관리"]
            ),
            server,
            log,
        )
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
