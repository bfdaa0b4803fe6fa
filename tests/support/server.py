"""A built site served on 127.0.0.1, as `python3 -m http.server` serves it (optionally under a path)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_PATH = "/jisik-kb/"  # GitHub Pages serves a project site at https://<user>.github.io/<repo>/


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """`python3 -m http.server`, quiet; with a `prefix`, it serves the folder under that path only."""

    def __init__(self, *args: Any, prefix: str = "/", **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        if not urlsplit(self.path).path.startswith(self.prefix):
            self.send_error(404, f"outside {self.prefix}")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :])


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (to build a site whose site_url names it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, prefix: str = "/") -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port by default) as `python3 -m http.server` would.

    With `prefix="/repo/"` the folder is served at `/repo/…`, as GitHub Pages serves a project site,
    and every other path is a 404. Yields the site's root URL (ending with the prefix).
    """
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    handler = functools.partial(_QuietHandler, directory=str(directory), prefix=prefix)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()
