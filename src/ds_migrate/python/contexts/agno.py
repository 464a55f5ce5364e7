"""agno's ``DeepSeek(id=...)`` model, which has its own ``use_thinking`` switch."""

from __future__ import annotations

import libcst as cst

from ds_migrate.mapping import ENABLED
from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.toggles import Toggle, via_keyword


class AgnoDeepSeek(CallContext):
    name = "agno"
    label = "agno DeepSeek model"
    priority = 50

    callee_names = frozenset({"DeepSeek"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("agno.") and qualified.endswith(".DeepSeek")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_keyword(call, "use_thinking", cst.Name("True" if mode == ENABLED else "False"))
