"""Decoding raw article files in the encodings Korean text files really come in."""

from __future__ import annotations

import codecs
import re

from ..model.conventions import HANGUL

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """A file that is not text in any encoding jisik reads; the message says what was wrong."""


def decode(data: bytes) -> tuple[str, str]:
    """Return the text of a raw file and the encoding it was in.

    Tried in this order: a UTF-8 BOM (`utf-8-sig`), a UTF-16 BOM (Windows Notepad's "유니코드"),
    UTF-8, then CP949 (Windows' Korean code page, a superset of EUC-KR). CP949 is only accepted when
    it gives Korean text without control characters, since many byte strings decode as CP949 by
    chance: most of its non-ASCII characters must be Hangul (Chinese GBK or Japanese Shift-JIS bytes read
    as CP949 give mostly Hanja). Line endings are left as they are.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _CONTROL.search(text):
            raise DecodeError("not a text file (it contains control characters such as NUL)")
        return text, "utf-8"
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        pass
    else:
        if _mostly_korean(text) and not _CONTROL.search(text):
            return text, "cp949"
    bad = data[utf8_error.start : utf8_error.start + 1]
    raise DecodeError(
        f"not UTF-8 or CP949/EUC-KR text (byte 0x{bad.hex()} at offset {utf8_error.start} is not valid "
        "UTF-8, and the file is not Korean CP949 text either); save it as UTF-8"
    )


def _mostly_korean(text: str) -> bool:
    non_ascii = [char for char in text if not char.isascii()]
    hangul = sum(1 for char in non_ascii if HANGUL.match(char))
    return hangul > 0 and hangul >= len(non_ascii) / 2


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(offset {exc.start}: {exc.reason})"
        ) from None
    if _CONTROL.search(text):
        raise DecodeError("not a text file (it contains control characters such as NUL)")
    return text
