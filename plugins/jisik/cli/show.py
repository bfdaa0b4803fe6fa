"""`jisik show FILE…`: the record jisik reads from articles, as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from ..citations.titles import TitleCache, cite
from ..model import DEFAULT_TIMEZONE, RELATED_HEADING, Article, parse_article
from ..wikilinks.resolve import Resolver, backlinks, explain
from .common import add_site_arguments, shown_path, site_articles, site_here


def record_json(
    article: Article, cache: TitleCache | None = None, titles_file: str = ""
) -> dict[str, object]:
    """The record as JSON. Sources are listed as the built article lists them (one per URL, numbered)
    with the title it shows and where that title comes from: the article itself, the title cache
    (`titles_file`), or the URL."""
    cache = cache or TitleCache()
    own = {s.url: s.title for s in article.sources if s.url and s.title}
    sources = []
    for cited in cite(article.sources, cache):
        if cited.url is None or own.get(cited.url):
            origin = "article"
        elif (cache.titles.get(cited.url) or "").strip():
            origin = titles_file or "titles file"
        else:
            origin = "url"
        sources.append(
            {
                "number": cited.number,
                "url": cited.url,
                "title": cited.title,
                "title_from": origin,
                "domain": cited.domain,
                "line": cited.line,
            }
        )
    return {
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "tags": list(article.tags),
        "sources": sources,
        "prompts": [
            {
                "text": p.text,
                "ratio": f"{p.ratio[0]}:{p.ratio[1]}",
                "paste": p.full_text,
                "line": p.line,
            }
            for p in article.prompts
        ],
        "summary": article.summary,
        "draft": article.draft,
        "aliases": list(article.aliases),
        "redirect_from": list(article.redirect_from),
        "problems": [p.format(article.path) for p in article.problems],
    }


def links_json(article: Article, resolver: Resolver) -> list[dict[str, object]]:
    """Each outgoing link: as written, its line, and the article it reaches (its path in `docs_dir`)
    or why it reaches none."""
    found: list[dict[str, object]] = []
    for link in article.links:
        resolution = resolver.resolve(link, article.path)
        # a Markdown link to a page that is no article (`../about.md`) works: MkDocs checks it
        fine = resolution.outcome == "ok" or (link.kind == "page" and resolution.outcome == "missing")
        found.append(
            {
                "kind": link.kind,
                "written": link.written,
                "line": link.line,
                "target": resolution.target if resolution.outcome == "ok" else None,
                "heading": resolution.heading,
                "problem": None if fine else explain(resolution, link),
            }
        )
    return found


def run(args: argparse.Namespace) -> int:
    site = site_here(args)
    if site is None:  # loose files, read with jisik's defaults
        built: dict[str, Article] = {}
        cache, titles_name = TitleCache(), ""
        timezone, heading = args.timezone or DEFAULT_TIMEZONE, RELATED_HEADING
    else:
        read = site_articles(site)
        # by the file itself: MkDocs follows symbolic links, so a linked file or folder in docs_dir is
        # the build's article under its name in docs_dir, wherever the link points
        pages = {file.src_uri: os.path.realpath(file.abs_src_path or "") for file in read.files}
        built = {pages[entry.article.path]: entry.article for entry in read.entries}
        titles_path = site.docs / site.options.citations.titles_file
        cache, problem = TitleCache.load(titles_path)
        if problem is not None:
            print(f"jisik: {problem.format(shown_path(titles_path))}", file=sys.stderr)
        titles_name = shown_path(titles_path)
        timezone, heading = site.timezone, site.options.related.heading
    status = 0
    records = []
    read_files: list[tuple[str, Article, bool]] = []
    for name in args.files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            status = 1
            continue
        # The build's own record (dates from git included) when the file is one of its articles.
        article = built.get(os.path.realpath(name))
        record = article or parse_article(text, name, timezone=timezone, related_heading=heading)
        read_files.append((name, article or record, article is not None))
    # wikilinks: links resolved among the site's articles (or the files given, without a site)
    corpus = list({a.path: a for a in [*built.values(), *(a for _n, a, _b in read_files)]}.values())
    resolver = Resolver(corpus)
    incoming = backlinks(
        {a.path: resolver.targets(a) for a in corpus if not a.draft},
        {a.path: a.sort_key for a in corpus if not a.draft},
    )
    for name, article, is_built in read_files:
        shown = record_json(replace(article, path=name), cache, titles_name)
        shown["links"] = links_json(article, resolver)
        shown["backlinks"] = incoming.get(article.path, [])
        shown["article"] = is_built if site is not None else None
        records.append(shown)
    output = records if len(args.files) > 1 else (records[0] if records else None)
    json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return status


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = commands.add_parser(
        "show",
        help="print the record jisik reads from articles, as JSON",
        description="Print the record a build reads from each file, as JSON: `article` says whether the "
        "build takes the file as an article (mkdocs.yml's docs_dir, articles.paths, home.page, "
        "`article: false`), and each source has the title the built article shows.",
    )
    show.add_argument("files", nargs="+", help="Markdown articles")
    add_site_arguments(show)
    show.set_defaults(run=run)
