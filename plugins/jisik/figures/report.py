"""The list of every prompt and its image: `prompts.json` in the site, `jisik prompts` in a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article
from .binding import Binding


@dataclass(frozen=True)
class PromptRow:
    """One prompt as the report lists it."""

    article: Article
    url: str | None
    binding: Binding

    def as_json(self) -> dict[str, object]:
        prompt = self.binding.prompt
        return {
            "article": self.article.path,
            "url": self.url,
            "title": self.article.title,
            "number": self.binding.number,
            "ratio": f"{prompt.ratio[0]}:{prompt.ratio[1]}",
            "prompt": prompt.text,
            "paste": prompt.full_text,
            "image": self.binding.expected,
            "image_exists": self.binding.exists,
            "line": prompt.line,
        }


def rows(bound: Iterable[tuple[Article, str | None, list[Binding]]]) -> list[PromptRow]:
    """Rows in article path order, then prompt number: stable between builds."""
    table = [PromptRow(article, url, b) for article, url, bindings in bound for b in bindings]
    return sorted(table, key=lambda r: (r.article.path, r.binding.number))


def table(rows: list[PromptRow]) -> str:
    """A plain-text table: one line per prompt, the text to paste into a generator last (the prompt
    with its ratio, `…, 4:3`: what the figure's copy button copies)."""
    if not rows:
        return "no prompts"
    header = ("article", "#", "ratio", "image", "status", "prompt to paste")
    lines = [
        (
            r.article.path,
            str(r.binding.number),
            f"{r.binding.prompt.ratio[0]}:{r.binding.prompt.ratio[1]}",
            r.binding.expected,
            "ok" if r.binding.exists else "missing",
            r.binding.prompt.full_text,
        )
        for r in rows
    ]
    widths = [max(display_width(line[i]) for line in [header, *lines]) for i in range(5)]
    out = []
    for line in [header, *lines]:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(line[:5])]
        out.append("  ".join(cells) + "  " + line[5])
    return "\n".join(out)


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: Hangul and other wide characters take two, combining marks
    and the vowel and final jamo of decomposed (NFD) Hangul none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width
