"""The site deployed under a repository path, as GitHub Pages serves it: every internal URL answers."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from support import REPO_PATH, Deployed

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9",
}
REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes


def fetch(url: str) -> Response:
    """GET a URL as a browser sends it: non-ASCII percent-encoded as UTF-8, existing escapes kept."""
    parts = urlsplit(url)
    wire = parts._replace(path=quote(parts.path, safe="/%:@!$&'()*+,;=-._~"), fragment="").geturl()
    try:
        with urllib.request.urlopen(wire, timeout=10) as answer:
            return Response(answer.status, answer.headers.get_content_type(), answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, "", b"")


def _html_references(base: str, html: bytes) -> Iterator[str]:
    soup = BeautifulSoup(html, "lxml")
    for tag, attribute in REFERENCES.items():
        for element in soup.find_all(tag):
            if element.get(attribute):
                yield urljoin(base, element[attribute])
    for script in soup.select('script[type="application/ld+json"]'):
        yield from _json_strings(json.loads(script.get_text()))
    config = soup.select_one("script#__config")  # Material loads its search worker from here
    if config is not None:
        yield urljoin(base, json.loads(config.get_text())["search"])


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str) and value.startswith("http"):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _xml_references(body: bytes) -> Iterator[str]:
    """Every URL of an RSS feed (channel, items, enclosures, full content) or of a sitemap."""
    tree = ET.fromstring(body)
    for element in tree.iter():
        if element.tag in ("link", "guid", f"{{{NS['sitemap']}}}loc") and element.text:
            yield element.text.strip()
        for attribute in ("href", "url"):
            if element.get(attribute):
                yield str(element.get(attribute))
    for item in tree.iterfind("channel/item"):
        link = item.findtext("link", "")
        for content in item.iterfind("content:encoded", NS):
            yield from _html_references(link, (content.text or "").encode())


def _json_feed_references(body: bytes) -> Iterator[str]:
    feed = json.loads(body)
    yield from _json_strings({k: v for k, v in feed.items() if k != "items"})
    for item in feed["items"]:
        yield from _json_strings({k: v for k, v in item.items() if k != "content_html"})
        yield from _html_references(item["url"], item.get("content_html", "").encode())


def _css_references(base: str, body: bytes) -> Iterator[str]:
    for target in re.findall(r"""url\(\s*['"]?([^'")]+)""", body.decode("utf-8", "replace")):
        if not target.startswith("data:"):
            yield urljoin(base, target)


@dataclass
class Crawl:
    root: str
    seen: dict[str, str] = field(default_factory=dict)  # resource → the page that referred to it first
    broken: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # resource → content type

    def key(self, url: str) -> str | None:
        """The resource a URL names on this site (decoded, no fragment), or None for other sites."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(self.root).netloc:
            return None
        return parts._replace(path=unquote(parts.path), query="", fragment="").geturl()

    def run(self, seeds: list[str]) -> None:
        queue = [(seed, "(seed)") for seed in seeds]
        while queue:
            url, referrer = queue.pop()
            key = self.key(url)
            if key is None or key in self.seen:
                continue
            self.seen[key] = referrer
            answer = fetch(url)
            if answer.status != 200:
                self.broken.append(f"{answer.status} {url}  (from {referrer})")
                continue
            self.kinds[key] = answer.content_type
            queue.extend((found, key) for found in self.references(key, answer))

    def references(self, url: str, answer: Response) -> Iterator[str]:
        path = urlsplit(url).path
        if answer.content_type == "text/html":
            yield from _html_references(url, answer.body)
        elif path.endswith(".xml"):
            yield from _xml_references(answer.body)
        elif path.endswith("feed.json"):
            yield from _json_feed_references(answer.body)
        elif answer.content_type == "text/css":
            yield from _css_references(url, answer.body)


def test_every_internal_url_answers_under_the_repository_path(deployed_site: Deployed) -> None:
    root = deployed_site.root
    # served as Pages serves a project site: a URL that lost the repository path is a 404, not a hit
    origin = root.removesuffix(REPO_PATH) + "/"
    assert fetch(origin + "feed.xml").status == 404 and fetch(root + "feed.xml").status == 200
    crawl = Crawl(root)
    # the home page; the sitemap; the search page and the Pagefind files its script fetches; the page
    # Pages shows for 404s
    pagefind = [root + "pagefind/pagefind.js", root + "pagefind/pagefind-entry.json"]
    crawl.run(
        [
            root,
            root + "sitemap.xml",
            root + "search/?q=%EB%B2%88%EC%95%84%EC%9B%83",
            *pagefind,
            root + "404.html",
        ]
    )
    summary = f"crawled {len(crawl.seen)} URLs under {root}"
    assert not crawl.broken, f"{summary}; {len(crawl.broken)} broken:\n" + "\n".join(sorted(crawl.broken))

    # the crawl really went everywhere: every page, every feed, every image of the built site
    site = deployed_site.built.site_dir
    built = {
        root + "/".join(path.relative_to(site).parts)
        for pattern in ("**/index.html", "**/feed.xml", "**/feed.json", "assets/**/*.png")
        for path in site.glob(pattern)
    }
    reached = {url + "index.html" if url.endswith("/") else url for url in crawl.seen}
    assert not built - reached, f"{summary}; never linked: {sorted(built - reached)}"
    decoded_root = unquote(root)
    for expected in [
        "tags/보안/feed.xml",  # a Korean tag's feed, from the tag page's <head>
        "articles/2026-11-20-개인정보-보안/",  # a Korean file name
        "assets/도표.png",  # an image with a Korean name
        "assets/prompts/2026-11-27-ai-burnout-1.png",  # a bound prompt image (also the feed's enclosure)
        "tags/c-sharp/",
    ]:
        assert decoded_root + expected in crawl.seen, f"{summary}; {expected} not reached"
    feed_types = {kind for url, kind in crawl.kinds.items() if url.endswith("feed.xml")}
    assert feed_types <= {"application/xml", "text/xml"}, f"{summary}; feeds served as {feed_types}"
