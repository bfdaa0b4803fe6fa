"""Citations: the 출처 section of each article, the sources index, source titles and JSON-LD."""

from .capability import Citations

__all__ = ["Citations"]
