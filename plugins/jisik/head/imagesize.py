"""Pixel size of an image file from its header (PNG, GIF, JPEG, WebP, AVIF), without an image library.

Link previews (`og:image:width`/`height`) want the real size; a file whose size cannot be read gives
None, and the size is then left out rather than guessed."""

from __future__ import annotations

import struct
from pathlib import Path

_READ = 256 * 1024  # JPEG size markers may follow EXIF data; AVIF's `ispe` box sits in the header
# A side longer than this is a header that lies (PNG and AVIF store sizes in 32 bits: a corrupt file can
# claim 4294967295 pixels); no link preview shows such an image, so its size is left out, not passed on.
MAX_SIDE = 65_535


def image_size(path: str | Path) -> tuple[int, int] | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_READ)
    except OSError:
        return None
    try:
        size = _size(data)
    except (struct.error, IndexError, ValueError):
        return None
    return size if size and 0 < size[0] <= MAX_SIDE and 0 < size[1] <= MAX_SIDE else None


def _size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis", b"mif1", b"heic"):
        at = data.find(b"ispe")
        if at > 0:
            width, height = struct.unpack(">II", data[at + 8 : at + 16])
            return int(width), int(height)
    return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    if kind == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None
