"""LlamaIndex ``DeepSeek`` (llama-index-llms-deepseek) and ``OpenAILike``.

Both are LlamaIndex OpenAI LLMs: ``additional_kwargs`` is merged into the
keyword arguments of ``chat.completions.create``, so the OpenAI SDK's
``extra_body`` reaches the request body from there.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.nested_toggles import explicit_extra_body_thinking, via_settings_extra_body
from ds_migrate.python.toggles import Toggle

_CLASSES = {"DeepSeek", "OpenAILike"}


class LlamaIndexLLM(CallContext):
    name = "llama-index"
    label = "LlamaIndex LLM"
    priority = 62
    positional_model = True
    callee_names = frozenset(_CLASSES)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("llama_index.") and qualified.rsplit(".", 1)[-1] in _CLASSES

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_settings_extra_body(call, "additional_kwargs", mode, quote)

    def explicit_toggle(self, call: cst.Call):
        return explicit_extra_body_thinking(call, "additional_kwargs")
