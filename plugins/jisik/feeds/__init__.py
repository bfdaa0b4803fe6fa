"""Feeds: RSS 2.0 and JSON Feed 1.1 for the site and for every tag, from one item model."""

from .capability import Feeds

__all__ = ["Feeds"]
