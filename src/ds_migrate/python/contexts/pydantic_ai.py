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
from ds_migrate.python.nested_toggles import explicit_extra_body_thinking, via_settings_extra_body
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

    def _provider(self, call: cst.Call, info: ModuleInfo) -> cst.BaseExpression | None:
        arg = keyword_arg(call, "provider")
        if arg is None:
            return None
        value = arg.value
        key = dotted_name(value)
        if key is not None and not isinstance(value, cst.Call):
            value = info.single_binding(key) or value
        return value

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        """The provider's base URL as written, else the host of a provider
        known by name (``provider="openrouter"``, ``OpenRouterProvider()``)."""
        provider = self._provider(call, info)
        if isinstance(provider, cst.Call):
            written = info.host_of_call(provider)
            if written is not None:
                return written
            callee = (info.qualified(provider.func) or "").rsplit(".", 1)[-1]
            return _PROVIDER_HOSTS.get(callee.lower().removesuffix("provider"))
        named = string_value(provider)
        return _PROVIDER_HOSTS.get(named.lower()) if named is not None else None

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return via_settings_extra_body(call, "settings", mode, quote)

    def explicit_toggle(self, call: cst.Call):
        return explicit_extra_body_thinking(call, "settings")
