"""Hashtags: tag identity and slugs, the tag index, tag pages, chips and related articles."""

from .capability import Hashtags

__all__ = ["Hashtags"]
