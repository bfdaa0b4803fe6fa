"""The capabilities of a jisik build, in the order their hooks run.

Adding one: a folder `plugins/jisik/<name>/` whose `__init__.py` exports a `capability.Capability`
subclass, and one line here. Order matters only where two capabilities touch the same thing: Markdown
extensions register in this order (figures after hashtags and citations, safe links after them),
pages are added in this order (the default navigation lists them so), and hashtags' chips go under the
title before reading's date line is put above them.
"""

from __future__ import annotations

from .archive import Archive
from .capability import Capability
from .citations import Citations
from .feeds import Feeds
from .figures import Figures
from .hashtags import Hashtags
from .head import Head
from .home import Home
from .reading import Reading
from .safelinks import SafeLinks
from .search import Search
from .wikilinks import Wikilinks

CAPABILITIES: list[type[Capability]] = [
    Hashtags,
    Citations,
    Figures,
    Wikilinks,
    SafeLinks,
    Feeds,
    Archive,
    Home,
    Reading,
    Head,
    Search,
]
