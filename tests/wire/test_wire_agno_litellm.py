"""agno's ``LiteLLM`` model: ``request_params={"extra_body": {"thinking": ...}}`` on the wire."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _packages():
    pytest.importorskip("agno.models.litellm")
    pytest.importorskip("litellm")


def test_litellm_model_gets_request_params(wire):
    assert wire.check(
        '''from agno.agent import Agent
from agno.models.litellm import LiteLLM

agent = Agent(model=LiteLLM(id="deepseek/deepseek-chat", api_base="https://api.deepseek.com"))
agent.run("Hello")
''',
        '''from agno.agent import Agent
from agno.models.litellm import LiteLLM

agent = Agent(model=LiteLLM(id="deepseek/deepseek-v4-flash", api_base="https://api.deepseek.com", request_params={"extra_body": {"thinking": {"type": "disabled"}}}))
agent.run("Hello")
''',
    )


def test_litellm_model_request_params_literal_is_merged_into(wire):
    assert wire.check(
        '''from agno.agent import Agent
from agno.models.litellm import LiteLLM

model = LiteLLM(
    id="deepseek/deepseek-reasoner",
    api_base="https://api.deepseek.com",
    request_params={"seed": 3},
)
Agent(model=model).run("Prove it")
''',
        '''from agno.agent import Agent
from agno.models.litellm import LiteLLM

model = LiteLLM(
    id="deepseek/deepseek-v4-flash",
    api_base="https://api.deepseek.com",
    request_params={"seed": 3, "extra_body": {"thinking": {"type": "enabled"}}},
)
Agent(model=model).run("Prove it")
''',
    )
