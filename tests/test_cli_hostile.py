"""The `jisik` command against hostile and odd input one step beside tests/test_cli.py: servers that do
not speak HTTP, generators that misbehave, symlinked folders, config files whose hooks fail."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import yaml

from conftest import SiteProject
from test_cli import NO_PROXY, _no_traceback, jisik

# --- sources fetch-titles: one bad server never stops the batch -----------------------------------

_GOOD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 24\r\n\r\n<title>good page</title>"
_ANSWERS = {
    "/garbage": b"HELLO THERE\r\n\r\n",  # not HTTP at all: BadStatusLine
    "/long-header": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",  # LineTooLong
    "/no-status": b"",  # the connection closes at once: RemoteDisconnected
}
_LENIENT = {  # odd but readable: a page http.client reads to the end of the connection
    "/bad-length": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: x\r\n\r\n<title>x",
}


class _RawServer:
    """A TCP server answering each request with raw bytes chosen by its path; `/trickle` sends a
    page one byte every 0.5 s, forever (until the client goes)."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.closed = False
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while not self.closed:
            try:
                client, _ = self.socket.accept()
            except OSError:
                return
            threading.Thread(target=self.answer, args=(client,), daemon=True).start()

    def answer(self, client: socket.socket) -> None:
        with client:
            request = client.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if request.count(" ") >= 2 else "/"
            try:
                if path == "/trickle":
                    client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>")
                    while not self.closed:
                        client.sendall(b"a")
                        time.sleep(0.5)
                else:
                    client.sendall({**_ANSWERS, **_LENIENT}.get(path, _GOOD))
            except OSError:
                return


@pytest.fixture
def raw_server() -> Iterator[str]:
    server = _RawServer()
    try:
        yield f"127.0.0.1:{server.port}"
    finally:
        server.closed = True
        server.socket.close()


def test_fetch_titles_survives_servers_and_hosts_http_refuses(project: SiteProject, raw_server: str) -> None:
    bad = [f"http://{raw_server}{path}" for path in [*_ANSWERS, "/trickle"]]
    bad.append("http://exa mple.com/")  # a host with a space: http.client refuses it before connecting
    good = {f"http://{raw_server}/good": "good page", f"http://{raw_server}/bad-length": "x"}
    sources = "".join(f"  - {url}\n" for url in [*bad, *good])
    project.write(
        "articles/a.md", f"---\ndate: 2026-11-27\nsources:\n{sources}---\n\n# 나쁜 서버\n\n본문입니다.\n"
    )
    project.write_config()
    started = time.monotonic()
    result = jisik("sources", "fetch-titles", "--timeout", "2", cwd=project.root, env=NO_PROXY)
    took = time.monotonic() - started
    _no_traceback(result.stderr)
    assert result.returncode == 1, result.stdout + result.stderr
    for url in bad:
        assert f"  FAIL {url}: " in result.stdout, result.stdout
    assert result.stdout.splitlines()[-1].endswith(f"0 already known, {len(bad)} failed")
    # the good page's title is kept, whatever the others did
    cache = yaml.safe_load((project.docs / "source-titles.yml").read_text(encoding="utf-8"))
    assert cache == good
    # each failure is one line: the URL and why
    failures = [line for line in result.stdout.splitlines() if line.startswith("  FAIL ")]
    assert len(failures) == len(bad), result.stdout
    # a trickling page is given up after --timeout in all, not after --timeout between two bytes
    assert took < 30, took
    assert f"FAIL http://{raw_server}/trickle: the page took more than 2 s" in result.stdout
