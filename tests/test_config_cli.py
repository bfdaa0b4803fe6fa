"""Configuration is typed and documented; the `jisik` command reads articles like the plugin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import base
from mkdocs.exceptions import Abort

import jisik
from jisik.config import JisikConfig
from support import REAL_ARTICLE, ROOT, SiteProject
from support.docstrings import config_classes, undocumented


def _options(config: type[base.Config], prefix: str = "") -> list[tuple[str, object]]:
    found = []
    for name, option in config._schema:
        found.append((prefix + name, option))
        sub = getattr(option, "config_class", None)
        if sub is not None:
            found.extend(_options(sub, prefix + name + "."))
    return found


def test_every_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = _options(JisikConfig)
    assert len(options) >= 12
    for name, option in options:
        if getattr(option, "config_class", None) is not None:
            continue  # a group: its options are documented one by one
        assert f"`{name}`" in readme, f"{name} is not documented in README.md"


def test_every_option_of_every_config_class_has_a_docstring() -> None:
    """Each `Config` class of the plugin (its sections, the capabilities' own sections such as `search`):
    each option it declares has a docstring right under it."""
    classes = config_classes(jisik)
    names = {cls.__qualname__ for cls in classes}
    assert {"JisikConfig", "ArticlesConfig", "HashtagsConfig", "SearchConfig"} <= names, names
    # every section of `jisik:` is among them, however deep
    sections = {getattr(o, "config_class", None) for _, o in _options(JisikConfig)} - {None}
    assert sections <= set(classes)
    assert sum(len(cls._schema) for cls in classes) >= len(_options(JisikConfig))
    missing = [name for cls in classes for name in undocumented(cls)]
    assert missing == [], f"options without a docstring under them: {missing}"


SYNTHETIC = '''
from mkdocs.config import base
from mkdocs.config import config_options as c


class FirstConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Documented."""
    path = c.Type(str, default="x")
    """Documented too."""


class SecondConfig(base.Config):
    enabled = c.Type(bool, default=True)
    path = c.Type(str, default="y")
    """Only this one."""
    limit: c.Type[int] = c.Type(int, default=3)

    """A string after a blank line is still the next statement: documented."""


class Outer(base.Config):
    first = c.SubConfig(FirstConfig)
    """A section."""
    second = c.SubConfig(SecondConfig)
    """Another."""
'''


def test_the_docstring_check_finds_a_missing_docstring_in_a_later_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is per class: `enabled` documented in the first class does not count for the second."""
    package = tmp_path / "synthetic"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "config.py").write_text(SYNTHETIC, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import synthetic

    try:
        classes = config_classes(synthetic)
        assert [cls.__qualname__ for cls in classes] == ["FirstConfig", "Outer", "SecondConfig"]
        assert [name for cls in classes for name in undocumented(cls)] == ["SecondConfig.enabled"]
    finally:
        for name in [m for m in sys.modules if m == "synthetic" or m.startswith("synthetic.")]:
            del sys.modules[name]


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
