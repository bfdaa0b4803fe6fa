"""The article model: one framework-free record per article, read once.

>>> from jisik.model import parse_article
>>> article = parse_article(text, "articles/ai-burnout.md")
>>> article.title, article.tags, article.summary
"""

from .article import (
    EMPTY_FILE,
    RELATED_HEADING,
    Article,
    Entry,
    Problem,
    Prompt,
    Source,
    listed,
    parse_article,
    scan_blocks,
)
from .dates import DEFAULT_TIMEZONE, DateError, get_timezone, parse_date

__all__ = [
    "DEFAULT_TIMEZONE",
    "EMPTY_FILE",
    "RELATED_HEADING",
    "Article",
    "DateError",
    "Entry",
    "Problem",
    "Prompt",
    "Source",
    "get_timezone",
    "listed",
    "parse_article",
    "parse_date",
    "scan_blocks",
]
