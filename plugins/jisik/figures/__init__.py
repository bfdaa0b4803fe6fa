"""Figures: image prompts as <figure> blocks, image binding, prompts.json and `jisik prompts`."""
