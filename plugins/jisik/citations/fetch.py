"""`jisik sources fetch-titles`: fill the title cache from the cited pages themselves.

Runs only from the command line, never during a build: a build must not depend on the network.
Each page is read with a timeout and a size limit; only `text/html` answers are used; titles the
writer put in the cache are never replaced unless asked to.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit, urlunsplit

from ..model import Article
from ..model.conventions import is_http_url
from .titles import TitleCache

USER_AGENT = "jisik/0.1 (source title fetcher; +https://pypi.org/project/jisik/)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _TitleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og_title: str | None = None
        self.title_parts: list[str] = []
        self._in_title = False
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and (values.get("property") or values.get("name") or "").lower() == "og:title":
            self.og_title = (values.get("content") or "").strip() or None
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)


def title_from_html(html: str) -> str | None:
    """`og:title` when the page has one (it rarely carries the site name), else `<title>`."""
    parser = _TitleParser()
    parser.feed(html)
    title = parser.og_title or "".join(parser.title_parts)
    title = " ".join(unescape(title).split())
    return title or None


def decode(body: bytes, declared: str | None) -> str:
    """Decode with the declared charset, a `<meta charset>`, UTF-8, then CP949 (Korean sites)."""
    candidates = [declared]
    if meta := _META_CHARSET.search(body[:4096]):
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp949"]
    for name in candidates:
        if not name:
            continue
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


# What RFC 3986 lets stand in a path or a query; everything else (Hangul, spaces…) is percent-encoded
# as UTF-8. `%` stays, so a URL written already encoded is sent as written.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def _idna(host: str) -> str:
    """A Unicode host as browsers send it: IDNA 2008 with UTS #46 mapping, non-transitional (`faß.de`
    is `xn--fa-hia.de`, not `fass.de`), else IDNA 2003 (Python's codec: symbols such as `☃.net`)."""
    try:
        import idna

        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except ImportError:
        pass
    except (idna.IDNAError, UnicodeError):
        pass
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"the host {host!r} cannot be encoded (IDNA): {exc}") from None


def iri_to_uri(url: str) -> str:
    """The URL a server can be asked for (RFC 3987): a Unicode host in IDNA (`xn--…`), Unicode in the
    path and query percent-encoded as UTF-8; the fragment is never sent. Raises `ValueError` for a
    host that cannot be encoded."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if not host.isascii():
        host = _idna(host)
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    netloc = host
    if parts.port is not None:
        netloc = f"{host}:{parts.port}"
    if parts.username is not None:
        userinfo = quote(parts.username, safe="%!$&'()*+,;=-._~")
        if parts.password is not None:
            userinfo += ":" + quote(parts.password, safe="%!$&'()*+,;=-._~")
        netloc = f"{userinfo}@{netloc}"
    path = quote(parts.path, safe=_PATH_SAFE) or "/"
    return urlunsplit((parts.scheme, netloc, path, quote(parts.query, safe=_QUERY_SAFE), ""))


def _read_until(response: http.client.HTTPResponse, limit: int, deadline: float, timeout: float) -> bytes:
    """At most `limit` bytes of the body, read before `deadline`: the socket timeout alone bounds each
    read, so a server trickling a byte every few seconds would otherwise hold the page for hours."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page took more than {timeout:g} s")
        chunk = response.read1(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch_title(url: str, *, timeout: float, max_bytes: int) -> str:
    """The title of the page at `url` (an IRI is encoded first); raises `OSError`/`ValueError` with a
    readable reason."""
    request = urllib.request.Request(
        iri_to_uri(url), headers={"User-Agent": USER_AGENT, "Accept": "text/html"}
    )
    deadline = time.monotonic() + timeout
    with urllib.request.urlopen(request, timeout=timeout) as response:
        kind = response.headers.get_content_type()
        if kind not in ("text/html", "application/xhtml+xml"):
            raise ValueError(f"not an HTML page ({kind})")
        body = _read_until(response, max_bytes + 1, deadline, timeout)
        charset = response.headers.get_content_charset()
    if len(body) > max_bytes:
        body = body[:max_bytes]  # the title is near the top; a cut page is still read
    title = title_from_html(decode(body, charset))
    if title is None:
        raise ValueError("the page has no <title> or og:title")
    return title


def cited_urls(articles: Iterable[Article]) -> list[str]:
    """Every http(s) URL the articles cite without a title of the writer's own, in order."""
    urls: dict[str, None] = {}
    for article in articles:
        for source in article.sources:
            if source.url and is_http_url(source.url) and not source.title:
                urls.setdefault(source.url)
    return list(urls)


@dataclass
class FetchReport:
    added: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    known: int = 0


def fetch_titles(
    urls: Iterable[str],
    cache: TitleCache,
    *,
    timeout: float = 10.0,
    max_bytes: int = 1_000_000,
    refresh: bool = False,
    workers: int = 4,
    progress: Callable[[str, str | None, str | None], None] | None = None,
) -> FetchReport:
    """Fetch the titles the cache lacks (all of them with `refresh`) and add them to `cache`."""
    report = FetchReport()
    wanted = []
    for url in urls:
        if url in cache.titles and not refresh:
            report.known += 1
        else:
            wanted.append(url)

    def one(url: str) -> tuple[str, str | None, str | None]:
        try:
            return url, fetch_title(url, timeout=timeout, max_bytes=max_bytes), None
        except urllib.error.HTTPError as exc:
            return url, None, f"HTTP {exc.code}"
        except http.client.HTTPException as exc:
            # a host http.client refuses (`exa mple.com`), a server that does not speak HTTP, a header
            # line too long…: that page fails, the others go on
            return url, None, " ".join(f"{type(exc).__name__}: {exc}".split()).rstrip(":")
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            return url, None, str(reason)

    # Each title is added as soon as its page answers (not in the order asked), so a run stopped with
    # Ctrl-C keeps every title fetched so far; the pages still loading are left behind, not waited for.
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        for future in as_completed([pool.submit(one, url) for url in wanted]):
            url, title, error = future.result()
            if title is not None:
                cache.titles[url] = title
                report.added[url] = title
            else:
                report.failed[url] = error or "unknown error"
            if progress is not None:
                progress(url, title, error)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return report
