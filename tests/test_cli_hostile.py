"""The `jisik` command against hostile and odd input one step beside tests/test_cli.py: servers that do
not speak HTTP, generators that misbehave, symlinked folders, config files whose hooks fail."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jisik.citations.fetch import iri_to_uri
from jisik.cli.common import UsageError
from jisik.cli.generate import is_image, parse_command
from support import SiteProject, text_of, tool
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
                if path == "/slow":  # a page that answers after a minute
                    deadline = time.monotonic() + 60
                    while not self.closed and time.monotonic() < deadline:
                        time.sleep(0.1)
                    client.sendall(_GOOD)
                elif path == "/trickle":
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


# --- prompts --run: generators that misbehave -------------------------------------------------------

IMAGES = Path(__file__).resolve().parent / "fixtures" / "images"
"""Real small images (from CPython's test data): what a generator writes."""

MISBEHAVING = textwrap.dedent(
    '''
    """A generator whose behaviour is chosen by the prompt's first word."""
    import os, subprocess, sys
    prompt, path, image = sys.argv[1], sys.argv[2], sys.argv[3]
    data = open(image, "rb").read()
    word = prompt.split()[0]
    if word == "Orphan":  # a helper left running, holding stderr open, after a good image
        open(path, "wb").write(data)
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        open(path + ".child", "w").write(str(child.pid))
    elif word == "Partial":  # a download cut short, and exit 0
        open(path, "wb").write(data[: len(data) // 2])
    elif word == "Elsewhere":  # a good image, but not where it was asked
        open(os.path.join(os.path.dirname(path), "elsewhere.png"), "wb").write(data)
    elif word == "Noisy":  # megabytes of chatter on stderr, then a good image
        for _ in range(200):
            sys.stderr.write("x" * 50_000 + "\\n")
        open(path, "wb").write(data)
    else:
        open(path, "wb").write(data)
    '''
)


def _prompt_article(project: SiteProject, *prompts: str, extra: str = "") -> None:
    paragraphs = "\n\n".join(f"{p} in a quiet Korean village at dawn, soft light, 4:3" for p in prompts)
    project.write(
        "articles/a.md", f"---\ndate: 2026-11-27\n---\n\n# 생성기\n\n본문입니다.\n\n{paragraphs}\n{extra}"
    )
    project.write_config()


@pytest.mark.parametrize("image", sorted(IMAGES.glob("python.*")), ids=lambda p: p.suffix)
def test_run_judges_what_each_generator_did_whatever_it_leaves_behind(
    project: SiteProject, image: Path
) -> None:
    script = project.root / "gen.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(MISBEHAVING, encoding="utf-8")
    _prompt_article(project, "Orphan", "Partial", "Elsewhere", "Noisy")
    command = f"{sys.executable} {script} {{prompt}} {{path}} {image}"
    started = time.monotonic()
    result = jisik("prompts", "--run", command, "--timeout", "60", cwd=project.root)
    took = time.monotonic() - started
    _no_traceback(result.stderr)
    assert result.stdout.splitlines()[-1] == "made 2, failed 2, timed out 0", result.stdout + result.stderr
    folder = project.docs / "assets" / "prompts"
    # a child left running neither holds the run until the timeout nor outlives it
    assert took < 45, took
    child = int((folder / "a-1.png.child").read_text())
    assert not Path(f"/proc/{child}").exists() or " Z " in Path(f"/proc/{child}/stat").read_text()
    assert (folder / "a-1.png").read_bytes() == image.read_bytes()
    assert (folder / "a-4.png").read_bytes() == image.read_bytes()  # stderr chatter is no failure
    # a cut image is removed; a file written elsewhere is no image of this prompt
    assert "failed: articles/a.md #2: docs/assets/prompts/a-2.png is not a PNG" in result.stdout
    assert not (folder / "a-2.png").exists()
    assert (
        "failed: articles/a.md #3: the command wrote no image at docs/assets/prompts/a-3.png" in result.stdout
    )
    # the next build shows exactly the images that were made
    built = project.build()
    shown = [img["src"] for img in built.html("articles/a/").select("figure.jisik-figure img")]
    assert [s.rsplit("/", 1)[-1] for s in shown] == ["a-1.png", "a-4.png"]


def _images() -> dict[str, bytes]:
    return {path.suffix: path.read_bytes() for path in IMAGES.glob("python.*")}


def _avif(*boxes: bytes) -> bytes:
    def box(kind: bytes, body: bytes) -> bytes:
        return (8 + len(body)).to_bytes(4, "big") + kind + body

    return box(b"ftyp", b"avif\x00\x00\x00\x00avifmif1") + b"".join(box(b[:4], b[4:]) for b in boxes)


@given(
    st.sampled_from([*_images().values(), _avif(b"meta" + b"\x00" * 40, b"mdat" + b"\x07" * 300)]), st.data()
)
def test_a_cut_image_is_never_taken_for_a_whole_one(whole: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(whole) - 1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.img"
        path.write_bytes(whole)
        assert is_image(path)
        path.write_bytes(whole[:cut])
        assert not is_image(path)


def test_run_reports_an_image_folder_it_cannot_make_and_goes_on(project: SiteProject) -> None:
    script = project.root / "gen.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(MISBEHAVING, encoding="utf-8")
    project.write("index.md", "# 홈\n")
    block = "\n/// prompt | 16:9\n    image: ../index.md/a.png\n\nA lighthouse through a file, 16:9\n///\n"
    _prompt_article(project, "Fine", extra=block)
    command = f"{sys.executable} {script} {{prompt}} {{path}} {IMAGES / 'python.png'}"
    result = jisik("prompts", "--run", command, cwd=project.root)
    _no_traceback(result.stderr)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "made 1, failed 1, timed out 0"
    assert "failed: articles/a.md #2: cannot make the folder docs/index.md: " in result.stdout


def test_run_writes_into_a_linked_image_folder_the_build_follows(
    project: SiteProject, tmp_path: Path
) -> None:
    """MkDocs follows symbolic links in docs_dir: a linked `assets/` is part of the site."""
    script = project.root / "gen.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(MISBEHAVING, encoding="utf-8")
    _prompt_article(project, "Linked")
    elsewhere = tmp_path / "shared-assets"
    elsewhere.mkdir()
    (project.docs / "assets").symlink_to(elsewhere, target_is_directory=True)
    command = f"{sys.executable} {script} {{prompt}} {{path}} {IMAGES / 'python.png'}"
    result = jisik("prompts", "--run", command, cwd=project.root)
    assert result.stdout.splitlines()[-1] == "made 1, failed 0, timed out 0", result.stdout + result.stderr
    assert (elsewhere / "prompts" / "a-1.png").is_file()
    built = project.build()
    (img,) = built.html("articles/a/").select("figure.jisik-figure img")
    assert built.path(built.follow("articles/a/", img["src"])).read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "command", ["gen {prompt} {{path}}", "gen {prompt} {{path}}.png", "gen {{{{path}}}}"]
)
def test_run_wants_the_path_placeholder_not_the_literal_text(command: str) -> None:
    with pytest.raises(UsageError, match=r"must contain \{path\}"):
        parse_command(command)
    assert parse_command("gen {{x}}{path}")[1] == "{{x}}{path}"


# --- symbolic links: MkDocs follows them, so the command does too -----------------------------------


@pytest.mark.parametrize("linked", ["folder", "file"])
def test_linked_articles_are_the_build_articles_for_every_subcommand(
    project: SiteProject, tmp_path: Path, linked: str
) -> None:
    elsewhere = tmp_path / "글 저장소"
    elsewhere.mkdir()
    (elsewhere / "linked.md").write_text(
        "---\ndate: 2026-11-20\ntags: [링크]\n---\n\n# 링크된 글\n\n본문입니다.\n", encoding="utf-8"
    )
    project.article("articles/own.md", "자기 글", date="2026-11-21", tags=["링크"])
    if linked == "folder":
        (project.docs / "articles" / "shelf").symlink_to(elsewhere, target_is_directory=True)
        name = "articles/shelf/linked.md"
    else:
        (project.docs / "articles" / "linked.md").symlink_to(elsewhere / "linked.md")
        name = "articles/linked.md"
    project.write_config()
    built = project.build()
    url = name.removesuffix(".md") + "/"
    assert built.path(url).exists()
    assert url in [
        built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")
    ]

    check = jisik("check", cwd=project.root)
    assert check.stdout.splitlines()[-1].startswith("2 articles checked"), check.stdout + check.stderr
    show = jisik("show", f"docs/{name}", cwd=project.root)
    record = json.loads(show.stdout)
    assert record["article"] is True and record["path"] == f"docs/{name}", show.stdout

    # a new article written through the link is one `mkdocs serve` shows
    folder = project.docs / "articles" / ("shelf" if linked == "folder" else "")
    if linked == "file":
        folder = project.docs / "articles" / "moved"
        folder.symlink_to(elsewhere, target_is_directory=True)
    new = jisik("new", "링크 너머의 새 글", "-o", str(folder), cwd=project.root)
    assert new.returncode == 0, new.stderr
    made = Path(new.stdout.strip()).name
    page = f"articles/{folder.name}/{made.removesuffix('.md')}/"
    assert f"`mkdocs serve` shows it at http://127.0.0.1:8000/kb/{page}" in new.stderr, new.stderr


# --- mkdocs.yml whose hooks or extensions fail: one message, no traceback ---------------------------

FAILING_CONFIGS = {
    "hook raises": (
        {"hooks": ["hooks/bad.py"]},
        "import os\n\nraise RuntimeError('the hook is broken')\n",
        "hooks/bad.py:3: RuntimeError: the hook is broken",
    ),
    "hook syntax error": (
        {"hooks": ["hooks/bad.py"]},
        "def on_config(config):\n    return config\n  oops\n",
        "hooks/bad.py:3: IndentationError: ",
    ),
    "hook import error": (
        {"hooks": ["hooks/bad.py"]},
        "import no_such_module_here\n",
        "hooks/bad.py:1: ModuleNotFoundError: No module named 'no_such_module_here'",
    ),
    "extension option": (
        {"markdown_extensions": [{"toc": {"no_such_option": 1}}]},
        None,
        "Failed to load extension 'toc'.\nKeyError: 'no_such_option'",
    ),
}


@pytest.mark.parametrize("case", FAILING_CONFIGS, ids=str)
@pytest.mark.parametrize("command", [["check"], ["prompts"], ["show", "docs/articles/a.md"], ["new", "제목"]])
def test_a_config_whose_code_fails_is_one_message(
    project: SiteProject, case: str, command: list[str]
) -> None:
    settings, hook, expected = FAILING_CONFIGS[case]
    project.article("articles/a.md", "글", date="2026-11-27")
    project.config.update(settings)
    if hook is not None:
        (project.root / "hooks").mkdir()
        (project.root / "hooks" / "bad.py").write_text(hook, encoding="utf-8")
    project.write_config()
    result = jisik(*command, cwd=project.root)
    _no_traceback(result.stderr)
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr, result.stderr
    assert 'File "' not in result.stderr and "^^^" not in result.stderr, result.stderr
    assert not list((project.docs / "articles").glob("2*.md"))  # `new` wrote nothing


def test_a_turned_off_plugin_is_said(project: SiteProject) -> None:
    project.article("articles/a.md", "글", date="2026-11-27")
    project.plugin_options = {"enabled": False}
    project.write_config()
    result = jisik("check", cwd=project.root)
    assert "the jisik plugin is turned off (enabled: false)" in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 article checked")


# --- the themes MkDocs ships: a theme without a `language` option --------------------------------


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_a_site_builds_and_feeds_with_the_themes_mkdocs_ships(project: SiteProject, theme: str) -> None:
    project.config["theme"] = {"name": theme}
    project.article("articles/a.md", "테마 글", date="2026-11-27", tags=["테마"])
    project.write_config()
    built = project.build()
    assert "테마 글" in text_of(built.html("articles/a/"))
    feed = (built.site_dir / "feed.xml").read_text(encoding="utf-8")
    assert "<title>테마 글</title>" in feed and "<language>ko</language>" in feed
    assert jisik("check", cwd=project.root).stdout.splitlines()[-1].startswith("1 article checked")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "jisik: there is no mkdocs.yml and no docs folder here; run in the site's folder"),
        (["--docs", "notes.md"], "jisik: docs folder notes.md is not a folder"),
        (["--docs", "nowhere"], "jisik: docs folder nowhere does not exist"),
        (["-f", "nowhere.yml"], "jisik: config file nowhere.yml does not exist"),
    ],
)
def test_where_no_site_is_one_plain_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "notes.md").write_text("# 메모\n", encoding="utf-8")
    result = jisik("check", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]] and result.stderr.startswith(message)


