"""The page Pagefind reads for each indexed page: its text, with every word's search terms beside it.

A word is written `word-~-term-term` (`떠났는데-~-떠나다`). Pagefind indexes the parts of a hyphenated word
at the word's own position, so the terms match where the word stands, while the page keeps one word per
word: excerpts and highlights stay where they were. The search page shows only what comes before `-~-`:
the word as written. Figures (image prompts), `¶` permalinks and anything marked `data-search-exclude`
or `data-pagefind-ignore` are left out; chips and related lists are added to pages after this is read.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .analysis import choseong, strip_particle

TAIL = "-~-"
"""What starts a word's terms. Pagefind indexes nothing for the `~` between the hyphens (a part that is
only punctuation), and a word of the text that holds `-~-` itself is written with `-~ -` instead."""

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_SKIP_CLASSES = {"headerlink", "jisik-figure", "jisik-related", "jisik-chips"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_DROP = {"script", "style", "template", "svg", "button", "form", "noscript"}
_KEEP_ID = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Inline elements are left out of the page Pagefind reads (their text stays): `<strong>번아웃</strong>은` is
# one word to Pagefind, so it must be one word to the analyser, with its terms after the whole of it.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}  # fmt: skip


@dataclass
class Document:
    """One page to index: where it is, what it is called, its tags and its body HTML."""

    url: str  # the page's output path in the site (`articles/x/index.html`)
    title: str
    body_html: str
    tags: list[str] = field(default_factory=list)
    kind: str = "글"  # shown beside a result: 글 (article), 태그 (a tag page), 문서 (another page)

    def __post_init__(self) -> None:
        self.title = compose_hangul(self.title)
        self.body_html = compose_hangul(self.body_html)
        self.tags = [compose_hangul(tag) for tag in self.tags]


_HANGUL_RUN = re.compile("[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uac00-\ud7a3]+")


def compose_hangul(text: str) -> str:
    """Hangul as composed syllables (NFC), as readers type it: text pasted from a file name or a PDF on
    macOS may hold decomposed jamo (NFD), which the analyser and Pagefind take for other letters. Only
    Hangul is touched: any other character stays exactly as written."""
    return _HANGUL_RUN.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)


class _Text(HTMLParser):
    """Collects the body's text and structure (headings with their ids, block breaks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, str]] = []  # ("text", s) | ("open", tag+id) | ("close", tag)
        self._skip = 0
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "wbr", "img") and not self._skip:
                self._text(" " if tag == "br" else "")
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        skip = (
            tag in _DROP
            or bool(classes & _SKIP_CLASSES)
            or "data-search-exclude" in values
            or "data-pagefind-ignore" in values
        )
        self._stack.append(skip)
        if skip:
            self._skip += 1
        elif not self._skip and tag not in _INLINE:
            ident = values.get("id") if tag in _KEEP_ID else None
            self.parts.append(("open", f"{tag}\0{ident or ''}"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._stack:
            return
        skip = self._stack.pop()
        if skip:
            self._skip -= 1
        elif not self._skip and tag not in _INLINE:
            self.parts.append(("close", tag))

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        """Text joins the text before it when only inline elements stood between them."""
        if self.parts and self.parts[-1][0] == "text":
            data = self.parts.pop()[1] + data
        self.parts.append(("text", data.replace(TAIL, "-~ -")))


@functools.lru_cache(maxsize=1 << 16)
def _bare(written: str) -> str:
    """A word without its edges' punctuation (a site repeats its words: remembered, 2× faster)."""
    return _EDGE.sub("", written)


def words_of(text: str) -> list[str]:
    """The words of `text` as they are looked up: edges' punctuation off (`(OpenAI의` → `OpenAI의`)."""
    return [w for w in map(_bare, _WORD.findall(text)) if w]


def parse(body_html: str) -> list[tuple[str, str]]:
    parser = _Text()
    parser.feed(body_html)
    parser.close()
    return parser.parts


def body_words(parts: Iterable[tuple[str, str]]) -> list[str]:
    return [w for kind, value in parts if kind == "text" for w in words_of(value)]


def _annotate(
    text: str,
    terms: dict[str, list[str]],
    extra: Callable[[str, list[str]], list[str]],
    memo: dict[str, str] | None = None,
) -> str:
    """`text` with each word's terms after it. `memo` (written word → annotated word, for one `terms` and
    `extra`) is shared by a page's pieces of text: a page repeats most of its words."""
    done = {} if memo is None else memo

    def one(match: re.Match[str]) -> str:
        written = match.group()
        annotated = done.get(written)
        if annotated is None:
            key = _bare(written)
            found = list(terms.get(key, ()))
            found += [t for t in extra(key, found) if t not in found]
            annotated = done[written] = written + TAIL + "-".join(found) if found else written
        return annotated

    return _WORD.sub(one, text)


def _no_extra(word: str, terms: list[str]) -> list[str]:
    return []


def _with_choseong(word: str, terms: list[str]) -> list[str]:
    """The 초성 of a title or tag word: of the whole word (`인재유출` → `ㅇㅈㅇㅊ`, `AI번아웃` → `ㅂㅇㅇ`),
    without its particle (`번역의` → `ㅂㅇ`), and of its first part (`인재유출` → `ㅇㅈ`)."""
    bases = [word, strip_particle(word)]
    if terms and word.lower().startswith(terms[0]):
        bases.append(terms[0])
    found: list[str] = []
    for base in bases:
        initials = choseong(base)
        if len(initials) >= 2 and initials not in found:
            found.append(initials)
    return found


def render(
    document: Document, terms: dict[str, list[str]], parts: list[tuple[str, str]], language: str = "ko"
) -> str:
    """The HTML page Pagefind indexes for `document` (`terms`: each word's extra search terms)."""
    out = [
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8"></head><body>',
        '<main data-pagefind-body data-pagefind-meta="title[data-title], kind[data-kind]" '
        f'data-title="{html.escape(document.title)}" data-kind="{html.escape(document.kind)}">',
    ]
    body = len(out)
    memo: dict[str, str] = {}
    in_title = False  # the page's own `<h1>` is the title, indexed once below
    for kind, value in parts:
        if kind == "text":
            if not in_title:
                out.append(html.escape(_annotate(value, terms, _no_extra, memo), quote=False))
        elif kind == "open":
            tag, ident = value.split("\0")
            if tag == "h1":
                in_title = True
            else:
                out.append(f'<{tag} id="{html.escape(ident)}">' if ident else f"<{tag}>")
        elif value == "h1":
            in_title = False
        else:
            out.append(f"</{value}>")
    # Title and tags come last: an excerpt starts at the first match in the text, when there is one there.
    words = sum(len(_WORD.findall(html.unescape(piece))) for piece in out[body:] if not piece.startswith("<"))
    out.append(f'<span data-pagefind-meta="words[data-words]" data-words="{words}"></span>')
    out.append(f"<h1>{html.escape(_annotate(document.title, terms, _with_choseong))}</h1>")
    if document.tags:
        out.append('<p data-pagefind-weight="8">')
        for tag in document.tags:
            out.append(
                f'<span data-pagefind-filter="tag[data-tag]" data-tag="{html.escape(tag)}">'
                f"#{html.escape(_annotate(tag, terms, _with_choseong))}</span> "
            )
        out.append("</p>")
        listed = html.escape(tags_meta(document.tags))
        out.append(f'<span data-pagefind-meta="tags[data-tags]" data-tags="{listed}"></span>')
    out.append("</main></body></html>")
    return "".join(out)


def tags_meta(tags: list[str]) -> str:
    """Tags for the result list, as a JSON list: a tag may hold spaces (`tags: [AI 번아웃]`), and the
    search page filters by the tag exactly as `data-pagefind-filter` holds it."""
    return json.dumps(tags, ensure_ascii=False)
