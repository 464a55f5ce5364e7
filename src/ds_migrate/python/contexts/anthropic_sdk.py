"""The Anthropic SDK on DeepSeek's Anthropic endpoint: ``client.messages.create``.

``thinking=`` is a keyword of ``messages.create`` / ``stream`` only from
anthropic 0.47 (a TypeError before); ``extra_body={"thinking": ...}``
reaches the body on every version checked. ds_migrate/deepseek/forms.py decides by
the pinned version; with no pin, ``extra_body``.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import attribute_tail, receiver_of
from ds_migrate.python.syntax import keyword_arg
from ds_migrate.python.toggles import Toggle, no_form_toggle, has_thinking_key, thinking_object, via_extra_body, via_keyword


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
        return self.toggle_for(call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        from ds_migrate.deepseek.forms import choose_form

        if keyword_arg(call, "thinking") is not None:
            return Toggle(None, note="the call already sets thinking=; kept as is")
        extra = keyword_arg(call, "extra_body")
        if extra is not None and has_thinking_key(extra.value):
            return Toggle(None, note="the call already sets thinking in extra_body; kept as is")
        form, pin = choose_form(self.name, mode, getattr(info, "path", None))
        if form is None:
            return no_form_toggle(self.name, mode, pin)
        if form == "thinking":
            toggle = via_keyword(call, "thinking", thinking_object(mode, quote, budget=True))
        else:
            toggle = via_extra_body(call, mode, quote, budget=True)
        if pin is not None and toggle.apply is not None and toggle.note is None:
            toggle.note = f"{form}= chosen for {pin.describe()}"
        return toggle
