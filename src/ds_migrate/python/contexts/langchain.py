"""LangChain chat models and CrewAI's ``LLM``: ``extra_body={"thinking": ...}``.

LangChain documents ``extra_body`` for parameters outside the OpenAI API and
warns that ``model_kwargs`` breaks them; CrewAI passes unknown keywords on to
``chat.completions.create``, where only ``extra_body`` reaches the body.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.toggles import Toggle, via_extra_body

_CHAT_MODELS = {"ChatDeepSeek", "ChatOpenAI", "AzureChatOpenAI", "init_chat_model"}


class LangChainChatModel(CallContext):
    name = "langchain"
    label = "LangChain chat model"
    priority = 30
    callee_names = frozenset(_CHAT_MODELS)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        last = qualified.rsplit(".", 1)[-1]
        if last not in _CHAT_MODELS:
            return False
        return "." not in qualified or qualified.startswith("langchain")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_extra_body(call, mode, quote)


class CrewAILLM(CallContext):
    name = "crewai"
    label = "CrewAI LLM"
    priority = 31
    positional_model = True
    callee_names = frozenset({"LLM"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("crewai.") and qualified.endswith(".LLM")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_extra_body(call, mode, quote)
