"""jisik (지식): a Korean-first knowledge base on MkDocs.

The public API is the article model; the MkDocs plugin is `jisik.plugin.JisikPlugin`.
"""

from .model import Article, Entry, Problem, Prompt, Source, parse_article

__version__ = "0.1.0"

__all__ = ["Article", "Entry", "Problem", "Prompt", "Source", "__version__", "parse_article"]
