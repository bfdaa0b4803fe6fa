"""schema.org `Article` JSON-LD for an article page, safe inside a `<script>` element."""

from __future__ import annotations

import json
import re
from typing import Any

from ..citations.titles import Cited
from ..model import Article
from ..model.dates import iso_datetime

# Inside <script>, `</script>` or `<!--` in any string would end or change the element: escape the
# characters that can start them (and the two line separators JavaScript once rejected).
_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
# A lone surrogate cannot be written as UTF-8: keep it as a JSON escape instead.
_SURROGATE = re.compile("[\ud800-\udfff]")


def article_jsonld(
    article: Article,
    cited: list[Cited],
    url: str | None,
    language: str,
    keywords: list[str],
    mentions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "inLanguage": language,
    }
    if url:
        data["url"] = url
    if article.date:
        data["datePublished"] = iso_datetime(article.date)
        data["dateModified"] = iso_datetime(article.updated or article.date)
    if article.description:
        data["description"] = article.description  # the same text as <meta name="description">
    if keywords:
        data["keywords"] = keywords
    citations = []
    for source in cited:
        work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
        if source.is_link:
            work["url"] = source.url
        citations.append(work)
    if citations:
        data["citation"] = citations
    if mentions:  # the articles this one links to ([[wikilinks]] and links to their pages)
        data["mentions"] = mentions
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON text that parses back to `data` and cannot close or comment out its `<script>`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    for char, escaped in _SCRIPT_SAFE:  # str.replace: far cheaper than str.translate with a dict
        if char in text:
            text = text.replace(char, escaped)
    return text


def script_tag(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{script_json(data)}</script>'
