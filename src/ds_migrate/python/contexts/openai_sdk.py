"""The OpenAI Python SDK pointed at DeepSeek: ``client.chat.completions.create``."""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import attribute_tail, receiver_of
from ds_migrate.python.toggles import Toggle, via_extra_body

_METHODS = {"create", "parse", "stream"}
_RESPONSE_WRAPPERS = {"with_raw_response", "with_streaming_response"}


def chat_completions_depth(func: cst.BaseExpression) -> int | None:
    """Attributes from the client to the method, or None if not chat.completions."""
    tail = attribute_tail(func)
    if len(tail) < 3 or tail[-1] not in _METHODS:
        return None
    i = len(tail) - 2
    while i >= 0 and tail[i] in _RESPONSE_WRAPPERS:
        i -= 1
    if i < 1 or tail[i] != "completions" or tail[i - 1] != "chat":
        return None
    depth = len(tail) - (i - 1)
    if i - 2 >= 0 and tail[i - 2] == "beta":
        depth += 1
    return depth


class OpenAIChatCompletions(CallContext):
    name = "openai-sdk"
    label = "OpenAI SDK chat.completions call"
    priority = 10

    callee_names = frozenset(_METHODS)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return chat_completions_depth(call.func) is not None

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        depth = chat_completions_depth(call.func) or 0
        return info.client_base_url(receiver_of(call.func, depth))

    def default_base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        depth = chat_completions_depth(call.func) or 0
        return info.client_default_base_url(receiver_of(call.func, depth))

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_extra_body(call, mode, quote)
