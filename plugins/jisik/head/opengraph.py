"""Open Graph and Twitter card `<meta>` elements. Pure: the caller says what the page is.

Every value is text: control characters dropped, spaces folded, then HTML-escaped (quotes included)
into the `content` attribute, so a title with `"`, `<` or `&` reads back exactly as written."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Literal

from ..model.dates import iso_datetime
from ..model.text import one_line

# og:locale wants language_TERRITORY; a bare language gets its most common territory, a language with
# a script subtag (BCP 47 `zh-Hant`, `sr-Latn`) the territory that script is written in.
_TERRITORY = {"ko": "KR", "en": "US", "ja": "JP", "zh": "CN", "de": "DE", "fr": "FR", "es": "ES"}
_SCRIPT_TERRITORY = {("zh", "hant"): "TW", ("zh", "hans"): "CN"}


def og_locale(language: str) -> str | None:
    """`ko` → `ko_KR`, `en-GB` → `en_GB`, `zh-Hant` → `zh_TW`, `zh-Hant-HK` → `zh_HK`; None for a
    language with no territory known (Open Graph has no form for a script or a numeric region)."""
    parts = [part for part in language.replace("-", "_").split("_") if part]
    if not parts or not parts[0].isascii() or not parts[0].isalpha():
        return None
    lang = parts[0].lower()
    script = next((p.lower() for p in parts[1:2] if len(p) == 4 and p.isascii() and p.isalpha()), None)
    rest = parts[2:] if script else parts[1:]
    region = rest[0] if rest and len(rest[0]) == 2 and rest[0].isascii() and rest[0].isalpha() else None
    if region:
        return f"{lang}_{region.upper()}"
    if rest:  # `es-419`, a variant: no territory Open Graph knows
        return None
    territory = _SCRIPT_TERRITORY.get((lang, script)) if script else _TERRITORY.get(lang)
    return f"{lang}_{territory}" if territory else None


@dataclass(frozen=True)
class PreviewImage:
    url: str
    """Absolute http(s) URL."""
    alt: str
    width: int | None = None
    height: int | None = None
    type: str | None = None


@dataclass(frozen=True)
class Preview:
    """What a link preview shows of one page."""

    title: str
    site_name: str
    kind: Literal["article", "website"] = "website"
    description: str | None = None
    url: str | None = None
    locale: str | None = None
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    image: PreviewImage | None = None


def meta_tags(preview: Preview) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of every element: Open Graph uses `property`, Twitter `name`."""
    tags: list[tuple[str, str, str]] = []

    def og(name: str, value: str | None) -> None:
        if value:
            tags.append(("property", name, value))

    og("og:type", preview.kind)
    og("og:title", preview.title)
    og("og:description", preview.description)
    og("og:url", preview.url)
    og("og:site_name", preview.site_name)
    og("og:locale", preview.locale)
    if preview.kind == "article":
        og("article:published_time", iso_datetime(preview.published) if preview.published else None)
        modified = preview.modified or preview.published
        og("article:modified_time", iso_datetime(modified) if modified else None)
        for tag in preview.tags:
            og("article:tag", tag)
    image = preview.image
    if image is not None:
        og("og:image", image.url)
        og("og:image:type", image.type)
        og("og:image:width", str(image.width) if image.width else None)
        og("og:image:height", str(image.height) if image.height else None)
        og("og:image:alt", image.alt)
    # X reads og:title, og:description and og:image itself; only the card kind is its own.
    tags.append(("name", "twitter:card", "summary_large_image" if image is not None else "summary"))
    return tags


def _text(value: str) -> str:
    return one_line(value)


def render(tags: list[tuple[str, str, str]]) -> str:
    return "\n".join(
        f'<meta {attribute}="{name}" content="{html.escape(text, quote=True)}">'
        for attribute, name, content in tags
        if (text := _text(content))
    )
