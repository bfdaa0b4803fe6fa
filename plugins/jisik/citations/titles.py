"""Readable titles and domains for cited URLs, and the editable title cache. Pure except for file I/O."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ..model import Problem, Source
from ..model.conventions import is_http_url
from ..model.text import one_line

TITLES_FILE = "source-titles.yml"


def domain(url: str) -> str | None:
    """`https://www.techcrunch.com/x` gives `techcrunch.com`; punycode hosts are shown in Unicode."""
    if not is_http_url(url):
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if "xn--" in host:
        with contextlib.suppress(UnicodeError):
            host = host.encode("ascii").decode("idna")
    return host or None


def derived_title(url: str) -> str:
    """A readable title from the URL alone: the decoded last path part, or the domain.

    `https://news.example.kr/2026/%EB%B2%88%EC%95%84%EC%9B%83-%EB%B6%84%EC%84%9D.html` gives
    `번아웃 분석`.
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    host = domain(url) or url
    if not segments:
        return host
    last = unquote(segments[-1])
    last = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", last, flags=re.IGNORECASE)
    words = " ".join(re.split(r"[-_+]+", last)).strip()
    if not words or words.isdigit():
        return host
    return words


@dataclass(frozen=True)
class Cited:
    """A source as an article shows it: numbered, with a title and, for http(s) URLs, a link."""

    number: int
    title: str
    url: str | None
    domain: str | None
    line: int | None

    @property
    def is_link(self) -> bool:
        return self.url is not None and is_http_url(self.url)


class TitleCache:
    """The `source-titles.yml` file in the docs folder: `URL: title` lines that writers can edit."""

    def __init__(self, titles: Mapping[str, str] | None = None, path: Path | None = None) -> None:
        self.titles = dict(titles or {})
        self.path = path

    @classmethod
    def load(cls, path: Path) -> tuple[TitleCache, Problem | None]:
        """Read the cache; a broken file gives a problem and an empty cache, never an exception."""
        if not path.exists():
            return cls(path=path), None
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            return cls(path=path), Problem(f"cannot read the source title cache: {exc}")
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            message = str(exc).split("\n")[0]
            return cls(path=path), Problem(f"source title cache is not valid YAML: {message}", line)
        if data is None:
            return cls(path=path), None
        if not isinstance(data, dict):
            return cls(path=path), Problem("source title cache must be `URL: title` lines", 1)
        # A title is one text: a list or mapping (maybe a YAML alias bomb, which `str` would expand
        # until memory runs out) is left out and reported.
        odd = [str(k) for k, v in data.items() if isinstance(v, (list, dict, set, bytes))]
        titles = {
            str(k): str(v).strip()
            for k, v in data.items()
            if v is not None and not isinstance(v, (list, dict, set, bytes)) and str(v).strip()
        }
        if odd:
            return cls(titles, path), Problem(
                f"source title cache: the title of {odd[0][:200]!r}"
                + (f" (and {len(odd) - 1} more)" if len(odd) > 1 else "")
                + " is not text; it is left out"
            )
        return cls(titles, path), None

    def save(self) -> None:
        """Write the cache atomically, sorted by URL, so diffs stay small."""
        assert self.path is not None
        text = "# URL → title of cited sources. Edit freely; `jisik sources fetch-titles` only adds.\n"
        text += yaml.safe_dump(dict(sorted(self.titles.items())), allow_unicode=True, width=1000)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".source-titles.", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, self.path)


def _text(title: str | None) -> str:
    """A title as one line of text: control characters dropped, spacing folded."""
    return one_line(title) if title else ""


def cite(sources: Iterable[Source], cache: TitleCache) -> list[Cited]:
    """Number an article's sources (one entry per URL) and give each its best title.

    Title order: the writer's own (front matter or `출처: 제목 URL`), the cache, the URL itself.
    """
    cited: list[Cited] = []
    seen: dict[str, int] = {}
    for source in sources:
        key = source.url or f"title:{source.title}"
        if key in seen:
            continue
        seen[key] = len(cited)
        title = _text(source.title) or (_text(cache.titles.get(source.url)) if source.url else None)
        if not title and source.url:
            title = derived_title(source.url) if is_http_url(source.url) else source.url
        cited.append(
            Cited(
                number=len(cited) + 1,
                title=_text(title),
                url=source.url,
                domain=domain(source.url) if source.url else None,
                line=source.line,
            )
        )
    return cited
