"""An article's HTML made fit for a feed reader: absolute URLs, no page-only controls. Pure."""

from __future__ import annotations

import re
from urllib.parse import urljoin

_URL_ATTR = re.compile(r'(?P<name>\s(?:href|src|poster))="(?P<url>[^"]*)"')
_SRCSET = re.compile(r'\ssrcset="[^"]*"')
_DROP = [
    re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.DOTALL),  # the reader shows the item title already
    re.compile(r"<button\b[^>]*>.*?</button>", re.DOTALL),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL),
    re.compile(r'<div[^>]*class="jisik-figure__placeholder"[^>]*>.*?</div>', re.DOTALL),
    # The related list is filled in on the site only: its heading would stand over nothing (it stays
    # when the writer put text of their own under it).
    re.compile(
        r'<h([1-6])\b[^>]*>(?:(?!</h\1>).)*</h\1>\s*<div class="jisik-related-slot"></div>'
        r"(?=\s*(?:<h[1-6]\b|$))",
        re.DOTALL,
    ),
    re.compile(r'<div class="jisik-related-slot"></div>'),
    re.compile(r'<span class="jisik-prompt__less">.*?</span>', re.DOTALL),  # the fold's 접기 label
    # The backlinks section is the site's navigation, and changes whenever another article links here:
    # an item would change in every reader without its article changing.
    re.compile(r'<section class="jisik-backlinks"[^>]*>.*?</section>', re.DOTALL),  # wikilinks
]


def feed_html(html: str, page_url: str) -> str:
    """Make every link and image absolute against `page_url`; drop copy buttons, permalinks and
    image placeholders (a reader shows the caption instead)."""
    for pattern in _DROP:
        html = pattern.sub("", html)
    html = _SRCSET.sub("", html)
    return _URL_ATTR.sub(lambda m: f'{m.group("name")}="{_absolute(page_url, m.group("url"))}"', html)


def _absolute(page_url: str, url: str) -> str:
    try:
        absolute = urljoin(page_url, url)
    except ValueError:  # raw HTML with a URL that cannot be read (`http://[::1`): a link to nowhere
        return "#"
    scheme = absolute.split(":", 1)[0].lower() if ":" in absolute else ""
    return absolute if scheme in ("http", "https", "mailto") else "#"
