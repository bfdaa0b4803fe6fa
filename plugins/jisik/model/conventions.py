"""Recognisers for the body conventions of an article (ARTICLE-FORMAT section 1 and 2).

These are the *only* definitions of what a hashtag line, a source line, a prompt paragraph and the
related-posts heading look like. The article model uses them to read a page into a record, and the
Python-Markdown extensions use the same functions to transform the page, so the two never disagree.
Everything here is a pure function of its text arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from .text import one_line

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

# --- hashtags -------------------------------------------------------------------------------------

_TAG_SEPARATORS = re.compile(r"[\s,\uff0c\u3001]+")
_TAG_TOKEN = re.compile(r"#([^#\s][^\s]*)")
_TRAILING_PUNCT = ".;:!?\u3002"


def hashtag_line(line: str) -> list[str] | None:
    """Return the tags of a line made only of `#tokens`, or None if the line is anything else.

    `#AI번아웃 #OpenAI` gives `["AI번아웃", "OpenAI"]`. A heading (`# 제목`, `## 제목`), a line with any
    word that is not a `#token`, and a line indented by four spaces or more (code) give None.
    """
    if "#" not in line:
        return None
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    tags: list[str] = []
    for token in _TAG_SEPARATORS.split(stripped.strip()):
        if not token:
            continue
        match = _TAG_TOKEN.fullmatch(token)
        if match is None:
            return None
        tag = match.group(1)
        trimmed = tag.rstrip(_TRAILING_PUNCT)
        tags.append(trimmed or tag)
    return tags or None


# --- sources --------------------------------------------------------------------------------------

_SOURCE_LINE = re.compile(
    r"^[ ]{0,3}"
    r"(?P<label>출처|원문|참고\s*자료|참고|sources?|references?)"
    r"\s*(?P<number>\d+)?\s*[:\uff1a]\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
_STRONG_LABELS = ("출처", "source", "sources")
_MD_LINK = re.compile(r"^\[(?P<title>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)$")
_ANGLE_URL = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_URL = re.compile(r"(?P<url>\b(?:https?|ftp|javascript|data|file|vbscript|mailto):[^\s<>]*)", re.I)
_LEADING_SCHEME = re.compile(r"^(?P<url>[A-Za-z][A-Za-z0-9+.-]*:\S+)")
_TITLE_SEPARATORS = " \t-\u2013\u2014|:"
_TITLE_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "(": ")", "[": "]", "<": ">"}
_TITLE_PAIRS.update({"\u300c": "\u300d", "\u300e": "\u300f"})  # 「」 『』


@dataclass(frozen=True)
class SourceRef:
    """A source named on a `출처:` line: a URL, a title, or both."""

    url: str | None
    title: str | None
    label: str


def source_line(line: str) -> SourceRef | None:
    """Read a line such as `출처: https://…`, `Source: …`, `출처 1: 제목 https://…`; None otherwise.

    `참고:`/`원문:` lines count only when they carry a URL, since `참고:` also starts ordinary notes.
    """
    if ":" not in line and "\uff1a" not in line:
        return None
    match = _SOURCE_LINE.match(line)
    if match is None:
        return None
    label = match.group("label")
    value = match.group("value")
    url: str | None = None
    title: str | None = None
    if link := _MD_LINK.match(value):
        url, title = link.group("url"), link.group("title").strip() or None
    elif found := (_ANGLE_URL.search(value) or _URL.search(value) or _LEADING_SCHEME.match(value)):
        url = _trim_url(found.group("url"))
        title = _title(value[: found.start()] + " " + value[found.end() :]) or None
    else:
        title = value
    if url is None and label.lower() not in _STRONG_LABELS:
        return None
    return SourceRef(url=url, title=title, label=label)


def _title(text: str) -> str:
    """The title around a source's URL: separators (`-`, `|`, `:`) and what wrapped the URL (`(`, `<`)
    are trimmed, quotes around the whole title dropped; every other character stays as written."""
    title = text.strip(_TITLE_SEPARATORS)
    while title:
        first, last = title[0], title[-1]
        inside = title[1:-1]
        if len(title) > 1 and _TITLE_PAIRS.get(first) == last and _wraps(inside, first, last):
            title = title[1:-1]  # "제목", (제목)
        elif _unpaired(title, first):
            title = title[1:]  # `) 제목` left from `(https://…) 제목`
        elif _unpaired(title, last):
            title = title[:-1]  # `제목 (` left from `제목 (https://…)`
        else:
            break
        title = title.strip(_TITLE_SEPARATORS)
    return title


def _unpaired(title: str, sign: str) -> bool:
    """Whether a bracket or quote at an end of `title` has no partner in it."""
    for opener, closer in _TITLE_PAIRS.items():
        if sign in (opener, closer):
            return not _balanced(title, opener, closer)
    return False


def _wraps(inside: str, opener: str, closer: str) -> bool:
    """Whether `opener…closer` wraps the whole title: `"a" and "b"` is not one quoted title."""
    return opener not in inside if opener == closer else _balanced(inside, opener, closer)


def _balanced(text: str, opener: str, closer: str) -> bool:
    """Whether the brackets `opener`/`closer` in `text` pair up (quotes: an even number of them)."""
    if opener == closer:
        return text.count(opener) % 2 == 0
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _trim_url(url: str) -> str:
    """Drop sentence punctuation after a URL; a `)` only when it closes nothing in the URL."""
    while url and (url[-1] in ".,;" or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def has_scheme(url: str) -> bool:
    """Whether `url` starts with a scheme (`https:`, `javascript:`, `data:`…): not a path."""
    return _SCHEME.match(url.strip()) is not None


def is_address(image: str) -> bool:
    """Whether an image reference is an address (`https://…`, `/root/path`), not a file in the docs
    folder relative to its article."""
    return "://" in image or image.startswith("/")


def is_http_url(url: str) -> bool:
    """True for absolute `http`/`https` URLs that a browser can follow, the only sources that may become
    links: a host is required, and a URL Python cannot split (`https://[::1`, a port such as `:99999`)
    is not one."""
    if re.match(r"^https?://[^\s/?#]+", url, re.IGNORECASE) is None:
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        return False
    return bool(parts.hostname)


# --- image prompts --------------------------------------------------------------------------------

_RATIO_END = re.compile(r"\d\s*:\s*\d+\s*\.?\s*$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_LATIN = re.compile(r"[A-Za-z]")
_RATIO_TAIL = re.compile(r",\s*(\d{1,2})\s*:\s*(\d{1,2})\s*\.?\s*$")
_RATIO = re.compile(r"^\s*(\d{1,2})\s*:\s*(\d{1,2})\s*$")
_MAX_RATIO_TERM = 32
_MAX_ELONGATION = 4  # 32:9 panoramas are the widest images generators make


def parse_ratio(text: str) -> tuple[int, int] | None:
    """`"4:3"` gives `(4, 3)`; anything but two small whole numbers at most 4× apart gives None."""
    match = _RATIO.match(text)
    if match is None:
        return None
    width, height = int(match.group(1)), int(match.group(2))
    if not (1 <= width <= _MAX_RATIO_TERM and 1 <= height <= _MAX_RATIO_TERM):
        return None
    if max(width, height) > _MAX_ELONGATION * min(width, height):
        return None  # `4:30` is a time of day, not a picture
    return width, height


def block_prompt_text(content: str, ratio: tuple[int, int]) -> str:
    """The text of a `/// prompt | W:H` block: its content on one line, without a trailing `, W:H`
    that repeats the block's ratio (a pasted prompt), so the text to paste says the ratio once."""
    text = one_line(content)
    match = _RATIO_TAIL.search(text)
    if match is not None and parse_ratio(f"{match.group(1)}:{match.group(2)}") == ratio:
        return text[: match.start()].rstrip()
    return text


