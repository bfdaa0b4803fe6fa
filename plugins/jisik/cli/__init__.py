"""The `jisik` command: one module per subcommand, each with a `register(commands)` function."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import check, importer, new, prompts, show, sources
from .common import UsageError

SUBCOMMANDS = (show, prompts, sources, importer, new, check)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jisik", description="jisik: 한국어 지식 베이스 도구")
    parser.add_argument("--version", action="version", version=f"jisik {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (UsageError, ValueError) as exc:
        print(f"jisik: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("jisik: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
