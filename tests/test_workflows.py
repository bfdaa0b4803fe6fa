"""The GitHub workflows: Pages deployment with the official actions, CI on MkDocs and on ProperDocs."""

from __future__ import annotations

import re
from typing import Any

import yaml

from support import ENGINE, ROOT, SiteProject

WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict[str, Any]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(workflow, dict), f"{name} is not a YAML mapping"
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads a bare `on:` key as True
    return workflow


def _uses(steps: list[dict[str, Any]]) -> list[str]:
    return [step["uses"] for step in steps if "uses" in step]


def _index(steps: list[dict[str, Any]], predicate: str) -> int:
    """The position of the first step that uses an action or runs a command containing `predicate`."""
    for position, step in enumerate(steps):
        if predicate in step.get("uses", "") or predicate in step.get("run", ""):
            return position
    raise AssertionError(f"no step with {predicate!r}")


def test_deploy_workflow_builds_strict_and_publishes_with_the_official_pages_actions() -> None:
    workflow = _load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = workflow["jobs"]["build"]["steps"]
    assert _uses(build)[:2] == ["actions/checkout@v4", "actions/setup-python@v5"]
    assert build[0]["with"]["fetch-depth"] == 0
    order = [
        _index(build, predicate)
        for predicate in [
            "pip install .",
            "actions/configure-pages@v5",
            "mkdocs build --strict",
            "actions/upload-pages-artifact@v3",
        ]
    ]
    assert order == sorted(order), "install, configure-pages, build, upload: in that order"
    # the build gets the Pages address as SITE_URL, which mkdocs.yml reads for site_url
    step = build[_index(build, "mkdocs build --strict")]
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "!ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    upload = build[_index(build, "actions/upload-pages-artifact@v3")]
    assert upload["with"]["path"] == "site"  # mkdocs.yml's site_dir default
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert _uses(deploy["steps"]) == ["actions/deploy-pages@v4"]


def test_ci_runs_the_readme_test_command_on_mkdocs_and_properdocs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(\./scripts/test)\b", readme, re.MULTILINE)
    assert command, "README.md names no test command"
    workflow = _load("ci.yml")
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["engine"] == ["mkdocs", "properdocs"]
    assert job["env"]["JISIK_ENGINE"] == "${{ matrix.engine }}"
    assert "bookworm" in job["container"]  # Debian's chromium, as conftest's `browser` expects
    steps = job["steps"]
    install = steps[_index(steps, "apt-get install")]["run"]
    assert all(package in install.split() for package in ["chromium", "fonts-noto-cjk", "newsboat"])
    assert _index(steps, "apt-get install") < _index(steps, command.group(1))
    artifacts = steps[_index(steps, "actions/upload-artifact@v4")]
    assert artifacts["with"]["path"].rstrip("/") == "test-artifacts" and artifacts["if"] == "always()"


def test_the_engine_switch_builds_with_the_chosen_engine(project: SiteProject) -> None:
    """CI's JISIK_ENGINE really changes what builds the test sites (the page says who generated it)."""
    project.article("a.md", "글", tags=["보안"])
    built = project.build(strict=True)
    generator = built.html("a/").select_one('meta[name="generator"]')["content"]
    expected = "mkdocs-ProperDocs 1.6." if ENGINE == "properdocs" else "mkdocs-1.6."
    assert generator.startswith(expected), generator


def test_deploy_and_the_readme_commands_install_the_pagefind_that_chunks_korean() -> None:
    """The deploy workflow and scripts/_venv.sh (./scripts/serve, ./scripts/test) install the Pagefind
    version jisik's build expects, before the build; the deploy fails on a degraded index."""
    from jisik.search.binary import NPM_VERSION

    build = _load("deploy.yml")["jobs"]["build"]["steps"]
    install = _index(build, f"--prefix .venv/pagefind pagefind@{NPM_VERSION}")
    assert install < _index(build, "mkdocs build --strict")
    assert "DEGRADED" in build[_index(build, "mkdocs build --strict")]["run"]
    venv = (ROOT / "scripts" / "_venv.sh").read_text(encoding="utf-8")
    assert f"pagefind_version={NPM_VERSION}" in venv and "--prefix .venv/pagefind" in venv
