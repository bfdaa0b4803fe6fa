"""Pages jisik adds to a site (tag pages, the all-tags page, the home page) via `File.generated`."""

from __future__ import annotations

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .render import safe_title


def add_page(files: Files, config: MkDocsConfig, uri: str, title: str) -> tuple[File, bool]:
    """The page at `uri`: the writer's own when it exists, else a generated one titled `title`.

    Returns the file and whether it was generated.
    """
    existing = files.get_file_from_path(uri)
    if existing is not None:
        return existing, False
    front = yaml.safe_dump({"title": safe_title(title)}, allow_unicode=True, sort_keys=False)
    file = File.generated(config, uri, content=f"---\n{front}---\n", inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(file)
    return file, True
