"""Tag identity, URL slugs and the 가나다 grouping of the all-tags page. Pure functions."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.text import one_line

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_FOLD_DOUBLE = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
GROUP_ORDER = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
OTHER_GROUP = "기타"

# Characters that would break or change a URL path segment get readable replacements, so that
# `C#`, `C++` and `C` keep three different URLs (`c-sharp`, `c++`, `c`).
_SLUG_WORDS = {"#": "-sharp", "&": "-and-", "@": "-at-", "%": "-percent"}
_SLUG_DROP = re.compile(r"[^\w+~.-]")
_SLUG_DASHES = re.compile(r"-{2,}")
MAX_SLUG_BYTES = 120
"""A tag's URL folder is cut to this many UTF-8 bytes (40 Hangul syllables), so that the folder name
(at most 255 bytes on every common filesystem) has room for a `-2` and a percent-encoded copy."""


@functools.lru_cache(maxsize=1 << 14)  # a site writes the same tags over and over
def tag_form(tag: str) -> str:
    """The written form of a tag: NFKC (full-width to half-width, NFD Hangul to NFC), trimmed, without
    control characters (`bell\x07` is `bell`)."""
    return one_line(unicodedata.normalize("NFKC", tag)).lstrip("#")


@functools.lru_cache(maxsize=1 << 14)
def tag_key(tag: str) -> str:
    """Tag identity: `OpenAI`, `openai`, `ＯｐｅｎＡＩ` and NFD/NFC Hangul all give one key."""
    return tag_form(tag).casefold()


@functools.lru_cache(maxsize=1 << 14)
def is_valid_tag(tag: str) -> bool:
    """A tag needs at least one letter or digit: `#!!!` is punctuation, not a tag."""
    return any(ch.isalnum() for ch in tag_form(tag))


def base_slug(key: str) -> str:
    """A URL path segment for a tag key: Hangul kept (NFC), Latin lower-case, unsafe signs named."""
    text = unicodedata.normalize("NFC", key)
    for sign, word in _SLUG_WORDS.items():
        text = text.replace(sign, word)
    text = "-".join(text.split())
    text = _SLUG_DROP.sub("-", text)
    text = _SLUG_DASHES.sub("-", text).strip("-.")
    if len(text.encode()) > MAX_SLUG_BYTES:  # a folder name may have 255 bytes: 86 Hangul syllables
        text = text.encode()[:MAX_SLUG_BYTES].decode(errors="ignore").rstrip("-.")
    if text.casefold().startswith("index."):
        text = "index-" + text[len("index.") :]  # `tags/index.html/` would be a folder where the page is
    return text or "tag"


def assign_slugs(keys: Iterable[str]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Give every tag key a unique slug; a clash gets `-2`, `-3`… in sorted key order.

    Every tag's own slug is reserved first, so a numbered slug never takes the slug another tag
    would have had: adding a tag never moves an unrelated tag's URL. Returns the slugs and the
    clashes as `(key, wanted slug, given slug)` for reporting.
    """
    ordered = sorted(set(keys), key=lambda k: (base_slug(k), k))
    wanted = {key: base_slug(key) for key in ordered}
    slugs: dict[str, str] = {}
    used: set[str] = set()
    clashing: list[str] = []
    for key in ordered:
        if wanted[key].casefold() in used:
            clashing.append(key)
        else:
            slugs[key] = wanted[key]
            used.add(wanted[key].casefold())
    clashes: list[tuple[str, str, str]] = []
    for key in clashing:
        number = 2
        while f"{wanted[key]}-{number}".casefold() in used:
            number += 1
        slugs[key] = f"{wanted[key]}-{number}"
        used.add(slugs[key].casefold())
        clashes.append((key, wanted[key], slugs[key]))
    return slugs, clashes


@dataclass(frozen=True, order=True)
class Group:
    """A heading of the all-tags page: an initial consonant, a Latin letter, or 기타."""

    rank: int
    label: str


def initial_group(name: str) -> Group:
    """ㄱ…ㅎ for Hangul (ㄲ under ㄱ), A–Z for Latin, 기타 for the rest; ranked in that order."""
    form = tag_form(name)
    first = form[:1]
    if "\uac00" <= first <= "\ud7a3":
        initial = _INITIALS[(ord(first) - 0xAC00) // 588]
        initial = _FOLD_DOUBLE.get(initial, initial)
        return Group(GROUP_ORDER.index(initial), initial)
    if first in _INITIALS:
        initial = _FOLD_DOUBLE.get(first, first)
        return Group(GROUP_ORDER.index(initial), initial)
    if first.isascii() and first.isalpha():
        letter = first.upper()
        return Group(100 + ord(letter) - ord("A"), letter)
    return Group(200, OTHER_GROUP)


def sort_name(name: str) -> tuple[Group, str]:
    """Sort key for the all-tags page: group first, then 가나다 / A–Z order inside the group."""
    return initial_group(name), tag_form(name).casefold()
