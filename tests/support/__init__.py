"""Helpers for the tests, by concern; the fixtures that use them are in tests/conftest.py.

The engine switch (`engine`) is imported first: under JISIK_ENGINE=properdocs it must hook `mkdocs.*`
imports before anything imports MkDocs."""

from __future__ import annotations

from .engine import ENGINE, ROOT, run_build, tool
from .images import png
from .pagefind import pagefind_pages
from .server import REPO_PATH, free_port, serve
from .site import (
    BASE_CONFIG,
    FIXTURES,
    REAL_ARTICLE,
    Built,
    Deployed,
    SiteProject,
    build_tree,
    make_tree,
    text_of,
    write,
)

__all__ = [
    "BASE_CONFIG",
    "ENGINE",
    "FIXTURES",
    "REAL_ARTICLE",
    "REPO_PATH",
    "ROOT",
    "Built",
    "Deployed",
    "SiteProject",
    "build_tree",
    "free_port",
    "make_tree",
    "pagefind_pages",
    "png",
    "run_build",
    "serve",
    "text_of",
    "tool",
    "write",
]
