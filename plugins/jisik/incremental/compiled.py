"""Jinja templates compiled once for a whole `mkdocs serve` session."""

from __future__ import annotations

from collections.abc import Hashable
from types import CodeType

import jinja2


def _settings(env: jinja2.Environment) -> Hashable:
    """What of an environment goes into a template's compiled code (its syntax, whitespace handling,
    extensions, autoescape and finalize): environments that differ here never share code."""
    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        tuple(sorted(env.extensions)),
        env.autoescape if isinstance(env.autoescape, bool) else _name(env.autoescape),
        None if env.finalize is None else _name(env.finalize),
    )


def _name(function: object) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"


class CompiledTemplates(jinja2.BytecodeCache):
    """A Jinja bytecode cache held in memory (Jinja's documented `BytecodeCache` API). MkDocs makes a new
    Jinja environment for every build, so under `mkdocs serve` each rebuild compiled Material's templates
    (and jisik's partials) again; set on each build's environments (`on_env`), a template is compiled
    once per session. A template is found by its name, its file and its source's checksum (Jinja's
    `Bucket`), and by the environment's settings: an edited override is compiled again."""

    def __init__(self) -> None:
        self._code: dict[tuple[Hashable, str], tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self._code.get((_settings(bucket.environment), bucket.key))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self._code[(_settings(bucket.environment), bucket.key)] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()
