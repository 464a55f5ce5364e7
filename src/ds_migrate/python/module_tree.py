"""One CPython parse of a module for every step of a worker that reads it
whole: the slice's plan (``slicing/planner.py``), the model ids the module
exports (``model_sources.py``), its constants listed by name
(``named_constants.py``), its constructors (``constructors.py``), a test's
own data (``test_data.py``) and the flow's sites (``project/flow/sites.py``)
read the same ``ast``, not a parse each.

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


def module_tree_or_none(text: str) -> ast.Module | None:
    """``module_tree(text)``, or None for source CPython does not take."""
    try:
        return module_tree(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


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
