"""pydantic-ai: ``Agent("deepseek:deepseek-chat")`` and its OpenAI chat models.

pydantic-ai passes ``extra_body`` from the model settings to the OpenAI SDK
(``extra_body=model_settings.get('extra_body')`` in its OpenAI model, from
0.4 to 2.x), so the mode goes into ``model_settings`` on an ``Agent`` and
into ``settings`` on a model object; both are merged into every request the
agent makes.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.contexts.responses_api import EFFORT, explicit_effort
from ds_migrate.python.nested_toggles import (
    explicit_extra_body_thinking,
    via_nested,
    via_settings_extra_body,
)
from ds_migrate.python.syntax import dotted_name, keyword_arg, string_value
from ds_migrate.python.toggles import Toggle

# Hosts of pydantic-ai providers named without a base URL; "openai" is left
# out: its base URL comes from the environment and may well be DeepSeek's.
_PROVIDER_HOSTS = {
    "deepseek": "https://api.deepseek.com",
    "openrouter": "https://openrouter.ai/api/v1",
    "together": "https://api.together.xyz/v1",
    "fireworks": "https://api.fireworks.ai/inference/v1",
    "groq": "https://api.groq.com/openai/v1",
    "azure": "https://azure.com",
    "ollama": "http://localhost:11434/v1",
    "vercel": "https://ai-gateway.vercel.sh/v1",
    "github": "https://models.github.ai/inference",
    "heroku": "https://us.inference.heroku.com",
    "litellm": "http://localhost:4000",
}


def _is_pydantic_ai(call: cst.Call, info: ModuleInfo, last: str) -> bool:
    qualified = info.qualified(call.func) or ""
    return qualified.startswith("pydantic_ai.") and qualified.rsplit(".", 1)[-1] == last


def _provider_base_url(call: cst.Call, info: ModuleInfo) -> str | None:
    """The base URL of a pydantic-ai model's ``provider=`` as written, else the
    host of a provider known by name (``provider="openrouter"``,
    ``OpenRouterProvider()``)."""
    arg = keyword_arg(call, "provider")
    if arg is None:
        return None
    provider = arg.value
    key = dotted_name(provider)
    if key is not None and not isinstance(provider, cst.Call):
        provider = info.single_binding(key) or provider
    if isinstance(provider, cst.Call):
        written = info.host_of_call(provider)
        if written is not None:
            return written
        callee = (info.qualified(provider.func) or "").rsplit(".", 1)[-1]
        return _PROVIDER_HOSTS.get(callee.lower().removesuffix("provider"))
    named = string_value(provider)
    return _PROVIDER_HOSTS.get(named.lower()) if named is not None else None


class PydanticAIAgent(CallContext):
    name = "pydantic-ai-agent"
    label = "pydantic-ai Agent"
    priority = 60
    positional_model = True
    callee_names = frozenset({"Agent"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return _is_pydantic_ai(call, info, "Agent")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_settings_extra_body(call, "model_settings", mode, quote)

    def explicit_toggle(self, call: cst.Call):
        return explicit_extra_body_thinking(call, "model_settings")


class PydanticAIOpenAIModel(CallContext):
    name = "pydantic-ai-model"
    label = "pydantic-ai OpenAI chat model"
    priority = 61
    positional_model = True
    callee_names = frozenset({"OpenAIModel", "OpenAIChatModel"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return any(_is_pydantic_ai(call, info, last) for last in self.callee_names)

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        return _provider_base_url(call, info)

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_settings_extra_body(call, "settings", mode, quote)

    def explicit_toggle(self, call: cst.Call):
        return explicit_extra_body_thinking(call, "settings")


class PydanticAIResponsesModel(CallContext):
    """``OpenAIResponsesModel(...)``: requests go to ``/responses``, where
    DeepSeek reads the mode from ``reasoning.effort`` ("none" disables
    thinking), not from ``thinking``. pydantic-ai passes
    ``settings["extra_body"]`` to ``responses.create`` unchanged, so the
    effort goes there: the body gains ``reasoning`` and nothing else (its
    own ``openai_reasoning_effort`` setting also changes which reasoning
    fields it asks for)."""

    name = "pydantic-ai-responses-model"
    label = "pydantic-ai OpenAI Responses model"
    priority = 62
    positional_model = True
    callee_names = frozenset({"OpenAIResponsesModel"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return _is_pydantic_ai(call, info, "OpenAIResponsesModel")

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        return _provider_base_url(call, info)

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        effort = cst.SimpleString(f"{quote}{EFFORT[mode]}{quote}")
        return via_nested(call, "settings", ("extra_body", "reasoning", "effort"), effort, quote, what="the reasoning effort")

    def explicit_toggle(self, call: cst.Call):
        return explicit_effort(call, "settings", ("extra_body", "reasoning", "effort"))
