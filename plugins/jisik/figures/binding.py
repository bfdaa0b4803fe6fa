"""Which image belongs to which prompt. Pure: the caller says which files exist."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article, Prompt
from ..model.conventions import is_address, is_http_url

IMAGE_FOLDER = "assets/prompts"
IMAGE_EXTENSIONS = ("avif", "webp", "png", "jpg", "jpeg")


@dataclass(frozen=True)
class Binding:
    """A prompt of an article and the image it expects (`image` is set only when it exists)."""

    number: int
    prompt: Prompt
    expected: str
    """Where the image is looked for, relative to the docs folder (or an absolute URL)."""
    image: str | None
    """The bound image, relative to the docs folder (or an absolute URL); None while missing."""

    page: str = ""
    """The article's path in the docs folder."""

    @property
    def exists(self) -> bool:
        return self.image is not None


def article_key(path: str) -> str:
    """`articles/2026-11-27-ai-burnout.md` gives `2026-11-27-ai-burnout`; `x/index.md` gives `x`."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(path)) or stem
    return stem


def bind(article: Article, exists: Callable[[str], bool], folder: str = IMAGE_FOLDER) -> list[Binding]:
    """Bind each prompt of `article` to its image.

    An explicit `image` option (relative to the article, or an absolute http(s) URL) wins; otherwise the
    first of `<folder>/<article>-<n>.{avif,webp,png,jpg,jpeg}` that exists.
    """
    bindings = []
    base = posixpath.dirname(article.path)
    key = article_key(article.path)
    for number, prompt in enumerate(article.prompts, start=1):
        explicit = prompt.options.get("image", "").strip()
        if explicit:
            if is_address(explicit):
                shown = explicit if is_http_url(explicit) else None  # never a javascript:// image
                bindings.append(Binding(number, prompt, explicit, shown, article.path))
                continue
            target = posixpath.normpath(posixpath.join(base, explicit))
            bindings.append(Binding(number, prompt, target, target if exists(target) else None, article.path))
            continue
        candidates = [f"{folder}/{key}-{number}.{ext}" for ext in IMAGE_EXTENSIONS]
        found = next((c for c in candidates if exists(c)), None)
        bindings.append(Binding(number, prompt, found or candidates[2], found, article.path))
    return bindings
