"""Generated pages kept as files for a whole `mkdocs serve --dirty` session."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from pathlib import Path


class PageStore:
    """`--dirty` renders a page only when its source is newer than its output, and an in-memory page
    always counts as new. Kept as a file written only when its front matter changes, an unchanged tag
    or list page is not rendered again; one whose list changed is made to render again by deleting its
    output (see `Session.rerender_stale`)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="jisik-pages-"))
        self._digests: dict[str, str] = {}
        atexit.register(shutil.rmtree, self.folder, True)

    def path(self, uri: str, content: str) -> str:
        digest = hashlib.blake2b(content.encode(), digest_size=16).hexdigest()
        target = self.folder / uri
        if self._digests.get(uri) != digest or not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            self._digests[uri] = digest
        return str(target)
