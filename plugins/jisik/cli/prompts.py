"""`jisik prompts [--missing] [--json] [--run CMD]`: every prompt of the site's articles and the image
it expects, without a build; `--run` makes the missing images with the writer's own generator."""

from __future__ import annotations

import argparse
import json
import posixpath
import sys

from ..figures.binding import bind
from ..figures.report import PromptRow, rows, table
from .common import UsageError, add_site_arguments, load_site, shown_path, site_articles
from .generate import PLACEHOLDERS, generate


def run(args: argparse.Namespace) -> int:
    site = load_site(args)
    read = site_articles(site)
    for file, reason, line in read.unreadable:
        print(f"{shown_path(file.abs_src_path or file.src_uri)}:{line}: {reason}", file=sys.stderr)
    present = {file.src_uri for file in read.files}
    folder = args.images or site.options.figures.images
    inside = posixpath.normpath(folder)
    if inside.startswith("/") or inside == ".." or inside.startswith("../"):
        raise UsageError(f"--images {folder}: the image folder must be inside the docs folder ({site.docs})")
    base = site.config.site_url or ""
    bound = [
        (entry.article, base + entry.url, bind(entry.article, present.__contains__, folder))
        for entry in read.entries
        if entry.article.prompts
    ]
    only_missing = args.missing or args.generator is not None
    listed = [row for row in rows(bound) if not (only_missing and row.binding.exists)]
    if args.generator is not None:
        template = args.generator or site.options.figures.generator
        if not template:
            raise UsageError(
                "--run needs the generator command: --run 'CMD {prompt} {path}', "
                "or figures.generator in mkdocs.yml"
            )
        return generate(listed, site.docs, template, jobs=args.jobs, timeout=args.timeout, size=args.size)
    if args.json:
        json.dump([_json(row) for row in listed], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(table(listed))
    return 0


def _json(row: PromptRow) -> dict[str, object]:
    """A row of prompts.json, and whether its article is a draft (prompts.json lists none)."""
    return {**row.as_json(), "draft": row.article.draft}


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds more than 0, not {text}")
    return value


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    placeholders = "; ".join(f"{{{name}}}: {meaning}" for name, meaning in PLACEHOLDERS.items())
    prompts = commands.add_parser(
        "prompts",
        help="list image prompts and the images they expect; --run makes the missing ones",
        description="List every prompt of the site's articles (drafts included) and the image the build "
        "binds to it. The last column is the text to paste into an image generator: the prompt with its "
        "ratio, what the figure's copy button copies.",
        epilog=f"--run placeholders: {placeholders}. Each becomes (part of) one argument; no shell runs "
        "the command.",
    )
    add_site_arguments(prompts)
    prompts.add_argument("--missing", action="store_true", help="only prompts whose image does not exist yet")
    prompts.add_argument("--json", action="store_true", help="print JSON (the rows of prompts.json)")
    prompts.add_argument("--images", help="image folder in docs (default: the config's figures.images)")
    prompts.add_argument(
        "--run",
        dest="generator",
        nargs="?",
        const="",
        metavar="CMD",
        help="run CMD for each missing image, e.g. 'python gen.py {prompt} {path}' "
        "(without CMD: figures.generator of mkdocs.yml)",
    )
    prompts.add_argument(
        "--jobs", type=_positive_int, default=1, metavar="N", help="generators run at once (1)"
    )
    prompts.add_argument(
        "--timeout", type=_positive_float, default=300.0, metavar="S", help="seconds per image (300)"
    )
    prompts.add_argument(
        "--size",
        type=_positive_int,
        default=1024,
        metavar="PX",
        help="long side for {width}/{height} (1024)",
    )
    prompts.set_defaults(run=run)
