"""agno's ``LiteLLM`` model: ``request_params={"extra_body": {...}}``.

agno copies ``request_params`` into the keyword arguments of
``litellm.completion``, and LiteLLM sends ``extra_body`` on to the request
body on every version checked (see contexts/litellm.py for why the bare
``thinking=`` keyword is not safe across LiteLLM versions).
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.nested_toggles import explicit_extra_body_thinking, via_settings_extra_body
from ds_migrate.python.toggles import Toggle


class AgnoLiteLLM(CallContext):
    name = "agno-litellm"
    label = "agno LiteLLM model"
    priority = 51
    callee_names = frozenset({"LiteLLM"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("agno.") and qualified.endswith(".LiteLLM")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_settings_extra_body(call, "request_params", mode, quote)

    def explicit_toggle(self, call: cst.Call):
        return explicit_extra_body_thinking(call, "request_params")
