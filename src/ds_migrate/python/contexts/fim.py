"""FIM and prefix completion (``client.completions.create``): non-thinking only."""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import attribute_tail, receiver_of
from ds_migrate.python.toggles import Toggle


class FimCompletions(CallContext):
    name = "fim"
    label = "FIM completion call"
    priority = 5
    callee_names = frozenset({"create"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        tail = attribute_tail(call.func)
        return len(tail) >= 2 and tail[-2:] == ["completions", "create"] and (
            len(tail) < 3 or tail[-3] != "chat"
        )

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        return info.client_base_url(receiver_of(call.func, 2))

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return Toggle(None, note="FIM completion runs in non-thinking mode only; fix renames it, no toggle")
