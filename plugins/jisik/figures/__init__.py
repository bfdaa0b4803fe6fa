"""Figures: image prompts as <figure> blocks, image binding, prompts.json and `jisik prompts`."""

from .capability import Figures

__all__ = ["Figures"]
