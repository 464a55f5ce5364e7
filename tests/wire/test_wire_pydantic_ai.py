"""pydantic-ai on the wire: ``model_settings`` on an ``Agent``, ``settings`` on a model.

``DeepSeekProvider`` has DeepSeek's base URL built in; each program points
it at the recorder first (the same line before and after the fix).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _packages():
    pytest.importorskip("pydantic_ai")

ROUTE = '''from pydantic_ai.providers.deepseek import DeepSeekProvider

DeepSeekProvider.base_url = property(lambda self: "https://api.deepseek.com")
'''


def _chat_model_class() -> str:
    """``OpenAIChatModel`` where it exists (1.x on), ``OpenAIModel`` before."""
    import pydantic_ai.models.openai as models

    return "OpenAIChatModel" if hasattr(models, "OpenAIChatModel") else "OpenAIModel"


def test_agent_with_a_deepseek_model_string(wire):
    assert wire.check(
        ROUTE + '''from pydantic_ai import Agent

agent = Agent("deepseek:deepseek-chat", system_prompt="Answer in one word.")
result = agent.run_sync("Hello")
print(result.output if hasattr(result, "output") else result.data)
''',
        ROUTE + '''from pydantic_ai import Agent

agent = Agent("deepseek:deepseek-v4-flash", system_prompt="Answer in one word.", model_settings={"extra_body": {"thinking": {"type": "disabled"}}})
result = agent.run_sync("Hello")
print(result.output if hasattr(result, "output") else result.data)
''',
    )


def test_agent_model_settings_literal_is_merged_into(wire):
    assert wire.check(
        ROUTE + '''from pydantic_ai import Agent

agent = Agent(
    model="deepseek:deepseek-reasoner",
    model_settings={"max_tokens": 512},
)
agent.run_sync("Prove it")
''',
        ROUTE + '''from pydantic_ai import Agent

agent = Agent(
    model="deepseek:deepseek-v4-flash",
    model_settings={"max_tokens": 512, "extra_body": {"thinking": {"type": "enabled"}}},
)
agent.run_sync("Prove it")
''',
    )


def test_chat_model_with_deepseek_provider_gets_settings(wire):
    cls = _chat_model_class()
    assert wire.check(
        ROUTE + f'''from pydantic_ai import Agent
from pydantic_ai.models.openai import {cls}

model = {cls}(
    "deepseek-chat",
    provider=DeepSeekProvider(api_key="sk-test"),
)
Agent(model).run_sync("Hello")
''',
        ROUTE + f'''from pydantic_ai import Agent
from pydantic_ai.models.openai import {cls}

model = {cls}(
    "deepseek-v4-flash",
    provider=DeepSeekProvider(api_key="sk-test"),
    settings={{"extra_body": {{"thinking": {{"type": "disabled"}}}}}},
)
Agent(model).run_sync("Hello")
''',
    )


@pytest.mark.parametrize("legacy, effort", [("deepseek-chat", "none"), ("deepseek-reasoner", "high")])
def test_responses_model_gets_the_effort_in_extra_body(wire, legacy, effort):
    """``OpenAIResponsesModel`` posts to ``/responses``: the mode is
    ``reasoning.effort``, which pydantic-ai's ``extra_body`` setting carries."""
    from test_wire_responses import check_responses_pair

    program = ROUTE + '''from pydantic_ai import Agent
from pydantic_ai.models.openai import OpenAIResponsesModel

model = OpenAIResponsesModel("MODEL", provider=DeepSeekProvider(api_key="sk-test")SETTINGS)
Agent(model).run_sync("Hello")
'''
    settings = ', settings={"extra_body": {"reasoning": {"effort": "EFFORT"}}}'.replace("EFFORT", effort)
    check_responses_pair(
        wire,
        program.replace("MODEL", legacy).replace("SETTINGS", ""),
        program.replace("MODEL", "deepseek-v4-flash").replace("SETTINGS", settings),
    )
