"""The rule that every config option has a docstring right under it, checked per `Config` class."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from types import ModuleType

from mkdocs.config import base
from mkdocs.config.base import BaseConfigOption


def config_classes(package: ModuleType) -> list[type[base.Config]]:
    """Every `Config` subclass defined in `package` or its modules (each module imported), plus the
    sub-configs its options name (`c.SubConfig(SearchConfig)`), wherever those are defined."""
    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.endswith("__main__"):  # `python -m` entry points run on import
            modules.append(importlib.import_module(info.name))
    found: dict[str, type[base.Config]] = {}
    todo = [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, base.Config) and value.__module__ == module.__name__
    ]
    while todo:
        cls = todo.pop()
        key = f"{cls.__module__}.{cls.__qualname__}"
        if key in found:
            continue
        found[key] = cls
        for _name, option in cls._schema:
            sub = getattr(option, "config_class", None)
            if isinstance(sub, type) and issubclass(sub, base.Config):
                todo.append(sub)
    return [found[key] for key in sorted(found)]


def undocumented(cls: type[base.Config]) -> list[str]:
    """`Class.option` for each option this class declares itself (not inherited) that has no string
    literal as the very next statement of the class body."""
    own = [name for name, value in vars(cls).items() if isinstance(value, BaseConfigOption)]
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = next(node for node in tree.body if isinstance(node, ast.ClassDef)).body
    documented = set()
    for statement, following in zip(body, [*body[1:], None], strict=True):
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        is_docstring = (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
            and following.value.value.strip() != ""
        )
        for target in targets:
            if isinstance(target, ast.Name) and is_docstring:
                documented.add(target.id)
    return [f"{cls.__qualname__}.{name}" for name in own if name not in documented]
