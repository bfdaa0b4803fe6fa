"""`jisik new "제목"`: a new article skeleton dated today."""

from __future__ import annotations

import argparse
import sys

from ..checks import title_key
from ..importer import article_filename, skeleton, today_in
from ..importer.files import write_new
from ..model import DEFAULT_TIMEZONE
from .common import UsageError
from .importer import DEFAULT_OUTPUT, existing_titles, output_folder


def run(args: argparse.Namespace) -> int:
    title = " ".join(args.title.split())
    if not title:
        raise UsageError("the title is empty")
    date = today_in(args.timezone)
    output = output_folder(args.output)
    key = title_key(title)
    same = next((path for path, known in existing_titles(output).items() if known == key), None)
    if same is not None:
        print(f"jisik: an article with this title already exists: {same}", file=sys.stderr)
        return 1
    data = skeleton(title, date).encode("utf-8")
    number = 1
    while True:
        target = output / article_filename(date, title, number)
        number += 1
        try:
            write_new(target, data)
        except FileExistsError:
            continue
        break
    print(target)
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("new", help="write a new article skeleton dated today")
    parser.add_argument("title", help="the title of the article")
    parser.add_argument(
        "-o", "--output", metavar="DIR", help=f"folder for the article (default: {DEFAULT_OUTPUT})"
    )
    parser.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="zone that decides what 'today' is")
    parser.set_defaults(run=run)
