"""`jisik check [DOCS]`: what would hurt the site, as `file:line: level: message`, without a build."""

from __future__ import annotations

import argparse
import dataclasses

from mkdocs.structure.files import InclusionLevel

from ..checks import Finding, check
from ..model import Article, parse_article
from ..model.frontmatter import normalise_newlines
from ..wikilinks.reader import for_site
from ..wikilinks.resolve import Resolver, explain
from .common import SiteArticles, add_site_arguments, load_site, shown_path, site_articles


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def run(args: argparse.Namespace) -> int:
    if args.folder is not None:
        args.docs = args.folder
    site = load_site(args)
    read = site_articles(site)
    findings: list[Finding] = [
        Finding(shown_path(file.abs_src_path or file.src_uri), line, "error", reason)
        for file, reason, line in read.unreadable
    ]
    articles: list[Article] = [entry.article for entry in read.entries]
    # checked by their paths in docs_dir (links name them so), shown by their paths here
    shown = {article.path: read.shown(article) for article in articles}
    links = site.options.wikilinks.enabled
    checked = [dataclasses.replace(f, path=shown.get(f.path, f.path)) for f in check(articles, links=links)]
    pages = _page_links(read, articles) if links else []
    findings = sorted([*findings, *checked, *pages])
    for finding in findings:
        print(finding.format(level=True))
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    print(f"{_count(len(articles), 'article')} checked: {counts}")
    return 1 if errors else 0


def _page_links(read: SiteArticles, articles: list[Article]) -> list[Finding]:
    """The pages that are no article (the home page, `article: false` pages) are rendered with
    wikilinks too: their links that reach no article, as the build warns them (`page_content`)."""
    config = read.site.config
    reader = for_site(config.markdown_extensions, config.mdx_configs)
    resolver = Resolver(articles)
    skipped = {a.path for a in articles} | {file.src_uri for file, _reason, _line in read.unreadable}
    found = []
    for file in read.files.documentation_pages():
        if file.generated_by or file.src_uri in skipped or file.inclusion == InclusionLevel.DRAFT:
            continue  # a draft page is not built (`mkdocs serve` shows it)
        try:
            text = normalise_newlines(file.content_string)
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports a page it cannot read
        for link in parse_article(text, file.src_uri, read_links=reader).links:
            resolution = resolver.resolve(link, file.src_uri) if link.kind == "wiki" else None
            if resolution is not None and resolution.outcome != "ok":
                where = shown_path(file.abs_src_path or file.src_uri)
                message = f"{link.written}: {explain(resolution, link)}"
                found.append(Finding(where, link.line or 1, "warning", message, "broken-link"))
    return found


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="report what would hurt the site (no date, no tags, bad sources, tag URL clashes, …)",
        description="Check every article of the site (the pages a build takes as articles, by the rules "
        "of mkdocs.yml) without a build. Exit code 1 if there are errors.",
    )
    parser.add_argument(
        "folder", nargs="?", metavar="DOCS", help="a docs folder instead of the config's docs_dir (= --docs)"
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)
