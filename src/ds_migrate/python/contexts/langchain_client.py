"""A LangChain OpenAI chat model's own SDK client called directly.

``ChatOpenAI(...).client`` is the OpenAI SDK's ``chat.completions`` resource
(``async_client`` its async twin), so ``llm.client.create(model=...)`` is an
OpenAI SDK call and takes ``extra_body`` the same way. Recognised where the
model object is visibly built by a LangChain chat model constructor.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import dotted_name
from ds_migrate.python.toggles import Toggle, via_extra_body

_CHAT_MODELS = {"ChatDeepSeek", "ChatOpenAI", "AzureChatOpenAI"}
_CLIENTS = {"client", "async_client"}


def _chat_model_call(receiver: cst.BaseExpression, info: ModuleInfo) -> cst.Call | None:
    """The LangChain constructor call ``receiver`` is, or is bound to once."""
    node = receiver
    key = dotted_name(receiver)
    if key is not None:
        node = info.single_binding(key)
    if not isinstance(node, cst.Call):
        return None
    qualified = info.qualified(node.func) or ""
    if qualified.startswith("langchain") and qualified.rsplit(".", 1)[-1] in _CHAT_MODELS:
        return node
    return None


class LangChainSDKClient(CallContext):
    name = "langchain-client"
    label = "OpenAI SDK call through a LangChain model's client"
    priority = 12
    callee_names = frozenset({"create"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        func = call.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute)):
            return False
        if func.value.attr.value not in _CLIENTS:
            return False
        return _chat_model_call(func.value.value, info) is not None

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        model = _chat_model_call(call.func.value.value, info)  # type: ignore[union-attr]
        return info.host_of_call(model) if model is not None else None

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_extra_body(call, mode, quote)
