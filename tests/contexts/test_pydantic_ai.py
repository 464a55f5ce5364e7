"""pydantic-ai Agent and its OpenAI chat models:
model_settings={"extra_body": ...} / settings= (contexts/pydantic_ai.py)."""

from conftest import codes, fix, scan

PAI = "from pydantic_ai import Agent\n"

PAI_MODEL = (
    "from pydantic_ai.models.openai import OpenAIChatModel\n"
    "from pydantic_ai.providers.deepseek import DeepSeekProvider\n"
)


def test_pydantic_ai_agent_gets_model_settings():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat")\n'
    after = PAI + 'agent = Agent("deepseek:deepseek-v4-flash", model_settings={"extra_body": {"thinking": {"type": "disabled"}}})\n'
    assert fix(before) == after


def test_pydantic_ai_agent_model_keyword_and_reasoner():
    before = PAI + "agent = Agent(model='deepseek:deepseek-reasoner', system_prompt='Be brief')\n"
    after = PAI + "agent = Agent(model='deepseek:deepseek-v4-flash', system_prompt='Be brief', model_settings={'extra_body': {'thinking': {'type': 'enabled'}}})\n"
    assert fix(before) == after


def test_pydantic_ai_model_settings_literal_is_merged_into():
    before = PAI + 'agent = Agent(\n    "deepseek:deepseek-chat",\n    model_settings={"temperature": 0.2},\n)\n'
    after = PAI + 'agent = Agent(\n    "deepseek:deepseek-v4-flash",\n    model_settings={"temperature": 0.2, "extra_body": {"thinking": {"type": "disabled"}}},\n)\n'
    assert fix(before) == after


def test_pydantic_ai_existing_extra_body_literal_gets_the_key():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat", model_settings={"extra_body": {"top_k": 3}})\n'
    after = PAI + 'agent = Agent("deepseek:deepseek-v4-flash", model_settings={"extra_body": {"top_k": 3, "thinking": {"type": "disabled"}}})\n'
    assert fix(before) == after


def test_pydantic_ai_existing_thinking_is_kept():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat", model_settings={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert fix(fix(before)) == fix(before)


def test_pydantic_ai_model_settings_name_is_unsafe():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat", model_settings=SETTINGS)\n'
    assert fix(before) == before  # the rename waits with the toggle: one fix
    after = PAI + 'agent = Agent("deepseek:deepseek-v4-flash", model_settings={"extra_body": {"thinking": {"type": "disabled"}}, **SETTINGS})\n'
    assert fix(before, unsafe=True) == after
    assert "built elsewhere" in scan(before)[0].note


def test_pydantic_ai_extra_body_built_elsewhere_is_renamed_with_note():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat", model_settings={"extra_body": EXTRA})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "set thinking in it by hand" in scan(before)[0].note


def test_pydantic_ai_model_settings_with_spread_is_unsafe():
    before = PAI + 'agent = Agent("deepseek:deepseek-chat", model_settings={**BASE, "temperature": 0})\n'
    assert fix(before) == before
    assert fix(before, unsafe=True).endswith('"temperature": 0, "extra_body": {"thinking": {"type": "disabled"}}})\n')


def test_pydantic_ai_chat_model_gets_settings():
    before = PAI_MODEL + 'model = OpenAIChatModel(\n    "deepseek-chat",\n    provider=DeepSeekProvider(api_key=key),\n)\n'
    after = PAI_MODEL + 'model = OpenAIChatModel(\n    "deepseek-v4-flash",\n    provider=DeepSeekProvider(api_key=key),\n    settings={"extra_body": {"thinking": {"type": "disabled"}}},\n)\n'
    assert fix(before) == after


def test_pydantic_ai_old_openai_model_with_model_name_keyword():
    before = 'from pydantic_ai.models.openai import OpenAIModel\nm = OpenAIModel(model_name="deepseek-reasoner", provider="deepseek")\n'
    after = 'from pydantic_ai.models.openai import OpenAIModel\nm = OpenAIModel(model_name="deepseek-v4-flash", provider="deepseek", settings={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(before) == after


