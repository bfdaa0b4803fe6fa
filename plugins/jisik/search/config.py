"""The `search:` section of the jisik plugin's options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..options import SitePath


class SearchConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build a Pagefind index of the articles (Korean words analysed), a search page at `<path>/` and a
    search box in the header of every page. Off: no index, no page, no box (and no cost)."""
    path = SitePath(default="search")
    """Folder of the search page (`<path>/`, which runs the query in `?q=` when it opens)."""
    korean_analysis = c.Type(bool, default=True)
    """Analyse Korean words with kiwipiepy (when installed) so that particles, compound parts and verb
    endings match (`번아웃은`, `밸리` in 실리콘밸리, `떠나다` for 떠났는데). Off, or without kiwipiepy:
    particles are cut from the ends of words by a fixed list, and nothing else."""
    cache_dir = c.Type(str, default=".cache/jisik")
    """Folder (relative to `mkdocs.yml`) of the cache of analysed words, kept between builds."""
    binary = c.Optional(c.Type(str))
    """Path (relative to `mkdocs.yml`) of the Pagefind binary to run. Default: `PAGEFIND_BINARY_PATH`, then
    Pagefind 1.6 from npm in `.venv/pagefind` (scripts/_venv.sh installs it), then PyPI's `pagefind-bin`."""
    tag_pages = c.Type(bool, default=True)
    """Index tag pages too (a tag's name finds its page as well as its articles)."""
    background = c.Type(bool, default=True)
    """Under `mkdocs serve`, build the index after the site, without holding up the reload: until it is
    done, the search page answers from the previous index."""
