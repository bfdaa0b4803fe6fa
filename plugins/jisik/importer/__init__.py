"""`jisik import`: raw article text to jisik Markdown, framework-free.

>>> text, encoding = decode(path.read_bytes())
>>> imported = convert(text, date=None)
>>> imported.filename, imported.markdown
"""

from .convert import (
    DEFAULT_JUNK,
    ConvertError,
    Imported,
    article_filename,
    convert,
    escape_heading,
    escape_inline,
    skeleton,
    today_in,
)
from .encoding import DecodeError, decode
from .romanize import romanize, slugify_title

__all__ = [
    "DEFAULT_JUNK",
    "ConvertError",
    "DecodeError",
    "Imported",
    "article_filename",
    "convert",
    "decode",
    "escape_heading",
    "escape_inline",
    "romanize",
    "skeleton",
    "slugify_title",
    "today_in",
]
