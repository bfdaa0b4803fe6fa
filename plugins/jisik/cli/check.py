"""`jisik check [DOCS]`: what would hurt the site, as `file:line: level: message`, without a build."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from ..checks import Finding, check
from ..model import DEFAULT_TIMEZONE, Article
from ..model.folder import Unreadable, read_folder
from .common import UsageError

HOME_PAGE = "index.md"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def run(args: argparse.Namespace) -> int:
    docs = Path(args.docs)
    if not docs.is_dir():
        raise UsageError(f"docs folder {docs} does not exist")
    findings: list[Finding] = []
    articles: list[Article] = []
    for path, record in read_folder(docs, args.timezone):
        if isinstance(record, Unreadable):
            findings.append(Finding(path.as_posix(), record.line, "error", record.reason))
        elif record.path != HOME_PAGE and record.meta.get("article") is not False:
            articles.append(dataclasses.replace(record, path=path.as_posix()))
    findings = sorted([*findings, *check(articles)])
    for finding in findings:
        print(finding.format(level=True))
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    print(f"{_count(len(articles), 'article')} checked: {counts}")
    return 1 if errors else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="report what would hurt the site (no date, no tags, bad sources, tag URL clashes, …)",
        description="Check every article of a docs folder without a build. Exit code 1 if there are errors.",
    )
    parser.add_argument("docs", nargs="?", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="zone of dates written without one")
    parser.set_defaults(run=run)
