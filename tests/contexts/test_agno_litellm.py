"""agno's LiteLLM model: request_params={"extra_body": ...} (contexts/agno_litellm.py)."""

from conftest import fix


def test_agno_litellm_gets_request_params():
    before = 'from agno.models.litellm import LiteLLM\nm = LiteLLM(id="deepseek/deepseek-reasoner")\n'
    after = 'from agno.models.litellm import LiteLLM\nm = LiteLLM(id="deepseek/deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(before) == after


def test_agno_litellm_request_params_literal_is_merged_into():
    before = 'from agno.models.litellm import LiteLLM\nm = LiteLLM(id="deepseek/deepseek-chat", request_params={"num_retries": 2})\n'
    assert fix(before).endswith('request_params={"num_retries": 2, "extra_body": {"thinking": {"type": "disabled"}}})\n')


def test_agno_litellm_openrouter_route_is_not_touched():
    before = 'from agno.models.litellm import LiteLLM\nm = LiteLLM(id="openrouter/deepseek/deepseek-chat")\n'
    assert fix(before, unsafe=True) == before


def test_agno_litellm_existing_thinking_is_kept():
    before = 'from agno.models.litellm import LiteLLM\nm = LiteLLM(id="deepseek/deepseek-chat", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
