"""The list of every prompt and its image: `prompts.json` in the site, `jisik prompts` in a terminal."""

from __future__ import annotations

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
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(5)]
    out = []
    for line in [header, *lines]:
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line[:5])) + "  " + line[5])
    return "\n".join(out)
