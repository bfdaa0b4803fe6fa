"""What the `jisik` subcommands share: the docs folder argument and reading it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import Article
from ..model.folder import Unreadable, read_folder


class UsageError(Exception):
    """A mistake in how the command was called: printed as `jisik: …`, exit code 2."""


def add_docs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--timezone", default="Asia/Seoul", help="zone of dates written without one")


def docs_folder(args: argparse.Namespace) -> Path:
    docs = Path(args.docs)
    if not docs.is_dir():
        raise UsageError(f"docs folder {docs} does not exist")
    return docs


def articles(docs: Path, timezone: str) -> list[Article]:
    """Every readable article of the folder; unreadable files are reported on stderr."""
    found = []
    for path, record in read_folder(docs, timezone):
        if isinstance(record, Unreadable):
            print(f"{path}: {record.reason}", file=sys.stderr)
        else:
            found.append(record)
    return found
