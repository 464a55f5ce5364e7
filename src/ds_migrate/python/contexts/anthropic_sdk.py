"""The Anthropic SDK on DeepSeek's Anthropic endpoint: ``client.messages.create``."""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import attribute_tail, receiver_of
from ds_migrate.python.toggles import Toggle, thinking_object, via_keyword


def messages_depth(func: cst.BaseExpression) -> int | None:
    tail = attribute_tail(func)
    if len(tail) >= 3 and tail[-2] == "messages" and tail[-1] in {"create", "stream"}:
        if "chat" not in tail and "completions" not in tail:
            return 2
    return None


class AnthropicMessages(CallContext):
    name = "anthropic-sdk"
    label = "Anthropic SDK messages call"
    priority = 20

    callee_names = frozenset({"create", "stream"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return messages_depth(call.func) is not None

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        return info.client_base_url(receiver_of(call.func, messages_depth(call.func) or 0))

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_keyword(call, "thinking", thinking_object(mode, quote, budget=True))
