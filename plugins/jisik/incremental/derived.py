"""What the site-wide context works out from one article record, kept between `mkdocs serve` rebuilds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from ..model import Article

T = TypeVar("T")


class PerArticle(Generic[T]):
    """A value made from one article record and inputs shared by every article (the files present, the
    title cache…). Records are kept by content (`RecordCache`): while an article's record is the same
    object and the shared inputs are equal, the value of the last build is used again. The value is
    shared between builds, so it is never changed after it is made."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._kept: dict[str, tuple[Article, T]] = {}
        self._used: dict[str, tuple[Article, T]] = {}

    def start(self, inputs: object) -> None:
        """A new build with these shared inputs: keep what the last build used when they are equal."""
        self._kept = self._used if inputs == self._inputs else {}
        self._inputs, self._used = inputs, {}

    def get(self, article: Article, make: Callable[[Article], T]) -> T:
        kept = self._kept.get(article.path)
        value = kept[1] if kept is not None and kept[0] is article else make(article)
        self._used[article.path] = (article, value)
        return value


class PerSource(Generic[T]):
    """A value made from a source (compared with `==`, which is cheap for the same objects) kept per
    path between `mkdocs serve` rebuilds: made again only for the paths whose source changed."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[object, T]] = {}
        self._used: dict[str, tuple[object, T]] = {}

    def start(self) -> None:
        """A new build: keep what the last one used."""
        self._kept, self._used = self._used or self._kept, {}

    def get(self, path: str, source: object, make: Callable[[], T]) -> T:
        kept = self._kept.get(path)
        value = kept[1] if kept is not None and kept[0] == source else make()
        self._used[path] = (source, value)
        return value
