"""File kinds beyond Python: each module handles one family of files.

A handler finds legacy names with the syntax of its kind and fixes them with
text edits that touch only the value tokens, so every other byte stays.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from functools import lru_cache
from pathlib import PurePosixPath

from ds_migrate.discover.globs import globs_regex
from ds_migrate.languages.base import Handler

__all__ = ["Handler", "handler_for", "all_handlers", "is_python"]

PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")


def is_python(path: str, data: bytes = b"") -> bool:
    """Is the file Python source? By its name; ``-`` (standard input) is;
    else by a shebang whose interpreter is python, when its first bytes are
    given (what pre-commit's identify calls python too)."""
    return path.endswith(PYTHON_SUFFIXES) or path == "-" or _interpreter(data).startswith(b"python")


def _interpreter(data: bytes) -> bytes:
    """The program a ``#!`` line runs: ``#!/usr/bin/env -S python3 -u`` ->
    ``python3``; ``#!/bin/sh`` -> ``sh``; b"" without a shebang. Only the
    first line counts: a later mention of python is not the interpreter."""
    if not data.startswith(b"#!"):
        return b""
    words = data[2:].split(b"\n", 1)[0].split()
    if words and words[0].rsplit(b"/", 1)[-1] == b"env":
        # env's own options and VAR=value settings come before the program
        words = [w for w in words[1:] if not w.startswith(b"-") and b"=" not in w]
    return words[0].rsplit(b"/", 1)[-1] if words else b""


@lru_cache(maxsize=None)
def all_handlers() -> tuple[Handler, ...]:
    for module in pkgutil.iter_modules(__path__):
        if module.name not in {"base", "textscan"}:
            importlib.import_module(f"{__name__}.{module.name}")
    found = []
    stack = list(Handler.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if getattr(cls, "kind", None):
            found.append(cls())
    return tuple(sorted(found, key=lambda h: (h.priority, h.kind)))


def handler_for(path: str) -> Handler | None:
    if path.endswith(PYTHON_SUFFIXES):
        return None  # the common case, answered without matching globs
    return _handler_for_name(path.replace("\\", "/").rsplit("/", 1)[-1])


@lru_cache(maxsize=4096)
def _handler_for_name(name: str) -> Handler | None:
    posix = PurePosixPath(name)
    for handler in all_handlers():
        if handler.claims(posix):
            return handler
    return None


def default_include() -> tuple[str, ...]:
    """Every file name: a kind no handler parses is searched as plain text
    (known binary extensions are left out by discovery)."""
    return ("*",)


def searched_as_text(path: str) -> bool:
    """Is ``path`` a kind no handler parses, searched as plain text?

    Discovery asks this of every clean file it counts (tens of thousands of
    distinct names on a big tree), so it is one match of one pattern."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if is_python(name):
        return False  # answered without importing every handler (a pre-commit run of .py files)
    return parsed_name().match(name) is None


@lru_cache(maxsize=None)
def parsed_name() -> re.Pattern:
    """Matches the file names Python or some handler parses (what
    ``Handler.claims`` answers, for all handlers at once)."""
    from ds_migrate.languages.kinds import PATTERNS  # data: no handler (nor libcst) imported

    globs = [f"*{suffix}" for suffix in PYTHON_SUFFIXES] + [p for patterns in PATTERNS.values() for p in patterns]
    flags = re.IGNORECASE if os.path.normcase("A") == "a" else 0  # as fnmatch.fnmatch on Windows
    return re.compile(globs_regex(globs), flags)
