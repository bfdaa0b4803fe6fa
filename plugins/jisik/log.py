"""The plugin's logger: messages print as `WARNING - [jisik] docs/x.md:3: …`, and `--strict` counts them;
and the path of a page as messages name it."""

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("jisik")


def display_path(file: File, config: MkDocsConfig) -> str:
    """The path a writer recognises: `docs/articles/x.md` (relative to the config file)."""
    docs = PurePosixPath(config.docs_dir.replace("\\", "/"))
    root = PurePosixPath((config.config_file_path or "").replace("\\", "/")).parent
    try:
        folder = docs.relative_to(root)
    except ValueError:
        folder = docs
    return f"{folder.as_posix()}/{file.src_uri}"
