"""An article's HTML made fit for a feed reader: absolute URLs, no page-only controls. Pure: the
capabilities' own page-only markup is theirs to take out (`Capability.for_feeds`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin

_URL_ATTR = re.compile(r'(?P<name>\s(?:href|src|poster))="(?P<url>[^"]*)"')
_SRCSET = re.compile(r'\ssrcset="[^"]*"')
_DROP = [
    re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.DOTALL),  # the reader shows the item title already
    re.compile(r"<button\b[^>]*>.*?</button>", re.DOTALL),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL),  # the toc extension's permalinks
]


def feed_html(html: str, page_url: str, page_only: Callable[[str], str] = lambda html: html) -> str:
    """Make every link and image absolute against `page_url`; drop the title, buttons and permalinks,
    then what `page_only` takes out (each capability's own page-only markup: `Capability.for_feeds`)."""
    for pattern in _DROP:
        html = pattern.sub("", html)
    html = page_only(html)
    html = _SRCSET.sub("", html)
    return _URL_ATTR.sub(lambda m: f'{m.group("name")}="{_absolute(page_url, m.group("url"))}"', html)


def _absolute(page_url: str, url: str) -> str:
    try:
        absolute = urljoin(page_url, url)
    except ValueError:  # raw HTML with a URL that cannot be read (`http://[::1`): a link to nowhere
        return "#"
    scheme = absolute.split(":", 1)[0].lower() if ":" in absolute else ""
    return absolute if scheme in ("http", "https", "mailto") else "#"