def test_pydantic_ai_model_on_another_provider_is_left_alone():
    before = (
        "from pydantic_ai.models.openai import OpenAIModel\n"
        "from pydantic_ai.providers.openai import OpenAIProvider\n"
        'm = OpenAIModel("deepseek-chat", provider=OpenAIProvider(base_url="https://openrouter.ai/api/v1"))\n'
    )
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]
    together = 'from pydantic_ai.models.openai import OpenAIModel\nm = OpenAIModel("deepseek-chat", provider="together")\n'
    assert fix(together, unsafe=True) == together
    routed = (
        "from pydantic_ai.models.openai import OpenAIChatModel\n"
        "from pydantic_ai.providers.openrouter import OpenRouterProvider\n"
        'm = OpenAIChatModel("deepseek/deepseek-chat", provider=OpenRouterProvider(api_key=k))\n'
    )
    assert fix(routed, unsafe=True) == routed


def test_pydantic_ai_v4_agent_without_mode_is_flagged_and_explicit_one_is_not():
    assert codes(PAI + 'agent = Agent("deepseek:deepseek-v4-flash")\n') == ["DSM201"]
    done = PAI + 'agent = Agent("deepseek:deepseek-v4-flash", model_settings={"extra_body": {"thinking": {"type": "disabled"}}})\n'
    assert codes(done) == []


def test_agent_of_another_library_is_not_pydantic_ai():
    before = 'from mylib import Agent\nagent = Agent("deepseek:deepseek-chat")\n'
    assert "model_settings" not in fix(before, unsafe=True)


PAI_RESPONSES = (
    "from pydantic_ai.models.openai import OpenAIResponsesModel\n"
    "from pydantic_ai.providers.deepseek import DeepSeekProvider\n"
)


def test_pydantic_ai_responses_model_gets_the_reasoning_effort():
    before = PAI_RESPONSES + 'model = OpenAIResponsesModel("deepseek-chat", provider=DeepSeekProvider(api_key=key))\n'
    after = PAI_RESPONSES + 'model = OpenAIResponsesModel("deepseek-v4-flash", provider=DeepSeekProvider(api_key=key), settings={"extra_body": {"reasoning": {"effort": "none"}}})\n'
    assert fix(before) == after
    reasoner = before.replace("deepseek-chat", "deepseek-reasoner")
    assert fix(reasoner) == after.replace('"none"', '"high"')


def test_pydantic_ai_responses_model_settings_literal_is_merged_into():
    before = PAI_RESPONSES + "m = OpenAIResponsesModel('deepseek-chat', provider='deepseek', settings={'max_tokens': 64, 'extra_body': {'top_k': 3}})\n"
    after = PAI_RESPONSES + "m = OpenAIResponsesModel('deepseek-v4-flash', provider='deepseek', settings={'max_tokens': 64, 'extra_body': {'top_k': 3, 'reasoning': {'effort': 'none'}}})\n"
    assert fix(before) == after


def test_pydantic_ai_responses_model_with_an_effort_keeps_it():
    before = PAI_RESPONSES + 'm = OpenAIResponsesModel("deepseek-chat", provider="deepseek", settings={"extra_body": {"reasoning": {"effort": "high"}}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    done = PAI_RESPONSES + 'm = OpenAIResponsesModel("deepseek-v4-flash", provider="deepseek", settings={"extra_body": {"reasoning": {"effort": "none"}}})\n'
    assert codes(done) == []
    assert codes(PAI_RESPONSES + 'm = OpenAIResponsesModel("deepseek-v4-flash", provider="deepseek")\n') == ["DSM201"]


def test_pydantic_ai_responses_model_on_another_provider_is_left_alone():
    before = PAI_RESPONSES + 'm = OpenAIResponsesModel("deepseek/deepseek-chat", provider="openrouter")\n'
    assert fix(before, unsafe=True) == before