# --- the prompts table lines up in a terminal, whatever the names ----------------------------------


def _columns(text: str) -> int:
    """Terminal columns, counted on the composed (NFC) text: wide characters take two."""
    composed = unicodedata.normalize("NFC", text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in composed)


def test_the_prompts_table_lines_up_with_hangul_nfd_and_full_width_names(project: SiteProject) -> None:
    names = ["plain", "한글 이름", unicodedata.normalize("NFD", "분해된 한글"), "ＦＵＬＬ", '{x} it\'s "q"']
    for name in names:
        project.write(
            f"articles/{name}.md",
            "---\ndate: 2026-11-27\n---\n\n# 제목\n\n본문입니다.\n\n"
            "A quiet harbour at dusk with fishing boats, soft light, 4:3\n",
        )
    project.write_config()
    result = jisik("prompts", cwd=project.root)
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(names), result.stdout + result.stderr
    # the status column ("missing") starts at the same terminal column on every line
    starts = {_columns(line[: line.index("  missing  ")]) for line in lines[1:]}
    header = lines[0]
    assert starts == {_columns(header[: header.index("  status ")])}, result.stdout


# --- a source URL that cannot be parsed stops nothing ----------------------------------------------

UNPARSABLE = [
    "http://[::1",
    "https://[not-an-ip]/x",
    "http://a]b.example/",
    "http://x.example:99999/",
    "http://x:port/",
]


