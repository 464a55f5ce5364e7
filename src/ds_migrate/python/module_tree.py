"""One CPython parse of a module for every step of a worker that reads it
whole: the slice's plan (``slicing/planner.py``) and the model ids the
module exports (``model_sources.py``) read the same ``ast``, so exporting
costs a walk over the top level instead of a second parse.

The tree is shared: callers read it and never change it. Only the last
module is remembered, and only one below ``MAX_SHARED_CHARS``: a bigger
one is cut before its plan (``slicing/prepass.py``) and never read for
exports, and its tree would hold gigabytes until the next file.
"""

from __future__ import annotations

import ast
import warnings
from functools import lru_cache

MAX_SHARED_CHARS = 1_000_000


def module_tree(text: str) -> ast.Module:
    """``ast.parse(text)`` without warnings; raises as it does."""
    if len(text) >= MAX_SHARED_CHARS:
        return _parse(text)
    return _last(text)


def _parse(text: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


def forget() -> None:
    """Drop the remembered tree once the module is done (a worker's memory
    then holds one module's tree at a time, never two)."""
    _last.cache_clear()


@lru_cache(maxsize=1)
def _last(text: str) -> ast.Module:
    return _parse(text)
