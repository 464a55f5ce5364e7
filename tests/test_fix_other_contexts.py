"""Raw payloads, Anthropic, LangChain, CrewAI, LiteLLM, DSPy, agno (pydantic-ai, LlamaIndex and
others: test_fix_framework_contexts.py)."""

from conftest import codes, fix, scan


def test_raw_payload_sent_with_json_gets_thinking_key():
    before = 'httpx.post(URL, json={"model": "deepseek-chat", "messages": m})\n'
    after = 'httpx.post(URL, json={"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_raw_payload_assigned_then_sent():
    before = 'body = {\n    "model": "deepseek-reasoner",\n    "messages": m,\n}\nrequests.post(URL, json=body)\n'
    after = 'body = {\n    "model": "deepseek-v4-flash",\n    "messages": m,\n    "thinking": {"type": "enabled"},\n}\nrequests.post(URL, json=body)\n'
    assert fix(before) == after


def test_raw_payload_through_json_dumps():
    before = 'data = json.dumps({"model": "deepseek-chat", "messages": m})\n'
    assert fix(before) == 'data = json.dumps({"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n'


def test_payload_with_existing_thinking_is_kept():
    before = 'httpx.post(U, json={"model": "deepseek-chat", "messages": m, "thinking": {"type": "enabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_payload_of_unknown_use_is_renamed_only_with_note():
    before = 'payload = {"model": "deepseek-chat", "messages": m}\nclient.chat.completions.create(**payload)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "how this body is sent" in scan(before)[0].note


# Unpinned, the Anthropic SDK gets extra_body (thinking= is a TypeError before
# anthropic 0.47); tests/test_pins.py has the pinned cases.


def test_anthropic_messages_enabled_has_budget_tokens():
    before = 'client.messages.create(model="deepseek-reasoner", max_tokens=4096, messages=m)\n'
    after = (
        'client.messages.create(model="deepseek-v4-flash", max_tokens=4096, messages=m, '
        'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n'
    )
    assert fix(before) == after


def test_anthropic_messages_disabled():
    before = 'client.messages.create(model="deepseek-chat", max_tokens=64, messages=m)\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "disabled"}})\n')


def test_anthropic_existing_extra_body_thinking_is_kept():
    before = 'client.messages.create(model="deepseek-chat", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_anthropic_existing_thinking_is_kept():
    before = 'client.messages.create(model="deepseek-chat", messages=m, thinking={"type": "enabled", "budget_tokens": 2048})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_langchain_chat_deepseek():
    before = "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-chat', temperature=0)\n"
    after = "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-v4-flash', temperature=0, extra_body={'thinking': {'type': 'disabled'}})\n"
    assert fix(before) == after


def test_langchain_chat_openai_model_name_keyword():
    before = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model_name="deepseek-reasoner", base_url="https://api.deepseek.com")\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "enabled"}})\n')


def test_langchain_chat_openai_on_other_host_is_left_alone():
    before = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="deepseek/deepseek-chat", base_url="https://openrouter.ai/api/v1")\n'
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]


def test_crewai_llm():
    before = 'from crewai import LLM\nllm = LLM(model="deepseek/deepseek-chat")\n'
    after = 'from crewai import LLM\nllm = LLM(model="deepseek/deepseek-v4-flash", extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


# With no pin near the file, the forms that work on every version checked
# (ds_migrate/forms.py); tests/test_pins.py has the pinned cases.


def test_litellm_completion_unpinned_uses_extra_body():
    before = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m)\n'
    after = (
        'import litellm\nlitellm.completion(model="deepseek/deepseek-v4-flash", messages=m, '
        'extra_body={"thinking": {"type": "enabled"}})\n'
    )
    assert fix(before) == after


def test_litellm_imported_function():
    before = 'from litellm import acompletion\nawait_me = acompletion(model="deepseek/deepseek-chat", messages=m)\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "disabled"}})\n')


def test_dspy_lm_positional_model():
    before = 'import dspy\nlm = dspy.LM("deepseek/deepseek-chat", max_tokens=100)\n'
    after = 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", max_tokens=100, extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_agno_unpinned_uses_request_params():
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner")\n'
    assert fix(before) == (
        'from agno.models.deepseek import DeepSeek\n'
        'm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    chat = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat")\n'
    assert fix(chat).endswith('request_params={"extra_body": {"thinking": {"type": "disabled"}}})\n')


def test_setup_name_is_not_a_model():
    before = 'setup(name="deepseek-chat", version="1")\n'
    assert codes(before) == ["DSM110"]
    assert fix(before, unsafe=True) == before
