"""Configuration is typed and documented; the `jisik` command reads articles like the plugin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import base
from mkdocs.exceptions import Abort

from jisik.config import JisikConfig
from support import REAL_ARTICLE, ROOT, SiteProject


def _options(config: type[base.Config], prefix: str = "") -> list[tuple[str, object]]:
    found = []
    for name, option in config._schema:
        found.append((prefix + name, option))
        sub = getattr(option, "config_class", None)
        if sub is not None:
            found.extend(_options(sub, prefix + name + "."))
    return found


def test_every_option_has_a_docstring_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = _options(JisikConfig)
    assert len(options) >= 12
    for name, option in options:
        if getattr(option, "config_class", None) is not None:
            continue  # a group: its options are documented one by one
        assert f"`{name}`" in readme, f"{name} is not documented in README.md"
    # the plugin's config.py, and the config.py of each capability that keeps its section in its folder
    configs = [
        ROOT / "plugins" / "jisik" / "config.py",
        *sorted((ROOT / "plugins" / "jisik").glob("*/config.py")),
    ]
    source = "".join(path.read_text(encoding="utf-8") for path in configs)
    for name, _option in options:
        short = name.rsplit(".", 1)[-1]
        after = source.split(f"    {short} = ", 1)[1].split("\n")
        continuation = next(i for i, line in enumerate(after) if line.strip().startswith('"""'))
        assert continuation <= 2, f"option {name} has no docstring under it"


def test_bad_timezone_is_a_config_error(project: SiteProject, caplog: pytest.LogCaptureFixture) -> None:
    project.plugin_options = {"articles": {"timezone": "Mars/Olympus"}}
    with pytest.raises(Abort):
        project.build()
    assert "unknown time zone 'Mars/Olympus'" in caplog.text


def test_timezone_option_changes_dates(project: SiteProject) -> None:
    project.plugin_options = {"articles": {"timezone": "UTC"}}
    project.article("a.md", "글", date="2026-11-27")
    built = project.build(strict=True)
    assert built.html("").select_one("li.jisik-card time")["datetime"] == "2026-11-27T00:00:00+00:00"


def test_cli_show_prints_the_record(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jisik.cli", "show", str(REAL_ARTICLE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "AI 번아웃 거물 인재들이 이탈하는 3가지 이유"
    assert len(record["tags"]) == 10 and len(record["prompts"]) == 4
    assert record["date"] == "2026-11-27T00:00:00+09:00"


def test_cli_reports_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes("# 제목\n".encode("cp949"))
    result = subprocess.run(
        [sys.executable, "-m", "jisik.cli", "show", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "bad.md" in result.stderr and "Traceback" not in result.stderr
