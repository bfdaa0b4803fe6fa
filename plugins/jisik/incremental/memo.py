"""Feed items serialised once: shared by the site feed and each tag feed, kept between serve rebuilds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..feeds.items import FeedItem


class ItemMemo:
    """Feed items serialised once and shared: by the site feed and each of the article's tag feeds,
    and (kept by the plugin) by the next `mkdocs serve` rebuild while the item is unchanged."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, FeedItem, str, str | None], str] = {}
        self._used: dict[tuple[str, FeedItem, str, str | None], str] = {}

    def start(self) -> None:
        """A new build: keep what the last one used, forget the rest (edited or removed articles)."""
        self._kept, self._used = self._used or self._kept, {}

    def get(self, kind: str, item: FeedItem, serialise: Callable[[FeedItem], str]) -> str:
        # Aware datetimes are equal across time zones; the feeds write the offset, so it is part of the key.
        key = (kind, item, item.published.isoformat(), item.updated.isoformat() if item.updated else None)
        text = self._used.get(key)
        if text is None:
            text = self._kept.get(key)
            if text is None:
                text = serialise(item)
            self._used[key] = text
        return text
