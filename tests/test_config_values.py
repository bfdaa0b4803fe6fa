"""A wrong value anywhere in `plugins: - jisik:` is one config error naming the option, for the build and
for the `jisik` command alike: never a traceback, never pages written outside `site_dir`, never a value
silently taken for another (`per_page: true` as 1, `limit: -1` as 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from support import SiteProject
from test_cli import _no_traceback, jisik

WRONG: dict[str, tuple[dict[str, object], str]] = {
    # places in the site: a `..` would write generated pages outside site_dir
    "hashtags.path ..": ({"hashtags": {"path": "../out"}}, "option 'hashtags': Sub-option 'path'"),
    "hashtags.path a/../..": ({"hashtags": {"path": "a/../../out"}}, "Sub-option 'path'"),
    "archive.path ..": ({"archive": {"path": "../out"}}, "option 'archive': Sub-option 'path'"),
    "citations.path ..": ({"citations": {"path": ".."}}, "option 'citations': Sub-option 'path'"),
    "search.path ..": ({"search": {"enabled": True, "path": "../out"}}, "option 'search': Sub-option 'path'"),
    "home.page ..": ({"home": {"page": "../index.md"}}, "option 'home': Sub-option 'page'"),
    "home.page empty": ({"home": {"page": ""}}, "option 'home': Sub-option 'page'"),
    "home.page a folder": ({"home": {"page": "start/"}}, "option 'home': Sub-option 'page'"),
    # no article pattern at all: no page would be an article, and every list silently empty
    "articles.paths []": ({"articles": {"paths": []}}, "option 'articles': Sub-option 'paths'"),
    "articles.paths ['']": ({"articles": {"paths": [""]}}, "option 'articles': Sub-option 'paths'"),
    # counts: a bool is not a number, and none is negative
    **{
        f"{section}.{name} {value!r}": (
            {section: {name: value}},
            f"option '{section}': Sub-option '{name}': expected a whole number",
        )
        for section, name in (
            ("hashtags", "per_page"),
            ("home", "per_page"),
            ("archive", "per_page"),
            ("related", "limit"),
            ("feeds", "length"),
        )
        for value in (True, -1)
    },
}


def _outside(root: Path) -> set[str]:
    """What is in the project folder besides docs/, site/ and mkdocs.yml."""
    return {p.name for p in root.iterdir()} - {"docs", "site", "mkdocs.yml"}


@pytest.mark.parametrize("case", list(WRONG))
def test_a_wrong_value_is_one_config_error_for_the_build_and_the_command(
    project: SiteProject, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    options, expected = WRONG[case]
    project.write("index.md", "# 홈\n")
    project.article("articles/a.md", "첫 글", tags=["보안"])
    project.plugin_options = options
    project.write_config()
    with pytest.raises(Abort):
        project.build()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and expected in errors[0], errors
    assert _outside(project.root) == set()

    result = jisik("check", cwd=project.root)
    _no_traceback(result.stderr)
    assert result.returncode == 2 and expected in result.stderr, result.stderr


@pytest.mark.parametrize(
    "options",
    [
        {"hashtags": {"path": ""}},  # tag pages at the site root
        {"home": {"page": "start/index.md"}},
        {"archive": {"path": "/보관함/"}},
        {"home": {"page": "/./start.md"}},
        {
            "hashtags": {"per_page": 0},
            "home": {"per_page": 0},
            "related": {"limit": 0},
            "feeds": {"length": 0},
        },
    ],
    ids=["root-tags", "home-in-a-folder", "slashes", "home-slashes", "zeros"],
)
def test_unusual_but_right_values_still_build(project: SiteProject, options: dict[str, object]) -> None:
    home = options.get("home", {}).get("page", "index.md")  # type: ignore[attr-defined]
    home = "/".join(part for part in home.split("/") if part not in ("", "."))
    project.write(home, "# 홈\n")
    project.article("articles/a.md", "첫 글", tags=["보안"], body="본문.\n\n출처: https://example.com/a")
    project.plugin_options = options
    built = project.build(strict=True)
    assert _outside(project.root) == set()
    url = home.removesuffix(".md").removesuffix("index")
    url = url + "/" if url and not url.endswith("/") else url
    cards = built.html(url).select("a.jisik-card__title")
    assert [a.get_text(strip=True) for a in cards] == ["첫 글"]  # the home page lists the article
