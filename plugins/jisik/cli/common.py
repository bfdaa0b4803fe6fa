"""What the `jisik` subcommands share: the site's `mkdocs.yml`, read as the build reads it.

Every subcommand that reads articles loads the config file with MkDocs' own `load_config` (so `!ENV`,
`INHERIT`, `exclude_docs`, `draft_docs` and the plugin's options mean what they mean in a build), lists
the files with MkDocs' own `get_files`, and decides which pages are articles with the build's own
functions (`collection.article_pages`, `collection.is_article`): `docs_dir`, `articles.paths`,
`home.page`, `articles.timezone`, `article: false` and drafts agree with the build by construction.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files

from ..collection import Collection, drop_link_loops
from ..config import JisikConfig
from ..incremental.records import RecordCache
from ..model import Article, Entry, get_timezone

CONFIG_FILE = "mkdocs.yml"
CONFIG_FILES = (CONFIG_FILE, "mkdocs.yaml")
"""Looked for in the current folder, in this order, as `mkdocs build` does."""


def _config_here() -> Path | None:
    return next((Path(name) for name in CONFIG_FILES if Path(name).is_file()), None)


class UsageError(Exception):
    """A mistake in how the command was called: printed as `jisik: …`, exit code 2."""


def add_site_arguments(parser: argparse.ArgumentParser, *, docs_option: bool = True) -> None:
    """`-f/--config-file`, `--docs` and `--timezone`: which site, as `mkdocs build` would read it."""
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help=f"the site's MkDocs config (default: ./{CONFIG_FILE}; without one: docs/ and jisik's defaults)",
    )
    if docs_option:
        parser.add_argument(
            "--docs", metavar="DIR", help="read this docs folder instead of the config's docs_dir"
        )
    parser.add_argument(
        "--timezone", help="zone of dates written without one (default: the config's articles.timezone)"
    )


@dataclass
class Site:
    """A site as the build sees it: MkDocs' config, jisik's options, and where they came from."""

    config: MkDocsConfig
    options: JisikConfig
    config_file: Path | None
    """The config file read; None when there is none and the defaults are used."""

    @property
    def docs(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def timezone(self) -> str:
        return str(self.options.articles.timezone)


def _failure(exc: BaseException) -> str:
    """`file:line: Error: message` of an exception raised by code the config loads (the innermost
    frame: the hook's own line), without the traceback."""
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"{shown_path(exc.filename)}:{exc.lineno or 1}: {type(exc).__name__}: {exc.msg}"
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{shown_path(frames[-1].filename)}:{frames[-1].lineno}: {message}" if frames else message


_TRACEBACK_LINE = re.compile(r'^\s+File "|^\s+\^+$|^Traceback \(')


class _Logged(logging.Handler):
    """MkDocs' and jisik's log messages while the CLI works: warnings printed on stderr. A message
    that carries a traceback (MkDocs' "Failed to load extension" does) is cut to its first line and
    the error at its end."""

    def emit(self, record: logging.LogRecord) -> None:
        lines = record.getMessage().splitlines()
        if len(lines) > 2 and any(_TRACEBACK_LINE.match(line) for line in lines):
            lines = [lines[0], lines[-1]]
        with contextlib.suppress(BrokenPipeError):
            print(f"{record.levelname} - " + "\n".join(lines), file=sys.stderr)


def show_log_messages() -> None:
    """Print MkDocs' (and so jisik's) warnings on stderr, as `mkdocs build` does (once per process)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _Logged) for h in logger.handlers):
        handler = _Logged(logging.WARNING)
        logger.addHandler(handler)
        logger.propagate = False


def load_site(args: argparse.Namespace) -> Site:
    """Read `-f FILE` (default `./mkdocs.yml`) with MkDocs' own loader, `--docs` overriding
    `docs_dir`; without a config file, a site of `docs/` (or `--docs`) with jisik's default options."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    show_log_messages()
    chosen = getattr(args, "config_file", None)
    docs = getattr(args, "docs", None)
    overrides: dict[str, str] = {}
    if docs is not None:
        if not Path(docs).is_dir():
            raise UsageError(
                f"docs folder {docs} " + ("is not a folder" if Path(docs).exists() else "does not exist")
            )
        overrides["docs_dir"] = os.path.abspath(docs)
    path = Path(chosen) if chosen else (_config_here() or Path(CONFIG_FILE))
    if chosen and not path.is_file():
        raise UsageError(f"config file {chosen} does not exist")
    try:
        if path.is_file():
            config = load_config(str(path), **overrides)
            config_file: Path | None = path
        else:
            if docs is None:
                if not Path("docs").is_dir():
                    raise UsageError(
                        f"there is no {CONFIG_FILE} and no docs folder here; "
                        "run in the site's folder, or give -f FILE or --docs DIR"
                    )
                overrides["docs_dir"] = os.path.abspath("docs")
            defaults = io.StringIO("site_name: jisik\nplugins: [jisik]\n")
            config = load_config(defaults, config_file_path=os.path.abspath("mkdocs.yml"), **overrides)
            config_file = None
    except exceptions.MkDocsException as exc:
        raise UsageError(f"{path}: {exc}") from None
    except UsageError:
        raise
    except Exception as exc:  # a hook or plugin of the config that fails while it loads (`hooks:`)
        raise UsageError(f"{path}: cannot load the config: {_failure(exc)}") from None
    plugin = config.plugins.get("jisik")
    if plugin is not None and isinstance(plugin.config, JisikConfig):
        options = plugin.config
        if not options.enabled:
            print(
                f"jisik: {path}: the jisik plugin is turned off (enabled: false), so a build shows no "
                "articles; reading them with its options anyway",
                file=sys.stderr,
            )
    else:
        print(f"jisik: {path} does not use the jisik plugin; using its default options", file=sys.stderr)
        options = JisikConfig()
        options.load_dict({})
        options.validate()
    timezone = getattr(args, "timezone", None)
    if timezone is not None:
        get_timezone(timezone)  # a bad name is a ValueError: `jisik: …`, exit code 2
        options.articles.timezone = timezone
    return Site(config, options, config_file)


def site_here(args: argparse.Namespace) -> Site | None:
    """The site, when there is one here (a config file, a `--docs` folder or `docs/`); else None, for
    commands that also work on loose files (`show`, `new -o DIR`)."""
    if getattr(args, "config_file", None) or getattr(args, "docs", None):
        return load_site(args)
    if _config_here() is not None or Path("docs").is_dir():
        return load_site(args)
    return None


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as a writer types it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return Path(relative if not relative.startswith("..") else os.path.abspath(path)).as_posix()


@dataclass
class SiteArticles:
    """The build's articles of a site (drafts included, undated ones dated from git as the build does)."""

    site: Site
    files: Files
    entries: list[Entry]
    unreadable: list[tuple[File, str, int]] = field(default_factory=list)

    def shown(self, article: Article) -> str:
        """`docs/articles/x.md` for an article of this site."""
        return shown_path(self.site.docs / article.path)


def site_articles(site: Site) -> SiteArticles:
    """Every article of the site, read by the build's own `Collection`; unreadable pages are kept
    aside (`unreadable`) for the caller to report."""
    files = get_files(site.config)
    drop_link_loops(files, site.config)  # as the build does: the copies seen through a loop are not articles
    unreadable: list[tuple[File, str, int]] = []
    collection = Collection(
        site.options, RecordCache(), lambda file, reason, line: unreadable.append((file, reason, line))
    )
    entries = collection.read(files, site.config)
    return SiteArticles(site, files, entries, unreadable)


def articles(site: Site) -> list[Article]:
    """Every readable article of the site; unreadable pages are reported on stderr."""
    found = site_articles(site)
    for file, reason, line in found.unreadable:
        print(f"{shown_path(file.abs_src_path or file.src_uri)}:{line}: {reason}", file=sys.stderr)
    return [entry.article for entry in found.entries]
