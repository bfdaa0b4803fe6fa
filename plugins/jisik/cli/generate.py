"""`jisik prompts --missing --run 'CMD {prompt} {path}'`: the writer's own image generator, once per
missing image, so the next build binds what it writes.

The command is split once, like a shell would (`shlex`), and each placeholder is replaced inside its
own argument: a prompt becomes exactly one argument, whatever quotes, `;`, `$(…)` or backticks it
holds, and no shell ever sees it. Each run has a timeout; at most `--jobs` run at a time.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from ..figures.binding import IMAGE_EXTENSIONS
from ..figures.report import PromptRow
from ..model.conventions import is_address
from .common import UsageError, shown_path

PLACEHOLDERS = {
    "prompt": "the text to paste: the prompt with its ratio (`…, 4:3`)",
    "text": "the prompt without its ratio",
    "ratio": "the aspect ratio, `4:3`",
    "width": "the width in pixels (the long side is --size, the other a multiple of 8)",
    "height": "the height in pixels",
    "path": "where the image must be written (absolute; the build finds it there)",
    "article": "the article's path in the docs folder",
    "number": "the prompt's number in the article (1, 2, …)",
}
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def parse_command(template: str) -> list[str]:
    """Split the command once, as a shell would, and check its placeholders (no shell runs it)."""
    try:
        argv = shlex.split(template)
    except ValueError as exc:
        raise UsageError(f"cannot read the generator command {template!r}: {exc}") from None
    if not argv:
        raise UsageError("the generator command is empty")
    for word in argv:
        for match in _FIELD.finditer(word):
            name = match.group(1)
            if name is not None and name not in PLACEHOLDERS:
                known = ", ".join("{" + key + "}" for key in PLACEHOLDERS)
                raise UsageError(f"unknown placeholder {{{name}}} in the generator command (known: {known})")
    if not any(match.group(1) == "path" for word in argv for match in _FIELD.finditer(word)):
        raise UsageError("the generator command must contain {path}: where it writes the image")
    return argv


def substitute(argv: Sequence[str], values: dict[str, str]) -> list[str]:
    """Each argument with its placeholders replaced in one pass (`{{`, `}}` are literal braces): a
    value is never read again for placeholders and never split."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group()[0]
        return values[name]

    return [_FIELD.sub(one, word) for word in argv]


def pixels(ratio: tuple[int, int], size: int) -> tuple[int, int]:
    """Width and height for a ratio: the long side `size`, the other rounded to a multiple of 8."""
    width, height = ratio

    def side(fraction: float) -> int:
        return max(8, int(size * fraction / 8 + 0.5) * 8)

    return (size, side(height / width)) if width >= height else (side(width / height), size)


def _at(handle: BinaryIO, offset: int, length: int) -> bytes:
    handle.seek(max(0, offset))
    return handle.read(length)


def _png(handle: BinaryIO, size: int) -> bool:
    """A PNG: the signature, and the `IEND` chunk last."""
    return _at(handle, 0, 8) == b"\x89PNG\r\n\x1a\n" and _at(handle, size - 8, 8) == b"IEND\xaeB`\x82"


def _jpeg(handle: BinaryIO, size: int) -> bool:
    """A JPEG: the start-of-image marker, and the end-of-image marker last (zero padding allowed)."""
    tail = _at(handle, size - 4096, 4096).rstrip(b"\x00")
    return _at(handle, 0, 3) == b"\xff\xd8\xff" and tail.endswith(b"\xff\xd9")


def _webp(handle: BinaryIO, size: int) -> bool:
    """A WebP: a RIFF file whose declared size is the file's size."""
    head = _at(handle, 0, 12)
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP" and int.from_bytes(head[4:8], "little") + 8 == size


