"""HTML from jisik's own templates (Jinja), and where it is spliced into a rendered page.

Templates live in `theme/jisik/` and are found through the theme's loader, so a site's
`overrides/jisik/<name>.html` replaces any of them. Unlike MkDocs' own environment, this one
autoescapes: titles, tags and summaries are user text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

from .toc import Anchors

THEME_DIR = str(Path(__file__).parent / "theme")
STYLESHEET = "assets/jisik/jisik.css"
SCRIPT = "assets/jisik/jisik.js"

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


class Renderer:
    """Renders `jisik/*.html` partials with autoescaping."""

    def __init__(self, loader: jinja2.BaseLoader | None, anchors: Anchors | None = None) -> None:
        """`loader`: the theme's (MkDocs' `theme.get_env().loader`), which finds a site's overrides first."""
        self.anchors = anchors or Anchors()
        """Ids and TOC entries for the headings of list pages, as the site's `toc` makes them."""
        self.env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # made anew for each build; no need to stat a template on every use
        )
        self._templates: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context: Any) -> str:
        """Render `jisik/<name>`, loaded once per build (≈ 2,000 renders at 500 articles: no lookup each)."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(f"jisik/{name}")
        return template.render(context)


def after_title(content: str, html: str) -> str:
    """Insert `html` right after the page's `<h1>`, or at the start when it has none."""
    match = _H1_END.search(content)
    if match is None:
        return html + content
    return content[: match.end()] + html + content[match.end() :]