@pytest.mark.parametrize("where", ["front matter", "출처 line"])
def test_an_unparsable_source_url_is_reported_and_stops_nothing(project: SiteProject, where: str) -> None:
    if where == "front matter":
        listed = "".join(f"  - {json.dumps(url)}\n" for url in UNPARSABLE)
        project.write(
            "articles/bad.md", f"---\ndate: 2026-11-27\nsources:\n{listed}---\n\n# 나쁜 주소\n\n본문입니다.\n"
        )
    else:
        lines = "\n\n".join(f"출처: {url}" for url in UNPARSABLE)
        project.write(
            "articles/bad.md", f"---\ndate: 2026-11-27\n---\n\n# 나쁜 주소\n\n본문입니다.\n\n{lines}\n"
        )
    project.article(
        "articles/good.md", "좋은 글", date="2026-11-28", body="본문.\n\n출처: https://example.org/a"
    )
    project.write_config()
    built = project.build()  # the site is built: one article's bad URL stops nothing
    page = built.html("articles/bad/")
    assert not [
        a["href"] for a in page.select("li.jisik-source a") if "[" in a["href"] or "99999" in a["href"]
    ]
    shown = text_of(page)
    for url in UNPARSABLE:
        assert url in shown  # shown as text, as written
    assert built.path("articles/good/").exists()
    assert any("docs/articles/bad.md:" in w and "[::1" in w for w in built.warnings), built.warnings

    check = jisik("check", cwd=project.root)
    _no_traceback(check.stderr)
    reported = [line for line in check.stdout.splitlines() if line.startswith("docs/articles/bad.md:")]
    for url in UNPARSABLE:
        assert any(repr(url) in line for line in reported), check.stdout
    show = jisik("show", "docs/articles/bad.md", "docs/articles/good.md", cwd=project.root)
    assert show.returncode == 0, show.stderr
    records = json.loads(show.stdout)
    assert [s["url"] for s in records[0]["sources"]] == UNPARSABLE
    assert all(s["domain"] is None for s in records[0]["sources"])


