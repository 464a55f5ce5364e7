"""A LangChain OpenAI chat model's own SDK client called directly
(llm.client.create): an OpenAI SDK call (contexts/langchain_client.py)."""

from conftest import fix, scan

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