@lru_cache(maxsize=256)
def prompt_paragraph(text: str) -> tuple[str, tuple[int, int]] | None:
    """Recognise a bare image prompt: English prose whose last comma-separated part is `W:H`.

    Returns the prompt text without its ratio, and the ratio. Korean text (`오후 4:30`), English
    without a ratio, and text that starts like Markdown syntax are not prompts. Cached: the model and
    the Markdown extension ask about the same paragraphs.
    """
    if not _RATIO_END.search(text):
        return None  # nearly every paragraph stops here
    flat = one_line(text)
    if not flat or not (flat[0].isascii() and flat[0].isalpha()) or HANGUL.search(flat):
        return None
    match = _RATIO_TAIL.search(flat)
    if match is None:
        return None
    ratio = parse_ratio(f"{match.group(1)}:{match.group(2)}")
    body = flat[: match.start()].strip()
    if ratio is None or len(_WORD.findall(body)) < 4:
        return None
    if len(_LATIN.findall(body)) < 0.6 * len(body.replace(" ", "")):
        return None
    return body, ratio


# --- headings -------------------------------------------------------------------------------------

# Python-Markdown's rule (HashHeaderProcessor): `#` at the start of a line, no space needed; closing
# `#`s are dropped, but not a backslash-escaped one (`# 배워보자 C\#` is the heading `배워보자 C#`).
_ATX_HEADING = re.compile(r"^(#{1,6})((?:\\.|[^\\])*?(?:\\$)?)#*[ \t]*$")


def atx_heading(line: str) -> tuple[int, str] | None:
    """`## 마치며` gives `(2, "마치며")`. Check `hashtag_line` first: `#태그` alone is a tag line."""
    match = _ATX_HEADING.match(line)
    if match is None:
        return None
    return len(match.group(1)), match.group(2).strip()


def same_heading(text: str, heading: str) -> bool:
    """Compare heading texts ignoring spacing, so `함께 보면 좋은 글` matches `함께  보면 좋은글`."""
    return "".join(text.split()) == "".join(heading.split())
