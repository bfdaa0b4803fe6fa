"""Reading a built site's Pagefind index back, as the search page gets it."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Any


def pagefind_pages(site_dir: Path) -> dict[str, dict[str, Any]]:
    """The pages of a site's Pagefind index by URL, as its fragment files hold them (gzipped JSON), with
    `text`: the indexed text as the search page shows it (each word's search terms, after `-~-`, cut)."""
    pages = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = zlib.decompress(path.read_bytes(), 16 + zlib.MAX_WBITS)
        for fragment in _fragments(data.removeprefix(b"pagefind_dcd")):
            fragment["text"] = re.sub(r"-~-\S*", "", fragment["content"])
            pages[fragment["url"]] = fragment
    return pages


def _fragments(data: bytes) -> list[dict[str, Any]]:
    value = json.loads(data)
    return value if isinstance(value, list) else [value]
