"""Python-Markdown extension: image prompts become numbered `<figure>` blocks.

* A **bare prompt**: in a Korean page, an English paragraph whose last comma-separated part is an
  aspect ratio (`…, photorealistic style, 4:3`).
* An **explicit block** (pymdownx blocks):

      /// prompt | 16:9
          image: ../assets/prompts/city.webp
          alt: 밤의 서울 스카이라인

      A night skyline of Seoul, cinematic lighting
      ///

Each figure shows its image when one is bound, else a placeholder box of exactly the prompt's aspect
ratio; the caption (`그림 N`, the prompt with `lang="en"`) is left out of the search index. The
"프롬프트 복사" button is added by the plugin's script (`jisik.js`): without it a button would do
nothing. Standalone the extension binds only explicit `image` options; in a jisik site the plugin
hands it each page's bindings (images found by convention) before the page is converted.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own spelling)
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from ..model.conventions import (
    HANGUL,
    block_prompt_text,
    has_scheme,
    is_address,
    is_http_url,
    parse_ratio,
    prompt_paragraph,
)
from ..model.text import literal

LONG_PROMPT = 320
"""Prompts longer than this (in characters) are folded in a `<details>` element."""


@dataclass(frozen=True)
class PageImage:
    """An image bound to the n-th prompt of the page being converted."""

    src: str
    """Relative to the page's Markdown file (MkDocs rewrites it), or an absolute URL."""
    prompt: str


def figure(
    parent: etree.Element,
    extension: FiguresExtension,
    text: str,
    ratio: tuple[int, int],
    alt: str | None = None,
    image: str | None = None,
) -> etree.Element:
    """Append a numbered prompt figure to `parent` and return it."""
    extension.count += 1
    number = extension.count
    image = extension.image_for(number, text, image)
    if image and not _safe_src(image):
        image = None  # `javascript:`, `data:`…: never an image source
    width, height = ratio
    attrs = {"class": "jisik-figure", "id": f"그림-{number}", "data-search-exclude": ""}
    # The copy button copies the prompt and this: the text to paste is `Prompt.full_text` (`…, 4:3`),
    # for bare prompts and `/// prompt` blocks alike, as `jisik prompts` and prompts.json's `paste`.
    attrs["data-jisik-suffix"] = f", {ratio[0]}:{ratio[1]}"
    fig = etree.SubElement(parent, "figure", attrs)
    if image:
        shown = alt or text
        img = {
            "src": image,
            "alt": literal(shown),
            "width": str(width * 100),
            "height": str(height * 100),
            "loading": "lazy",
            "decoding": "async",
        }
        if not HANGUL.search(shown):
            img["lang"] = "en"  # the prompt (or an English alt): read with English pronunciation
        etree.SubElement(fig, "img", img)
    else:
        # The box only shows the shape to come; the caption says what it is (so hidden from readers).
        box = etree.SubElement(
            fig,
            "div",
            {
                "class": "jisik-figure__placeholder",
                "style": f"aspect-ratio: {width} / {height}",
                "aria-hidden": "true",
            },
        )
        box.text = AtomicString(f"이미지 준비 중 · {width}:{height}")
    caption = etree.SubElement(fig, "figcaption")
    head = etree.SubElement(caption, "span", {"class": "jisik-figure__number"})
    head.text = AtomicString(f"그림 {number}")
    holder = caption
    if len(text) > LONG_PROMPT:
        holder = etree.SubElement(caption, "details", {"class": "jisik-prompt__fold"})
        # The summary stays when the fold is open (so it can be closed again, and keeps the focus):
        # closed it shows the prompt's start, open a 접기 label.
        summary = etree.SubElement(holder, "summary")
        preview = etree.SubElement(summary, "span", {"class": "jisik-prompt__preview", "lang": "en"})
        preview.text = AtomicString(literal(text[:80].rsplit(" ", 1)[0] + " …"))
        less = etree.SubElement(summary, "span", {"class": "jisik-prompt__less"})
        less.text = AtomicString("접기")
    prompt = etree.SubElement(holder, "span", {"class": "jisik-prompt", "lang": "en"})
    prompt.text = AtomicString(literal(text))  # shown as written: no Markdown, no raw HTML, no entities
    return fig


