"""A sitemap beside every feed that a page's `<head>` links from a folder other than the site root.

Material for MkDocs reads every `<link rel="alternate">` as an alternate version of the site (its
language selector) and fetches `sitemap.xml` from the folder of its `href` (`new URL("sitemap.xml",
href)`): for a tag feed, `tags/<slug>/sitemap.xml`, a 404 on every tag page. The Sitemaps protocol
lets a sitemap list the URLs of its own folder and below, so the tag folder gets one listing the tag's
pages: a valid sitemap, and the request succeeds."""

from __future__ import annotations

from xml.sax.saxutils import escape

SITEMAP_NAME = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def folder_sitemap(urls: list[str]) -> bytes:
    """A sitemap of `urls` (absolute, all in the sitemap's folder or below)."""
    body = "".join(f"  <url>\n    <loc>{escape(url)}</loc>\n  </url>\n" for url in urls)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n{body}</urlset>\n'
    ).encode()
