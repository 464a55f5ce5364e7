"""LiteLLM and DSPy (which forwards to LiteLLM): ``thinking={"type": ...}``.

LiteLLM passes ``reasoning_content`` back only when thinking is explicitly
enabled, so the reasoner rewrite must say so even though it is the default.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.toggles import Toggle, thinking_object, via_keyword

_LITELLM = {"litellm.completion", "litellm.acompletion"}


class LiteLLMCompletion(CallContext):
    name = "litellm"
    label = "LiteLLM completion"
    priority = 40
    positional_model = True

    callee_names = frozenset(name.rsplit(".", 1)[1] for name in _LITELLM)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return info.qualified(call.func) in _LITELLM

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_keyword(call, "thinking", thinking_object(mode, quote))


class DSPyLM(CallContext):
    name = "dspy"
    label = "DSPy LM"
    priority = 41
    positional_model = True

    callee_names = frozenset({"LM"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return info.qualified(call.func) == "dspy.LM"

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_keyword(call, "thinking", thinking_object(mode, quote))
