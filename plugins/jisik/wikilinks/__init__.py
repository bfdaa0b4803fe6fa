"""Links between articles: `[[wikilinks]]`, backlinks and redirects (see capability.py)."""

from .capability import Wikilinks

__all__ = ["Wikilinks"]
