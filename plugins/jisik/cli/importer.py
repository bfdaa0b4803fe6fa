"""`jisik import PATH… [-o DIR] [--date D] [--force]`: raw text files to Markdown articles."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..checks import title_key
from ..importer import (
    DEFAULT_JUNK,
    ConvertError,
    DecodeError,
    Imported,
    article_filename,
    convert,
    decode,
    today_in,
)
from ..importer.files import replace, write_new
from ..model import DEFAULT_TIMEZONE, DateError, get_timezone, parse_article, parse_date
from .common import UsageError, add_site_arguments, shown_path, site_here

DEFAULT_OUTPUT = Path("docs") / "articles"


def output_folder(option: str | None) -> Path:
    """The folder new articles go to: `-o DIR` (created if missing), else `docs/articles`."""
    if option is None:
        if not DEFAULT_OUTPUT.parent.is_dir():
            raise UsageError("there is no docs folder here; give the folder for the articles with -o DIR")
        folder = DEFAULT_OUTPUT
    else:
        folder = Path(option)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {folder}: {exc.strerror}") from None
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    return folder


def batch_titles(files: list[Path], date: dt.date | None, junk: list[str], today: dt.date) -> set[str]:
    """The title keys of the files being imported: a related list may name an article of the same batch."""
    keys = set()
    for source in files:
        try:
            text, _encoding = decode(source.read_bytes())
            keys.add(title_key(convert(text, date=date, junk=junk, today=today).title))
        except (DecodeError, ConvertError, OSError):
            continue  # said when the file itself is imported
    return keys


def existing_titles(folder: Path) -> dict[Path, str]:
    """The title key of every Markdown article under `folder` (unreadable files are left out)."""
    titles = {}
    for path in sorted(folder.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        titles[path] = title_key(parse_article(text, path.as_posix()).title)
    return titles


def date_option(value: str | None, timezone: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, get_timezone(timezone)).date()
    except DateError as exc:
        raise UsageError(f"--date: {exc}") from None


def read_junk(files: list[str]) -> list[str]:
    junk = list(DEFAULT_JUNK)
    for name in files:
        try:
            text, _encoding = decode(Path(name).read_bytes())
        except OSError as exc:
            raise UsageError(f"--junk-file {name}: {exc.strerror}") from None
        except DecodeError as exc:
            raise UsageError(f"--junk-file {name}: {exc}") from None
        junk.extend(line.strip() for line in text.splitlines() if line.strip())
    return junk


def inputs(paths: list[str]) -> list[Path]:
    """The files to import: each file as given, and every `.txt` file directly in each folder."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            # a link to nothing is listed too, so it fails with the batch instead of vanishing
            texts = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() == ".txt" and (p.is_file() or (p.is_symlink() and not p.exists()))
            )
            if not texts:
                print(f"jisik: no .txt files in {path}", file=sys.stderr)
            found.extend(texts)
        else:
            found.append(path)  # a missing file fails when it is read, with the rest of the batch
    return found


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class Progress:
    """`[3/10] name.txt` on stderr: one updating line on a terminal, plain lines otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.shown = False

    def step(self, number: int, name: str) -> None:
        if self.total < 2:
            return
        label = f"[{number}/{self.total}] {name}"
        if self.tty:
            width = shutil.get_terminal_size().columns - 1
            while _display_width(label) > width and len(label) > 1:
                label = label[:-2] + "…"
            self.stream.write("\r\x1b[K" + label)
            self.shown = True
        else:
            self.stream.write(label + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Take the updating line away before other output is printed."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


@dataclass
class Batch:
    """One `jisik import` run: where articles go, what is there, and what happened."""

    output: Path
    force: bool
    titles: dict[Path, str]
    written: set[Path] = field(default_factory=set)
    imported: int = 0
    skipped: int = 0
    failed: int = 0

    def same_title(self, key: str) -> Path | None:
        return next((path for path, title in self.titles.items() if title == key), None)

    def place(self, source: Path, article: Imported) -> tuple[str, bool]:
        """Write one article unless it is a duplicate; return the line to print and if it was written."""
        key = title_key(article.title)
        same = self.same_title(key)
        if same is not None and not self.force:
            self.skipped += 1
            where = "imported earlier in this batch" if same in self.written else "already exists"
            return (
                f"skipped {source}: an article with this title {where}: {same} (--force imports it anyway)",
                False,
            )
        data = article.markdown.encode("utf-8")
        number = 1
        while True:
            target = self.output / article_filename(article.date, article.title, number)
            number += 1
            if not (target.exists() or target.is_symlink()):
                try:
                    write_new(target, data)
                except FileExistsError:
                    continue
                verb = "imported"
                break
            if self.force and target not in self.written and self.titles.get(target) == key:
                if target.read_bytes() == data:
                    self.skipped += 1
                    return f"unchanged {source}: {target} already has this content", False
                replace(target, data)
                verb = "replaced"
                break
        self.titles[target] = key
        self.written.add(target)
        self.imported += 1
        line = f"{verb} {source} → {target}"
        if same is not None and same != target:
            line += f"\n  note: {same} has the same title"
        return line, True


def run(args: argparse.Namespace) -> int:
    site = site_here(args)  # the site's docs_dir and articles.timezone, when there is a site here
    timezone = site.timezone if site is not None else (args.timezone or DEFAULT_TIMEZONE)
    get_timezone(timezone)
    date = date_option(args.date, timezone)
    today = today_in(timezone)
    junk = read_junk(args.junk_file)
    files = inputs(args.paths)
    if not files:
        raise UsageError("nothing to import")
    if args.output is None and site is not None:
        output = output_folder(shown_path(site.docs / "articles"))
    else:
        output = output_folder(args.output)
    batch = Batch(output, args.force, existing_titles(output))
    titles = set(batch.titles.values()) | batch_titles(files, date, junk, today)
    progress = Progress(len(files), sys.stderr)
    for number, source in enumerate(files, start=1):
        progress.step(number, source.name)
        try:
            text, _encoding = decode(source.read_bytes())
            article = convert(text, date=date, junk=junk, today=today, titles=titles)
            line, written = batch.place(source, article)
        except (DecodeError, ConvertError) as exc:
            batch.failed += 1
            progress.clear()
            print(f"failed {source}: {exc}", file=sys.stderr)
            continue
        except OSError as exc:
            batch.failed += 1
            progress.clear()
            print(f"failed {source}: {exc.strerror or exc}: {exc.filename or source}", file=sys.stderr)
            continue
        progress.clear()
        print(line)
        for notice in article.notices if written else ():
            print(f"  note: {notice}")
    progress.clear()
    print(f"imported {batch.imported}, skipped {batch.skipped}, failed {batch.failed}")
    return 1 if batch.failed else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="turn raw article text files into Markdown articles",
        description="Turn raw article text (title, sections, • bullets, image prompts, 출처 lines, "
        "hashtags) into jisik Markdown articles named YYYY-MM-DD-<romanized title>.md.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="text files, or folders (every .txt in them)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=f"folder for the articles (default: the config's docs_dir/articles, else {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--date", help="date of the articles (default: a date line in the text, else today, with a note)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="import articles whose title already exists, replacing a file of the same name and title",
    )
    parser.add_argument(
        "--junk-file",
        action="append",
        default=[],
        metavar="FILE",
        help="lines to drop, one per line, besides the defaults (" + ", ".join(DEFAULT_JUNK) + ")",
    )
    add_site_arguments(parser, docs_option=False)
    parser.set_defaults(run=run)
