"""Calling contexts: who receives the model name, and how it takes a thinking mode.

Each module here defines one ``CallContext``; they register themselves when
the package is imported, so adding a library means adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo

__all__ = ["CallContext", "all_contexts", "context_for"]


@lru_cache(maxsize=None)
def all_contexts() -> tuple[CallContext, ...]:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    found = [cls() for cls in CallContext.__subclasses__()]
    return tuple(sorted(found, key=lambda ctx: (ctx.priority, ctx.name)))


def context_for(call: cst.Call, info: ModuleInfo) -> CallContext | None:
    key = id(call)
    if key not in info.contexts:
        last = _callee_last_name(call, info)
        info.contexts[key] = next(
            (c for c in all_contexts() if last in c.callee_names and c.recognizes(call, info)), None
        )
    return info.contexts[key]


def _callee_last_name(call: cst.Call, info: ModuleInfo) -> str:
    """``create`` for ``x().chat.completions.create``; for a bare name, the
    name it was imported as (``from litellm import completion as ask``)."""
    if isinstance(call.func, cst.Attribute):
        return call.func.attr.value
    return (info.qualified(call.func) or "").rpartition(".")[2]
