"""Writing articles atomically, without ever replacing a file by accident."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

# Filesystems that cannot make hard links (some FUSE and network mounts, FAT/exFAT).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}


def _temporary(target: Path, data: bytes) -> Path:
    """Write `data` to a new hidden file next to `target` (same filesystem), flushed to disk."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def write_new(target: Path, data: bytes) -> None:
    """Create `target` with `data` in one step; raise FileExistsError if it exists, changing nothing.

    The data goes to a temporary file in the same folder, which is then hard-linked to the target
    name: `link` fails if the name exists, so a file another program created meanwhile is never
    replaced, and readers see either no file or the whole file. Where the filesystem has no hard
    links, the name is reserved with an exclusive create and the temporary file renamed over it.
    """
    temp = _temporary(target, data)
    try:
        try:
            os.link(temp, target)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def replace(target: Path, data: bytes) -> None:
    """Replace (or create) `target` with `data` atomically: readers see the old or the new file."""
    temp = _temporary(target, data)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
