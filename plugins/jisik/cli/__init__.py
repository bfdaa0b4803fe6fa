"""The `jisik` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..citations.fetch import cited_urls, fetch_titles
from ..citations.titles import TITLES_FILE, TitleCache
from ..figures.binding import IMAGE_FOLDER, bind
from ..figures.report import rows, table
from ..model import Article, parse_article


def _record_json(article: Article) -> dict[str, object]:
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


def _show(args: argparse.Namespace) -> int:
    status = 0
    records = []
    for name in args.files:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            status = 1
            continue
        article = parse_article(text, name, timezone=args.timezone)
        records.append(_record_json(article))
    json.dump(
        records if len(args.files) > 1 else (records[0] if records else None),
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )
    print()
    return status


def _fetch_titles(args: argparse.Namespace) -> int:
    docs = Path(args.docs)
    if not docs.is_dir():
        print(f"jisik: docs folder {docs} does not exist", file=sys.stderr)
        return 2
    titles_path = docs / args.titles
    cache, problem = TitleCache.load(titles_path)
    if problem is not None:
        print(problem.format(str(titles_path)), file=sys.stderr)
        return 2
    urls = cited_urls(docs)

    def progress(url: str, title: str | None, error: str | None) -> None:
        print(f"  ok   {url}\n       → {title}" if title else f"  FAIL {url}: {error}")

    report = fetch_titles(
        urls, cache, timeout=args.timeout, max_bytes=args.max_bytes, refresh=args.refresh, progress=progress
    )
    if report.added:
        cache.save()
    print(
        f"{len(urls)} cited URLs: {len(report.added)} titles added to {titles_path}, "
        f"{report.known} already known, {len(report.failed)} failed"
    )
    return 1 if report.failed else 0


def _prompts(args: argparse.Namespace) -> int:
    docs = Path(args.docs)
    if not docs.is_dir():
        print(f"jisik: docs folder {docs} does not exist", file=sys.stderr)
        return 2
    bound = []
    for path in sorted(docs.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            continue
        article = parse_article(text, path.relative_to(docs).as_posix(), timezone=args.timezone)
        if article.prompts:
            bound.append((article, None, bind(article, lambda p: (docs / p).is_file(), args.images)))
    listed = [row for row in rows(bound) if not (args.missing and row.binding.exists)]
    if args.json:
        json.dump([row.as_json() for row in listed], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(table(listed))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jisik", description="jisik: 한국어 지식 베이스 도구")
    parser.add_argument("--version", action="version", version=f"jisik {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the record jisik reads from articles, as JSON")
    show.add_argument("files", nargs="+", help="Markdown articles")
    show.add_argument("--timezone", default="Asia/Seoul", help="zone of dates written without one")
    show.set_defaults(run=_show)

    prompts = commands.add_parser("prompts", help="list image prompts and the images they expect")
    prompts.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    prompts.add_argument("--missing", action="store_true", help="only prompts whose image does not exist yet")
    prompts.add_argument("--json", action="store_true", help="print JSON (the same rows as prompts.json)")
    prompts.add_argument("--images", default=IMAGE_FOLDER, help=f"image folder in docs ({IMAGE_FOLDER})")
    prompts.add_argument("--timezone", default="Asia/Seoul", help=argparse.SUPPRESS)
    prompts.set_defaults(run=_prompts)

    sources = commands.add_parser("sources", help="cited sources")
    source_commands = sources.add_subparsers(dest="sources_command", required=True)
    fetch = source_commands.add_parser(
        "fetch-titles", help="fill the source title cache from the cited pages (needs the network)"
    )
    fetch.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    fetch.add_argument(
        "--titles", default=TITLES_FILE, help=f"cache file inside the docs folder ({TITLES_FILE})"
    )
    fetch.add_argument("--timeout", type=float, default=10.0, help="seconds per page (default: 10)")
    fetch.add_argument(
        "--max-bytes", type=int, default=1_000_000, help="bytes read per page (default: 1000000)"
    )
    fetch.add_argument("--refresh", action="store_true", help="fetch again titles already in the cache")
    fetch.set_defaults(run=_fetch_titles)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ValueError as exc:
        print(f"jisik: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
