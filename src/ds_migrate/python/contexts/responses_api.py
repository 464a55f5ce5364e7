"""The OpenAI Responses API on DeepSeek: ``client.responses.create(...)``.

DeepSeek's thinking-mode guide gives the Responses API its own toggle,
``{"reasoning": {"effort": "none/low/high/max"}}``, where ``none`` disables
thinking; thinking is on by default with effort ``high``. So a model that
was deepseek-chat gets ``reasoning={"effort": "none"}`` and one that was
deepseek-reasoner ``reasoning={"effort": "high"}`` (the default, made
explicit). The OpenAI SDK sends ``reasoning`` as a body field as given.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.deepseek.mapping import DISABLED, ENABLED
from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.nested_toggles import nested_toggle_value, via_nested
from ds_migrate.python.syntax import attribute_tail, receiver_of, string_value
from ds_migrate.python.toggles import Toggle

_METHODS = {"create", "stream", "parse"}
EFFORT = {DISABLED: "none", ENABLED: "high"}


def explicit_effort(call: cst.Call, keyword: str, path: tuple[str, ...]):
    """The reasoning effort written at ``keyword={path...}`` on ``call`` and
    the mode it means ("none" disables thinking), or None when there is none."""
    value = nested_toggle_value(call, keyword, path)
    if value is None:
        return None
    effort = string_value(value)
    if effort is None:
        return value, None
    return value, DISABLED if effort == "none" else ENABLED


class OpenAIResponses(CallContext):
    name = "openai-responses"
    label = "OpenAI SDK responses call"
    priority = 11
    callee_names = frozenset(_METHODS)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        tail = attribute_tail(call.func)
        return len(tail) >= 3 and tail[-1] in _METHODS and tail[-2] == "responses"

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        return info.client_base_url(receiver_of(call.func, 2))

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        effort = cst.SimpleString(f"{quote}{EFFORT[mode]}{quote}")
        return via_nested(call, "reasoning", ("effort",), effort, quote, what="the reasoning effort")

    def explicit_toggle(self, call: cst.Call):
        return explicit_effort(call, "reasoning", ("effort",))
