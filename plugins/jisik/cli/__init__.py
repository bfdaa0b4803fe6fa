"""The `jisik` command: one module per subcommand, each with a `register(commands)` function."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from . import check, importer, new, prompts, show, sources
from .common import UsageError

SUBCOMMANDS = (show, prompts, sources, importer, new, check)

BROKEN_PIPE = 141
"""What a shell reports for a command stopped by SIGPIPE (128 + 13), as `… | head` stops `cat`."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jisik", description="jisik: 한국어 지식 베이스 도구")
    parser.add_argument("--version", action="version", version=f"jisik {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.register(commands)
    return parser


def _quiet_output() -> None:
    """The reader went away (`jisik show … | head -1`): send what is still buffered nowhere, so
    neither this exit nor Python's final flush prints a BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):
            continue
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        try:
            status = int(args.run(args))
        except (UsageError, ValueError) as exc:
            print(f"jisik: {exc}", file=sys.stderr)
            status = 2
        except KeyboardInterrupt:
            print("jisik: interrupted", file=sys.stderr)
            status = 130
        sys.stdout.flush()  # inside the try: a closed pipe is noticed here, not at exit
        return status
    except BrokenPipeError:
        _quiet_output()
        return BROKEN_PIPE


if __name__ == "__main__":
    raise SystemExit(main())
