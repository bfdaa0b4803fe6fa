"""Pages jisik adds to a site (tag pages, the all-tags page, the home page) via `File.generated`."""

from __future__ import annotations

from collections.abc import Mapping

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .render import safe_title


def add_page(
    files: Files, config: MkDocsConfig, uri: str, title: str, in_nav: bool = False
) -> tuple[File, bool]:
    """The page at `uri`: the writer's own when it exists, else a generated one titled `title`
    (in the automatic navigation only when `in_nav`).

    Returns the file and whether it was generated.
    """
    existing = files.get_file_from_path(uri)
    if existing is not None:
        return existing, False
    front = yaml.safe_dump({"title": safe_title(title)}, allow_unicode=True, sort_keys=False)
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, uri, content=f"---\n{front}---\n", inclusion=inclusion)
    files.append(file)
    return file, True


def default_nav(files: Files, articles: Mapping[str, object], config: MkDocsConfig) -> list[object]:
    """The navigation when `mkdocs.yml` sets none: the home page, the writer's other pages, then the
    pages jisik lists articles on (태그, 출처, 보관함). Articles stay out: lists show them instead."""
    first: list[object] = []
    rest: list[object] = []
    for file in files.documentation_pages():
        if file.src_uri in articles or not file.inclusion.is_in_nav():
            continue
        (rest if file.generated_by else first).append(file.src_uri)
    first.sort(key=lambda uri: (uri != "index.md", str(uri)))
    return first + rest
