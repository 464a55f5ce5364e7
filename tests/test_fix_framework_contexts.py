"""pydantic-ai, LlamaIndex, AutoGen, agno LiteLLM, the Responses API and a
LangChain model's SDK client: input -> expected output, and what must not change."""

from conftest import codes, fix, scan

PAI = "from pydantic_ai import Agent\n"
PAI_MODEL = (
    "from pydantic_ai.models.openai import OpenAIChatModel\n"
    "from pydantic_ai.providers.deepseek import DeepSeekProvider\n"
)


# -- pydantic-ai --------------------------------------------------------------------


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


# -- LlamaIndex ---------------------------------------------------------------------------


def test_llamaindex_deepseek_gets_additional_kwargs():
    before = 'from llama_index.llms.deepseek import DeepSeek\nllm = DeepSeek(model="deepseek-chat", api_key=k)\n'
    after = 'from llama_index.llms.deepseek import DeepSeek\nllm = DeepSeek(model="deepseek-v4-flash", api_key=k, additional_kwargs={"extra_body": {"thinking": {"type": "disabled"}}})\n'
    assert fix(before) == after


def test_llamaindex_openai_like_merges_into_additional_kwargs():
    before = (
        "from llama_index.llms.openai_like import OpenAILike\n"
        'llm = OpenAILike(model="deepseek-reasoner", api_base="https://api.deepseek.com", additional_kwargs={"seed": 1})\n'
    )
    after = (
        "from llama_index.llms.openai_like import OpenAILike\n"
        'llm = OpenAILike(model="deepseek-v4-flash", api_base="https://api.deepseek.com", additional_kwargs={"seed": 1, "extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    assert fix(before) == after


def test_llamaindex_openai_like_on_a_local_server_is_left_alone():
    before = 'from llama_index.llms.openai_like import OpenAILike\nllm = OpenAILike(model="deepseek-chat", api_base="http://localhost:8000/v1")\n'
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]


# -- AutoGen --------------------------------------------------------------------------------


def test_autogen_client_gets_extra_body():
    before = (
        "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
        "client = OpenAIChatCompletionClient(\n"
        '    model="deepseek-chat",\n'
        '    base_url="https://api.deepseek.com",\n'
        "    model_info=INFO,\n"
        ")\n"
    )
    after = before.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        "    model_info=INFO,\n", '    model_info=INFO,\n    extra_body={"thinking": {"type": "disabled"}},\n'
    )
    assert fix(before) == after


def test_autogen_client_elsewhere_is_left_alone():
    before = (
        "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
        'c = OpenAIChatCompletionClient(model="deepseek-chat", base_url="https://api.together.xyz/v1")\n'
    )
    assert fix(before, unsafe=True) == before


# -- agno LiteLLM ---------------------------------------------------------------------------


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


# -- the Responses API ----------------------------------------------------------------------

DS_CLIENT = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\n'


def test_responses_create_chat_gets_effort_none():
    before = DS_CLIENT + 'r = client.responses.create(model="deepseek-chat", input="Hi")\n'
    after = DS_CLIENT + 'r = client.responses.create(model="deepseek-v4-flash", input="Hi", reasoning={"effort": "none"})\n'
    assert fix(before) == after


def test_responses_create_reasoner_gets_effort_high_inside_existing_reasoning():
    before = DS_CLIENT + "r = client.responses.create(model='deepseek-reasoner', input='Hi', reasoning={'summary': 'auto'})\n"
    after = DS_CLIENT + "r = client.responses.create(model='deepseek-v4-flash', input='Hi', reasoning={'summary': 'auto', 'effort': 'high'})\n"
    assert fix(before) == after


def test_responses_existing_effort_is_kept_and_counts_as_explicit():
    before = DS_CLIENT + 'r = client.responses.create(model="deepseek-chat", input="Hi", reasoning={"effort": "low"})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert codes(fix(before)) == []
    assert codes(DS_CLIENT + 'r = client.responses.create(model="deepseek-v4-flash", input="Hi")\n') == ["DSM201"]


def test_responses_on_another_host_is_left_alone():
    before = 'from openai import OpenAI\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\nr = client.responses.create(model="deepseek/deepseek-chat", input="Hi")\n'
    assert fix(before, unsafe=True) == before


# -- a LangChain model's SDK client -------------------------------------------------------------

LC = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="deepseek-v4-flash", base_url="https://api.deepseek.com", extra_body={"thinking": {"type": "disabled"}})\n'


def test_langchain_client_create_is_an_openai_sdk_call():
    before = LC + 'r = llm.client.create(model="deepseek-chat", messages=m)\n'
    after = LC + 'r = llm.client.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_langchain_async_client_create():
    before = LC + 'r = await llm.async_client.create(model="deepseek-reasoner", messages=m)\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "enabled"}})\n')


def test_client_create_of_an_unknown_object_is_renamed_only():
    before = 'r = service.client.create(model="deepseek-chat", messages=m)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "thinking disabled" in scan(before)[0].note


def test_langchain_client_of_a_model_on_another_host_is_left_alone():
    before = (
        'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="x", base_url="https://openrouter.ai/api/v1")\n'
        'r = llm.client.create(model="deepseek/deepseek-chat", messages=m)\n'
    )
    assert fix(before, unsafe=True) == before


AUTOGEN = (
    "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
    'client = OpenAIChatCompletionClient(model="deepseek-chat", base_url="https://api.deepseek.com")\n'
)


def test_autogen_unpinned_gets_the_toggle_and_a_version_note():
    assert fix(AUTOGEN).endswith('extra_body={"thinking": {"type": "disabled"}})\n')
    assert "needs autogen-ext>=0.7.5" in scan(AUTOGEN)[0].note


def test_autogen_pinned_below_0_7_5_is_renamed_and_reported(tmp_path):
    (tmp_path / "requirements.txt").write_text("autogen-ext[openai]==0.6.4\n")
    path = str(tmp_path / "app.py")
    assert fix(AUTOGEN, path=path) == AUTOGEN.replace("deepseek-chat", "deepseek-v4-flash")
    assert "0.6.4" in scan(AUTOGEN, path=path)[0].note


def test_autogen_pinned_to_0_7_5_gets_the_toggle_without_a_note(tmp_path):
    (tmp_path / "requirements.txt").write_text("autogen-ext[openai]>=0.7.5\n")
    path = str(tmp_path / "app.py")
    assert fix(AUTOGEN, path=path).endswith('extra_body={"thinking": {"type": "disabled"}})\n')
    assert scan(AUTOGEN, path=path)[0].note is None