# --- import: nothing in a folder vanishes without a word ------------------------------------------


def test_import_reports_a_link_to_nothing_in_a_folder(project: SiteProject, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text("좋은 제목\n\n본문 문단입니다.\n", encoding="utf-8")
    (raw / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (raw / "folder.txt").mkdir()  # a folder is no text file: left alone
    project.write_config()
    result = jisik("import", str(raw), "-o", "out", "--date", "2026-11-27", cwd=project.root)
    _no_traceback(result.stderr)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"failed {raw / 'gone.txt'}: " in result.stderr + result.stdout
    assert "imported 1, skipped 0, failed 1" in result.stdout
    assert [p.name for p in (project.root / "out").iterdir()] == ["2026-11-27-joeun-jemok.md"]


# --- IRIs: hosts as browsers send them --------------------------------------------------------------


@pytest.mark.parametrize(
    ("iri", "uri"),
    [
        ("http://faß.de/", "http://xn--fa-hia.de/"),  # IDNA 2008: ß is kept, not folded to ss
        ("http://βόλος.gr/", "http://xn--nxasmm1c.gr/"),  # final sigma kept
        (
            "http://ＥＸＡＭＰＬＥ.한국:8080/가?q=나#다",
            "http://example.xn--3e0b707e:8080/%EA%B0%80?q=%EB%82%98",
        ),
        ("http://☃.net/", "http://xn--n3h.net/"),  # a symbol IDNA 2008 refuses: IDNA 2003, as browsers
        ("http://us%20er:p@ss@한국.kr/", "http://us%20er:p%40ss@xn--3e0b707e.kr/"),
        ("http://[2001:db8::1]:81/한", "http://[2001:db8::1]:81/%ED%95%9C"),
    ],
)
def test_iri_hosts_are_encoded_as_browsers_send_them(iri: str, uri: str) -> None:
    assert iri_to_uri(iri) == uri


@pytest.mark.parametrize(
    "iri", ["http://한국..kr/", "http://" + "가" * 70 + ".kr/", "http://[::1/", "http://x:99999/"]
)
def test_an_iri_that_cannot_be_asked_for_is_a_value_error(iri: str) -> None:
    with pytest.raises(ValueError):
        iri_to_uri(iri)


@pytest.mark.parametrize("folder", ["../outside", "/tmp/abs", "a/../../b"])
def test_an_image_folder_outside_the_docs_is_refused(project: SiteProject, folder: str) -> None:
    _prompt_article(project, "Outside")
    for args in (["prompts", "--images", folder], ["prompts", "--images", folder, "--run", "gen {path}"]):
        result = jisik(*args, cwd=project.root)
        assert result.returncode == 2, result.stdout + result.stderr
        assert f"--images {folder}: the image folder must be inside the docs folder" in result.stderr
    assert not (project.root / "outside").exists()


def test_a_huge_generated_file_is_judged_without_reading_it_all(tmp_path: Path) -> None:
    """A generator that writes gigabytes: judged at its start and end, within 1 GB of memory."""
    png = (IMAGES / "python.png").read_bytes()
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.write(png[:100])
        handle.truncate(6 * 1024**3)  # a sparse file: no disk used
        handle.seek(0, os.SEEK_END)
        handle.write(png[-12:])
    code = (
        "import resource, sys; from pathlib import Path; from jisik.cli.generate import is_image; "
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
        f"print(is_image(Path({str(huge)!r})), is_image(Path({str(IMAGES / 'python.jpg')!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["True", "True"], result.stderr


# --- a prompt block whose text repeats its ratio: the text to paste says it once ---------------------


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("A red lighthouse on a cliff at dusk, 4:3", "A red lighthouse on a cliff at dusk"),
        ("A red lighthouse on a cliff at dusk, 4 : 3.", "A red lighthouse on a cliff at dusk"),
        ("A red lighthouse on a cliff\nat dusk,\n4:3", "A red lighthouse on a cliff at dusk"),
        ("A red lighthouse on a cliff at dusk, 16:9", "A red lighthouse on a cliff at dusk, 16:9"),
        ("A red lighthouse on a cliff at dusk", "A red lighthouse on a cliff at dusk"),
    ],
)
def test_a_block_prompt_ending_in_its_own_ratio_says_it_once(
    project: SiteProject, content: str, text: str
) -> None:
    project.write(
        "articles/a.md",
        f"---\ndate: 2026-11-27\n---\n\n# 블록\n\n본문입니다.\n\n/// prompt | 4:3\n{content}\n///\n",
    )
    image = project.docs / "assets" / "prompts" / "a-1.png"
    image.parent.mkdir(parents=True)
    image.write_bytes((IMAGES / "python.png").read_bytes())
    project.write_config()
    paste = f"{text}, 4:3"
    (row,) = json.loads(jisik("prompts", "--json", cwd=project.root).stdout)
    assert (row["prompt"], row["paste"], row["image_exists"]) == (text, paste, True)
    built = project.build()
    (published,) = json.loads((built.site_dir / "prompts.json").read_text(encoding="utf-8"))["prompts"]
    assert published["paste"] == paste
    (figure,) = built.html("articles/a/").select("figure.jisik-figure")
    shown = figure.select_one(".jisik-prompt")
    assert shown is not None and shown.get_text() == text
    assert shown.get_text() + figure["data-jisik-suffix"] == paste  # what the copy button copies
    assert figure.select_one("img") is not None  # the image still binds to the prompt


# --- a README.md home page (MkDocs' rule: README.md is the index of a folder without index.md) -----


@pytest.mark.parametrize("per_page", [20, 1])
def test_a_readme_home_page_is_kept_listed_nowhere_and_gets_the_list(
    project: SiteProject, per_page: int
) -> None:
    project.write("README.md", "# 우리 지식 창고\n\n이 사이트를 소개하는 첫 문단입니다.\n")
    project.article("articles/a.md", "첫 글", date="2026-11-01", tags=["태그"])
    project.article("articles/b.md", "둘째 글", date="2026-11-02", tags=["태그"])
    project.plugin_options = {"home": {"per_page": per_page}}
    project.write_config()
    built = project.build()
    home = built.html("")
    assert "이 사이트를 소개하는 첫 문단입니다." in text_of(home)  # the writer's page, not a generated one
    listed = [built.follow("", a["href"]) for a in home.select("a.jisik-card__title")]
    assert listed == ["articles/b/"] if per_page == 1 else ["articles/b/", "articles/a/"]
    archive = [
        built.follow("archive/", a["href"]) for a in built.html("archive/").select("a.jisik-card__title")
    ]
    assert sorted(archive) == ["articles/a/", "articles/b/"]  # the README is no article
    check = jisik("check", cwd=project.root)
    assert check.stdout.splitlines()[-1].startswith("2 articles checked"), check.stdout
    assert "README.md" not in check.stdout
    assert json.loads(jisik("show", "docs/README.md", cwd=project.root).stdout)["article"] is False


def test_ctrl_c_during_fetch_titles_keeps_the_titles_fetched_so_far(
    project: SiteProject, raw_server: str
) -> None:
    slow = f"http://{raw_server}/slow"
    good = [f"http://{raw_server}/good/{n}" for n in range(3)]
    sources = "".join(f"  - {url}\n" for url in [slow, *good])  # the slow page is asked for first
    project.write("articles/a.md", f"---\ndate: 2026-11-27\nsources:\n{sources}---\n\n# 느린 서버\n\n본문.\n")
    project.write_config()
    process = subprocess.Popen(
        [tool("jisik"), "sources", "fetch-titles", "--timeout", "5"],
        cwd=project.root,
        env=dict(os.environ, **NO_PROXY),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)  # the good pages answer at once; the slow one is still loading
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    _no_traceback(err)
    assert process.returncode == 130, err
    assert "jisik: 3 titles fetched so far saved to docs/source-titles.yml" in err
    cache = yaml.safe_load((project.docs / "source-titles.yml").read_text(encoding="utf-8"))
    assert cache == dict.fromkeys(good, "good page")
