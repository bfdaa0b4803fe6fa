"""Files jisik writes after the build (feeds, prompts.json), left untouched when their bytes are the same."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from mkdocs.utils import write_file


class WrittenFiles:
    """What the last builds of this process wrote at each path: the bytes' digest, the file as written
    (inode, mtime, size) and what the bytes were made from. A file still as jisik wrote it is not made
    again from the same source (`from_source`), nor written again with the same bytes (`write`): an
    unchanged feed keeps its file under `mkdocs serve --dirty`. A full build starts from an empty folder
    and writes everything."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, tuple[int, int, int], object]] = {}

    def from_source(self, path: str, source: object, make: Callable[[], bytes]) -> None:
        """Write `make()` at `path`, unless the file there was made from an equal `source` and is still
        as written."""
        kept = self._files.get(path)
        if kept is not None and kept[2] == source and _stamp(path) == kept[1]:
            return
        self.write(path, make(), source)

    def write(self, path: str, data: bytes, source: object = None) -> None:
        """Write `data` at `path`, unless the file there holds these bytes as jisik wrote them."""
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        kept = self._files.get(path)
        stamp = _stamp(path)
        if kept is None or kept[0] != digest or stamp != kept[1] or stamp is None:
            write_file(data, path)
            stamp = _stamp(path)
        if stamp is not None:
            self._files[path] = (digest, stamp, source)


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)
