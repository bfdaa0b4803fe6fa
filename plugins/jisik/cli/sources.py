"""`jisik sources fetch-titles`: fill the source title cache from the cited pages."""

from __future__ import annotations

import argparse
import sys

from ..citations.fetch import cited_urls, fetch_titles
from ..citations.titles import TITLES_FILE, TitleCache
from .common import UsageError, add_site_arguments, articles, load_site, shown_path


def fetch(args: argparse.Namespace) -> int:
    site = load_site(args)
    titles_path = site.docs / (args.titles or site.options.citations.titles_file)
    cache, problem = TitleCache.load(titles_path)
    if problem is not None:
        raise UsageError(problem.format(shown_path(titles_path)))
    urls = cited_urls(articles(site))

    def progress(url: str, title: str | None, error: str | None) -> None:
        print(f"  ok   {url}\n       → {title}" if title else f"  FAIL {url}: {error}")

    before = dict(cache.titles)
    try:
        report = fetch_titles(
            urls,
            cache,
            timeout=args.timeout,
            max_bytes=args.max_bytes,
            refresh=args.refresh,
            progress=progress,
        )
    except KeyboardInterrupt:
        if cache.titles != before:  # Ctrl-C: keep what was fetched
            cache.save()
            added = sum(1 for url in cache.titles if cache.titles[url] != before.get(url))
            print(f"jisik: {added} titles fetched so far saved to {shown_path(titles_path)}", file=sys.stderr)
        raise
    if report.added:
        cache.save()
    print(
        f"{len(urls)} cited URLs: {len(report.added)} titles added to {shown_path(titles_path)}, "
        f"{report.known} already known, {len(report.failed)} failed"
    )
    return 1 if report.failed else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sources = commands.add_parser("sources", help="cited sources")
    source_commands = sources.add_subparsers(dest="sources_command", required=True)
    fetch_titles_parser = source_commands.add_parser(
        "fetch-titles", help="fill the source title cache from the cited pages (needs the network)"
    )
    add_site_arguments(fetch_titles_parser)
    fetch_titles_parser.add_argument(
        "--titles",
        help=f"cache file in the docs folder (default: the config's citations.titles_file, {TITLES_FILE})",
    )
    fetch_titles_parser.add_argument("--timeout", type=float, default=10.0, help="seconds per page (10)")
    fetch_titles_parser.add_argument(
        "--max-bytes", type=int, default=1_000_000, help="bytes per page (1000000)"
    )
    fetch_titles_parser.add_argument("--refresh", action="store_true", help="fetch known titles again")
    fetch_titles_parser.set_defaults(run=fetch)
