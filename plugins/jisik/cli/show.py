"""`jisik show FILE…`: the record jisik reads from articles, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model import Article, parse_article


def record_json(article: Article) -> dict[str, object]:
    return {
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "tags": list(article.tags),
        "sources": [{"url": s.url, "title": s.title, "line": s.line} for s in article.sources],
        "prompts": [
            {"text": p.text, "ratio": f"{p.ratio[0]}:{p.ratio[1]}", "line": p.line} for p in article.prompts
        ],
        "summary": article.summary,
        "draft": article.draft,
        "problems": [p.format(article.path) for p in article.problems],
    }


def run(args: argparse.Namespace) -> int:
    status = 0
    records = []
    for name in args.files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            status = 1
            continue
        records.append(record_json(parse_article(text, name, timezone=args.timezone)))
    shown = records if len(args.files) > 1 else (records[0] if records else None)
    json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return status


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = commands.add_parser("show", help="print the record jisik reads from articles, as JSON")
    show.add_argument("files", nargs="+", help="Markdown articles")
    show.add_argument("--timezone", default="Asia/Seoul", help="zone of dates written without one")
    show.set_defaults(run=run)
