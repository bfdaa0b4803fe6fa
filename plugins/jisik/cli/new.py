"""`jisik new "제목"`: a new draft article dated today, and how to see and publish it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.files import get_files

from ..checks import title_key
from ..collection import article_pages
from ..importer import article_filename, skeleton, today_in
from ..importer.files import write_new
from ..model import DEFAULT_TIMEZONE, RELATED_HEADING
from .common import Site, UsageError, add_site_arguments, shown_path, site_here
from .importer import DEFAULT_OUTPUT, existing_titles, output_folder


def serve_url(site: Site, target: Path) -> str | None:
    """Where `mkdocs serve` shows the new page (None when the build would not take it as an article)."""
    real = os.path.realpath(target)  # MkDocs follows links: the page may be a linked folder's file
    page = next(
        (
            f
            for f in article_pages(get_files(site.config), site.options)
            if os.path.realpath(f.abs_src_path or "") == real
        ),
        None,
    )
    if page is None:
        return None
    mount = urlsplit(site.config.site_url or "").path or "/"
    mount = mount if mount.endswith("/") else mount + "/"
    return f"http://{site.config.dev_addr}{mount}{page.url}"


def run(args: argparse.Namespace) -> int:
    title = " ".join(args.title.split())
    if not title:
        raise UsageError("the title is empty")
    site = site_here(args)
    date = today_in(site.timezone if site else (args.timezone or DEFAULT_TIMEZONE))
    if args.output is None and site is not None:
        output = output_folder(shown_path(site.docs / "articles"))
    else:
        output = output_folder(args.output)
    key = title_key(title)
    same = next((path for path, known in existing_titles(output).items() if known == key), None)
    if same is not None:
        print(f"jisik: an article with this title already exists: {same}", file=sys.stderr)
        return 1
    heading = site.options.related.heading if site else RELATED_HEADING
    data = skeleton(title, date, heading, draft=True).encode("utf-8")
    number = 1
    while True:
        target = output / article_filename(date, title, number)
        number += 1
        try:
            write_new(target, data)
        except FileExistsError:
            continue
        break
    print(shown_path(target))
    url = serve_url(site, target) if site is not None else None
    where = (
        f"`mkdocs serve` shows it at {url} (open that address: drafts are listed nowhere)"
        if url
        else (
            "it is not in the site's articles (see docs_dir and articles.paths in mkdocs.yml)"
            if site is not None
            else "`mkdocs serve` shows it (drafts are listed nowhere: open its address)"
        )
    )
    print(
        f"jisik: {shown_path(target)} is a draft (`draft: true`): {where}; `mkdocs build`, the home "
        "page, tag pages and feeds leave it out.\n"
        "jisik: to publish it, delete the line `draft: true` from its front matter.",
        file=sys.stderr,
    )
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "new",
        help="write a new draft article dated today",
        description="Write a new article (a draft: `draft: true`) dated today in the site's "
        "docs_dir/articles, and say where `mkdocs serve` shows it and how to publish it.",
    )
    parser.add_argument("title", help="the title of the article")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=f"folder for the article (default: the config's docs_dir/articles, else {DEFAULT_OUTPUT})",
    )
    add_site_arguments(parser, docs_option=False)
    parser.set_defaults(run=run)
