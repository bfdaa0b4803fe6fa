"""`jisik prompts [--missing] [--json]`: every prompt and the image it expects, without a build."""

from __future__ import annotations

import argparse
import json
import sys

from ..figures.binding import IMAGE_FOLDER, bind
from ..figures.report import rows, table
from .common import add_docs_argument, articles, docs_folder


def run(args: argparse.Namespace) -> int:
    docs = docs_folder(args)
    bound = [
        (article, None, bind(article, lambda p: (docs / p).is_file(), args.images))
        for article in articles(docs, args.timezone)
        if article.prompts
    ]
    listed = [row for row in rows(bound) if not (args.missing and row.binding.exists)]
    if args.json:
        json.dump([row.as_json() for row in listed], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(table(listed))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    prompts = commands.add_parser("prompts", help="list image prompts and the images they expect")
    add_docs_argument(prompts)
    prompts.add_argument("--missing", action="store_true", help="only prompts whose image does not exist yet")
    prompts.add_argument("--json", action="store_true", help="print JSON (the same rows as prompts.json)")
    prompts.add_argument("--images", default=IMAGE_FOLDER, help=f"image folder in docs ({IMAGE_FOLDER})")
    prompts.set_defaults(run=run)
