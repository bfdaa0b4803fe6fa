"""Option types of jisik's config, checked when mkdocs.yml is loaded (a wrong value is one config error)."""

from __future__ import annotations

from collections.abc import Hashable

from mkdocs.config import base
from mkdocs.config import config_options as c

from .model import get_timezone


class TimeZone(c.Type[str]):
    """An IANA time zone name, checked when the config is loaded."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            get_timezone(name)
        except ValueError as exc:
            raise base.ValidationError(str(exc)) from None
        return name


class Count(c.Type[int]):
    """A whole number of at least `least`, checked when the config is loaded."""

    def __init__(self, default: int, least: int) -> None:
        super().__init__(int, default=default)
        self.least = least

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < self.least:
            raise base.ValidationError(f"expected a whole number of at least {self.least}, got {value!r}")
        return number


class SitePath(c.Type[str]):
    """A path inside the site, relative to `docs_dir` (`tags`, `notes/index.md`), checked when the config is
    loaded: a `..` would put generated pages outside `site_dir`. A file path (`page=True`) names a file.
    The value is given back without leading, doubled or `./` slashes (`/index.md` is `index.md`)."""

    def __init__(self, default: str, *, page: bool = False) -> None:
        super().__init__(str, default=default)
        self.page = page

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
        if ".." in parts:
            raise base.ValidationError(f"must be a path inside docs_dir, without '..': {path!r}")
        if self.page and (not parts or path.endswith("/")):
            raise base.ValidationError(f"must name a Markdown page such as 'index.md', got {path!r}")
        return "/".join(parts)


def fingerprint(value: object) -> Hashable:
    """A config's values as one hashable value (sub-configs and lists included), to tell whether any
    option changed between two `mkdocs serve` rebuilds."""
    if isinstance(value, base.Config):
        return tuple(sorted((str(key), fingerprint(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(key), fingerprint(item)) for key, item in value.items()))
    return value if isinstance(value, Hashable) else repr(value)


class Patterns(c.ListOfItems[str]):
    """A list of at least one glob pattern: an empty list would make no page an article, silently."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        patterns = super().run_validation(value)
        if not patterns or not any(p.strip() for p in patterns):
            raise base.ValidationError(
                "needs at least one pattern such as '**/*.md' (with none, no page would be an article)"
            )
        return patterns