def _avif(handle: BinaryIO, size: int) -> bool:
    """An AVIF: ISO boxes (`ftyp` of an AVIF brand first) that end exactly at the end of the file, one of
    them the `mdat` box with the image data (a file cut just after its `meta` box is boxes too)."""
    head = _at(handle, 0, 12)
    if not (head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis", b"mif1")):
        return False
    offset = 0
    data = False
    while offset < size:
        box = _at(handle, offset, 16)
        if len(box) < 8:
            return False
        data = data or box[4:8] == b"mdat"
        length = int.from_bytes(box[:4], "big")
        if length == 1:  # a 64-bit size follows the type
            length = int.from_bytes(box[8:16], "big") if len(box) == 16 else 0
        elif length == 0:  # the last box runs to the end of the file
            return data
        if length < 8:
            return False
        offset += length
    return offset == size and data


_FORMATS: tuple[Callable[[BinaryIO, int], bool], ...] = (_png, _jpeg, _webp, _avif)


def is_image(path: Path) -> bool:
    """A whole PNG, JPEG, WebP or AVIF file: its first bytes say which, and it is not cut short (read
    at its start and end only: a huge file costs no memory)."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            return any(test(handle, size) for test in _FORMATS)
    except OSError:
        return False


@dataclass(frozen=True)
class Job:
    """One missing image: the prompt's row, the files the build would bind, the command to run."""

    row: PromptRow
    target: Path
    """`{path}`: where the command is asked to write."""
    candidates: tuple[Path, ...]
    """Every file the build would bind to this prompt (`x-1.avif` … `x-1.jpeg`, or an explicit image)."""
    argv: list[str]


@dataclass(frozen=True)
class Outcome:
    job: Job
    status: str
    """`made`, `failed` or `timed out`."""
    detail: str
    seconds: float


def jobs_for(
    rows: Sequence[PromptRow], docs: Path, argv: Sequence[str], size: int
) -> tuple[list[Job], list[str]]:
    """The jobs of the rows whose image is missing, and why other missing images are left alone: an
    address (`https://…`) cannot be made, a path outside the docs folder would never be shown, and
    two prompts naming the same file get it made once."""
    made: list[Job] = []
    skipped: list[str] = []
    seen: dict[Path, str] = {}
    for row in rows:
        binding = row.binding
        name = f"{row.article.path} #{binding.number}"
        if binding.exists:
            continue
        if is_address(binding.expected):
            skipped.append(f"{name}: its image is an address ({binding.expected}), not a file to make")
            continue
        # Inside the docs folder as the build sees it: by name, for MkDocs follows symbolic links (a
        # linked `assets/` folder is part of the site).
        relative = posixpath.normpath(binding.expected)
        if relative == ".." or relative.startswith("../"):
            skipped.append(f"{name}: its image {binding.expected} is outside the docs folder")
            continue
        target = docs / relative
        same = target.resolve()
        if same in seen:
            skipped.append(f"{name}: same image as {seen[same]}, made once")
            continue
        seen[same] = name
        if binding.prompt.options.get("image", "").strip():
            candidates: tuple[Path, ...] = (target,)
        else:
            stem = target.with_suffix("")
            candidates = tuple(stem.with_name(f"{stem.name}.{ext}") for ext in IMAGE_EXTENSIONS)
        width, height = pixels(binding.prompt.ratio, size)
        values = {
            "prompt": binding.prompt.full_text,
            "text": binding.prompt.text,
            "ratio": f"{binding.prompt.ratio[0]}:{binding.prompt.ratio[1]}",
            "width": str(width),
            "height": str(height),
            "path": str(target),
            "article": row.article.path,
            "number": str(binding.number),
        }
        made.append(Job(row, target, candidates, substitute(argv, values)))
    return made, skipped


class Runner:
    """Runs the jobs, at most `jobs` at a time, each stopped after `timeout` seconds."""

    def __init__(self, timeout: float, jobs: int) -> None:
        self.timeout = timeout
        self.jobs = max(1, jobs)
        self._running: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def run(self, jobs: Sequence[Job], progress: Callable[[int, Outcome], None]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        pool = ThreadPoolExecutor(max_workers=self.jobs)
        try:
            futures = [pool.submit(self.one, job) for job in jobs]
            for future in as_completed(futures):
                outcome = future.result()
                outcomes.append(outcome)
                progress(len(outcomes), outcome)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            self.stop_all()
            raise
        pool.shutdown(wait=True)
        return outcomes

    def stop_all(self) -> None:
        """Stop every running generator, and start no other (Ctrl-C)."""
        with self._lock:
            self._stopped = True
            running = list(self._running)
        for process in running:
            _kill(process)

    def one(self, job: Job) -> Outcome:
        started = time.monotonic()
        try:
            job.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            folder = shown_path(job.target.parent)
            return Outcome(job, "failed", f"cannot make the folder {folder}: {exc.strerror or exc}", 0.0)
        # stderr goes to a file, not a pipe: a child the generator leaves running cannot hold the run
        # open, and a generator that prints megabytes fills no memory
        with tempfile.TemporaryFile() as err:
            with self._lock:
                if self._stopped:
                    return Outcome(job, "failed", "not started: the run was interrupted", 0.0)
                try:
                    process = subprocess.Popen(
                        job.argv,
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=err,
                        start_new_session=True,  # its own process group: stopped with its children
                    )
                except OSError as exc:
                    return Outcome(job, "failed", f"cannot run {job.argv[0]}: {exc.strerror or exc}", 0.0)
                self._running.add(process)
            try:
                exited = _wait(process, self.timeout)
                # children it left running are stopped too: none writes the image after it is checked
                _kill(process)
                process.wait()
            finally:
                with self._lock:
                    self._running.discard(process)
            said = _last_line(err)
        seconds = time.monotonic() - started
        if not exited:
            removed = _remove(job.candidates)
            detail = f"no image after {self.timeout:g} s; stopped" + (f" ({removed})" if removed else "")
            return Outcome(job, "timed out", detail, seconds)
        if process.returncode != 0:
            removed = _remove(job.candidates)
            detail = f"exit status {process.returncode}" + (f": {said}" if said else "")
            return Outcome(job, "failed", detail + (f" ({removed})" if removed else ""), seconds)
        found = [path for path in job.candidates if path.is_file()]
        if not found:
            return Outcome(job, "failed", f"the command wrote no image at {shown_path(job.target)}", seconds)
        if not is_image(found[0]):
            removed = _remove(job.candidates)
            detail = f"{shown_path(found[0])} is not a PNG, JPEG, WebP or AVIF image ({removed})"
            return Outcome(job, "failed", detail, seconds)
        return Outcome(job, "made", shown_path(found[0]), seconds)


def _wait(process: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait until the generator itself exits (True) or `timeout` passes (False), without reaping it:
    until it is reaped its process group cannot be another's, so `_kill` stops only its children."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            if os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(delay, left))
        delay = min(delay * 2, 0.1)


def _last_line(err: IO[bytes]) -> str:
    """The last line the generator printed on stderr (from the end of what it wrote)."""
    err.seek(0, os.SEEK_END)
    err.seek(max(0, err.tell() - 4096))
    lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip() if lines else ""


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _remove(paths: Sequence[Path]) -> str:
    """Remove what a failed run left where the build would bind it (those files were missing before)."""
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue
        removed.append(shown_path(path))
    return "removed " + ", ".join(removed) if removed else ""


def generate(
    rows: Sequence[PromptRow], docs: Path, template: str, *, jobs: int, timeout: float, size: int
) -> int:
    """Run the generator for every missing image; progress on stderr, the report on stdout."""
    argv = parse_command(template)
    program = argv[0]
    if os.sep not in program and shutil.which(program) is None:
        raise UsageError(f"the generator command {program!r} is not found on PATH")
    work, skipped = jobs_for(rows, docs, argv, size)
    for note in skipped:
        print(f"jisik: skipped {note}", file=sys.stderr)
    if not work:
        print("no missing images")
        return 0
    total = len(work)
    print(
        f"jisik: generating {total} missing image{'s' if total != 1 else ''}, "
        f"{max(1, jobs)} at a time, {timeout:g} s each at most",
        file=sys.stderr,
    )

    terminal = sys.stderr.isatty()

    def bar(done: int) -> None:
        """On a terminal, a bar under the result lines, redrawn after each image."""
        if terminal:
            filled = round(24 * done / total)
            sys.stderr.write(f"[{'█' * filled}{'░' * (24 - filled)}] {done}/{total}")
            sys.stderr.flush()

    def progress(done: int, outcome: Outcome) -> None:
        row = outcome.job.row
        name = f"{row.article.path} #{row.binding.number}"
        line = f"[{done}/{total}] {outcome.status:9} {name}: {outcome.detail} ({outcome.seconds:.1f} s)"
        print(("\r\x1b[K" if terminal else "") + line, file=sys.stderr, flush=True)
        if done < total:
            bar(done)

    bar(0)

    outcomes = Runner(timeout, jobs).run(work, progress)
    made = sum(1 for o in outcomes if o.status == "made")
    failed = [o for o in outcomes if o.status == "failed"]
    late = [o for o in outcomes if o.status == "timed out"]
    for outcome in sorted([*failed, *late], key=lambda o: (o.job.row.article.path, o.job.row.binding.number)):
        row = outcome.job.row
        print(f"{outcome.status}: {row.article.path} #{row.binding.number}: {outcome.detail}")
    print(f"made {made}, failed {len(failed)}, timed out {len(late)}")
    return 1 if failed or late else 0
