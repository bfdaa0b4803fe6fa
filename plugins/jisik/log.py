"""The plugin's logger: messages print as `WARNING - [jisik] docs/x.md:3: …`, and `--strict` counts them."""

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("jisik")
