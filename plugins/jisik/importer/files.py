"""Writing articles atomically, without ever replacing a file by accident."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

# Filesystems that cannot make hard links (some FUSE and network mounts, FAT/exFAT).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """A Ctrl-C during the block is held until it is over (then raised as usual), so a file created in
    it is always recorded. Python runs signal handlers in the main thread only, whichever thread the
    system delivered the signal to: swapping the handler (not masking this thread) is what holds it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            signal.raise_signal(signal.SIGINT)


def _temporary(target: Path, data: bytes, made: list[Path]) -> Path:
    """Write `data` to a new hidden file next to `target` (same filesystem), flushed to disk. The file is
    added to `made` in the same uninterruptible step that creates it, so the caller can always remove
    it (a Ctrl-C between creating the file and recording it would leave an empty `.….tmp` behind)."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        with _signals_held():
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            except FileExistsError:
                continue
            handle = os.fdopen(fd, "wb")
            made.append(temp)
        break
    with handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return temp


def _remove(made: list[Path]) -> None:
    for temp in made:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_new(target: Path, data: bytes) -> None:
    """Create `target` with `data` in one step; raise FileExistsError if it exists, changing nothing.

    The data goes to a temporary file in the same folder, which is then hard-linked to the target
    name: `link` fails if the name exists, so a file another program created meanwhile is never
    replaced, and readers see either no file or the whole file. Where the filesystem has no hard
    links, the name is reserved with an exclusive create and the temporary file renamed over it.
    """
    made: list[Path] = []
    try:
        temp = _temporary(target, data, made)
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
        _remove(made)


def replace(target: Path, data: bytes) -> None:
    """Replace (or create) `target` with `data` atomically: readers see the old or the new file."""
    made: list[Path] = []
    try:
        os.replace(_temporary(target, data, made), target)
    finally:
        _remove(made)