class KoreanPagePreprocessor(Preprocessor):
    """Notes whether the page is Korean: bare prompts are recognised only in Korean pages."""

    def __init__(self, md: Markdown, extension: FiguresExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.korean = any(HANGUL.search(line) for line in lines)
        return lines


class BarePromptProcessor(BlockProcessor):
    """A top-level paragraph that is an image prompt becomes a figure."""

    def __init__(self, parser: BlockParser, extension: FiguresExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return (
            ":" in block
            and parent is getattr(self.parser, "root", None)
            and self.extension.korean
            and prompt_paragraph(block) is not None
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        found = prompt_paragraph(block)
        assert found is not None
        text, ratio = found
        figure(parent, self.extension, text, ratio)
        return True


class PromptBlock(Block):  # type: ignore[misc]
    """`/// prompt | W:H` with options `image` and `alt`; its content is the prompt, kept as text."""

    NAME = "prompt"
    ARGUMENT = True
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {"image": ("", type_string), "alt": ("", type_string)}

    def on_validate(self, parent: etree.Element) -> bool:
        return parse_ratio(self.argument) is not None

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "jisik-prompt-block"})

    def on_end(self, block: etree.Element) -> None:
        ratio = parse_ratio(self.argument)
        assert ratio is not None
        text = block_prompt_text(block.text or "", ratio)  # as the model reads it: the image binds
        block.text = None
        image = self.options["image"] or None
        extension = next(e for e in self.md.registeredExtensions if isinstance(e, FiguresExtension))
        fig = figure(block, extension, text, ratio, alt=self.options["alt"] or None, image=image)
        block.tag, block.attrib = fig.tag, fig.attrib  # the block *is* the figure
        block.remove(fig)
        block.extend(list(fig))


class FiguresExtension(BlocksExtension):  # type: ignore[misc]
    """Registers bare-prompt recognition and the `/// prompt` block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_images: dict[int, PageImage] | None = None
        """Set by the jisik plugin for the page about to be converted: prompt number → image.
        None outside a jisik site, where only explicit `image` options are shown."""
        self.count = 0
        """Prompts numbered so far on the page being converted (reset for every page)."""
        self.korean = False
        """Whether the page being converted is Korean (bare prompts are recognised only there)."""

    def image_for(self, number: int, text: str, option: str | None) -> str | None:
        """The image of prompt `number`: the plugin's binding (only existing files), else the option."""
        if self.page_images is None:
            return option
        bound = self.page_images.get(number)
        return bound.src if bound is not None and bound.prompt == text else None

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:  # noqa: N802
        md.registerExtension(self)
        self.md = md
        self.reset()
        block_mgr.register(PromptBlock, {})
        md.preprocessors.register(KoreanPagePreprocessor(md, self), "jisik_korean", 1)
        # After hashtag (75) and source (74) lines are out, before `#` headings (70).
        md.parser.blockprocessors.register(BarePromptProcessor(md.parser, self), "jisik_prompts", 73)

    def reset(self) -> None:
        self.count = 0
        self.korean = False


def _safe_src(src: str) -> bool:
    """An http(s) URL or a path: what an `<img src>` may be."""
    return is_http_url(src) or not has_scheme(src)


def relative_src(image: str, page_path: str) -> str:
    """An image path relative to the docs folder, as a link from the page's Markdown file,
    percent-encoded: a file name with `#`, `?` or `%` is still that file."""
    if is_address(image):
        return image
    return quote(posixpath.relpath(image, posixpath.dirname(page_path) or "."))


def makeExtension(*args: Any, **kwargs: Any) -> FiguresExtension:  # noqa: N802
    return FiguresExtension(*args, **kwargs)
